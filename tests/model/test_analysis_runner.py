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
