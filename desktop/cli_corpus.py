"""``article-lens extract PATH... --output FILE``: the analysis of many articles in one
table (see :mod:`desktop.corpus`). Each row is a row ``extract`` prints for that file
alone, with two columns in front: ``document`` (the path as given or found under a
folder given) and ``sha256`` (of the article's text, which ``--resume`` uses to skip
what the output already holds). Results are written as documents finish.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

FORMATS = ("json", "jsonl", "csv", "parquet")
#: Options only a corpus run has: one of them makes ``extract`` a corpus run.
CORPUS_OPTIONS = ("--output", "-o", "--jobs", "-j", "--resume", "--errors", "--engine", "--scheduler")

CORPUS_HELP = """\
corpus output:
  Every row has `document` (the path as given, or as found under a folder given) and
  `sha256` (of the article's text) in front of the columns extract prints for that
  file alone; with --what all, `record` says entity or figure. jsonl: one JSON object
  per row (as in extract's JSON); json: one array of them; csv: one table (as extract's
  CSV); parquet: a folder of part files (pandas.read_parquet(FOLDER) reads them all;
  needs pyarrow: pip install "article-lens[corpus]").
  A document that fails is listed (document, error) in the errors file and the run
  goes on; the exit status is then 2. --resume skips the documents whose text is in
  the output already and appends the rest (jsonl, csv, parquet).
"""


def wants_corpus(argv: Sequence[str]) -> bool:
    """Whether ``extract argv`` is a corpus run: several paths, a folder, or an option
    only a corpus run has. Cheap: no import, no file read beyond a stat."""
    positional = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in ("--format", "--what", "--session"):
            skip = True
            continue
        if arg.split("=", 1)[0] in CORPUS_OPTIONS or arg.startswith("-j"):
            return True
        if arg.startswith("--format=") and arg.split("=", 1)[1] in ("jsonl", "parquet"):
            return True
        if not arg.startswith("-"):
            positional.append(arg)
    if "--format" in argv:
        at = list(argv).index("--format")
        if at + 1 < len(argv) and argv[at + 1] in ("jsonl", "parquet"):
            return True
    return len(positional) > 1 or any(os.path.isdir(p) for p in positional)


def extract_corpus(argv: Sequence[str]) -> int:
    import argparse

    from desktop.cli import EXTRACT_HELP, FIGURE_FIELDS_HELP, _fail, _say

    parser = argparse.ArgumentParser(
        prog="article-lens extract", description=EXTRACT_HELP + " Many: files and folders.",
        epilog=CORPUS_HELP + FIGURE_FIELDS_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="articles (.txt, .md, .html, .pdf, .docx) and folders of them "
                        "(recursive; hidden files skipped)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="json, jsonl, csv or parquet (default: from --output's suffix, else jsonl)")
    parser.add_argument("--what", choices=("entities", "figures", "all"), default="all")
    parser.add_argument("-o", "--output", metavar="FILE", help="where the rows go (default: stdout)")
    parser.add_argument("--errors", metavar="FILE",
                        help="the documents that failed, as CSV (default: OUTPUT.errors.csv; stderr "
                        "without --output)")
    parser.add_argument("-j", "--jobs", type=int, default=0,
                        help="worker processes (default: all cores)")
    parser.add_argument("--resume", action="store_true",
                        help="skip the documents already in the output and append the others")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local processes (default) or a Dask distributed cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="the Dask scheduler (tcp://host:8786) for --engine dask")
    options = parser.parse_args(argv)
    output_format = options.format or _format_of(options.output)
    if output_format == "parquet" and not options.output:
        parser.error("parquet needs --output FOLDER")
    if options.resume and not options.output:
        parser.error("--resume needs --output: the output it continues")
    if options.resume and output_format == "json":
        parser.error("--resume appends to jsonl, csv or parquet, not json (one array)")
    if options.engine == "dask" and not options.scheduler:
        parser.error("--engine dask needs --scheduler ADDRESS")
    if output_format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            return _fail('parquet needs pyarrow: pip install "article-lens[corpus]"', 1)
    jobs = options.jobs if options.jobs > 0 else (os.cpu_count() or 1)

    from desktop.corpus import find_documents
    from desktop.corpus_output import ErrorsFile, open_writer

    try:
        writer = open_writer(output_format, options.output, options.what, options.resume)
    except OSError as error:
        return _fail(f"could not write {options.output}: {error.strerror or error}.", 1)
    done = writer.done_hashes()
    errors_path = options.errors or (f"{options.output}.errors.csv" if options.output else None)
    errors = ErrorsFile(errors_path)
    documents = list(find_documents(options.paths))  # paths only: the bar's total
    if options.engine == "dask":
        from desktop.corpus_dask import run_dask

        results = run_dask(documents, options.what, options.scheduler, done, output_format)
    else:
        from desktop.corpus import run_local

        results = run_local(documents, options.what, jobs, done, output_format)
    progress = _Counter(len(documents))
    counts = {"analysed": 0, "skipped": 0, "failed": 0, "rows": 0}
    try:
        for result in results:
            if result.error:
                counts["failed"] += 1
                errors.add(result.document, result.error)
                if errors_path is None:
                    progress.write(f"article-lens: {result.document}: {result.error}")
            elif result.skipped:
                counts["skipped"] += 1
            else:
                counts["analysed"] += 1
                counts["rows"] += writer.write(result)
                for warning in result.warnings:
                    progress.write(f"article-lens: warning: {result.document}: {warning}")
            progress.update()
        writer.close()
    except KeyboardInterrupt:
        writer.close()
        progress.close()
        _say("stopped; run again with --resume to continue.")
        return 130
    except BrokenPipeError:
        from desktop.cli import BROKEN_PIPE_STATUS, _stdout_to_devnull

        _stdout_to_devnull()
        return BROKEN_PIPE_STATUS
    except OSError as error:
        return _fail(f"could not write the output: {error.strerror or error}.", 1)
    finally:
        errors.close()
        progress.close()
    summary = (f"{counts['analysed']} documents analysed ({counts['rows']} rows), "
               f"{counts['skipped']} already in the output, {counts['failed']} failed")
    if counts["failed"] and errors_path:
        summary += f" (listed in {errors_path})"
    _say(summary + ".")
    return 2 if counts["failed"] else 0


def _format_of(output: str | None) -> str:
    suffix = os.path.splitext(output or "")[1].lower().lstrip(".")
    return suffix if suffix in FORMATS else "jsonl"


class _Counter:
    """A one-line counter on stderr when it is a terminal (tqdm's bar if installed)."""

    def __init__(self, total: int | None = None) -> None:
        self.count, self.total = 0, total
        self.bar = None
        self.shown = sys.stderr is not None and sys.stderr.isatty()
        if self.shown:
            try:
                from tqdm import tqdm

                self.bar = tqdm(total=total, unit="doc", desc="extract", file=sys.stderr)
            except ImportError:
                pass

    def update(self) -> None:
        self.count += 1
        if self.bar is not None:
            self.bar.update()
        elif self.shown:
            sys.stderr.write(f"\rextract: {self.count}/{self.total} documents")
            sys.stderr.flush()

    def write(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        elif sys.stderr is not None:
            if self.shown and self.count:
                sys.stderr.write("\r\033[K")
            print(line, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        elif self.shown and self.count:
            sys.stderr.write("\n")
            self.shown = False

