"""`mkdocs build` with its pages converted on two cores (summit_briefings.publish.two_cores), as
`make site` runs it: the same site as MkDocs alone builds, the same warnings and errors, and
every page converted by the build itself whenever the second process cannot be relied on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import initialised_project

CONVERTED_APART = "pages converted by a second process, beside this one"
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}


def build(project: Path, site: Path, *, two_cores: bool) -> subprocess.CompletedProcess[str]:
    engine = "summit_briefings.publish.two_cores" if two_cores else "mkdocs"
    return subprocess.run([sys.executable, "-m", engine, "build", "--strict", "--site-dir",
                           str(site)], cwd=project, capture_output=True, text=True,
                          timeout=600, env=BUILD_ENV)


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


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
    alone, apart = build(project, tmp_path / "alone", two_cores=False), build(
        project, tmp_path / "apart", two_cores=True)
    assert alone.returncode == 0, alone.stderr
    assert apart.returncode == 0, apart.stderr
    assert CONVERTED_APART in apart.stderr
    assert files(tmp_path / "apart") == files(tmp_path / "alone")


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
    alone = build(project, tmp_path / "alone", two_cores=False)
    apart = build(project, tmp_path / "apart", two_cores=True)
    assert converted_apart in apart.stderr
    assert apart.returncode == alone.returncode
    assert reported(apart, tmp_path / "apart") == reported(alone, tmp_path / "alone")


def test_with_a_plugin_that_keeps_what_pages_hold_every_page_is_converted_here(
        tmp_path: Path):
    project = plain_project(tmp_path, b"# Last\n", plugins="[search, tags]")
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8")
                                        + "theme: material\n", encoding="utf-8")
    result = build(project, tmp_path / "site", two_cores=True)
    assert result.returncode == 0, result.stderr
    assert CONVERTED_APART not in result.stderr
    assert (tmp_path / "site" / "page-19" / "index.html").is_file()
