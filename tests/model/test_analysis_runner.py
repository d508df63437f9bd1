import gc

from desktop.core.article import Article
from desktop.model.session_model import SessionModel

TEXT = "Kazakhstan and Azerbaijan traded $460 million in 2022. " * 40


def test_cancelling_and_restarting_quickly_keeps_only_the_last_results(qtbot):
    model = SessionModel()
    model.open_article(Article(TEXT), analyse=False)
    finished = []
    model.analysis.sigFinished.connect(finished.append)
    for _ in range(5):
        model.start_analysis()
        model.cancel_analysis()
        gc.collect()  # a cancelled worker must stay alive until its thread ends
    model.start_analysis()
    qtbot.waitUntil(lambda: not model.analysing, timeout=60_000)
    assert finished.count(False) == 1 and finished.count(True) == 5
    money = [h for h in model.session.highlights if h.label == "MONEY"]
    assert len(money) == 40 and len({(h.start, h.end) for h in money}) == 40
    model.shutdown()
    assert not model.analysis._running


def test_progress_reaches_the_whole_text(qtbot):
    model = SessionModel()
    model.open_article(Article(TEXT), analyse=False)
    progress = []
    model.analysis.sigProgress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(model.analysis.sigFinished, timeout=60_000):
        model.start_analysis()
    assert progress[-1] == (len(TEXT), len(TEXT))
    model.shutdown()


def test_the_document_pass_arrives_once_before_the_end_and_is_not_an_undo_step(qtbot):
    text = ("Aliya Mussabekova spoke in Baku. According to Mussabekova, trade grew.\n"
            "As Mussabekova noted, Kazakh firms invest.\n")
    model = SessionModel()
    model.open_article(Article(text), analyse=False)
    events = []
    model.analysis.sigEntitiesRevised.connect(lambda changes: events.append("revised"))
    model.analysis.sigFinished.connect(lambda cancelled: events.append(("finished", cancelled)))
    with qtbot.waitSignal(model.analysis.sigFinished, timeout=60_000):
        model.start_analysis()
    assert events == ["revised", ("finished", False)]
    surnames = [h for h in model.session.highlights if h.surface(text) == "Mussabekova"]
    assert len(surnames) >= 2 and {h.label for h in surnames} == {"PERSON"}
    assert any(h.reason.startswith("document consistency") for h in surnames)
    assert model.undo_stack.count() == 0
    model.shutdown()


def test_a_reopened_session_keeps_its_highlights_through_the_document_pass(qtbot):
    from desktop.core.highlight import Highlight
    from desktop.core.highlight_set import HighlightSet
    from desktop.core.session import Session

    text = "Aliya Mussabekova spoke. According to Mussabekova, trade grew."
    start = text.rindex("Mussabekova")
    saved = Highlight(start, start + len("Mussabekova"), "GPE")  # a suggestion, as saved
    model = SessionModel()
    with qtbot.waitSignal(model.analysis.sigFinished, timeout=60_000):
        model.open_session(Session(Article(text), HighlightSet([saved])), suggest=False)
    assert list(model.session.highlights) == [saved]
    model.shutdown()


def test_a_held_analysis_starts_on_release_and_a_cancelled_one_ends_at_once(qtbot):
    model = SessionModel()
    model.open_article(Article(TEXT), analyse=False)
    finished = []
    model.analysis.sigFinished.connect(finished.append)
    model.analysis.hold()
    model.start_analysis()  # held: made and counted as running, but no thread started
    model.cancel_analysis()
    model.start_analysis()
    assert model.analysing
    assert not any(thread.isRunning() for thread in model.analysis._running)
    qtbot.wait(50)
    assert finished == [True] and not model.session.highlights
    model.analysis.release()
    qtbot.waitUntil(lambda: not model.analysing, timeout=60_000)
    assert finished == [True, False]
    assert any(h.label == "MONEY" for h in model.session.highlights)
    qtbot.waitUntil(lambda: not model.analysis._running, timeout=10_000)  # both threads ended
    model.shutdown()


def test_shutdown_while_held_does_not_wait(qtbot):
    model = SessionModel()
    model.analysis.hold()
    model.open_article(Article(TEXT))
    model.shutdown()
    assert not model.analysis._running and not model.analysing


def test_results_reach_the_model_in_slices_one_per_turn_and_the_end_comes_last(qtbot, monkeypatch):
    from desktop.model import analysis_runner

    monkeypatch.setattr(analysis_runner, "APPLY_SLICE_ENTITIES", 12)
    model = SessionModel()
    model.open_article(Article(TEXT.replace(". ", ".\n")), analyse=False)
    events = []
    model.analysis.sigChunks.connect(
        lambda parts: events.append(sum(len(p.entities) + len(p.figures) for p in parts)))
    # without slicing, a whole batch (up to 40 chunks of ~5 entities each) comes at once
    model.analysis.sigFinished.connect(lambda cancelled: events.append("finished"))
    with qtbot.waitSignal(model.analysis.sigFinished, timeout=60_000):
        model.start_analysis()
    sizes = events[:-1]
    assert events[-1] == "finished" and len(sizes) > 5
    assert sum(size >= 12 for size in sizes) >= len(sizes) - 1  # only the last slice is short
    money = [h for h in model.session.highlights if h.label == "MONEY"]
    assert len(money) == 40
    model.shutdown()


