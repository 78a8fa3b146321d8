"""Data values reach the built HTML as literal text, everywhere: the article, the theme's
header bar and <title>, navigation, table of contents and the search results.

Hostile markup is planted in every display field of a scratch copy of the fictional corpus
(tests/fixtures/fictional-pair, which fills every one of them) and the whole site is built
with MkDocs. Every built page, parsed with an HTML parser, must have no element, no ``on*``
attribute and no ``javascript:`` URL that the same page of the unmodified build lacks.
"""

from __future__ import annotations

import gzip
import html
import json
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FICTIONAL_DATA, REPO, initialised_project, mkdocs_build, shared_folder

# No digits: the check requires every number a fact states to occur in its quotes.
# LITERAL is text that reads like markup escaped once: it must show as these very characters.
LITERAL = "&lt;b&gt;Quokkaquill&lt;/b&gt;&amp;"
HOSTILE = ('<img src=x onerror=alert(document.domain)> </title><script>alert(document.cookie)'
           '</script> <a href="javascript:alert(document.domain)">x</a> <svg onload=alert(a)>'
           f' *em* _em_ [link](javascript:alert(a)) `code` {{: onclick="alert(a)" }} {LITERAL}'
           ' {{ a*b }} {% if %} | #')
# The free-text fields pages print; ids, references, quotes and enumerations stay as they are.
DISPLAY_FIELDS = {"title", "name", "description", "text", "role", "city", "venue", "outlet",
                  "headline", "publisher", "introduction",
                  "measures", "reasoning", "horizon"}


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}


# An occasion's kind is free text ('state visit'); an outcome's is an enumeration.
OCCASION_FIELDS = DISPLAY_FIELDS | {"kind"}


def planted(key: str, item: str, parent: dict) -> str:
    """HOSTILE appended to a field's text; to a role's title, put before it, so that a short
    title and its full form ('President', 'President of Norland') still read as one office
    (contexts/claims.py same_office) and each page holds the rows of the plain build."""
    return f"{HOSTILE} {item}" if key == "role" or "as_of" in parent else f"{item} {HOSTILE}"


def plant(value: object, fields: set[str] = DISPLAY_FIELDS) -> object:
    """The value with HOSTILE planted in every display field, at any depth. A person's names
    are left alone: each must be in a quote, so they are verbatim source text, like quotes."""
    if isinstance(value, dict):
        return {key: (planted(key, item, value) if key in fields and isinstance(item, str)
                      and "names" not in value else item if key == "names" else
                      plant(item, OCCASION_FIELDS if key == "occasion" else DISPLAY_FIELDS))
                for key, item in value.items()}
    if isinstance(value, list):
        return [plant(item, fields) for item in value]
    return value


