"""The live preview while the data is broken: pages answer, show every problem, and recover.

The server test runs the real `mkdocs serve` on a copy of the project and edits its data as
an editor would; every request and every wait has a deadline, so a server that holds
requests fails the test instead of blocking it.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from conftest import Project, fictional_project

from summit_briefings.model.problems import Problem
from summit_briefings.publish.serve_preview import preview_pages, problems_banner

# The servers run on the fictional corpus, the smallest with a page of every kind.
SUMMIT = "data/summits/2031-04-10-port-arlen.yaml"
PAGE = "summits/2031-04-10-port-arlen/"
NEXT_PAGE = "summits/2031-11-korvel/"
QUOTE, BROKEN_QUOTE = "during an official visit by Dorn", "during an oficial visit by Dorn"
TITLE = "title: Ana Brenić and Pavel Dorn in Port Arlen"
WAIT = 60  # seconds for the server to show what a step expects


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(project: Project, log: Path) -> Iterator[str]:
    """`mkdocs serve` as `make serve` runs it, on the project copy; yields its address."""
    port = free_port()
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty",
             "-a", f"127.0.0.1:{port}", "--config-file", str(project / "mkdocs.yml")],
            cwd=project.root, stdout=output, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.kill()
            server.wait(timeout=30)


def fetch(url: str) -> str | None:
    """The page's HTML, or None when it does not answer 200 within 10 s."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return None


def wait_for(url: str, shows: Callable[[BeautifulSoup], bool], log: Path) -> BeautifulSoup:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        html = fetch(url)
        if html is not None and shows(soup := BeautifulSoup(html, "html.parser")):
            return soup
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show what was expected within {WAIT} s; server log:\n"
                         + log.read_text(encoding="utf-8")[-4000:])


def banner_text(soup: BeautifulSoup) -> str | None:
    banner = soup.select_one("article .admonition.failure")
    return None if banner is None else " ".join(banner.get_text(" ").split())


def test_broken_data_shows_its_problems_in_the_preview_and_a_fix_reaches_page_site_and_search(
        tmp_path: Path):
    """One editing session: a save that breaks a quote, then one that fixes it and changes
    the title. The saved summit's pages show first, and the rest of the site follows.
    Pagefind indexes the preview beside the server (the page is served without waiting for
    it), after each save."""
    project = fictional_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with serving(project, log) as address:
        page, entry = address + PAGE, address + "pagefind/pagefind-entry.json"
        wait_for(page, lambda soup: soup.select_one("article h1") is not None, log)
        indexed = wait_for(entry, lambda soup: '"languages"' in soup.get_text(), log).get_text()

        project.replace(SUMMIT, QUOTE, BROKEN_QUOTE)
        problems = [str(problem) for problem in project.problems()]
        assert problems and all(p.startswith(f"{SUMMIT}:") for p in problems)
        soup = wait_for(page, lambda soup: banner_text(soup) is not None, log)
        shown = banner_text(soup)
        assert f"The data has {len(problems)} problem" in shown
        assert all(" ".join(p.split()) in shown for p in problems), shown
        # The last good page is still there under the banner.
        assert "Ana Brenić and Pavel Dorn in Port Arlen" in soup.select_one("article h1").text
        terminal = log.read_text(encoding="utf-8")
        for problem in problems:
            assert re.search(rf"^ERROR +- +{re.escape(problem)}$", terminal, re.M), terminal

        # Each save is indexed again: the pages with the banner, then the fixed ones.
        indexed = wait_for(entry, lambda soup: soup.get_text() != indexed, log).get_text()
        project.replace(SUMMIT, BROKEN_QUOTE, QUOTE)
        project.replace(SUMMIT, TITLE, TITLE.replace(" in ", " meet in "))
        soup = wait_for(page,
                        lambda soup: "meet in Port Arlen" in soup.select_one("article h1").text,
                        log)
        assert banner_text(soup) is None
        # The rest of the site follows, built beside the preview: the next summit's page
        # links to this one by its title.
        wait_for(address + NEXT_PAGE, lambda soup: "meet in Port Arlen" in soup.get_text(), log)
        terminal = log.read_text(encoding="utf-8")
        assert f"generated pages: the pages of {SUMMIT} first; the others follow" in terminal
        # The server kept the first build's pages: each rebuild rendered only those the edits
        # changed.
        rendered = [int(n) for n in re.findall(r"generated pages: (\d+) rendered", terminal)]
        assert 0 < rendered[-1] < rendered[0], rendered
        wait_for(entry, lambda soup: soup.get_text() != indexed, log)


def test_before_any_good_build_the_home_page_lists_the_problems(tmp_path: Path):
    project = fictional_project(tmp_path / "project")
    project.replace(SUMMIT, QUOTE, BROKEN_QUOTE)
    problems = [str(problem) for problem in project.problems()]
    log = tmp_path / "serve.log"
    with serving(project, log) as address:
        soup = wait_for(address, lambda soup: banner_text(soup) is not None, log)
        shown = banner_text(soup)
        assert "nothing has been built yet" in shown
        assert all(" ".join(p.split()) in shown for p in problems), shown
        assert fetch(address + PAGE) is None  # no summit page until the data is fixed

        project.replace(SUMMIT, BROKEN_QUOTE, QUOTE)
        soup = wait_for(address + PAGE, lambda soup: soup.select_one("article h1") is not None,
                        log)
        assert banner_text(soup) is None
        # The first good build is the whole site, though the save changed one summit file.
        assert fetch(address + NEXT_PAGE) is not None
        assert banner_text(BeautifulSoup(fetch(address), "html.parser")) is None


def test_the_last_good_pages_get_the_banner_after_their_front_matter():
    good = {"summits/a.md": "---\ntitle: A\n---\n\n# A\n", "data/facts.json": "[]"}
    pages = preview_pages([Problem("data/summits/a.yaml", 1, 1, "bad")], good)
    assert pages["data/facts.json"] == "[]"
    front, banner = re.fullmatch(r"(---\ntitle: A\n---\n)(.*)\n# A\n", pages["summits/a.md"],
                                 re.DOTALL).groups()
    assert banner.startswith('!!! failure "The data has 1 problem; this preview shows the '
                             'last good build"')
    assert "data/summits/a.yaml:1:1: bad" in banner


def test_problem_messages_show_literally_in_the_banner():
    message = "quote <script>alert(1)</script> not found: *x* | y_z [a](b) `c`"
    text = problems_banner([Problem("data/summits/x_y.yaml", 4, 2, message)], "Problems")
    html = markdown.markdown(text, extensions=["admonition", "tables", "attr_list"])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".admonition.failure") is not None
    assert soup.find(["script", "em", "a", "code", "table"]) is None, html
    assert soup.select_one("li").get_text() == f"data/summits/x_y.yaml:4:2: {message}"