def test_the_document_pass_is_applied_a_paragraph_at_a_time_and_spares_what_a_person_decided_meanwhile(
        qtbot, monkeypatch):
    from desktop.core.highlight import Highlight
    from desktop.core.highlight_set import HighlightSet
    from desktop.core.session import Session
    from desktop.model import suggestion_feed
    from desktop.nlp.entities.document import EntityChanges
    from desktop.nlp.results import EntitySpan

    monkeypatch.setattr(suggestion_feed, "REVISION_SLICE", 1)
    text = "Mussabekova spoke.\nMussabekova left.\nMussabekova came back."
    starts = [i for i in range(len(text)) if text.startswith("Mussabekova", i)]
    suggested = [Highlight(s, s + 11, "GPE", origin="model", status="suggested") for s in starts]
    model = SessionModel()
    model.open_session(Session(Article(text), HighlightSet(suggested)), analyse=False)
    spans = [EntitySpan(s, s + 11, "GPE") for s in starts]
    relabelled = [EntitySpan(s, s + 11, "PERSON") for s in starts]
    model.suggestions.apply_entity_revision(EntityChanges(removed=spans, added=relabelled))
    assert model.analysing  # two slices to go
    assert [h.label for h in model.session.highlights] == ["PERSON", "GPE", "GPE"]
    model.accept([suggested[2].id])  # a person keeps the last one as it is
    qtbot.waitUntil(lambda: not model.analysing, timeout=5_000)
    labels = {h.start: (h.label, h.status) for h in model.session.highlights}
    assert labels == {starts[0]: ("PERSON", "suggested"), starts[1]: ("PERSON", "suggested"),
                      starts[2]: ("GPE", "accepted")}
    assert [h.id for h in model.session.highlights] == [h.id for h in suggested]  # relabelled in place


def test_a_long_text_says_the_model_is_loading_until_the_workers_send_results(qtbot):
    from desktop.nlp import parallel
    from desktop.nlp.analysis import PARALLEL_MIN_CHARS

    parallel.shutdown_pool(wait=True)
    text = TEXT * (PARALLEL_MIN_CHARS // len(TEXT) + 1)
    model = SessionModel()
    model.open_article(Article(text), analyse=False)
    events = []
    model.analysis.sigStage.connect(lambda stage: events.append(stage))
    model.analysis.sigProgress.connect(lambda done, total: events.append(done))
    model.analysis.sigChunks.connect(lambda _parts: events.append("results"))
    try:
        with qtbot.waitSignal(model.analysis.sigFinished, timeout=120_000):
            model.start_analysis()
        assert events[:3] == ["Loading the language model…", "Analysing…", 0]
        assert "results" in events and len(text) in events
        assert parallel.ready()
        events.clear()
        with qtbot.waitSignal(model.analysis.sigFinished, timeout=120_000):
            model.start_analysis()  # the workers are loaded now: no loading stage
        assert events[:2] == ["Analysing…", 0]
    finally:
        model.shutdown()
        parallel.shutdown_pool(wait=True)


def test_a_short_first_text_is_handed_ahead_to_the_launch_process_once_released(qtbot, monkeypatch):
    """The window hands the first article to the process started at launch as soon as
    it is painted (SessionModel.hand_analysis_ahead), before its analysis thread runs."""
    from desktop.nlp import launch_analysis, pipeline

    handed = []
    monkeypatch.setattr(launch_analysis, "send_ahead", lambda *args: handed.append(args) or True)
    monkeypatch.setattr(launch_analysis, "available", lambda: False)  # the thread analyses here
    monkeypatch.setattr(pipeline, "pipeline_loaded", lambda: False)  # as at launch
    model = SessionModel()
    model.hold_background()
    model.open_article(Article(TEXT, date="2023-05-01"), analyse=True)
    model.hand_analysis_ahead()
    assert handed == [(TEXT, model.analysis._worker._lexicon, 2023)]
    model.cancel_analysis()
    model.open_article(Article("x " * launch_analysis.MAX_CHARS), analyse=True)  # a long one
    model.hand_analysis_ahead()
    assert len(handed) == 1
    model.shutdown()


def test_the_document_pass_reaches_the_figure_views_with_the_results_not_at_once(qtbot):
    from desktop.nlp.results import EntityChanges, EntitySpan

    text = "Acme paid $5 million. Acme paid $7 million.\n"
    model = SessionModel()
    model.open_article(Article(text), analyse=False)
    told = []
    model.sigFiguresChanged.connect(lambda: told.append("figures"))
    model.sigFigureRowsChanged.connect(lambda change: told.append("rows"))
    model.suggestions.apply_entity_revision(EntityChanges([], [EntitySpan(10, 20, "MONEY")]))
    assert [h.surface(text) for h in model.session.highlights] == ["$5 million"]
    assert told == []  # not yet: with the analysis's results (the announcer's next turn)
    qtbot.waitUntil(lambda: told == ["figures"], timeout=5_000)
    model.shutdown()
