"""Escaping for Markdown and HTML, links between pages, and the JSON export's layout."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summit_briefings import links
from summit_briefings.exports import COLUMNS, FactRow, facts_json
from summit_briefings.render import markdown_literal


def test_leading_list_markers_are_escaped_and_plain_numbers_are_not():
    assert markdown_literal("1. item") == "1\\. item"
    assert markdown_literal("- item") == "\\- item"
    assert markdown_literal("23 March 2018") == "23 March 2018"
    assert markdown_literal("-5") == "-5"


def test_markdown_and_html_punctuation_is_literal_and_text_is_one_line():
    assert markdown_literal("*a* <b>\n[c](d) | `e`") == \
        "\\*a\\* &lt;b&gt; \\[c\\](d) \\| \\`e\\`"


@pytest.mark.parametrize("text, literal", [
    ("a\tb", "a b"), ("a  b", "a b"), (" a\n", " a "), ("a\u00a0b", "a b"),
    ("a \u2028\r\n b", "a b"), ("a\u3000b", "a b"), ("a\x1fb", "a b"),
])
def test_every_kind_and_run_of_whitespace_becomes_one_space(text, literal):
    assert markdown_literal(text) == literal


def test_links_between_pages_are_relative_to_the_linking_page():
    assert links.relative(links.HOME, links.summit_page("x")) == "summits/x.md"
    assert links.relative(links.summit_page("x"), links.leader_page("y"), "a") == \
        "../leaders/y.md#a"
    assert links.relative(links.SUMMITS, links.summit_page("x")) == "x.md"



@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(*[st.text(max_size=20)] * len(COLUMNS)), min_size=1, max_size=4))
def test_facts_json_holds_one_fact_per_line(cells):
    rows = [FactRow(*row) for row in cells]
    text = facts_json(rows)
    lines = text.removesuffix("\n").split("\n")  # JSON escapes every newline in text
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(rows) + 2
    assert json.loads(text) == [dict(zip(COLUMNS, row, strict=True)) for row in cells]
