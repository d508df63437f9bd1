"""The id and the time stamp every new highlight gets."""

import re
from datetime import UTC, datetime, timedelta

from desktop.core import highlight
from desktop.core.highlight import Highlight, new_id, now_iso


def test_ids_are_32_hex_digits_and_never_repeat():
    ids = {new_id() for _ in range(20_000)}
    assert len(ids) == 20_000
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)


def test_now_is_utc_to_the_second_and_follows_the_clock(monkeypatch):
    stamp = datetime.fromisoformat(now_iso())
    assert stamp.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - stamp) < timedelta(seconds=2)
    clock = [1_700_000_000.2]
    monkeypatch.setattr(highlight.time, "time", lambda: clock[0])
    assert now_iso() == "2023-11-14T22:13:20+00:00"
    clock[0] += 0.7  # the same second
    assert now_iso() == "2023-11-14T22:13:20+00:00"
    clock[0] += 59.5
    assert now_iso() == "2023-11-14T22:14:20+00:00"
    assert Highlight(0, 3, "ORG").created == "2023-11-14T22:14:20+00:00"
