"""Links between pages: every kind of page to every other, as MkDocs resolves them."""

from __future__ import annotations

import posixpath

import pytest

from summit_briefings.contexts import links

# One page of each kind (links.py), an id with a hyphen and a source file with a dot in its
# name among them.
PAGES = {
    "home": links.HOME, "summits": links.SUMMITS, "leaders": links.LEADERS,
    "topics": links.TOPICS, "sources": links.SOURCES, "trade": links.TRADE,
    "commitments": links.COMMITMENTS, "evolution": links.EVOLUTION, "fields": links.FIELDS,
    "relationship brief": links.BRIEF, "summit": links.summit_page("2031-04-10-port-arlen"),
    "pack": links.pack_page("2031-04-10-port-arlen"), "leader": links.leader_page("ana-b"),
    "brief": links.brief_page("ana-b"), "topic": links.topic_page("trade"),
    "summits year": links.summits_year_page("2031"),
    "sources year": links.sources_year_page("2031"),
    "commitments year": links.commitments_year_page("2031"),
    "trade year": links.trade_year_page("2031"),
    "evolution year": links.evolution_year_page("2031"),
    "timeline year": links.timeline_year_page("2031"),
    "leader year": links.leader_year_page("ana-b", "2031"),
    "topic year": links.topic_year_page("trade", "2031"),
    "source": links.source_page("wire.2031-04.txt"),
}
PAIRS = [(a, b) for a in PAGES for b in PAGES]


@pytest.mark.parametrize(("from_kind", "to_kind"), PAIRS)
def test_a_link_from_any_page_to_any_other_lands_on_it_by_the_shortest_path(from_kind, to_kind):
    from_page, to_page = PAGES[from_kind], PAGES[to_kind]
    link = links.relative(from_page, to_page)
    assert posixpath.normpath(posixpath.join(posixpath.dirname(from_page), link)) == to_page
    # The shortest path: up only as far as the folder the two pages share.
    assert link == posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


@pytest.mark.parametrize(("from_page", "to_page", "anchor", "link"), [
    (links.HOME, links.summit_page("x"), "", "summits/x.md"),
    (links.summit_page("x"), links.leader_page("y"), "a", "../leaders/y.md#a"),
    (links.SUMMITS, links.summit_page("x"), "", "x.md"),
    (links.summit_page("x"), links.summit_page("x"), "q1-9", "x.md#q1-9"),  # the page itself
    (links.brief_page("y"), links.leader_page("y"), "summits", "../y.md#summits"),
    (links.leader_year_page("y", "2024"), links.HOME, "", "../../index.md"),
    (links.source_page("a.b.txt"), links.sources_year_page("2024"), "", "by-year/2024.md"),
    (links.FIELDS, links.TRADE, "computed", "../trade-targets.md#computed"),
])
def test_links_between_pages_are_relative_to_the_linking_page(from_page, to_page, anchor, link):
    assert links.relative(from_page, to_page, anchor) == link


@pytest.mark.parametrize(("page", "path"), [
    (links.summits_year_page("2024"), "summits/2024.md"),
    (links.commitments_year_page("2024"), "commitments/2024.md"),
    (links.trade_year_page("2024"), "trade-targets/2024.md"),
    (links.evolution_year_page("2024"), "evolution/2024.md"),
    (links.leader_year_page("ana-b", "2024"), "leaders/ana-b/2024.md"),
    (links.topic_year_page("trade", "2024"), "topics/trade/2024.md"),
    # Not beside their pages: a source file may be '2024.txt'; the home page's folder is
    # the site's.
    (links.sources_year_page("2024"), "sources/by-year/2024.md"),
    (links.timeline_year_page("2024"), "timeline/2024.md"),
])
def test_a_pages_archive_for_a_year_is_in_a_folder_named_as_the_page(page: str, path: str):
    assert page == path
