"""``article-lens extract PATH...``: a corpus run over files and folders (issue 26)."""

import csv
import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pytest

from desktop.cli import main

ARTICLES = {
    "one.txt": "Acme Corp said on Tuesday that revenue rose 12% to $4.5 million in 2023, "
               "chief executive Mary Jones told reporters in Chicago.\n",
    "sub/two.md": "# Trade\n\nExports from Kenya fell 3% to 1.2 million tonnes last year, "
                  "the finance ministry in Nairobi said.\n",
    "sub/deeper/three.html": "<html><head><title>Gold climbs</title></head><body><article><p>Gold "
                             "prices climbed to $2,100 an ounce on Monday, up 1.5%, said analyst "
                             "John Smith of Barclays in London.</p></article></body></html>",
    "sub/four.txt": "Shares of Northwind Traders dropped 8% on Friday after the company cut its "
                    "forecast to 300,000 units, down from 450,000.\n",
}


def run(args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def write_corpus(folder, names=ARTICLES):
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLES[name], encoding="utf-8")


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def ordered(rows):
    return sorted(rows, key=lambda r: (r["document"], r.get("record", ""), r["start"], r["end"]))


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    write_corpus(folder)
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "secret.txt").write_text("Hidden Corp earned $1 million.\n")
    (folder / ".dotfile.txt").write_text("Dot Corp earned $2 million.\n")
    (folder / "notes.json").write_text('{"not": "an article"}')  # not an article's suffix
    return folder


