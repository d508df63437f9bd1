"""A web page's article: its main text without the page's boilerplate (navigation,
sidebars, related links, comments, footers, cookie notices), paragraphs kept, and its
title, author, date, site and address. trafilatura does the extraction; it is imported
only when a page is read."""

from __future__ import annotations

import re

from desktop.formats.html_decode import decode_html, looks_binary
from desktop.formats.imported_text import DocumentError, ImportedText, iso_date, tidy_paragraphs

#: Fewer words than this in lines of prose (6 words and more) is no article.
MIN_ARTICLE_WORDS = 15
#: Larger pages are refused before they are parsed (trafilatura's own limit).
MAX_PAGE_CHARS = 20_000_000
#: Consent banners and similar overlays, pruned before extraction.
_PRUNE = ("//*[contains(@id,'cookie') or contains(@class,'cookie') or contains(@class,'consent')"
          " or contains(@id,'consent') or contains(@class,'gdpr') or contains(@class,'newsletter')]")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·]\s+")


def html_to_text(data: bytes | str, *, url: str = "", name: str = "the page",
                 min_words: int = MIN_ARTICLE_WORDS) -> ImportedText:
    """The article of the page in ``data`` (bytes in any declared or detectable encoding,
    or text). ``url`` is where it came from, used when the page names no address of its
    own. DocumentError when it is not a web page or holds no article text."""
    page = decode_html(data, name) if isinstance(data, bytes) else data.lstrip("\ufeff")
    if not page.strip():
        raise DocumentError(f"{name} is empty: there is no text to read.")
    if len(page) > MAX_PAGE_CHARS:
        raise DocumentError(f"{name} is {len(page) / 1e6:.0f} million characters long: web pages "
                            f"up to {MAX_PAGE_CHARS / 1e6:.0f} million can be read.")
    if looks_binary(page):
        raise DocumentError(f"{name} looks like a binary file, not a web page.")
    document = _extract(page, url, name)
    if document is not None and _layout_table(document.body):
        document = _extract(_untabled(page), url, name) or document
    paragraphs = _blocks(document.body) if document is not None and document.body is not None else []
    if document is None or not paragraphs or _prose_words(paragraphs) < min_words:
        raise DocumentError(f"{name} has no article text that Article Lens can find "
                            "(it may be a front page, a login page or a page built by scripts).")
    text = tidy_paragraphs(paragraphs)
    title = _title(document.title or "", page, text)
    if len(title.split()) >= 3 and title not in " ".join(text[:1000].split()):
        text = f"{title}\n\n{text}"  # the headline, as the page shows it above the article
    return ImportedText(
        text=text, title=title, author=document.author or "",
        date=iso_date(document.date), site=document.sitename or "",
        url=document.url or url, format="html")


def _extract(page: str, url: str, name: str):
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            page, url=url or None, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, deduplicate=False, prune_xpath=_PRUNE)
    except (RecursionError, MemoryError):
        raise DocumentError(f"{name} is too deeply nested or too large to read as a web page.") from None
    except Exception as error:  # noqa: BLE001 - a library fault on odd markup is a bad page to the reader
        raise DocumentError(f"{name} could not be read as a web page ({type(error).__name__}).") from None


_TABLE_TAGS = re.compile(r"<(/?)(?:table|tbody|thead|tfoot|tr|td|th)\b[^>]*>", re.IGNORECASE)
_DOUBLE_BREAK = re.compile(r"(?:<br\s*/?>\s*){2,}", re.IGNORECASE)
#: A table cell with this many words is a column of a page laid out with a table.
_LAYOUT_CELL_WORDS = 40


def _layout_table(body) -> bool:
    """Whether trafilatura returned a table laid out as a page (navigation in one cell,
    the article in another) rather than a table of the article."""
    if body is None:
        return False
    return any(len("".join(cell.itertext()).split()) >= _LAYOUT_CELL_WORDS for cell in body.iter("cell"))


def _untabled(page: str) -> str:
    """The page with its tables as plain blocks and its double line breaks as paragraph
    breaks, as pages of the 2000s meant them."""
    return _DOUBLE_BREAK.sub("<p>", _TABLE_TAGS.sub(r"<\1div>", page))


def _blocks(body) -> list[str]:
    """One string per block of trafilatura's body: paragraphs and headings as they are,
    a list as one line per item ("• item"), a table as one line per row, cells apart by tabs."""
    blocks = []
    for element in body:
        if element.tag == "list":
            blocks.append("\n".join(f"• {_inline(item)}" for item in element.iter("item")))
        elif element.tag == "table":
            blocks.append("\n".join("\t".join(_inline(cell) for cell in row.iter("cell"))
                                    for row in element.iter("row")))
        else:
            blocks.append(_inline(element))
    return blocks


def _inline(element) -> str:
    for line_break in element.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    return "".join(element.itertext()).replace("\t", " ")


def _prose_words(paragraphs: list[str]) -> int:
    words = (len(line.split()) for paragraph in paragraphs for line in paragraph.splitlines())
    return sum(count for count in words if count >= 6)


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def _title(found: str, page: str, text: str) -> str:
    """trafilatura's title, unless it is the site's name or a blog's banner: then the part
    of the page's <title> that heads the article text, else its longest part."""
    match = _TITLE_TAG.search(page[:200_000])
    if not match:
        return found
    import html

    tag_title = " ".join(html.unescape(match.group(1)).split())
    parts = sorted(_TITLE_SEPARATORS.split(tag_title), key=len, reverse=True)
    if found and (found == tag_title or found == parts[0] or found not in parts and found in tag_title):
        return found
    opening = " ".join(text[:1000].split())
    for part in parts:
        if len(part.split()) >= 3 and part in opening:
            return part
    if not found or found in parts:
        return parts[0] if len(parts[0].split()) >= 2 else found or parts[0]
    return found
