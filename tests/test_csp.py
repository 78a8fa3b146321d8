"""The Content-Security-Policy tag on its own (publish/csp.py): where it goes, what it
hashes, what it refuses; the browser tests (tests/browser/test_csp.py) load the real pages."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from summit_briefings.publish.csp import (
    SHIM_PATH,
    CspError,
    check_shim,
    shim_iframe_script,
    with_csp,
)

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width">
    <script>__md_scope=new URL("../..",location)</script>
    <style>.a:target { color: red }</style>
  </head>
  <body>
    <script id="__config" type="application/json">{"base": "../..", "search": "../../w.js"}</script>
    <script src="../../bundle.js"></script>
    <script>var target=document.getElementById(location.hash.slice(1))</script>
  </body>
</html>
"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy_of(html: str) -> str:
    start = html.index('content="', html.index('http-equiv="Content-Security-Policy"'))
    return html[start + 9: html.index('"', start + 9)]


def test_the_tag_follows_the_charset_and_names_the_inline_scripts_and_styles():
    out = with_csp(PAGE)
    assert out.count("Content-Security-Policy") == 1
    assert out.index('<meta charset="utf-8">') < out.index("Content-Security-Policy") < out.index(
        '<meta name="viewport"')
    policy = policy_of(out)
    assert policy.startswith("default-src 'self'; script-src 'self' "
                             + sha('__md_scope=new URL("../..",location)') + " "
                             + sha("var target=document.getElementById(location.hash.slice(1))")
                             + " 'wasm-unsafe-eval'; style-src 'self' "
                             + sha(".a:target { color: red }") + ";"), policy
    for directive in ("worker-src 'self' blob:", "object-src 'none'", "base-uri 'self'"):
        assert directive in policy
    # Page data (the JSON config) is not a script the policy governs.
    assert sha('{"base": "../..", "search": "../../w.js"}') not in policy
    # Nothing else of the page changes.
    assert out.replace(f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
                       "") == PAGE


def test_hashes_follow_the_page_and_a_second_pass_replaces_the_first():
    once = with_csp(PAGE)
    assert with_csp(once) == once
    deeper = once.replace('new URL("../..",location)', 'new URL("../../..",location)')
    again = with_csp(deeper)
    assert again.count("Content-Security-Policy") == 1
    assert sha('__md_scope=new URL("../../..",location)') in policy_of(again)
    assert sha('__md_scope=new URL("../..",location)') not in policy_of(again)


def test_offline_pages_allow_the_shims_iframe_script_for_their_own_worker_url():
    policy = policy_of(with_csp(PAGE, offline=True))
    assert sha(shim_iframe_script("../../w.js")) in policy
    assert sha(shim_iframe_script("../w.js")) not in policy
    assert sha(shim_iframe_script("../../w.js")) not in policy_of(with_csp(PAGE))


def test_the_shims_iframe_script_is_the_one_the_vendored_shim_writes():
    shim = (DOCS / SHIM_PATH).read_text(encoding="utf-8")
    check_shim(DOCS)
    post = 'function c(s,n){parent.postMessage(s,n||"*")}'
    imports = ("function d(...s){return s.reduce((n,e)=>n.then(()=>new Promise(r=>{let "
               't=document.createElement("script");t.src=e,t.onload=r,'
               "document.body.appendChild(t)})),Promise.resolve())}")
    assert post in shim and imports in shim
    template = shim_iframe_script("${e}").replace(post, "${c}").replace(imports, "${d}")
    assert f"<script>{template}<\\/script>" in shim


def test_a_changed_shim_is_refused(tmp_path: Path):
    (tmp_path / SHIM_PATH).parent.mkdir(parents=True)
    (tmp_path / SHIM_PATH).write_text("/* another version */", encoding="utf-8")
    with pytest.raises(CspError, match="iframe-worker shim"):
        check_shim(tmp_path)


def content_span(html: str, content: str) -> tuple[int, int]:
    start = html.index(content)
    return start, start + len(content)


def test_content_is_read_only_when_it_could_hold_a_script_or_a_style():
    article = '<article>\n<p>Text &amp; <a href="#x">more</a></p>\n</article>'
    page = PAGE.replace("<body>", f"<body>{article}")
    assert with_csp(page, content=content_span(page, article)) == with_csp(page)
    styled = '<article>\n<p>x</p><STYLE>.b { color: blue }</STYLE>\n</article>'
    page = PAGE.replace("<body>", f"<body>{styled}")
    out = with_csp(page, content=content_span(page, styled))
    assert out == with_csp(page) and sha(".b { color: blue }") in policy_of(out)


def test_a_content_span_not_between_elements_is_read_with_the_whole_page():
    # The span starts inside a comment: read from there as if between elements, the script
    # commented out after it would count as the page's, and be allowed.
    page = PAGE.replace("<body>", "<body><!-- a b <script>commented()</script> -->")
    start = page.index(" b ")
    out = with_csp(page, content=(start, start + 2))
    assert out == with_csp(page)
    assert sha("commented()") not in policy_of(out)
    # Inside a tag, or inside a script.
    for inside in ('<meta name="viewport" ', '<script>__md_scope'):
        start = PAGE.index(inside) + len(inside)
        assert with_csp(PAGE, content=(start, start + 5)) == with_csp(PAGE)


def test_a_page_without_a_head_is_refused():
    with pytest.raises(CspError, match="no <head>"):
        with_csp("<p>fragment</p>", where="x.html")
