"""The fast paths of escaping and linking give exactly what the general functions give."""

from __future__ import annotations

import json
import posixpath
import urllib.parse

from hypothesis import given, settings
from hypothesis import strategies as st

from summit_briefings import links
from summit_briefings.exports import COLUMNS, FactRow, facts_json
from summit_briefings.render import URL_SAFE, environment, escape_text, markdown_literal, url_escape

# Digits, spaces and Markdown's special characters, so leading list markers and
# punctuation are drawn often.
TEXT = st.text(alphabet="ab1 9.-+\n\t*_#|[]{}`\\<>&đ", max_size=30)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(TEXT)
def test_escape_text_equals_the_full_markdown_escaping(text):
    assert escape_text(text) == markdown_literal(text)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet="az09/#.-_~%?& é\"<", max_size=30))
def test_url_escape_equals_quote(text):
    assert str(url_escape(text)) == urllib.parse.quote(text, safe=URL_SAFE)


def test_leading_list_markers_are_escaped_and_plain_numbers_are_not():
    assert escape_text("1. item") == "1\\. item"
    assert escape_text("- item") == "\\- item"
    assert escape_text("23 March 2018") == "23 March 2018"
    assert escape_text("-5") == "-5"


# Folder and page names as the site uses them, nested up to three deep.
PART = st.sampled_from(["summits", "leaders", "sources", "guide", "a", "index.md", "x.md"])
PAGE = st.lists(PART, min_size=1, max_size=3).map("/".join)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(PAGE, PAGE)
def test_relative_links_equal_posixpath_relpath(from_page, to_page):
    folder = posixpath.dirname(from_page) or "."
    assert links.relative(from_page, to_page) == posixpath.relpath(to_page, folder)


def test_macros_take_defaults_keywords_and_caller_as_jinja_does(tmp_path):
    (tmp_path / "page.md.jinja").write_text(
        '{% macro greet(name, end="!") %}Hi {{ name }}{{ end }}{% endmacro %}'
        '{% macro box() %}[{{ caller() }}]{% endmacro %}'
        '{{ greet("A") }} {{ greet("B", "?") }} {{ greet(name="C") }} '
        '{% call box() %}in{% endcall %} {{ greet("*") }}', encoding="utf-8")
    page = environment(tmp_path).get_template("page.md.jinja").render()
    assert page == "Hi A! Hi B? Hi C! [in] Hi \\*!"


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(*[st.text(max_size=20)] * len(COLUMNS)), min_size=1, max_size=4))
def test_facts_json_is_one_json_dumps_object_per_line(cells):
    rows = [FactRow(*row) for row in cells]
    text = facts_json(rows)
    lines = text.removesuffix("\n").split("\n")  # JSON escapes every newline in text
    assert lines[0] == "[" and lines[-1] == "]"
    assert lines[1:-1] == [json.dumps(dict(zip(COLUMNS, row, strict=True)), ensure_ascii=False)
                           + ("," if index < len(rows) - 1 else "")
                           for index, row in enumerate(cells)]
    assert json.loads(text) == [dict(zip(COLUMNS, row, strict=True)) for row in cells]
