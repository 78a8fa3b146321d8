"""The Content-Security-Policy of every page (summit_briefings/csp.py), served and offline: each
page carries one policy naming its own inline scripts and styles, no page of any kind raises a
violation in Chromium, and search, the print button and the colour-scheme toggle still work
under it."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page

from summit_briefings.publish.csp import shim_iframe_script

from .helpers import search

pytestmark = pytest.mark.browser

REQUIRED = {
    "default-src": {"'self'"},
    "script-src": {"'self'", "'wasm-unsafe-eval'"},
    "worker-src": {"'self'", "blob:"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
}
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")

# Every violation a page reports to its own listener. A listener cannot see the offline
# search's iframe (the shim rewrites its document, which drops listeners): Chromium's console
# message for each violation, in any frame, is caught too (Violations.console).
LISTENER_JS = """
document.addEventListener('securitypolicyviolation', e => console.error(
  'securitypolicyviolation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline')
  + ' ' + (e.sample || '')));
"""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(content: str) -> dict[str, list[str]]:
    parsed = {}
    for part in content.split(";"):
        name, *values = part.split()
        assert name not in parsed, f"{name} given twice in {content!r}"
        parsed[name] = values
    return parsed


@dataclass
class Build:
    name: str  # "served" or "offline"
    site: Path
    root: str  # the URL the site is read from, ending in "/"

    def url(self, page: Path) -> str:
        rel = page.relative_to(self.site).as_posix()
        if self.name == "served":
            return self.root + rel.removesuffix("index.html")
        return (self.site / rel).as_uri()


@pytest.fixture(scope="module", params=["served", "offline"])
def build(request: pytest.FixtureRequest) -> Build:
    if request.param == "served":
        return Build("served", request.getfixturevalue("fictional_site"),
                     request.getfixturevalue("fictional_url"))
    site = request.getfixturevalue("fictional_offline_site")
    return Build("offline", site, site.as_uri() + "/")


def page_kinds(site: Path) -> dict[str, Path]:
    """One built page of each kind (every guide page), served or offline layout."""
    served = (site / "summits" / "index.html").is_file() and any(
        site.glob("summits/*/index.html"))

    def pages(section: str) -> list[Path]:
        if served:
            found = site.glob(f"{section}/*/index.html")
        else:
            found = (p for p in site.glob(f"{section}/*.html") if p.name != "index.html")
        return sorted(p for p in found if "pack" not in p.parts)

    def single(name: str) -> Path:
        return site / name / "index.html" if served else site / f"{name}.html"

    sources = pages("sources")
    packs = sorted(site.glob("summits/*/pack/index.html" if served else "summits/*/pack.html"))
    kinds = {
        "home": site / "index.html",
        "summit": pages("summits")[0],
        "leader": pages("leaders")[0],
        "topic": pages("topics")[0],
        # A source page holds the site's only inline styles: take one that has them.
        "source": next((p for p in sources if "<style" in p.read_text("utf-8")), sources[0]),
        "trade-targets": single("trade-targets"),
        "commitments": single("commitments"),
        "evolution": single("evolution"),
        **{f"{section} index": site / section / "index.html"
           for section in ("summits", "leaders", "topics", "sources")},
        **{f"guide {p.stem if not served else p.parent.name}": p for p in pages("guide")},
        "404": site / "404.html",
        "pack": packs[0],
        # The briefs: the one page kind whose script writes a style (the printed running
        # line, through the CSSOM, which the policy allows).
        "brief": single("brief"),
        "brief of a leader": sorted(site.glob("leaders/*/brief/index.html" if served
                                              else "leaders/*/brief.html"))[0],
    }
    missing = [kind for kind, path in kinds.items() if not path.is_file()]
    assert not missing, f"no page of kinds {missing} in {site}"
    return kinds


KINDS = ["home", "summit", "leader", "topic", "source", "trade-targets", "commitments",
         "evolution", "summits index", "leaders index", "topics index", "sources index",
         "guide", "404", "pack", "brief"]


@dataclass
class Violations:
    console: list[str] = field(default_factory=list)

    def note(self, message: ConsoleMessage) -> None:
        text = message.text
        if "Content Security Policy" in text or text.startswith("securitypolicyviolation"):
            self.console.append(f"{message.page.url if message.page else '?'}: {text[:400]}")


@pytest.fixture
def watched(browser: Browser, build: Build) -> Iterator[tuple[Page, Violations]]:
    """A page whose every policy violation (any frame) is noted; offline, with the network
    switched off and only local requests let through."""
    context: BrowserContext = browser.new_context(
        offline=build.name == "offline", viewport={"width": 1280, "height": 900})
    if build.name == "offline":
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith(LOCAL_SCHEMES) else route.abort())
    context.add_init_script(LISTENER_JS)
    violations = Violations()
    context.on("console", violations.note)
    try:
        yield context.new_page(), violations
    finally:
        context.close()


def test_every_page_has_one_policy_naming_its_own_inline_code(build: Build):
    """Every page, packs and the 404 page included: one policy, first in <head> after the
    charset, whose hashes are exactly those of the page's own inline scripts and styles."""
    pages = sorted(build.site.rglob("*.html"))
    assert len(pages) > 20, pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        where = path.relative_to(build.site)
        metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert len(metas) == 1, f"{where}: {len(metas)} policies"
        head = [el for el in soup.head.find_all(True)]
        assert head.index(metas[0]) <= 1 and metas[0].parent is soup.head, \
            f"{where}: the policy is not first in <head>"
        policy = directives(metas[0]["content"])
        for name, values in REQUIRED.items():
            assert values <= set(policy.get(name, ())), f"{where}: {name} {policy.get(name)}"
        assert "'unsafe-inline'" not in metas[0]["content"], where
        assert "'unsafe-eval'" not in metas[0]["content"], where

        scripts = [s.string or "" for s in soup.find_all("script")
                   if not s.get("src") and s.get("type", "") in ("", "text/javascript")]
        expected = {sha256(s) for s in scripts}
        config = soup.find("script", id="__config")
        if build.name == "offline":
            # The iframe-worker shim's script, in the iframe that runs search from file://.
            expected.add(sha256(shim_iframe_script(json.loads(config.string)["search"])))
        hashes = {v for v in policy["script-src"] if v.startswith("'sha256-")}
        assert hashes == expected, f"{where}: script hashes {hashes} != {expected}"
        styles = {sha256(s.string or "") for s in soup.find_all("style")}
        assert {v for v in policy.get("style-src", ()) if v.startswith("'sha")} == styles, where

        handlers = [f"<{el.name} {a}>" for el in soup.find_all(True) for a in el.attrs
                    if a.startswith("on") or a == "style"]
        assert not handlers, f"{where}: inline code in markup: {handlers}"


