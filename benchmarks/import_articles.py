"""Invented news articles (written for Article Lens; every name and figure is made up)
that benchmarks/imports.py and tests/formats/imports render as web pages, DOCX and PDF."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SampleArticle:
    slug: str
    section: str
    title: str
    author: str
    date: str  # ISO 8601
    paragraphs: tuple[str, ...]

    @property
    def plain_text(self) -> str:
        """The headline and the paragraphs, a blank line between each."""
        return "\n\n".join((self.title, *self.paragraphs))


ARTICLES = (
    SampleArticle(
        "harlow-foods", "Business", "Harlow Foods profit rises 12% as online orders climb",
        "Priya Chandran", "2024-03-07", (
            "Harlow Foods, the grocery chain with 412 stores across the north of England, said on "
            "Thursday that pre-tax profit rose 12% to £318m in the year to February, helped by a "
            "surge in online orders and lower energy bills.",
            "Sales grew 6.4% to £9.2bn, while like-for-like sales, which strip out new shops, were "
            "up 4.1%. Online orders now make up 17% of the group's revenue, against 13% a year "
            "earlier, and the company delivered 1.6 million orders in the final quarter alone.",
            "The well-known retailer said it would raise its dividend by 8% to 11.2p a share and "
            "buy back £150m of shares over the next 12 months. Its shares closed 3.5% higher at "
            "248p, valuing the business at about £2.7bn.",
            "Chief executive Martin Oduya said the long-term plan was working. \"We cut prices on "
            "more than 2,000 everyday products and our customers noticed,\" he said. Harlow "
            "expects to open 15 new convenience stores this year and to spend £420m on its "
            "warehouses, including a £60m automated centre near Doncaster.",
            "Energy costs fell by £45m, or roughly a fifth, after the group fixed its electricity "
            "price for three years. Staff costs rose 9% after Harlow lifted hourly pay to £11.90 "
            "for its 38,000 workers, the second increase in less than a year.",
            "Analysts at Brackley Securities said the results beat their forecast of £301m. They "
            "expect profit to reach £340m next year, although they warned that competition from "
            "discounters, whose market share climbed to 19.8% in January, remained intense.",
        )),
    SampleArticle(
        "budget-deal", "Politics", "Coalition agrees budget after three-week standoff",
        "Tomas Lindqvist", "2024-05-14", (
            "The governing coalition agreed a budget late on Monday, ending a three-week standoff "
            "that had threatened to bring down the government and delay payments to 1.2 million "
            "pensioners.",
            "Under the deal, defence spending will rise by 4.5 billion euros over four years, while "
            "the planned cut in fuel duty of 6 cents a litre has been dropped. Finance minister "
            "Helena Varga said the package kept the deficit below 3% of national output, the limit "
            "set by the state's fiscal rules.",
            "The junior partner, the Green Alliance, won a 900 million euro fund for rail and bus "
            "lines in rural regions, and a promise to review the coal subsidy in the autumn. Its "
            "leader, Ruben Osei, told reporters the agreement was \"a hard-won compromise, not a "
            "victory for anyone\".",
            "Opposition parties called the deal a stopgap. The Liberal Union, which holds 41 of "
            "the 150 seats in parliament, said it would table a motion of no confidence next week, "
            "although it is unlikely to pass without the support of at least 35 other members.",
            "Polls suggest voters have grown tired of the quarrels. A survey published on Sunday "
            "put support for the coalition at 38%, down from 46% at the election 18 months ago. "
            "Parliament is expected to vote on the budget on 28 May.",
        )),
    SampleArticle(
        "veltrix-plant", "Technology", "Chipmaker Veltrix to build $4.5bn plant in Ohio",
        "Grace Whitfield", "2024-09-02", (
            "Veltrix, the American maker of memory chips, will build a $4.5bn factory near "
            "Columbus, Ohio, creating about 1,800 jobs, the company said on Monday.",
            "The plant, which is due to start production in 2027, will make advanced memory for "
            "data centres that train artificial intelligence models. It will cover 110 acres and "
            "use up to 25 million gallons of water a day, most of it recycled.",
            "Veltrix expects to receive $680m in federal grants and a further $210m in state tax "
            "credits. The company's revenue rose 31% to $7.8bn in the three months to July, as "
            "demand for high-bandwidth memory outstripped supply.",
            "Chief executive Lena Park said the state-owned power utility had agreed to supply "
            "300 megawatts of electricity, enough for roughly 250,000 homes. \"Ohio gives us the "
            "land, the power and the people,\" she said.",
            "The investment is the third of its kind in the region in two years. Analysts at "
            "Corbel Research estimate that chip factories under construction in the Midwest will "
            "employ 9,500 people by 2030, though a shortage of trained technicians could slow the "
            "work. Veltrix shares rose 4.2% to $86.15 in New York.",
        )),
    SampleArticle(
        "oil-stockpiles", "Markets", "Oil falls for a fifth day as stockpiles grow",
        "Daniel Achebe", "2024-06-20", (
            "Oil prices fell for a fifth straight day on Wednesday after figures showed American "
            "crude stockpiles rising far more than traders had expected.",
            "Brent crude, the international benchmark, dropped 1.8% to $81.40 a barrel, its lowest "
            "level since early March. West Texas Intermediate fell 2.1% to $76.95. Both have lost "
            "more than 7% this month.",
            "Commercial crude inventories rose by 5.3 million barrels last week to 455 million "
            "barrels, according to government data, against forecasts of a fall of 1.1 million. "
            "Refineries ran at 91.4% of capacity, down from 93% the week before.",
            "Traders are also weighing the decision of the producers' group to add 180,000 barrels "
            "a day to supply from October. Analysts at Marlow Capital cut their forecast for Brent "
            "in the fourth quarter to $78 from $85, citing slower demand in Asia.",
            "The fall has eased pressure at the pump. The average price of a gallon of petrol in "
            "the US was $3.41 on Tuesday, 14 cents lower than a month ago.",
        )),
    SampleArticle(
        "inflation-march", "Economy", "Inflation eases to 3.1% as food prices cool",
        "Sofia Marchetti", "2024-04-17", (
            "Inflation fell to 3.1% in March from 3.6% in February, the lowest rate for two and a "
            "half years, as food prices rose more slowly, official figures showed on Wednesday.",
            "Food and drink prices were 4.2% higher than a year earlier, down from 5.9%. Energy "
            "bills fell 12.3% over the year after the price cap was lowered in January. Core "
            "inflation, which leaves out food, energy, alcohol and tobacco, slowed to 4.0% from "
            "4.5%.",
            "Economists had expected a rate of 3.2%. The figures raise the chance of a cut in "
            "interest rates from 5.25% at the central bank's meeting in June, traders said, and "
            "the pound slipped 0.4% against the dollar to $1.246.",
            "Services inflation, closely watched by the bank, eased only slightly to 5.7%, held up "
            "by wage growth of about 6% a year. Rents rose 8.1%, the fastest year-on-year increase "
            "since records began in 2016.",
            "The finance ministry welcomed the figures but said households were still paying about "
            "20% more for the weekly shop than three years ago.",
        )),
    SampleArticle(
        "lumen-subscribers", "Technology", "Streaming service Lumen loses 1.2 million subscribers",
        "Marcus Bell", "2024-10-23", (
            "Lumen, the video streaming service, lost 1.2 million subscribers in the third quarter "
            "after raising its prices for the second time this year, sending its shares down 14% "
            "in after-hours trading.",
            "The company ended September with 48.7 million paying members worldwide. Revenue still "
            "rose 9% to $2.3bn, because subscribers who stayed paid more: the average monthly bill "
            "climbed to $15.80 from $14.20 a year earlier.",
            "Lumen said its cheaper plan with advertising, launched in 14 countries in March, had "
            "signed up 6.5 million members, and that advertising revenue had doubled from the "
            "previous quarter to $180m.",
            "The company plans to spend $9bn on films and series next year, up from $8.2bn, and "
            "has signed a five-year deal for the rights to a European football league worth a "
            "reported $600m a season.",
            "Chief financial officer Ines Duarte said the losses were concentrated in North "
            "America, where 900,000 members cancelled. \"We expected some churn, and we expect "
            "most of them to come back when the new season starts,\" she said.",
        )),
    SampleArticle(
        "tram-extension", "Politics", "Council approves £220m tram extension to the airport",
        "Hannah Okafor", "2024-02-12", (
            "City councillors voted by 58 to 21 on Monday night to approve a £220m extension of "
            "the tram network to the airport, ending a debate that has run for almost a decade.",
            "The 6.2-mile line will add seven stops and is expected to carry 4.8 million "
            "passengers a year once it opens in 2028. Journeys from the city centre to the "
            "terminal will take 24 minutes, half the time of the current bus.",
            "The national government will pay £140m of the cost. The rest will come from a levy on "
            "airport parking of £1.50 a car and from the council's own borrowing, which opponents "
            "said could add £12 a year to the average council tax bill.",
            "Council leader Ruth Adeyemi said the line would take about 3,000 cars a day off the "
            "ring road. The Conservative group, which voted against, argued that the estimate of "
            "costs had already risen by a third since 2021 and could rise again.",
        )),
    SampleArticle(
        "port-strike", "Business", "Port strike halts a quarter of container traffic",
        "Olu Mensah", "2024-08-08", (
            "A 72-hour strike by dock workers at the country's two largest ports halted about a "
            "quarter of the nation's container traffic on Thursday, as talks over pay broke down "
            "for the third time.",
            "The union, which represents 2,400 workers, is seeking a pay rise of 15% over two "
            "years. The port operator has offered 7% this year and 4% next year, plus a one-off "
            "payment of £1,000.",
            "Shipping groups said 36 vessels were waiting offshore, and that delays could cost "
            "importers as much as £30m a day. Retailers warned that some goods could be in short "
            "supply ahead of the back-to-school season.",
            "The ports handled 4.1 million containers last year, up 2.5% from 2022. The operator "
            "reported an operating profit of £265m, which the union said showed it could afford a "
            "bigger rise.",
        )),
)
