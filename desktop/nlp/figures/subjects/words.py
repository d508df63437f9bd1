"""The words subjects are read by: measure nouns, what companies and economies own,
verbs that have, own, expect or say, and the parts of speech and dependencies the
parse walk climbs (see :mod:`desktop.nlp.figures.subjects.of_figures`)."""

from __future__ import annotations

#: Returned when the subject is a word pointing back to an earlier figure.
ANAPHOR = "\0anaphor"

#: Nouns that name a measure of something else: "the volume of trade" is of "trade".
MEASURE_NOUNS = frozenset(
    "volume value amount level total number share size sum rate quantity output turnover"
    " figure average age capacity worth count proportion percentage portion".split()
)
#: Nouns that place a figure without saying what it measures ("the $50 mark", "a
#: peak of $55"): never a subject on their own.
PLACEHOLDER_NOUNS = frozenset(
    "figure figures number numbers amount amounts total totals sum sums level levels mark"
    " value values peak high low record average one ones result results data statistics"
    " estimate estimates part bit lot half third quarter fraction majority bulk most rest remainder way".split()
)
#: What an organisation or an economy has: a measure the article's company or
#: country owns when the sentence names no owner ("profits" in an article about Acme).
OWNED_MEASURES = frozenset(
    "profit profits revenue revenues sales turnover earnings income loss losses costs debt debts"
    " dividend dividends savings spending deficit surplus exports imports takings jobs staff workforce"
    " subscribers customers passengers output production investment growth unemployment inflation"
    " budget reserves margin margins cash assets orders bookings shares stock".split()
)
#: Words of what an economy has: a measure with one and no owner is the article's
#: country's ("the trade gap" in an article about Ruritania: "Ruritania trade gap").
MACRO_WORDS = frozenset(
    "gap deficit deficits surplus surpluses exports imports unemployment unemployed jobless employment"
    " inflation gdp economy growth retail spending borrowing budget output production lending mortgage"
    " mortgages housing wages consumer manufacturing".split())
#: Nouns of a movement: "a 31% jump in yearly margins" measures "yearly margins".
MOVEMENT_NOUNS = frozenset(
    "rise rises increase increases fall falls drop drops decline declines jump jumps gain gains"
    " surge slump dip dips climb boost decrease decreases reduction improvement hike growth"
    " slide".split()
)
#: What a verb with an amount for object measures: "it took $42m" -> its "takings".
NOMINALS = {
    **dict.fromkeys(("take", "takes", "took", "taken", "taking", "gross", "grossed", "grossing"), "takings"),
    **dict.fromkeys(("earn", "earns", "earned", "earning"), "earnings"),
    **dict.fromkeys(("spend", "spends", "spent", "spending"), "spending"),
    **dict.fromkeys(("sell", "sells", "sold", "selling"), "sales"),
    **dict.fromkeys(("save", "saves", "saved", "saving"), "savings"),
    **dict.fromkeys(("borrow", "borrows", "borrowed", "borrowing"), "borrowing"),
    **dict.fromkeys(("invest", "invests", "invested", "investing"), "investment"),
    **dict.fromkeys(("lose", "loses", "lost", "losing"), "losses"),
    **dict.fromkeys(("pay", "pays", "paid", "paying"), "payment"),
    **dict.fromkeys(("owe", "owes", "owed", "owing"), "debt"),
    **dict.fromkeys(("donate", "donates", "donated", "donating"), "donation"),
    **dict.fromkeys(("raise", "raises", "raised", "raising"), "funds raised"),
    **dict.fromkeys(("produce", "produces", "produced", "producing"), "production"),
    **dict.fromkeys(("export", "exports", "exported", "exporting"), "exports"),
    **dict.fromkeys(("import", "imports", "imported", "importing"), "imports"),
    **dict.fromkeys(("cost", "costs", "costing"), "cost"),
    **dict.fromkeys(("offer", "offers", "offered", "offering"), "offer"),
    **dict.fromkeys(("bid", "bids", "bidding"), "bid"),
}
#: Verbs whose subject owns what they are said to see or have ("its toy arm saw
#: margins shrink").
_HAVING_VERBS = frozenset("see sees saw seen seeing has have had having reported reports posted posts"
                          " recorded records suffered suffers enjoyed enjoys booked".split())
#: Verbs whose object undergoes nothing worth naming ("owns 17 ferries").
_LIGHT_VERBS = frozenset("has have had is are was were be been get got make made take took taken own owned"
                         " hold held include included includes employ employed".split())
_SHARE_WORDS = frozenset({"shares", "share", "stock", "stocks"})
_OWNING_VERBS = frozenset("own owns owned owning hold holds held holding control controls controlled buy buys"
                          " bought buying acquire acquires acquired sell sells sold selling take takes took taken".split())
_RELATIVE_TIME = frozenset({"earlier", "ago", "before", "later", "previously", "on", "after"})
#: Words that name no measure on their own ("range" is no subject, "price range" is).
_GENERIC_ALONE = frozenset({"range", "period", "term", "level", "side", "end", "time", "spot"})
_PLACE_NOUNS = frozenset({"country", "nation", "state", "region", "city"})
_MONTHS = frozenset("january february march april may june july august september october november december"
                     " spring summer autumn winter".split())
_TIME_NOUNS = frozenset("day days week weeks month months year years quarter quarters session period time".split())
#: Units a figure's number may be parsed apart from: never what the figure measures.
_UNIT_WORDS = frozenset(
    "points point pence cents percent times years months days weeks hours minutes barrels tonnes tons units"
    " feet metres meters miles kilometres kilometers litres gallons".split())
#: Verbs of expecting: "brokers had forecast 61 cents" is of what was forecast.
_EXPECTING_VERBS = frozenset(
    "expect expects expected expecting forecast forecasts forecasting predict predicts predicted predicting"
    " estimate estimates estimated estimating anticipate anticipated anticipates".split())
#: Participles that say nothing about what a counted thing underwent.
_SAYING_PARTICIPLES = frozenset("thought said expected estimated believed reported feared known seen".split())
_MONEY_WORDS = frozenset({"pence", "p", "cents", "cent", "pounds", "dollars", "euros", "yen", "yuan", "rupees"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_POINTING_NOUNS = frozenset("figure number amount total sum indicator result".split())
_POINTING_WORDS = frozenset("it this that these those which".split())
_RELATIVE_WORDS = frozenset("which that who whom".split())
_COPULAS = frozenset("be is are was were been being 's 're".split())
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_CLIMB_DEPS = frozenset("prep pobj agent dobj npadvmod attr acomp advmod oprd dative pcomp"
                        " compound nummod quantmod amod appos advcl xcomp conj ccomp".split())
_PREMODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_PHRASE_PREPS = frozenset({"of", "between", "among", "from", "to", "in", "on", "for", "at", "with", "outside",
                           "within", "against", "excluding", "per"})
