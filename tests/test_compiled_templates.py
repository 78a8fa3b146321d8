"""`mkdocs serve` compiles a template once, and again only when its source changes
(render.CompiledTemplates): the generator's environment and the theme's are made anew for
every rebuild, and would otherwise parse and compile every template each time."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from conftest import fictional_project

from summit_briefings.pipeline import build_site
from summit_briefings.render import CompiledTemplates, RenderCache, environment

SUMMIT_PAGE = "summits/2031-04-10-port-arlen.md"


@pytest.fixture
def compiling(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from their source, in order."""
    compiled: list[str] = []
    compile_source = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_source(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return compiled


def test_a_template_is_compiled_once_for_every_environment_that_shares_the_cache(
        tmp_path: Path, compiling: list[str]):
    (tmp_path / "page.md.jinja").write_text("{{ name }} met", encoding="utf-8")
    compiled = CompiledTemplates()
    for _ in range(2):
        page = environment(tmp_path, compiled).get_template("page.md.jinja")
        assert page.render(name="Dorn") == "Dorn met"
    assert compiling == ["page.md.jinja"]


def test_an_edited_template_is_compiled_again(tmp_path: Path, compiling: list[str]):
    template = tmp_path / "page.md.jinja"
    template.write_text("{{ name }} met", encoding="utf-8")
    compiled = CompiledTemplates()
    environment(tmp_path, compiled).get_template("page.md.jinja")
    template.write_text("{{ name }} visited", encoding="utf-8")
    page = environment(tmp_path, compiled).get_template("page.md.jinja")
    assert page.render(name="Dorn") == "Dorn visited"
    assert compiling == ["page.md.jinja", "page.md.jinja"]


def test_a_rebuild_compiles_only_the_template_edited_and_its_pages_show_the_edit(
        tmp_path: Path, compiling: list[str]):
    project = fictional_project(tmp_path / "project")
    cache = RenderCache()
    build_site(project.root, None, cache)
    assert "page.md.jinja" not in compiling and "summit.md.jinja" in compiling
    compiling.clear()

    project.replace("templates/summit.md.jinja", "- **When:**", "- **Date:**")
    pages = build_site(project.root, None, cache).pages
    assert compiling == ["summit.md.jinja"]
    assert "- **Date:**" in pages[SUMMIT_PAGE]
