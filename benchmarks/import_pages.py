"""Web pages around an article, in five layouts with the boilerplate real news sites carry:
navigation and menus, a "most read" or live-ticker sidebar, related links, comments,
a newsletter box, a cookie notice, a footer, scripts and styles. Much of it states
figures ("Top 10 stories", "© 2024", "FTSE 100 up 0.4%") that are not in the article."""

from __future__ import annotations

import html
import json

from benchmarks.import_articles import SampleArticle

LAYOUTS = ("news", "blog", "ticker", "magazine", "legacy")
SITE = "The Northgate Ledger"
_MOST_READ = (
    "Top 10 stories of the week: the 7 charts that explain the housing market",
    "Shares in Corvane jump 23% after a $1.1bn takeover bid",
    "Five things to watch as 2,500 delegates gather for the summit",
    "Pension age to rise to 68 by 2039, report says",
    "Why 40% of renters say they will never buy a home",
)
_MARKETS = ("FTSE 100 7,702.4 +0.4%", "Dow Jones 38,519 -0.2%", "Gold $2,031.60 +1.1%", "EUR/USD 1.0862")
_TICKER = (
    ("10:42", "Sterling climbs 0.6% against the euro after jobs data"),
    ("10:15", "Airline Skyreach cancels 140 flights as pilots walk out"),
    ("09:58", "Retail sales fall 1.9% in January, the ONS says"),
    ("09:31", "Bitcoin tops $52,000 for the first time in 25 months"),
    ("09:02", "Copper hits $8,600 a tonne on Chinese demand"),
)
_RELATED = (
    "Supermarkets cut prices on 500 products",
    "Energy bills to fall by £238 in April",
    "The 12 best-value savings accounts right now",
)
_COMMENTS = (
    ("dunmore_reader", "I've shopped there for 20 years and prices are up at least 30%."),
    ("Pat K.", "Three of the 5 stores near me closed in 2022, so I'm not convinced."),
    ("econwatcher", "Interest rates at 5.25% will bite harder than anyone admits."),
)
_COOKIE = ("We and our 842 partners store and access information on your device. "
           "Click Accept to consent to 100% of purposes, or manage your choices.")
#: Strings of the boilerplate that must not reach an article's text.
BOILERPLATE = (*_MOST_READ, *_MARKETS, *(text for _, text in _TICKER), *_RELATED,
               *(text for _, text in _COMMENTS), _COOKIE, "© 2024", "min read", "Subscribe",
               "Most read", "Related stories", "Archives", "Blogroll", "Share 1.2k", "comments",
               "Tags:", "Offer ends", "Please enable JavaScript", "Live: markets today", "Words by")
_STYLE = "body{font:16px/1.5 Georgia,serif;max-width:1200px}.nav a{padding:0 12px}" * 6


def render_page(article: SampleArticle, layout: str = "news", *, charset: str = "utf-8",
                declare_charset: bool = True, padding_bytes: int = 0) -> bytes:
    """``article`` as a saved web page in ``layout``, encoded in ``charset``; with
    ``padding_bytes`` the page is grown with comments, menus and inline script data."""
    body = {"news": _news, "blog": _blog, "ticker": _ticker, "magazine": _magazine, "legacy": _legacy}[layout](article)
    if padding_bytes:
        body += _padding(padding_bytes)
    page = f"<!DOCTYPE html>\n<html lang=\"en\"><head>{_head(article, layout, charset, declare_charset)}</head>" \
           f"<body>{body}{_scripts(article)}</body></html>\n"
    return page.encode(charset, errors="xmlcharrefreplace")


