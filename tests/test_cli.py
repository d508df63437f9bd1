"""The headless command line."""

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pandas as pd

from desktop.app import no_display_message
from desktop.cli import main


def run(args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def test_extract_prints_entities_and_figures_as_json(seed_path):
    code, out, _ = run(["extract", str(seed_path)])
    assert code == 0
    document = json.loads(out)
    assert document["article"]["source"] == str(seed_path)
    entities = {(e["text"], e["label"]) for e in document["entities"]}
    assert ("Aliya Mussabekova", "PERSON") in entities
    money = [f for f in document["figures"] if f["unit_code"] == "USD"]
    assert {f["value"] for f in money} >= {460e6, 185e6}


def test_extract_figures_as_csv(seed_path):
    code, out, _ = run(["extract", str(seed_path), "--what", "figures", "--format", "csv"])
    assert code == 0
    table = pd.read_csv(io.StringIO(out))
    assert list(table.columns)[:4] == ["start", "end", "surface", "value"]
    assert "3.2 million tons" in set(table["surface"])


def test_extract_all_as_csv_marks_each_record(seed_path):
    code, out, _ = run(["extract", str(seed_path), "--format", "csv"])
    table = pd.read_csv(io.StringIO(out))
    assert code == 0 and set(table["record"]) == {"entity", "figure"}


def test_extract_reports_a_bad_file_with_exit_code_2(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(bytes(range(256)) * 20)
    code, out, err = run(["extract", str(path)])
    assert code == 2 and out == ""
    assert "binary" in err


def test_the_gui_explains_a_missing_display(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert "no display" in no_display_message()
    monkeypatch.setenv("DISPLAY", ":0")
    assert no_display_message() == ""


def test_extract_can_write_a_session_of_suggestions(seed_path, tmp_path):
    from desktop.formats.session_file import load_session

    out = tmp_path / "seed.alens"
    code, _, _ = run(["extract", str(seed_path), "--what", "figures", "--session", str(out)])
    assert code == 0
    loaded = load_session(out)
    highlights = list(loaded.session.highlights)
    assert len(highlights) > 40
    assert all(h.origin == "model" and h.status == "suggested" for h in highlights)
    assert loaded.session.article.text == seed_path.read_text(encoding="utf-8")
    assert any(h.surface(loaded.session.article.text) == "Aliya Mussabekova" for h in highlights)
    assert all(h.reason for h in highlights)  # each says why it has its label, as in the window


def test_extract_reports_an_unwritable_session_path(seed_path, tmp_path):
    code, _, err = run(["extract", str(seed_path), "--session", str(tmp_path / "no" / "x.alens")])
    assert code == 2 and "could not be saved" in err


def test_the_app_shows_the_text_before_the_analysis_ends(seed_path):
    """The real start: ``article-lens FILE`` paints the text, then analyses it (the
    analysis thread is held until the first paint; see desktop.app.run)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false",
               ARTICLE_LENS_TRACE="1", ARTICLE_LENS_QUIT_AFTER="analysis-finished")
    done = subprocess.run([sys.executable, "-m", "desktop.cli", str(seed_path)], env=env,
                          capture_output=True, text=True, timeout=120)
    events = [line.split()[1] for line in done.stderr.splitlines()
              if line.startswith("article-lens-trace ")]
    assert done.returncode == 0, done.stderr
    assert events.index("text-shown") < events.index("analysis-finished")


SALES = "Sales rose 4% to $2.1bn from $2.0bn.\n"


def test_extract_figures_hold_role_direction_moved_and_link(tmp_path):
    from desktop.core.figure import DIRECTIONS, FIGURE_ROLES, MOVED

    path = tmp_path / "sales.txt"
    path.write_text(SALES, encoding="utf-8")
    code, out, _ = run(["extract", str(path), "--what", "figures"])
    assert code == 0
    figures = json.loads(out)["figures"]
    assert [f["surface"] for f in figures] == ["4%", "$2.1bn", "$2.0bn"]
    starts = {f["start"] for f in figures}
    for figure in figures:
        assert {"role", "direction", "moved", "link"} <= figure.keys()
        assert figure["role"] in (*FIGURE_ROLES, "")
        assert figure["direction"] in (*DIRECTIONS, "")
        assert figure["moved"] in (*MOVED, "")
        assert figure["link"] is None or (type(figure["link"]) is int and figure["link"] in starts)
    assert figures[0]["change"] == "+4%"

    code, out, _ = run(["extract", str(path), "--what", "figures", "--format", "csv"])
    table = pd.read_csv(io.StringIO(out), keep_default_na=False)
    assert {"role", "direction", "moved", "link"} <= set(table.columns)
    assert list(table["surface"]) == ["4%", "$2.1bn", "$2.0bn"]
    assert all(link == "" or int(link) in starts for link in table["link"].astype(str))


def _analysis_with_links(text, year=None):
    """ "Jobs rose 32,000 to 1.41 million. Prices were flat." as a roles engine reads it."""
    from desktop.core.figure import FigureReading
    from desktop.nlp.analysis import Analysis
    from desktop.nlp.figures.table.frame import figure_frame

    readings = [
        FigureReading(10, 16, "32,000", 32000.0, change="+32,000", role="change", direction="up",
                      moved="amount", link=20),
        FigureReading(20, 32, "1.41 million", 1.41e6, role="level"),
    ]
    entities = pd.DataFrame(columns=["start", "end", "text", "label"])
    return Analysis(entities=entities, figures=figure_frame(text, readings, derive=False))


def test_extract_writes_a_missing_link_as_null_in_json_and_empty_in_csv(tmp_path, monkeypatch):
    import desktop.nlp

    monkeypatch.setattr(desktop.nlp, "analyze", _analysis_with_links)
    path = tmp_path / "jobs.txt"
    path.write_text("Jobs rose 32,000 to 1.41 million. Prices were flat.\n", encoding="utf-8")
    code, out, _ = run(["extract", str(path), "--what", "figures"])
    assert code == 0
    figures = json.loads(out)["figures"]
    assert [(f["role"], f["direction"], f["moved"], f["link"]) for f in figures] == [
        ("change", "up", "amount", 20), ("level", "", "", None)]

    code, out, _ = run(["extract", str(path), "--what", "figures", "--format", "csv"])
    import csv

    header, *rows = csv.reader(io.StringIO(out))
    at = header.index("role")
    assert header[at:at + 4] == ["role", "direction", "moved", "link"]
    assert [row[at:at + 4] for row in rows] == [["change", "up", "amount", "20"], ["level", "", "", ""]]

    code, out, _ = run(["extract", str(path), "--format", "csv"])  # with the entities' records
    table = pd.read_csv(io.StringIO(out), keep_default_na=False)
    assert list(table["link"].astype(str)) == ["20", ""]


def test_extract_help_lists_the_figure_fields():
    out = io.StringIO()
    with redirect_stdout(out):
        try:
            main(["extract", "--help"])
        except SystemExit as done:
            assert done.code == 0
    for field in ("role", "direction", "moved", "link"):
        assert f"\n  {field} " in out.getvalue()
    assert "null in JSON, empty in CSV" in out.getvalue()
