"""An imported article's format and metadata travel in the session file: optional
article fields, written only when not empty, checked on load; older files (without
them) load as before, and a plain-text article's session is unchanged."""

from __future__ import annotations

import json

import pytest

from desktop.core.article import Article
from desktop.core.session import Session
from desktop.formats.session_file import SessionFileError, session_from_bytes, session_to_bytes

TEXT = "Harlow Foods profit rises 12%\n\nPre-tax profit rose 12% to £318m this year."
IMPORTED = Article(TEXT, title="Harlow Foods profit rises 12%", source="https://ledger.example/harlow",
                   format="html", author="Priya Chandran", date="2024-03-07", site="The Northgate Ledger",
                   url="https://ledger.example/business/2024/harlow")


def _document(article: Article) -> dict:
    return json.loads(session_to_bytes(Session(article), {}))


def test_the_metadata_is_saved_and_read_back():
    loaded = session_from_bytes(session_to_bytes(Session(IMPORTED), {})).session.article
    assert loaded == IMPORTED
    assert loaded.year == 2024
    assert _document(IMPORTED)["article"] | {"text": "", "sha256": ""} == {
        "text": "", "sha256": "", "title": IMPORTED.title, "source": IMPORTED.source, "encoding": "",
        "format": "html", "author": "Priya Chandran", "date": "2024-03-07",
        "site": "The Northgate Ledger", "url": "https://ledger.example/business/2024/harlow"}


def test_a_plain_text_article_writes_no_new_field():
    article = Article("Sales rose 4%.", source="/tmp/a.txt", encoding="utf-8")
    assert set(_document(article)["article"]) == {"text", "sha256", "title", "source", "encoding"}


def test_only_the_fields_given_are_written():
    article = Article(TEXT, format="pdf", date="2005-02-10")
    record = _document(article)["article"]
    assert (record["format"], record["date"]) == ("pdf", "2005-02-10")
    assert "author" not in record and "site" not in record and "url" not in record


def test_a_session_without_the_fields_loads_as_before():
    document = _document(IMPORTED)
    for name in ("format", "author", "date", "site", "url"):
        del document["article"][name]
    document.pop("checksum")
    article = session_from_bytes(json.dumps(document).encode()).session.article
    assert (article.format, article.author, article.date, article.site, article.url) == ("", "", "", "", "")
    assert article.year is None


@pytest.mark.parametrize(("field", "value", "message"), [
    ("date", "07/03/2024", r'article.date: "07/03/2024" is not a date like "2024-06-22"'),
    ("date", "2024-02-30", r'article.date: "2024-02-30" is not a date'),
    ("date", 2024, "article.date: should be text, not the number 2024"),
    ("author", ["A", "B"], "article.author: should be text"),
    ("format", None, "article.format: should be text"),
])
def test_wrong_values_are_refused_naming_the_field(field, value, message):
    document = _document(IMPORTED)
    document["article"][field] = value
    document.pop("checksum")
    with pytest.raises(SessionFileError, match=message):
        session_from_bytes(json.dumps(document).encode())


def test_a_format_a_newer_version_may_add_is_kept():
    document = _document(IMPORTED)
    document["article"]["format"] = "epub"
    document["article"]["pages"] = 12  # an unknown field: kept as it is
    document.pop("checksum")
    loaded = session_from_bytes(json.dumps(document).encode()).session
    assert loaded.article.format == "epub"
    again = json.loads(session_to_bytes(loaded, {}))["article"]
    assert (again["format"], again["pages"]) == ("epub", 12)


def test_older_versions_keep_the_fields_as_unknown_ones():
    """A version without these fields keeps them in Session.extra and writes them back:
    what the loader of such a version does with fields it does not know."""
    from desktop.formats import session_v1

    document = _document(IMPORTED)
    known = session_v1.ARTICLE_FIELDS
    assert {name: value for name, value in document["article"].items() if name not in known} == {
        "format": "html", "author": "Priya Chandran", "date": "2024-03-07",
        "site": "The Northgate Ledger", "url": "https://ledger.example/business/2024/harlow"}
    assert document["version"] == 1  # added without a new version: older versions keep them
