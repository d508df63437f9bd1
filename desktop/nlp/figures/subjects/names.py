"""Names that own what a figure measures: the company, country or body a sentence
names ("Norvik's profits", "Globex net income", "Acme said sales rose 2%"), and what
"it", "its" or "the firm" stand for.

Read from the dependency parse (no entity recogniser: it is not run on the parsed
sentences); a name is a proper noun, or a capitalised noun inside a sentence. People
("Mr Smith", "analyst Lee Park", "Dana Ruiz, Norvik's chief executive") own
nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

from desktop.nlp.figures.subjects.article import (
    article_abbreviations,
    article_commodity,
    article_country,
    headline_owners,
)
from desktop.nlp.figures.subjects.body import longer_title, most_named

#: Nouns that, after "the", stand for a company or body the text has named ("the firm").
STAND_IN_NOUNS = frozenset(
    "firm company group airline carrier bank giant business club country nation government"
    " retailer chain operator insurer lender maker manufacturer producer corporation"
    " conglomerate studio broadcaster network supermarket miner brewer exchange agency"
    " institution organisation organization regulator".split())
#: Pronouns that stand for a company or body ("it expects", "its profits").
STAND_IN_PRONOUNS = frozenset({"it", "its"})
#: Words that are never a subject on their own, whatever they point to.
PRONOUNS = frozenset(
    "it its they them their theirs he him his she her hers we us our you your i me my"
    " itself themselves himself herself this that these those which who whom whose what"
    " one ones".split())
#: A title before a name, or a role after it, makes the name a person's.
_PERSON_WORDS = frozenset(
    "mr mrs ms miss dr sir lord lady dame prof professor president chairman chairwoman chair"
    " chief executive analyst economist spokesman spokeswoman spokesperson minister secretary"
    " director boss head founder manager governor commissioner chancellor senator"
    " king queen prince princess officer".split())
_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday christmas easter gmt bst"
    " i analysts economists experts officials traders investors dealers observers".split())
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_INSIDE_CAPITAL = re.compile(r"(?<=[a-z,] )[A-Z][\w&-]*")


def is_name(token, known: Container[str] = frozenset()) -> bool:
    """A proper noun, or a capitalised noun after a sentence's first word or one
    the text capitalises inside sentences (``known``, see :func:`capitalised_words`),
    that is no month, day or person."""
    text = token.text
    if not text[:1].isupper() or token.lower_ in _NOT_NAMES:
        return False
    if token.tag_ not in _NAME_TAGS and not (
            token.tag_ in _NOUN_TAGS and (_capitalised_inside(token) or text in known)):
        return False
    return not is_person(token)


def capitalised_words(text: str) -> frozenset[str]:
    """The words ``text`` capitalises after a lower-case word or a comma: names, and
    not the capital of a sentence's first word."""
    return frozenset(_INSIDE_CAPITAL.findall(text))


def _capitalised_inside(token) -> bool:
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.text not in ('"', "“", "'", "‘", "(", "-", ":", "—", "–")


def is_person(token) -> bool:
    """A name with a title or a role: "Mr Smith", "analyst Lee Park", "Dana
    Ruiz, Norvik's chief executive"."""
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.lower_ in _PERSON_WORDS:
            return True
        if child.dep_ == "appos" and any(t.lower_ in _PERSON_WORDS for t in child.subtree):
            return True
    if token.dep_ == "compound" and token.head.tag_ in _NAME_TAGS:
        return is_person(token.head)
    head = token.head
    return token.dep_ == "appos" and head.lower_ in _PERSON_WORDS


def name_text(token) -> str:
    """The whole name ``token`` ends: "Tailspin Lines", "Globex Bank"; in "Toy giant
    Acme" it is "Acme"."""
    doc = token.doc
    first = token.i
    while first > 0:
        before = doc[first - 1]
        if not (first - 1 < before.head.i <= token.i) or not before.text[:1].isupper() \
                or before.dep_ not in ("compound", "amod", "nmod") or before.lower_ in _PERSON_WORDS:
            break
        first -= 1
    return doc[first:token.i + 1].text


def sentence_names(doc, known: Container[str] = frozenset()) -> list[tuple[int, str, bool]]:
    """The names a parsed sentence gives as the subject of a verb, or as the owner
    of one ("Norvik's profits were ...", "Tailspin shares slid"), in order: each name's
    token index, its text, and whether it is itself the subject of the sentence's
    main verb ("Acme said ...", not "EU exports rose" nor "..., with Acme falling")."""
    names = []
    for token in doc:
        if not is_name(token, known):
            continue
        dep = token.dep_
        if dep == "compound" and token.head.tag_ in _NAME_TAGS:
            continue  # "Tailspin" of "Tailspin Lines"
        if dep in _SUBJECT_DEPS or (dep in ("poss", "compound") and token.head.dep_ in _SUBJECT_DEPS):
            names.append((token.i, name_text(token), dep in _SUBJECT_DEPS and token.head.dep_ == "ROOT"))
    return names


