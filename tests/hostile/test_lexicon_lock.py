"""Two app instances remembering corrections at the same moment lose none of them.

Each instance read the lexicon, added its name and wrote the whole file back; two at
once kept 204 of 400 names. Now a write takes a lock beside the file, re-reads it and
merges before writing.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from desktop.core.highlight import Highlight
from desktop.formats.lexicon import Lexicon
from desktop.model.lexicon_store import LexiconStore

REPO = Path(__file__).resolve().parents[2]
NAMES_EACH = 200
#: One app instance: waits for the start signal, then remembers NAMES_EACH names, one
#: save each, as a person accepting suggestions one by one would.
REMEMBER = """
import os, sys, time
from desktop.core.highlight import Highlight
from desktop.model.lexicon_store import LexiconStore

folder, prefix, go, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
store = LexiconStore(folder)
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.001)
for number in range(count):
    text = f"{prefix} Shipping {number:03d}"
    store.record(text, [Highlight(0, len(text), "ORG", origin="manual", status="accepted")], "accepted")
print("done", store.problem, flush=True)
"""


def start(folder: Path, prefix: str, go: Path) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", REMEMBER, str(folder), prefix, str(go), str(NAMES_EACH)],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ready", process.stderr.read()
    return process


def test_two_instances_remembering_200_names_each_at_once_keep_all_400(tmp_path):
    go = tmp_path / "go"
    first, second = start(tmp_path, "Norvik", go), start(tmp_path, "Vantor", go)
    go.touch()
    outputs = [process.communicate(timeout=300) for process in (first, second)]
    assert [process.returncode for process in (first, second)] == [0, 0], outputs
    assert [out.strip() for out, _err in outputs] == ["done", "done"], outputs
    surfaces = {entry.surface for entry in Lexicon.load(tmp_path).entries()}
    assert len(surfaces) == 2 * NAMES_EACH
    assert {s.split()[0] for s in surfaces} == {"Norvik", "Vantor"}


def test_a_lock_held_by_a_stuck_instance_delays_the_save_then_reports_it(tmp_path, monkeypatch):
    from desktop.formats import lexicon as lexicon_module

    monkeypatch.setattr(lexicon_module, "LOCK_TIMEOUT_S", 0.3)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom desktop.formats.lexicon import lexicon_lock\n"
         "with lexicon_lock(sys.argv[1]):\n    print('locked', flush=True)\n    time.sleep(30)\n", str(tmp_path)],
        cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        store = LexiconStore(tmp_path)
        started = time.monotonic()
        assert store.record("Norvik", [Highlight(0, 6, "ORG", origin="manual", status="accepted")], "accepted") == 1
        assert 0.3 <= time.monotonic() - started < 5
        assert "could not be saved" in store.problem and "another" in store.problem
        assert not (tmp_path / "lexicon.json").exists()
    finally:
        holder.kill()
        holder.wait()
    assert store.record("Vantor", [Highlight(0, 6, "ORG", origin="manual", status="accepted")], "accepted") == 1
    assert {e.surface for e in Lexicon.load(tmp_path).entries()} == {"Norvik", "Vantor"}
