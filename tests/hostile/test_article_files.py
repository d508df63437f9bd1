"""Hostile article files: devices, pipes and damaged text, through the reader and the window.

Every case must end quickly with a clear message (never a hang, a traceback or all the
memory): the FIFO cases run under a watchdog that unblocks a reader stuck on the pipe,
and the device cases under a cap on the address space.
"""

from __future__ import annotations

import codecs
import os
import random
import resource
import threading
import time
from pathlib import Path

import pytest

from desktop.formats import readers
from desktop.formats.errors import FileFormatError
from desktop.formats.readers import read_article

#: Seconds any hostile input may take to be refused.
QUICK = 10.0

RUSSIAN = ("Товарооборот между Казахстаном и Азербайджаном вырос на 40 процентов в 2022 году "
           "и превысил 460 миллионов долларов, сообщил министр.\nЭто рекорд.\n")
GREEK = ("Οι εξαγωγές της Ελλάδας αυξήθηκαν κατά 12 τοις εκατό το 2023 και ξεπέρασαν "
         "τα 50 δισεκατομμύρια ευρώ, ανακοίνωσε ο υπουργός.\n")
ARABIC = "ارتفعت صادرات مصر بنسبة 12 في المئة في عام 2023 لتتجاوز 50 مليار دولار.\n"
JAPANESE = "日本の貿易黒字は2023年に前年比で12%増加し、3兆円を超えた。\n"
CHINESE = "哈萨克斯坦与阿塞拜疆的贸易额在二零二二年增长了百分之四十，超过四亿六千万美元。部长表示这是创纪录的水平。\n"