def test_a_folder_is_read_recursively_with_a_document_column(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "rows.jsonl"
    code, _, err = run(["extract", "corpus", "--output", str(out), "--jobs", "1"])
    assert code == 0, err
    rows = read_jsonl(out)
    assert {r["document"] for r in rows} == {f"corpus/{name}" for name in ARTICLES}
    assert all(len(r["sha256"]) == 64 and r["record"] in ("entity", "figure") for r in rows)
    surfaces = {r.get("surface") for r in rows}
    assert {"$4.5 million", "$2,100"} <= surfaces  # txt and html
    assert "4 documents analysed" in err
    errors = list(csv.reader(open(f"{out}.errors.csv", encoding="utf-8")))
    assert errors == [["document", "error"]]


def test_rows_are_those_of_extract_on_each_file_alone(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["extract", "corpus", "--output", "rows.jsonl", "--jobs", "1"])
    assert code == 0, err
    code, _, err = run(["extract", "corpus", "--output", "rows.csv", "--jobs", "1"])
    assert code == 0, err
    jsonl = read_jsonl(tmp_path / "rows.jsonl")
    with open(tmp_path / "rows.csv", encoding="utf-8", newline="") as file:
        table = list(csv.reader(file))
    header, body = table[0], table[1:]
    assert header[:2] == ["document", "sha256"]
    for name in ARTICLES:
        document = f"corpus/{name}"
        _, alone, _ = run(["extract", document])
        alone = json.loads(alone)
        expected = alone["entities"] + alone["figures"]
        mine = [{k: v for k, v in r.items() if k not in ("document", "sha256", "record")}
                for r in jsonl if r["document"] == document]
        assert mine == expected
        assert {r["sha256"] for r in jsonl if r["document"] == document} == {alone["article"]["sha256"]}
        _, alone_csv, _ = run(["extract", document, "--format", "csv"])
        alone_rows = list(csv.reader(io.StringIO(alone_csv)))
        assert alone_rows[0] == header[2:]
        assert [row[2:] for row in body if row[0] == document] == alone_rows[1:]


def test_what_figures_rows_match_extract_figures(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["extract", "corpus/one.txt", "corpus/sub/four.txt", "--what", "figures",
                          "--format", "csv", "--jobs", "1"])
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    _, alone, _ = run(["extract", "corpus/one.txt", "--what", "figures", "--format", "csv"])
    alone = list(csv.reader(io.StringIO(alone)))
    assert rows[0] == ["document", "sha256", *alone[0]]
    assert [r[2:] for r in rows[1:] if r[0] == "corpus/one.txt"] == alone[1:]


def test_a_bad_file_is_recorded_and_the_run_goes_on(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "sub" / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7 this is no pdf")
    code, _, err = run(["extract", "corpus", "missing.txt", "--output", "rows.jsonl",
                        "--errors", "failed.csv", "--jobs", "1"])
    assert code == 2
    assert "3 failed" not in err and "4 failed (listed in failed.csv)" in err
    with open(tmp_path / "failed.csv", encoding="utf-8", newline="") as file:
        failed = {row["document"]: row["error"] for row in csv.DictReader(file)}
    assert set(failed) == {"corpus/empty.txt", "corpus/sub/binary.txt", "corpus/broken.pdf",
                           "missing.txt"}
    assert "empty" in failed["corpus/empty.txt"] and "binary" in failed["corpus/sub/binary.txt"]
    assert {r["document"] for r in read_jsonl(tmp_path / "rows.jsonl")} == {
        f"corpus/{name}" for name in ARTICLES}


@pytest.mark.parametrize("suffix", ["jsonl", "csv"])
def test_resume_after_a_run_stopped_midway(tmp_path, monkeypatch, suffix):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "corpus"
    write_corpus(folder, list(ARTICLES)[:2])  # the run "stopped" after half the folder
    out = tmp_path / f"rows.{suffix}"
    assert run(["extract", "corpus", "--output", out.name, "--jobs", "1"])[0] == 0
    first = out.read_text(encoding="utf-8")
    with open(out, "a", encoding="utf-8") as file:  # and in the middle of a row
        file.write(first.splitlines()[-1][:40])
    write_corpus(folder, list(ARTICLES)[2:])
    code, _, err = run(["extract", "corpus", "--output", out.name, "--resume", "--jobs", "1"])
    assert code == 0, err
    assert "2 documents analysed" in err and "2 already in the output" in err
    code, _, err = run(["extract", "corpus", "--output", f"whole.{suffix}", "--jobs", "1"])
    resumed = out.read_text(encoding="utf-8").splitlines()
    whole = (tmp_path / f"whole.{suffix}").read_text(encoding="utf-8").splitlines()
    assert resumed[:len(first.splitlines())] == first.splitlines()
    assert sorted(resumed) == sorted(whole)  # no duplicates, every document


def test_one_job_and_two_jobs_give_the_same_rows(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(["extract", "corpus", "--output", "one.jsonl", "--jobs", "1"])[0] == 0
    code, _, err = run(["extract", "corpus", "--output", "two.jsonl", "--jobs", "2"])
    assert code == 0, err
    one, two = read_jsonl(tmp_path / "one.jsonl"), read_jsonl(tmp_path / "two.jsonl")
    assert len(one) > 20 and ordered(one) == ordered(two)


def test_json_is_one_array(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["extract", "corpus", "--format", "json", "--jobs", "1"])
    assert code == 0, err
    rows = json.loads(out)
    assert ordered(rows) == ordered(json.loads(json.dumps(rows)))
    assert {r["document"] for r in rows} == {f"corpus/{name}" for name in ARTICLES}
    (tmp_path / "nothing").mkdir()
    code, out, _ = run(["extract", "nothing", "--format", "json", "--jobs", "1"])
    assert code == 0 and json.loads(out) == []


def test_parquet_parts_hold_the_csv_rows_and_resume(tmp_path, monkeypatch):
    import pandas as pd
    import pyarrow  # noqa: F401 - in the test extra: the parquet output is tested, not skipped
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "corpus"
    write_corpus(folder, list(ARTICLES)[:2])
    assert run(["extract", "corpus", "--output", "rows.parquet", "--jobs", "1"])[0] == 0
    write_corpus(folder, list(ARTICLES)[2:])
    code, _, err = run(["extract", "corpus", "--output", "rows.parquet", "--resume", "--jobs", "1"])
    assert code == 0 and "2 already in the output" in err, err
    assert run(["extract", "corpus", "--output", "rows.csv", "--jobs", "1"])[0] == 0
    parquet = pd.read_parquet(tmp_path / "rows.parquet")
    table = pd.read_csv(tmp_path / "rows.csv")
    key = ["document", "record", "start", "end"]
    parquet = parquet.sort_values(key).reset_index(drop=True)
    table = table.sort_values(key).reset_index(drop=True)
    assert list(parquet.columns) == list(table.columns)
    for name in ("document", "sha256", "record", "start", "end", "value", "unit_code"):
        def cells(column):
            return ["" if pd.isna(v) else str(v) for v in column]

        assert cells(parquet[name]) == cells(table[name]), name


def test_one_file_keeps_its_single_output(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["extract", "corpus/one.txt"])
    assert code == 0 and "article" in json.loads(out)


def test_options_that_do_not_fit(corpus, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for args in (["--resume"], ["--format", "parquet"], ["--output", "x.json", "--resume"],
                 ["--engine", "dask"]):
        with pytest.raises(SystemExit) as stopped:
            main(["extract", "corpus", *args])
        assert stopped.value.code == 2


def test_a_dask_cluster_of_two_worker_processes_gives_the_same_rows(tmp_path, monkeypatch):
    import distributed  # in the test extra: the Dask engine is tested, not skipped
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "corpus", list(ARTICLES)[:3])
    (tmp_path / "corpus" / "empty.txt").write_bytes(b"")
    assert run(["extract", "corpus", "--output", "local.jsonl", "--jobs", "1"])[0] == 2
    with distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        code, _, err = run(["extract", "corpus", "--engine", "dask", "--scheduler",
                            cluster.scheduler_address, "--output", "dask.jsonl"])
        assert code == 2 and "3 documents analysed" in err and "1 failed" in err, err
        local, remote = read_jsonl(tmp_path / "local.jsonl"), read_jsonl(tmp_path / "dask.jsonl")
        assert len(local) > 10 and ordered(local) == ordered(remote)
        errors = (tmp_path / "dask.jsonl.errors.csv").read_text()
        assert "corpus/empty.txt" in errors
        code, _, err = run(["extract", "corpus", "--engine", "dask", "--scheduler",
                            cluster.scheduler_address, "--output", "dask.jsonl", "--resume"])
        assert "3 already in the output" in err, err
        assert ordered(read_jsonl(tmp_path / "dask.jsonl")) == ordered(local)


def test_the_counter_without_tqdm_on_a_terminal(monkeypatch):
    from desktop import cli_corpus

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setitem(__import__("sys").modules, "tqdm", None)
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    counter = cli_corpus._Counter(3)
    counter.update()
    counter.write("article-lens: a.txt: bad")
    counter.update()
    counter.close()
    assert "\rextract: 1/3 documents" in terminal.getvalue()
    assert "article-lens: a.txt: bad\n" in terminal.getvalue()
    assert terminal.getvalue().endswith("extract: 2/3 documents\n")


def test_web_addresses_beside_files_give_extracts_rows(corpus, tmp_path, monkeypatch):
    from local_http import Route, serve

    monkeypatch.chdir(tmp_path)
    page = ARTICLES["sub/deeper/three.html"].encode()
    with serve({"/gold": Route(page), "/gone": Route(b"no", status=404)}) as server:
        gold, gone = server.url("/gold"), server.url("/gone")
        code, _, err = run(["extract", "corpus/one.txt", gold, gone, "--output", "rows.jsonl",
                            "--jobs", "1"])
        _, alone, _ = run(["extract", gold])
    assert code == 2 and "1 failed" in err, err
    alone = json.loads(alone)
    mine = [{k: v for k, v in r.items() if k not in ("document", "sha256", "record")}
            for r in read_jsonl(tmp_path / "rows.jsonl") if r["document"] == gold]
    assert mine == alone["entities"] + alone["figures"] and mine
    assert gone in (tmp_path / "rows.jsonl.errors.csv").read_text()


def test_a_long_article_in_a_worker_gives_the_rows_of_extract(tmp_path, monkeypatch):
    """A text long enough for extract to analyse on every core is analysed by one worker
    alone in a corpus run: the same rows."""
    from desktop.nlp.analysis import PARALLEL_MIN_CHARS

    monkeypatch.chdir(tmp_path)
    paragraphs = [f"Exports from Kenya rose {n % 40 + 1}% to {n + 3},{n % 900 + 100:03d} tonnes in "
                  f"{2000 + n % 24}, the ministry in Nairobi said, while Acme Corp earned "
                  f"${n % 90 + 5} million." for n in range(PARALLEL_MIN_CHARS // 100 + 20)]
    (tmp_path / "long").mkdir()
    (tmp_path / "long" / "long.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (tmp_path / "long" / "short.txt").write_text(ARTICLES["one.txt"], encoding="utf-8")
    assert len((tmp_path / "long" / "long.txt").read_text()) >= PARALLEL_MIN_CHARS
    code, _, err = run(["extract", "long", "--output", "rows.csv", "--jobs", "2"])
    assert code == 0, err
    _, alone, _ = run(["extract", "long/long.txt", "--format", "csv"])
    with open(tmp_path / "rows.csv", encoding="utf-8", newline="") as file:
        body = list(csv.reader(file))[1:]
    assert [row[2:] for row in body if row[0] == "long/long.txt"] == list(csv.reader(io.StringIO(alone)))[1:]
