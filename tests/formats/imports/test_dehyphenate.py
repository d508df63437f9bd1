"""Hyphenation at line ends undone only where it is hyphenation: both directions."""

import pytest

from desktop.formats.dehyphenate import Vocabulary, join_lines


def join(lines, context=""):
    """``lines`` joined, the document also holding ``context``."""
    return join_lines(lines, Vocabulary([context, *lines]))


@pytest.mark.parametrize("lines, context, expected", [
    (["the govern-", "ment said"], "", "the government said"),
    (["a well-", "known shop"], "", "a well-known shop"),  # both parts are words
    (["a well-", "known shop"], "It is well known.", "a well-known shop"),
    (["the inter-", "national body"], "An international deal.", "the international body"),
    (["a long-", "term plan"], "", "a long-term plan"),
    (["the five-", "year deal"], "", "the five-year deal"),
    (["in after-", "hours trading"], "", "in after-hours trading"),
    (["makes up two-", "thirds of output"], "", "makes up two-thirds of output"),
    (["the ten-", "ants paid"], "", "the tenants paid"),
    (["prices on every-", "day goods"], "", "prices on everyday goods"),  # a common closed compound
    (["the some-", "thing else"], "", "the something else"),
    (["a co-", "operative"], "The co-operative grew.", "a co-operative"),  # hyphenated elsewhere
    (["a co-", "operative"], "The cooperative grew.", "a cooperative"),  # closed elsewhere
    (["the non-", "executive chair"], "an executive", "the non-executive chair"),  # a prefix kept
    (["the state-", "owned firm"], "", "the state-owned firm"),
    (["year-on-", "year growth"], "", "year-on-year growth"),  # already a compound
    (["the Franco-", "German border"], "", "the Franco-German border"),
    (["Covid-", "19 cases"], "", "Covid-19 cases"),
    (["in 2023-", "24 it"], "", "in 2023-24 it"),
    (["invest-", "ment rose"], "", "investment rose"),
    (["the an-", "nouncement"], "", "the announcement"),
    (["pro-", "duction"], "", "production"),
    (["GOVERN-", "MENT"], "", "GOVERNMENT"),
])
def test_line_end_hyphens(lines, context, expected):
    assert join(lines, context) == expected


def test_the_rule_reads_the_whole_document():
    """"bill-/ion": "billion" elsewhere joins it; with "bill" and "ion" only as words, not."""
    assert join(["4.5 bill-", "ion euros"], "a billion") == "4.5 billion euros"
    assert join(["the bill-", "ion"], "the bill and the ion") == "the bill-ion"


def test_fragments_of_broken_words_are_not_words_of_the_document():
    vocabulary = Vocabulary(["the govern-", "ment said", "a pro-", "ject"])
    assert not {"govern", "ment", "pro", "ject"} & vocabulary.words
    assert {"the", "said", "a"} <= vocabulary.words


@pytest.mark.parametrize("marker", ["\x02", "\ufffe", "\u2010"])
def test_pdfium_hyphen_markers(marker):
    assert join([f"the govern{marker}", "ment said"]) == "the government said"
    assert join([f"a well{marker}", "known shop"]) == "a well-known shop"


def test_soft_hyphen_always_joins_and_vanishes():
    assert join(["a well\u00ad", "known shop"]) == "a wellknown shop"
    assert join(["in\u00advest\u00adment rose"]) == "investment rose"


def test_dashes_and_plain_lines():
    assert join(["profit rose—", "sharply"]) == "profit rose—sharply"
    assert join(["profit rose –", "sharply"]) == "profit rose – sharply"
    assert join(["profit rose -", "sharply"]) == "profit rose - sharply"
    assert join(["profit", "", "  rose  "]) == "profit rose"
