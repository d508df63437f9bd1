"""Article extraction from web pages by trafilatura (as html_text uses it, and in its fast
mode), readability-lxml and jusText, on the invented articles in four page layouts: recall
of the article's sentences, boilerplate strings leaked into the text, time per page and for
a 1 MB page. readability-lxml and jusText are not app dependencies: each is left out
when it is not installed.

Usage: python benchmarks/html_extractors.py
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from benchmarks.import_articles import ARTICLES  # noqa: E402
from benchmarks.import_pages import BOILERPLATE, LAYOUTS, render_page  # noqa: E402
from benchmarks.news_figures import cpu_name  # noqa: E402

_SENTENCE_END = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])")


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def sentences(paragraphs) -> list[str]:
    return [_norm(s) for p in paragraphs for s in _SENTENCE_END.split(p) if s.strip()]


def _trafilatura(fast: bool) -> Callable[[bytes], str]:
    from desktop.formats.html_text import html_to_text

    if not fast:
        return lambda page: html_to_text(page).text
    import trafilatura

    return lambda page: trafilatura.extract(page, fast=True, include_comments=False) or ""


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
    extractors = {"trafilatura": _trafilatura(False), "trafilatura fast": _trafilatura(True),
                  "readability-lxml": _readability(), "jusText": _justext()}
    extractors = {name: run for name, run in extractors.items() if run is not None}
    pages = [(article, render_page(article, layout)) for article in ARTICLES for layout in LAYOUTS]
    big = render_page(ARTICLES[0], "news", padding_bytes=830_000)
    print(f"CPU: {cpu_name()}")
    print(f"{len(pages)} pages ({len(ARTICLES)} articles x {len(LAYOUTS)} layouts), 1 MB page: {len(big) / 1e6:.2f} MB")
    print(f"{'extractor':<18}{'recall':>8}{'leaked':>8}{'ms/page':>9}{'1 MB (s)':>10}")
    for name, run in extractors.items():
        run(pages[0][1])  # warm-up: imports
        found = total = leaked = 0
        times = []
        for article, page in pages:
            started = time.perf_counter()
            text = _norm(run(page))
            times.append(time.perf_counter() - started)
            wanted = sentences((article.title, *article.paragraphs))
            found += sum(s in text for s in wanted)
            total += len(wanted)
            leaked += sum(_norm(b) in text for b in BOILERPLATE)
        started = time.perf_counter()
        run(big)
        big_s = time.perf_counter() - started
        print(f"{name:<18}{found / total:>8.3f}{leaked:>8}{statistics.mean(times) * 1000:>9.1f}{big_s:>10.2f}")


if __name__ == "__main__":
    main()
