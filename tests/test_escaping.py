"""Escaping for Markdown and HTML, and the JSON export's layout."""

from __future__ import annotations

import csv
import html
import io
import json

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summit_briefings.contexts.exports import COLUMNS, FactRow, facts_csv, facts_json
from summit_briefings.model.problems import Problem
from summit_briefings.render import markdown_literal

# The site's Markdown extensions (mkdocs.yml) that give lines a block meaning.
EXTENSIONS = ["attr_list", "admonition", "footnotes", "tables", "toc"]


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


@pytest.mark.parametrize("value", [
    '!!! failure "The data has 3 problems"', "??? note", "---", "===", "- - -", "=",
    "# heading", "> quote", "| a | b |", "1. first", "- item", "+ item", "* item",
])
def test_block_syntax_in_a_value_stays_one_paragraph_of_its_own_text(value):
    # After a line of text, as a template prints a description under a label: '===' or
    # '---' there would make that line a heading.
    page = markdown.markdown(f"Label\n{markdown_literal(value)}\n\n{markdown_literal(value)}",
                             extensions=EXTENSIONS)
    # Character references ('&#61;') read as the character they stand for.
    assert html.unescape(page) == f"<p>Label\n{value}</p>\n<p>{value}</p>"


def test_a_sign_before_a_number_is_not_escaped():
    assert markdown_literal("+5 %") == "+5 %" and markdown_literal("-0.7") == "-0.7"


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1:A2)", "+1+1",
                                  "-2+3", "\tx", "\rx"])
def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_text(cell):
    rows = [FactRow(cell, "s", cell, "2020", "f.txt", cell, "summits/x/")]
    read = list(csv.reader(io.StringIO(facts_csv(rows), newline="")))[1]
    assert read == ["'" + cell, "s", "'" + cell, "2020", "f.txt", "'" + cell, "summits/x/"]


def test_terminal_output_shows_control_characters_as_escapes():
    problem = Problem("data/x\x1b]8;;http://evil\x07.yml", 1, 1,
                      "closest passage: \x1b[2J\x1b[31mred\u202e\x9b")
    assert str(problem) == ("data/x\\x1b]8;;http://evil\\x07.yml:1:1: closest passage: "
                            "\\x1b[2J\\x1b[31mred\\u202e\\x9b")



@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(*[st.text(max_size=20)] * len(COLUMNS)), min_size=1, max_size=4))
def test_facts_json_holds_one_fact_per_line(cells):
    rows = [FactRow(*row) for row in cells]
    text = facts_json(rows)
    lines = text.removesuffix("\n").split("\n")  # JSON escapes every newline in text
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(rows) + 2
    assert json.loads(text) == [dict(zip(COLUMNS, row, strict=True)) for row in cells]
