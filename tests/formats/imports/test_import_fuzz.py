"""Bad input to the converters ends in the formats' error, never in another exception,
and nothing is written anywhere (so never next to the source file)."""

import random

import pytest
from import_samples import ARTICLES, PdfStyle, render_docx, render_page, render_pdf

from desktop.formats.docx_text import docx_to_text
from desktop.formats.html_text import html_to_text
from desktop.formats.imported_text import DocumentError
from desktop.formats.pdf_text import pdf_to_text

CONVERTERS = {"html": html_to_text, "pdf": pdf_to_text, "docx": docx_to_text}
GOOD = {
    "html": render_page(ARTICLES[2], "ticker"),
    "pdf": render_pdf(ARTICLES[:2], PdfStyle(columns=2, continuous=True)),
    "docx": render_docx(ARTICLES[3], table=[["a", "1%"], ["b", "2%"]]),
}


def _damaged(data: bytes, seed: int) -> list[bytes]:
    """Truncations, random bytes, flipped bytes and shuffled blocks of ``data``."""
    rng = random.Random(seed)
    cases = [data[:cut] for cut in (1, 10, 100, len(data) // 3, len(data) // 2, len(data) - 1)]
    cases += [rng.randbytes(size) for size in (1, 64, 4096)]
    for _ in range(12):
        flipped = bytearray(data)
        for _ in range(rng.choice((1, 10, 200))):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        cases.append(bytes(flipped))
    blocks = [data[i:i + 512] for i in range(0, len(data), 512)]
    rng.shuffle(blocks)
    cases.append(b"".join(blocks))
    return cases


@pytest.mark.parametrize("kind", CONVERTERS)
def test_only_the_formats_error(kind, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    convert = CONVERTERS[kind]
    outcomes = {"read": 0, "refused": 0}
    for data in [b"", *_damaged(GOOD[kind], seed=len(kind)), *(GOOD[other] for other in GOOD if other != kind)]:
        try:
            imported = convert(data, name="input")
        except DocumentError as error:
            assert "input" in str(error)
            outcomes["refused"] += 1
        else:
            assert isinstance(imported.text, str) and imported.text
            outcomes["read"] += 1
    assert outcomes["refused"] >= 8
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", CONVERTERS)
def test_reading_writes_nothing(kind, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = tmp_path / f"article.{kind}"
    source.write_bytes(GOOD[kind])
    CONVERTERS[kind](source.read_bytes(), name=source.name)
    assert [path.name for path in tmp_path.iterdir()] == [source.name]
