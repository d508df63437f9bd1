from desktop.model.figure_announcer import FIGURE_UPDATES_MS, FigureAnnouncer
from desktop.model.scheduler import Scheduler


class _Turns:
    """Stands in for AnalysisRunner.in_own_turn: each queued call is a turn of its own."""

    def __init__(self) -> None:
        self.queued = []

    def __call__(self, call) -> None:
        self.queued.append(call)

    def run_next(self) -> None:
        self.queued.pop(0)()


def _announcer(qtbot):
    turns, events = _Turns(), []
    scheduler = Scheduler()
    announcer = FigureAnnouncer(lambda: events.append("prepared"), turns, scheduler, scheduler)
    announcer.sigAnnounce.connect(lambda: events.append("announced"))
    return announcer, turns, events


def test_many_requests_make_one_announcement_after_the_interval(qtbot):
    announcer, turns, _events = _announcer(qtbot)
    for _ in range(5):
        announcer.request()
    assert turns.queued == [] and not announcer.busy
    qtbot.waitUntil(lambda: len(turns.queued) == 2, timeout=FIGURE_UPDATES_MS * 10)
    qtbot.wait(FIGURE_UPDATES_MS * 2)
    assert len(turns.queued) == 2


def test_the_table_is_prepared_in_one_turn_and_the_views_told_in_the_next(qtbot):
    announcer, turns, events = _announcer(qtbot)
    announcer.request()
    announcer.flush()
    assert events == [] and announcer.busy
    turns.run_next()
    assert events == ["prepared"] and announcer.busy
    turns.run_next()
    assert events == ["prepared", "announced"] and not announcer.busy


def test_a_flush_announces_only_what_a_request_waits_for(qtbot):
    announcer, turns, _events = _announcer(qtbot)
    announcer.flush()
    assert turns.queued == []
    announcer.request()
    announcer.flush()
    announcer.flush()
    assert len(turns.queued) == 2
    qtbot.wait(FIGURE_UPDATES_MS * 2)  # the timer the flush stopped does not fire later
    assert len(turns.queued) == 2
