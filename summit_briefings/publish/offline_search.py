"""Search on the offline build (read from file://): Material's lunr index, which the plugin
extends with folded names and ranks by kind of page (links.SEARCH_WEIGHTS, which Pagefind
ranks by on the served site: site_search)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..evidence.quotes import fold_ascii

FOLDED_FIELD = "folded"
FOLDED_TITLE = "folded_title"

_WORD = re.compile(r"\w+")
# Citation numbers as Material's index keeps them ("<sup>13</sup>"): not words a reader
# searches for, and noise in the result snippets.
_NOTE_NUMBER = re.compile(r"<sup>\d+</sup>")


def folded_words(text: str) -> str:
    """The ASCII-folded form of every word that folding changes, in order, repeats kept.

    Only changed words go into the folded fields, so 'Luong' finds a page saying 'Lương'
    exactly as strongly as a page saying 'Luong', and pages in plain ASCII score no higher
    than before (their words are not counted twice).
    """
    # Folding leaves ASCII as it is, and nearly every word is ASCII: fold only the others.
    changed = []
    for word in _WORD.findall(text):
        if not word.isascii() and (folded := fold_ascii(word)) != word:
            changed.append(folded)
    return " ".join(changed)


def fold_search_index(index: dict, weights: Mapping[str, float]) -> dict:
    """Add ASCII-folded copies of each entry's title and text, and index those fields too.

    Citation numbers are taken out of the text first. Material's search does no diacritic
    folding, so 'Luong Cuong' would not find 'Lương Cường'. The visible text keeps its
    diacritics. The folded fields get the boosts of the fields they shadow, so a folded title
    match counts as a title match.

    Each entry's boost is its page's weight (weights: page URL → links.search_weight), for
    every entry of the page, its sections' too. Material's index applies no length penalty,
    so a source article, whose own entry holds the whole article, would otherwise outrank the
    briefings on any word it repeats.
    """
    for doc in index["docs"]:
        if "text" in doc:
            doc["text"] = _NOTE_NUMBER.sub("", doc["text"])
        page = doc.get("location", "").partition("#")[0]
        if page in weights:
            doc["boost"] = doc.get("boost", 1.0) * weights[page]
        title = folded_words(doc.get("title", ""))
        text = folded_words(doc.get("text", ""))
        if title:
            doc[FOLDED_TITLE] = title
        if text:
            doc[FOLDED_FIELD] = text
    fields = index["config"].setdefault("fields", {})
    fields[FOLDED_TITLE] = {"boost": fields.get("title", {}).get("boost", 1000.0)}
    fields[FOLDED_FIELD] = {"boost": fields.get("text", {}).get("boost", 1.0)}
    return index
