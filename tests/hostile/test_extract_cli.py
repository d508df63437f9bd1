"""`article-lens extract` against hostile inputs and failing outputs.

Each run is a real process with a time limit and a 2 GB address-space cap, so a
regression shows as a failure, never as a hung or memory-starved test run.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import resource
import signal
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

from desktop.cli import main

REPO = Path(__file__).resolve().parents[2]
QUICK = 20  # seconds for a refusal
ANALYSIS = 120  # seconds for a run that analyses an article (two shared cores)


def capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, resource.RLIM_INFINITY))


def shell(command: str, timeout: float = QUICK, **paths) -> subprocess.CompletedProcess:
    """``command`` in bash with $EXTRACT the extract command and the given paths set."""
    env = {**os.environ, "EXTRACT": f"{sys.executable} -m desktop.cli extract",
           **{name: str(path) for name, path in paths.items()}}
    with subprocess.Popen(["bash", "-c", command], cwd=REPO, env=env, text=True, start_new_session=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=capped) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # bash and the extract it started
            process.communicate()
            raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def run_inside(args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def one_clear_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("article-lens: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


# -- defect 2: devices and pipes -------------------------------------------------------


@pytest.mark.parametrize("kind", ["/dev/zero", "/dev/urandom", "link to /dev/zero", "fifo"])
def test_extract_refuses_devices_and_pipes(kind, tmp_path):
    if kind.startswith("/dev/"):
        path = Path(kind)
    elif kind == "fifo":
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)
    else:
        path = tmp_path / "zero.txt"
        path.symlink_to("/dev/zero")
    result = shell('$EXTRACT "$ARTICLE"', ARTICLE=path)
    assert result.returncode == 2 and result.stdout == ""
    assert "not a regular file" in one_clear_line(result.stderr)


# -- defect 4: --session onto the input, or without the .alens suffix -------------------


@pytest.mark.parametrize("how", ["same path", "relative path", "symlink", "hard link"])
def test_extract_never_writes_the_session_over_its_input(how, tmp_path, seed_text):
    article = tmp_path / "article.txt"
    article.write_text(seed_text, encoding="utf-8")
    session = {"same path": article, "relative path": Path(os.path.relpath(article, REPO)),
               "symlink": tmp_path / "article.alens", "hard link": tmp_path / "copy.alens"}[how]
    if how == "symlink":
        session.symlink_to(article)
    elif how == "hard link":
        os.link(article, session)
    result = shell('$EXTRACT "$ARTICLE" --session "$SESSION"', ARTICLE=article, SESSION=session)
    assert result.returncode == 2 and result.stdout == ""
    assert "is the article" in one_clear_line(result.stderr)
    assert article.read_text(encoding="utf-8") == seed_text


@pytest.mark.parametrize("name", ["out.json", "out", "out.alens.txt"])
def test_extract_wants_the_alens_suffix_for_a_session(name, tmp_path, seed_path):
    result = shell('$EXTRACT "$ARTICLE" --session "$SESSION"', ARTICLE=seed_path, SESSION=tmp_path / name)
    assert result.returncode == 2 and result.stdout == ""
    assert ".alens" in one_clear_line(result.stderr)
    assert not (tmp_path / name).exists()


# -- defect 10: an output that fails -----------------------------------------------------


@pytest.fixture(scope="module")
def long_article(tmp_path_factory, seed_text):
    """An article whose output is far larger than a pipe's buffer (64 KB)."""
    path = tmp_path_factory.mktemp("long") / "long.txt"
    path.write_text("\n\n".join([seed_text] * 4), encoding="utf-8")
    return path


def test_extract_into_a_closed_pipe_stops_quietly(long_article):
    result = shell('$EXTRACT "$ARTICLE" | head -1; echo "status ${PIPESTATUS[0]}"',
                   ANALYSIS, ARTICLE=long_article)
    first, status = result.stdout.splitlines()
    assert first == "{" and result.stderr == ""
    assert status == "status 141"  # as coreutils and git: 128 + SIGPIPE


@pytest.mark.parametrize(("redirect", "reason"), [(">&-", "closed"), ("> /dev/full", "No space left")])
def test_extract_into_a_failing_output_says_so_in_one_line(redirect, reason, seed_path):
    result = shell(f'$EXTRACT "$ARTICLE" {redirect}', ANALYSIS, ARTICLE=seed_path)
    assert result.returncode == 1
    assert reason in one_clear_line(result.stderr)


# -- defect 11: offsets into the file's own text -------------------------------------------


def crlf_article(seed_text: str, encoding: str) -> bytes:
    bom = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE}[encoding]
    return bom + seed_text.replace("\n", "\r\n").encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le"])
def test_extract_offsets_point_into_the_file_as_decoded(encoding, tmp_path, seed_text):
    path = tmp_path / "crlf-bom.txt"
    path.write_bytes(crlf_article(seed_text, encoding))
    code, out, _ = run_inside(["extract", str(path)])
    document = json.loads(out)
    as_read = path.read_bytes().decode(document["article"]["encoding"])
    assert "\r\n" in as_read and code == 0
    entities, figures = document["entities"], document["figures"]
    assert len(entities) > 40 and len(figures) > 10
    assert [as_read[e["start"]:e["end"]] for e in entities] == [e["text"] for e in entities]
    assert [as_read[f["start"]:f["end"]] for f in figures] == [f["surface"] for f in figures]
    starts = {f["start"] for f in figures}
    assert {f["link"] for f in figures if f["link"] is not None} <= starts


def test_extract_offsets_in_csv_point_into_the_file_as_decoded(tmp_path, seed_text):
    path = tmp_path / "crlf-bom.txt"
    path.write_bytes(crlf_article(seed_text, "utf-8"))
    code, out, _ = run_inside(["extract", str(path), "--format", "csv", "--what", "figures"])
    as_read = path.read_bytes().decode("utf-8-sig")
    table = pd.read_csv(io.StringIO(out), keep_default_na=False)
    assert code == 0 and len(table) > 10
    assert [as_read[s:e] for s, e in zip(table["start"], table["end"])] == list(table["surface"])


def test_extract_help_says_what_the_offsets_count():
    result = shell("$EXTRACT --help")
    assert "newline=''" in result.stdout and "encoding" in result.stdout


# -- defect 12d: damaged text is read, and the damage reported -----------------------------


def test_extract_reads_a_damaged_article_and_warns_on_stderr(tmp_path, seed_text):
    path = tmp_path / "damaged.txt"
    path.write_bytes(seed_text.encode() + b"\xff\x00")
    code, out, err = run_inside(["extract", str(path), "--what", "entities"])
    assert code == 0 and json.loads(out)["entities"]
    assert "2 characters" in one_clear_line(err)
