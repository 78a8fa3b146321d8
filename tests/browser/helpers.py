"""Shared by the browser tests and scripts/screenshots.py: build, serve, launch, search, print.

Chromium is Debian's /usr/bin/chromium, or the Chromium-based browser that CHROMIUM names,
driven by Playwright for Python; nothing here ever downloads a browser. Playwright gives
every launch() a fresh, empty profile (it refuses a --user-data-dir argument), which is the
"fresh --user-data-dir" this machine needs.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parents[2]
# Debian's Chromium; CHROMIUM names another Chromium-based browser (GitHub's runners ship
# Google Chrome): see conftest.measured_font for what that changes.
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM = Path(os.environ.get("CHROMIUM") or DEBIAN_CHROMIUM)
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-dev-shm-usage", "--disable-quic",
]
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
LIBERATION_FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
# What fontconfig gives Chromium for Material's Helvetica and Arial on Debian with
# fonts-liberation: the one-page print and the phone layout were measured with it.
MEASURED_FONT = "Liberation Sans"

# Paper sizes in CSS pixels (96 per inch) and the print margins of briefings.css
# (@page { margin: 7mm 9mm }): the width the print layout gets, to emulate it on screen.
MM = 96 / 25.4
PAPER = {"A4": (210 * MM, 297 * MM), "Letter": (8.5 * 96, 11 * 96)}
PRINT_MARGIN = (7 * MM, 9 * MM)  # top/bottom, left/right


def missing_tools() -> list[str]:
    """What the browser tests need and this machine lacks, each with how to get it."""
    missing = []
    if not CHROMIUM.is_file():
        missing.append(f"Chromium at {CHROMIUM} (Debian package chromium)"
                       if CHROMIUM == DEBIAN_CHROMIUM else
                       f"the browser CHROMIUM names, {CHROMIUM} (unset CHROMIUM to use Debian's "
                       "chromium)")
    if not CJK_FONT.is_file():
        missing.append(f"{CJK_FONT} (Debian package fonts-noto-cjk)")
    if not LIBERATION_FONT.is_file():
        missing.append(f"{LIBERATION_FONT} (Debian package fonts-liberation)")
    for tool in ("pdfinfo", "pdftotext", "pdftoppm"):
        if shutil.which(tool) is None:
            missing.append(f"{tool} (Debian package poppler-utils)")
    if not AXE.is_file():
        missing.append(f"{AXE.relative_to(ROOT)} (npm package axe-core)")
    return missing


class BuildFailed(RuntimeError):
    pass


def build_site(root: Path, target: Path, *, offline: bool = False,
               search: bool = True) -> Path:
    """A strict build of the project in root with scripts/site.py into target; offline=True
    for file:// reading; search=False leaves out Pagefind's index (for a test that searches
    nothing), through a config that inherits mkdocs.yml with the plugin's pagefind: false."""
    config = "mkdocs-offline.yml" if offline else "mkdocs.yml"
    if not search:
        config = "mkdocs-no-pagefind.yml"
        (root / config).write_text("INHERIT: mkdocs.yml\nplugins:\n  - briefings:\n"
                                   "      pagefind: false\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "scripts/site.py", str(target), "--root", str(root),
                           "--config", config],
                          cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                          capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise BuildFailed(f"scripts/site.py {target} failed (exit {done.returncode}):\n"
                          f"{done.stderr[-4000:]}")
    return target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser that navigates away mid-response closes the connection: not an error of
        # the site's, and a traceback in the test log would say it was.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 at a free port, in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def launch(playwright):  # -> playwright.sync_api.Browser
    """CHROMIUM, headless, with the flags this machine's closed network needs."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@functools.cache
def is_debian_chromium() -> bool:
    """Whether CHROMIUM is the browser of Debian's chromium package (by dpkg's records, on
    Debian), not only a file at the same path."""
    try:
        if platform.freedesktop_os_release().get("ID") != "debian":
            return False
        owners = subprocess.run(["dpkg-query", "-S", str(CHROMIUM.resolve())],
                                capture_output=True, text=True, timeout=60,
                                check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    # "chromium: /usr/bin/chromium"; several owners are listed as "a, b: path".
    return any("chromium" in line.partition(": ")[0].split(", ")
               for line in owners.splitlines())


def text_font(page) -> str:
    """The font the browser drew most of the article's text in, as the platform names it
    ('Liberation Sans'): what CSS asked for (Helvetica, Arial, …) resolves differently from
    one machine's fonts to another's."""
    session = page.context.new_cdp_session(page)
    try:
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        nodes = session.send("DOM.querySelectorAll", {
            "nodeId": root, "selector": "article :is(h1, h2, p, li, td, th)"})["nodeIds"]
        glyphs: Counter[str] = Counter()
        for node in nodes:
            for font in session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
                glyphs[font["familyName"]] += font["glyphCount"]
    finally:
        session.detach()
    if not glyphs:
        raise AssertionError(f"no text drawn in the article of {page.url}")
    return glyphs.most_common(1)[0][0]


def briefing_pages(site: Path) -> list[str]:
    """Every summit and leader page of a built site (not the section indexes): '/summits/x/'."""
    pages = [f"/{folder}/{p.parent.name}/" for folder in ("summits", "leaders")
             for p in sorted((site / folder).glob("*/index.html"))]
    assert any(p.startswith("/summits/") for p in pages), "no summit pages were built"
    assert any(p.startswith("/leaders/") for p in pages), "no leader pages were built"
    return pages


def page_key(url: str, root: str) -> str:
    """'/leaders/to-lam/' for a result or page URL, served (…/to-lam/) or offline (….html)."""
    path = unquote(urlsplit(url).path)
    base = unquote(urlsplit(root).path)
    rel = path[len(base):] if path.startswith(base) else path
    rel = re.sub(r"(^|/)index\.html$", r"\1", rel)
    rel = re.sub(r"\.html$", "/", rel)
    return "/" + rel.lstrip("/")


# The state of Material's search results: the meta line ("3 matching documents"), and for
# each result (one per page) its link and the query terms the highlight parameter names.
_RESULTS_JS = """() => ({
  meta: document.querySelector('.md-search-result__meta')?.textContent.trim() ?? '',
  items: [...document.querySelectorAll('.md-search-result__item')].map(item => {
    const links = [...item.querySelectorAll('a.md-search-result__link')];
    return {
      href: links.length ? links[0].href : '',
      title: item.querySelector('h1')?.textContent ?? '',
      terms: links.flatMap(a => (new URL(a.href).searchParams.get('h') || '')
                                   .split(' ').filter(Boolean)),
    };
  }),
})"""


class SearchResults(list):
    """Result page keys in order; .titles and .meta as the results list shows them."""

    titles: list[str]
    meta: str


def search(page, query: str, root: str, timeout: float = 15) -> SearchResults:
    """Type a query into Material's search box, as a reader does, and read the results.

    Characters that are not on a US keyboard (Vietnamese, Hangul) reach the box as text
    input with no key events, as an input method would deliver them; the closing End key
    gives Material the keyup it listens for. Results count as settled when they answer the
    whole query (the highlight terms name its last word) and stay the same for a moment.
    """
    box = page.locator("input.md-search__input")
    opener = page.locator("label.md-header__button[for='__search']")
    if not box.is_visible() and opener.is_visible():  # phone: the magnifier opens the box
        opener.click()
    try:
        box.wait_for(state="visible", timeout=timeout * 1000)
    except PlaywrightTimeoutError:
        raise AssertionError(f"no visible search box on {page.url} (search never started?)"
                             ) from None
    box.click()
    box.fill("")
    box.press_sequentially(query)
    box.press("End")
    last = re.split(r"[\s\-]+", unicodedata.normalize("NFC", query.strip().lower()))[-1]
    deadline = time.monotonic() + timeout
    previous = None
    while True:
        state = page.evaluate(_RESULTS_JS)
        settled = state["meta"].startswith("No matching") or any(
            unicodedata.normalize("NFC", term.lower()) == last
            for item in state["items"] for term in item["terms"])
        if settled and state == previous:
            break
        previous = state if settled else None
        if time.monotonic() > deadline:
            raise AssertionError(f"search for {query!r} did not settle; shows {state['meta']!r}")
        page.wait_for_timeout(120)
    results = SearchResults(page_key(item["href"], root) for item in state["items"])
    results.titles = [item["title"] for item in state["items"]]
    results.meta = state["meta"]
    return results


def pdf_pages(pdf: bytes) -> int:
    """Page count of a PDF, as pdfinfo reads it."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.pdf"
        path.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                              check=True, timeout=60).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    if match is None:
        raise AssertionError(f"pdfinfo gave no page count:\n{info}")
    return int(match.group(1))


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF, as pdftotext extracts it."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.pdf"
        path.write_bytes(pdf)
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                              capture_output=True, text=True, check=True, timeout=60).stdout


