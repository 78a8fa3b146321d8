"""The briefings plugin's options (publish.plugin.BriefingsConfig): documented, read
from mkdocs.yml and mkdocs-offline.yml, and one search engine per build."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import material
import pytest
from conftest import REPO, fictional_project, site_build
from mkdocs.config import load_config

from summit_briefings.publish.plugin import BriefingsConfig


def test_every_option_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, _ in BriefingsConfig._schema:
        assert f"| `{name}` |" in readme, name


def test_served_builds_search_with_pagefind_and_list_no_material_search():
    config = load_config(str(REPO / "mkdocs.yml"))
    options = config.plugins["briefings"].config
    assert (options.search, options.offline, options.pagefind) == ("pagefind", False, True)
    assert options.pages is None  # the build generates its pages, unless site.py did
    assert "material/search" not in config.plugins
    # Relative to mkdocs.yml, wherever MkDocs runs from.
    assert options.live_folder == str(REPO / "build" / "live")


def test_make_site_turns_the_plugins_own_pagefind_run_off_through_the_environment(
        monkeypatch: pytest.MonkeyPatch):
    """scripts/site.py sets BRIEFINGS_PAGEFIND=false for its MkDocs run, and runs Pagefind
    itself once MkDocs has exited (its tests: test_site_build)."""
    monkeypatch.setenv("BRIEFINGS_PAGEFIND", "false")
    assert load_config(str(REPO / "mkdocs.yml")).plugins["briefings"].config.pagefind is False


def _site_script():
    """scripts/site.py, whose name the standard library's `site` module takes on the path."""
    spec = importlib.util.spec_from_file_location("site_script", REPO / "scripts" / "site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("config", "steps"), [
    # Generation, then MkDocs, then Pagefind, each a process of its own.
    ("mkdocs.yml", (True, True)),
    # Material's index, written within MkDocs.
    ("mkdocs-offline.yml", (True, False)),
    # A configuration that does not read site.py's variables: MkDocs does both, once.
    ("plain.yml", (False, False)),
    # No index wanted, as the configuration reads without site.py's variables.
    ("no-index.yml", (True, False)),
])
def test_make_site_runs_generation_and_pagefind_apart_where_the_configuration_lets_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str, steps: tuple[bool, bool]):
    site = _site_script()
    project = fictional_project(tmp_path / "p").root
    (project / "plain.yml").write_text("INHERIT: mkdocs.yml\nplugins:\n  - briefings\n",
                                       encoding="utf-8")
    (project / "no-index.yml").write_text(
        "INHERIT: mkdocs.yml\nplugins:\n  - briefings:\n      pagefind: false\n"
        "      pages: !ENV [BRIEFINGS_PAGES, null]\n", encoding="utf-8")
    monkeypatch.delenv(site.PAGEFIND_IN_MKDOCS, raising=False)
    monkeypatch.delenv(site.PAGES_GENERATED, raising=False)
    env = {**os.environ, site.PAGEFIND_IN_MKDOCS: "false", site.PAGES_GENERATED: str(tmp_path)}
    assert site.separate_steps(project / config, env) == steps


@pytest.mark.parametrize(("broken", "said"), [
    ("nav: [\n", "error parsing the configuration file"),
    ("plugins:\n  - briefings:\n      search: nonsense\n", "option 'search': Expected one of"),
])
def test_make_site_with_a_broken_configuration_says_so_once_and_keeps_the_site(
        tmp_path: Path, broken: str, said: str):
    """site.py reads the configuration before MkDocs does (separate_steps): what is wrong
    with it is MkDocs' to say, once, with no traceback."""
    project = fictional_project(tmp_path / "p").root
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n" + broken, encoding="utf-8")
    built = site_build(project, tmp_path / "site")
    assert built.returncode == 1, built.stderr
    assert built.stderr.count(said) == 1, built.stderr
    assert "Traceback" not in built.stderr and "Build failed" in built.stderr
    assert not (tmp_path / "site").exists()


def test_a_build_given_the_pages_reads_them_and_generates_none(tmp_path: Path):
    """make site's MkDocs run reads the pages site.py's generation wrote (the option `pages`):
    it generates none itself, so it reports no problem of the data, which that generation
    reported."""
    project = fictional_project(tmp_path / "p").root
    pages = project / "build" / "pages"
    generate = [sys.executable, "-m", "summit_briefings", "pages", "--generated-only",
                "--root", str(project), "--out", str(pages)]
    subprocess.run(generate, cwd=project, check=True, capture_output=True)
    assert not (pages / "guide" / "adding-a-summit.md").exists(), "docs/ was copied too"
    summit = next((project / "data" / "summits").glob("*.yaml"))
    summit.write_text("title: [not, a, title]\n", encoding="utf-8")
    site = tmp_path / "site"
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
        capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFINGS_PAGES": str(pages),
             "BRIEFINGS_PAGEFIND": "false"})
    assert built.returncode == 0, built.stderr
    assert (site / "summits" / summit.stem / "index.html").is_file()
    assert (site / "guide" / "adding-a-summit" / "index.html").is_file()


def _outside(project: Path, pages: Path) -> Path:
    return project.parent / "elsewhere"


def _linked_page(project: Path, pages: Path) -> Path:
    (project.parent / "secret.txt").write_text("not the project's\n", encoding="utf-8")
    (pages / "leak.md").symlink_to(project.parent / "secret.txt")
    return pages


