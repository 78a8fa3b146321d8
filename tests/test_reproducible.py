"""Same inputs, same output: byte-identical pages and site, whatever order files are read in.

Escaping: data that looks like HTML, Markdown or Jinja reaches readers as literal text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BuiltSite, build_live_site, fictional_project, site_build

from summit_briefings.pipeline import build_site

# Files MkDocs stamps with the build time when no SOURCE_DATE_EPOCH or commit date exists.
STAMPED = {"sitemap.xml", "sitemap.xml.gz"}


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_site_builds_are_identical_apart_from_stamped_files(tmp_path: Path,
                                                                live_site: BuiltSite):
    """The live site as the session built it, and a second build of a copy of the same
    project."""
    again = build_live_site(tmp_path)
    a, b = tree(live_site.site), tree(again.site)
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


HOSTILE = "<script>alert(x)</script> *bold* _em_ [link](http://x.test) {{ a*b }} {% if %} | #"


def test_markup_in_data_reaches_the_page_as_literal_text(tmp_path: Path):
    # The fictional corpus: one summit is all this needs.
    project = fictional_project(tmp_path / "project").root
    summit = project / "data" / "summits" / "2031-04-10-port-arlen.yaml"
    data = yaml.safe_load(summit.read_text(encoding="utf-8"))
    data["title"] = f"Port Arlen {HOSTILE}"
    data["outcomes"][0]["text"] += f" {HOSTILE}"
    data["occasion"]["kind"] = f"state visit <b>raw</b> {HOSTILE}"
    summit.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "site"
    result = site_build(project, out)
    assert result.returncode == 0, result.stderr
    html = (out / "summits" / "2031-04-10-port-arlen" / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article")
    text = " ".join(article.get_text(" ").split())
    assert text.count(HOSTILE) >= 3
    assert "<b>raw</b>" in text
    assert not [s for s in article.find_all("script") if "alert" in s.get_text()]
    assert not article.find("b") and not article.select('a[href="http://x.test"]')
    assert not [e for e in article.find_all("em") if e.get_text() == "em"]
