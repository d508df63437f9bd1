"""packaging/linux/install.sh into a temporary HOME: launcher, file type, double-click, the
PyInstaller bundle, uninstall.

One module-scoped install (a venv with the app and its packages, about half a minute
with a warm pip cache) serves every test here; the bundle is built from that venv (about
a minute); the last test uninstalls it.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.formats.session_file import load_session, save_session

from .conftest import LINUX, REPO, TOOLS, require_tools

SESSION_TYPE = "application/x-article-lens-session"
SAMPLE = REPO / "tests" / "data" / "sessions" / "v1_sample.alens"
SEED = next((REPO / "seeds").glob("*.txt"))
#: What running the app (not installing it) writes: settings, recovery copies, font caches.
APP_RUNTIME = (".config/ArticleLens", ".local/share/ArticleLens", ".cache")
OTHER_DEFAULTS = "[Default Applications]\ntext/html=firefox-esr.desktop\n"


def listing(home: Path) -> set[str]:
    """Every file and folder under ``home`` (relative), except the app's runtime data and
    the folders that hold nothing else."""
    paths = {path.relative_to(home).as_posix() for path in home.rglob("*")}
    runtime = {p for p in paths if p.startswith(APP_RUNTIME)}
    holders = {str(parent) for p in runtime for parent in Path(p).parents if str(parent) != "."}
    # a holder that is there for other reasons (a file of its own) stays listed
    holders = {h for h in holders
               if all(p.startswith(APP_RUNTIME) or p in holders
                      for p in paths if p.startswith(h + "/"))}
    return paths - runtime - holders


def user_environment(home: Path) -> dict[str, str]:
    """The environment of a user whose HOME is ``home``, on no particular desktop."""
    real_home = Path.home()
    env = {k: v for k, v in os.environ.items()
           if k not in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                        "GNOME_DESKTOP_SESSION_ID", "DISPLAY", "WAYLAND_DISPLAY",
                        "QT_QPA_PLATFORM", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                        "XDG_BIN_HOME")}
    env.update(
        HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
        PYTHON=sys.executable,
        # the tools' own caches stay where they are, so that pip's cache is warm and the
        # temporary HOME holds only what the install itself adds
        PIP_CACHE_DIR=os.environ.get("PIP_CACHE_DIR", str(real_home / ".cache" / "pip")),
    )
    for name, default in (("RUSTUP_HOME", ".rustup"), ("CARGO_HOME", ".cargo")):
        if name not in env and (real_home / default).is_dir():
            env[name] = str(real_home / default)  # pip asks `rustc --version` for its user agent
    return env


def article_types() -> tuple[str, ...]:
    """The types besides sessions that the desktop entry lists (Open With only)."""
    for line in (LINUX / "article-lens.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("MimeType="):
            return tuple(t for t in line.removeprefix("MimeType=").split(";") if t and t != SESSION_TYPE)
    return ()


ARTICLE_TYPES = article_types()


def default_apps(env: dict[str, str]) -> dict[str, str]:
    """``xdg-mime query default`` of each article type, as the user would ask it."""
    return {kind: subprocess.run(["xdg-mime", "query", "default", kind], env=env, capture_output=True,
                                 text=True).stdout.strip() for kind in ARTICLE_TYPES}


class Installed:
    def __init__(self, home: Path, before: set[str], added: set[str],
                 defaults_before: dict[str, str] | None = None) -> None:
        self.home, self.before, self.added = home, before, added
        self.defaults_before = defaults_before or {}
        self.env = user_environment(home)
        self.launcher = home / ".local/bin/article-lens"
        self.entry = home / ".local/share/applications/article-lens.desktop"

    def run(self, *command: str, timeout: float = 120, cwd: Path | None = None,
            ) -> subprocess.CompletedProcess:
        return subprocess.run(command, env=self.env, capture_output=True, text=True,
                              timeout=timeout, cwd=cwd)

    def launch(self, *command: str, log: Path) -> None:
        """Run ``gio open`` and the like: the app they start keeps the output files open, so
        they write to ``log`` rather than to pipes that would not close."""
        with log.open("ab") as output:
            code = subprocess.run(command, env=self.env, stdin=subprocess.DEVNULL, stdout=output,
                                  stderr=output, timeout=60).returncode
        assert code == 0, log.read_text(errors="replace")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    require_tools(*TOOLS)
    home = tmp_path_factory.mktemp("user-home")
    (home / ".config").mkdir()  # a user who already chose a default app for something
    (home / ".config/mimeapps.list").write_text(OTHER_DEFAULTS)
    before = listing(home)
    defaults_before = default_apps(user_environment(home))
    started = time.monotonic()
    result = subprocess.run([str(LINUX / "install.sh")], env=user_environment(home),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    print(f"install.sh took {time.monotonic() - started:.0f} s")
    installed = Installed(home, before, listing(home) - before, defaults_before)
    installed.install_output = result.stdout + result.stderr
    return installed


@pytest.fixture
def saved_session(tmp_path) -> Path:
    """A session saved by the app's own writer, under a name that is not the sample's."""
    loaded = load_session(SAMPLE)
    path = tmp_path / "Caspian trade notes.alens"
    save_session(loaded.session, path, loaded.view_state)
    return path


def test_the_install_puts_everything_in_its_place(installed):
    share = ".local/share"
    assert {".local/bin/article-lens", f"{share}/applications/article-lens.desktop",
            f"{share}/mime/packages/article-lens.xml",
            f"{share}/icons/hicolor/48x48/apps/article-lens.png",
            f"{share}/icons/hicolor/scalable/apps/article-lens.svg",
            f"{share}/icons/hicolor/256x256/mimetypes/{SESSION_TYPE.replace('/', '-')}.png",
            f"{share}/article-lens/install-manifest"} <= installed.added
    assert f"Exec={installed.launcher} %f" in installed.entry.read_text().splitlines()
    result = installed.run("desktop-file-validate", str(installed.entry))
    assert result.returncode == 0, result.stdout


def test_the_installed_app_has_its_icons_and_runs_headless(installed, tmp_path):
    venv = installed.home / ".local/share/article-lens/venv"
    assert installed.launcher.resolve() == (venv / "bin" / "article-lens").resolve()
    icons = list(venv.glob("lib/python*/site-packages/desktop/resources/icons/article-lens-512.png"))
    assert icons, "the icons are not in the installed package data"
    result = installed.run(str(installed.launcher), "extract", str(SEED), "--what", "figures",
                           "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "3.2 million tons" in result.stdout


def test_a_saved_session_has_the_session_type_and_opens_in_article_lens(installed, saved_session):
    result = installed.run("xdg-mime", "query", "filetype", str(saved_session))
    assert result.stdout.strip() == SESSION_TYPE, result.stdout + result.stderr
    renamed = saved_session.with_suffix(".json")  # recognised by content too
    renamed.write_bytes(saved_session.read_bytes())
    assert installed.run("xdg-mime", "query", "filetype", str(renamed)).stdout.strip() == SESSION_TYPE
    result = installed.run("xdg-mime", "query", "default", SESSION_TYPE)
    assert result.stdout.strip() == "article-lens.desktop"
    assert OTHER_DEFAULTS.splitlines()[1] in (installed.home / ".config/mimeapps.list").read_text()
    renamed.unlink()


def test_articles_keep_their_default_app_and_get_article_lens_under_open_with(installed):
    """The desktop has no default of its own for text/plain (no mimeapps.list line): the
    system's vim.desktop answers. The entry lists the article types, and the user's own
    entries come first, so without care Article Lens would take over every .txt."""
    plain_before = installed.defaults_before["text/plain"]
    assert plain_before and plain_before != "article-lens.desktop", installed.defaults_before
    assert "text/plain" not in OTHER_DEFAULTS  # no default the user chose
    after = default_apps(installed.env)
    assert after["text/plain"] == plain_before
    for kind, before in installed.defaults_before.items():  # any other type the entry lists
        if before:
            assert after[kind] == before, kind
    # markdown is plain text: what opened .txt opens .md (GNOME and KDE did so before)
    assert after["text/markdown"] in (installed.defaults_before["text/markdown"] or plain_before,)
    assert after["text/markdown"] != "article-lens.desktop"
    # ... and Article Lens is one of the apps offered for both (Open With)
    cache = (installed.home / ".local/share/applications/mimeinfo.cache").read_text()
    for kind in ARTICLE_TYPES:
        assert any(line.startswith(f"{kind}=") and "article-lens.desktop" in line
                   for line in cache.splitlines()), cache
        offered = installed.run("gio", "mime", kind).stdout
        assert "article-lens.desktop" in offered.split("Registered applications:")[-1], offered
    # sessions, its own type, do open in it by default
    assert installed.run("xdg-mime", "query", "default", SESSION_TYPE).stdout.strip() == "article-lens.desktop"


def test_the_install_prints_no_packaging_warnings(installed):
    """setuptools' warnings about pyproject.toml (a license table, package data outside
    the listed packages) scrolled ~100 lines past a first `make run`."""
    output = installed.install_output
    for sign in ("SetuptoolsDeprecationWarning", "_Warning", "would be ignored", "is deprecated"):
        assert sign not in output, output[-3000:]


def test_installing_again_is_harmless(installed):
    manifest = installed.home / ".local/share/article-lens/install-manifest"
    first = manifest.read_text()
    result = subprocess.run([str(LINUX / "install.sh")], env=installed.env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert manifest.read_text() == first
    assert listing(installed.home) - installed.before == installed.added
    mimeapps = (installed.home / ".config/mimeapps.list").read_text()
    assert mimeapps.count(f"{SESSION_TYPE}=") == 1
    assert mimeapps.count("text/plain=") <= 1
    assert default_apps(installed.env)["text/plain"] == installed.defaults_before["text/plain"]


# -- double-click, under Xvfb ---------------------------------------------------------------

def window_pid(installed: Installed, title: str, log: Path) -> int:
    """Wait for a window whose title is ``title`` and return its process id."""
    pattern = "^" + re.sub(r"([.^$*+?()\[\]{}|\\])", r"\\\1", title) + "$"
    try:
        result = installed.run("xdotool", "search", "--sync", "--name", pattern, "getwindowpid",
                               timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail(f"no window titled {title!r}; the app said:\n{log.read_text(errors='replace')}")
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[0])


def stop(pid: int) -> None:
    """Kill the app (it was not started by this process, so poll until it is gone)."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    for _ in range(100):
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][:1]
        except FileNotFoundError:
            return
        if state == "Z":
            return
        time.sleep(0.05)


