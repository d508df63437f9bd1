"""All-caps stretches: which are found, how they are re-cased, and the re-read."""

from __future__ import annotations

from desktop.nlp.entities.casing import (
    CaseEvidence,
    apply_reread,
    caps_stretches,
    plan_reread,
    recased,
)
from desktop.nlp.results import EntitySpan

SEED_START = "BAKU, Azerbaijan, June 22. Kazakh companies have grown.\nShips sail to Baku and Aktau."
HEADLINE = "FLOODS FORCE THOUSANDS FROM HOMES IN NORTHERN ITALY\nThe floods hit towns near Bologna."


def stretches_of(text: str) -> list[str]:
    return [text[s.start : s.end] for s in caps_stretches(text, CaseEvidence.of(text))]


def test_a_dateline_a_headline_and_a_shouted_name_are_stretches():
    assert stretches_of(SEED_START) == ["BAKU"]
    assert stretches_of(HEADLINE) == ["FLOODS FORCE THOUSANDS FROM HOMES IN NORTHERN ITALY"]
    assert stretches_of("We love KAZAKHSTAN and visit Kazakhstan.") == ["KAZAKHSTAN"]
    assert stretches_of("WASHINGTON (AP) — Senators met.") == ["WASHINGTON"]


def test_a_headline_that_opens_a_paragraph_is_not_a_dateline():
    text = "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\nJapan beat Syria."
    evidence = CaseEvidence.of(text)
    stretches = caps_stretches(text, evidence)
    assert [s.dateline for s in stretches] == [False, False]
    assert recased(text, stretches, evidence).startswith("Soccer - Japan get lucky win , China in")


def test_acronyms_and_shouted_common_words_are_not_stretches():
    text = "Members of the OTS met. The OTS and NATO said do NOT travel, it is ILLEGAL."
    assert stretches_of(text) == []


def test_words_take_the_case_the_article_gives_them_elsewhere():
    evidence = CaseEvidence.of(HEADLINE)
    assert recased(HEADLINE, caps_stretches(HEADLINE, evidence), evidence).startswith(
        "Floods force thousands from homes in northern Italy\n"
    )
    text = "BRITISH AIRWAYS CANCELS 40 FLIGHTS AT HEATHROW\nBritish Airways cancelled flights at Heathrow."
    evidence = CaseEvidence.of(text)
    assert recased(text, caps_stretches(text, evidence), evidence).startswith(
        "British Airways cancels 40 flights at Heathrow\n"
    )


def test_a_shouted_name_takes_its_normal_case():
    text = "We love KAZAKHSTAN and visit Kazakhstan."
    evidence = CaseEvidence.of(text)
    assert recased(text, caps_stretches(text, evidence), evidence) == "We love Kazakhstan and visit Kazakhstan."


def test_an_acronym_used_as_one_elsewhere_keeps_its_capitals():
    text = "NATO LEADERS MEET IN VILNIUS\nNATO leaders met in Vilnius."
    evidence = CaseEvidence.of(text)
    recased_text = recased(text, caps_stretches(text, evidence), evidence)
    assert recased_text.startswith("NATO leaders meet in Vilnius")


def test_recasing_keeps_every_offset():
    text = "İSTANBUL STRASSE GRÜẞE, Dateline. ÉCOLE NORMALE SUPÉRIEURE MET"
    evidence = CaseEvidence.of(text)
    assert len(recased(text, caps_stretches(text, evidence), evidence)) == len(text)


def test_the_reread_finds_the_dateline_city_and_keeps_the_rest(nlp):
    text = SEED_START
    plan = plan_reread(text, CaseEvidence.of(text))
    assert [window for _, _, window in plan.windows] == ["Baku, Azerbaijan, June 22."]
    first = [EntitySpan(e.start_char, e.end_char, e.label_, model_label=e.label_)
             for e in nlp(text).ents]
    revised = apply_reread(first, plan, [nlp(w) for _, _, w in plan.windows])
    baku = revised[0]
    assert (text[baku.start : baku.end], baku.label) == ("BAKU", "GPE")
    assert (baku.reason, baku.canonical, baku.model_label) == ("all-caps re-read", "Baku", "")
    assert [s for s in revised if s.start >= 4] == [s for s in first if s.start >= 4]


def test_a_span_read_the_same_way_twice_stays_the_models(nlp):
    text = "NEW YORK, March 3 — Stocks rose in New York."
    plan = plan_reread(text, CaseEvidence.of(text))
    first = [EntitySpan(0, 8, "GPE", model_label="GPE")]
    [span] = [s for s in apply_reread(first, plan, [nlp(w) for _, _, w in plan.windows]) if s.start == 0]
    assert (span.end, span.label, span.reason, span.canonical) == (8, "GPE", "model", "New York")


def test_no_stretch_no_work():
    text = "Kazakhstan and Azerbaijan signed 120 agreements."
    plan = plan_reread(text, CaseEvidence.of(text))
    assert plan.windows == []
    spans = [EntitySpan(0, 10, "GPE")]
    assert apply_reread(spans, plan, []) is spans


