"""Every session file ever committed here must keep loading, with the same content.

When the format changes, add a file saved by the old version (never regenerate the
old ones) and its expected content below.
"""

from collections import Counter
from pathlib import Path

import pytest

from desktop.formats.session_file import load_session, session_from_bytes, session_to_bytes

SESSIONS = Path(__file__).resolve().parents[1] / "data" / "sessions"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_b7826a19fda1218e.txt"

#: (surface, label, origin, status, note) of each highlight of v1_sample.alens, by position.
V1_SAMPLE_HIGHLIGHTS = [
    ("BAKU", "GPE", "model", "accepted", ""),
    ("June 22", "DATE", "model", "suggested", ""),
    ("Aliya Mussabekova", "PERSON", "manual", "accepted", "Senior research fellow 👩‍🔬 at KazISS"),
    ("Kazakhstan", "GPE", "model", "suggested", ""),
    ("Kazakhstan Institute for Strategic Studies", "ORG", "model", "accepted", ""),
    ("Trend", "ORG", "model", "rejected", "a news agency, not a trend"),
    ("more than 30 years", "DATE", "model", "accepted", ""),
    ("over 120", "CARDINAL", "manual", "accepted", ""),
    ("40 percent", "PERCENT", "model", "accepted", ""),
    ("$460 million", "MONEY", "model", "accepted", "trade 2022 ✅ checked"),
    ("Middle Corridor", "FAC", "model", "rejected", ""),
    ("3.2 million tons", "QUANTITY", "manual", "accepted", "cargo plan 🚢"),
    ("16-17 years", "DATE", "model", "suggested", ""),
]
MONEY_ID = "105e55104a11ce0000000000000000"


def session_files() -> list[Path]:
    return sorted(SESSIONS.glob("*.alens"))


def test_there_is_a_sample_of_every_format_version():
    versions = {load_session(path).format_version for path in session_files()}
    assert versions == {1}


@pytest.mark.parametrize("path", session_files(), ids=lambda path: path.name)
def test_every_committed_session_loads_and_re_saves_unchanged(path):
    loaded = load_session(path)
    session = loaded.session
    assert session.highlights, "a sample should hold highlights"
    for highlight in session.highlights:
        assert highlight.surface(session.article.text).strip()
    again = session_from_bytes(session_to_bytes(session, loaded.view_state))
    assert again.session.article == session.article
    assert list(again.session.highlights) == list(session.highlights)
    assert again.session.labels == session.labels
    assert again.session.figure_overrides == session.figure_overrides
    assert again.view_state == loaded.view_state
    assert again.created == loaded.created


def test_v1_sample_holds_what_was_saved():
    loaded = load_session(SESSIONS / "v1_sample.alens")
    session = loaded.session
    text = session.article.text
    assert (loaded.format_version, loaded.app_version, loaded.created) == (
        1, "0.1.0", "2024-06-22T09:00:00+00:00"
    )
    assert text == SEED.read_text(encoding="utf-8")
    assert session.article.title == "Kazakhstan and Azerbaijan: trade and transport"
    assert session.article.encoding == "utf-8"
    found = [(h.surface(text), h.label, h.origin, h.status, h.note) for h in session.highlights]
    assert found == V1_SAMPLE_HIGHLIGHTS
    assert Counter(h.status for h in session.highlights) == {"accepted": 8, "suggested": 3, "rejected": 2}
    assert session.highlights[MONEY_ID].modified == "2024-06-22T09:10:00+00:00"
    assert session.figure_overrides == {MONEY_ID: {
        "value": 460000000, "unit": "USD", "qualifier": "more than", "subject": "bilateral trade, 2022",
    }}
    assert session.hidden_labels == {"ORDINAL"}
    assert [label.name for label in session.labels][:4] == ["PERSON", "NORP", "ORG", "GPE"]
    assert loaded.view_state == {
        "article_scroll": 0.25, "selected_highlight": MONEY_ID, "splitter_sizes": [720, 480],
        "figures_sort": {"column": "value", "order": "descending"},
    }
