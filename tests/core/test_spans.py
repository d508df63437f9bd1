from desktop.core.spans import occurrences, snap_to_words, word_boundary_step

TEXT = "Kazakh companies paid $460 million to Kazakhstan's port."


def surface(span):
    return TEXT[span[0] : span[1]]


def test_partial_words_snap_to_whole_words():
    start = TEXT.index("akh comp")
    assert surface(snap_to_words(TEXT, start, start + 8)) == "Kazakh companies"


def test_spaces_are_trimmed_and_symbols_kept():
    start = TEXT.index(" $460")
    assert surface(snap_to_words(TEXT, start, start + 9)) == "$460 million"
    assert snap_to_words(TEXT, 6, 7) == (7, 7)  # just a space


def test_reversed_and_out_of_range_spans_are_tolerated():
    assert surface(snap_to_words(TEXT, 3, 0)) == "Kazakh"
    assert snap_to_words(TEXT, 50, 999)[1] == len(TEXT)


def test_word_steps():
    assert word_boundary_step(TEXT, 0, +1) == 6
    assert word_boundary_step(TEXT, 6, +1) == 16
    assert word_boundary_step(TEXT, 16, -1) == 7


def test_occurrences_respect_word_boundaries():
    assert [surface(s) for s in occurrences(TEXT, "Kazakh")] == ["Kazakh"]
    assert len(occurrences(TEXT, "Kazakh", whole_words=False)) == 2
    assert occurrences(TEXT, "  ") == []
    assert [surface(s) for s in occurrences(TEXT, "$460")] == ["$460"]
