"""``article-lens``: open the app, or run the analysis headless with ``extract``."""

from __future__ import annotations

import sys
from collections.abc import Sequence

EXTRACT_HELP = "Print the entities and figures of an article (no window)."
FIGURE_FIELDS_HELP = """\
figure fields:
  start, end       character offsets of the figure in the file (end exclusive; see
                   offsets below)
  surface          the figure as written
  value, low, high its value in the unit as written; low/high: the ends of a range
  unit, unit_code  the unit as written, and its code (USD, %, t, ...)
  kind             money, percent, quantity, count, duration, age, multiplier, ...
  qualifier        words around it such as "more than", "about"
  subject, period  what it measures, and when
  change           the change it states: "+40%", "-3%", "x5 vs 2021"
  role             what it does in its sentence: level, change, previous, share,
                   forecast ("" when not known)
  direction        which way a movement goes: up, down ("" when none)
  moved            what moved: amount or rate ("" when not known)
  link             the start of the figure it is tied to: the new level of
                   "rose 32,000 to 1.41 million", the main amount of a conversion
                   "GBP 53m ($100m)"; null in JSON, empty in CSV when none
  derived, formula true for a figure implied by two stated ones, and how it was computed
  sentence         the sentence it is in
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch ``article-lens [FILE]`` to the GUI and ``article-lens extract …`` to
    the headless analysis; returns the process exit code."""
    if getattr(sys, "frozen", False):  # a no-op elsewhere; importing it costs start-up time
        import multiprocessing

        multiprocessing.freeze_support()  # the bundled app's analysis worker processes start here
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("extract", "export", "import"):
        from desktop import process_settings

        process_settings.configure_command_line()  # the window's are made by desktop.app.run
    if args and args[0] == "extract":
        from desktop import cli_corpus  # many files or folders: desktop/cli_corpus.py

        if cli_corpus.wants_corpus(args[1:]):
            return cli_corpus.extract_corpus(args[1:])
        return extract(args[1:])
    if args and args[0] in ("export", "import"):  # desktop/cli_transfer.py
        from desktop import cli_transfer

        command = cli_transfer.export_command if args[0] == "export" else cli_transfer.import_command
        return command(args[1:])
    if len(args) <= 1 and not any(a.startswith("-") for a in args):  # the usual start: no parser
        from desktop.app import run

        return run([a for a in args if a])
    import argparse

    parser = argparse.ArgumentParser(
        prog="article-lens",
        description="Read a news article with its entities and figures. "
        f"Headless use: article-lens extract FILE ({EXTRACT_HELP}); article-lens export "
        "SESSION.alens --format F --output PATH; article-lens import FILE --format F --output "
        "SESSION.alens (each with --help).",
    )
    parser.add_argument("file", nargs="?", help="an article to open: a file (.txt, .md, .html, .pdf, "
                        ".docx), a session (.alens: the article with your highlights, labels, notes and "
                        "corrections, saved by File > Save) or an http(s) address; none: the seed "
                        "article")
    options = parser.parse_args(args)
    from desktop.app import run

    return run([options.file] if options.file else [])


