from desktop.nlp.chunks import batches_of, paragraph_chunks
from desktop.nlp.sentences import SentenceIndex, sentence_spans


def test_chunks_are_paragraphs_with_exact_offsets():
    text = "  First para.\n\nSecond para line.\nThird.\n\n\n"
    chunks = list(paragraph_chunks(text))
    assert [c.text for c in chunks] == ["First para.", "Second para line.", "Third."]
    assert all(text[c.offset : c.end] == c.text for c in chunks)


def test_long_paragraphs_are_cut_under_the_limit_at_sentence_ends():
    sentence = "The port handled 3.2 million tons of cargo last year. "
    text = sentence * 500
    chunks = list(paragraph_chunks(text, max_chars=2000))
    assert len(chunks) > 10
    assert all(len(c.text) <= 2000 for c in chunks)
    assert all(c.text.endswith(".") for c in chunks)
    assert "".join(text[c.offset : c.end] + " " for c in chunks).split() == text.split()


def test_a_paragraph_without_spaces_is_still_cut():
    chunks = list(paragraph_chunks("x" * 5000, max_chars=1000))
    assert [len(c.text) for c in chunks] == [1000] * 5


def test_sentence_lookup_keeps_decimals_inside_sentences():
    text = "Trade grew 40%. It hit $3.2 million in 2022! Then fell."
    index = SentenceIndex(sentence_spans(text))
    assert index.sentence_at(text, text.index("3.2")) == "It hit $3.2 million in 2022!"
    assert index.sentence_at(text, 0, 5) == "Trade grew 40%."


def test_batches_shrink_towards_the_end_when_the_total_is_known():
    chunks = list(paragraph_chunks("\n".join(f"Paragraph {i} says something." * 10 for i in range(400))))
    total = sum(len(c.text) for c in chunks)
    plain = [sum(len(c.text) for c in b) for b in batches_of(chunks, 1000, 8000)]
    tapered = [sum(len(c.text) for c in b) for b in batches_of(chunks, 1000, 8000, total)]
    assert [c for b in batches_of(chunks, 1000, 8000, total) for c in b] == chunks
    assert plain[0] < 1300 and tapered[0] < 1300
    assert max(plain[1:-1]) >= 8000 and min(plain[1:-1]) >= 8000
    assert max(tapered) <= 8300
    assert tapered[-2] < 2000 < tapered[3]  # the tail batches are the small ones
    finer = [sum(len(c.text) for c in b) for b in batches_of(chunks, 1000, 8000, total, last_chars=300)]
    assert finer[0] == tapered[0] and max(finer[-3:]) < 600 < min(tapered[-3:-1])
