"""Pages bounded by design (contexts/archives.py): a page that lists summits shows the
newest in full and links to a page a year for the rest, a year of many summits in parts; the
leaders index lists the people of the newest summits and links to pages of each country's
people A–Z; and the readers lose nothing.

Built over a small synthetic corpus (scripts/synth.py: 40 summits over ten years) with the
bounds patched low, against the same corpus built with bounds that nothing reaches."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
import synth  # scripts/ is on pytest's pythonpath (pyproject.toml)
from conftest import copy_project

from summit_briefings.contexts import archives, index_pages, trade
from summit_briefings.pipeline import build_site

BOUND = 3
PER_ARCHIVE = 2  # summits on an archive page: the corpus has about four a year
PER_NAME_PAGE = 4  # people on a page of a country's people A–Z
FIGURE_YEARS = 3  # years of actual trade the trade page lists and charts
FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)
SUMMIT_LINK = re.compile(r"\]\((?:\.\./)*(?:summits/)?(\d{4}-[0-9a-z-]+)\.md\)")
SOURCE_LINK = re.compile(r"\]\((?:\.\./)*(?:sources/)?(\d{5}_[0-9a-f]+)\.md[)#]")
# Each bounded page, and the pattern of its archive pages' paths.
BOUNDED = {
    "summits/index.md": r"summits/\d{4}(-\d+)?\.md",
    "index.md": r"timeline/\d{4}(-\d+)?\.md",
    "commitments.md": r"commitments/\d{4}(-\d+)?\.md",
    "trade-targets.md": r"trade-targets/\d{4}(-\d+)?\.md",
    "evolution.md": r"evolution/\d{4}(-\d+)?\.md",
    "sources/index.md": r"sources/by-year/\d{4}(-\d+)?\.md",
}
YEAR_PAGE = r"\d{4}(-\d+)?\.md"
PERSON_LINK = re.compile(r"\]\((?:\.\./)*(?:leaders/)?([0-9a-z-]+)\.md\)\{ \.person \}")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archives")
    synth.generate(40, folder / "corpus", seed=1)
    return copy_project(folder / "project", folder / "corpus" / "data").root


def _built(root: Path, bound: int, per_archive: int, per_name_page: int,
           figure_years: int) -> dict[str, str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(archives, "NEWEST_IN_FULL", bound)
        patch.setattr(archives, "SUMMITS_PER_ARCHIVE", per_archive)
        patch.setattr(index_pages, "PEOPLE_PER_PAGE", per_name_page)
        patch.setattr(trade, "FIGURE_YEARS_IN_FULL", figure_years)
        return build_site(root).pages


@pytest.fixture(scope="module")
def bounded(root: Path) -> dict[str, str]:
    return _built(root, BOUND, PER_ARCHIVE, PER_NAME_PAGE, FIGURE_YEARS)


@pytest.fixture(scope="module")
def unbounded(root: Path) -> dict[str, str]:
    return _built(root, 10_000, 10_000, 10_000, 10_000)


def _archive_pattern(page: str) -> str:
    """leaders/x.md → leaders/x/<year>.md, topics/x.md → topics/x/<year>.md, and the rest;
    a year's later parts too ('<year>-2.md')."""
    return BOUNDED.get(page) or re.escape(page.removesuffix(".md")) + "/" + YEAR_PAGE


def bounded_pages(unbounded: dict[str, str]) -> list[str]:
    return [*BOUNDED, *(p for p in unbounded if re.fullmatch(r"(leaders|topics)/[^/]+\.md", p)
                        and p != "leaders/index.md" and p != "topics/index.md")]


def test_no_page_has_archives_when_every_list_fits(unbounded: dict[str, str]):
    years = [p for p in unbounded if re.search("/" + YEAR_PAGE + "$", p)]
    assert years == []
    assert not any(p.startswith("leaders/by-name/") for p in unbounded)
    assert not any("{ #earlier }" in text for text in unbounded.values())


