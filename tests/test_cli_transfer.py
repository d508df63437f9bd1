"""``article-lens export`` and ``article-lens import``: round trips on tricky texts,
the figures formats, and what a bad command or file gets."""

from __future__ import annotations

import io
import json
import re
import zipfile
from contextlib import redirect_stderr, redirect_stdout

import pytest
from tricky_sessions import TEXTS, tricky_session, visible_spans

from desktop.cli import main
from desktop.formats.session_file import load_session, save_session

ANNOTATION_FORMATS = ("brat", "doccano", "prodigy", "w3c")


def run(args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as done:  # argparse: --help, or a usage error
            code = done.code
    return code, out.getvalue(), err.getvalue()


def saved(session, path):
    save_session(session, path)
    return path


def exported_file(fmt, folder, stem):
    """The file an import reads back from an export written to ``folder``."""
    if fmt == "brat":
        return folder / "brat" / f"{stem}.ann"
    return folder / f"{stem}.{fmt}"


@pytest.mark.parametrize("kind", sorted(TEXTS))
@pytest.mark.parametrize("fmt", ANNOTATION_FORMATS)
def test_session_export_import_gives_back_the_highlights_and_notes(tmp_path, fmt, kind):
    session = tricky_session(kind)
    source = saved(session, tmp_path / f"{kind}.alens")
    output = tmp_path / "brat" if fmt == "brat" else exported_file(fmt, tmp_path, kind)
    code, out, err = run(["export", source, "--format", fmt, "--output", output])
    assert (code, err) == (0, "")
    back = tmp_path / "back.alens"
    code, out, err = run(["import", exported_file(fmt, tmp_path, kind), "--format", fmt, "--output", back])
    assert (code, err) == (0, "")
    assert f"{len(visible_spans(session))} highlights" in out
    loaded = load_session(back).session
    assert loaded.article.text == session.article.text
    assert visible_spans(loaded) == visible_spans(session)
    assert not list(tmp_path.rglob(".alens-*.tmp"))  # written through temporary files, none left


def test_w3c_without_its_text_takes_the_text_file(tmp_path):
    session = tricky_session("crlf")
    source = saved(session, tmp_path / "crlf.alens")
    assert run(["export", source, "-f", "w3c", "-o", tmp_path / "a.jsonld"])[0] == 0
    collection = json.loads((tmp_path / "a.jsonld").read_text(encoding="utf-8"))
    del collection["article"]
    (tmp_path / "bare.jsonld").write_text(json.dumps(collection), encoding="utf-8")
    code, _, err = run(["import", tmp_path / "bare.jsonld", "-f", "w3c", "-o", tmp_path / "x.alens"])
    assert code == 2 and "give the text file" in err and "article" in err
    (tmp_path / "text.txt").write_bytes(session.article.text.encode("utf-8"))  # CRLF kept
    code, _, err = run(["import", tmp_path / "bare.jsonld", "-f", "w3c", "--text", tmp_path / "text.txt",
                        "-o", tmp_path / "x.alens"])
    assert (code, err) == (0, "")
    assert visible_spans(load_session(tmp_path / "x.alens").session) == visible_spans(session)


def test_brat_writes_beside_a_named_ann_file(tmp_path):
    source = saved(tricky_session("cjk"), tmp_path / "cjk.alens")
    (tmp_path / "corpus").mkdir()
    code, out, _ = run(["export", source, "-f", "brat", "-o", tmp_path / "corpus" / "doc1.ann"])
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == [
        "annotation.conf", "doc1.ann", "doc1.txt", "visual.conf"]
    assert out.splitlines()[0].endswith("doc1.txt")


@pytest.fixture(scope="module")
def analysed_session(tmp_path_factory):
    from desktop.core.article import Article
    from desktop.core.session import Session
    from desktop.core.suggestions import new_suggestions
    from desktop.nlp import analyze

    text = ("Norvik Shipping said on Tuesday its pre-tax profit rose 12% to $3.4 billion in 2004, "
            "from $3.1bn in 2003.\nSales fell 3% to £125m in 2023. <script>x</script> 😀 北京.\n")
    session = Session(Article(text, title="Norvik <results>"))
    entities = analyze(text).entities
    session.highlights.extend(new_suggestions(session.highlights, zip(
        entities["start"].tolist(), entities["end"].tolist(), entities["label"].tolist())))
    return saved(session, tmp_path_factory.mktemp("analysed") / "norvik.alens")


def test_xlsx_holds_every_figure_as_a_number(analysed_session, tmp_path):
    from openpyxl import load_workbook

    from desktop.model.exports import figures_for_export

    code, _, _ = run(["export", analysed_session, "--format", "xlsx", "--output", tmp_path / "n.xlsx"])
    assert code == 0
    figures = figures_for_export(load_session(analysed_session).session)
    book = load_workbook(tmp_path / "n.xlsx")
    assert book.sheetnames == ["figures", "entities", "article"]
    rows = list(book["figures"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == len(figures) > 3
    values = [row[header.index("value")] for row in body]
    assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
    assert sorted(values) == sorted(figures["value"].tolist())
    assert 3.4e9 in values


def test_csv_and_html_from_the_command_line(analysed_session, tmp_path):
    assert run(["export", analysed_session, "-f", "csv", "-o", tmp_path / "n.csv"])[0] == 0
    table = (tmp_path / "n.csv").read_bytes()
    assert table.startswith(b"surface,value,shown") and b"\r\n" in table
    assert run(["export", analysed_session, "-f", "html", "-o", tmp_path])[0] == 0  # a folder: NAME.html in it
    report = (tmp_path / "norvik.html").read_text(encoding="utf-8")
    assert "<svg" in report and "&lt;script&gt;" in report and "<script" not in report
    outside = re.findall(r"""(?:src|href)\s*=\s*["']?(?!#)([^"' >]+)|url\(|@import|<link\b|<iframe\b""", report)
    assert outside == []


def test_bad_files_are_refused_naming_the_line_and_field(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Acme grew.", "label": [[0, 4, "ORG"]]}\n'
                   '{"text": "Oslo", "label": [[0, 40, "GPE"]]}\n', encoding="utf-8")
    code, out, err = run(["import", bad, "--format", "doccano", "--output", tmp_path / "x.alens"])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "line 2" in err and "label[0]" in err and "past the end" in err
    assert not (tmp_path / "x.alens").exists()

    (tmp_path / "doc.txt").write_text("Acme grew.", encoding="utf-8")
    (tmp_path / "doc.ann").write_text("T1\tORG 0 4\tAcme\nT2\tORG 5 9\tgrow\n", encoding="utf-8")
    code, _, err = run(["import", tmp_path / "doc.ann", "-f", "brat", "-o", tmp_path / "x.alens"])
    assert code == 2 and "doc.ann: line 2, text:" in err and err.count("\n") == 1

    code, _, err = run(["import", tmp_path / "none.jsonl", "-f", "prodigy", "-o", tmp_path / "x.alens"])
    assert code == 2 and "none.jsonl could not be read" in err


def test_nothing_overwrites_the_input(tmp_path):
    source = saved(tricky_session("emoji"), tmp_path / "emoji.alens")
    before = source.read_bytes()
    code, _, err = run(["export", source, "-f", "csv", "-o", source])
    assert code == 2 and "never replaces" in err and source.read_bytes() == before
    assert run(["export", source, "-f", "doccano", "-o", tmp_path / "d.jsonl"])[0] == 0
    code, _, err = run(["import", tmp_path / "d.jsonl", "-f", "doccano", "-o", tmp_path / "d.jsonl"])
    assert code == 2 and "a session's file name ends in .alens" in err
    (tmp_path / "e.alens").write_bytes((tmp_path / "d.jsonl").read_bytes())
    code, _, err = run(["import", tmp_path / "e.alens", "-f", "doccano", "-o", tmp_path / "e.alens"])
    assert code == 2 and "is the file being imported" in err


def test_usage_errors_and_unwritable_outputs(tmp_path):
    source = saved(tricky_session("rtl"), tmp_path / "rtl.alens")
    code, _, err = run(["import", source, "-f", "doccano", "--text", source, "-o", tmp_path / "x.alens"])
    assert code == 2 and "--text is for w3c" in err
    code, _, err = run(["export", tmp_path / "missing.alens", "-f", "csv", "-o", tmp_path / "x.csv"])
    assert code == 2 and "missing.alens could not be read" in err
    code, _, err = run(["export", source, "-f", "doccano", "-o", tmp_path / "no" / "x.jsonl"])
    assert code == 1 and err == f"article-lens: could not write {tmp_path / 'no' / 'x.jsonl'}: No such file or directory.\n"
    code, _, err = run(["export", source, "-f", "brat", "-o", tmp_path / "no" / "deeper"])
    assert code == 1 and "does not exist" in err
    code, _, err = run(["export", source, "-f", "pdf", "-o", tmp_path / "x.pdf"])
    assert code == 2 and "invalid choice" in err


def test_import_says_what_it_repaired(tmp_path):
    from desktop.formats.annotations.doccano import export_doccano

    first, second = tricky_session("emoji"), tricky_session("cjk")
    (tmp_path / "two.jsonl").write_bytes(export_doccano(first) + export_doccano(second))
    code, out, err = run(["import", tmp_path / "two.jsonl", "-f", "doccano", "-o", tmp_path / "two.alens"])
    assert code == 0 and "article-lens: warning: 2 documents were joined" in err
    assert "new labels" in out


def test_help_describes_every_argument():
    code, out, _ = run(["export", "--help"])
    assert code == 0
    for word in ("SESSION.alens", "--format", "--output", "code points", "annotation.conf", *ANNOTATION_FORMATS,
                 "csv", "xlsx", "html"):
        assert word in out
    code, out, _ = run(["import", "--help"])
    assert code == 0
    for word in ("FILE", "--format", "--output", "--text", "code points", "line and field", *ANNOTATION_FORMATS):
        assert word in out
    code, out, _ = run(["--help"])
    out = " ".join(out.split())
    assert "article-lens export" in out and "article-lens import" in out


def test_the_exported_files_are_what_the_formats_read(tmp_path):
    """A quick look at each file as its own tool would (the formats' own tests check more)."""
    source = saved(tricky_session("combining"), tmp_path / "c.alens")
    for fmt, name in (("doccano", "c.jsonl"), ("prodigy", "p.jsonl"), ("w3c", "w.jsonld"), ("xlsx", "c.xlsx")):
        assert run(["export", source, "-f", fmt, "-o", tmp_path / name])[0] == 0
    assert json.loads((tmp_path / "c.jsonl").read_text(encoding="utf-8"))["text"] == TEXTS["combining"]
    assert "tokens" in json.loads((tmp_path / "p.jsonl").read_text(encoding="utf-8"))
    assert json.loads((tmp_path / "w.jsonld").read_text(encoding="utf-8"))["type"] == "AnnotationCollection"
    assert zipfile.ZipFile(tmp_path / "c.xlsx").testzip() is None


def test_brat_documents_share_a_collection_folder(tmp_path):
    """A second document's export keeps the first's types in annotation.conf and
    visual.conf (merged, not replaced), and both come back."""
    from desktop.core.highlight import Highlight

    first, second = tricky_session("emoji"), tricky_session("rtl")
    second.highlights.add(Highlight(0, 4, "ONLY_IN_SECOND"))
    (tmp_path / "corpus").mkdir()
    for name, session in (("one", first), ("two", second)):
        source = saved(session, tmp_path / f"{name}.alens")
        assert run(["export", source, "-f", "brat", "-o", tmp_path / "corpus" / f"{name}.ann"])[0] == 0
    conf = (tmp_path / "corpus" / "annotation.conf").read_text(encoding="utf-8").split()
    assert conf.count("ORG") == 1 and "ONLY_IN_SECOND" in conf and "MY_LABEL" in conf
    for name, session in (("one", first), ("two", second)):
        code, _, _ = run(["import", tmp_path / "corpus" / f"{name}.ann", "-f", "brat", "-o", tmp_path / "b.alens"])
        assert code == 0
        assert visible_spans(load_session(tmp_path / "b.alens").session) == visible_spans(session)
