"""Shared by the packaging tests: the freedesktop tools they need, and an Xvfb display."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"

#: The commands these tests run; `scripts/install-system-deps.sh --desktop` installs them.
TOOLS = ("desktop-file-validate", "update-mime-database", "update-desktop-database",
         "xdg-mime", "mimetype", "gio", "Xvfb", "xdotool")


def require_tools(*names: str) -> None:
    """Fail (never skip) with the command that installs what is missing."""
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: run scripts/install-system-deps.sh --desktop",
                    pytrace=False)


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private X display (":N", a free number chosen by Xvfb itself) for one test,
    accepting connections before the test starts, stopped afterwards. (One server for
    the whole session was sometimes gone by a later test: its clients were killed.)"""
    require_tools("Xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number or not _accepts_clients(number, server):
        server.kill()
        pytest.fail("Xvfb did not start", pytrace=False)
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _accepts_clients(number: str, server: subprocess.Popen, wait_seconds: float = 10.0) -> bool:
    """Whether the X server of display ``number`` takes a connection on its socket."""
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline and server.poll() is None:
        with socket.socket(socket.AF_UNIX) as probe:
            try:
                probe.connect(f"/tmp/.X11-unix/X{number}")
                return True
            except OSError:
                time.sleep(0.05)
    return False