def test_a_bounded_page_shows_the_newest_summits_and_links_every_archive_year(
        bounded: dict[str, str], unbounded: dict[str, str]):
    newest, earlier = bounded["summits/index.md"].split("{ #earlier }")
    every = list(dict.fromkeys(SUMMIT_LINK.findall(unbounded["summits/index.md"])))
    assert list(dict.fromkeys(SUMMIT_LINK.findall(newest))) == every[:BOUND]
    archived = {p for p in bounded if re.fullmatch("summits/" + YEAR_PAGE, p)}
    linked = re.findall(r"\[(\d{4})(?: \((\d) of \d\))?\]\((\d{4}(?:-\d+)?)\.md\)", earlier)
    assert [(year, int(part or 1)) for year, part, _ in linked] == sorted(
        ((year, int(part or 1)) for year, part, _ in linked), key=lambda yp: (-int(yp[0]), yp[1]))
    assert {f"summits/{page}.md" for _, _, page in linked} == archived
    assert any(part for _, part, _ in linked), "no year was split into parts"
    # Each year whole: the archives together list every summit beyond the newest.
    in_archives = {s for p in archived for s in SUMMIT_LINK.findall(bounded[p])}
    assert set(every) - set(every[:BOUND]) <= in_archives


@pytest.mark.parametrize("kind", ["summits/", "leaders/", "topics/"])
def test_an_archive_page_holds_its_year_alone(bounded: dict[str, str], kind: str):
    archived = [p for p in bounded if p.startswith(kind) and re.search("/" + YEAR_PAGE + "$", p)]
    assert archived
    for page in archived:
        year = re.search(r"/(\d{4})(-\d+)?\.md$", page).group(1)
        body = bounded[page].split("# ", 2)[2]  # after the front matter's and page's heading
        rows = body.split("\n\n", 2)[2]  # after the line linking the other years
        assert {s[:4] for s in SUMMIT_LINK.findall(rows)} == {year}, page


def _kept_out_of_search(text: str) -> bool:
    front_matter = text.split("\n---\n", 1)[0]
    return "\nsearch:\n  exclude: true" in front_matter


def test_archive_pages_but_the_trade_pages_are_kept_out_of_search_and_bounded_pages_not(
        bounded: dict[str, str], unbounded: dict[str, str]):
    """A search leads to the summit, leader and source pages an archive page repeats, and to
    the page it bounds; the trade page's archives alone hold the actual trade of their
    years, and stay searchable."""
    pages = bounded_pages(unbounded)
    archived = [path for page in pages for path in bounded
                if re.fullmatch(_archive_pattern(page), path)]
    by_name = [path for path in bounded if path.startswith("leaders/by-name/")]
    assert archived and by_name
    for path in archived + by_name:
        assert _kept_out_of_search(bounded[path]) != path.startswith("trade-targets/"), path
    for page in pages:
        assert not _kept_out_of_search(bounded[page]), page


def test_no_archive_page_lists_more_summits_than_its_bound(
        bounded: dict[str, str], unbounded: dict[str, str]):
    """The summits an archive page lists: each row's or heading's first summit (a target's
    row goes on to link the later summits that stated it again)."""
    for page in bounded_pages(unbounded):
        pattern = _archive_pattern(page)
        for path in (p for p in bounded if re.fullmatch(pattern, p)):
            rows = bounded[path].split("# ", 2)[2].split("\n\n", 2)[2]
            listed = {found.group(1) for line in rows.splitlines()
                      if (found := SUMMIT_LINK.search(line))}
            assert len(listed) <= PER_ARCHIVE, path


def test_readers_lose_nothing_every_citation_summit_and_source_is_on_some_page(
        bounded: dict[str, str], unbounded: dict[str, str]):
    for page in bounded_pages(unbounded):
        pattern = _archive_pattern(page)
        family = [bounded[page], *(text for path, text in bounded.items()
                                   if re.fullmatch(pattern, path))]
        for found in (FOOTNOTE_REF, SUMMIT_LINK, SOURCE_LINK):
            whole = set(found.findall(unbounded[page]))
            assert whole <= {key for text in family for key in found.findall(text)}, page
    leaders = [p for p in bounded if re.fullmatch(r"leaders/[^/]+/\d{4}\.md", p)]
    assert leaders, "no leader took part in more summits than the bound"


