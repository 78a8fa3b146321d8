"""Session fixtures: the fictional corpus's site (built once per run for every worker) and the
live data's, served on loopback, a synthetic corpus's, and one headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import synth  # scripts/ is on pytest's pythonpath (pyproject.toml)
from conftest import BuiltSite, copy_project, fictional_project, shared_folder
from playwright.sync_api import Browser, Page, sync_playwright

from .helpers import (
    CHROMIUM,
    MEASURED_FONT,
    BuildFailed,
    build_site,
    is_debian_chromium,
    launch,
    missing_tools,
    serve,
    text_font,
)


@pytest.fixture(scope="session")
def browser_tools() -> None:
    """Fail (never skip) when the browser, fonts, poppler or axe-core are missing."""
    missing = missing_tools()
    if missing:
        pytest.fail("the browser tests need, and this machine lacks:\n  - "
                    + "\n  - ".join(missing)
                    + "\nrun scripts/browser_deps.sh (as root it installs them; `make test` "
                    "runs it first)", pytrace=False)


def strict_build(root: Path, target: Path, *, offline: bool = False,
                 search: bool = True) -> Path:
    try:
        return build_site(root, target, offline=offline, search=search)
    except BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)


def shared_fictional_build(tmp_path_factory: pytest.TempPathFactory, name: str,
                           offline: bool) -> Path:
    """The fictional corpus's site, built once per test run for every pytest-xdist worker
    (``shared_folder``) with scripts/site.py (strict)."""
    def make(folder: Path) -> None:
        strict_build(fictional_project(folder / "project").root, folder / "site",
                     offline=offline)
    return shared_folder(tmp_path_factory, name, make) / "site"


@pytest.fixture(scope="session")
def fictional_site(tmp_path_factory: pytest.TempPathFactory, browser_tools: None) -> Path:
    """The fictional corpus's site (tests/fixtures/fictional-pair): the site whose pages the
    tests may name."""
    return shared_fictional_build(tmp_path_factory, "browser-fictional", offline=False)


@pytest.fixture(scope="session")
def fictional_offline_site(tmp_path_factory: pytest.TempPathFactory, browser_tools: None
                           ) -> Path:
    """The fictional corpus's site built for reading from file:// (`make offline`)."""
    return shared_fictional_build(tmp_path_factory, "browser-fictional-offline", offline=True)


@pytest.fixture(scope="session")
def fictional_url(fictional_site: Path) -> Iterator[str]:
    """The fictional site served over HTTP on 127.0.0.1 at a free port."""
    with serve(fictional_site) as url:
        yield url


@pytest.fixture(scope="session")
def live_site(live_site: BuiltSite, browser_tools: None) -> Path:
    """The live data's site, for the invariants that hold whatever it says: the build the
    non-browser tests read too (``conftest.live_site``), made once per run."""
    return live_site.site


@pytest.fixture(scope="session")
def live_site_url(live_site: Path) -> Iterator[str]:
    with serve(live_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser(browser_tools: None) -> Iterator[Browser]:
    """One headless Chromium (Debian's, or CHROMIUM) for the whole session."""
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def drawn_font(browser: Browser, fictional_url: str) -> str:
    """The font the browser draws the site's text in: the machine's fonts decide it."""
    page = browser.new_page()
    try:
        page.goto(fictional_url)
        return text_font(page)
    finally:
        page.close()


@pytest.fixture
def measured_font(drawn_font: str) -> str:
    """For the checks that hold for the font metrics they were measured with (print page
    counts, layout widths): always run in Debian's Chromium, whatever it draws (a change
    there is one to review); in another browser (CI's Google Chrome) run when it draws the
    text in the measured font too, and skipped, saying why, when it does not."""
    if not is_debian_chromium() and drawn_font != MEASURED_FONT:
        pytest.skip(f"font-dependent check not run: measured with the text in {MEASURED_FONT} "
                    f"(Debian's Chromium with fonts-liberation), and CHROMIUM={CHROMIUM} "
                    f"draws it in {drawn_font}; install fonts-liberation so that `fc-match "
                    f"Helvetica` gives {MEASURED_FONT}, or run `make test` on Debian")
    return drawn_font


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory, browser_tools: None
                   ) -> Iterator[tuple[str, Path]]:
    """100 generated summits (seed 3: one person met the other side 17 times), built without
    a search index once per run for every worker, served: every list of a brief or a pack at
    its bound, as at 1,000."""
    def make(folder: Path) -> None:
        synth.generate(100, folder / "corpus", seed=3)
        project = copy_project(folder / "project", folder / "corpus" / "data")
        strict_build(project.root, folder / "site", search=False)
    site = shared_folder(tmp_path_factory, "browser-synthetic", make) / "site"
    with serve(site) as url:
        yield url, site


# The screens pages are looked at on: a laptop, and a phone held upright.
SCREENS = {"desktop": (1280, 800), "phone": (390, 844)}


@pytest.fixture(scope="module", params=SCREENS, ids=str)
def screen_page(request, browser: Browser) -> Iterator[Page]:
    width, height = SCREENS[request.param]
    phone = request.param == "phone"
    context = browser.new_context(viewport={"width": width, "height": height},
                                  is_mobile=phone, has_touch=phone)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    try:
        yield context.new_page()
    finally:
        context.close()
