"""Pages bounded by design (contexts/archives.py): a page that lists summits shows the
newest in full and links to a page a year for the rest, and the readers lose nothing.

Built over a small synthetic corpus (scripts/synth.py: 40 summits over ten years) with the
bound patched low, against the same corpus built with a bound that nothing reaches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import synth  # scripts/ is on pytest's pythonpath (pyproject.toml)
from conftest import copy_project

from summit_briefings.contexts import archives
from summit_briefings.pipeline import build_site

BOUND = 3
FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)
SUMMIT_LINK = re.compile(r"\]\((?:\.\./)*(?:summits/)?(\d{4}-[0-9a-z-]+)\.md\)")
SOURCE_LINK = re.compile(r"\]\((?:\.\./)*(?:sources/)?(\d{5}_[0-9a-f]+)\.md[)#]")
# Each bounded page, and the pattern of its archive pages' paths.
BOUNDED = {
    "summits/index.md": r"summits/\d{4}\.md",
    "index.md": r"timeline/\d{4}\.md",
    "commitments.md": r"commitments/\d{4}\.md",
    "trade-targets.md": r"trade-targets/\d{4}\.md",
    "evolution.md": r"evolution/\d{4}\.md",
    "sources/index.md": r"sources/by-year/\d{4}\.md",
}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archives")
    synth.generate(40, folder / "corpus", seed=1)
    return copy_project(folder / "project", folder / "corpus" / "data").root


def _built(root: Path, bound: int) -> dict[str, str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(archives, "NEWEST_IN_FULL", bound)
        return build_site(root).pages


@pytest.fixture(scope="module")
def bounded(root: Path) -> dict[str, str]:
    return _built(root, BOUND)


@pytest.fixture(scope="module")
def unbounded(root: Path) -> dict[str, str]:
    return _built(root, 10_000)


def _archive_pattern(page: str) -> str:
    """leaders/x.md → leaders/x/<year>.md, topics/x.md → topics/x/<year>.md, and the rest."""
    return BOUNDED.get(page) or re.escape(page.removesuffix(".md")) + r"/\d{4}\.md"


def bounded_pages(unbounded: dict[str, str]) -> list[str]:
    return [*BOUNDED, *(p for p in unbounded if re.fullmatch(r"(leaders|topics)/[^/]+\.md", p)
                        and p != "leaders/index.md" and p != "topics/index.md")]


def test_no_page_has_archives_when_every_list_fits(unbounded: dict[str, str]):
    years = [p for p in unbounded if re.search(r"/\d{4}\.md$", p)]
    assert years == []
    assert not any("{ #earlier }" in text for text in unbounded.values())


def test_a_bounded_page_shows_the_newest_summits_and_links_every_archive_year(
        bounded: dict[str, str], unbounded: dict[str, str]):
    newest, earlier = bounded["summits/index.md"].split("{ #earlier }")
    every = list(dict.fromkeys(SUMMIT_LINK.findall(unbounded["summits/index.md"])))
    assert list(dict.fromkeys(SUMMIT_LINK.findall(newest))) == every[:BOUND]
    archived = {p for p in bounded if re.fullmatch(r"summits/\d{4}\.md", p)}
    linked = re.findall(r"\[(\d{4})\]\(\1\.md\)", earlier)
    assert linked == sorted(linked, reverse=True)
    assert {f"summits/{year}.md" for year in linked} == archived
    # Each year whole: the archives together list every summit beyond the newest.
    in_archives = {s for p in archived for s in SUMMIT_LINK.findall(bounded[p])}
    assert set(every) - set(every[:BOUND]) <= in_archives


@pytest.mark.parametrize("kind", ["summits/", "leaders/", "topics/"])
def test_an_archive_page_holds_its_year_alone(bounded: dict[str, str], kind: str):
    archived = [p for p in bounded if p.startswith(kind) and re.search(r"/\d{4}\.md$", p)]
    assert archived
    for page in archived:
        year = page[-7:-3]
        body = bounded[page].split("# ", 2)[2]  # after the front matter's and page's heading
        rows = body.split("\n\n", 2)[2]  # after the line linking the other years
        assert {s[:4] for s in SUMMIT_LINK.findall(rows)} == {year}, page


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
