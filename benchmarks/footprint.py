"""Memory of Article Lens on the desktop: the seed window, then a session opened by a
second launch, under Xvfb, as PSS (proportional set size: a page shared by several
processes counts once, split between them) of every Article Lens process.

Each run starts a private Xvfb display and a private home (settings, recovery copies,
the single-instance socket), then:

1. ``article-lens`` (the seed article): waits until its window shows and the app is
   idle (all its processes use < 3% CPU over a second; at least SETTLE_SECONDS after
   the window's analysis finished, so workers started "a moment later" are counted);
2. ``article-lens SESSION.alens`` (a double-click on a saved session): waits until a
   window with the session's name exists and everything is idle again.

After each step it sums the PSS (/proc/PID/smaps_rollup) of the launched processes
and all their descendants (analysis workers) that still run, and counts them.

    python benchmarks/footprint.py [--runs 3]

Goals (issue 22): ≤ 350 MiB for the seed window, ≤ 450 MiB with both files open,
one app process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from benchmarks.machine import cpu_name  # noqa: E402

SEED = next((REPO / "seeds").glob("*.txt"))
SESSION_ARTICLE = REPO / "tests" / "data" / "rotterdam_port.txt"
#: The app counts as settled no sooner than this after its window's analysis ended.
SETTLE_SECONDS = 4.0
#: ... and once its processes use less than this share of a core over IDLE_WINDOW.
IDLE_CPU = 0.03
IDLE_WINDOW = 1.0
GIVE_UP_SECONDS = 90.0




def descendants(pids: list[int]) -> list[int]:
    """``pids`` that still run and every process below them."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid for pid in pids if Path(f"/proc/{pid}").exists()]
    while todo:
        pid = todo.pop()
        if pid in found:
            continue
        if _state(pid) not in ("", "Z"):
            found.append(pid)
        todo += children.get(pid, [])
    return sorted(found)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return ""


def pss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(roots: list[int], not_before: float) -> None:
    """Until ``not_before`` has passed and the processes under ``roots`` are idle."""
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while time.monotonic() < deadline:
        pids = descendants(roots)
        used = sum(cpu_seconds(pid) for pid in pids)
        time.sleep(IDLE_WINDOW)
        pids_after = descendants(roots)
        used_after = sum(cpu_seconds(pid) for pid in pids_after)
        if pids == pids_after and used_after - used < IDLE_CPU * IDLE_WINDOW \
                and time.monotonic() >= not_before:
            return
    raise TimeoutError("the app never became idle")


def window_exists(display: str, name: str) -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                           env=dict(os.environ, DISPLAY=display), capture_output=True, text=True)
    return bool(found.stdout.strip())


def wait_for_window(display: str, name: str) -> None:
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while not window_exists(display, name):
        if time.monotonic() > deadline:
            raise TimeoutError(f"no window named {name!r}")
        time.sleep(0.1)


def start_xvfb() -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    return xvfb, f":{number}"


def measure(runs_dir: Path) -> dict[str, tuple[float, int, list[float]]]:
    """One run: {step: (total PSS MiB, processes, PSS of each)}."""
    home = Path(tempfile.mkdtemp(prefix="footprint-", dir=runs_dir))
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_RUNTIME_DIR=str(home / "run"), ARTICLE_LENS_TRACE="1",
               QT_LOGGING_RULES="qt.qpa.*=false")
    env.pop("QT_QPA_PLATFORM", None)
    (home / "run").mkdir(mode=0o700)
    session = home / "rotterdam.alens"
    subprocess.run([sys.executable, "-m", "desktop.cli", "extract", str(SESSION_ARTICLE),
                    "--session", str(session)], cwd=REPO, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    xvfb, display = start_xvfb()
    env["DISPLAY"] = display
    launched: list[subprocess.Popen] = []
    results = {}
    try:
        first = subprocess.Popen([sys.executable, "-m", "desktop.cli"], cwd=REPO, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        launched.append(first)
        assert first.stderr is not None
        for line in first.stderr:
            if line.startswith("article-lens-trace analysis-finished"):
                break
        else:
            raise RuntimeError("the seed window never finished its analysis")
        _drain(first)
        wait_for_window(display, SEED.name)
        wait_idle([first.pid], time.monotonic() + SETTLE_SECONDS)
        results["seed window"] = _sample([first.pid])

        second = subprocess.Popen([sys.executable, "-m", "desktop.cli", str(session)], cwd=REPO,
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        launched.append(second)
        wait_for_window(display, session.name)
        wait_idle([first.pid, second.pid], time.monotonic() + SETTLE_SECONDS)
        results["seed + a session by a second launch"] = _sample([first.pid, second.pid])
        results["(second launch exited)"] = (float(second.poll() is not None), 0, [])
    finally:
        for process in launched:
            for pid in descendants([process.pid])[::-1]:
                try:
                    os.kill(pid, 9)
                except ProcessLookupError:
                    pass
            process.wait(timeout=30)
        xvfb.terminate()
        xvfb.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)
    return results


def _drain(process: subprocess.Popen) -> None:
    """Keep reading the process's stderr so it never blocks on a full pipe."""
    import threading

    threading.Thread(target=lambda: process.stderr.read(), daemon=True).start()


def _sample(roots: list[int]) -> tuple[float, int, list[float]]:
    pids = descendants(roots)
    each = [pss_mib(pid) for pid in pids]
    return sum(each), len(pids), each


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (Debian: apt-get install xvfb xdotool)")
    runs_dir = Path(tempfile.mkdtemp(prefix="article-lens-footprint-"))
    runs = []
    for number in range(options.runs):
        runs.append(measure(runs_dir))
        print(f"run {number + 1}: " + "; ".join(
            f"{step} {total:.0f} MiB in {count} processes ({', '.join(f'{p:.0f}' for p in each)})"
            for step, (total, count, each) in runs[-1].items() if count), flush=True)
    shutil.rmtree(runs_dir, ignore_errors=True)
    print(f"\nCPU: {cpu_name()} ({os.cpu_count()} cores), median of {options.runs} runs, PSS\n")
    goals = {"seed window": "≤ 350 MiB, 1 process",
             "seed + a session by a second launch": "≤ 450 MiB, 1 process"}
    print(f"{'step':<40}{'MiB':>8}{'processes':>11}  goal")
    for step, goal in goals.items():
        total = statistics.median(run[step][0] for run in runs)
        count = statistics.median(run[step][1] for run in runs)
        print(f"{step:<40}{total:>8.0f}{count:>11.0f}  {goal}")
    exited = sum(run["(second launch exited)"][0] for run in runs)
    print(f"second launch exited after handing over its file: {exited:.0f} of {len(runs)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
