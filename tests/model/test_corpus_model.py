"""The corpus view's model layer (issue 26): filters, the subject-over-time series,
the cache, and a run over a folder with a stand-in engine that counts what it is
asked to analyse (the real engine runs in tests/ui/test_corpus_window.py)."""

from __future__ import annotations

import os
from concurrent.futures import Future

import pandas as pd
import pytest

from desktop.corpus import DocumentResult, find_documents
from desktop.model.corpus_cache import CorpusCache, cache_folder, cache_root
from desktop.model.corpus_filter import FigureFilter, kept, values_of
from desktop.model.corpus_run import CorpusRun
from desktop.model.corpus_series import UNDATED, period_time, subject_choices, subject_points


def figure(surface, value, unit, subject, period, role="level", document="a.txt", change=""):
    return {"start": 0, "end": len(surface), "surface": surface, "value": value, "low": value, "high": value,
            "unit": unit, "unit_code": unit, "kind": "money", "qualifier": "", "subject": subject,
            "period": period, "change": change, "role": role, "direction": "", "moved": "", "link": None,
            "derived": False, "formula": "", "sentence": f"{subject} was {surface}.", "document": document}


@pytest.fixture
def corpus_figures():
    return pd.DataFrame([
        figure("$1.4 billion", 1.4e9, "USD", "Acme revenue", "Q1 2023", document="q1.html"),
        figure("$1.6 billion", 1.6e9, "USD", "revenue", "Q2 2023", document="q2.html"),
        figure("$1.1 billion", 1.1e9, "USD", "Acme's quarterly revenue", "Q3 2023", document="q3.html"),
        figure("$5.9 billion", 5.9e9, "USD", "full-year revenue", "2023", document="q3.html"),
        figure("$5.1 billion", 5.1e9, "USD", "revenue", "2022", document="q2.html"),
        figure("12%", 12.0, "%", "revenue", "Q2 2023", role="change", change="+12%", document="q2.html"),
        figure("3,000 tonnes", 3000.0, "t", "copper output", "Q1 2023", document="q1.html"),
        figure("€40 million", 4e7, "EUR", "profit", "", document="q1.html"),
        figure("€45 million", 4.5e7, "EUR", "net profit", "", document="q2.html"),
    ])


def test_filters_keep_rows_matching_every_part(corpus_figures):
    assert kept(corpus_figures, FigureFilter()).all()
    revenue = kept(corpus_figures, FigureFilter(subject="REVENUE"))
    assert revenue.sum() == 6
    only = corpus_figures[kept(corpus_figures, FigureFilter(subject="revenue", unit="USD", role="level",
                                                            period="2023", document="q3.html"))]
    assert only["surface"].tolist() == ["$1.1 billion", "$5.9 billion"]
    assert kept(corpus_figures, FigureFilter(subject="acme quarterly")).sum() == 1  # every word, any order
    assert kept(corpus_figures, FigureFilter(unit="GBP")).sum() == 0
    assert values_of(corpus_figures, "unit_code")[0] == "USD"  # the most frequent first


def test_a_subject_series_keeps_to_one_unit_and_one_kind_of_period(corpus_figures):
    choices = subject_choices(corpus_figures)
    labels = [(c.key, c.unit, c.grain, c.points, c.articles) for c in choices]
    assert labels[0] == ("revenue", "USD", "Quarters", 3, 3)  # most articles first
    assert ("revenue", "USD", "Whole years", 2, 2) in labels
    assert ("profit", "EUR", UNDATED, 2, 2) in labels
    assert not any(c.key == "copper" for c in choices)  # one point is no series
    points = subject_points(corpus_figures, choices[0], {})
    assert points["surface"].tolist() == ["$1.4 billion", "$1.6 billion", "$1.1 billion"]  # in time order
    assert points["document"].tolist() == ["q1.html", "q2.html", "q3.html"]
    assert corpus_figures.loc[points["row"], "surface"].tolist() == points["surface"].tolist()
    undated = next(c for c in choices if c.grain == UNDATED)
    assert len(subject_points(corpus_figures, undated, {})) == 0  # no period, no article date: no place
    dated = subject_points(corpus_figures, undated, {"q1.html": "2023-05-03", "q2.html": "2023-08-02"})
    assert dated["time"].round(3).tolist() == [2023.375, 2023.625]


def test_period_time_is_the_middle_of_the_period():
    assert period_time("2023", "") == pytest.approx(2023.5)
    assert period_time("Q3 2024", "") == pytest.approx(2024 + 7.5 / 12)
    assert period_time("last year", "2024-03-01") == pytest.approx(2023.5)
    assert period_time("last year", "") is None
    assert period_time("", "2024-03-01") == pytest.approx(2024 + 2.5 / 12)


def test_the_cache_lives_in_the_users_cache_folder_and_reads_back(tmp_path, corpus_figures):
    folder = tmp_path / "articles"
    folder.mkdir()
    where = cache_folder(folder)
    assert where.parent == cache_root() and str(cache_root()).startswith(os.environ["XDG_CACHE_HOME"])
    assert cache_folder(tmp_path / "other") != where
    rows = corpus_figures.drop(columns="document")
    documents = [{"document": "q1.html", "size": 10, "mtime_ns": 5, "sha256": "aa", "title": "Q1", "date": "2023-05-03",
                  "entities": 4, "figures": len(rows), "error": ""},
                 {"document": "empty.txt", "size": 0, "mtime_ns": 6, "sha256": "", "title": "", "date": "",
                  "entities": 0, "figures": 0, "error": "empty.txt is empty: there is no text to read."}]
    CorpusCache(folder).save(documents, {"aa": rows})
    loaded = CorpusCache(folder).load()
    assert loaded.lookup("q1.html", 10, 5)["title"] == "Q1"
    assert loaded.lookup("q1.html", 11, 5) is None  # changed size: read again
    assert loaded.known_sha256("q1.html") == "aa"
    assert loaded.lookup("empty.txt", 0, 6)["error"].endswith("no text to read.")
    pd.testing.assert_frame_equal(loaded.figures["aa"][list(rows.columns)].drop(columns=["link"]),
                                  rows.drop(columns=["link"]), check_dtype=False)
    (where / "version").write_text("0")  # another version's cache is ignored
    assert CorpusCache(folder).load().documents == {}


