"""Meeting packs: for each summit, one page that prints its briefing, each participant's
page and the trade chart, one sheet each (the pages' own print layout, a page break between).

A pack is assembled from the built HTML after MkDocs has written the site, not rendered
again from Markdown: each part is the article of a page already built, its links re-aimed
from the pack's address, its ids prefixed so that two parts never share one; around them,
the summit page's chrome, its links and the theme's page config re-aimed the same way. This
keeps a pack's cost to copying text however many summits there are.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps

ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset"[^>]*>)(.*?)(</article>)',
                     re.S)
# A pack repeats pages that search finds on their own: it is left out of the index.
_SEARCH_BODY = re.compile(r' data-pagefind-body(?: data-pagefind-weight="[^"]*")?')
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
_ID = re.compile(r'\bid="([^"]*)"')
_ID_LISTS = re.compile(r'\b(aria-labelledby|aria-describedby)="([^"]*)"')
_PATH_AND_TAIL = re.compile(r"([^?#]*)(.*)", re.S)
_PACK_LINK = re.compile(r' <a class="md-button pack-link" href="[^"]*">Meeting pack</a>')
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.I)
# Where the trade page's tables start: its one-page part is what comes before (the title,
# the introduction and the chart).
_TRADE_TABLES = '<h2 id="targets">'
_PRINT_BUTTON_END = "Print briefing</button>"


@dataclass(frozen=True)
class PackPlan:
    """One summit's pack, as paths of built HTML files under the site folder."""

    summit: str  # 'summits/2031-04-10-port-arlen/index.html'
    leaders: tuple[str, ...]  # each participant's page, in the order the summit lists them
    trade: str  # the trade page; only its chart part goes into the pack

    @property
    def pack(self) -> str:
        """'summits/x/pack/index.html' (or 'summits/x-pack.html' without directory URLs)."""
        if self.summit.endswith("/index.html"):
            return self.summit.removesuffix("index.html") + "pack/index.html"
        return self.summit.removesuffix(".html") + "-pack.html"


def _aimed(url: str, page: str, pack: str) -> str:
    """A URL relative to ``page``, rewritten to lead to the same place from ``pack``; an
    absolute URL, or one within the page, as it is."""
    if not url or _EXTERNAL.match(url):
        return url
    path, tail = _PATH_AND_TAIL.match(url).groups()
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    aimed = posixpath.relpath(resolved, posixpath.dirname(pack) or ".")
    if path.endswith("/") and not aimed.endswith("/"):
        aimed += "/"
    return aimed + tail


def _re_aimed(html: str, page: str, pack: str) -> str:
    """Relative links of ``page`` rewritten to lead to the same places from ``pack``."""
    return _URL_ATTRIBUTE.sub(lambda m: f'{m[1]}="{_aimed(m[2], page, pack)}"', html)


class _ScriptFound(Exception):
    pass


class _ScriptFinder(HTMLParser):
    """Finds the first <script> whose attributes and text ``wanted`` accepts, and stops
    there: the theme's scripts sit near the start of the head or of what follows the
    article, so a page is parsed only up to the one sought."""

    def __init__(self, wanted: Callable[[dict[str, str | None], str], bool]) -> None:
        super().__init__(convert_charrefs=False)
        self.wanted = wanted
        self.attributes: dict[str, str | None] | None = None
        self.found: tuple[int, int, str] | None = None  # line, column, text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes = dict(attrs) if tag == "script" else None

    def handle_endtag(self, tag: str) -> None:
        self.attributes = None

    def handle_data(self, data: str) -> None:
        if self.attributes is not None and self.wanted(self.attributes, data):
            self.found = (*self.getpos(), data)
            raise _ScriptFound


def _script_rewritten(html: str, wanted: Callable[[dict[str, str | None], str], bool],
                      rewrite: Callable[[str], str], what: str) -> str:
    """``html`` with the text of the first script ``wanted`` accepts replaced by
    ``rewrite(text)``."""
    finder = _ScriptFinder(wanted)
    try:
        finder.feed(html)
        finder.close()
    except _ScriptFound:
        pass
    if finder.found is None:
        raise ValueError(f"no {what} in the page; the version of mkdocs-material may have "
                         "changed")
    line, column, text = finder.found
    start = 0
    for _ in range(line - 1):
        start = html.index("\n", start) + 1
    start += column
    if html[start:start + len(text)] != text:
        raise ValueError(f"{what}: the parser's position does not match the page's text")
    return html[:start] + rewrite(text) + html[start + len(text):]


# The theme's page config (a JSON script near the end of the body) names the site's root
# ("base") and the search worker ("search") relative to the page; the script that opens the
# head names the root as the scope of what the page stores (the colour scheme chosen). With
# directory URLs a pack sits one folder deeper than its summit page, whose chrome it reuses:
# both are re-aimed from the pack's own address, or search there would load neither its
# worker nor its index, and the pack would keep its colour scheme apart from the site's.
_SCOPE_START = "__md_scope=new URL("
_SCOPE_END = ",location)"


def _is_config(attributes: dict[str, str | None], text: str) -> bool:
    return attributes.get("id") == "__config"