def extract(argv: Sequence[str]) -> int:
    """``article-lens extract FILE [--format json|csv] [--what entities|figures|all]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="article-lens extract", description=EXTRACT_HELP,
                                     epilog=FIGURE_FIELDS_HELP + OFFSETS_HELP,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="the article to analyse: a file (.txt or .md in any text "
                        "encoding, .html, .pdf, .docx) or an http(s) address. Several files or folders make a "
                        "corpus run, one table across them: see `article-lens extract FOLDER --help`")
    parser.add_argument("--format", choices=("json", "csv"), default="json",
                        help="json (default): one object with the article, its entities and figures; "
                        "csv: one table, the figures' or the entities' (with --what all: both in "
                        "one table, a `record` column saying which each row is)")
    parser.add_argument("--what", choices=("entities", "figures", "all"), default="all",
                        help="what to print (default: all)")
    parser.add_argument("--session", metavar="OUT.alens",
                        help="also write a session file holding the suggestions, for the app to open")
    options, rest = parser.parse_known_args(argv)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if sys.stdout is None:  # started with it closed (>&-): say so before the analysis
        return _fail("cannot write the output: standard output is closed.", 1)
    if options.session and (problem := session_path_problem(options.session, options.file)):
        return _fail(problem)

    from desktop.formats.article_sources import read_source
    from desktop.formats.errors import FileFormatError
    from desktop.nlp import analyze

    try:
        read = read_source(options.file)  # a file, or a web address
    except FileFormatError as error:
        return _fail(str(error))
    if read.replaced:
        _say(f"warning: {read.damage_note()}")
    for warning in read.warnings:
        _say(f"warning: {warning}")
    article = read.article
    analysis = analyze(article.text, year=article.year)
    if options.session:
        try:
            write_suggestions_session(article, analysis, options.session)
        except FileFormatError as error:
            return _fail(str(error))
    offset = read.file_offset  # offsets into the file's own text (see OFFSETS_HELP)
    figures = in_file_offsets(analysis.figures, offset, ("start", "end", "link"))
    tables = {"entities": in_file_offsets(analysis.entities, offset, ("start", "end")),
              "figures": with_missing_links(figures)}
    if options.what != "all":
        tables = {options.what: tables[options.what]}
    try:
        write_tables(tables, article, read.replaced, options.format)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (| head): quiet, as coreutils
        _stdout_to_devnull()
        return BROKEN_PIPE_STATUS
    except OSError as error:
        _stdout_to_devnull()
        return _fail(f"could not write the output: {error.strerror or error}.", 1)
    return 0


OFFSETS_HELP = """
offsets:
  start, end (and link) count characters of the file as read: its bytes decoded in
  the encoding it was read in (the JSON's article.encoding), line breaks as they are
  in the file (a Windows \\r\\n is two characters), each undecodable sequence as
  one U+FFFD. In Python: open(FILE, encoding=ENCODING, errors="replace",
  newline='').read()[start:end] is the entity's text or the figure's surface.
  A web page, PDF or Word document (article.format html, pdf, docx) is read as the
  text extracted from it, which the JSON gives as article.text: offsets count its
  characters.
"""
#: The status of a command killed by SIGPIPE, as a shell reports coreutils' and git's.
BROKEN_PIPE_STATUS = 128 + 13


def session_path_problem(session: str, article: str) -> str:
    """Why ``session`` cannot be written for ``article``, or ""."""
    import os
    from pathlib import Path

    from desktop.formats.session_file import SESSION_SUFFIX

    try:
        same = os.path.samefile(session, article)
    except OSError:  # one of them does not exist (yet)
        same = False
    if same:
        return (f"--session {session} is the article itself: the session needs a file of its "
                f"own, ending in {SESSION_SUFFIX}.")
    if Path(session).suffix.lower() != SESSION_SUFFIX:
        return f"--session {session}: a session's file name ends in {SESSION_SUFFIX}."
    return ""


def in_file_offsets(table, offset, columns):
    """``table`` with the offsets in ``columns`` (-1: none) mapped by ``offset``."""
    mapped = {name: [offset(int(at)) if at >= 0 else int(at) for at in table[name]]
              for name in columns if name in table}
    return table.assign(**mapped) if len(table) else table


def article_metadata(article) -> dict[str, str]:
    """What the JSON says of an article beside its title and source: its format ("" for
    plain text), author, date, site and address, and the text extracted from a document."""
    fields = {name: getattr(article, name) for name in ("format", "author", "date", "site", "url")}
    return fields | ({"text": article.text} if article.format else {})


def write_tables(tables, article, replaced: int, output_format: str) -> None:
    """The tables on stdout, as one JSON document or one CSV table."""
    if output_format == "json":
        import json

        document = {
            "article": {"title": article.title, "source": article.source, "sha256": article.sha256,
                        "encoding": article.encoding, "replaced": replaced, **article_metadata(article)},
            **{name: json.loads(table.to_json(orient="records")) for name, table in tables.items()},
        }
        # one string, one write: json.dump writes each of its ~15 pieces a record
        # (entities and figures of 1 MB: 1 s) where dumps makes the same text in 0.2 s
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
        return
    import pandas as pd

    record = {"entities": "entity", "figures": "figure"}
    frames = [table.assign(record=record[name]) for name, table in tables.items()]
    combined = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    if len(frames) == 1:
        combined = combined.drop(columns="record")
    combined.to_csv(sys.stdout, index=False)


def _say(message: str) -> None:
    if sys.stderr is not None:
        print(f"article-lens: {message}", file=sys.stderr)


def _fail(message: str, status: int = 2) -> int:
    _say(message)
    return status


def _stdout_to_devnull() -> None:
    """Send what is still buffered for stdout to /dev/null: Python's flush at exit then
    neither fails nor prints a traceback (the recipe of Python's signal docs)."""
    import os

    try:
        target = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (tests), or already closed
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, target)
    os.close(devnull)


def with_missing_links(figures):
    """``figures`` with a ``link`` of -1 (none) as missing: null in JSON, empty in CSV."""
    if "link" not in figures:
        return figures
    link = figures["link"].astype("Int64")
    return figures.assign(link=link.mask(link < 0))


def write_suggestions_session(article, analysis, path: str) -> None:
    """Save a session holding the analysis as suggestions (batch pre-annotation)."""
    from desktop.core.change import Change, apply_change
    from desktop.core.session import Session
    from desktop.core.suggestions import new_suggestions
    from desktop.formats.session_file import save_session

    session = Session(article)
    entities = analysis.entities  # each suggestion keeps why it has its label, as in the window
    spans = zip(entities["start"], entities["end"], entities["label"], entities["reason"])
    suggested = new_suggestions(session.highlights, ((int(s), int(e), label, why) for s, e, label, why in spans))
    apply_change(session, Change(added=tuple(suggested)))  # as the window applies the analysis
    save_session(session, path)


if __name__ == "__main__":
    sys.exit(main())