def planted_project(target: Path) -> Path:
    """The fictional corpus's project from `init` (as the plain site's), HOSTILE planted."""
    initialised_project(target)
    for path in sorted((target / "data").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(plant(data), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return target


def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of ``planted_project``, built once per test run for every worker (these tests
    and tests/browser/test_hostile_search.py)."""
    return shared_folder(tmp_path_factory, "hostile",
                         lambda folder: mkdocs_build(planted_project(folder))) / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, initialised_fictional_site: Path,
          ) -> tuple[Path, Path]:
    """The fictional corpus's site, plain and with HOSTILE planted."""
    return initialised_fictional_site, hostile_site(tmp_path_factory)


def markup(html: str) -> tuple[Counter, set[str], int]:
    """What markup a document holds: its elements by name, the ``on*`` attributes (with their
    element), and how many URL attributes hold ``javascript:`` URLs (a tooltip or a meta
    description may show the planted text, which is inert there)."""
    soup = BeautifulSoup(html, "html.parser")
    elements: Counter = Counter()
    handlers: set[str] = set()
    scripted = 0
    for tag in soup.find_all(True):
        elements[tag.name] += 1
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                handlers.add(f"{tag.name}[{name}]")
            if name.lower() in URL_ATTRIBUTES:
                scripted += "javascript:" in str(value).replace(" ", "").lower()
    return elements, handlers, scripted


def assert_no_new_markup(plain: str, hostile: str, where: str) -> None:
    plain_elements, plain_handlers, plain_scripted = markup(plain)
    elements, handlers, scripted = markup(hostile)
    assert not elements - plain_elements, f"{where}: new elements {elements - plain_elements}"
    assert handlers <= plain_handlers, f"{where}: new handlers {handlers - plain_handlers}"
    assert scripted <= plain_scripted, f"{where}: javascript: URLs"


def keys_of(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for item in value.values() for k in keys_of(item)}
    if isinstance(value, list):
        return {k for item in value for k in keys_of(item)}
    return set()


def test_the_corpus_fills_every_display_field():
    keys = {key for path in FICTIONAL_DATA.rglob("*.yaml")
            for key in keys_of(yaml.safe_load(path.read_text(encoding="utf-8")))}
    assert DISPLAY_FIELDS <= keys, DISPLAY_FIELDS - keys


def test_hostile_values_were_planted_and_built(sites):
    _, hostile = sites
    page = (hostile / "index.html").read_text(encoding="utf-8")
    assert "onerror=alert(document.domain)" in BeautifulSoup(page, "html.parser").get_text()


def test_hostile_values_show_as_the_very_characters_planted(sites):
    """What reads as HTML, Markdown or Jinja, or as text escaped once already, shows character
    for character: in the summit page's title, occasion and outcomes at least."""
    _, hostile = sites
    page = hostile / "summits" / "2031-04-10-port-arlen" / "index.html"
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
    assert " ".join(article.get_text(" ").split()).count(HOSTILE) >= 3


def test_no_built_page_gains_markup_from_hostile_data(sites):
    plain, hostile = sites
    pages = sorted(p.relative_to(plain) for p in plain.rglob("*.html"))
    assert pages == sorted(p.relative_to(hostile) for p in hostile.rglob("*.html"))
    for page in pages:
        assert_no_new_markup((plain / page).read_text(encoding="utf-8"),
                             (hostile / page).read_text(encoding="utf-8"), str(page))


def test_the_header_bar_and_title_show_hostile_values_as_text(sites):
    _, hostile = sites
    summit = next(p for p in (hostile / "summits").rglob("index.html")
                  if p.parent.name != "summits")
    soup = BeautifulSoup(summit.read_text(encoding="utf-8"), "html.parser")
    assert "<script>alert(document.cookie)" in soup.title.get_text()
    header = " ".join(topic.get_text() for topic in soup.select(".md-header__topic"))
    assert "<img src=x" in header


def pagefind_fragments(site: Path) -> list[dict]:
    return [json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd"):])
            for f in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))]


def shown_as_search_result(fragment: dict) -> str:
    """The HTML the result list gets from a page's fragment: its text and its title as our
    worker escapes them, every character (tests/browser/test_hostile_search.py drives the
    worker itself)."""
    return (f"<h1>{html.escape(fragment['meta'].get('title', ''))}</h1>"
            f"<p>{html.escape(fragment['content'])}</p>")


def test_search_results_gain_no_markup_from_hostile_data(sites):
    # Material shows a result's title and text as HTML. The served site's results come from
    # Pagefind's index (Material's own index holds no documents there).
    plain, hostile = sites
    for site in sites:
        index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
        assert index["docs"] == []
    hostile_fragments = pagefind_fragments(hostile)
    assert any("onerror=alert(document.domain)" in f["content"] for f in hostile_fragments)
    assert any("onerror=alert(document.domain)" in f["meta"].get("title", "")
               for f in hostile_fragments)
    assert_no_new_markup("".join(map(shown_as_search_result, pagefind_fragments(plain))),
                         "".join(map(shown_as_search_result, hostile_fragments)), "results")
    worker = (REPO / "docs/assets/javascripts/pagefind-worker.js").read_text(encoding="utf-8")
    assert "title: escapeHTML(page.meta.title" in worker and "escapeHTML(section.title)" in worker


def test_sitemap_and_exports_hold_no_markup_from_hostile_data(sites):
    _, hostile = sites
    sitemap = (hostile / "sitemap.xml").read_text(encoding="utf-8")
    assert "<script" not in sitemap and "onerror" not in sitemap
    # Exports are data files served as JSON and CSV, never parsed as HTML; in JSON the
    # planted text stays a string value.
    facts = json.loads((hostile / "data" / "facts.json").read_text(encoding="utf-8"))
    assert any(HOSTILE in str(row) for row in facts)
