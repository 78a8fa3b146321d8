"""Where each page lives, and relative links between pages (MkDocs resolves .md links)."""

from __future__ import annotations

import posixpath

from mkdocs.utils import get_relative_url

from ..model.schema import PEOPLE_BY_NAME

HOME = "index.md"
SUMMITS = "summits/index.md"
LEADERS = "leaders/index.md"
TOPICS = "topics/index.md"
SOURCES = "sources/index.md"
TRADE = "trade-targets.md"
COMMITMENTS = "commitments.md"
EVOLUTION = "evolution.md"
FIELDS = "guide/data-fields.md"
BRIEF = "brief.md"
LEADERS_BY_NAME = f"leaders/{PEOPLE_BY_NAME}/"  # pages of each country's people A–Z


def summit_page(summit_id: str) -> str:
    return f"summits/{summit_id}.md"


def pack_page(summit_id: str) -> str:
    """A summit's meeting pack, beside its page: '/summits/<id>/pack/'."""
    return f"summits/{summit_id}/pack.md"


def leader_page(person_id: str) -> str:
    return f"leaders/{person_id}.md"


def brief_page(person_id: str) -> str:
    """A person's counterpart brief, beside their page: '/leaders/<id>/brief/'."""
    return f"leaders/{person_id}/brief.md"


def leaders_by_name_page(country_code: str, number: int) -> str:
    """A page of a country's people A–Z (index_pages.people_by_name): '/leaders/by-name/kr-2/'.
    A leader's own pages beside it are named after a year or 'brief', never 'kr-2'."""
    return f"{LEADERS_BY_NAME}{country_code.lower()}-{number}.md"


def topic_page(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


# The archives of a bounded page (archives.py), a page a year beside it: '/leaders/<id>/2024/'
# as the brief is '/leaders/<id>/brief/', and '/summits/2024/' beside the summits, whose ids
# start with their full date and never name a bare year.
def year_page(page: str, year: str) -> str:
    """A page's archive for a year, in a folder named as the page: 'trade-targets.md' →
    'trade-targets/2024.md', 'leaders/x.md' → 'leaders/x/2024.md', 'summits/index.md' →
    'summits/2024.md'."""
    return f"{page.removesuffix('.md').removesuffix('/index')}/{year}.md"


def summits_year_page(year: str) -> str:
    return year_page(SUMMITS, year)


def sources_year_page(year: str) -> str:
    """'/sources/by-year/2024/', not beside the sources: a source's page is named after its
    file, which may be '2024.txt'; no file name holds a '/'."""
    return f"sources/by-year/{year}.md"


def commitments_year_page(year: str) -> str:
    return year_page(COMMITMENTS, year)


def trade_year_page(year: str) -> str:
    return year_page(TRADE, year)


def evolution_year_page(year: str) -> str:
    return year_page(EVOLUTION, year)


def timeline_year_page(year: str) -> str:
    """The home page's timeline, a year a page: '/timeline/2024/', not beside the home page,
    whose folder is the site's."""
    return f"timeline/{year}.md"


def leader_year_page(person_id: str, year: str) -> str:
    return year_page(leader_page(person_id), year)


def topic_year_page(topic_id: str, year: str) -> str:
    return year_page(topic_page(topic_id), year)


def source_page(source_file: str) -> str:
    """A source's page, named after its file (a plain name: validation sees to that)."""
    return f"sources/{posixpath.splitext(source_file)[0]}.md"


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """Link from one page's Markdown file to another's, as MkDocs expects. (MkDocs reads the
    last part of ``from_page`` as a file, not a folder, because it has a dot: '.md'.)"""
    path = get_relative_url(to_page, from_page)
    return f"{path}#{anchor}" if anchor else path


def url_of(page: str) -> str:
    """The directory-style URL a page gets: 'summits/x.md' → 'summits/x/'."""
    if page == HOME:
        return ""
    if page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


# Search ranking, one table for both engines: Pagefind on the served site
# (data-pagefind-weight on each page's article) and Material's lunr index offline (each
# entry's boost). The weight of each kind of page's words, by the page's Markdown path. A
# person's name finds their page first (every summit page names its leaders too), a place or
# a treaty its summits, a target or an amount the trade page; the digests (topics, evolution,
# commitments, the home page) and the source articles they summarise, which repeat the same
# words at length, come after. The first prefix that matches applies; a section index
# ("leaders/index.md") is a list of names and weighs as a digest. The trade page's archive
# pages a year ('trade-targets/2024.md', archives.py) weigh as it does; the other archive
# pages, and the pages of a country's people A–Z, are kept out of search (_page.md.jinja).
SEARCH_WEIGHTS = (("leaders/", 2.0), ("summits/", 2.0), (TRADE, 2.0), ("trade-targets/", 2.0),
                  ("sources/", 0.3))
DIGEST_WEIGHT = 0.4
SECTION_INDEXES = frozenset({LEADERS, SUMMITS, SOURCES, TOPICS})
# A person's page's heading is the name itself (Pagefind: its weight, above the 7 Pagefind
# gives any h1).
NAME_HEADING_WEIGHT = 10.0


def search_weight(page: str) -> float:
    """The weight in search of a page's words, by its Markdown path ('leaders/to-lam.md')."""
    if page in SECTION_INDEXES:
        return DIGEST_WEIGHT
    return next((weight for prefix, weight in SEARCH_WEIGHTS if page.startswith(prefix)),
                DIGEST_WEIGHT)


def is_person_page(page: str) -> bool:
    """A leader's own page ('leaders/to-lam.md'), not the section index or a brief."""
    folder, _, name = page.rpartition("/")
    return folder == "leaders" and page != LEADERS and name.endswith(".md")
