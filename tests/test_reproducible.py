"""Same inputs, same output: byte-identical pages and site, whatever order files are read in.
(That data reaches readers as literal text is tests/test_hostile_values.py's.)"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import BuiltSite, build_live_site, fictional_project, folder_files

from summit_briefings.pipeline import build_site

# Files MkDocs stamps with the build time when no SOURCE_DATE_EPOCH or commit date exists.
STAMPED = {"sitemap.xml", "sitemap.xml.gz"}


def test_two_site_builds_are_identical_apart_from_stamped_files(tmp_path: Path,
                                                                live_site: BuiltSite):
    """The live site as the session built it, and a second build of a copy of the same
    project."""
    again = build_live_site(tmp_path)
    a, b = folder_files(live_site.site), folder_files(again.site)
    assert a.keys() == b.keys()
    differing = {path for path in a if a[path] != b[path]}
    assert differing <= STAMPED, differing


def test_reading_data_files_in_another_order_gives_the_same_pages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = fictional_project(tmp_path / "project").root
    before = build_site(project, "2026-01-01").pages
    people = project / "data" / "people.yaml"
    entries = yaml.safe_load(people.read_text(encoding="utf-8"))
    people.write_text(yaml.safe_dump(entries[::-1], allow_unicode=True), encoding="utf-8")
    original_glob = Path.glob
    monkeypatch.setattr(Path, "glob", lambda self, pattern: sorted(
        original_glob(self, pattern), reverse=True))
    assert build_site(project, "2026-01-01").pages == before
