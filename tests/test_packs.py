"""Meeting-pack assembly on its own: a part's links lead where they led from its own page,
and its ids never clash with another part's."""

from __future__ import annotations

import pytest

from summit_briefings.packs import PackPlan, _re_aimed, _with_ids_prefixed

PACK = "summits/s/pack/index.html"


@pytest.mark.parametrize(("page", "link", "aimed"), [
    ("leaders/a/index.html", "../b/", "../../../leaders/b/"),
    ("leaders/a/index.html", "../../summits/s/#when", "../#when"),
    ("leaders/a/index.html", "../../assets/x.css?v=1", "../../../assets/x.css?v=1"),
    ("summits/s/index.html", "../../sources/f/#q1-9", "../../../sources/f/#q1-9"),
    ("summits/s/index.html", "#fn:a", "#fn:a"),
    ("summits/s/index.html", "https://example.org/a", "https://example.org/a"),
    ("summits/s/index.html", "mailto:x@example.org", "mailto:x@example.org"),
])
def test_links_are_re_aimed_from_the_pack(page: str, link: str, aimed: str):
    assert _re_aimed(f'<a href="{link}">x</a>', page, PACK) == f'<a href="{aimed}">x</a>'


def test_ids_and_the_references_to_them_share_the_parts_prefix():
    html = ('<h2 id="roles">R</h2><sup id="fnref:k"><a href="#fn:k">1</a></sup>'
            '<svg aria-labelledby="t d"><title id="t"/><desc id="d"/></svg>'
            '<a href="../x/#roles">elsewhere</a>')
    assert _with_ids_prefixed(html, "p--") == (
        '<h2 id="p--roles">R</h2><sup id="p--fnref:k"><a href="#p--fn:k">1</a></sup>'
        '<svg aria-labelledby="p--t p--d"><title id="p--t"/><desc id="p--d"/></svg>'
        '<a href="../x/#roles">elsewhere</a>')


@pytest.mark.parametrize(("summit", "pack"), [
    ("summits/s/index.html", "summits/s/pack/index.html"),
    ("summits/s.html", "summits/s-pack.html"),  # the offline build: no directory URLs
])
def test_a_pack_sits_beside_its_summit_page(summit: str, pack: str):
    assert PackPlan(summit, (), "trade-targets/index.html").pack == pack
