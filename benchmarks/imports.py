"""Articles as they come: the figures ``extract_figures`` finds in each converted form of
an article (web pages with boilerplate in four layouts, DOCX, wrapped multi-page PDFs in
one or two columns) against those it finds in the article's plain text, and the time to
text of a 20-page PDF and a 1 MB web page.

Figures are matched by value and unit (as multisets). Recall: plain-text figures found in
the converted text (target ≥ 0.95 per format). Extra: figures of the converted text that
the plain text does not state, i.e. from boilerplate, headers, footers (target 0).

Usage: python benchmarks/imports.py [--texts DIR] [--repeats N]
  --texts DIR  also run on the .txt articles in DIR (headline, blank line, paragraphs
               apart by blank lines), e.g. ../shared/eval/news/texts; they are only read.
Runs offline.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from benchmarks.import_articles import ARTICLES, SampleArticle  # noqa: E402
from benchmarks.import_documents import A5, PdfStyle, render_docx, render_pdf  # noqa: E402
from benchmarks.import_pages import LAYOUTS, render_page  # noqa: E402
from benchmarks.machine import cpu_name  # noqa: E402
from desktop.formats.docx_text import docx_to_text  # noqa: E402
from desktop.formats.html_text import html_to_text  # noqa: E402
from desktop.formats.pdf_text import pdf_to_text  # noqa: E402
from desktop.nlp.figures.scanner import extract_figures  # noqa: E402

PDF_STYLES = {
    "pdf 1 col, indents": PdfStyle(columns=1, indent=True, font_size=16, page=A5),
    "pdf 2 col, justified": PdfStyle(columns=2, justify=True, font_size=14, page=A5),
    "pdf 2 col, ragged": PdfStyle(columns=2, font_size=15, page=A5),
}
#: Each form of an article: (name, render to bytes, convert to text).
FORMS: list[tuple[str, Callable[[SampleArticle], bytes], Callable[[bytes], str]]] = [
    *((f"html {layout}", lambda a, layout=layout: render_page(a, layout), lambda d: html_to_text(d).text)
      for layout in LAYOUTS),
    ("docx", render_docx, lambda d: docx_to_text(d).text),
    *((name, lambda a, style=style: render_pdf([a], style), lambda d: pdf_to_text(d).text)
      for name, style in PDF_STYLES.items()),
]


def figures(text: str) -> Counter:
    frame = extract_figures(text)
    return Counter(zip(frame["value"].round(6), frame["unit_code"]))


def compare(plain: Counter, converted: Counter) -> tuple[int, int, int]:
    """(plain-text figures, of them found, extra figures)."""
    found = sum((plain & converted).values())
    return sum(plain.values()), found, sum((converted - plain).values())


def read_texts(folder: Path) -> list[SampleArticle]:
    """Articles from .txt files: the first line is the headline, then paragraphs."""
    articles = []
    for path in sorted(folder.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
        paragraphs = tuple(" ".join(p.split()) for p in body.split("\n\n") if p.strip())
        articles.append(SampleArticle(path.stem, "News", title.strip(), "", "", paragraphs))
    return articles


def figure_table(articles: list[SampleArticle]) -> None:
    print(f"{'form':<24}{'figures':>8}{'found':>7}{'recall':>8}{'extra':>7}{'pages':>7}")
    for name, render, convert in FORMS:
        total = found = extra = pages = 0
        for article in articles:
            data = render(article)
            counts = compare(figures(article.plain_text), figures(convert(data)))
            total, found, extra = total + counts[0], found + counts[1], extra + counts[2]
            pages += data.count(b"/Type /Page\n") if name.startswith("pdf") else 0
        shown_pages = f"{pages / len(articles):.1f}" if pages else ""
        print(f"{name:<24}{total:>8}{found:>7}{found / max(total, 1):>8.3f}{extra:>7}{shown_pages:>7}")


def _seconds(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    """(first call, median of the next ``repeats``) in seconds."""
    started = time.perf_counter()
    run()
    first = time.perf_counter() - started
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return first, statistics.median(times)


def speed_table(repeats: int) -> None:
    pdf = render_pdf(ARTICLES * 12, PdfStyle(columns=2, justify=True, continuous=True, max_pages=20))
    page = render_page(ARTICLES[0], "news", padding_bytes=830_000)
    print(f"\n{'time to text':<34}{'first (s)':>10}{'median (s)':>11}{'target':>8}")
    for name, run in ((f"PDF, 20 pages, 2 columns ({len(pdf) / 1e3:.0f} kB)", lambda: pdf_to_text(pdf)),
                      (f"web page, {len(page) / 1e6:.2f} MB", lambda: html_to_text(page))):
        first, median = _seconds(run, repeats)
        print(f"{name:<34}{first:>10.2f}{median:>11.2f}{'≤ 1':>8}")
    print("(first: the first call in this process, with the import of the library)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, help="a folder of .txt articles to run as well")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"CPU: {cpu_name()}")
    extract_figures("warm-up: 5% of £3m")
    speed_table(args.repeats)
    print(f"\ninvented articles ({len(ARTICLES)}, benchmarks/import_articles.py)")
    figure_table(list(ARTICLES))
    if args.texts:
        articles = read_texts(args.texts)
        print(f"\n{len(articles)} articles of {args.texts}")
        figure_table(articles)


if __name__ == "__main__":
    main()
