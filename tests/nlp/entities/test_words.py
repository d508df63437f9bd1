from desktop.nlp.entities.words import WordStarts, whole_word_matches

TEXT = ("Astana said. AstanaX and xAstana are not Astana; Astana-based firms, Ak Orda "
        "and Ak Ordas, Ak\nOrda, ak orda, Élysée and Élysées, 3M and 3Ms. Astana")
SURFACES = ["Astana", "Ak Orda", "Élysée", "3M", "ak orda", "Orda", "-based", "Missing"]


def test_word_starts_finds_what_whole_word_matches_finds():
    words = WordStarts(TEXT, SURFACES)
    for surface in SURFACES:
        assert list(words.matches(surface)) == list(whole_word_matches(TEXT, surface)), surface
    assert list(words.matches("Astana")) == [0, 41, 49, len(TEXT) - len("Astana")]


def test_word_starts_answers_surfaces_it_was_not_built_for():
    assert list(WordStarts(TEXT, []).matches("Astana")) == []
    assert list(WordStarts(TEXT, ["Astana"]).matches("-based")) == list(whole_word_matches(TEXT, "-based"))
