"""Which part of a figure's sentence is parsed for its subject."""

from desktop.nlp.figures.describe import PARSE_TAIL_CHARS, parse_spans
from desktop.nlp.figures.scanner import find_figures
from desktop.nlp.sentences import sentence_spans


def _parsed(text: str) -> list[str]:
    spans = parse_spans(text, find_figures(text), sentence_spans(text))
    return [text[start:end] for start, end in spans.values()]


def test_only_sentences_holding_a_figure_are_parsed():
    text = "The port is busy. It handled 3.2 million tons of cargo last year. Ships wait."
    assert _parsed(text) == ["It handled 3.2 million tons of cargo last year."]


def test_the_parse_ends_where_the_clause_of_the_last_figure_ends():
    text = ("Exports rose 12% to $4 billion, the ministry said on Monday in a statement "
            "that also covered imports.")
    assert _parsed(text) == ["Exports rose 12% to $4 billion"]


def test_a_long_tail_is_cut_at_a_word_end():
    tail = "and the ministry said on Monday in a long statement that also covered imports and more."
    text = f"Exports rose 12% {tail}"
    (parsed,) = _parsed(text)
    assert text.startswith(parsed) and len("Exports rose 12%") + PARSE_TAIL_CHARS <= len(parsed) < len(text)
    assert text[len(parsed)] == " "
