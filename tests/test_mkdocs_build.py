"""`mkdocs build` with its pages converted on two cores and their text kept on disk until
rendered (summit_briefings.publish.mkdocs_build), as `make site` runs it: the same site as
MkDocs alone builds, the same warnings and errors, every page converted by the build itself
whenever the second process cannot be relied on, and no page's text held but the one
rendered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import folder_files, initialised_project

CONVERTED_APART = "pages converted by a second process, beside this one"
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}


def build(project: Path, site: Path, *, ours: bool) -> subprocess.CompletedProcess[str]:
    engine = "summit_briefings.publish.mkdocs_build" if ours else "mkdocs"
    return subprocess.run([sys.executable, "-m", engine, "build", "--strict", "--site-dir",
                           str(site)], cwd=project, capture_output=True, text=True,
                          timeout=600, env=BUILD_ENV)


def plain_project(folder: Path, last_page: bytes, plugins: str = "[]") -> Path:
    """A project of twenty pages linking to each other, in MkDocs' own theme; the last page
    (which the second process converts) is ``last_page``."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(f"site_name: Two cores\nplugins: {plugins}\n",
                                       encoding="utf-8")
    for number in range(19):
        (docs / f"page-{number:02}.md").write_text(
            f"# Page {number}\n\n## Part\n\n[Next](page-{number + 1:02}.md#part)\n",
            encoding="utf-8")
    (docs / "page-19.md").write_bytes(last_page)
    return folder


def test_the_fictional_site_built_on_two_cores_is_byte_identical_to_mkdocs_alone(
        tmp_path: Path):
    project = initialised_project(tmp_path / "project")
    alone, apart = build(project, tmp_path / "alone", ours=False), build(
        project, tmp_path / "apart", ours=True)
    assert alone.returncode == 0, alone.stderr
    assert apart.returncode == 0, apart.stderr
    assert CONVERTED_APART in apart.stderr
    assert folder_files(tmp_path / "apart") == folder_files(tmp_path / "alone")


def reported(result: subprocess.CompletedProcess[str], site: Path) -> list[str]:
    """What a build logged, and the last line it printed (an uncaught error's, after its
    traceback's frames): but for the lines about the two cores, the folder built and the
    time it took."""
    lines = [line for line in result.stderr.splitlines()
             if "second process" not in line and "Documentation built in" not in line]
    return [line.replace(str(site), "SITE") for line in lines
            if line.startswith(("INFO", "WARNING", "ERROR"))] + lines[-1:]


@pytest.mark.parametrize(("last_page", "converted_apart"), [
    (b"# Last\n\n[Gone](missing.md)\n", CONVERTED_APART),
    (b"# Last\n\n[Part](page-00.md#no-such-part)\n", CONVERTED_APART),
    (b"# Last\n\n\xff\xfe not UTF-8\n",
     "The second process stopped; its 10 pages are converted here"),
], ids=["missing page: a warning", "missing anchor: information", "not UTF-8: an error"])
def test_what_a_page_converted_apart_reports_is_what_mkdocs_alone_reports(
        tmp_path: Path, last_page: bytes, converted_apart: str):
    project = plain_project(tmp_path, last_page)
    alone = build(project, tmp_path / "alone", ours=False)
    apart = build(project, tmp_path / "apart", ours=True)
    assert converted_apart in apart.stderr
    assert apart.returncode == alone.returncode
    assert reported(apart, tmp_path / "apart") == reported(alone, tmp_path / "alone")


def test_with_a_plugin_that_keeps_what_pages_hold_every_page_is_converted_here(
        tmp_path: Path):
    project = plain_project(tmp_path, b"# Last\n", plugins="[search, tags]")
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8")
                                        + "theme: material\n", encoding="utf-8")
    result = build(project, tmp_path / "site", ours=True)
    assert result.returncode == 0, result.stderr
    assert CONVERTED_APART not in result.stderr
    assert (tmp_path / "site" / "page-19" / "index.html").is_file()


# Runs a build with MkDocs' `_build_page` watched: for each page rendered, how many of the
# other pages hold their text (Markdown or HTML) at that moment.
WATCHED_BUILD = """
import json, sys
from mkdocs.commands import build
render = build._build_page
held = {}
def watched(page, config, doc_files, *args, **kwargs):
    held[page.file.src_uri] = [bool(page.markdown and page.content), sum(
        1 for file in doc_files if file.page is not page and (file.page.markdown
                                                              or file.page.content))]
    render(page, config, doc_files, *args, **kwargs)
build._build_page = watched
engine, site, out = sys.argv[1:]
sys.argv = ["mkdocs", "build", "--strict", "--site-dir", site]
try:
    if engine == "mkdocs_build":
        from summit_briefings.publish.mkdocs_build import main
        main()
    else:
        from mkdocs.__main__ import cli
        cli(prog_name="mkdocs")
finally:
    with open(out, "w") as f:
        json.dump(held, f)
"""


@pytest.mark.parametrize(("engine", "others_holding"), [("mkdocs", 19), ("mkdocs_build", 0)],
                         ids=["plain MkDocs holds every page's text", "the build holds one"])
def test_while_a_page_is_rendered_no_other_page_holds_its_text(
        tmp_path: Path, engine: str, others_holding: int):
    project = plain_project(tmp_path, b"# Last\n")
    result = subprocess.run([sys.executable, "-c", WATCHED_BUILD, engine,
                             str(tmp_path / "site"), str(tmp_path / "held.json")],
                            cwd=project, capture_output=True, text=True, timeout=600,
                            env=BUILD_ENV)
    assert result.returncode == 0, result.stderr
    held = json.loads((tmp_path / "held.json").read_text(encoding="utf-8"))
    assert len(held) == 20
    assert all(own for own, _ in held.values())  # each page has its own text to render
    assert {others for _, others in held.values()} == {others_holding}
