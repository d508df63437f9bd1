"""Cold and warm start to the first shown window: the installed app, the bundle, a bare window.

Starts each program several times and takes the median time from process start to its
``text-shown`` trace line (the app: the seed article on screen; the bare window: a
QMainWindow with one QTextEdit holding the same text, from `first_window.py`). The
runs of the three alternate, so that drift on the machine hits all of them alike.

- **warm**: the files are in the page cache (a start soon after another);
- **cold**: the page cache is dropped before each run (`echo 3 > /proc/sys/vm/drop_caches`,
  root only). Where that is not permitted, the files each program reads (its venv or
  bundle folder, and Python's standard library) are evicted one by one with
  posix_fadvise(DONTNEED) instead, and the table says so.

    python benchmarks/startup.py [--runs 5] [--platform offscreen|xcb] [--launcher PATH]
                                 [--bundle dist/article-lens] [--no-cold]

The installed app is the launcher that `packaging/linux/install.sh` puts on PATH
(~/.local/bin/article-lens); the bundle is `make bundle`'s dist/article-lens. Either is
left out of the table when it is not there. For a real X window use --platform xcb under
a display (on a headless machine: `xvfb-run -a python benchmarks/startup.py --platform xcb`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import sysconfig
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from first_window import BARE_WINDOW, REPO, SEED, timed_run  # noqa: E402

#: The target of the start-up issue: the app's window at most this many times the bare one.
TARGET_RATIO = 1.5
EVENT = "text-shown"


@dataclass
class Program:
    name: str
    command: list[str]
    files: list[Path]  # what a cold start has to read from disk
    times: dict[str, list[float]] = field(default_factory=lambda: {"cold": [], "warm": []})

    def median(self, mode: str) -> float:
        return statistics.median(self.times[mode]) if self.times[mode] else float("nan")


def default_launcher() -> Path:
    return Path(os.environ.get("XDG_BIN_HOME") or Path.home() / ".local" / "bin") / "article-lens"


def python_files(executable: Path) -> list[Path]:
    """The interpreter and its standard library, for the venv whose python is ``executable``."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    return [executable.resolve().parent, stdlib]


def programs(options: argparse.Namespace) -> list[Program]:
    """The bare window first, then the installed app and the bundle where they exist. The
    bare window runs on the installed app's Python and Qt when there is one (else on this
    Python), so that both use the same versions."""
    launcher = Path(options.launcher) if options.launcher else default_launcher()
    venv = launcher.resolve().parents[1] if launcher.exists() else Path(sys.prefix)
    python = venv / "bin" / "python"
    qt = [p for name in ("PySide6", "shiboken6") for p in venv.glob(f"lib/python3*/site-packages/{name}")]
    found = [Program("bare PySide6 window", [str(python), "-c", BARE_WINDOW, str(SEED)],
                     python_files(python) + qt)]
    if launcher.exists():
        found.append(Program(f"installed app ({_short(launcher)})", [str(launcher)],
                             [venv] + python_files(python)))
    else:
        print(f"(no installed app at {launcher}: `make install-user` installs it)")
    bundle = Path(options.bundle)
    if (bundle / "article-lens").exists():
        found.append(Program(f"bundle ({_short(bundle)})", [str(bundle / "article-lens")], [bundle]))
    else:
        print(f"(no bundle in {bundle}: `make bundle` builds it)")
    return found


def _short(path: Path) -> str:
    text = str(path)
    home = str(Path.home())
    return "~" + text[len(home):] if text.startswith(home + "/") else text


def cache_dropper() -> tuple[str, Callable[[Program], None]]:
    """How cold starts are made here: the whole page cache, else each program's own files."""
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as control:
            control.write("3\n")
    except OSError as error:
        reason = f"drop_caches not permitted ({error.strerror}): each program's files evicted"
        return reason, lambda program: evict(program.files)

    def drop(_program: Program) -> None:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as control:
            control.write("3\n")

    return "page cache dropped before each run (drop_caches)", drop


def evict(roots: list[Path]) -> None:
    """Drop the cached pages of every file under ``roots`` (posix_fadvise DONTNEED)."""
    for root in roots:
        paths = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file())
        for path in paths:
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--launcher", help="the installed app's launcher (default ~/.local/bin/article-lens)")
    parser.add_argument("--bundle", default=str(REPO / "dist" / "article-lens"))
    parser.add_argument("--no-cold", action="store_true", help="only warm starts")
    options = parser.parse_args()
    if options.platform == "xcb" and not os.environ.get("DISPLAY"):
        parser.error("--platform xcb needs a display: run under `xvfb-run -a`")

    found = programs(options)
    # settings and recovery files of these runs go to a temporary folder
    scratch = Path(tempfile.mkdtemp(prefix="article-lens-startup-"))
    env = dict(os.environ, ARTICLE_LENS_TRACE="1", ARTICLE_LENS_QUIT_AFTER=EVENT,
               XDG_RUNTIME_DIR=tempfile.mkdtemp(prefix="al-startup-"),  # no other app takes the launch over
               QT_QPA_PLATFORM=options.platform, QT_LOGGING_RULES="qt.qpa.*=false",
               XDG_CONFIG_HOME=str(scratch / "config"), XDG_DATA_HOME=str(scratch / "data"))
    modes = ["warm"] if options.no_cold else ["cold", "warm"]
    method, make_cold = cache_dropper() if "cold" in modes else ("", None)
    try:
        for program in found:  # the first start of each only fills the cache
            timed_run(program.command, env, (EVENT,))
        for mode in modes:
            for _ in range(options.runs):
                for program in found:
                    if mode == "cold":
                        make_cold(program)
                    program.times[mode].append(timed_run(program.command, env, (EVENT,))[EVENT])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    bare = found[0]
    print(f"\ntime to the first shown window with the seed text ({SEED.name}), "
          f"platform {options.platform}, median of {options.runs} runs")
    if "cold" in modes:
        print(f"cold: {method}")
    width = max(len(p.name) for p in found) + 2
    header = f"{'program':<{width}}" + "".join(f"{m + ' s':>9}{'× bare':>8}" for m in modes)
    print("\n" + header)
    for program in found:
        cells = "".join(f"{program.median(m):>9.2f}{program.median(m) / bare.median(m):>8.2f}"
                        for m in modes)
        print(f"{program.name:<{width}}{cells}")
    worst = max((p.median(m) / bare.median(m) for p in found[1:] for m in modes), default=0.0)
    if len(found) > 1:
        verdict = "meets" if worst <= TARGET_RATIO else "misses"
        print(f"\nworst ratio {worst:.2f}: {verdict} the target of {TARGET_RATIO}× the bare window")
    return 0


if __name__ == "__main__":
    sys.exit(main())
