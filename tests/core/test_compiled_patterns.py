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


@pytest.fixture
def fresh_cache(monkeypatch):
    """The module as in a process that has read no cache yet."""
    monkeypatch.setattr(compiled_patterns, "_programs", None)
    monkeypatch.setattr(compiled_patterns, "_missed", {})
    monkeypatch.setattr(compiled_patterns, "_made", {})
    re.purge()


def compile_all() -> list[re.Pattern]:
    with compiled_patterns.patterns_from_cache():
        return [re.compile(pattern, flags) for pattern, flags in PATTERNS]


def test_patterns_read_back_from_the_cache_are_the_ones_re_compiles(fresh_cache, monkeypatch):
    first = compile_all()
    path = compiled_patterns.cache_path()
    assert path.is_file() and path.name.startswith(compiled_patterns.FAMILY)
    # a later process: nothing in memory, and re's own compiler may not be used
    monkeypatch.setattr(compiled_patterns, "_programs", None)
    monkeypatch.setattr(compiled_patterns, "_made", {})

    compiled_again = []
    original = compiled_patterns._original_compile

    def counted(pattern, flags=0):
        compiled_again.append(pattern)
        return original(pattern, flags)

    monkeypatch.setattr(compiled_patterns, "_original_compile", counted)
    again = compile_all()
    assert not set(compiled_again) & {pattern for pattern, _ in PATTERNS}
    for made, stock, (pattern, flags) in zip(again, first, PATTERNS):
        assert made == re.compile(pattern, flags) == stock  # same flags, same program
        assert made.pattern == pattern and made.groupindex == stock.groupindex and made.groups == stock.groups
        for text in TEXTS:
            assert [m.span() for m in made.finditer(text)] == [m.span() for m in stock.finditer(text)]
            assert [m.groupdict() for m in made.finditer(text)] == [m.groupdict() for m in stock.finditer(text)]


def test_re_compile_is_itself_again_once_the_context_closes_even_on_an_error(fresh_cache):
    original = re.compile
    with pytest.raises(ValueError):
        with compiled_patterns.patterns_from_cache():
            assert re.compile is not original
            with compiled_patterns.patterns_from_cache():  # nested: still replaced after the inner one
                pass
            assert re.compile is not original
            raise ValueError
    assert re.compile is original


def test_what_re_compile_refuses_it_refuses_and_other_patterns_pass_through(fresh_cache):
    with compiled_patterns.patterns_from_cache():
        with pytest.raises(re.error):
            re.compile(r"(unclosed")
        compiled = re.compile(rb"\d+")  # bytes: re's own
        assert compiled.match(b"42").group() == b"42"
        assert re.compile(compiled) is compiled
    assert compiled_patterns.cache_path().is_file() is False  # nothing new worth writing


@pytest.mark.parametrize("junk", [b"", b"not marshal", b"\xe9\x01\x00\x00\x00"])
def test_an_unreadable_cache_is_compiled_anew_and_replaced(fresh_cache, junk):
    path = compiled_patterns.cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(junk)
    assert [p.pattern for p in compile_all()] == [p for p, _ in PATTERNS]
    assert len(compiled_patterns._read(path)) == len(PATTERNS)


def test_a_program_this_python_refuses_is_compiled_by_re_instead(fresh_cache, monkeypatch):
    compile_all()
    path = compiled_patterns.cache_path()
    programs = compiled_patterns._read(path)
    key = (PATTERNS[0][0], int(PATTERNS[0][1]))
    flags, code, groups, groupindex, indexgroup = programs[key]
    programs[key] = (flags, b"\xff\xff\xff\x7f" + code[4:], groups, groupindex, indexgroup)  # broken
    import marshal

    path.write_bytes(marshal.dumps(programs))
    monkeypatch.setattr(compiled_patterns, "_programs", None)
    monkeypatch.setattr(compiled_patterns, "_made", {})
    made = compile_all()[0]
    assert made == re.compile(*PATTERNS[0]) and made.search(TEXTS[0])["by"] == "12.5"


def test_the_figure_engine_loads_from_the_cache_in_another_process(tmp_path):
    """The first process writes what the engine compiles; the next compiles nothing
    of it (what a launch saves: ~55 ms)."""
    code = (
        "import re, time\n"
        "from desktop.core import compiled_patterns as c\n"
        "compiled = []\n"
        "original = c._original_compile\n"
        "c._original_compile = lambda p, f=0: (isinstance(p, str) and compiled.append(p), original(p, f))[1]\n"
        "with c.patterns_from_cache():\n"
        "    import desktop.nlp.figures.describe\n"
        "print(len(compiled))\n"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    counts = [int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                                 timeout=120, check=True, cwd=Path(__file__).parents[2]).stdout)
              for _ in range(2)]
    assert counts[0] > 50 and counts[1] == 0


def test_patterns_missed_with_save_now_false_are_cached_at_the_next_save(fresh_cache):
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