def article_url(article: SampleArticle) -> str:
    return f"https://northgate-ledger.example/{article.section.lower()}/{article.date[:4]}/{article.slug}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _head(article: SampleArticle, layout: str, charset: str, declare: bool) -> str:
    meta = f'<meta charset="{charset}">' if declare else ""
    meta += f"<title>{_e(article.title)} | {SITE}</title><style>{_STYLE}</style>"
    if layout in ("news", "ticker"):
        meta += (f'<meta property="og:title" content="{_e(article.title)}">'
                 f'<meta property="og:site_name" content="{SITE}">'
                 f'<meta property="og:url" content="{article_url(article)}">'
                 f'<link rel="canonical" href="{article_url(article)}">'
                 f'<meta name="author" content="{_e(article.author)}">'
                 f'<meta property="article:published_time" content="{article.date}T07:30:00Z">')
    if layout == "magazine":
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
              "author": {"@type": "Person", "name": article.author}, "datePublished": article.date,
              "publisher": {"@type": "Organization", "name": SITE}}
        meta += f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    return meta


def _nav() -> str:
    items = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in
                    ("Home", "News", "Business", "Markets", "Politics", "Technology", "Sport", "Opinion"))
    markets = "".join(f"<span>{_e(m)}</span>" for m in _MARKETS)
    return (f'<header class="masthead"><a class="logo" href="/">{SITE}</a><nav class="nav"><ul>{items}'
            f'</ul></nav><div class="markets">{markets}</div>'
            '<a href="/subscribe">Subscribe from £1 a week</a></header>')


def _most_read() -> str:
    items = "".join(f'<li><a href="/story/{i}">{_e(t)}</a></li>' for i, t in enumerate(_MOST_READ, 1))
    return f'<aside class="sidebar"><h2>Most read</h2><ol>{items}</ol></aside>'


def _related() -> str:
    items = "".join(f'<li><a href="/r/{i}">{_e(t)}</a></li>' for i, t in enumerate(_RELATED))
    return f'<section class="related"><h2>Related stories</h2><ul>{items}</ul></section>'


def _footer() -> str:
    return ('<footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
            '<li><a href="/privacy">Privacy</a></li></ul><p>© 2024 Northgate Media Ltd. Registered in '
            'England No. 04123456. 1 Quay Street, Leeds LS1 4AB.</p></footer>'
            f'<div id="cookie-banner" class="cookie"><p>{_COOKIE}</p><button>Accept</button></div>')


def _paragraphs(article: SampleArticle) -> str:
    return "".join(f"<p>{_e(p)}</p>" for p in article.paragraphs)


def _comments() -> str:
    items = "".join(f'<div class="comment"><b>{_e(who)}</b><p>{_e(text)}</p><span>12 likes</span></div>'
                    for who, text in _COMMENTS)
    return f'<section id="comments"><h3>{len(_COMMENTS)} comments</h3>{items}</section>'


def _news(article: SampleArticle) -> str:
    return (f'{_nav()}<main><article><h1>{_e(article.title)}</h1>'
            f'<p class="byline">By <a rel="author">{_e(article.author)}</a> · '
            f'<time datetime="{article.date}">{article.date}</time> · 5 min read</p>'
            f'<div class="share">Share 1.2k</div>{_paragraphs(article)}</article>'
            f'{_most_read()}</main>{_related()}{_footer()}')


def _blog(article: SampleArticle) -> str:
    archive = "".join(f'<li><a href="/2024/{m:02d}">2024-{m:02d}</a> ({m + 3})</li>' for m in range(1, 7))
    return ('<div id="wrapper"><div class="header"><h1 class="blog-title"><a href="/">Northgate Notes</a></h1>'
            '<p class="tagline">Economics, politics and 3 cups of coffee a day</p></div>'
            f'<div class="post"><h2 class="post-title">{_e(article.title)}</h2>'
            f'<div class="post-meta">Posted on {article.date} by {_e(article.author)}</div>'
            f'<div class="entry">{_paragraphs(article)}</div>'
            '<div class="tags">Tags: <a>economy</a>, <a>top-10</a></div></div>'
            f'{_comments()}<div id="sidebar"><h3>Archives</h3><ul>{archive}</ul>'
            '<h3>Blogroll</h3><ul><li><a>50 charts a day</a></li><li><a>The 1% blog</a></li></ul></div>'
            '<div class="footer">© 2024 Northgate Notes · Powered by 7 hamsters</div></div>')


