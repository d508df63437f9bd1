"""Article extraction from web pages: html_to_text (trafilatura with this app's pruning,
layout-table retry and headline), trafilatura.extract alone (default and fast mode),
readability-lxml and jusText, on the invented articles in each page layout: recall of the
article's sentences, boilerplate strings leaked into the text (per layout as
recall/leaked), time per page and for a 1 MB page. readability-lxml and jusText are not
app dependencies: each is left out when it is not installed.

Usage: python benchmarks/html_extractors.py
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from benchmarks.import_articles import ARTICLES  # noqa: E402
from benchmarks.import_pages import BOILERPLATE, LAYOUTS, render_page  # noqa: E402
from benchmarks.machine import cpu_name  # noqa: E402

_SENTENCE_END = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])")


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def sentences(paragraphs) -> list[str]:
    return [_norm(s) for p in paragraphs for s in _SENTENCE_END.split(p) if s.strip()]


def _html_to_text() -> Callable[[bytes], str]:
    from desktop.formats.html_text import html_to_text

    return lambda page: html_to_text(page).text


def _trafilatura(fast: bool) -> Callable[[bytes], str]:
    import trafilatura

    return lambda page: trafilatura.extract(page, fast=fast, include_comments=False) or ""


def _readability() -> Callable[[bytes], str] | None:
    try:
        from lxml import html as lxml_html
        from readability import Document
    except ImportError:
        return None

    def run(page: bytes) -> str:
        tree = lxml_html.fromstring(Document(page).summary(html_partial=True))
        return "\n\n".join(el.text_content() for el in tree.iter("p", "h1", "h2", "h3", "li", "td"))
    return run


def _justext() -> Callable[[bytes], str] | None:
    try:
        import justext
    except ImportError:
        return None
    stoplist = justext.get_stoplist("English")
    return lambda page: "\n\n".join(p.text for p in justext.justext(page, stoplist) if not p.is_boilerplate)


def main() -> None:
    extractors = {"html_to_text": _html_to_text(), "trafilatura": _trafilatura(False),
                  "trafilatura fast": _trafilatura(True), "readability-lxml": _readability(),
                  "jusText": _justext()}
    extractors = {name: run for name, run in extractors.items() if run is not None}
    pages = [(layout, article, render_page(article, layout)) for article in ARTICLES for layout in LAYOUTS]
    big = render_page(ARTICLES[0], "news", padding_bytes=830_000)
    print(f"CPU: {cpu_name()}")
    print(f"{len(pages)} pages ({len(ARTICLES)} articles x {len(LAYOUTS)} layouts), 1 MB page: {len(big) / 1e6:.2f} MB")
    print(f"{'extractor':<18}{'recall':>7}{'leaked':>7}{'ms/page':>8}{'1 MB s':>7}  "
          + "".join(f"{layout:>11}" for layout in LAYOUTS))
    for name, run in extractors.items():
        run(pages[0][2])  # warm-up: imports
        found, total, leaked = Counter(), Counter(), Counter()
        times = []
        for layout, article, page in pages:
            started = time.perf_counter()
            text = _norm(run(page))
            times.append(time.perf_counter() - started)
            wanted = sentences((article.title, *article.paragraphs))
            found[layout] += sum(s in text for s in wanted)
            total[layout] += len(wanted)
            leaked[layout] += sum(_norm(b) in text for b in BOILERPLATE)
        started = time.perf_counter()
        run(big)
        big_s = time.perf_counter() - started
        per_layout = "".join(f"{found[layout] / total[layout]:>7.2f}/{leaked[layout]:<3}" for layout in LAYOUTS)
        print(f"{name:<18}{sum(found.values()) / sum(total.values()):>7.3f}{sum(leaked.values()):>7}"
              f"{statistics.mean(times) * 1000:>8.1f}{big_s:>7.2f}  {per_layout}")


if __name__ == "__main__":
    main()
