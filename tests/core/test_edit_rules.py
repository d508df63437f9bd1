"""The editing rules, without Qt: each returns a Change; applying it and its inverse
gives back the session as it was."""

import pytest

from desktop.core import edit_rules as rules
from desktop.core.article import Article
from desktop.core.change import Change, apply_change
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.labels import Label
from desktop.core.session import Session

TEXT = "Acme Corp hired Jane Doe in Paris for $5 million."


def _at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _session(*highlights: Highlight) -> Session:
    return Session(Article(TEXT), HighlightSet(highlights))


def _state(session: Session):
    """What a session holds, comparable across copies."""
    return (sorted((h.id, h.start, h.end, h.label, h.origin, h.status, h.note) for h in session.highlights),
            [label.name for label in session.labels],
            {key: dict(cells) for key, cells in session.figure_overrides.items()},
            set(session.hidden_labels))


def _suggested(word: str, label: str) -> Highlight:
    return Highlight(*_at(word), label, origin="model", status="suggested")


def _round_trip(session: Session, change: Change) -> None:
    before = _state(session)
    apply_change(session, change)
    assert _state(session) != before
    apply_change(session, change.inverse())
    assert _state(session) == before


def test_adding_by_hand_supersedes_a_suggestion_of_another_label_on_the_same_span():
    suggestion = _suggested("Acme Corp", "PERSON")
    session = _session(suggestion)
    change, new_id = rules.add_highlight(session, *_at("Acme Corp"), "ORG")
    assert [h.id for h in change.removed] == [suggestion.id]
    assert {(h.id, h.status) for h in change.added} == {(suggestion.id, "rejected"), (new_id, "accepted")}
    assert change.text == "Add ORG “Acme Corp”"
    assert change.teaches[0][0] == "accepted"
    _round_trip(session, change)


def test_adding_the_label_a_suggestion_already_has_accepts_it():
    suggestion = _suggested("Paris", "GPE")
    session = _session(suggestion)
    change, highlight_id = rules.add_highlight(session, *_at("Paris"), "GPE")
    assert highlight_id == suggestion.id
    assert [(h.id, h.status) for h in change.added] == [(suggestion.id, "accepted")]


def test_a_span_outside_the_text_is_refused():
    with pytest.raises(ValueError):
        rules.add_highlight(_session(), 0, len(TEXT) + 1, "ORG")


def test_deleting_keeps_the_models_suggestion_as_rejected_and_drops_a_hand_made_one():
    suggestion = _suggested("Paris", "GPE")
    manual = Highlight(*_at("Jane Doe"), "PERSON", origin="manual", status="accepted")
    session = _session(suggestion, manual)
    change = rules.remove_highlights(session, [suggestion.id, manual.id])
    assert {h.id for h in change.removed} == {suggestion.id, manual.id}
    assert [(h.id, h.status) for h in change.added] == [(suggestion.id, "rejected")]
    assert change.teaches == (("rejected", (suggestion,)),)
    _round_trip(session, change)
    assert rules.remove_highlights(session, []).empty


def test_relabelling_makes_the_label_the_persons_and_says_why():
    suggestion = _suggested("Jane Doe", "ORG")
    session = _session(suggestion)
    change = rules.relabel(session, suggestion.id, "PERSON")
    (after,) = change.added
    assert (after.label, after.status, after.reason) == ("PERSON", "accepted", rules.RELABELLED)
    _round_trip(session, change)


def test_an_edit_that_changes_nothing_is_an_empty_change():
    manual = Highlight(*_at("Paris"), "GPE", origin="manual", status="accepted", note="x")
    session = _session(manual)
    assert rules.set_note(session, manual.id, " x ").empty
    assert rules.accept(session, [manual.id]).empty
    assert rules.resize(session, manual.id, 5, 5).empty  # an empty span
    assert rules.set_labels(session, list(session.labels)).empty
    assert rules.set_label_hidden(session, "GPE", False).empty


def test_accept_all_takes_only_the_suggestions_of_that_label():
    session = _session(_suggested("Paris", "GPE"), _suggested("Jane Doe", "PERSON"))
    change = rules.accept_all(session, "GPE")
    assert [(h.label, h.status) for h in change.added] == [("GPE", "accepted")]


def test_labels_hidden_labels_and_figure_corrections_undo_too():
    money = Highlight(*_at("$5 million"), "MONEY", origin="model", status="accepted")
    session = _session(money)
    _round_trip(session, rules.set_labels(session, [*session.labels, Label("PRODUCT2", "#123456")]))
    hide = rules.set_label_hidden(session, "MONEY", True)
    assert hide.text == "Hide MONEY"
    _round_trip(session, hide)
    correct = rules.set_figure_override(session, money.id, "subject", "hiring budget")
    _round_trip(session, correct)
    apply_change(session, correct)
    assert session.figure_overrides == {money.id: {"subject": "hiring budget"}}
    restore = rules.set_figure_override(session, money.id, "subject", None)
    assert restore.text == "Restore subject"
    apply_change(session, restore)
    assert session.figure_overrides == {}


def test_a_figure_role_must_be_one_the_table_knows():
    money = Highlight(*_at("$5 million"), "MONEY")
    with pytest.raises(ValueError):
        rules.set_figure_override(_session(money), money.id, "role", "guess")


def test_a_change_names_the_text_range_it_touched():
    session = _session(_suggested("Paris", "GPE"), _suggested("Jane Doe", "PERSON"))
    change = rules.accept(session, [h.id for h in session.highlights])
    assert change.span() == (_at("Jane Doe")[0], _at("Paris")[1])
    assert Change().span() is None and Change().empty
