"""``article-lens export`` and ``article-lens import``: a session out to the figures
formats and annotation formats, and annotations back in as a session (no Qt).

Every error is one line on stderr and a non-zero status: 2 for what is wrong with
the command or its input (a malformed file names its line and field), 1 when the
output cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

#: What each export format writes (for --help).
EXPORT_HELP = {
    "csv": "the figures table, every column (UTF-8, RFC 4180, CRLF)",
    "xlsx": "a workbook: sheets figures (numbers), entities and article",
    "html": "one self-contained report: the article with its highlights and notes, "
            "the figures table, the charts as inline SVG",
    "brat": "brat standoff: NAME.txt, NAME.ann, annotation.conf, visual.conf",
    "doccano": "JSONL of a doccano sequence-labelling project (text, label)",
    "prodigy": "JSONL task with text, tokens (spaCy) and spans, as Prodigy's ner_manual",
    "w3c": "a W3C Web Annotation AnnotationCollection (JSON-LD) carrying the text",
}
IMPORT_HELP = {
    "brat": "FILE is the .ann (or the .txt) of a document; the other one, and visual.conf "
            "for label colours, are read from beside it",
    "doccano": "doccano JSONL: text with label [[start, end, label], ...] or entities",
    "prodigy": "Prodigy JSONL tasks with text and spans (tokens are checked)",
    "w3c": "a W3C Web Annotation collection, page, list or annotation (JSON or JSON-LD)",
}
EXPORT_EPILOG = """\
formats:
{formats}

output:
  csv, xlsx, html, doccano, prodigy and w3c write one file, PATH (or NAME.EXT in PATH
  when PATH is a folder). brat writes four files: with a PATH ending in .ann, NAME.txt,
  NAME.ann, annotation.conf and visual.conf go beside it (NAME: its stem); any other
  PATH is the folder they go in (made when missing), NAME the session file's name.
  Files are replaced atomically; the session itself, and the article file it was
  read from, are never replaced.

figures:
  csv, xlsx, html and brat (its Figure notes) hold the figures table as the window
  shows it: the article is analysed again for the figures' subjects (a few seconds
  for a long article). Exports hold the visible highlights (not rejected suggestions).

offsets:
  every offset written counts characters (Unicode code points) of the article text,
  as the session stores them: an emoji is one, e + a combining accent two, a CRLF two.
  brat is the exception its format requires: its offsets count a CRLF as one.
"""
IMPORT_EPILOG = """\
formats:
{formats}

the session:
  the text becomes the article, each annotation a highlight made by hand (accepted)
  with its note; labels the default set lacks become custom labels. The figures are
  derived from the highlights when the session is opened, as for any session.
  Warnings (annotations repaired or left out) go to stderr; a malformed file is
  refused with its line and field named, and nothing is written.

offsets:
  offsets are read as characters (Unicode code points) of the text, except brat's,
  which count a CRLF as one character, as brat does.