def stands_in(token) -> bool:
    """True for "it", "its" and "the firm": words standing for a company or body."""
    lower = token.lower_
    if lower in STAND_IN_PRONOUNS:
        return True
    if lower in STAND_IN_NOUNS or lower.endswith("maker"):
        lefts = list(token.lefts)  # "the firm", "the Oslo-based company", not "Ruritania's gas firm"
        return any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in lefts) and not any(
            c.dep_ == "poss" or (c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS") and not c.text.isupper())
            for c in lefts)
    return False


_RUN = re.compile(r"(?:[A-Z]|[a-z](?=[A-Z]))[\w&.'-]*[\w&](?:[ -][A-Z][\w&.'-]*[\w&])*")
_STOP_WORDS = frozenset("a an the in on at but and however it its this that these those he she they we"
                        " mr mrs ms dr sir lord".split())


class ArticleNames(tuple):
    """The names an article is about (a tuple of str, best first), with its main
    ``country`` ("UK", "German") and the ``commodity`` whose price it follows ("oil"),
    "" when it has none, and the ``abbreviations`` it defines with their long forms
    (("OM", "Opera Mobile"),) (:mod:`desktop.nlp.figures.subjects.article`), and the
    ``person`` whose name opens its first sentence ("Dana Ruiz has bought ..."), whom
    "the 41-year-old pianist" of a later paragraph means; ``owners`` the nouns its
    headline gives an owner ((("budget", "Bush"),) for "Bush budget seeks cuts")."""

    def __new__(cls, names: Iterable[str] = (), country: str = "", commodity: str = "",
                abbreviations: tuple[tuple[str, str], ...] = (), person: str = "",
                owners: tuple[tuple[str, str], ...] = ()):
        made = super().__new__(cls, names)
        made.country, made.commodity, made.abbreviations = country, commodity, abbreviations
        made.person, made.owners = person, owners
        return made

    def __reduce__(self):
        return ArticleNames, (tuple(self), self.country, self.commodity, self.abbreviations, self.person,
                              self.owners)


def article_names(text: str, most: int = 3) -> ArticleNames:
    """The names of the companies, bodies or places an article is about, best first:
    the names its headline (its first line, when short) gives that the start of its
    body names again, the most often named first, each as the body writes it in
    full ("Return of the Pirates" for "Pirates"); when the headline names none,
    the organisation the body names most, if one stands out and the story is not
    one of politics (:mod:`desktop.nlp.figures.subjects.body`). A headline's first word counts
    only when the body capitalises it inside a sentence; names of people ("Mr
    Smith") and names with digits ("MP3") are left out. Read from capitals alone
    (no parse) in the first ARTICLE_CHARS characters, so cheap for any text."""
    country, commodity, short = article_country(text), article_commodity(text), article_abbreviations(text)
    headline, _, body = text[:ARTICLE_CHARS].partition("\n")
    if len(headline) > _MAX_HEADLINE_CHARS:
        return ArticleNames((), country, commodity, short)
    person = person_opening(body.lstrip())
    found: list[str] = []
    for match in _RUN.finditer(headline):
        words = _strip_possessive(match.group()).split()
        if match.start() == 0 and words and not re.search(
                r"(?<=[a-z,;–—-] )" + re.escape(" ".join(words)) + r"(?![\w&'-])", body):
            words.pop(0)  # "Weak yen hits Tailspin": "Weak" is only the headline's capital
        while words and (words[0].lower() in _STOP_WORDS or words[0].lower() in _NOT_NAMES):
            words.pop(0)
        name = " ".join(words)
        if name and name not in found and not any(c.isdigit() for c in name) \
                and not re.search(_TITLED + re.escape(words[-1]) + r"\b", body):
            found.append(name)
    counts = {name: len(re.findall(r"\b" + re.escape(name) + r"\b", body)) for name in found}
    best = sorted((name for name in found if counts[name]), key=lambda name: -counts[name])[:most]
    best = [longer_title(name, body) for name in best]  # "Pirates" -> "Return of the Pirates"
    if not best:
        owner = most_named(body)  # a headline naming nobody ("Grant seals deal"): the body's club
        best = [owner] if owner else []
    return ArticleNames(best, country, commodity, short, person, headline_owners(text))


#: A person's name opening a sentence: "Dana Ruiz has ...", "Mr Okafor said ...".
_PERSON_OPENING = re.compile(
    r"\s*((?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Dame) )?[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})"
    r"(?:'s?)? (?:has|had|is|was|said|says|will|would|,)")
_NOT_PEOPLE = frozenset("the a an in on at but and however this that it its last next".split())


#: A name opening a sentence as the subject of its verb: "Tandem is to ...", "Acme Bank has ...".
_NAME_OPENING = re.compile(
    r"\s*[\"“]?(?:The )?([A-Z][\w&.-]*[\w&](?: [A-Z][\w&.-]*[\w&]){0,3})"
    r" (?:is|was|has|had|will|would|said|says|also|expects|reported|posted|announced|plans|[a-z]{3,}ed)\b")


def name_opening(sentence: str) -> str:
    """The name of a company or body that opens ``sentence`` as its subject ("Tandem is to
    restate its accounts." -> "Tandem"), "" when it opens with no such name (a
    person's title, "The board", "It")."""
    match = _NAME_OPENING.match(sentence)
    if match is None:
        return ""
    name = match.group(1)
    first = name.split()[0].lower()
    if first in _NOT_PEOPLE or first in _STOP_WORDS or first in _NOT_NAMES or person_opening(sentence):
        return ""
    return name


def person_opening(sentence: str) -> str:
    """The person's name ``sentence`` opens with ("Dana Ruiz has bought the club." ->
    "Dana Ruiz"), "" when it opens with none ("The Dunmore board said ...")."""
    match = _PERSON_OPENING.match(sentence)
    if match is None or match.group(1).split()[0].lower() in _NOT_PEOPLE:
        return ""
    return match.group(1)


#: How much of an article :func:`article_names` reads: its subject is named early.
ARTICLE_CHARS = 6_000
_MAX_HEADLINE_CHARS = 150
_TITLED = r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|President|Chancellor|Prime Minister)\.? (?:[A-Z][\w-]+ )?"


def _strip_possessive(run: str) -> str:
    return run.removesuffix("'s").removesuffix("'").removesuffix("’s")
