"""The first article analysed by a process started at launch (desktop.nlp.launch_analysis)."""

import pytest

from desktop.nlp import launch_analysis


def exits(process, seconds: float) -> bool:
    """Whether ``process`` has exited within ``seconds`` (a thread of the module may
    be waiting for it too: it is asked, not joined a second time)."""
    import time

    deadline = time.monotonic() + seconds
    while process.is_alive():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@pytest.fixture(autouse=True)
def _no_launch_process_yet():
    """Each test starts as the app does: no process started at launch in this one yet
    (another test of the session may have started and used one)."""
    launch_analysis._process = launch_analysis._connection = None
    yield
    launch_analysis._process = launch_analysis._connection = None


def test_the_launch_process_gives_the_analysis_of_this_process_and_then_exits(seed_text):
    from desktop.nlp.analysis import PARALLEL_MIN_CHARS, iter_analysis
    from desktop.nlp.entities.document import document_changes

    assert launch_analysis.MAX_CHARS == PARALLEL_MIN_CHARS
    assert launch_analysis.start() and launch_analysis.available()
    process = launch_analysis._process
    outcome = launch_analysis.analyse(seed_text)
    assert outcome is not None
    parts, changes = outcome
    here = list(iter_analysis(seed_text, lambda: False, share=False))
    assert [(e.start, e.end, e.label) for p in parts for e in p.entities] \
        == [(e.start, e.end, e.label) for p in here for e in p.entities]
    assert [(f.start, f.end) for p in parts for f in p.figures] == [(f.start, f.end) for p in here for f in p.figures]
    assert changes == document_changes([e for p in here for e in p.entities], seed_text, None)
    assert exits(process, 10)  # no process stays after a short article
    assert not launch_analysis.available() and launch_analysis.analyse(seed_text) is None  # used once
    from desktop.core import compiled_patterns

    # what it compiled is cached once its results were sent: the next launch reads it
    assert len(compiled_patterns._read(compiled_patterns.cache_path())) > 100


def test_a_cancelled_analysis_ends_the_launch_process(seed_text):
    assert launch_analysis.start()
    process = launch_analysis._process
    assert launch_analysis.analyse(seed_text, should_stop=lambda: True) is None
    assert exits(process, 10)


def test_a_launch_process_given_no_text_exits_once_released(seed_text):
    assert launch_analysis.start()
    process = launch_analysis._process
    launch_analysis.release()  # the first article went to the window's own thread
    assert not launch_analysis.available() and launch_analysis.analyse(seed_text) is None
    assert exits(process, 60)  # exited (once loaded) and waited for: no zombie stays


def test_a_text_handed_ahead_is_analysed_as_one_sent_by_analyse(seed_text):
    assert launch_analysis.start()
    process = launch_analysis._process
    assert launch_analysis.send_ahead(seed_text)  # the window's thread, once the text is painted
    assert not launch_analysis.send_ahead(seed_text)  # once
    outcome = launch_analysis.analyse(seed_text)  # the analysis thread: only waits
    assert outcome is not None
    parts, _changes = outcome
    assert [(f.start, f.end) for p in parts for f in p.figures]  # the seed's figures
    assert exits(process, 10)


def test_a_text_too_long_for_the_pipe_is_not_handed_ahead_and_another_text_is_refused(seed_text):
    assert launch_analysis.start()
    long_text = "Acme sold 3 million units. " * 3_000  # ~81,000 bytes: the write could wait
    assert not launch_analysis.send_ahead(long_text)
    assert launch_analysis.send_ahead(seed_text)
    process = launch_analysis._process
    assert launch_analysis.analyse("Another article: Acme lost $2m.") is None  # not the text it has
    assert exits(process, 10)


def test_the_process_multiprocessing_spawns_where_python_is_bundled_analyses_too(seed_text, monkeypatch):
    """(Windows, a bundle.)"""
    monkeypatch.setattr(launch_analysis, "_plain_python", lambda: False)
    assert launch_analysis.start()
    process = launch_analysis._process
    assert process.name == "article-lens-first-analysis"
    assert not launch_analysis.send_ahead(seed_text)  # its pipe may hold 8 KiB: the window would wait
    parts, _changes = launch_analysis.analyse(seed_text)  # sent by the analysis thread
    assert [(f.start, f.end) for p in parts for f in p.figures]
    assert exits(process, 10)


def test_a_process_with_a_text_nobody_takes_is_ended_when_released(seed_text):
    """The first window closed (or its analysis cancelled) after its text was handed
    ahead: AnalysisRunner.shutdown releases the process, which is ended and reaped."""
    assert launch_analysis.start()
    process = launch_analysis._process
    assert launch_analysis.send_ahead(seed_text)
    launch_analysis.release()
    assert exits(process, 10)
    assert launch_analysis.analyse(seed_text) is None
