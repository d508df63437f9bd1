"""Regular expressions compiled once, then read from the user's cache
(desktop.core.compiled_patterns)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core import compiled_patterns

PATTERNS = [
    (r"\b(?:(?P<rise>rose|climbed|jumped)|(?P<fall>fell|dropped))\s+(?P<by>\d+(?:\.\d+)?)%", re.IGNORECASE),
    (r"(?<![$£€¥.,\d])(?:19|20)\d\d(?![\d,.]\d|%|\w)", 0),
    (r"[\u00C0-\u024F\u0370-\u03FF]+(?:['’][a-zα-ω]+)?", re.IGNORECASE | re.UNICODE),
    (r"^(?P<head>[A-Z][a-z]+)(?:\s+(?P=head))*$", re.MULTILINE),
    (r"(?s)a.*?b|(?-i:Q[1-4])\b", re.IGNORECASE),
    (r"(?x) \d+ \s* (?:bn|m|k)  # a multiplier", 0),
]
TEXTS = ["Sales ROSE 12.5% and costs fell 3%", "in 2004, not $2004 or 20045", "Ærø Ελλάδα'ς",
         "Ford Ford\nGM", "aXXb Q3 q3", "12 bn 7m"]


@pytest.fixture(autouse=True)
def fresh_cache(monkeypatch):
    """The module as in a process that has read no cache yet (each test has a cache
    folder of its own)."""
    monkeypatch.setattr(compiled_patterns, "_programs", None)
    monkeypatch.setattr(compiled_patterns, "_missed", {})
    monkeypatch.setattr(compiled_patterns, "_made", {})
    monkeypatch.setattr(compiled_patterns, "_used", set())
    re.purge()


def later_process(monkeypatch) -> list[str]:
    """As a later process: nothing in memory; the patterns re compiles from now on
    (through a re.compile another library put in place, which the cache respects)."""
    monkeypatch.setattr(compiled_patterns, "_programs", None)
    monkeypatch.setattr(compiled_patterns, "_made", {})
    compiled_by_re = []
    original = re.compile

    def counted(pattern, flags=0):
        compiled_by_re.append(pattern)
        return original(pattern, flags)

    monkeypatch.setattr(re, "compile", counted)
    return compiled_by_re


def compile_all() -> list[re.Pattern]:
    with compiled_patterns.patterns_from_cache():
        return [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def test_patterns_read_back_from_the_cache_are_the_ones_re_compiles(monkeypatch):
    first = compile_all()
    path = compiled_patterns.cache_path()
    assert path.is_file() and path.name.startswith(compiled_patterns.FAMILY)
    compiled_by_re = later_process(monkeypatch)
    counted = re.compile
    again = compile_all()
    assert compiled_by_re == [] and re.compile is counted  # none compiled; the other library's kept
    for made, stock, (pattern, _) in zip(again, first, PATTERNS):
        assert made == stock  # same flags, same program
        assert made.pattern == pattern and made.groupindex == stock.groupindex and made.groups == stock.groups
        for text in TEXTS:
            assert [m.span() for m in made.finditer(text)] == [m.span() for m in stock.finditer(text)]
            assert [m.groupdict() for m in made.finditer(text)] == [m.groupdict() for m in stock.finditer(text)]


def test_only_the_thread_in_the_context_uses_the_cache_and_fills_it():
    """Other threads' patterns (an analysis's, built from an article's words) are
    re's and never written; nor are those compiled later through a reference taken
    meanwhile (the standard library's _strptime takes one)."""
    import threading

    elsewhere = []
    with compiled_patterns.patterns_from_cache():
        captured = re.compile
        thread = threading.Thread(target=lambda: elsewhere.append(re.compile(r"Kazakhstan(?![\w-])")))
        thread.start()
        thread.join()
        mine = re.compile(PATTERNS[0][0], PATTERNS[0][1])
    captured(r"Nairobi\b")
    assert elsewhere[0].search("in Kazakhstan.") and mine.search(TEXTS[0])
    assert compiled_patterns._missed == {}
    assert set(compiled_patterns._read(compiled_patterns.cache_path())) == {(PATTERNS[0][0], int(PATTERNS[0][1]))}


def test_a_re_compile_put_in_place_meanwhile_by_another_library_is_kept():
    def theirs(pattern, flags=0):
        return stock(pattern, flags)

    stock = re.compile
    try:
        with compiled_patterns.patterns_from_cache():
            replaced_by_us = re.compile
            re.compile = theirs
        assert re.compile is theirs
        re.compile = replaced_by_us  # the library puts ours back: the next context must not call itself
        with compiled_patterns.patterns_from_cache():
            assert re.compile(r"a+b").match("aab")
        assert re.compile(r"c+d").match("ccd")
    finally:
        re.compile = stock


def test_re_compile_is_itself_again_once_the_context_closes_even_on_an_error():
    original = re.compile
    with pytest.raises(ValueError):
        with compiled_patterns.patterns_from_cache():
            assert re.compile is not original
            with compiled_patterns.patterns_from_cache():  # nested: still replaced after the inner one
                pass
            assert re.compile is not original
            raise ValueError
    assert re.compile is original


def test_what_re_compile_refuses_it_refuses_and_other_patterns_pass_through():
    with compiled_patterns.patterns_from_cache():
        with pytest.raises(re.error):
            re.compile(r"(unclosed")
        compiled = re.compile(rb"\d+")  # bytes: re's own
        assert compiled.match(b"42").group() == b"42"
        assert re.compile(compiled) is compiled
    assert compiled_patterns.cache_path().is_file() is False  # nothing new worth writing


@pytest.mark.parametrize("junk", [b"", b"not marshal", b"\xe9\x01\x00\x00\x00"])
def test_an_unreadable_cache_is_compiled_anew_and_replaced(junk):
    path = compiled_patterns.cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(junk)
    assert [p.pattern for p in compile_all()] == [p for p, _ in PATTERNS]
    assert len(compiled_patterns._read(path)) == len(PATTERNS)


def test_a_program_this_python_refuses_is_compiled_by_re_instead(monkeypatch):
    compile_all()
    path = compiled_patterns.cache_path()
    programs = compiled_patterns._read(path)
    key = (PATTERNS[0][0], int(PATTERNS[0][1]))
    flags, code, groups, groupindex, indexgroup = programs[key]
    programs[key] = (flags, b"\xff\xff\xff\x7f" + code[4:], groups, groupindex, indexgroup)  # broken
    write_cache(path, programs)
    compiled_by_re = later_process(monkeypatch)
    made = compile_all()[0]
    assert compiled_by_re == [PATTERNS[0][0]]
    assert made == compiled_patterns._replaced(*PATTERNS[0]) and made.search(TEXTS[0])["by"] == "12.5"


def test_a_damaged_cache_is_not_used(monkeypatch):
    """A changed byte in a program could still be a valid one that matches other text:
    the file carries a checksum."""
    compile_all()
    path = compiled_patterns.cache_path()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    compiled_by_re = later_process(monkeypatch)
    compile_all()
    assert compiled_by_re == [pattern for pattern, _ in PATTERNS]


def write_cache(path, programs) -> None:
    import marshal
    import zlib

    payload = marshal.dumps(programs)
    path.write_bytes(zlib.crc32(payload).to_bytes(4, "little") + payload)


def test_the_figure_engine_loads_from_the_cache_in_another_process(tmp_path):
    """The first process writes what the engine compiles; the next compiles nothing
    of it (what a launch saves: ~55 ms)."""
    code = (
        "import json, re\n"
        "from desktop.core import compiled_patterns as c\n"
        "compiled = []\n"
        "original = re.compile\n"
        "re.compile = lambda p, f=0: (isinstance(p, str) and compiled.append(p), original(p, f))[1]\n"
        "with c.patterns_from_cache():\n"
        "    import desktop.nlp.figures.describe\n"
        "print(json.dumps(compiled))\n"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    import json

    first, second = [json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                               env=env, timeout=120, check=True,
                                               cwd=Path(__file__).parents[2]).stdout) for _ in range(2)]
    assert len(first) > 50 and second == [compiled_patterns.PROBE]  # (every process probes re's internals)


def test_patterns_missed_with_save_now_false_are_cached_at_the_next_save():
    """The launch process caches nothing until its results are sent: making the
    programs costs as much again as compiling."""
    with compiled_patterns.patterns_from_cache(save_now=False):
        first = [re.compile(pattern, flags) for pattern, flags in PATTERNS]
    path = compiled_patterns.cache_path()
    assert not path.exists()
    compiled_patterns.save()
    assert set(compiled_patterns._read(path)) == {(pattern, int(flags)) for pattern, flags in PATTERNS}
    assert compiled_patterns._missed == {}
    compiled_patterns.save()  # nothing new: the file stays as it is
    assert len(compiled_patterns._read(path)) == len(first)
