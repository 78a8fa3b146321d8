"""Session fixtures: the site built once, served on loopback, and one headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from .helpers import BuildFailed, build_site, launch, missing_tools, serve


@pytest.fixture(scope="session")
def browser_tools() -> None:
    """Fail (never skip) when the browser, fonts, poppler or axe-core are missing."""
    missing = missing_tools()
    if missing:
        pytest.fail("the browser tests need, and this machine lacks:\n  - "
                    + "\n  - ".join(missing)
                    + "\nrun scripts/browser_deps.sh (as root it installs them; `make test` "
                    "runs it first)", pytrace=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, browser_tools: None) -> Path:
    """The real site, built once with scripts/site.py (strict) into a temporary folder."""
    try:
        return build_site(tmp_path_factory.mktemp("browser") / "site")
    except BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1 at a free port: 'http://127.0.0.1:N/'."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser(browser_tools: None) -> Iterator[Browser]:
    """One headless Debian Chromium for the whole session."""
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        try:
            yield chromium
        finally:
            chromium.close()