@pytest.fixture(autouse=True)
def memory_cap():
    """At most 2 GB more address space while a test runs: reading /dev/zero to its end
    fails fast instead of taking the machine's memory."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as statm:
        in_use = int(statm.read().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (in_use + 2 * 2**30, hard))
    yield
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


class FifoWatchdog:
    """After ``after`` seconds, keeps opening the FIFOs for writing (and closing them) so
    that a reader blocked in open() or read() gets an end of file and the test goes on."""

    def __init__(self, after: float = QUICK) -> None:
        self.paths: list[Path] = []
        self.fired = False
        self._stop = threading.Event()
        self._after = after
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        if self._stop.wait(self._after):
            return
        while not self._stop.wait(0.2):
            for path in self.paths:
                try:
                    os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
                    self.fired = True
                except OSError:  # no reader waiting
                    pass

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


@pytest.fixture
def watchdog():
    dog = FifoWatchdog()
    yield dog
    dog.stop()


def hostile_path(kind: str, tmp_path: Path, watchdog: FifoWatchdog) -> Path:
    """A path to a device, a pipe or a link to one, named like an article."""
    if kind.startswith("/dev/"):
        return Path(kind)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    watchdog.paths.append(fifo)
    if kind == "fifo":
        return fifo
    link = tmp_path / "link.txt"
    link.symlink_to("/dev/zero" if kind == "link to /dev/zero" else fifo)
    return link


NOT_REGULAR = ["/dev/zero", "/dev/urandom", "/dev/null", "link to /dev/zero", "fifo", "link to fifo"]


@pytest.mark.parametrize("kind", NOT_REGULAR)
def test_the_reader_refuses_devices_and_pipes_quickly(kind, tmp_path, watchdog):
    path = hostile_path(kind, tmp_path, watchdog)
    began = time.monotonic()
    with pytest.raises(FileFormatError, match="not a regular file"):
        read_article(path)
    assert time.monotonic() - began < QUICK and not watchdog.fired


def test_the_reader_stops_at_the_limit_when_the_size_is_unknown(monkeypatch):
    """/proc files say they are empty: the limit holds on what is read, not on stat."""
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 100)
    assert os.stat("/proc/self/maps").st_size == 0
    with pytest.raises(FileFormatError, match="can be opened"):
        read_article("/proc/self/maps")


@pytest.mark.parametrize("kind", ["/dev/zero", "link to /dev/zero", "fifo"])
def test_the_window_refuses_devices_and_pipes_and_keeps_its_article(
        kind, tmp_path, make_window, dialogs, seed_path, watchdog):  # noqa: F811
    window = make_window()
    assert window.open_path(seed_path)
    dialogs.shown.clear()
    path = hostile_path(kind, tmp_path, watchdog)
    began = time.monotonic()
    assert not window.open_path(path)
    assert time.monotonic() - began < QUICK and not watchdog.fired
    assert [kind for kind, _ in dialogs.shown] == ["warning"]
    assert "not a regular file" in dialogs.shown[0][1]
    assert window.model.article.source == str(seed_path)


# -- damaged text: decoded with replacement, and the replacements counted ------------


def test_a_stray_nul_byte_is_replaced_and_counted(tmp_path, seed_text):
    at = seed_text.index("\n") + 5
    path = tmp_path / "nul.txt"
    path.write_bytes(seed_text[:at].encode() + b"\x00" + seed_text[at:].encode())
    loaded = readers.read_article_file(path)
    assert loaded.article.text == seed_text[:at] + "\ufffd" + seed_text[at:]
    assert (loaded.article.encoding, loaded.replaced) == ("utf-8", 1)


@pytest.mark.parametrize(("damage", "count"), [(b"\xff", 1), (b"\xe2\x80", 1), (b"\x80\x80\xfe", 3)])
def test_bad_utf8_bytes_are_replaced_and_counted(tmp_path, seed_text, damage, count):
    at = seed_text.index("“") + 1
    path = tmp_path / "bad-byte.txt"
    path.write_bytes(seed_text[:at].encode() + damage + seed_text[at:].encode())
    loaded = readers.read_article_file(path)
    assert loaded.article.text == seed_text[:at] + "\ufffd" * count + seed_text[at:]
    assert (loaded.article.encoding, loaded.replaced) == ("utf-8", count)


def test_a_file_cut_in_the_middle_of_a_character_loses_only_that_character(tmp_path, seed_text):
    path = tmp_path / "cut.txt"
    path.write_bytes(seed_text.encode() + "“".encode()[:2])
    loaded = readers.read_article_file(path)
    assert loaded.article.text == seed_text + "\ufffd" and loaded.replaced == 1


def test_clean_files_report_no_replacement(seed_path):
    assert readers.read_article_file(seed_path).replaced == 0


@pytest.mark.parametrize("text", [RUSSIAN, GREEK, CHINESE, RUSSIAN * 30, "Plain English news.\n",
                                  "贸易额增长了百分之四十。\n", "Рост 12%.\n", ARABIC, JAPANESE],
                         ids=["russian", "greek", "chinese", "long-russian", "english",
                              "short-chinese", "short-russian", "arabic", "japanese"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised_in_any_script(tmp_path, text, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    loaded = readers.read_article_file(path)
    assert loaded.article.text == text
    assert (loaded.article.encoding, loaded.replaced) == (encoding, 0)


BINARY = {
    "random bytes": random.Random(19).randbytes(20_000),
    "random bytes, even length, no NUL": bytes(b or 1 for b in random.Random(7).randbytes(8192)),
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(3000),
    "zeros": bytes(5000),
    "gzip": codecs.encode(b"Norvik profit rose 3% to $2bn. " * 200, "zlib"),
    "utf-16 of random code points": "".join(
        chr(c) for c in random.Random(3).choices(range(0xE000, 0xF8FF), k=2000)).encode("utf-16-le"),
}


@pytest.mark.parametrize("content", BINARY.values(), ids=BINARY.keys())
def test_binary_files_are_still_refused(tmp_path, content):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(FileFormatError, match="binary|not text"):
        read_article(path)


def test_the_window_says_how_many_characters_were_replaced(tmp_path, make_window, seed_text):  # noqa: F811
    window = make_window()
    path = tmp_path / "damaged.txt"
    path.write_bytes(b"\xff" + seed_text.encode() + b"\x00")
    assert window.open_path(path)
    message = window.statusBar().currentMessage()
    assert "2 characters" in message and "replaced" in message


def test_a_short_article_with_one_bad_byte_is_read(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("Norvik’s profit rose 3%.".encode() + b"\xff\n")
    loaded = readers.read_article_file(path)
    assert loaded.article.text == "Norvik’s profit rose 3%.\ufffd\n" and loaded.replaced == 1
