"""`mkdocs serve` after a save to summit files alone: those summits' pages first, exactly as
the whole build gives them; anything else, the whole site (pipeline.preview_site). And the
whole build beside the preview stops when a newer save makes it pointless."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import Project, fictional_project

from summit_briefings.model.load import ParsedFiles
from summit_briefings.model.problems import BriefingError
from summit_briefings.pipeline import Superseded, build_site, preview_site
from summit_briefings.publish.serve_preview import inputs_state
from summit_briefings.render import RenderCache

SUMMIT = "data/summits/2031-04-10-port-arlen.yaml"
TITLE = "Ana Brenić and Pavel Dorn in Port Arlen"
EDITED = "Ana Brenić and Pavel Dorn meet in Port Arlen"
SOURCE = "data/sources/nordwire-2031-04-10-port-arlen.txt"
QUOTE, BROKEN_QUOTE = "during an official visit by Dorn", "during an oficial visit by Dorn"
SUMMIT_PAGES = {"summits/2031-04-10-port-arlen.md", "summits/2031-04-10-port-arlen/pack.md"}


@pytest.fixture
def previewed(tmp_path: Path) -> tuple[Project, RenderCache, ParsedFiles]:
    """A project, and what `mkdocs serve`'s first build of it kept."""
    project = fictional_project(tmp_path / "project")
    cache, parsed = RenderCache(), ParsedFiles()
    first = preview_site(project.root, None, cache, parsed)
    assert first.only is None  # the first build is the whole site
    return project, cache, parsed


def test_a_save_to_a_summit_file_renders_its_pages_first_as_the_whole_build_does(previewed):
    project, cache, parsed = previewed
    project.replace(SUMMIT, TITLE, EDITED)
    first = preview_site(project.root, None, cache, parsed)
    assert first.only == {SUMMIT}
    assert set(first.pages) == SUMMIT_PAGES
    assert first.files == {}
    whole = build_site(project.root)
    assert {path: whole.pages[path] for path in SUMMIT_PAGES} == first.pages
    assert EDITED in first.pages["summits/2031-04-10-port-arlen.md"]
    # The pages that follow show the edit too: the summits index, and the next summit's page.
    assert EDITED in whole.pages["summits/index.md"]
    assert EDITED in whole.pages["summits/2031-11-korvel.md"]


@pytest.mark.parametrize("change", [
    pytest.param(["data/people.yaml"], id="people"),
    pytest.param(["data/people.yaml", SUMMIT], id="people and a summit"),
    pytest.param([], id="nothing"),
])
def test_any_other_save_builds_the_whole_site(previewed, change):
    project, cache, parsed = previewed
    for saved in change:
        project.write(saved, project.read(saved) + "# saved again\n")
    site = preview_site(project.root, None, cache, parsed)
    assert site.only is None
    assert site.pages == build_site(project.root).pages


def test_a_stopped_whole_build_stops_before_its_next_page(previewed):
    project, cache, parsed = previewed
    stop = threading.Event()
    stop.set()
    with pytest.raises(Superseded):
        build_site(project.root, None, cache, parsed, stop)


def test_inputs_state_changes_with_a_save_and_not_otherwise(tmp_path: Path):
    project = fictional_project(tmp_path / "project")
    before = inputs_state(project.root)
    assert before == inputs_state(project.root)
    assert any(path.endswith(SUMMIT) for path, _, _ in before)
    project.replace(SUMMIT, TITLE, EDITED)
    assert inputs_state(project.root) != before


def test_inputs_state_does_not_follow_links_out_of_the_project(tmp_path: Path):
    project = fictional_project(tmp_path / "project")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("x", encoding="utf-8")
    (project / "data" / "elsewhere").symlink_to(outside, target_is_directory=True)
    assert not any("secret" in path for path, _, _ in inputs_state(project.root))



def test_a_problem_is_reported_on_every_build_until_it_is_fixed(previewed):
    project, cache, parsed = previewed
    project.replace(SUMMIT, QUOTE, BROKEN_QUOTE)
    for _ in range(2):
        with pytest.raises(BriefingError, match=f"{SUMMIT}:.*quote not found"):
            preview_site(project.root, None, cache, parsed)
    project.replace(SUMMIT, BROKEN_QUOTE, QUOTE)
    assert preview_site(project.root, None, cache, parsed).only == {SUMMIT}


def swap_parties(project: Project) -> None:
    site = project.read("data/site.yaml")
    first, second = site.index("  - code: XN"), site.index("  - code: XS")
    project.write("data/site.yaml", site[:first] + site[second:] + site[first:second])


VESK = "data/summits/2032-03-09-vesk.yaml"


@pytest.mark.parametrize(("save", "where", "found"), [
    pytest.param(lambda p: p.replace(SOURCE, QUOTE, "during a visit by Dorn"), SUMMIT,
                 "quote not found", id="a quote's source"),
    pytest.param(swap_parties, SUMMIT, "the title names Ana Brenić .* before Pavel Dorn",
                 id="the parties' order"),
    pytest.param(lambda p: p.replace("data/topics.yaml", "- id: transport", "- id: transit"),
                 SUMMIT, "unknown topic 'transport'", id="a topic's id"),
    pytest.param(lambda p: p.replace("data/people.yaml", "  name: Pavel Dorn",
                                     "  name: Павел Дорн"),
                 SUMMIT, "writes 'Pavel Dorn' where the site names this person 'Павел Дорн'",
                 id="a person's display name"),
    pytest.param(lambda p: p.replace("data/sources.yaml", "published: 2032-03-12",
                                     "published: 2032-03-08"),
                 VESK, "the last Tuesday on or before 2032-03-08", id="a source's date"),
])
def test_a_kept_check_is_made_again_when_what_it_read_changes(previewed, save, where, found):
    """Checks are kept on each document a build reuses (its bytes unchanged, load.ParsedFiles):
    they are made again where another file they read changed, though the summit file did
    not."""
    project, cache, parsed = previewed
    save(project)
    with pytest.raises(BriefingError, match=f"{where}:.*{found}"):
        preview_site(project.root, None, cache, parsed)



@pytest.mark.parametrize(("summit", "title"), [
    ("data/summits/2031-04-10-port-arlen.yaml", TITLE),
    ("data/summits/2031-11-korvel.yaml", "Ana Brenić and Pavel Dorn in Korvel"),
    ("data/summits/2032-03-09-vesk.yaml", "Ana Brenić and Pavel Dorn in Vesk"),
], ids=["Port Arlen", "Korvel", "Vesk: the latest to state a target"])
def test_after_a_title_edit_only_the_pages_whose_markdown_changes_are_rendered_again(
        tmp_path: Path, summit: str, title: str):
    """A page that names the summit by its date alone (a brief's statements and open
    pledges, a target line) is not rendered again when only its title changes."""
    project = fictional_project(tmp_path / "project")
    cache, parsed = RenderCache(), ParsedFiles()
    before = build_site(project.root, None, cache, parsed).pages
    project.replace(summit, title, f"{title}, edited")
    after = build_site(project.root, None, cache, parsed).pages
    changed = {path for path, text in after.items() if before.get(path) != text}
    assert cache.rendered == len(changed) > 2
