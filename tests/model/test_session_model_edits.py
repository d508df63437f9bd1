"""The model's edit API: one way in (apply), one signal out (sigChanged), undo, and a
session nobody else can write."""

import pytest

from desktop.core.article import Article
from desktop.core.change import Change
from desktop.core.highlight import Highlight
from desktop.model.session_model import SessionModel

TEXT = "Acme Corp hired Jane Doe in Paris for $5 million."


@pytest.fixture
def model(qtbot):
    made = SessionModel()
    made.open_article(Article(TEXT), analyse=False)
    yield made
    made.shutdown()


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def test_every_edit_and_its_undo_is_one_signal_carrying_the_change(model):
    seen: list[Change] = []
    model.sigChanged.connect(seen.append)
    jane = model.add_highlight(*_span("Jane Doe"), "PERSON")
    assert [h.id for h in seen[-1].added] == [jane.id] and not seen[-1].removed
    model.relabel(jane.id, "ORG")
    assert (seen[-1].removed[0].label, seen[-1].added[0].label) == ("PERSON", "ORG")
    model.undo_stack.undo()
    assert (seen[-1].removed[0].label, seen[-1].added[0].label) == ("ORG", "PERSON")
    assert model.highlight(jane.id).label == "PERSON"
    assert len(seen) == 3


def test_the_session_handed_out_cannot_be_written(model):
    model.add_highlight(*_span("Paris"), "GPE")
    session = model.session
    with pytest.raises(AttributeError):
        session.highlights.add(Highlight(*_span("Acme Corp"), "ORG"))
    with pytest.raises(TypeError):
        session.figure_overrides["x"] = {}
    with pytest.raises(AttributeError):
        session.hidden_labels.add("GPE")
    with pytest.raises(AttributeError):
        session.labels.append(None)
    assert len(model.session.highlights) == 1


def test_hiding_a_label_is_an_undo_step_that_marks_the_document_modified(model):
    model.undo_stack.setClean()
    model.set_label_hidden("GPE", True)
    assert "GPE" in model.hidden_labels and not model.undo_stack.isClean()
    assert model.undo_stack.undoText() == "Hide GPE"
    model.undo_stack.undo()
    assert "GPE" not in model.hidden_labels and model.undo_stack.isClean()


def test_a_figure_correction_reaches_the_table_and_undo_takes_it_back(model):
    money = model.add_highlight(*_span("$5 million"), "MONEY")
    assert model.figures().set_index("highlight_id").loc[money.id, "subject"] != "hiring budget"
    model.set_figure_override(money.id, "subject", "hiring budget")
    assert model.figures().set_index("highlight_id").loc[money.id, "subject"] == "hiring budget"
    assert dict(model.session.figure_overrides[money.id]) == {"subject": "hiring budget"}
    model.undo_stack.undo()
    assert money.id not in model.session.figure_overrides
    assert model.figures().set_index("highlight_id").loc[money.id, "subject"] != "hiring budget"


def test_suggestions_are_changes_without_an_undo_step_and_deleting_keeps_them_rejected(model):
    suggestion = Highlight(*_span("Acme Corp"), "ORG")
    seen: list[Change] = []
    model.sigChanged.connect(seen.append)
    model.apply(Change(added=(suggestion,)))
    assert seen[-1].added == (suggestion,) and model.undo_stack.count() == 0
    model.remove_highlights([suggestion.id])
    assert model.highlight(suggestion.id).status == "rejected"
    model.undo_stack.undo()
    assert model.highlight(suggestion.id).status == "suggested"


def test_deleting_the_selected_hand_made_highlight_clears_the_selection(model):
    paris = model.add_highlight(*_span("Paris"), "GPE")
    model.select(paris.id)
    model.remove_highlights([paris.id])
    assert model.selected_id == "" and model.highlight(paris.id) is None


def test_the_entity_table_belongs_to_the_model_and_follows_its_changes(model, qtbot):
    table = model.entity_table
    assert table is model.entity_table and table.rows() == []
    with qtbot.waitSignal(table.sigChanged, timeout=2_000):
        model.add_highlight(*_span("Jane Doe"), "PERSON")
    assert [(row.canonical, row.label) for row in table.rows()] == [("Jane Doe", "PERSON")]


def test_a_model_being_deleted_schedules_nothing_and_raises_nothing(qtbot):
    from shiboken6 import delete

    made = SessionModel()
    scheduler = made.scheduler
    delete(scheduler)  # as when the model's children go, first-made first
    scheduler.soon(lambda: None)
    scheduler.after_quiet("x", 10, lambda: None)
    scheduler.at_most_every("y", 10, lambda: None)
    scheduler.flush("y")
    assert not scheduler.pending("x")
