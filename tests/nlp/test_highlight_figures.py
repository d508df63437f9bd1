"""The figures table follows the highlights: hand-made ones, years, overrides."""

from desktop.core.highlight import Highlight
from desktop.nlp.figures.table.highlights import figures_for_highlights

TEXT = ("In 2022 the fund paid $75 million over the first four months of this year, "
        "and the fleet's average age was 16-17 years.")


def span(part):
    start = TEXT.index(part)
    return start, start + len(part)


def test_a_hand_made_money_highlight_becomes_a_figure_row_and_a_year_does_not():
    money = Highlight(*span("$75 million"), "MONEY", origin="manual", status="accepted")
    year = Highlight(*span("2022"), "DATE")
    frame = figures_for_highlights(TEXT, [money, year], {})
    assert list(frame["highlight_id"]) == [money.id]
    row = frame.iloc[0]
    assert (row["value"], row["unit_code"], row["kind"]) == (75e6, "USD", "money")
    assert row["sentence"].startswith("In 2022 the fund paid $75 million")


def test_nested_date_highlights_state_one_figure_owned_by_the_tighter_one():
    outer = Highlight(*span("the first four months of this year"), "DATE")
    inner = Highlight(*span("four months"), "DATE")
    frame = figures_for_highlights(TEXT, [outer, inner], {})
    assert list(frame["highlight_id"]) == [inner.id]
    assert frame.iloc[0]["unit_code"] == "month"


def test_rejected_and_non_figure_labels_give_no_rows():
    rejected = Highlight(*span("$75 million"), "MONEY", status="rejected")
    person = Highlight(*span("fund"), "PERSON")
    assert figures_for_highlights(TEXT, [rejected, person], {}).empty


def test_overrides_replace_cells_and_are_marked_edited():
    ages = Highlight(*span("16-17 years"), "DATE")
    frame = figures_for_highlights(TEXT, [ages], {}, overrides={ages.id: {"value": 16.0, "kind": "duration"}})
    row = frame.iloc[0]
    assert (row["value"], row["low"], row["high"], row["kind"]) == (16.0, 16.0, 16.0, "duration")
    assert row["edited"] == "value,kind"


def test_hand_made_figures_get_period_and_change_and_overrides_drive_derived_rows():
    text = "Freight volumes rose 60% in 2021, reaching 8 million tons."
    change = Highlight(text.index("60%"), text.index("60%") + 3, "PERCENT", origin="manual", status="accepted")
    tons = Highlight(text.index("8 million"), text.index(" tons.") + 5, "QUANTITY", origin="manual", status="accepted")
    frame = figures_for_highlights(text, [change, tons], {})
    assert list(frame["period"]) == ["2021", "2021"] and list(frame["change"]) == ["+60%", ""]
    assert not frame["derived"].any()  # subjects need the parse: none for hand-made highlights
    subjects = {change.id: {"subject": "freight volumes"}, tons.id: {"subject": "freight"}}
    frame = figures_for_highlights(text, [change, tons], {}, overrides=subjects)
    derived = frame[frame["derived"]]
    assert list(derived["highlight_id"]) == [tons.id] and derived.iloc[0]["period"] == "2020"
    assert derived.iloc[0]["value"] == 8e6 / 1.6 and derived.iloc[0]["edited"] == ""
    assert frame.iloc[0]["edited"] == "subject"


