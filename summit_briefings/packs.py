"""Meeting packs: for each summit, one page that prints its briefing, each participant's
page and the trade chart, one sheet each (the pages' own print layout, a page break between).

A pack is assembled from the built HTML after MkDocs has written the site, not rendered
again from Markdown: each part is the article of a page already built, its links re-aimed
from the pack's address, its ids prefixed so that two parts never share one. This keeps a
pack's cost to copying text however many summits there are.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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


def _re_aimed(html: str, page: str, pack: str) -> str:
    """Relative links of ``page`` rewritten to lead to the same places from ``pack``."""
    origin, target = posixpath.dirname(page), posixpath.dirname(pack)

    def aim(match: re.Match[str]) -> str:
        attribute, url = match.groups()
        if not url or _EXTERNAL.match(url):
            return match[0]
        path, tail = _PATH_AND_TAIL.match(url).groups()
        resolved = posixpath.normpath(posixpath.join(origin, path)) if path else page
        aimed = posixpath.relpath(resolved, target or ".")
        if path.endswith("/") and not aimed.endswith("/"):
            aimed += "/"
        return f'{attribute}="{aimed}{tail}"'

    return _URL_ATTRIBUTE.sub(aim, html)


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
        opening = _re_aimed(before, plan.summit, pack)
        closing = _re_aimed(summit_html[found.end():], plan.summit, pack)
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
