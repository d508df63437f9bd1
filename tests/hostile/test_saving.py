"""Saving under hostile conditions: long names, read-only files, orphaned temporary
files, and files that hold article text (who may read them)."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from desktop.core.article import Article
from desktop.core.session import Session
from desktop.formats.atomic_write import atomic_write
from desktop.formats.lexicon import Lexicon
from desktop.formats.session_file import SessionFileError, load_session, save_session
from desktop.model.recovery import RecoveryWriter, recovery_folder

TEXT = "Kazakhstan and Azerbaijan signed 120 agreements in Baku."


def session(text: str = TEXT) -> Session:
    return Session(Article(text=text, title="t"))


def mode_of(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# -- 12a: names of 242-255 bytes ----------------------------------------------

@pytest.mark.parametrize("length", [242, 250, 255])
@pytest.mark.parametrize("letter", ["a", "é", "中"], ids=["ascii", "2-byte", "3-byte"])
def test_a_session_with_a_name_up_to_255_bytes_can_be_saved(tmp_path, length, letter):
    stem_bytes = length - len(".alens")
    stem = letter * (stem_bytes // len(letter.encode())) + "x" * (stem_bytes % len(letter.encode()))
    path = tmp_path / f"{stem}.alens"
    assert len(path.name.encode()) == length
    path.write_bytes(b"opened before")  # it exists: the app opened it, then saves it
    save_session(session(), path)
    assert load_session(path).session.article.text == TEXT
    assert sorted(tmp_path.iterdir()) == [path]


# -- 12b: read-only files -----------------------------------------------------

@pytest.mark.parametrize("mode", [0o444, 0o400, 0o440, 0o555], ids=oct)
def test_a_read_only_session_file_is_not_replaced(tmp_path, mode):
    path = tmp_path / "locked.alens"
    save_session(session(), path)
    path.chmod(mode)
    before = (path.read_bytes(), os.stat(path).st_ino, os.stat(path).st_mtime_ns)
    with pytest.raises(SessionFileError, match="locked.alens could not be saved: .*read-only"):
        save_session(session(TEXT + " More."), path)
    assert (path.read_bytes(), os.stat(path).st_ino, os.stat(path).st_mtime_ns) == before
    assert mode_of(path) == mode
    assert sorted(tmp_path.iterdir()) == [path]


def test_a_read_only_file_behind_a_symlink_is_not_replaced(tmp_path):
    target = tmp_path / "real.alens"
    save_session(session(), target)
    target.chmod(0o444)
    link = tmp_path / "link.alens"
    link.symlink_to(target)
    before = target.read_bytes()
    with pytest.raises(SessionFileError, match="read-only"):
        save_session(session(TEXT + " More."), link)
    assert target.read_bytes() == before and link.is_symlink()


def test_the_window_tells_why_a_read_only_session_was_not_saved(window, tmp_path, dialogs):  # noqa: F811
    path = tmp_path / "locked.alens"
    save_session(session(), path)
    assert window.open_path(path)
    path.chmod(0o444)
    before = path.read_bytes()
    window.model.add_highlight(0, len("Kazakhstan"), "LOC")
    assert not window.files.save()
    kind, text = dialogs.shown[-1]
    assert kind == "critical" and "read-only" in text and "Save As" in text
    assert path.read_bytes() == before and mode_of(path) == 0o444
    assert window.isWindowModified()


# -- 12c: temporary files orphaned by kill -9 ---------------------------------

ORPHANS = [".work.alens.k3j9_x2a.tmp", ".alens-ab12cd34.tmp", ".lexicon.json.zz99yy88.tmp",
           ".recovery-12-ab.alens.qwertyui.tmp"]
NOT_OURS = [".notes.txt.abcdefgh.tmp", "work.alens.abcdefgh.tmp", ".alens-short.tmp",
            ".alens-ab12cd34.tmp.keep", ".alens-AB12CD34.tmp", "notes.tmp", ".work.alens.tmp",
            "other.alens"]


def test_stale_temporary_files_of_the_app_are_cleaned_up_on_the_next_save(tmp_path):
    old = time.time() - 3600
    for name in ORPHANS + NOT_OURS:
        (tmp_path / name).write_bytes(b"half a session")
        os.utime(tmp_path / name, (old, old))
    (tmp_path / ".alens-fresh123.tmp").write_bytes(b"another save under way")
    (tmp_path / ".alens-dir12345.tmp").mkdir()
    os.utime(tmp_path / ".alens-dir12345.tmp", (old, old))
    (tmp_path / ".alens-link1234.tmp").symlink_to(tmp_path / "other.alens")
    os.utime(tmp_path / ".alens-link1234.tmp", (old, old), follow_symlinks=False)
    path = tmp_path / "work.alens"
    save_session(session(), path)
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {"work.alens", ".alens-fresh123.tmp", ".alens-dir12345.tmp", ".alens-link1234.tmp",
                    *NOT_OURS}
    assert (tmp_path / "other.alens").read_bytes() == b"half a session"


def test_a_temporary_file_is_named_shortly(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (seen.append(Path(a).name), real_replace(a, b)))
    save_session(session(), tmp_path / ("n" * 249 + ".alens"))
    assert len(seen) == 1 and seen[0].startswith(".alens-") and len(seen[0]) == len(".alens-12345678.tmp")


# -- 8: who may read files holding article text --------------------------------

def test_recovery_copies_are_private(qapp):
    folder = recovery_folder()
    folder.chmod(0o755)  # as an earlier version left it
    writer = RecoveryWriter(lambda: b"{}")
    writer._write(b'{"article": "secret text"}')
    assert mode_of(writer.path) == 0o600
    assert mode_of(recovery_folder()) == 0o700
    writer.discard()


def test_the_lexicon_is_private(tmp_path):
    folder = tmp_path / "data"
    lexicon = Lexicon(folder)
    lexicon.remember("Mussabekova", "PERSON", "accepted")
    lexicon.save()
    assert mode_of(lexicon.path) == 0o600
    assert mode_of(folder) == 0o700
    lexicon.path.chmod(0o644)  # as an earlier version left it
    lexicon.remember("Trend", "ORG", "accepted")
    lexicon.save()
    assert mode_of(lexicon.path) == 0o600


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o027, 0o640)])
def test_a_new_session_keeps_the_users_umask(tmp_path, umask, expected):
    old = os.umask(umask)
    try:
        save_session(session(), tmp_path / "new.alens")
    finally:
        os.umask(old)
    assert mode_of(tmp_path / "new.alens") == expected


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o660, 0o604], ids=oct)
def test_a_saved_session_is_never_more_readable_than_the_file_it_replaces(tmp_path, mode):
    path = tmp_path / "s.alens"
    path.write_bytes(b"old")
    path.chmod(mode)
    old = os.umask(0o022)
    try:
        save_session(session(), path)
    finally:
        os.umask(old)
    assert mode_of(path) == mode


def test_special_mode_bits_are_not_copied(tmp_path):
    path = tmp_path / "s.alens"
    path.write_bytes(b"old")
    path.chmod(0o6640)
    atomic_write(path, b"new")
    assert mode_of(path) == 0o640


def test_a_replaced_file_keeps_its_group(tmp_path):
    """Group-readable bits are only as private as the group: the new file keeps it
    (or, where it cannot, loses the group bits)."""
    path = tmp_path / "s.alens"
    path.write_bytes(b"old")
    path.chmod(0o640)
    others = [g for g in os.getgroups() if g != os.getegid()]
    group = 4242 if os.geteuid() == 0 else (others[0] if others else os.getegid())
    os.chown(path, -1, group)
    save_session(session(), path)
    assert os.stat(path).st_gid == group
    assert mode_of(path) == 0o640


def test_saving_as_root_does_not_take_a_users_file(tmp_path):
    path = tmp_path / "s.alens"
    path.write_bytes(b"old")
    path.chmod(0o600)
    owner = 4243 if os.geteuid() == 0 else os.geteuid()
    os.chown(path, owner, -1)
    save_session(session(), path)
    assert os.stat(path).st_uid == owner and mode_of(path) == 0o600
