"""The shared spaCy pipeline."""

import gc

from desktop.nlp.pipeline import load_pipeline


def test_the_loaded_model_is_kept_out_of_the_collectors_sight():
    nlp = load_pipeline()
    tracked = {id(o) for o in gc.get_objects()}
    assert gc.get_freeze_count() > 10_000
    assert id(nlp) not in tracked and id(nlp.vocab) not in tracked
    assert id(nlp.get_pipe("ner")) not in tracked



def test_only_the_components_the_analysis_runs_are_loaded():
    nlp = load_pipeline()
    assert nlp.pipe_names == ["ner"]  # the rest run on figure sentences only
    assert sorted(nlp.component_names) == ["ner", "parser", "tagger", "tok2vec"]


def test_the_tokenizer_is_the_one_spacy_loads_with_the_model(seed_text):
    import spacy

    from desktop.nlp.pipeline import MODEL_PACKAGES

    ours = load_pipeline().tokenizer
    for name in MODEL_PACKAGES:
        try:
            stock = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler",
                                              "lemmatizer", "ner"]).tokenizer
            break
        except OSError:
            continue
    assert ours.rules == stock.rules and len(ours.rules) > 1000
    for attribute in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
        mine, theirs = getattr(ours, attribute), getattr(stock, attribute)
        assert (mine is None and theirs is None) or mine.__self__.pattern == theirs.__self__.pattern
    assert ours.faster_heuristics == stock.faster_heuristics
    text = seed_text + " U.S. e-mail don't $4.5bn 3-4% Mr. O'Neill's co-op (Q3) http://x.org/a?b=c :-)"
    assert [t.text for t in ours(text)] == [t.text for t in stock(text)]


def test_spacy_is_imported_without_its_command_line_which_still_works_when_asked_for():
    code = (
        "import sys\n"
        "from desktop.nlp.pipeline import import_spacy\n"
        "spacy = import_spacy()\n"
        "assert 'spacy.cli' not in sys.modules and 'typer' not in sys.modules, 'imported the command line'\n"
        "assert 'spaCy version' in str(spacy.info(markdown=True))\n"
        "import spacy.cli\n"
        "assert spacy.cli.info is not None and hasattr(spacy.cli, 'download')\n"
        "print('ok')\n"
    )
    _assert_prints(code, "ok")


def test_spacy_imported_by_another_thread_meanwhile_is_waited_for_not_taken_half_made():
    code = (
        "import sys, threading, time\n"
        "from desktop.nlp.pipeline import import_spacy\n"
        "plain = threading.Thread(target=lambda: __import__('spacy'))\n"
        "plain.start()\n"
        "while 'spacy' not in sys.modules: time.sleep(0.0005)\n"  # the other import is under way
        "spacy = import_spacy()\n"
        "print(hasattr(spacy, 'registry') and hasattr(spacy, 'load'))\n"
        "plain.join()\n"
    )
    _assert_prints(code, "True")


def test_analysing_an_english_text_never_imports_langcodes_which_still_works_when_asked_for(seed_path):
    """langcodes (~30 ms of language tables) is for guessing a language spaCy has no
    module for; the language families the entity stages use are in the gazetteer."""
    code = (
        "import sys\n"
        "from desktop.nlp.pipeline import load_analysis\n"
        "load_analysis(compile_units=False)\n"
        "from desktop.nlp.analysis import iter_analysis\n"
        f"list(iter_analysis(open({str(seed_path)!r}, encoding='utf-8').read(), lambda: False, share=False))\n"
        "assert 'langcodes' not in sys.modules, 'imported langcodes'\n"
        "from desktop.nlp.entities.context import ethnonym_words\n"
        "assert {'Turkic', 'Slavic', 'Kazakh'} <= ethnonym_words()\n"
        "import spacy.util\n"
        "assert spacy.util.find_matching_language('no') == 'nb'\n"
        "print('ok')\n"
    )
    _assert_prints(code, "ok")


def _assert_prints(code: str, expected: str) -> None:
    """Run ``code`` in a fresh interpreter (what it imports is the point) and check what
    it prints."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == expected, done.stderr


def test_catalogue_finds_entry_points_by_group_as_it_would_by_scanning_them():
    from importlib.metadata import entry_points

    import catalogue

    from desktop.nlp.spacy_import import EntryPointsByGroup, import_spacy

    import_spacy()
    indexed = catalogue.AVAILABLE_ENTRY_POINTS
    assert isinstance(indexed, EntryPointsByGroup)
    installed = entry_points()  # (Python 3.11: a dict of the groups; later: the entry points)
    groups = installed.groups
    assert "console_scripts" in groups and len(groups) > 5
    for group in [*groups, "no_such_group"]:
        assert list(indexed.select(group=group)) == list(installed.select(group=group))
    assert list(indexed.select(group="console_scripts", name="pip")) == \
        list(installed.select(group="console_scripts", name="pip"))
