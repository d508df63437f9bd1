"""The gazetteer kept in the user's cache folder (desktop.nlp.entities.gazetteer_cache)."""

import pytest

from desktop.nlp.entities import gazetteer_cache
from desktop.nlp.entities.gazetteer import build_gazetteer


@pytest.fixture(scope="module")
def built():
    return build_gazetteer()


def counting(built):
    calls = []

    def build():
        calls.append(1)
        return built

    return build, calls


def test_built_once_then_read_back_the_same(built):
    build, calls = counting(built)
    first = gazetteer_cache.cached(build)
    path = gazetteer_cache.cache_path()
    assert calls == [1] and path.is_file() and path.parent.name == "gazetteer"
    again = gazetteer_cache.cached(build)
    assert calls == [1]  # read from the file, not built
    assert again is not first and again.places == built.places
    assert again.language_names == built.language_names
    assert [(s, e) for s, e, _ in again.find("Kenyans flew from Nairobi to France.")] == [(0, 7), (18, 25), (29, 35)]


def test_an_unreadable_file_is_built_again_and_replaced(built):
    path = gazetteer_cache.cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for junk in (b"", b"not a pickle", b"\x80\x05K\x01."):  # the last: a pickled 1, not a gazetteer
        path.write_bytes(junk)
        build, calls = counting(built)
        assert gazetteer_cache.cached(build).places == built.places and calls == [1]
        assert path.read_bytes() != junk
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temporary left


def test_a_gazetteer_of_older_code_is_built_again(built):
    """A process still running older code may write its gazetteer under the name of the
    code installed since (it names the file from the sources on disk)."""
    import pickle

    older = object.__new__(type(built))
    object.__setattr__(older, "places", built.places)  # no other field
    path = gazetteer_cache.cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(older))
    build, calls = counting(built)
    assert gazetteer_cache.cached(build).territory_words == built.territory_words and calls == [1]


def test_a_cache_folder_that_cannot_be_written_only_costs_the_build(built, tmp_path, monkeypatch):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    build, calls = counting(built)
    assert gazetteer_cache.cached(build).places == built.places and calls == [1]


def test_the_file_is_named_for_what_it_is_built_from(monkeypatch, tmp_path):
    path = gazetteer_cache.cache_path()
    assert gazetteer_cache.cache_path() == path
    monkeypatch.setattr(gazetteer_cache, "__version__", "another")
    assert gazetteer_cache.cache_path() != path  # another version of the app
    monkeypatch.undo()
    copy = tmp_path / "gazetteer_cache.py"  # the gazetteer's code elsewhere (another install)
    copy.write_text("")
    (tmp_path / "gazetteer.py").write_text("# changed")
    monkeypatch.setattr(gazetteer_cache, "__file__", str(copy))
    assert gazetteer_cache.cache_path() != path


def test_a_bundle_names_its_file_for_its_executable(monkeypatch, tmp_path):
    """In a bundle the gazetteer's source and the packages' data are not files of their
    own: the executable stands for them all."""
    executable = tmp_path / "article-lens"
    executable.write_bytes(b"one build")
    monkeypatch.setattr(gazetteer_cache.sys, "frozen", True, raising=False)
    monkeypatch.setattr(gazetteer_cache.sys, "executable", str(executable))
    first = gazetteer_cache.cache_path()
    assert first is not None and first.parent.name == "gazetteer"
    executable.write_bytes(b"another build, installed over it")
    assert gazetteer_cache.cache_path() not in (None, first)