@pytest.mark.parametrize(("folder", "said"), [
    (_outside, "lies outside the project"),
    (_linked_page, "leak.md:1:1: is a symbolic link"),
])
def test_a_folder_of_pages_outside_the_project_or_with_links_is_refused(
        tmp_path: Path, folder, said: str):
    project = fictional_project(tmp_path / "p").root
    pages = project / "build" / "pages"
    pages.mkdir(parents=True)
    (project.parent / "elsewhere").mkdir()
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
             "BRIEFINGS_PAGES": str(folder(project, pages)), "BRIEFINGS_PAGEFIND": "false"})
    assert built.returncode == 1 and said in built.stderr, built.stderr
    assert "Traceback" not in built.stderr
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").rglob("leak*"))


def test_the_offline_build_inherits_the_site_and_searches_with_material():
    served = load_config(str(REPO / "mkdocs.yml"))
    offline = load_config(str(REPO / "mkdocs-offline.yml"))
    assert list(offline.plugins) == ["material/search", "material/offline", "briefings"]
    options = offline.plugins["briefings"].config
    assert (options.search, options.offline) == ("material", True)
    assert offline.site_dir == str(REPO / "site-offline")
    for inherited in ("theme", "nav", "markdown_extensions", "extra", "validation"):
        assert offline[inherited] == served[inherited], inherited


def test_the_header_is_materials_but_shows_the_search_box_with_the_plugin():
    """overrides/partials/header.html is Material's own, but for when it shows the search
    box; a new Material version whose header changed fails here."""
    ours = (REPO / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "header.html"
              ).read_text(encoding="utf-8")
    comment_end = ours.index("-#}\n") + len("-#}\n")
    theirs_comment_end = theirs.index("-#}\n") + len("-#}\n")
    condition = ('    {% if "material/search" in config.plugins %}\n'
                 '      {% set search = config.plugins["material/search"] | attr("config") %}\n'
                 '      {% if search.enabled %}\n')
    assert condition in theirs
    changed = ('    {% if "briefings" in config.plugins or "material/search" in config.plugins %}\n'
               '      {% set search = config.plugins["material/search"] | attr("config") '
               'if "material/search" in config.plugins %}\n'
               '      {% if "briefings" in config.plugins or search.enabled %}\n')
    assert ours[comment_end:] == theirs[theirs_comment_end:].replace(condition, changed)


def block(template: str, name: str) -> str:
    """A block of a Jinja template, its nested blocks included."""
    start = template.index(f"{{% block {name} %}}")
    depth, at = 0, start
    while True:
        opening = template.find("{% block ", at + 1)
        closing = template.index("{% endblock %}", at + 1)
        if opening != -1 and opening < closing:
            depth, at = depth + 1, opening
        elif depth:
            depth, at = depth - 1, closing
        else:
            return template[start:closing + len("{% endblock %}")]


def test_the_article_and_page_config_are_materials_but_for_the_search_marks():
    """overrides/main.html holds two of Material's base.html blocks as they are, but for
    Pagefind's body on the article and the worker the search box talks to; a new Material
    version whose blocks changed fails here."""
    ours = (REPO / "overrides" / "main.html").read_text(encoding="utf-8")
    theirs = (Path(material.__file__).parent / "templates" / "base.html"
              ).read_text(encoding="utf-8")
    changes = {
        "container": ('<article class="md-content__inner md-typeset">',
                      '<article class="md-content__inner md-typeset"{% if search_weight %} '
                      'data-pagefind-body data-pagefind-weight="{{ search_weight }}"'
                      '{% endif %}>'),
        "config": ('"search": "assets/javascripts/workers/search.a7633da7.min.js" | url,',
                   '"search": (search_worker or '
                   '"assets/javascripts/workers/search.a7633da7.min.js") | url,'),
    }
    assert ours.count("{% block ") == 3  # the two, and the content block inside container
    for name, (material_line, our_line) in changes.items():
        assert material_line in block(theirs, name), name
        assert block(ours, name) == block(theirs, name).replace(material_line, our_line)


@pytest.mark.parametrize(("plugins", "message"), [
    ("  - search\n  - briefings\n",
     "plugins: lists Material's `search` plugin, but briefings searches with Pagefind"),
    ("  - briefings:\n      search: material\n",
     "briefings has `search: material`, but plugins: does not list Material's `search`"),
    ("  - search\n  - briefings:\n      search: material\n", None),
    ("  - briefings:\n      pagefind: false\n", None),
    ("  - briefings:\n      offline: true\n",
     "briefings has `offline: true` with `search: pagefind`"),
    ("  - briefings:\n      search: lunr\n",
     "Plugin 'briefings' option 'search': Expected one of: ('pagefind', 'material') but "
     "received: 'lunr'"),
], ids=["material-search-with-pagefind", "material-without-its-plugin",
        "material-served (accepted)", "pagefind-off (accepted)", "offline-with-pagefind",
        "unknown-engine"])
def test_each_pairing_of_search_options_builds_or_stops_saying_why(
        tmp_path: Path, plugins: str, message: str | None):
    project = fictional_project(tmp_path / "project")
    project.write("mkdocs-case.yml", "INHERIT: mkdocs.yml\nplugins:\n" + plugins)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs-case.yml",
         "-d", str(tmp_path / "site")], cwd=project.root, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600, check=False)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    site = tmp_path / "site"
    if message is None:
        assert done.returncode == 0, done.stderr[-3000:]
        # Material's index holds the pages; with Pagefind off, the pages are marked for an
        # index the caller makes, and the box's own index holds no documents.
        index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
        assert bool(index["docs"]) == ("material" in plugins)
        home = (site / "index.html").read_text("utf-8")
        assert ("data-pagefind-body" in home) == ("material" not in plugins)
        assert ("pagefind-worker.js" in home) == ("material" not in plugins)
        # Every entry of Material's index is weighted by its kind of page.
        assert all("boost" in entry for entry in index["docs"])
        assert not (site / "pagefind").exists()
    else:
        assert done.returncode == 1 and message in done.stderr, done.stderr[-3000:]