def _evidence_word_by_word(text: str) -> CaseEvidence:
    """The evidence read the plain way: every word of the text in turn."""
    from collections import Counter

    from desktop.nlp.entities.case_evidence import DATELINE_END, RUN_GAP, is_caps
    from desktop.nlp.entities.words import WORD, at_sentence_start

    words = list(WORD.finditer(text))
    in_runs, run = set(), []
    for match in words + [None]:
        if match is not None and is_caps(match.group()) and (
                not run or RUN_GAP.fullmatch(text, run[-1].end(), match.start())):
            run.append(match)
            continue
        if len(run) > 1:
            in_runs.update(m.start() for m in run)
        run = [match] if match is not None and is_caps(match.group()) else []
    lower, title, acronym = Counter(), Counter(), Counter()
    for match in words:
        word, start = match.group(), match.start()
        line_start = text.rfind("\n", 0, start) + 1
        leads_dateline = not text[line_start:start].strip(" \t\"'“‘") and bool(
            DATELINE_END.match(text, match.end()))
        if word.islower():
            lower[word] += 1
        elif is_caps(word):
            if start not in in_runs and not leads_dateline:
                acronym[word.lower()] += 1
        elif word[1:].islower() and not at_sentence_start(text, start):
            title[word.lower()] += 1
    return CaseEvidence(lower, title, acronym)


def test_the_evidence_counts_what_reading_every_word_counts():
    import random

    pieces = ["NATO", "Nato", "nato", "O'Brien", "o'Brien", "l'Aquila", "L'AQUILA", "rock'n'roll",
              "eBay", "iPhone", "Émile", "émile", "ÉMILE", "ǅemal", "Straße", "STRASSE", "日本",
              "日abc", "x²", "don’t", "DON’T", "U.S.", "A", "I", "BAKU,", "(AP)", "—", "40", "3.5%",
              "FLOODS", "HIT", "ITALY", "Kazakhstan", "KAZAKHSTAN", "the", "said", ".", "\n", "\n\n",
              "“", "'", "’", "-", ",", " ", "  "]
    rng = random.Random(7)
    texts = [SEED_START, HEADLINE, "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"])
                                          for _ in range(20_000))]
    for text in texts:
        assert CaseEvidence.of(text) == _evidence_word_by_word(text)


def test_evidence_of_a_text_split_after_a_line_break_is_the_merged_evidence_of_its_parts():
    text = (f"{HEADLINE}\nBAKU, June 3 — The Caspian Sea forum opened.\n"
            "NATO and the EU met. Nato said \"Baku\" twice.\nBAKU AND ASTANA SIGN DEAL\n"
            "Officials in Baku and Astana said the deal was signed.")
    whole = CaseEvidence.of(text)
    for split in (i + 1 for i, char in enumerate(text) if char == "\n"):
        parts = CaseEvidence.of(text[:split]).merged(CaseEvidence.of(text[split:]))
        assert parts == whole
    assert whole.title["baku"] >= 2 and whole.acronym["nato"] == 1


def test_one_word_s_counts_read_off_the_text_are_the_counts_of_every_word():
    import random

    from desktop.nlp.entities.case_evidence import _count_spellings, _spellings_of

    pieces = ["NATO", "Nato", "nato", "O'Brien", "O'BRIEN", "l'Aquila", "L'AQUILA", "DON’T", "don’t",
              "Émile", "ÉMILE", "émile", "STRASSE", "Straße", "日本", "A", "I", "BAKU,", "Baku", "(AP)",
              "40", "3.5%", "FLOODS", "HIT", "hit", "ITALY", "Italy", "the", ".", "\n", "“", "'", "’",
              "-", ",", " ", "  ", "&", "$5"]
    rng = random.Random(11)
    for _ in range(20):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(400))
        lower, title, acronym = _count_spellings(text)
        for key in {*lower, *title, *acronym, "nato", "o'brien", "l'aquila", "baku", "strasse", "émile"}:
            expected = (lower[key], title[key], acronym[key])
            assert _spellings_of(text, key) == expected, (key, text)
            assert _spellings_of(text, key, text.lower()) == expected, (key, text)


def test_a_dateline_followed_by_its_date_is_a_stretch():
    assert stretches_of("OSLO 2023-05-17\nThe fjord froze.") == ["OSLO"]
    assert stretches_of("PARIS Aug 30 - The Seine rose.") == ["PARIS"]
    assert stretches_of("NATO 2023 plans were shown.") == []


def test_evidence_is_counted_only_when_asked_and_answers_the_same():
    text = "NATO met. Nato said so. nato? The NATO summit. BAKU, June 3."
    lazy, counted = CaseEvidence.of(text), CaseEvidence.of(text)
    assert counted == CaseEvidence(counted.lower, counted.title, counted.acronym)  # counts everything
    for word in ("NATO", "BAKU", "SAID", "SUMMIT"):
        assert lazy.written_normally(word) == counted.written_normally(word)
    assert lazy._counts is None  # answered word by word, nothing counted in full
    import pickle

    assert pickle.loads(pickle.dumps(lazy)) == counted
