"""Files of the user's cache folder (desktop.core.cache_files)."""

import os
import time

from desktop.core import cache_files


def age(path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_file_is_written_whole_and_its_family_s_unused_and_abandoned_files_go(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    unused = folder / "kind-old.bin"
    in_use = folder / "kind-other-install.bin"
    abandoned = folder / ".kind-new.bin.12345"
    being_written = folder / ".kind-new.bin.67890"
    stranger = folder / "other-old.bin"
    for path in (unused, in_use, abandoned, being_written, stranger):
        path.write_bytes(b"x")
    age(unused, cache_files.UNUSED_AFTER_SECONDS + 60)
    age(in_use, cache_files.UNUSED_AFTER_SECONDS - 3600)
    age(abandoned, cache_files.ABANDONED_AFTER_SECONDS + 60)
    age(stranger, cache_files.UNUSED_AFTER_SECONDS + 60)

    assert cache_files.write_whole(folder / "kind-new.bin", b"data", "kind-")
    assert (folder / "kind-new.bin").read_bytes() == b"data"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [".kind-new.bin.67890", "kind-new.bin", "kind-other-install.bin", "other-old.bin"])


def test_a_file_that_cannot_be_written_leaves_nothing_behind(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    assert not cache_files.write_whole(blocker / "kind-a.bin", b"data", "kind-")
    assert list(tmp_path.iterdir()) == [blocker]


def test_a_file_read_is_kept_as_used(tmp_path):
    path = tmp_path / "kind-a.bin"
    path.write_bytes(b"x")
    age(path, cache_files.UNUSED_AFTER_SECONDS + 60)
    cache_files.mark_used(path)
    cache_files.remove_unused(tmp_path, "kind-")
    assert path.exists() and time.time() - path.stat().st_mtime < 60
