"""A Content-Security-Policy meta tag for every built page: nothing runs or loads on a page but
the site's own files and the inline scripts and styles the page was built with.

The policy allows inline code by the sha256 hash of its exact text, computed here from each
built page (Material's inline scripts name the page's folder depth, so their hashes differ
from page to page). A page is read with the standard library's HTML parser: all of the theme's
part of it, and its content where that could hold a script or a style (_scan). The tag is
inserted at the offset the parser reports, never found or changed by a pattern over the
theme's markup.

A meta tag cannot set ``frame-ancestors``, ``report-uri`` or ``sandbox``: those need an HTTP
header from the server.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

CSP_HTTP_EQUIV = "content-security-policy"
# Script types a browser runs; an inline script of any other type (Material's page config is
# application/json) is data, which the policy does not govern.
_RUNNABLE_TYPES = {"", "module", "text/javascript", "application/javascript",
                   "application/ecmascript", "text/ecmascript"}

# The vendored iframe-worker shim (docs/assets/javascripts/iframe-worker-shim.js), which runs
# Material's search worker in a hidden iframe when the offline build is read from file://.
# That iframe's document is written by the shim and inherits the page's policy, so the one
# inline script it writes needs the page's permission too. Its text is the shim's template
# with the worker URL the page's config names (by folder depth): reproduced here for the
# shim whose digest is pinned below, as the shim itself would write it.
SHIM_PATH = "assets/javascripts/iframe-worker-shim.js"
SHIM_SHA256 = "cf7eabdf727500cc8bcb2a786b855e92fcc63aa88b6a7c6fd968ac0edda9ac48"
_SHIM_IFRAME_SCRIPT = (
    'postMessage=function c(s,n){parent.postMessage(s,n||"*")};'
    "importScripts=function d(...s){return s.reduce((n,e)=>n.then(()=>new Promise(r=>{let "
    't=document.createElement("script");t.src=e,t.onload=r,document.body.appendChild(t)})),'
    "Promise.resolve())};"
    'addEventListener("error",({error})=>{parent.dispatchEvent(new ErrorEvent("error",'
    '{filename:"{worker}",error}))})')


class CspError(ValueError):
    """A page, or the vendored shim, for which no policy can be written as it is."""


def source_hash(text: str) -> str:
    """The policy's source expression for an inline script or style: its sha256, over its
    text as the browser sees it (UTF-8; the HTML parser turns CR LF and CR into LF)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def shim_iframe_script(worker: str) -> str:
    """The inline script the iframe-worker shim writes into its iframe for ``worker``, the
    search worker's URL as the page's config names it."""
    return _SHIM_IFRAME_SCRIPT.replace("{worker}", worker)


def check_shim(docs_dir: Path) -> None:
    """Refuse a vendored shim other than the one whose iframe script csp reproduces."""
    path = docs_dir / SHIM_PATH
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SHIM_SHA256:
        raise CspError(f"{path}: not the iframe-worker shim whose iframe script "
                       "summit_briefings/publish/csp.py reproduces (its sha256 differs); update "
                       "_SHIM_IFRAME_SCRIPT and SHIM_SHA256 to match the new shim")