def test_the_table_patched_edit_by_edit_equals_one_made_from_scratch():
    import random

    import pandas as pd

    from desktop.nlp.figures.table.highlights import figure_rows

    paragraphs = [
        "Freight volumes rose 60% in 2021, reaching 8 million tons.",
        "Exports grew 25% in 2020, to $40 million, and imports were $12 million.",
        "The port handled 300 ships in 2019 while 45 cranes worked for 16-17 years.",
    ]
    text = "\n".join(paragraphs * 4)
    spans = [(m.start(), m.end()) for m in __import__("re").finditer(
        r"\$?\d[\d.,-]*%?(?: million)?(?: tons| ships| cranes| years)?", text)]
    labels = ("PERCENT", "QUANTITY", "MONEY", "CARDINAL", "DATE")
    rng = random.Random(5)
    cache: dict = {}
    rows = figure_rows(text, cache)
    shown: dict[str, Highlight] = {}
    overrides: dict[str, dict] = {}
    steps_with_derived_rows = 0
    for step in range(200):
        action = rng.random()
        if action < 0.45 or not shown:
            start, end = rng.choice(spans)
            highlight = Highlight(start, end, rng.choice(labels), origin="manual", status="accepted")
            shown[highlight.id] = highlight
            rows.add([highlight])
        elif action < 0.7:
            gone = shown.pop(rng.choice(list(shown)))
            rows.remove([gone])
        elif action < 0.85:
            old = shown[rng.choice(list(shown))]
            new = Highlight(old.start, old.end, rng.choice(labels), id=old.id, origin="manual", status="accepted")
            rows.remove([old])
            rows.add([new])
            shown[new.id] = new
        else:
            highlight_id = rng.choice(list(shown))
            overrides[highlight_id] = {"subject": rng.choice(["freight", "freight", "ships"])}
        patched = rows.frame(overrides)
        fresh = figures_for_highlights(text, shown.values(), cache, overrides=overrides)
        pd.testing.assert_frame_equal(patched, fresh, obj=f"step {step}")
        steps_with_derived_rows += bool(patched["derived"].any())
    assert steps_with_derived_rows > 20  # the walk made and unmade derived rows


def test_a_highlight_inside_its_figure_states_the_whole_figure():
    text = "The county paid $340,000 for the site and more than $1.2 billion in all."
    inside = Highlight(text.index("340,000"), text.index("340,000") + 7, "MONEY")
    bare = Highlight(text.index("$1.2 billion"), text.index(" in all"), "MONEY")
    frame = figures_for_highlights(text, [inside, bare], {})
    assert list(frame["surface"]) == ["$340,000", "more than $1.2 billion"]
    assert list(frame["unit_code"]) == ["USD", "USD"] and list(frame["value"]) == [340_000, 1.2e9]
    assert list(frame["qualifier"]) == ["", "more than"]


def test_a_highlight_sharing_no_number_with_the_figure_around_it_is_read_alone():
    text = "Sales rose 25% to 4 million units."
    inside = Highlight(text.index("4 million"), text.index("4 million") + 1, "CARDINAL")
    row = figures_for_highlights(text, [inside], {}).iloc[0]
    assert (row["surface"], row["value"]) == ("4", 4.0)
    apart = Highlight(text.index("25"), text.index("25") + 2, "CARDINAL")
    assert figures_for_highlights(text, [apart], {}).iloc[0]["unit_code"] == "%"


def test_every_figure_the_analysis_finds_has_a_row_from_the_highlights():
    from desktop.nlp import analyze

    text = ("Brightwater Mills said profit more than doubled to $48.5 million in the first "
            "nine months of 2023, up 12% from a year earlier, while output rose to 300,000 "
            "tonnes and the plant ran 36 hours a week.\nIts 1,200 workers were paid "
            "$15,000 to $18,000 each, roughly five times the regional average.")
    analysis = analyze(text)
    highlights = [Highlight(row.start, row.end, row.label) for row in analysis.entities.itertuples()]
    readings = {(r.start, r.end): r for r in analysis.readings}
    frame = figures_for_highlights(text, highlights, readings)
    stated = set(zip(frame["start"], frame["end"]))
    wanted = {(r.start, r.end) for r in analysis.readings if r.surface != "doubled"}
    assert wanted <= stated, [text[s:e] for s, e in wanted - stated]
    # each row is the analysis's own reading, whatever span the highlight took
    for row in frame.itertuples():
        assert readings[(row.start, row.end)].subject == row.subject


def test_an_amount_with_its_currency_word_is_highlighted_as_money_whole():
    from desktop.nlp import analyze

    text = ("Under the deal, defence spending will rise by 4.5 billion euros over four years, "
            "and the junior partner won a 900 million euro fund for rail lines.")
    entities = analyze(text).entities
    for surface in ("4.5 billion euros", "900 million euro"):
        start = text.index(surface)
        covering = entities[(entities["start"] <= start) & (entities["end"] >= start + len(surface))]
        assert list(covering["label"]) == ["MONEY"], entities[["text", "label"]].to_dict("records")
