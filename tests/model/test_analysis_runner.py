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