def sheet_fill(pdf: bytes, top_mm: float, bottom_mm: float) -> list[float]:
    """For each sheet of a PDF, how far down the space between its top and bottom margins
    (of the page's @page rule, in mm) its text reaches, from 0 to 1: the lowest word's
    bottom edge, as pdftotext's bounding boxes give it, leaving out the words printed in
    the margins (the running line, "page n of N")."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.pdf"
        path.write_bytes(pdf)
        xhtml = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"],
                               capture_output=True, text=True, check=True, timeout=60).stdout
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    fills = []
    for sheet in ElementTree.fromstring(xhtml).iterfind(".//x:page", namespace):
        height = float(sheet.get("height"))
        top, bottom = top_mm * 72 / 25.4, height - bottom_mm * 72 / 25.4
        lowest = max((float(w.get("yMax")) for w in sheet.iterfind("x:word", namespace)
                      if float(w.get("yMin")) >= top and float(w.get("yMax")) <= bottom),
                     default=top)
        fills.append((lowest - top) / (bottom - top))
    return fills


def print_pdf(page, paper: str) -> bytes:
    """What Chrome's print gives: paper size, default margins (the page's @page rule
    applies), scale 1, the page's own CSS page size ignored."""
    return page.pdf(format=paper, prefer_css_page_size=False, scale=1)


def words(text: str) -> set[str]:
    """Words of two letters or more, case- and compatibility-folded (PDF ligatures)."""
    return set(re.findall(r"[^\W\d_]{2,}", unicodedata.normalize("NFKC", text).casefold()))
