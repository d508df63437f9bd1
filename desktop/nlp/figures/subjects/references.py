"""Whom "it", "its" and "the firm" stand for: a name of the sentence, else the
last name an earlier sentence of the paragraph gave as a subject, else the article's
first name."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.nlp.figures.subjects.names import (
    PRONOUNS,
    capitalised_words,
    is_name,
    name_opening,
    name_text,
    sentence_names,
    stands_in,
)
from desktop.nlp.figures.subjects.tokens import _named
from desktop.nlp.figures.subjects.words import _NAME_TAGS, _NOUN_TAGS, _PLACE_NOUNS, _SUBJECT_DEPS


class _Known:
    """The words a text capitalises inside sentences (:func:`capitalised_words`),
    found on the first question."""

    __slots__ = ("text", "_words")

    def __init__(self, text: str) -> None:
        self.text, self._words = text, None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = capitalised_words(self.text)
        return word in self._words


class _Paragraph:
    """The parsed sentences of a paragraph before the current one, and the names
    they give as subjects (read on the first question)."""

    __slots__ = ("known", "docs", "before", "_names", "_main", "_read", "_words")

    def __init__(self, text: str, known: _Known | None = None) -> None:
        self.known = known if known is not None else _Known(text)
        self.docs: list = []
        self.before = ""  # the sentence before the current one, in this paragraph
        self._names: list[str] = []
        self._main: list[str] = []
        self._read = 0
        self._words: frozenset[str] | None = None

    def names(self, main: bool = False) -> list[str]:
        """The names given as subjects, in order; with ``main``, only the subjects
        of main verbs."""
        if self._read < len(self.docs):
            for doc in self.docs[self._read:]:
                for _, name, of_main in sentence_names(doc, self.known):
                    self._names.append(name)
                    if of_main:
                        self._main.append(name)
            self._read, self._words = len(self.docs), None
        return self._main if main else self._names

    def words(self) -> frozenset[str]:
        names = self.names()
        if self._words is None:
            self._words = frozenset(word for name in names for word in name.split())
        return self._words


class _Names:
    """What tokens of one sentence name: a name itself, or for "it", "its" and "the
    firm" the subject before it in the sentence when that is a name (or stands for
    one), else the last name an earlier sentence of the ``paragraph`` gave as a
    subject, else the article's first name (``article``)."""

    __slots__ = ("doc", "paragraph", "article")

    def __init__(self, doc, paragraph: _Paragraph, article: Sequence[str]) -> None:
        self.doc, self.paragraph, self.article = doc, paragraph, article

    def is_name(self, token) -> bool:
        if is_name(token, self.paragraph.known):
            return True
        # "Tailspin runs 17 ferries" after "Tailspin Lines" was a subject
        return token.i == 0 and token.tag_ in _NOUN_TAGS and token.text[:1].isupper() \
            and token.text in self.paragraph.words()

    @property
    def country(self) -> str:
        return getattr(self.article, "country", "")

    @property
    def commodity(self) -> str:
        return getattr(self.article, "commodity", "")

    def headline_owner(self, noun: str) -> str:
        """The name the headline gives ``noun`` ("Bush" for "budget" under "Bush budget
        seeks cuts"), "" when it gives none."""
        stem = noun.removesuffix("s")
        return next((name for owned, name in getattr(self.article, "owners", ())
                     if owned.removesuffix("s") == stem), "")

    def default_owner(self) -> str:
        """Whose a measure the sentence gives no owner is: the last name an earlier
        sentence of the paragraph gave as the subject of its main verb, else the
        article's first name."""
        names = self.paragraph.names(main=True)
        if names:
            return names[-1]
        return self.article[0] if self.article else ""

    def __call__(self, token, depth: int = 0) -> str:
        if self.is_name(token):
            return name_text(token)
        lower = token.lower_
        if lower in ("his", "her"):  # "Ms Ruiz has seen her fortune shrink": the person before
            person = next((t for t in reversed(self.doc[:token.i]) if t.dep_ in _SUBJECT_DEPS), None)
            return name_text(person) if person is not None and person.tag_ in _NAME_TAGS else ""
        if depth > 2 or not stands_in(token) or token.lower_ in _PLACE_NOUNS:
            return ""
        for subject in reversed([t for t in self.doc[:token.i] if t.dep_ in _SUBJECT_DEPS]):
            named = _named(subject)
            if self.is_name(named):
                return name_text(named)
            owner = next((c for c in subject.lefts if c.dep_ in ("poss", "compound") and self.is_name(c)), None)
            if owner is not None and any(c.lower_ in ("former", "ex") for c in subject.lefts):
                continue  # "the former Acme chairman ... the club": no longer Acme's
            if owner is None:  # "Jo Bloggs, Acme's chief executive, said the firm ..."
                owner = next((p for c in subject.children if c.dep_ == "appos"
                              for p in c.children if p.dep_ == "poss" and self.is_name(p)), None)
            if owner is None:  # "shares in Acme fell after the firm said ..."
                owner = next((o for c in subject.rights if c.dep_ == "prep" and c.lower_ in ("in", "at", "of")
                              for o in c.children if o.dep_ == "pobj" and self.is_name(o)), None)
            if owner is not None:
                return name_text(owner)  # "Ruritania's deficit ... its shortfall"
            if stands_in(subject):
                return self(subject, depth + 1)
            if subject.lower_ in _PLACE_NOUNS:
                return ""  # "the country ... its economy": no company of the paragraph's
            if subject.tag_ == "NN" and subject.lower_ not in PRONOUNS:
                return ""  # "the panel ... its forecast": no company of the paragraph's
        opening = name_opening(self.paragraph.before)
        if opening:
            return opening  # "Tandem is to restate its accounts. It has offered to pay ..."
        names = self.paragraph.names()
        if names:
            return names[-1]
        return self.article[0] if self.article else ""