def test_every_citation_on_a_bounded_or_archive_page_resolves_on_that_page(
        bounded: dict[str, str], unbounded: dict[str, str]):
    for page in bounded_pages(unbounded):
        pattern = _archive_pattern(page)
        for path in [page, *(p for p in bounded if re.fullmatch(pattern, p))]:
            text = bounded[path]
            assert set(FOOTNOTE_REF.findall(text)) == set(FOOTNOTE_DEFINITION.findall(text)), (
                path)


def test_a_leader_page_counts_every_summit_and_counterpart_the_archives_too(
        bounded: dict[str, str], unbounded: dict[str, str]):
    for page in bounded_pages(unbounded):
        if page.startswith("leaders/"):
            summary = re.compile(r"^- \*\*Summits:\*\* .*$", re.MULTILINE)
            assert summary.findall(bounded[page]) == summary.findall(unbounded[page])


def _leaders_pages(pages: dict[str, str]) -> dict[str, str]:
    """The leaders index and its pages A–Z."""
    return {path: text for path, text in pages.items()
            if path == "leaders/index.md" or path.startswith("leaders/by-name/")}


def test_the_leaders_index_lists_the_people_of_the_newest_summits_and_links_everyone_a_to_z(
        bounded: dict[str, str], unbounded: dict[str, str]):
    index = bounded["leaders/index.md"]
    newest = list(dict.fromkeys(SUMMIT_LINK.findall(unbounded["summits/index.md"])))[:BOUND]
    took_part = {p for s in newest for p in PERSON_LINK.findall(
        bounded[f"summits/{s}.md"].split("## ", 1)[1])}  # the summit's people, after its heading
    people = [p for p in unbounded if re.fullmatch(r"leaders/[^/]+\.md", p)
              and p != "leaders/index.md"]
    listed = set(PERSON_LINK.findall(index))
    assert listed and listed <= took_part
    by_name = [p for p in bounded if p.startswith("leaders/by-name/")]
    assert len(by_name) > 2
    linked = {f"leaders/{href}" for href in re.findall(r"\]\((by-name/[a-z]+-\d+\.md)\)", index)}
    assert linked == set(by_name)
    # Every person on a page A–Z, once; no page with more people than its bound.
    on_pages = [p for page in by_name for p in PERSON_LINK.findall(bounded[page])]
    assert sorted(on_pages) == sorted(p.removeprefix("leaders/").removesuffix(".md")
                                      for p in people)
    for page in by_name:
        assert len(PERSON_LINK.findall(bounded[page])) <= PER_NAME_PAGE, page
        assert "](../index.md)" in bounded[page]


def test_the_leaders_pages_a_to_z_hold_every_citation_of_the_whole_index_and_resolve_them(
        bounded: dict[str, str], unbounded: dict[str, str]):
    whole = set(FOOTNOTE_REF.findall(unbounded["leaders/index.md"]))
    pages = _leaders_pages(bounded)
    assert whole <= {ref for text in pages.values() for ref in FOOTNOTE_REF.findall(text)}
    for path, text in pages.items():
        assert set(FOOTNOTE_REF.findall(text)) == set(FOOTNOTE_DEFINITION.findall(text)), path


LEADER_ANCHOR = re.compile(r"\]\(((?:\.\./)*(?:leaders/)?[0-9a-z-]+\.md)#([\w-]+)\)")


def test_every_link_into_a_leader_page_lands_on_a_section_it_has(bounded: dict[str, str]):
    """A pack or brief links 'took part in N summits' to the leader page's summits: a leader
    whose summits are all archived still has that section, pointing to the year pages."""
    checked = 0
    for page, text in bounded.items():
        for target, anchor in LEADER_ANCHOR.findall(text):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
            if not path.startswith("leaders/"):
                continue
            checked += 1
            assert f"{{ #{anchor} }}" in bounded[path], (page, target, anchor)
    assert checked