def process_arguments(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def app_pids(installed: Installed) -> list[int]:
    """The processes started from this install's launcher (to clean up after a failure)."""
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()
            and str(installed.launcher) in process_arguments(int(p.name))[1:2]]


def test_gio_open_starts_the_installed_app_on_the_session(installed, saved_session, xvfb_display,
                                                         tmp_path):
    installed.env["DISPLAY"] = xvfb_display
    log = tmp_path / "app.log"
    pids, opener = [], None
    try:
        installed.launch("gio", "open", str(saved_session), log=log)
        pids.append(window_pid(installed, f"{saved_session.name} — Article Lens", log))
        assert process_arguments(pids[0])[1:3] == [str(installed.launcher), str(saved_session)]

        # a second session opened while the first window is up gets a window of its own in
        # the running app: the launch hands the file over and ends
        second = saved_session.with_name("second.alens")
        second.write_bytes(saved_session.read_bytes())
        # (with no desktop environment, xdg-open runs the launcher and waits for it to end)
        with log.open("ab") as output:
            opener = subprocess.Popen(["xdg-open", str(second)], env=installed.env,
                                      stdin=subprocess.DEVNULL, stdout=output, stderr=output)
        pids.append(window_pid(installed, "second.alens — Article Lens", log))
        assert pids[1] == pids[0]
        assert opener.wait(timeout=30) == 0
        assert Path(f"/proc/{pids[0]}").exists()
    finally:
        for pid in app_pids(installed):
            stop(pid)
        if opener is not None:
            opener.wait(timeout=30)
        installed.env.pop("DISPLAY", None)


