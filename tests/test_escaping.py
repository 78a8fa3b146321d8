"""The fast paths of escaping give exactly what the full escaping gives."""

from __future__ import annotations

import urllib.parse

from hypothesis import given, settings
from hypothesis import strategies as st

from summit_briefings.render import URL_SAFE, escape_text, markdown_literal, url_escape

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
