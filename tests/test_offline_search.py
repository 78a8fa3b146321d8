"""The offline build's search index (summit_briefings.publish.offline_search), rewritten directly on
entries as Material's search plugin writes them: folded names, ranking by kind of page."""

from __future__ import annotations

import pytest

from summit_briefings.publish.offline_search import FOLDED_FIELD, FOLDED_TITLE, fold_search_index

# Page weights by URL, as the plugin gives them (links.search_weight of each page).
WEIGHTS = {"leaders/to-lam/": 2.0, "summits/x/": 2.0, "sources/000_4f94/": 0.3, "": 0.4}


def folded(entry: dict, fields: dict | None = None) -> tuple[dict, dict]:
    """The entry and the index's field settings after the rewrite."""
    index = fold_search_index({"config": {"fields": fields or {}}, "docs": [dict(entry)]},
                              WEIGHTS)
    return index["docs"][0], index["config"]["fields"]


@pytest.mark.parametrize(("title", "text", "folded_title", "folded_text"), [
    ("Lương Cường", "met Tô Lâm in Hà Nội", "Luong Cuong", "To Lam Ha Noi"),
    ("Đà Nẵng talks", "Đà Nẵng, then Đà Nẵng again", "Da Nang", "Da Nang Da Nang"),
    ("Gyeongju summit", "이재명 met Lương Cường", None, "Luong Cuong"),
    ("Plain title", "plain ASCII text only", None, None),
])
def test_words_with_diacritics_get_folded_copies_and_plain_words_none(
        title: str, text: str, folded_title: str | None, folded_text: str | None):
    entry, _ = folded({"location": "summits/x/", "title": title, "text": text})
    assert entry.get(FOLDED_TITLE) == folded_title
    assert entry.get(FOLDED_FIELD) == folded_text
    assert (entry["title"], entry["text"]) == (title, text)  # what readers see keeps its letters


def test_citation_numbers_are_taken_out_of_the_text():
    entry, _ = folded({"location": "summits/x/", "title": "T",
                       "text": "agreed a target<sup>3</sup> of US$150 billion<sup>12</sup>."})
    assert entry["text"] == "agreed a target of US$150 billion."


@pytest.mark.parametrize(("location", "boost"), [
    ("leaders/to-lam/", 2.0),
    ("leaders/to-lam/#summits", 2.0),  # a section of the page weighs as the page
    ("summits/x/#bottom-line", 2.0),
    ("sources/000_4f94/", 0.3),
    ("", 0.4),  # the home page
    ("#numbers", 0.4),
    ("unknown/", None),  # a page the plugin gave no weight keeps Material's
])
def test_each_entry_gets_its_pages_weight(location: str, boost: float | None):
    entry, _ = folded({"location": location, "title": "T", "text": "x"})
    assert entry.get("boost") == boost


def test_a_boost_material_gave_an_entry_is_multiplied_not_replaced():
    entry, _ = folded({"location": "summits/x/", "title": "T", "text": "x", "boost": 2.0})
    assert entry["boost"] == 4.0


@pytest.mark.parametrize(("fields", "title_boost", "text_boost"), [
    ({"title": {"boost": 1000.0}, "text": {"boost": 1.0}}, 1000.0, 1.0),
    ({"title": {"boost": 50.0}, "text": {"boost": 2.0}}, 50.0, 2.0),
    ({}, 1000.0, 1.0),  # Material's defaults when its config names none
])
def test_folded_fields_are_indexed_as_strongly_as_the_fields_they_shadow(
        fields: dict, title_boost: float, text_boost: float):
    _, indexed = folded({"location": "", "title": "T", "text": "x"}, fields)
    assert indexed[FOLDED_TITLE] == {"boost": title_boost}
    assert indexed[FOLDED_FIELD] == {"boost": text_boost}
