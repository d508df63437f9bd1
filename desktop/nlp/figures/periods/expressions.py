"""Period expressions written in a text ("in the fourth quarter", "the three months to
December", "a year earlier", "by 2010", "on Christmas Day"), each with its kind, how it
is introduced (a comparison base, the date of another event) and its normal form.

Only regular expressions, one pass over the text; which figure a period belongs to is
decided in :mod:`desktop.nlp.figures.periods.clauses`.

Normal forms (what the figures table shows): "2004", "Q3 2004" ("Q3" when no year is
known), "January 2005", "October to December", "three months to December 2004", "year to
March 2005", "first half of 2004", "full year", "by 2010", "since May", "1989–2003";
a relative period keeps its words ("a year earlier", "last year") unless a year resolves
it; other periods keep their words without a leading article ("next six months", "now").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.nlp.figures.periods.words import MONTH_PATTERN

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                        "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "final": 4}
COUNT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
COUNT_WORDS.update({"eighteen": 18, "twenty-four": 24, "thirty-six": 36})

# Month names only capitalised, so that "may" the verb is no month; the full stop of an
# abbreviation ("Jan.") belongs to it.
_MONTH = MONTH_PATTERN
_YEAR = r"(?<![$£€¥.,\d])(?:19|20)\d\d(?![\d,.]\d|%|\w)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?![\d%]|[.,]\d)"
_COUNT = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four|thirty-six)"
_RELATIVE_YEAR = r"(?:this|last|next)\s+year|the\s+(?:current|previous|past|coming)\s+year"
_YEARISH = rf"(?:(?:fiscal|financial)\s+(?:year\s+)?{_YEAR}|FY\s?{_YEAR}|{_YEAR}(?:\s*[-–/]\s*(?:{_YEAR}|\d\d)(?!\d))?|{_RELATIVE_YEAR})"
_OF_YEAR = rf"(?:\s+(?:of|in)\s+(?:{_YEARISH}|the\s+(?:fiscal\s+|financial\s+)?year)|\s+{_YEAR}|\s+(?:this|last|next)\s+year)"
_DATE = rf"(?:{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY}\b,?)(?:\s+{_YEAR})?|{_MONTH}(?:\s+(?:{_YEAR}|(?:this|last|next)\s+year))?"
_HOLIDAY = (r"(?:(?-i:Christmas(?:\s+(?:Day|Eve|week|weekend|period|season|quarter))?|New\s+Year(?:'s|’s)\s+(?:Day|Eve)"
            r"|Easter(?:\s+weekend)?|Thanksgiving(?:\s+weekend)?|Black\s+Friday|Good\s+Friday|Boxing\s+Day)"
            r"|the\s+(?:holiday|festive|Christmas)\s+(?:season|period))(?!\w)")
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?:spring|summer|autumn|winter)"
_SINCE_EVENT = (r"(?:attacks?|crash|collapse|election|war|invasion|merger|takeover|flotation|launch"
                r"|recession|crisis|downturn|slump|tsunami|earthquake|floods?|disaster|bombings?|strike)\b")
_EVENT_NOUN = (r"(?:launch|release|flotation|listing|debut|opening|start|beginning|founding|creation"
               r"|introduction|takeover|merger|privatisation|privatization|election)")

# One alternative per kind, longest forms first; the group name is the kind.
_PATTERNS = [
    ("null", r"since\s+(?:then|that\s+(?:date|time|day))"),
    ("since", rf"since\s+(?:(?-i:[a-z]+ing)(?:\s+(?:over|up|office|power|charge))?\s+in\s+(?:{_DATE}|{_YEAR})|(?:the\s+)?(?:{_DATE}|{_YEAR})(?:\s+(?:terror\s+|terrorist\s+)?{_SINCE_EVENT})?|(?:its|the|their|his|her)\s+(?:official\s+|initial\s+|stock\s+market\s+)?{_EVENT_NOUN}\b|{_HOLIDAY})"),
    ("by", rf"by\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:{_DATE}|{_YEARISH}|year|decade)|end-{_YEAR}|{_DATE}|{_YEAR}|{_HOLIDAY})"),
    ("onwards", rf"from\s+(?:{_DATE}|{_YEAR})\s+(?:onwards?|on)\b"),
    ("years", rf"(?:between|from)\s+{_YEAR}\s+(?:and|to)\s+{_YEAR}"),
    ("span", rf"(?:the\s+)?(?:{_COUNT})\s+months?\s+(?:to|ending|ended|through|until)\s+(?:the\s+end\s+of\s+)?(?:{_DAY}\s+)?{_MONTH}(?:\s+{_DAY}\b)?(?:,?\s+{_YEARISH})?"),
    ("year_to", rf"(?:the\s+)?(?:(?:fiscal|financial)\s+)?year\s+(?:to|ending|ended|beginning|starting|through)\s+(?:{_DAY}\s+)?{_MONTH}(?:\s+{_DAY}\b)?(?:,?\s+{_YEARISH})?"),
    ("part", rf"(?:the\s+)?(?:first|second|third|fourth|final|last|past|previous|preceding|next|coming|latest)\s+(?:{_COUNT}\s+)?(?:months|quarters|weeks|days|years|decades?)(?:{_OF_YEAR})?"
             rf"|(?:the\s+)?(?:first|second|third|fourth|final|last|past|previous|preceding|next|coming|latest)\s+{_COUNT}\s+(?:month|quarter|week|day|year)s?(?:{_OF_YEAR})?"),
    ("quarter", rf"(?:the\s+)?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)(?:\s+|-)quarter(?:{_OF_YEAR})?"
                rf"|(?-i:Q[1-4])\b(?:\s+{_YEARISH})?"),
    ("half", rf"(?:the\s+)?(?:first|second)(?:\s+|-)half(?:{_OF_YEAR})?|(?-i:H[12])\s+{_YEARISH}"),
    ("anchor", r"(?:a|one|two|three|\d)\s+(?:years?|months?|quarters?|weeks?)\s+(?:earlier|ago|before|later|previously)"
               r"|(?:the\s+)?year-(?:earlier|ago)(?:\s+(?:period|quarter|month|figure|level|results?))?"
               r"|the\s+(?:previous|prior|preceding)\s+(?:year|month|quarter|week)"
               r"|the\s+(?:year|month|quarter|week)\s+before"),
    ("month_range", rf"(?:between\s+)?{_MONTH}\s*(?:-|–|to|through|and)\s*{_MONTH}(?:\s+{_YEARISH})?"),
    ("holiday", rf"(?:(?:just\s+)?(?:a\s+few\s+|\w+\s+)?(?:days|weeks|hours)\s+(?:before|after)\s+)?(?<![-\w])(?:{_HOLIDAY})(?:\s+(?:(?:of|in)\s+)?(?:{_YEAR}|last\s+year|this\s+year))?"),
    ("season", rf"(?:(?:last|this|next)\s+{_SEASON}|(?:the\s+)?{_SEASON}\s+(?:of\s+)?{_YEAR})"),
    ("weekend", r"(?:this|last|next|the|that)\s+weekend|over\s+the\s+weekend"),
    ("daypart", r"(?:(?:early|late|morning|afternoon|evening|midday|lunchtime)\s+(?:trading|trade|deals|dealings))"
                r"|(?:early|late|mid-?)\s*(?:morning|afternoon|evening|session)"),
    ("term", r"the\s+(?:medium|long|short|near)\s+term"),
    ("weak", r"(?:last|this|next)\s+(?:week|month)|(?-i:yesterday|today|tonight)|this\s+morning"),
    ("weekday", _WEEKDAY),
    ("link", r"(?:the\s+)?same\s+(?:period|month|quarter|time|week|weekend|day)\b(?:\s+(?:of|in)\s+(?:" + _YEARISH + r")|\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year))?"
             r"|(?:that|the)\s+(?:month|quarter|period)(?!\s*(?:to|ending|ended|before)\b)|that\s+year|that\s+time"
             r"|(?-i:T)(?:hat|his)\s+(?:figure|number|total|amount|level|sum)\b"),
    ("full_year", r"full(?:\s+|-)year|(?:the\s+)?whole\s+(?:of\s+the\s+)?year|(?:the\s+)?year\s+as\s+a\s+whole"
                  r"|(?<=for\s)the\s+year(?!\s*(?:before|earlier|ago|-))\b"
                  r"|(?<=during\s)the\s+year\b|(?<=over\s)the\s+year\b"),
    ("annual", r"(?<![-\w])annual(?!\s+(?:rate|growth|inflation|average|basis|general|meeting|report|conference|salary|salaries|fee|subscription|increase|rise|fall|decline|pace))\b"),
    ("relative", r"(?:later|earlier)\s+this\s+year|so\s+far\s+this\s+year|" + _RELATIVE_YEAR),
    ("duration", rf"(?<=in\s)(?:just\s+)?{_COUNT}\s+(?:days|weeks)\b|over\s+(?:a|the)\s+\d{{1,2}}-(?:year|month)\s+period"),
    ("now", r"now|currently|at\s+present|presently"),
    ("ordinal", r"(?<=in\s)the\s+(?:first|second|third|fourth|final|last)(?=\s*(?:[,.;:)]|$)|\s+(?:and|but|while|when|as|after|before|compared|against|from|to)\b)"),
    ("date", _DATE),
    ("year", _YEARISH),
]
#: The words a period can start with: a cheap test that lets every other word of the
#: text skip the alternatives below.
#: The words a period can start with (lowercase; capitalised ones apart): only where one
#: of them starts is the long pattern below tried.
_FIRST_WORDS = frozenset((
    "the a an one two three four five six seven eight nine ten eleven twelve eighteen twenty thirty since by from"
    " between year fiscal financial first second third fourth final last past previous prior preceding next coming"
    " latest this that same full whole annual later earlier so now currently at presently over early late mid"
    " morning afternoon evening midday lunchtime spring summer autumn winter just days weeks hours yesterday today"
    " tonight st nd rd th fy").split())
_CAPITALISED_FIRST_WORDS = frozenset((
    "Q H FY January February March April May June July August September October November December Jan Feb Mar"
    " Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas New"
    " Easter Thanksgiving Black Good Boxing").split())
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_PERIOD = re.compile(
    r"\b(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PATTERNS) + r")(?P<possessive>['’]s\b)?",
    re.IGNORECASE,
)


#: A count ("5", "two", "a") starts a period only before a unit of time or a month ("two
#: years earlier", "a few days before Christmas", "5 March"), and "the" and "at" only
#: before the words that may follow them in a period: the tests that spare most words
#: the long pattern.
_COUNTED = re.compile(r"[\w-]+?(?:\s+|-)(?:few\s+)?(?:month|quarter|year|week|day|hour"
                      r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)
_THE_BEFORE = re.compile(
    r"the\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|fiscal"
    r"|financial|year|first|second|third|final|last|past|previous|preceding|prior|next|coming|latest|current"
    r"|holiday|festive|christmas|spring|summer|autumn|winter|medium|long|short|near|same|whole|month|quarter"
    r"|period|week|day|hour)", re.IGNORECASE)
_GUARDS = {"the": _THE_BEFORE, "at": re.compile(r"at\s+(?:present|day|week|hour)", re.IGNORECASE), **{
    count: _COUNTED for count in
    "a an one two three four five six seven eight nine ten eleven twelve eighteen twenty thirty".split()}}


def _starts(text: str, start: int, end: int):
    """Where a period may start in ``text[start:end]``: the words of _FIRST_WORDS, the
    capitalised ones, and numbers of one, two or four digits (a year), each only
    where its guard (if any) allows."""
    for token in _TOKEN.finditer(text, start, end):
        word = token.group()
        if word[0].isdigit():
            if len(word) == 4 and word[:2] in ("19", "20") or len(word) <= 2 and _COUNTED.match(text, token.start(), end):
                yield token.start()
        elif word in _CAPITALISED_FIRST_WORDS:
            yield token.start()
        elif (lower := word.lower()) in _FIRST_WORDS and (
                (guard := _GUARDS.get(lower)) is None or guard.match(text, token.start(), end)):
            yield token.start()


#: Words before a period that make it the base of a comparison ("than in 2003", "up 10%
#: on 2003", "from its 2003 performance", "than at this time last year").
_BASE_BEFORE = re.compile(  # (its first letters looked ahead for first: re skips the others at once)
    r"(?=[tcvafo])\b(?:than|compared\s+(?:with|to)|versus|vs\.?|against|from|on)\s+"
    r"(?:(?:in|at|for|during|with|its|their|his|her|the|a|an|this|that|same|time|level|levels"
    r"|(?:end|start|beginning|middle|close|turn)\s+of)\s+)*$",
    re.IGNORECASE,
)
#: Verbs whose date is that of another event ("bought in 2000", "said on Friday",
#: "released earlier this year"): such a period is not that of a figure elsewhere.
_EVENT_BEFORE = re.compile(
    r"\b(?:(?P<report>said|says|told|reported|announced|revealed|warned|published|issued|released|unveiled)"
    r"|bought|acquired|founded|established|launched|introduced|created|built|opened|set\s+up|started"
    r"|born|elected|appointed|formed|signed|floated|listed|took\s+over|taken\s+over|took\s+office|died|married|retired"
    r"|resigned|joined|left|quit|closed\s+down|merged|privatised|privatized|nationalised|passed|enacted)"
    r"\s+(?P<filler>(?:(?:on|in|at|during|earlier|later|back|late|early)\s+)*)$",
    re.IGNORECASE,
)
#: A superlative or first before "since": "the highest level since May 2011" dates a
#: record, not the figure.
_RECORD_BEFORE = re.compile(
    r"\b(?:\w+est|first(?:\s+time)?|record|worst|best|most|least|highest|lowest|biggest|smallest|fewest"
    r"|more|less|higher|lower)\b(?:\s+[\w'’-]+){0,4}\s+$",
    re.IGNORECASE,
)
_ANY_YEAR = re.compile(rf"\b({_YEAR})")
#: A capitalised word right before a weekday makes it a name, unless it starts the sentence.
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!(?:On|By|Since|Last|This|Next|Until|From)\b)[A-Z][a-z]+\s+$")


@dataclass(frozen=True, slots=True)
class Period:
    """A period written at ``[start, end)``: its ``kind`` (see _PATTERNS), its ``normal``
    form, whether it is a comparison ``base``, the date of another ``event`` ("event":
    "bought in 2000"; "report": "said on Friday") and written as a possessive
    ("October's").
    """

    start: int
    end: int
    kind: str
    normal: str
    base: bool = False
    event: str = ""
    possessive: bool = False

    @property
    def specific(self) -> bool:
        """A named span of time, as opposed to "now" or a link to another period."""
        return self.kind not in ("now", "link", "null")

    @property
    def weak(self) -> bool:
        """A date of something that happened ("last week", "on Tuesday"), which holds
        for a figure only when written right by it."""
        return self.kind in ("weak", "weekday", "season") and not _ANY_YEAR.search(self.normal)


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[Period]:
    """The periods written in ``text[start:end]``, in order; never raises."""
    if not isinstance(text, str) or not text:
        return []
    end = len(text) if end is None else max(0, min(int(end), len(text)))
    start = max(0, min(int(start), end))
    found = []
    resume = start
    for position in _starts(text, start, end):
        if position < resume:
            continue
        match = _PERIOD.match(text, position, end)
        if match is None:
            continue
        resume = match.end()
        kind = match.lastgroup if match.lastgroup != "possessive" else _kind_of(match)
        written = match[kind]
        s, e = match.start(kind), match.end(kind)
        before_start = max(start, s - 60)
        before = text[before_start:s]
        base = kind not in ("onwards", "since", "by", "null", "years") and bool(_BASE_BEFORE.search(before))
        if base and kind in ("weekday", "holiday", "weekend", "date") and re.search(r"\bon\s+(?:the\s+)?$", before):
            base = False  # "on Christmas Day", "on Tuesday" say when, not what is compared
        if kind == "since" and _RECORD_BEFORE.search(before[-50:]):
            continue
        if kind == "weekday" and (_NAME_BEFORE.search(before) or re.match(r"\s+[A-Z]", text[e:e + 2])):
            continue  # "Sheffield Wednesday", "the Sunday Times"
        event_verb = _EVENT_BEFORE.search(before)
        # "said on Friday", "bought in 2000", "released earlier this year"; but in "said
        # fourth quarter sales rose" the period belongs to what was said
        event = ""
        if event_verb and (event_verb["filler"].strip() or kind in ("weekday", "weak", "relative")):
            event = "report" if event_verb["report"] else "event"
        normal = normal_form(kind, written)
        if not normal:
            continue
        found.append(Period(s, e if not match["possessive"] else match.end(), kind, normal, base, event,
                            bool(match["possessive"])))
    return found


def _kind_of(match: re.Match) -> str:
    return next(kind for kind, _ in _PATTERNS if match[kind] is not None)


def _clean(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|in|over|during|for|at|on)\s+", "", text, flags=re.IGNORECASE)


def month_number(word: str) -> int:
    """1-12 for a month name or its abbreviation ("Sept."), else 0."""
    word = word.strip(".").lower()
    if len(word) < 3:
        return 0
    for number, name in enumerate(MONTH_NAMES, 1):
        if name.lower() == word:
            return number
    return _MONTH_ABBREVIATIONS.get(word, 0)


def _month_name(word: str) -> str:
    number = month_number(word)
    return MONTH_NAMES[number - 1] if number else word


_MONTH_WORD = re.compile(_MONTH)
_YEAR_PART = re.compile(rf"({_YEARISH})\s*$", re.IGNORECASE)


def _year_text(text: str) -> str:
    """The year a period is written with, as it should be shown ("2004", "this year")."""
    match = _YEAR_PART.search(text)
    if not match:
        return ""
    year = _clean(match[1])
    return year.lower() if not year[0].isdigit() and not year.upper().startswith(("FY", "FISCAL", "FINANCIAL")) else year


def _date(text: str) -> str:
    """ "December 31, 2004" → "31 December 2004"; "Sept." → "September"; "October last year"."""
    months = _MONTH_WORD.findall(text)
    if not months:
        return _clean(text)
    month = _month_name(months[0])
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", text)
    year = _year_text(text)
    if day and _ANY_YEAR.fullmatch(day[0]):
        day = None
    parts = ([str(int(day[1]))] if day else []) + [month] + ([year] if year else [])
    return " ".join(parts)


def normal_form(kind: str, written: str) -> str:
    """The form a period of ``kind`` written as ``written`` is shown in (see module doc)."""
    text = _clean(written)
    lower = text.lower()
    if kind in ("year",):
        return text.upper().replace("FY ", "FY") if lower.startswith("fy") else (
            text.replace("/", "–").replace("-", "–") if re.match(r"^\d{4}\s*[-–/]\s*\d", text) else text)
    if kind == "quarter":
        code = re.search(r"q([1-4])", lower)
        number = int(code[1]) if code else ORDINALS.get(re.split(r"[\s-]", _strip_article(lower))[0], 0)
        if not number:  # "last quarter" alone is the one before this
            return _strip_article(lower)
        if re.match(r"(?:the\s+)?last\s+quarter$", lower):
            return "last quarter"
        year = _year_text(text)
        if re.search(r"\bof\s+the\s+(?:fiscal|financial)\s+year$", lower):
            year = "of the fiscal year"
        return f"Q{number} {year}".strip()
    if kind == "half":
        code = re.search(r"h([12])", lower)
        number = int(code[1]) if code else ORDINALS.get(re.split(r"[\s-]", _strip_article(lower))[0], 0)
        year = _year_text(text)
        name = ("first", "second")[number - 1] if number in (1, 2) else "first"
        return f"{name} half of {year}" if year else f"{name} half"
    if kind in ("date",):
        return _date(text)
    if kind == "month_range":
        months = [_month_name(m) for m in _MONTH_WORD.findall(text)]
        year = _year_text(text)
        return (f"{months[0]} to {months[-1]}" + (f" {year}" if year else "")) if len(months) >= 2 else _date(text)
    if kind == "span":
        count = re.match(rf"(?:the\s+)?({_COUNT})", text, re.IGNORECASE)
        months = _MONTH_WORD.findall(text)
        year = _year_text(text)
        if not count or not months:
            return _strip_article(text)
        return f"{count[1].lower()} months to {_month_name(months[-1])}" + (f" {year}" if year else "")
    if kind == "year_to":
        months = _MONTH_WORD.findall(text)
        year = _year_text(text)
        word = re.search(r"\byear\s+(\w+)", text, re.IGNORECASE)
        how = word[1].lower() if word else "to"
        if how in ("beginning", "starting"):
            day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?=[A-Z])", text)
            when = f"{int(day[1])} {_month_name(months[-1])}" if day else _month_name(months[-1])
            return f"year {how} {when}" + (f" {year}" if year else "")
        return f"year to {_month_name(months[-1])}" + (f" {year}" if year else "")
    if kind == "years":
        years = _ANY_YEAR.findall(text)
        return f"{years[0]}–{years[-1]}"
    if kind == "by":
        rest = re.sub(r"^by\s+(?:the\s+)?", "", text, flags=re.IGNORECASE)
        if re.match(r"end", rest, re.IGNORECASE):
            inner = re.sub(r"^end(?:\s+of\s+(?:the\s+)?|-)", "", rest, flags=re.IGNORECASE)
            inner_normal = _date(inner) if _MONTH_WORD.search(inner) else inner.lower() if not inner[:1].isdigit() else inner
            return f"by end of {inner_normal}"
        return "by " + (_date(rest) if _MONTH_WORD.search(rest) else rest)
    if kind == "since":
        rest = re.sub(r"^since\s+", "", text, flags=re.IGNORECASE)
        if _MONTH_WORD.search(rest):
            return "since " + _date(re.sub(r"\s+[a-z]+$", "", rest))
        year = _ANY_YEAR.search(rest)
        if year:
            return f"since {year[1]}"
        return "since " + rest.lower() if not re.match(r"(?:the\s+)?(?-i:[A-Z])", rest) or rest.lower().startswith("the ") else "since " + rest
    if kind == "onwards":
        rest = re.sub(r"^from\s+|\s+(?:onwards?|on)$", "", text, flags=re.IGNORECASE)
        return f"from {_date(rest) if _MONTH_WORD.search(rest) else rest} onwards"
    if kind == "part":  # as written: "the first four months of this year", "next six months"
        return re.sub(r"^(?:in|over|during|for)\s+", "", lower)
    if kind == "anchor":
        return lower.replace("the year-", "year-")
    if kind == "link":
        return re.sub(r"^(?:in|over|during|for|at|on)\s+", "", lower)
    if kind in ("weak", "weekend", "term", "daypart", "now", "relative", "season"):
        return _strip_article(lower)
    if kind == "full_year":
        return "full year"
    if kind == "annual":
        return "annual"
    if kind == "weekday":
        return re.sub(r"^on\s+", "", text, flags=re.IGNORECASE)
    if kind == "holiday":
        return re.sub(r"^the\s+", "", text)
    if kind == "duration":
        return re.sub(r"^(?:over|just)\s+(?:a|the)?\s*", "", lower).strip()
    if kind == "null":
        return lower
    if kind == "ordinal":
        return lower.split()[-1]
    return text