def _ticker(article: SampleArticle) -> str:
    live = "".join(f"<li><time>{t}</time> {_e(text)}</li>" for t, text in _TICKER)
    return (f'{_nav()}<div class="layout"><aside class="live-ticker"><h2>Live: markets today</h2>'
            f'<ul>{live}</ul></aside><div class="story"><h1>{_e(article.title)}</h1>'
            f'<div class="meta">{_e(article.author)} · {article.date}</div>'
            f'<div class="story-body">{_paragraphs(article)}</div></div></div>'
            f'{_related()}{_most_read()}{_footer()}')


def _magazine(article: SampleArticle) -> str:
    paras = "".join(f'<div class="c-9k2"><p class="t-p">{_e(p)}</p></div>' for p in article.paragraphs)
    promo = ('<div class="c-p01"><div class="c-p02">Subscribe: 12 issues for £12, saving 60%</div>'
             '<div class="c-p03">Offer ends 31 March</div></div>')
    return (f'<div class="c-00"><div class="c-01"><span>{SITE}</span><span>Menu</span><span>Search</span></div>'
            f'<div class="c-02"><div class="c-h1">{_e(article.title)}</div>'
            f'<div class="c-by">Words by {_e(article.author)}</div>{promo}<div class="c-body">{paras}</div></div>'
            f'<div class="c-03">{"".join(f"<div>{_e(t)}</div>" for t in _MOST_READ)}</div>'
            '<div class="c-04">© 2024 Northgate Media · All rights reserved</div></div>'
            f'<div class="cookie-consent">{_COOKIE}</div>')


def _legacy(article: SampleArticle) -> str:
    """A table layout of the 2000s: paragraphs apart by <br><br>, the headline in <font>."""
    markets = "<br>".join(_e(m) for m in _MARKETS)
    links = "<br>".join(f'<a href="/s/{i}">{_e(t)}</a>' for i, t in enumerate(_MOST_READ))
    return (f'<table width="100%"><tr><td colspan="3" bgcolor="#003366"><font color="white" size="5">{SITE}'
            f'</font></td></tr><tr><td width="160" valign="top"><b>Markets</b><br>{markets}<br><br>'
            f'<b>Most read</b><br>{links}</td><td valign="top"><font size="5"><b>{_e(article.title)}</b></font>'
            f'<br><i>By {_e(article.author)}, {article.date}</i><br><br>'
            + "<br><br>".join(_e(p) for p in article.paragraphs)
            + f'</td><td width="160" valign="top">{_related()}</td></tr><tr><td colspan="3">'
            '<small>© 2024 Northgate Media Ltd. Registered in England No. 04123456.</small></td></tr></table>')


def _scripts(article: SampleArticle) -> str:
    state = {"page": {"id": 9912345, "section": article.section, "words": 642, "ads": [300, 250, 728, 90]}}
    return (f'<script>window.__STATE__={json.dumps(state)};</script>'
            '<script>(function(){var n=0;for(var i=0;i<10;i++){n+=i}})();</script>'
            '<noscript>Please enable JavaScript to see 100% of this page.</noscript>')


def _padding(size: int) -> str:
    """Boilerplate grown to about ``size`` characters: a mega-menu, a long comment thread
    and a large inline data script, as on heavy news pages."""
    links = "".join(f'<li><a href="/topic/{i}">Topic number {i}</a></li>' for i in range(size // 200))
    comments = "".join(f'<div class="comment"><b>reader{i}</b><p>Comment {i}: I paid {i % 90 + 10}% more '
                       'this year and I am not happy about it at all.</p></div>' for i in range(size // 400))
    blob = json.dumps({"items": [{"id": i, "score": i * 7 % 1000, "title": f"Item {i}"}
                                 for i in range(size // 80)]})
    return (f'<nav class="mega-menu"><ul>{links}</ul></nav><section id="comments">{comments}</section>'
            f'<script>window.__DATA__={blob};</script>')