@pytest.mark.parametrize("kind", KINDS)
def test_no_page_of_any_kind_violates_its_policy(build: Build, watched, kind: str):
    page, violations = watched
    kinds = page_kinds(build.site)
    chosen = [path for name, path in kinds.items() if name == kind or name.startswith(kind + " ")]
    assert chosen, kind
    not_run = []
    for path in chosen:
        page.goto(build.url(path))
        page.wait_for_load_state("load")
        # Material's first inline script (in <head>, which the palette script needs) and its
        # bundle (which marks the document) ran: the policy let the page's code run.
        if not page.evaluate("typeof __md_get === 'function'"
                             " && document.documentElement.classList.contains('js')"):
            not_run.append(path.relative_to(build.site).as_posix())
        # Pages with tooltips, charts and icons drawn: a moment for late loads to report.
        page.wait_for_timeout(300)
    assert not violations.console, "\n".join(violations.console)
    assert not not_run, f"Material's scripts did not run on {not_run}"


def test_the_policy_is_enforced_and_violations_are_seen(build: Build, watched):
    """The check above can fail: an inline script the build did not hash does not run,
    and its violation is caught."""
    page, violations = watched
    page.goto(build.url(page_kinds(build.site)["summit"]))
    ran = page.evaluate("""() => {
      window.__injected = false;
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      return window.__injected;
    }""")
    page.wait_for_timeout(200)
    assert ran is False
    assert violations.console, "no violation reported for an unhashed inline script"


def test_search_print_and_scheme_toggle_work_under_the_policy(build: Build, watched):
    page, violations = watched
    kinds = page_kinds(build.site)
    for kind, label in (("summit", "Print briefing"), ("pack", "Print pack")):
        page.goto(build.url(kinds[kind]))
        # The print button calls the browser's print through the site's script.
        page.evaluate("() => { window.__prints = 0; window.print = () => window.__prints++; }")
        page.get_by_role("button", name=label).click()
        assert page.evaluate("window.__prints") == 1, f"{kind}: the print button did nothing"

    # Search answers on the pack page (Pagefind served, Material's lunr through the shim
    # offline).
    results = search(page, "Vesk", build.root)
    assert results, f"search found nothing: {results.meta}"

    # The scheme toggle switches, and the choice survives a reload (the inline palette
    # script in <head> reads it back).
    page.goto(build.url(kinds["leader"]))
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert after != before, f"the scheme toggle did nothing (still {before})"
    page.reload()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == after
    assert not violations.console, "\n".join(violations.console)
