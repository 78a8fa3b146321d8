"""Meeting-pack assembly on its own: a part's links lead where they led from its own page,
its ids never clash with another part's, and the theme's page config names the search worker
and the site's root from the pack's own address."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from summit_briefings.packs import (
    PackPlan,
    _config_re_aimed,
    _re_aimed,
    _scope_re_aimed,
    _with_ids_prefixed,
)

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


# The theme's scripts as a summit page (two folders deep) has them.
SCOPE = ('<head>\n<title>A &lt;b&gt; summit</title>\n<script src="../../x.js"></script>\n'
         '<script>__md_scope=new URL("../..",location),__md_get=(e,_=localStorage,'
         't=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e))</script>\n</head>')
CONFIG = ('</article>\n<footer><a href="../../">Home</a></footer>\n'
          '<script id="__config" type="application/json">{"annotate": null, "base": "../..", '
          '"features": ["search.highlight"], "search": '
          '"../../assets/javascripts/pagefind-worker.js", "translations": {"search.result.none": '
          '"No \\u003cmatching\\u003e documents"}}</script>\n'
          '<script src="../../assets/javascripts/bundle.min.js"></script>')
SUMMIT = "summits/s/index.html"


def page_config(html: str) -> dict:
    return json.loads(BeautifulSoup(html, "html.parser").find("script", id="__config").string)


def test_a_packs_search_worker_and_root_are_named_from_its_own_address():
    config = page_config(_config_re_aimed(CONFIG, SUMMIT, PACK))
    assert config["base"] == "../../.."
    assert config["search"] == "../../../assets/javascripts/pagefind-worker.js"
    assert {k: v for k, v in config.items() if k not in ("base", "search")} == {
        k: v for k, v in page_config(CONFIG).items() if k not in ("base", "search")}


def test_a_packs_stored_settings_keep_the_sites_scope():
    html = _scope_re_aimed(SCOPE, SUMMIT, PACK)
    assert html == SCOPE.replace('new URL("../..",', 'new URL("../../..",')


def test_a_pack_beside_its_summit_page_keeps_the_theme_scripts_as_they_are():
    # Offline (no directory URLs) a pack sits in its summit page's folder; the config is
    # written back as the theme writes it, so nothing changes.
    assert _config_re_aimed(CONFIG, "summits/s.html", "summits/s-pack.html") == CONFIG
    assert _scope_re_aimed(SCOPE, "summits/s.html", "summits/s-pack.html") == SCOPE


def test_a_page_without_the_theme_config_is_refused():
    with pytest.raises(ValueError, match="mkdocs-material may have changed"):
        _config_re_aimed("</article><footer></footer>", SUMMIT, PACK)
