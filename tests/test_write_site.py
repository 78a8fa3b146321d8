"""`summit-briefings pages` writes each page as soon as it is rendered (pipeline.write_site),
never holding the whole site: what it writes is what build_site builds in memory, and the
bound on the site's size still fails the build before anything is published."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PAGES, Project, fictional_project, folder_files, run_in_process

from summit_briefings import pipeline
from summit_briefings.pipeline import build_site
from summit_briefings.publish.build_date import build_date


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return fictional_project(tmp_path_factory.mktemp("written") / "project")


@pytest.fixture(scope="module")
def in_memory(project: Project) -> dict[str, str]:
    """Every page and export, as build_site builds them."""
    site = build_site(project.root, build_date(project.root))
    return {**site.pages, **site.files}


def test_the_pages_written_are_the_pages_built_in_memory(
        project: Project, in_memory: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch):
    # A site of exactly the bound is within it.
    monkeypatch.setattr(pipeline, "MAX_GENERATED_CHARS", sum(map(len, in_memory.values())))
    out = tmp_path / "out"
    code, stdout, err = run_in_process(PAGES, project, out=out)
    assert code == 0, err
    handwritten = folder_files(project.root / "docs")
    assert folder_files(out) == {**handwritten,
                            **{path: text.encode() for path, text in in_memory.items()}}
    pages = len(in_memory) - len(build_site(project.root).files)
    assert f"{pages} pages written to {out}" in stdout


def test_a_site_over_the_bound_fails_naming_it_and_publishes_nothing(
        project: Project, in_memory: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch):
    # One character short: every page is written into the staging folder before the last
    # export goes over.
    bound = sum(map(len, in_memory.values())) - 1
    monkeypatch.setattr(pipeline, "MAX_GENERATED_CHARS", bound)
    previous = tmp_path / "previous"
    previous.mkdir()
    (previous / "index.md").write_text("the last good build\n", encoding="utf-8")
    code, stdout, err = run_in_process(PAGES, project, out=previous)
    assert "Traceback" not in stdout + err, err
    assert code == 1
    assert err.startswith("data:1:1: the site would be at least "), err
    assert f"over the limit of {bound:,}" in err
    assert "nothing was written" in err
    assert folder_files(previous) == {"index.md": b"the last good build\n"}
    assert [p.name for p in tmp_path.iterdir()] == ["previous"]  # no staging folder left