"""


def _format_list(descriptions: dict[str, str]) -> str:
    import textwrap

    lines = []
    for name, text in descriptions.items():
        wrapped = textwrap.wrap(text, 66)
        lines.append(f"  {name:<9} {wrapped[0]}")
        lines += [f"  {'':<9} {more}" for more in wrapped[1:]]
    return "\n".join(lines)


def export_command(argv: Sequence[str]) -> int:
    """``article-lens export SESSION.alens --format F --output PATH``."""
    from desktop.model.exports import EXPORT_FORMATS

    parser = argparse.ArgumentParser(
        prog="article-lens export",
        description="Export a saved session to a spreadsheet, a report or an annotation format (no window).",
        epilog=EXPORT_EPILOG.format(formats=_format_list(EXPORT_HELP)),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("session", metavar="SESSION.alens", help="the session file to export")
    parser.add_argument("--format", "-f", required=True, choices=tuple(EXPORT_FORMATS), metavar="FORMAT",
                        help="one of: " + ", ".join(EXPORT_FORMATS) + " (see formats below)")
    parser.add_argument("--output", "-o", required=True, metavar="PATH",
                        help="the file to write (for brat: a folder, or NAME.ann; see output below)")
    options = parser.parse_args(argv)

    from desktop.formats.errors import FileFormatError
    from desktop.formats.session_file import load_session
    from desktop.model.export_targets import export_target, overwrite_problem, write_files
    from desktop.model.exports import NEEDS_FIGURES, export_session, figures_for_export

    source = Path(options.session)
    try:
        loaded = load_session(source)
    except FileFormatError as error:
        return _fail(str(error))
    for warning in loaded.warnings:
        _say(f"warning: {warning}")
    session = loaded.session
    target = export_target(options.format, options.output, source.stem)
    protected = {"the session being exported": source, "the article the session was read from":
                 session.article.source if session.article.source and Path(session.article.source).is_file() else None}
    if problem := overwrite_problem(target.planned_names(), protected):
        return _fail(problem)
    if target.file is None and not target.folder.parent.is_dir():
        return _fail(f"cannot make the folder {target.folder}: {target.folder.parent} does not exist.", 1)
    figures = figures_for_export(session, analyse=True) if options.format in NEEDS_FIGURES else None
    files = export_session(session, options.format, figures, target.name)
    try:
        written = write_files(target.paths(files), make_folder=target.file is None)
    except OSError as error:
        return _fail(f"could not write {error.filename or options.output}: {error.strerror or error}.", 1)
    for path in written:
        print(path)
    return 0


def import_command(argv: Sequence[str]) -> int:
    """``article-lens import FILE --format F --output SESSION.alens [--text TEXT]``."""
    from desktop.model.exports import IMPORT_FORMATS

    parser = argparse.ArgumentParser(
        prog="article-lens import",
        description="Make a session from an annotation file (no window).",
        epilog=IMPORT_EPILOG.format(formats=_format_list(IMPORT_HELP)),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", metavar="FILE", help="the annotation file to read")
    parser.add_argument("--format", "-f", required=True, choices=IMPORT_FORMATS, metavar="FORMAT",
                        help="one of: " + ", ".join(IMPORT_FORMATS) + " (see formats below)")
    parser.add_argument("--output", "-o", required=True, metavar="SESSION.alens",
                        help="the session file to write (ending in .alens)")
    parser.add_argument("--text", metavar="TEXTFILE",
                        help="w3c only: the annotated text (UTF-8), for a collection that does not "
                             "carry it (Article Lens's own exports do)")
    options = parser.parse_args(argv)
    if options.text and options.format != "w3c":
        return _fail(f"--text is for w3c: a {options.format} file carries its text.")

    from desktop.formats.errors import FileFormatError
    from desktop.formats.session_file import SESSION_SUFFIX, SessionFileError, save_session
    from desktop.model.export_targets import overwrite_problem
    from desktop.model.exports import import_annotations

    output = Path(options.output)
    if output.suffix.lower() != SESSION_SUFFIX:
        return _fail(f"--output {output}: a session's file name ends in {SESSION_SUFFIX}.")
    inputs = {"the file being imported": options.file, "the text being imported": options.text}
    if options.format == "brat":
        inputs.update({"the brat document's text": Path(options.file).with_suffix(".txt"),
                       "the brat document's annotations": Path(options.file).with_suffix(".ann")})
    if problem := overwrite_problem([output], inputs):
        return _fail(problem.replace("an export", "an import"))
    try:
        imported = import_annotations(options.format, options.file, options.text)
    except FileFormatError as error:
        name = Path(options.file).name
        return _fail(str(error) if name in str(error) else f"{name}: {error}")
    for warning in imported.warnings:
        _say(f"warning: {warning}")
    try:
        save_session(imported.session, output)
    except SessionFileError as error:
        return _fail(str(error), 1)
    custom = len(imported.session.labels) - _default_label_count()
    print(f"{output}: {len(imported.session.highlights)} highlights"
          + (f", {custom} new labels" if custom else "") + f", {len(imported.session.article.text)} characters")
    return 0


def _default_label_count() -> int:
    from desktop.core.labels import default_labels

    return len(default_labels())


def _say(message: str) -> None:
    if sys.stderr is not None:
        print(f"article-lens: {' '.join(message.split())}", file=sys.stderr)


def _fail(message: str, status: int = 2) -> int:
    _say(message)
    return status
