"""The document-level pass: consistent, idempotent, and the same streamed or whole."""

from __future__ import annotations

from desktop.formats.lexicon import Lexicon
from desktop.nlp.analysis import analyze, iter_analysis
from desktop.nlp.entities import entity_changes, harmonise
from desktop.nlp.results import EntitySpan

ARTICLE = (
    "ALMATY, Kazakhstan, March 3. Aliya Mussabekova of the Organization of Turkic States (OTS) "
    "spoke.\n\nAs Mussabekova noted, the OTS and Kazakh firms grew.\n\nMussabekova said so."
)


def streamed(text: str, lexicon=None) -> list[EntitySpan]:
    return [span for part in iter_analysis(text, lexicon=lexicon) for span in part.entities]


def test_harmonising_the_streamed_chunks_gives_the_analysis_table():
    table = analyze(ARTICLE).entities
    harmonised = harmonise(streamed(ARTICLE), ARTICLE)
    columns = ["start", "end", "label", "canonical", "reason", "model_label"]
    assert [tuple(getattr(s, c) for c in columns) for s in harmonised] == list(
        table[columns].itertuples(index=False, name=None))


def test_harmonising_twice_changes_nothing():
    once = harmonise(streamed(ARTICLE), ARTICLE)
    assert harmonise(once, ARTICLE) == once


def test_the_changes_tell_the_model_layer_what_to_replace():
    before = streamed(ARTICLE)
    changes = entity_changes(before, harmonise(before, ARTICLE))
    last = ARTICLE.rindex("Mussabekova")
    assert [(s.start, s.label) for s in changes.removed] == [(last, "ORG")]
    assert [(s.start, s.label) for s in changes.added] == [(last, "PERSON")]
    assert changes.added[0].reason.startswith("document consistency")


def test_the_lexicon_applies_when_streaming_and_at_the_end(tmp_path):
    lexicon = Lexicon(tmp_path)
    lexicon.remember("OTS", "ORG", "rejected")
    lexicon.remember("Mussabekova", "NORP", "accepted")
    for spans in (streamed(ARTICLE, lexicon), harmonise(streamed(ARTICLE, lexicon), ARTICLE, lexicon)):
        found = {(ARTICLE[s.start : s.end], s.label, s.reason) for s in spans}
        assert ("Mussabekova", "NORP", "from your corrections") in found
        assert not any(surface == "OTS" and label == "ORG" for surface, label, _ in found)


def test_every_offset_of_the_table_points_at_its_text():
    table = analyze(ARTICLE).entities
    for row in table.itertuples():
        assert ARTICLE[row.start : row.end] == row.text