def policy(script_hashes: list[str], style_hashes: list[str]) -> str:
    """The policy for a page whose inline scripts and styles have these hashes."""
    directives = [
        # 'self': the site's own files, whether served or read from file:// (there Chromium
        # lets 'self' match file: URLs).
        "default-src 'self'",
        # 'wasm-unsafe-eval': Pagefind compiles its WebAssembly search core; it allows no
        # JavaScript eval.
        " ".join(["script-src 'self'", *script_hashes, "'wasm-unsafe-eval'"]),
        # Material changes styles only through the CSSOM (element.style), which a policy does
        # not govern, and the built markup has no style attributes; the only inline styles
        # are <style> elements of the site's own pages (a source page's highlight rules),
        # allowed by hash like the scripts. So no 'unsafe-inline', which would let injected
        # markup restyle a page (to hide or fake content).
        " ".join(["style-src 'self'", *style_hashes]),
        # Material's icons (admonitions, footnotes, search) are data: SVGs in its stylesheet.
        "img-src 'self' data:",
        # Pagefind's search runs in a worker of ours, which may start its own from a blob.
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


@dataclass
class _Scan:
    """What the parser found in a page; offsets are characters into the whole page."""

    head_open_end: int | None = None  # just after <head …>
    charset_end: int | None = None  # just after <meta charset=…> inside <head>
    existing: list[tuple[int, int]] = field(default_factory=list)  # CSP meta tags
    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    config: str | None = None  # Material's page config (<script id="__config">)
    in_head: bool = False


class _Unsplittable(Exception):
    """A part of the page does not end between elements: the page is parsed whole."""


class _PartScanner(HTMLParser):
    """One part of a page, from ``begin`` (an offset into the page) onwards, read from the
    state between elements, as a browser reads the page at that point."""

    def __init__(self, page: str, begin: int, scan: _Scan) -> None:
        super().__init__(convert_charrefs=True)
        self.page, self.begin, self.scan = page, begin, scan
        self._collecting: str | None = None  # "script", "style" or "config"
        self._chunks: list[str] = []

    def _offset(self) -> int:
        """The page offset of what the parser is at (getpos counts lines from 1)."""
        line, column = self.getpos()
        at = self.begin
        for _ in range(line - 1):
            at = self.page.index("\n", at) + 1
        return at + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head" and self.scan.head_open_end is None:
            self.scan.in_head = True
            self.scan.head_open_end = self._offset() + len(self.get_starttag_text() or "")
        elif tag == "meta" and self.scan.in_head:
            found = {name: value or "" for name, value in attrs}
            start = self._offset()
            end = start + len(self.get_starttag_text() or "")
            if "charset" in found and self.scan.charset_end is None:
                self.scan.charset_end = end
            if found.get("http-equiv", "").strip().lower() == CSP_HTTP_EQUIV:
                self.scan.existing.append((start, end))
        elif tag == "script":
            found = {name: value or "" for name, value in attrs}
            if "src" in found:
                return
            if found.get("id") == "__config":
                self._collecting = "config"
            elif found.get("type", "").strip().lower() in _RUNNABLE_TYPES:
                self._collecting = "script"
            self._chunks = []
        elif tag == "style":
            self._collecting = "style"
            self._chunks = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        # Script and style content reaches here raw (no character references decoded).
        if self._collecting:
            self._chunks.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.scan.in_head = False
        elif tag in ("script", "style") and self._collecting:
            text = "".join(self._chunks)
            if self._collecting == "config":
                self.scan.config = text
            elif self._collecting == "script":
                self.scan.scripts.append(text)
            else:
                self.scan.styles.append(text)
            self._collecting = None

    def read(self, end: int, *, last: bool) -> None:
        """Parse the page up to ``end``. A part that is not the last must end between
        elements (not inside a tag, a comment, a script or a style), where the next part
        starts reading: html.parser keeps an unfinished construct unread (rawdata), and
        notes that it is inside a script or a style (cdata_elem)."""
        self.feed(self.page[self.begin:end])
        if not last and (self.cdata_elem is not None or "<" in self.rawdata):
            raise _Unsplittable
        self.close()


def _may_hold_inline_code(text: str) -> bool:
    """Whether text could hold a script or style element: each starts with "<script" or
    "<style" in some ASCII case, so text without either holds none."""
    lowered = text.lower()
    return "<script" in lowered or "<style" in lowered


def _scan(html: str, content: tuple[int, int] | None) -> _Scan:
    """The page's head, inline scripts and styles. ``content``: the span of the page's
    content, element content the engine inserted whole (MkDocs' page.content); it is parsed
    only if it could hold a script or a style. Most of a large site's HTML is content without
    either (at 1,000 summits, packs and digests): parsing all of it
    would cost as much again as the rest of the build's own parsing."""
    parts = [(0, len(html), True)]
    if content is not None:
        start, end = content
        parts = [(0, start, True), (start, end, _may_hold_inline_code(html[start:end])),
                 (end, len(html), True)]
    try:
        scan = _Scan()
        for begin, end, wanted in parts:
            if wanted:
                _PartScanner(html, begin, scan).read(end, last=end == len(html))
        return scan
    except _Unsplittable:
        return _scan(html, None)


def with_csp(html: str, *, content: tuple[int, int] | None = None, offline: bool = False,
             where: str = "page") -> str:
    """The page with a Content-Security-Policy meta tag for its own inline scripts and
    styles, first in <head> after the charset; a tag already there is replaced.
    ``content``: see _scan. ``offline``: the page is read from file://, where the
    iframe-worker shim runs search and its iframe's script needs allowing too."""
    scan = _scan(html, content)
    if scan.head_open_end is None:
        raise CspError(f"{where}: no <head> to put a Content-Security-Policy in")
    scripts = list(scan.scripts)
    if offline and scan.config is not None:
        try:
            worker = json.loads(scan.config).get("search")
        except (ValueError, AttributeError):
            raise CspError(f"{where}: the page's config (#__config) is not the JSON object "
                           "Material writes") from None
        if worker:
            scripts.append(shim_iframe_script(worker))
    script_hashes = list(dict.fromkeys(source_hash(s) for s in scripts))
    style_hashes = list(dict.fromkeys(source_hash(s) for s in scan.styles))
    tag = (f'<meta http-equiv="Content-Security-Policy" '
           f'content="{policy(script_hashes, style_hashes)}">')
    if scan.existing:
        (start, end), *others = scan.existing
        for other_start, other_end in reversed(others):
            html = html[:other_start] + html[other_end:]
        return html[:start] + tag + html[end:]
    at = scan.charset_end if scan.charset_end is not None else scan.head_open_end
    return html[:at] + tag + html[at:]
