"""Where a corpus run's rows go: jsonl, json, csv or a folder of parquet parts, written
as documents finish, and appended to on ``--resume`` (which first reads the sha256 of
the texts already there). See :mod:`desktop.cli_corpus`."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

FRONT = ("document", "sha256")
RECORD = {"entities": "entity", "figures": "figure"}


def combined_table(result, what: str):
    """The document's rows as ``extract FILE --format csv`` prints them, with
    ``document`` and ``sha256`` in front."""
    import pandas as pd

    tables = result.tables
    frames = [table.assign(record=RECORD[name]) for name, table in tables.items()]
    combined = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    if len(frames) == 1:
        combined = combined.drop(columns="record")
    combined.insert(0, "sha256", result.sha256)
    combined.insert(0, "document", result.document)
    return combined


def json_rows(result, what: str):
    """The document's rows as objects: each one of ``extract FILE``'s JSON entities or
    figures, with ``document``, ``sha256`` (and ``record`` with --what all) in front."""
    for name, table in result.tables.items():
        head = {"document": result.document, "sha256": result.sha256}
        if what == "all":
            head["record"] = RECORD[name]
        for row in json.loads(table.to_json(orient="records")):
            yield head | row


def formatted(result, what: str, output_format: str) -> tuple[str, int, list | None]:
    """The document's rows as text for ``output_format``: (text, rows, CSV columns).
    jsonl: lines; json: the array's items, one a line, without the separators
    around them; csv: the table without its header."""
    if output_format == "csv":
        table = combined_table(result, what)
        if not len(table):
            return "", 0, None
        return table.to_csv(index=False, header=False), len(table), list(table.columns)
    rows = [json.dumps(row, ensure_ascii=False) for row in json_rows(result, what)]
    if output_format == "jsonl":
        return "".join(row + "\n" for row in rows), len(rows), None
    return ",\n".join(rows), len(rows), None


class _Writer:
    form = ""

    def rows_of(self, result) -> tuple[str, int, list | None]:
        return result.formatted or formatted(result, self.what, self.form)

    def __init__(self, path: str | None, what: str, resume: bool) -> None:
        self.path, self.what = path, what
        self.resume = resume and path is not None and os.path.exists(path)

    def done_hashes(self) -> set[str]:
        return set()

    def close(self) -> None:
        pass


class _StreamWriter(_Writer):
    """A text stream (a file or stdout), appended to on resume."""

    def __init__(self, path, what, resume) -> None:
        super().__init__(path, what, resume)
        if self.resume:
            _drop_partial_line(path)
        if path is None:
            self.stream = sys.stdout
        else:
            self.stream = open(path, "a" if self.resume else "w", encoding="utf-8", newline="")
        self.started = self.resume and os.path.getsize(path) > 0

    def emit(self, text: str) -> None:
        self.stream.write(text)  # one write per document, then flushed: a stop loses at most one
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not sys.stdout and not self.stream.closed:
            self.stream.close()
        elif self.stream is sys.stdout:
            self.stream.flush()


class JsonlWriter(_StreamWriter):
    def done_hashes(self) -> set[str]:
        if not self.resume:
            return set()
        done = set()
        with open(self.path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    done.add(json.loads(line)["sha256"])
        return done

    form = "jsonl"

    def write(self, result) -> int:
        text, count, _ = self.rows_of(result)
        self.emit(text)
        return count


class JsonWriter(_StreamWriter):
    """One JSON array, one row a line."""

    form = "json"

    def write(self, result) -> int:
        text, count, _ = self.rows_of(result)
        if count:
            self.emit(("[\n" if not self.started else ",\n") + text)
            self.started = True
        return count

    def close(self) -> None:
        if not getattr(self, "closed_array", False):
            self.closed_array = True
            self.stream.write(("[" if not self.started else "") + "\n]\n")
        super().close()


class CsvWriter(_StreamWriter):
    def __init__(self, path, what, resume) -> None:
        super().__init__(path, what, resume)
        self.header = None
        if self.started:
            with open(path, encoding="utf-8", newline="") as file:
                self.header = next(csv.reader(file))

    def done_hashes(self) -> set[str]:
        if not self.resume or not self.header:
            return set()
        at = self.header.index("sha256")
        with open(self.path, encoding="utf-8", newline="") as file:
            rows = csv.reader(file)
            next(rows)
            return {row[at] for row in rows if len(row) > at}

    form = "csv"

    def write(self, result) -> int:
        text, count, columns = self.rows_of(result)
        if not count:
            return 0
        if self.header is None:
            self.header = columns
            text = _csv_line(columns) + text
        elif columns != self.header:  # not seen: the columns depend only on --what
            rows = list(csv.reader(io.StringIO(text)))
            at = {name: i for i, name in enumerate(columns)}
            text = "".join(_csv_line([row[at[n]] if n in at else "" for n in self.header]) for row in rows)
        self.emit(text)
        return count


class ParquetWriter(_Writer):
    """A folder of part files (part-00000.parquet …), each written whole (a temporary
    file renamed), so a stopped run leaves only complete parts."""

    PART_ROWS = 50_000

    def __init__(self, path, what, resume) -> None:
        super().__init__(path, what, resume)
        self.folder = Path(path)
        if self.folder.exists() and not self.folder.is_dir():
            raise OSError(0, f"{path} is a file; parquet output is a folder of parts")
        if self.folder.exists() and not self.resume:
            for old in self.folder.glob("part-*.parquet"):
                old.unlink()
        self.folder.mkdir(parents=True, exist_ok=True)
        for stale in self.folder.glob("*.tmp"):
            stale.unlink()
        parts = sorted(self.folder.glob("part-*.parquet"))
        self.next_part = int(parts[-1].stem.split("-")[1]) + 1 if parts else 0
        self.pending, self.rows, self.schema = [], 0, None
        if parts:
            import pyarrow.parquet as pq

            self.schema = pq.read_schema(parts[0])

    def done_hashes(self) -> set[str]:
        import pyarrow.parquet as pq

        done = set()
        for part in sorted(self.folder.glob("part-*.parquet")):
            done.update(pq.read_table(part, columns=["sha256"]).column("sha256").to_pylist())
        return done

    def write(self, result) -> int:
        table = combined_table(result, self.what)
        if len(table):
            self.pending.append(table)
            self.rows += len(table)
            if self.rows >= self.PART_ROWS:
                self.flush()
        return len(table)

    def flush(self) -> None:
        if not self.pending:
            return
        import pandas as pd
        import pyarrow as pa
        import pyarrow.parquet as pq

        frame = pd.concat(self.pending, ignore_index=True)
        if self.schema is None:  # the first part's types; a column of nulls: strings
            inferred = pa.Table.from_pandas(frame, preserve_index=False).schema
            self.schema = pa.schema([pa.field(f.name, pa.string() if pa.types.is_null(f.type) else f.type)
                                     for f in inferred])
        frame = frame.reindex(columns=self.schema.names)
        for name in self.schema.names:  # a later part's values as the first part's type
            if pa.types.is_string(self.schema.field(name).type) and frame[name].dtype == object:
                frame[name] = frame[name].map(lambda v: v if v is None or isinstance(v, str)
                                              or v != v else str(v))
        table = pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False)
        part = self.folder / f"part-{self.next_part:05d}.parquet"
        temporary = part.with_suffix(".tmp")
        pq.write_table(table, temporary)
        os.replace(temporary, part)
        self.next_part += 1
        self.pending, self.rows = [], 0

    def close(self) -> None:
        self.flush()


def _csv_line(values) -> str:
    import pandas as pd

    return pd.DataFrame([values]).to_csv(index=False, header=False)


def open_writer(output_format: str, path: str | None, what: str, resume: bool):
    writer = {"jsonl": JsonlWriter, "json": JsonWriter, "csv": CsvWriter,
              "parquet": ParquetWriter}[output_format]
    return writer(path, what, resume)


def _drop_partial_line(path: str) -> None:
    """Cut what a stopped run left after the last complete line."""
    with open(path, "rb+") as file:
        file.seek(0, os.SEEK_END)
        size = file.tell()
        if not size:
            return
        file.seek(max(0, size - 1))
        if file.read(1) == b"\n":
            return
        block = 1 << 16
        end = size
        while end > 0:
            start = max(0, end - block)
            file.seek(start)
            chunk = file.read(end - start)
            at = chunk.rfind(b"\n")
            if at >= 0:
                file.truncate(start + at + 1)
                return
            end = start
        file.truncate(0)


class ErrorsFile:
    """The documents that failed, as CSV (document, error); written whole each run
    (a document that failed before is tried again on --resume)."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.file = None
        self.writer = None
        if path is not None:
            self.file = open(path, "w", encoding="utf-8", newline="")
            self.writer = csv.writer(self.file)
            self.writer.writerow(["document", "error"])

    def add(self, document: str, error: str) -> None:
        if self.writer is not None:
            self.writer.writerow([document, error])
            self.file.flush()

    def close(self) -> None:
        if self.file is not None and not self.file.closed:
            self.file.close()