# -- a run, with a stand-in engine ------------------------------------------------------
class Engine:
    """Analyses at once in this thread: one figure per line "subject: value"."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    def __call__(self, path: str, known: str) -> Future:
        import hashlib

        self.asked.append((os.path.basename(path), known))
        future: Future = Future()
        text = open(path, encoding="utf-8").read()
        sha = hashlib.sha256(text.encode()).hexdigest()
        if sha == known:
            future.set_result(DocumentResult(path, sha, skipped=True))
            return future
        rows = [figure(f"${v}", float(v), "USD", s.strip(), "2023") for s, v in
                (line.split(":") for line in text.splitlines() if ":" in line)]
        frame = pd.DataFrame(rows).drop(columns="document") if rows else pd.DataFrame()
        future.set_result(DocumentResult(path, sha, {"entities": pd.DataFrame({"x": [1]}), "figures": frame},
                                         title=os.path.basename(path).upper(), date="2023-01-02"))
        return future


def run_folder(qtbot, folder, engine):
    run = CorpusRun(str(folder), lambda f: find_documents([f]), engine)
    with qtbot.waitSignal(run.sigFinished, timeout=20_000):
        run.start()
    assert run.wait_saved()
    return run


def test_a_run_caches_and_reanalyses_only_what_changed(qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, body in (("a.txt", "revenue: 10\nprofit: 2\n"), ("b.txt", "revenue: 12\n"), ("c.txt", "")):
        (folder / name).write_text(body)
    engine = Engine()
    first = run_folder(qtbot, folder, engine)
    assert sorted(n for n, _ in engine.asked) == ["a.txt", "b.txt"]  # the empty file never reaches a worker
    statuses = {d: r["status"] for d, r in first.records.items()}
    assert statuses == {"a.txt": "analysed", "b.txt": "analysed", "c.txt": "failed"}
    assert first.records["c.txt"]["error"] == "c.txt is empty: there is no text to read."
    assert first.records["a.txt"]["figures"] == 2 and first.records["a.txt"]["title"] == "A.TXT"

    engine.asked.clear()
    second = run_folder(qtbot, folder, engine)
    assert engine.asked == []  # unchanged: nothing analysed
    assert {d: r["status"] for d, r in second.records.items()} == {"a.txt": "cached", "b.txt": "cached",
                                                                   "c.txt": "failed"}
    assert second.records["a.txt"]["figures"] == 2
    assert len(second.figures[second.records["a.txt"]["sha256"]]) == 2

    (folder / "b.txt").write_text("revenue: 15\nprofit: 3\n")
    os.utime(folder / "a.txt", ns=(1, 1))  # touched, same text: read, not analysed
    third = run_folder(qtbot, folder, engine)
    assert sorted(engine.asked) == [("a.txt", first.records["a.txt"]["sha256"]),
                                    ("b.txt", first.records["b.txt"]["sha256"])]
    assert third.records["a.txt"]["status"] == "cached" and third.records["b.txt"]["status"] == "analysed"
    assert third.records["b.txt"]["figures"] == 2
    engine.asked.clear()
    run_folder(qtbot, folder, engine)
    assert engine.asked == []


def test_a_cancelled_run_keeps_what_was_done(qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"revenue: {i + 1}\n")
    held: list[Future] = []

    def never(path, known):  # the workers never answer
        held.append(Future())
        return held[-1]

    run = CorpusRun(str(folder), lambda f: find_documents([f]), never)
    run.start()
    qtbot.waitUntil(lambda: run.found == 5 and len(held) >= 1, timeout=10_000)
    with qtbot.waitSignal(run.sigFinished) as finished:
        run.cancel()
    assert finished.args == [True] and run.cancelled
    assert run.wait_saved()
    qtbot.waitUntil(lambda: all(f.cancelled() for f in held), timeout=5_000)
    assert {r["status"] for r in run.records.values()} == {"waiting"}
    assert CorpusCache(folder).load().documents == {}  # nothing done, nothing cached


def test_a_cancelled_reopen_keeps_the_cache_of_what_it_did_not_reach(qtbot, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(f"revenue: {i + 1}\n")
    run_folder(qtbot, folder, Engine())
    (folder / "2.txt").write_text("revenue: 30\n")  # changed: to analyse again
    run = CorpusRun(str(folder), lambda f: find_documents([f]), lambda path, known: Future())
    run.start()
    qtbot.waitUntil(lambda: run.found == 4, timeout=10_000)
    run.cancel()
    assert run.wait_saved()
    cached = CorpusCache(folder).load()
    assert sorted(cached.documents) == ["0.txt", "1.txt", "2.txt", "3.txt"]
    engine = Engine()
    run_folder(qtbot, folder, engine)
    assert [name for name, _ in engine.asked] == ["2.txt"]
