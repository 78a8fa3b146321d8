"""The gist first, on a phone: the home page's first screen shows the newest summit's bottom
line (or, where none is recorded, its key outcomes), with how the site works further down."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import fictional_project
from playwright.sync_api import Page
from test_gist import VESK, without_bottom_line

from .conftest import strict_build
from .helpers import serve

pytestmark = pytest.mark.browser

# The newest summit's bottom line (its key outcomes where it has none), where it sits on the
# first screen, and where the section on how the site works starts.
GIST_JS = """() => {
  const gist = document.querySelector('article .bottom-line')
    ?? document.querySelector('article #latest ~ ul');
  const box = gist.getBoundingClientRect();
  return {kind: gist.tagName, text: gist.innerText.slice(0, 80), top: box.top,
          bottom: box.bottom, screen: window.innerHeight,
          method: document.getElementById('method').getBoundingClientRect().top};
}"""




@pytest.fixture(scope="module")
def no_bottom_line_url(tmp_path_factory: pytest.TempPathFactory, browser_tools: None
                       ) -> Iterator[str]:
    """The fictional site with its newest summit's bottom line taken out, served."""
    folder = tmp_path_factory.mktemp("no-bottom-line")
    project = fictional_project(folder / "project")
    project.write(VESK, without_bottom_line(project.read(VESK)))
    with serve(strict_build(project.root, folder / "site")) as url:
        yield url


@pytest.mark.parametrize("data", ["fictional", "newest-without-bottom-line", "live"])
def test_the_first_screen_of_the_home_page_shows_the_newest_bottom_line(request, data: str,
                                                                        phone: Page):
    """The fictional corpus's newest summit has a bottom line, and with it taken out its key
    outcomes are shown; the live data's newest, whatever it records."""
    url = request.getfixturevalue({"fictional": "fictional_url",
                                   "newest-without-bottom-line": "no_bottom_line_url",
                                   "live": "live_site_url"}[data])
    phone.goto(url)
    gist = phone.evaluate(GIST_JS)
    assert gist["text"].strip(), gist
    assert 0 < gist["top"] and gist["bottom"] <= gist["screen"], (
        f"the newest bottom line is not on the first screen: {gist}")
    assert gist["method"] > gist["bottom"], gist
