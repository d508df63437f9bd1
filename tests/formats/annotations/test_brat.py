"""brat standoff: what the files hold, and what an import refuses."""

from __future__ import annotations

import re

import pytest

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session
from desktop.formats.annotations.brat import export_brat, import_brat, read_brat
from desktop.formats.annotations.common import AnnotationFormatError

T_LINE = re.compile(r"T\d+\t(\S+) ([\d ;]+)\t(.*)")


def brat_text(raw: str) -> str:
    """The text as brat reads the .txt: universal newlines."""
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def test_quotes_are_the_text_at_the_offsets_as_brat_reads_it(tricky_session):
    files = export_brat(tricky_session)
    text = brat_text(files["article.txt"].decode("utf-8"))
    lines = files["article.ann"].decode("utf-8").split("\n")
    bound = [T_LINE.fullmatch(line) for line in lines if line.startswith("T")]
    assert bound and all(bound)
    for match in bound:
        fragments = [tuple(map(int, part.split())) for part in match.group(2).split(";")]
        assert match.group(3) == " ".join(text[s:e] for s, e in fragments)
        assert all("\n" not in text[s:e] and "\t" not in text[s:e] for s, e in fragments)
    assert files["article.txt"] == tricky_session.article.text.encode("utf-8")


def test_a_span_across_a_line_break_is_cut_into_fragments_as_brat_does():
    text = "Vantor\r\nShipping cut jobs"
    session = Session(Article(text), HighlightSet([Highlight(0, 16, "ORG")]))
    ann = export_brat(session)["article.ann"].decode()
    assert ann == "T1\tORG 0 6;7 15\tVantor Shipping\n"


def test_exact_offsets_are_kept_for_a_span_ending_in_a_line_break():
    text = "Vantor\r\nShipping"
    session = Session(Article(text), HighlightSet([Highlight(0, 8, "ORG"), Highlight(7, 8, "X")]))
    files = export_brat(session)
    assert "ExactOffsets T1\t0 8" in files["article.ann"].decode()
    back = import_brat(files["article.txt"], files["article.ann"])
    assert sorted((h.start, h.end, h.label) for h in back.session.highlights) == [(0, 8, "ORG"), (7, 8, "X")]


def test_conf_files_list_the_labels_used_with_their_colours():
    session = Session(Article("Acme in Oslo"), HighlightSet([Highlight(0, 4, "ORG"), Highlight(8, 12, "my place")]))
    files = export_brat(session)
    conf = files["annotation.conf"].decode()
    assert conf.startswith("[entities]\nORG\nmy_place\n\n[relations]")
    visual = files["visual.conf"].decode()
    assert "my_place | my place" in visual and "ORG\tbgColor:#" in visual


def test_a_figure_gets_its_normalised_value_and_notes_their_lines(analysed):
    session, figures, _ = analysed
    ann = export_brat(session, figures)["article.ann"].decode()
    assert re.search(r"#\d+\tFigure T\d+\t3500000000 USD \(money\)", ann)
    assert re.search(r"#\d+\tAnnotatorNotes T1\towner checked <ok> & 🙂", ann)


def test_read_brat_finds_the_other_file_and_the_conf(tmp_path, tricky_session):
    for name, data in export_brat(tricky_session, name="doc").items():
        (tmp_path / name).write_bytes(data)
    imported = read_brat(tmp_path / "doc.ann")
    assert imported.session.article.text == tricky_session.article.text
    assert imported.session.article.title == "doc"


def test_relations_and_discontinuous_spans_are_reported():
    ann = "T1\tORG 0 4;9 13\tAcme Corp\nT2\tGPE 5 8\tand\nR1\tRel Arg1:T1 Arg2:T2\n"
    imported = import_brat("Acme and Corp", ann)
    assert [(h.start, h.end) for h in imported.session.highlights] == [(0, 13), (5, 8)]
    assert "discontinuous" in imported.warnings[0] and "1 relations" in imported.warnings[1]


@pytest.mark.parametrize(("ann", "line", "field", "words"), [
    ("T1\tORG 0 4\tAcme\nT2 ORG 0 4 Acme\n", 2, "id", "tab"),
    ("T1\tORG 0 4\tAcme\nT1\tORG 0 4\tAcme\n", 2, "id", "already used"),
    ("T1\tORG 0 40\tAcme\n", 1, "offsets", "past the end"),
    ("T1\tORG 4 0\tAcme\n", 1, "offsets", "after the end"),
    ("T1\tORG zero 4\tAcme\n", 1, "offsets", "whole numbers"),
    ("T1\tORG 0 4\tAcne\n", 1, "text", "is not the text"),
    ("T1\tORG\tAcme\n", 1, "type", "TYPE START END"),
    ("X1\tORG 0 4\tAcme\n", 1, "id", "not a brat annotation id"),
    ("T1\tORG 0 4\tAcme\n#1\tAnnotatorNotes T9\tnote\n", 2, "target", "not a text-bound"),
    ("T1\tORG 0 4\tAcme\n#1\tExactOffsets T1\tzero\n", 2, "offsets", "two offsets"),
])
def test_bad_lines_are_refused_with_their_line_and_field(ann, line, field, words):
    with pytest.raises(AnnotationFormatError) as caught:
        import_brat("Acme and Corp", ann)
    assert (caught.value.line, caught.value.field) == (line, field)
    assert words in str(caught.value) and f"line {line}, {field}:" in str(caught.value)


def test_a_txt_that_is_not_utf8_is_refused():
    with pytest.raises(AnnotationFormatError, match="not UTF-8"):
        import_brat(b"Acme \xff", "T1\tORG 0 4\tAcme\n")