# A row of actual trade: its year, amount and link; a target's: its amount, link and deadline.
FIGURE_ROW = re.compile(r"^\| (\d{4}) \| \[([^]]+)\]\(([^)]+)\)", re.MULTILINE)
TARGET_ROW = re.compile(r"^\| \[([^]]+)\]\(([^)]+)\)\{ \.amount \}\S* \| ([^|]+) \|",
                        re.MULTILINE)
CHART_YEAR = re.compile(r'<text class="tick" x="[\d.]+" y="[\d.]+" text-anchor="middle">(\d{4})<')
TOOLTIP = re.compile(r"<title>(Target [^<]*)</title>")
SVG_TITLE = re.compile(r'<title id="chart-title-wide">([^<]*)</title>')
SVG_DESC = re.compile(r'<desc id="chart-desc-wide">([^<]*)</desc>')
DAY = re.compile(r"\b\d{4}\b")


def _trade_rows(pages: dict[str, str], found: re.Pattern[str]) -> dict[str, list[tuple]]:
    """The rows ``found`` on the trade page and each of its year pages, their links resolved
    from the site's root."""
    return {path: [tuple(posixpath.normpath(posixpath.join(posixpath.dirname(path), part))
                         if ".md" in part else part for part in row)
                   for row in found.findall(text)]
            for path, text in pages.items()
            if path == "trade-targets.md" or re.fullmatch(BOUNDED["trade-targets.md"], path)}


def test_the_trade_page_lists_and_charts_the_newest_years_and_says_so(
        bounded: dict[str, str], unbounded: dict[str, str]):
    page = bounded["trade-targets.md"]
    every = sorted({int(row[0]) for row in FIGURE_ROW.findall(unbounded["trade-targets.md"])})
    assert len(every) > FIGURE_YEARS
    first = every[-1] - FIGURE_YEARS + 1
    listed = [int(row[0]) for row in FIGURE_ROW.findall(page)]
    assert listed and min(listed) >= first and len(listed) <= FIGURE_YEARS
    assert f"The figures from {first} on" in page
    first_set_at = {SUMMIT_LINK.search(line).group(1) for line in page.splitlines()
                    if TARGET_ROW.match(line)}
    assert 0 < len(first_set_at) <= BOUND
    chart = page.split("<figure", 1)[1].split("</figure>", 1)[0]
    # The chart's years start at the window (less the margin year before it).
    assert min(int(y) for y in CHART_YEAR.findall(chart)) >= first - 1
    assert SVG_TITLE.search(chart).group(1).endswith(f", from {first}")
    desc = SVG_DESC.search(chart).group(1)
    assert desc.startswith(f"The newest {FIGURE_YEARS} years, from {first},")
    assert "year pages" in desc
    # A tooltip names at most the first and latest date, with a count where there are more.
    tooltips = TOOLTIP.findall(chart)
    assert tooltips
    for tooltip in tooltips:
        for part in tooltip.split("; Target"):
            stated = part.split(", stated ", 1)[1]
            assert len(DAY.findall(stated)) <= 2, tooltip
    assert any(re.search(r"stated on \d+ dates, the first ", t) for t in tooltips), (
        "no target in the chart was stated on more than two dates")


def test_every_figure_and_target_of_the_trade_page_is_on_it_or_a_year_page(
        bounded: dict[str, str], unbounded: dict[str, str]):
    for found in (FIGURE_ROW, TARGET_ROW):
        every = _trade_rows(unbounded, found)["trade-targets.md"]
        assert every
        on_pages = _trade_rows(bounded, found)
        assert len(on_pages) > 2
        # Each once: a figure on the page or its year's page, a target where first set.
        assert sorted(row for rows in on_pages.values() for row in rows) == sorted(every)
    for path, rows in _trade_rows(bounded, FIGURE_ROW).items():
        assert path == "trade-targets.md" or {row[0] for row in rows} <= {path[-7:-3]}, path