def test_the_app_entry_starts_on_the_seed_article(installed, xvfb_display, tmp_path):
    installed.env["DISPLAY"] = xvfb_display
    log = tmp_path / "app.log"
    try:
        installed.launch("gio", "launch", str(installed.entry), log=log)
        pid = window_pid(installed, f"{SEED.name} — Article Lens", log)
        assert process_arguments(pid)[1:] == [str(installed.launcher), ""]
    finally:
        for pid in app_pids(installed):
            stop(pid)
        installed.env.pop("DISPLAY", None)


# -- the bundle, built by PyInstaller from the installed venv ------------------------------------

def test_the_bundle_builds_and_passes_its_smoke_test(installed, tmp_path):
    """`make bundle` in short: the spec, on a venv where the app is installed as for users
    (here the user install's, plus PyInstaller), then packaging/smoke_bundle.sh."""
    venv = installed.home / ".local/share/article-lens/venv"
    result = installed.run(str(venv / "bin/python"), "-m", "pip", "install", "--quiet", "pyinstaller>=6")
    assert result.returncode == 0, result.stderr[-3000:]
    started = time.monotonic()
    # (not from the repository's folder, where `desktop` would be the source tree's)
    result = installed.run(str(venv / "bin/pyinstaller"), "--noconfirm", "--log-level", "WARN",
                           "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work"),
                           str(REPO / "packaging" / "article-lens.spec"), timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-5000:]
    print(f"bundle built in {time.monotonic() - started:.0f} s")
    result = installed.run(str(REPO / "packaging" / "smoke_bundle.sh"), str(tmp_path / "dist" / "article-lens"),
                           timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "bundle OK" in result.stdout


# -- last: uninstall ------------------------------------------------------------------------

def test_uninstall_removes_every_file_the_install_added(installed):
    result = installed.run(str(LINUX / "uninstall.sh"))
    assert result.returncode == 0, result.stderr
    assert listing(installed.home) == installed.before
    assert (installed.home / ".config/mimeapps.list").read_text() == OTHER_DEFAULTS
    assert not (installed.home / ".local/share/article-lens").exists()