def _is_scope(attributes: dict[str, str | None], text: str) -> bool:
    return text.startswith(_SCOPE_START)


def _config_re_aimed(html: str, page: str, pack: str) -> str:
    """The theme's page config in ``html`` with its URLs re-aimed from ``pack``."""
    def rewrite(text: str) -> str:
        config = json.loads(text)
        for key in ("base", "search"):
            config[key] = _aimed(config[key], page, pack)
        # As the theme writes it (Jinja's tojson): keys sorted, HTML-safe.
        return str(htmlsafe_json_dumps(config, sort_keys=True))

    return _script_rewritten(html, _is_config, rewrite, "page config (<script id=__config>)")


def _scope_re_aimed(html: str, page: str, pack: str) -> str:
    """The theme's storage scope in ``html`` (its site root) re-aimed from ``pack``."""
    def rewrite(text: str) -> str:
        literal, end, rest = text.removeprefix(_SCOPE_START).partition(_SCOPE_END)
        if not end:
            raise ValueError(f"the scope script does not end its URL with {_SCOPE_END!r}")
        scope = json.dumps(_aimed(json.loads(literal), page, pack))
        return f"{_SCOPE_START}{scope}{end}{rest}"

    return _script_rewritten(html, _is_scope, rewrite, "storage scope (__md_scope)")


def _with_ids_prefixed(html: str, prefix: str) -> str:
    """Every id in a part, and every in-page reference to one, given the part's prefix."""
    html = _ID.sub(lambda m: f'id="{prefix}{m[1]}"', html)
    html = _ID_LISTS.sub(lambda m: f'{m[1]}="' + " ".join(prefix + i for i in m[2].split())
                         + '"', html)
    return re.sub(r'\bhref="#([^"]+)"', lambda m: f'href="#{prefix}{m[1]}"', html)


PACK_INTRO = ('<p class="pack-intro screen-only">Meeting pack: the briefing, each '
              "participant's page and the trade chart, one printed sheet each.</p>")


def _article(html: str, where: str) -> re.Match[str]:
    """A built page's article: its opening tag, its content and its closing tag."""
    found = ARTICLE.search(html)
    if found is None:
        raise ValueError(f"{where}: no article to put in a meeting pack")
    return found


def _part(site: Path, page: str, pack: str, cut: str | None = None) -> str:
    """A page's article as a pack part: up to ``cut`` if given, links and ids rewritten."""
    article = _article((site / page).read_text(encoding="utf-8"), page)[2]
    if cut and cut in article:
        article = article[: article.index(cut)]
    prefix = re.sub(r"[^a-z0-9]+", "-", page.removesuffix("index.html").lower()).strip("-")
    return _with_ids_prefixed(_re_aimed(article, page, pack), prefix + "--")


def write_packs(site: Path, plans: list[PackPlan],
                csp: Callable[[str, str, tuple[int, int]], str] | None = None) -> int:
    """Write every summit's pack, and link it from the summit page; the number written.

    All packs sit at the same depth, so a shared part (a leader, the trade chart) is
    rewritten once and reused. ``csp(html, path, content)``, if given, gives a finished pack
    its Content-Security-Policy: a pack starts from its summit page's head, whose policy
    names the summit page's inline scripts, and a pack's own must name the pack's. content
    is the span of the pack's articles, between the summit page's theme parts."""
    parts: dict[str, str] = {}
    for plan in plans:
        pack = plan.pack
        # A summit page kept from an earlier build (`mkdocs serve --dirty`) has its link.
        summit_html = _PACK_LINK.sub("", (site / plan.summit).read_text(encoding="utf-8"))
        found = _article(summit_html, plan.summit)
        first = _re_aimed(found[2], plan.summit, pack).replace(
            _PRINT_BUTTON_END, "Print pack</button>", 1)
        for page, cut in [*((p, None) for p in plan.leaders), (plan.trade, _TRADE_TABLES)]:
            if page not in parts:
                parts[page] = _part(site, page, pack, cut)
        shared = [parts[page] for page in (*plan.leaders, plan.trade)]
        before = _TITLE.sub(lambda m: f"<title>Meeting pack: {m[1]}</title>",
                            summit_html[:found.start()], count=1)
        opening = _scope_re_aimed(_re_aimed(before, plan.summit, pack), plan.summit, pack)
        closing = _config_re_aimed(_re_aimed(summit_html[found.end():], plan.summit, pack),
                                   plan.summit, pack)
        page = "".join([
            opening, _SEARCH_BODY.sub("", found[1]), PACK_INTRO, first, found[3],
            *(f'<article class="md-content__inner md-typeset pack-part">{body}</article>'
              for body in shared),
            closing])
        if csp:
            page = csp(page, pack, (len(opening), len(page) - len(closing)))
        target = site / pack
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
        link = posixpath.relpath(pack, posixpath.dirname(plan.summit)).removesuffix("index.html")
        (site / plan.summit).write_text(summit_html.replace(
            _PRINT_BUTTON_END, f'{_PRINT_BUTTON_END} <a class="md-button pack-link" '
            f'href="{link}">Meeting pack</a>', 1), encoding="utf-8")
    return len(plans)
