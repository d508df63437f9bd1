"""Telling an annotation file's format from its name and first record."""

from __future__ import annotations

import pytest

from desktop.formats.annotations.brat import export_brat
from desktop.formats.annotations.doccano import export_doccano
from desktop.formats.annotations.prodigy import export_prodigy
from desktop.formats.annotations.sniff import guess_format
from desktop.formats.annotations.w3c import export_w3c


@pytest.mark.parametrize("fmt", ["brat", "doccano", "doccano-entities", "prodigy", "w3c"])
def test_each_export_is_told_apart(tricky_session, tmp_path, fmt):
    if fmt == "brat":
        for name, data in export_brat(tricky_session, name="doc").items():
            (tmp_path / name).write_bytes(data)
        assert guess_format(tmp_path / "doc.ann") == guess_format(tmp_path / "doc.txt") == "brat"
        return
    data = {"doccano": lambda s: export_doccano(s), "doccano-entities": lambda s: export_doccano(s, "entities"),
            "prodigy": export_prodigy, "w3c": export_w3c}[fmt](tricky_session)
    (tmp_path / "file.json").write_bytes(data)
    assert guess_format(tmp_path / "file.json") == fmt.split("-")[0]


def test_files_of_no_known_format(tmp_path):
    for name, data in (("a.jsonl", b'{"name": 1}\n'), ("b.json", b"[1, 2]"), ("c.txt", b"plain text"),
                       ("d.jsonl", b"\xff\xfe not utf-8")):
        (tmp_path / name).write_bytes(data)
        assert guess_format(tmp_path / name) is None
    assert guess_format(tmp_path / "missing.jsonl") is None
    (tmp_path / "list.json").write_bytes(b'[{"type": "Annotation", "target": "x"}]')
    assert guess_format(tmp_path / "list.json") == "w3c"
