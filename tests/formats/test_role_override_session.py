"""A figure's role corrected by hand is kept by a session file, exactly."""

from pathlib import Path

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session
from desktop.formats.session_file import load_session, save_session, session_from_bytes, session_to_bytes
from desktop.nlp.figures.table.highlights import figures_for_highlights
from desktop.nlp.figures.table.rows import OVERRIDABLE_COLUMNS

SESSIONS = Path(__file__).resolve().parents[1] / "data" / "sessions"
TEXT = "Sales rose 4% to $2.1bn from $2.0bn.\n"


def make_session() -> Session:
    spans = [("4%", "PERCENT"), ("$2.1bn", "MONEY"), ("$2.0bn", "MONEY")]
    highlights = [Highlight(TEXT.index(surface), TEXT.index(surface) + len(surface), label, status="accepted")
                  for surface, label in spans]
    overrides = {highlights[0].id: {"role": "change"},
                 highlights[2].id: {"role": "previous", "subject": "Sales, a year earlier"}}
    return Session(Article(TEXT, title="sales"), HighlightSet(highlights), figure_overrides=overrides)


def figures_of(session: Session):
    return figures_for_highlights(session.article.text, session.highlights, {},
                                  overrides=session.figure_overrides)


def test_role_is_a_correctable_column():
    assert "role" in OVERRIDABLE_COLUMNS


def test_a_role_override_survives_save_and_load_exactly(tmp_path):
    session = make_session()
    path = tmp_path / "sales.alens"
    save_session(session, path)
    loaded = load_session(path).session
    assert loaded.figure_overrides == session.figure_overrides
    assert list(loaded.highlights) == list(session.highlights)
    again = session_from_bytes(session_to_bytes(loaded)).session
    assert again.figure_overrides == session.figure_overrides


def test_a_loaded_role_override_is_shown_and_named_edited():
    session = session_from_bytes(session_to_bytes(make_session())).session
    figures = figures_of(session).set_index("surface")
    stated = figures[~figures["derived"]]
    assert stated.loc["4%", "role"] == "change" and stated.loc["4%", "edited"] == "role"
    assert stated.loc["$2.0bn", "role"] == "previous"
    assert stated.loc["$2.0bn", "edited"] == "subject,role"  # in OVERRIDABLE_COLUMNS order
    assert stated.loc["$2.0bn", "subject"] == "Sales, a year earlier"
    assert stated.loc["$2.1bn", "edited"] == ""


def test_a_session_written_with_role_overrides_loads():
    loaded = load_session(SESSIONS / "v1_role_overrides.alens")
    session = loaded.session
    assert loaded.format_version == 1
    assert session.figure_overrides == {
        "a01e0000000000000000000000000001": {"role": "change"},
        "a01e0000000000000000000000000006": {"role": "previous", "subject": "Sales"},
        "a01e0000000000000000000000000007": {"role": "forecast", "period": "2025"},
    }
    assert loaded.view_state == {"figures_sort": {"column": "role", "order": "ascending"}}
    figures = figures_of(session)
    stated = figures[~figures["derived"]].set_index("highlight_id")
    assert stated.loc["a01e0000000000000000000000000001", "role"] == "change"
    assert stated.loc["a01e0000000000000000000000000007", ["role", "period", "edited"]].tolist() == [
        "forecast", "2025", "period,role"]


def test_a_session_from_before_roles_loads_with_the_engines_roles_and_no_role_marked_edited():
    session = load_session(SESSIONS / "v1_sample.alens").session
    assert all("role" not in cells for cells in session.figure_overrides.values())
    figures = figures_of(session)
    assert {"role", "direction", "moved", "link"} <= set(figures.columns)
    assert not any("role" in marks.split(",") for marks in figures["edited"])
