"""Texts with emoji, CJK, right-to-left script, combining accents and CRLF, and
highlights on them that nest, overlap and cross line breaks, with notes and labels
the default set lacks: for the export and import tests (formats, command line, window)."""

from __future__ import annotations

import re

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session

TEXTS = {
    "emoji": "Profits 📈 rose 12% 😀 to $3.4bn at Zoë's 👩‍👩‍👧 firm.\nShares fell 🎉 3%.",
    "cjk": "北京市の売上高は3億円に増加した。\n上海 revenue rose 5% 在2023年。",
    "rtl": "قالت الشركة إن الأرباح ارتفعت 12%.\nשלום עולם, said Acme Corp in Tel Aviv.",
    "combining": "Cafe\u0301 owners in Zu\u0308rich paid CHF 1.2m; the n\u0303 count rose.\nAn\u0303o 2023.",
    "crlf": "Oslo, May 4 -\r\nVantor Shipping cut 300 jobs.\r\n\r\nRevenue rose 4% to $9bn.\r\nEnd\rline.",
}


def tricky_highlights(text: str) -> list[Highlight]:
    """Every word, then spans that nest, overlap and cross line breaks, with notes
    and labels of every kind."""
    words = [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]
    labels = ["ORG", "MONEY", "MY LABEL", "PERSON", "Ünïcode-Label", "GPE"]
    highlights = [Highlight(s, e, labels[i % len(labels)], note=("checked ✅" if i % 5 == 0 else ""))
                  for i, (s, e) in enumerate(words)]
    highlights.append(Highlight(words[0][0], words[3][1], "LOC", note="a note\non two lines 🧐"))
    highlights.append(Highlight(words[1][0], words[2][1], "LOC"))  # nested
    highlights.append(Highlight(words[2][0], words[5][1], "EVENT"))  # overlapping
    line = text.find("\n")
    highlights.append(Highlight(max(0, line - 3), min(len(text), line + 4), "NORP", note="crosses a line"))
    highlights.append(Highlight(words[-2][0], len(text), "DATE"))
    highlights.append(Highlight(words[4][0], words[4][1], "ORG", status="rejected"))
    highlights.append(Highlight(words[6][0], words[7][1], "ORG", status="accepted", origin="manual"))
    return highlights


def visible_spans(session: Session) -> list[tuple[int, int, str, str]]:
    """The visible highlights as (start, end, label, note), sorted."""
    return sorted((h.start, h.end, h.label, h.note) for h in session.highlights if h.visible)



def tricky_session(kind: str) -> Session:
    """A session on ``TEXTS[kind]`` with its tricky highlights."""
    text = TEXTS[kind]
    return Session(Article(text, title=f"{kind} article"), HighlightSet(tricky_highlights(text)))
