"""Time every export and import of a large session: a 1 MB article with 30,000
highlights (built as in benchmarks/session_io.py). Target: each at most 1 s.

Every highlight is made visible, so all 30,000 are exported. The figures table is made once beforehand (as the window has it); the spaCy
tokenizer Prodigy's export needs is loaded once before timing and its load time
printed apart. Prints the median of several runs, and the CPU.

    python benchmarks/exports.py [--runs 3] [--chars 1000000] [--highlights 30000]
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from session_io import big_session, median_seconds  # noqa: E402

from benchmarks.machine import cpu_name  # noqa: E402
from desktop.formats.annotations.brat import export_brat, import_brat  # noqa: E402
from desktop.formats.annotations.doccano import export_doccano, import_doccano  # noqa: E402
from desktop.formats.annotations.prodigy import export_prodigy, import_prodigy  # noqa: E402
from desktop.formats.annotations.prodigy_tokens import tokenizer  # noqa: E402
from desktop.formats.annotations.w3c import export_w3c, import_w3c  # noqa: E402
from desktop.formats.figures_sheet import export_csv, export_xlsx  # noqa: E402
from desktop.formats.report_html import export_html  # noqa: E402
from desktop.model.exports import report_charts  # noqa: E402
from desktop.nlp.figures.table.session import session_figures  # noqa: E402

TARGET_SECONDS = 1.0



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--highlights", type=int, default=30_000)
    options = parser.parse_args()

    session = big_session(options.chars, options.highlights)
    for h in [h for h in session.highlights if not h.visible]:  # export every one: the worst case
        session.highlights.replace(replace(h, status="accepted"))
    started = time.perf_counter()
    figures = session_figures(session)
    figures_seconds = time.perf_counter() - started
    started = time.perf_counter()
    tokenizer()
    load_seconds = time.perf_counter() - started
    charts = report_charts(figures, session)
    brat = export_brat(session, figures)
    exported = {"doccano": export_doccano(session), "prodigy": export_prodigy(session), "w3c": export_w3c(session)}
    cases: list[tuple[str, Callable[[], object] | None, Callable[[], object] | None, int]] = [
        ("csv", lambda: export_csv(figures), None, len(export_csv(figures))),
        ("xlsx", lambda: export_xlsx(session, figures), None, len(export_xlsx(session, figures))),
        ("html", lambda: export_html(session, figures, report_charts(figures, session)), None,
         len(export_html(session, figures, charts))),
        ("brat", lambda: export_brat(session, figures),
         lambda: import_brat(brat["article.txt"], brat["article.ann"], brat["visual.conf"]),
         sum(map(len, brat.values()))),
        ("doccano", lambda: export_doccano(session), lambda: import_doccano(exported["doccano"]),
         len(exported["doccano"])),
        ("prodigy", lambda: export_prodigy(session), lambda: import_prodigy(exported["prodigy"]),
         len(exported["prodigy"])),
        ("w3c", lambda: export_w3c(session), lambda: import_w3c(exported["w3c"]), len(exported["w3c"])),
    ]
    visible = sum(1 for h in session.highlights if h.visible)
    print(f"CPU: {cpu_name()}; Python {platform.python_version()}")
    print(f"session: {len(session.article.text):,} characters, {visible:,} highlights exported, "
          f"{len(figures):,} figures "
          f"(figures table made in {figures_seconds:.2f} s; spaCy tokenizer loaded in {load_seconds:.2f} s)")
    print(f"median of {options.runs} runs, target {TARGET_SECONDS:.1f} s each\n")
    print(f"{'format':<9}{'export s':>10}{'import s':>10}{'size MB':>9}  verdict")
    slow = False
    for name, export, read, size in cases:
        export_s = median_seconds(export, options.runs)
        import_s = median_seconds(read, options.runs) if read else None
        worst = max(export_s, import_s or 0.0)
        slow |= worst > TARGET_SECONDS
        shown = f"{import_s:10.3f}" if import_s is not None else f"{'—':>10}"
        print(f"{name:<9}{export_s:10.3f}{shown}{size / 1e6:9.1f}  {'ok' if worst <= TARGET_SECONDS else 'SLOW'}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
