"""Meeting packs (packs.py): the context builder called directly on the fictional pair
(tests/fixtures/fictional-pair) and on a synthetic corpus (scripts/synth.py) with low bounds,
where every list is longer than its bound; and the pack as the Markdown page it renders to."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import synth  # scripts/ is on pytest's pythonpath (pyproject.toml)
from conftest import REPO, cited_keys, copy_project

from summit_briefings.contexts import links
from summit_briefings.contexts.brief import BOUNDS, Bounds, briefed_people, standing, took_part
from summit_briefings.contexts.briefings import SummitContext, summit_context
from summit_briefings.contexts.notes import PageNotes, layouts_of
from summit_briefings.contexts.packs import PackContext, pack_context
from summit_briefings.contexts.targets import AHEAD
from summit_briefings.evidence.verified import Evidence
from summit_briefings.model.corpus import Corpus
from summit_briefings.pipeline import build_site, checked_corpus

FICTIONAL = Path(__file__).parent / "fixtures" / "fictional-pair"
LOW = Bounds(roles=1, role_dates=2, targets=1, figures=2)


def pack_of(checked: tuple[Corpus, Evidence], index: int, bounds: Bounds | None = None
            ) -> tuple[PackContext, PageNotes]:
    """The pack of the index-th summit in date order, and its citation notebook."""
    corpus, evidence = checked
    ordered = corpus.chronological
    summit = ordered[index]
    book = PageNotes(links.pack_page(summit.id), corpus, evidence, layouts_of(corpus))
    page = pack_context(book, standing(corpus), summit, ordered[index - 1] if index else None,
                        ordered[index + 1] if index + 1 < len(ordered) else None,
                        took_part(corpus), set(briefed_people(corpus)), bounds)
    return page, book


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[Corpus, Evidence]]:
    """40 generated summits: more targets, figures and titles than LOW shows."""
    root = tmp_path_factory.mktemp("synth")
    synth.generate(40, root, seed=3)
    return root, checked_corpus(root)


def test_a_pack_holds_its_summits_briefing_as_the_summit_page_does(fictional):
    corpus, evidence = fictional
    page, _ = pack_of(fictional, 0)
    ordered = corpus.chronological
    summit, following = ordered[0], ordered[1] if len(ordered) > 1 else None
    book = PageNotes(links.pack_page(summit.id), corpus, evidence, layouts_of(corpus))
    briefing = summit_context(book, summit, None, following)
    for field in dataclasses.fields(SummitContext):
        if field.name not in ("title", "pack"):
            assert getattr(page, field.name) == getattr(briefing, field.name), field.name
    assert page.title == f"Meeting pack: {summit.title}" and page.pack is None
    assert page.summit_href == f"../{summit.id}.md"


def test_each_participant_is_summarised_once_with_their_summits_counted_and_linked(fictional):
    corpus = fictional[0]
    page, _ = pack_of(fictional, 0)
    summit = corpus.chronological[0]
    people = list(dict.fromkeys(p.person for p in summit.participants))
    assert [p.person.id for p in page.people] == people
    for person in page.people:
        assert person.roles, person.person.id
        assert person.summits == sum(person.person.id in {p.person for p in s.participants}
                                     for s in corpus.summits)
        assert person.summits_href == f"../../leaders/{person.person.id}.md#summits"
        assert person.brief == f"../../leaders/{person.person.id}/brief.md"


def test_the_commitments_part_holds_the_summits_pledges_and_targets_with_their_status(
        fictional):
    corpus = fictional[0]
    page, _ = pack_of(fictional, 0)
    summit = corpus.chronological[0]
    assert [c.what for c in page.pledges] == [o.text for o in summit.outcomes
                                              if o.kind == "pledge"]
    stated = [t for t in corpus.trade.targets
              if any(s.summit == summit.id for s in t.statements)]
    assert stated and len(page.stated_targets) == len(stated)
    # Each gives this summit's statement of the target, and the commitments page's status.
    assert {t.last.summit.id for t in page.stated_targets} == {summit.id}
    assert all(t.status.verdict for t in (*page.pledges, *page.stated_targets))


def test_a_pack_cites_only_what_it_shows(fictional):
    page, book = pack_of(fictional, 0)
    assert set(book.notes) == cited_keys(page)


def test_every_list_that_grows_with_the_corpus_is_bounded_and_counts_the_rest(synthetic):
    _, checked = synthetic
    corpus = checked[0]
    known = standing(corpus)
    ahead, past = len(known.ahead_targets), len(known.past_targets)
    assert ahead > 1
    sizes = []
    for index in (0, len(corpus.chronological) - 1):
        page, book = pack_of(checked, index, LOW)
        # At most one of each kind, still ahead first, as LOW's brief shows.
        assert [t.status.verdict in AHEAD for t in page.targets] == [True] + [False] * min(
            1, past)
        assert page.more_targets == ahead + past - len(page.targets)
        assert len(page.actual_trade) == 2
        assert page.more_actual_trade == len(corpus.trade.figures) - 2
        assert page.actual_trade[0].year == max(f.year for f in corpus.trade.figures)
        assert all(len(p.roles) <= 1 for p in page.people)
        sizes.append(len(book.notes))
    # The first summit's pack and the last's cite about as much: their own outcomes, the
    # participants' titles and a bounded trade part, however many summits lie between.
    assert max(sizes) <= 2 * min(sizes), sizes


def test_the_summit_page_links_its_pack_and_the_pack_renders_as_a_page_kept_from_search(
        tmp_path):
    project = copy_project(tmp_path, FICTIONAL / "data")
    pages = build_site(project.root).pages
    summit = "2031-04-10-port-arlen"
    assert (f"[Meeting pack]({summit}/pack.md){{ .md-button .pack-link }}"
            in pages[f"summits/{summit}.md"])
    pack = pages[links.pack_page(summit)]
    assert "search:\n  exclude: true" in pack
    for part in ("## Bottom line", "## Participants", "## Trade against the targets",
                 "| Target | Latest stated |", "| Year | Actual trade |",
                 "## Pledges and targets of this summit", "## Sources"):
        assert part in pack, part
    assert "Print pack" in pack and "Meeting pack](" not in pack


def test_the_readme_states_the_bounds_the_code_keeps():
    readme = " ".join((REPO / "README.md").read_text("utf-8").split())
    assert f"a table of the newest {BOUNDS.figures} actual figures" in readme
    assert "as a brief's are (`brief.Bounds`)" in readme
