"""Counterpart briefs (brief.py): the context builder called directly on the fixture corpus
(tests/fixtures/site/data), and on a synthetic corpus (scripts/synth.py) with low bounds, where
every list is longer than its bound."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import synth  # scripts/ is on pytest's pythonpath (pyproject.toml)
from conftest import FIXTURE_DATA, REPO, copy_project

from summit_briefings import brief as brief_module
from summit_briefings.brief import (
    BOUNDS,
    Bounds,
    BriefContext,
    brief_context,
    briefed_people,
    sides_of,
    standing,
)
from summit_briefings.commitments import commitments_context, judged_pledges, judged_targets
from summit_briefings.corpus import Corpus
from summit_briefings.pipeline import build_site, checked_corpus
from summit_briefings.quotes import Evidence
from summit_briefings.schema import TradeTarget
from summit_briefings.targets import AHEAD, SETTLED
from summit_briefings.views import CitationRefs, PageNotes, layouts_of

WIDE = Bounds(meetings_in_full=100, meetings_listed=100, roles=100, role_dates=100,
              targets=100, pledges=100, topics=100)


@pytest.fixture(scope="module")
def checked() -> tuple[Corpus, Evidence]:
    """The fixture corpus, validated and verified (read in place: nothing writes to it)."""
    return checked_corpus(FIXTURE_DATA.parent)


def book_for(checked: tuple[Corpus, Evidence], page: str) -> PageNotes:
    corpus, evidence = checked
    return PageNotes(page, corpus, evidence, layouts_of(corpus))


def person_brief(checked, person_id: str, bounds: Bounds | None = None
                 ) -> tuple[BriefContext, PageNotes]:
    corpus = checked[0]
    book = book_for(checked, f"leaders/{person_id}/brief.md")
    page = brief_context(book, standing(corpus), corpus.person(person_id),
                         briefed_people(corpus)[person_id], bounds=bounds)
    return page, book


def relationship_brief(checked, bounds: Bounds | None = None) -> tuple[BriefContext, PageNotes]:
    corpus = checked[0]
    book = book_for(checked, "brief.md")
    page = brief_context(book, standing(corpus), None, list(reversed(corpus.chronological)),
                         set(briefed_people(corpus)), bounds=bounds)
    return page, book


def cited_keys(value: object) -> set[str]:
    """Every citation a context holds, wherever it sits."""
    if isinstance(value, CitationRefs):
        return set(value.keys)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return set().union(*(cited_keys(getattr(value, f.name))
                             for f in dataclasses.fields(value)))
    if isinstance(value, tuple | list):
        return set().union(*map(cited_keys, value))
    return set()


def test_who_gets_a_brief_every_person_of_the_two_parties_who_took_part_in_a_summit(checked):
    corpus = checked[0]
    briefed = briefed_people(corpus)
    participants = {p.person for s in corpus.summits for p in s.participants}
    assert set(briefed) == participants  # the fixture's participants are all of the parties
    assert "ho-chi-minh" not in briefed  # named in an outcome, at no table
    assert "kim-jong-un" not in briefed  # of neither party
    for person, summits in briefed.items():
        assert summits == [s for s in reversed(corpus.chronological)
                           if person in {p.person for p in s.participants}]


def test_a_brief_holds_the_persons_dated_roles_the_latest_first(checked):
    page, _ = person_brief(checked, "luong-cuong")
    assert [(r.title, r.as_of) for r in page.roles] == [
        ("State President of Vietnam", "2024 (date inferred) and 30 October 2025 (year inferred)"),
        ("State President", "2024 (date inferred) and 30 October 2025 (year inferred)"),
    ]
    assert all(r.refs.keys for r in page.roles)
    assert page.more_roles == 0


def test_a_title_stated_on_many_dates_shows_the_first_and_the_latest(checked):
    page, _ = person_brief(checked, "luong-cuong", dataclasses.replace(WIDE, role_dates=1))
    assert page.roles[0].as_of == ("2024 (date inferred) and 30 October 2025 (year inferred), "
                                   "and 0 dates between")
    page, _ = person_brief(checked, "luong-cuong", dataclasses.replace(WIDE, roles=1))
    assert [r.title for r in page.roles] == ["State President of Vietnam"]
    assert page.more_roles == 1


def test_meetings_run_newest_first_each_with_its_own_bottom_line(checked):
    corpus = checked[0]
    page, _ = person_brief(checked, "luong-cuong")
    assert [m.summit.id for m in page.meetings] == ["2025-10-30-gyeongju", "2024-lima"]
    assert [p.id for p in page.meetings[0].met] == ["lee-jae-myung"]  # not Cường himself
    assert page.meetings_total == 2 and not page.earlier and page.more_meetings == 0
    # The 2023 summit records a summary: the brief prints its text and citations as they are.
    page, book = relationship_brief(checked)
    vietnam = next(m for m in page.meetings if m.summit.id == "2023-06-23-vietnam")
    summary = corpus.summit("2023-06-23-vietnam").summary
    assert vietnam.summary == summary.text and vietnam.headline is None
    assert vietnam.summary_refs == book.refs(summary.cite)
    # Gyeongju records none here: its first headline outcome stands in, the rest counted.
    gyeongju = page.meetings[0]
    headline = [o for o in corpus.summit("2025-10-30-gyeongju").outcomes if o.headline]
    assert gyeongju.summary is None
    assert gyeongju.headline.text == headline[0].text
    assert gyeongju.more_headlines == len(headline) - 1


def test_commitments_are_the_open_ones_with_the_commitments_pages_statuses(checked):
    corpus = checked[0]
    page, _ = person_brief(checked, "luong-cuong", WIDE)
    listed = commitments_context(book_for(checked, "commitments.md"), corpus)
    statuses = {(c.summit.id, c.what): c.status for c in listed.pledges}
    assert page.pledges
    for pledge in page.pledges:
        assert pledge.status == statuses[(pledge.summit.id, pledge.what)]
        assert pledge.status.verdict not in SETTLED
    assert len(page.pledges) == sum(s.verdict not in SETTLED for s in statuses.values())
    # The newest first, as on the commitments page.
    assert [p.summit.id for p in page.pledges] == [
        c.summit.id for c in listed.pledges if c.status.verdict not in SETTLED]
    targets = {t.what + ", " + t.deadline: t.status for t in listed.targets}
    assert [t.what for t in page.past_targets] == ["US$100 billion in bilateral trade, by 2020"]
    assert [t.what for t in page.targets] == ["US$150 billion in bilateral trade, by 2030"]
    for line in (*page.past_targets, *page.targets):
        assert line.status == targets[line.what]
    assert page.past_targets[0].status.verdict == "past its deadline, not shown met"
    assert page.targets[0].status.verdict == "not yet due"


def test_a_settled_target_or_pledge_is_left_out(checked):
    corpus, evidence = checked_corpus(FIXTURE_DATA.parent)  # a copy of its own to change
    first = corpus.trade.targets[0]
    corpus.trade.targets.append(TradeTarget(**{
        **first.model_dump(exclude={"restated"}), "id": "target-60bn-by-2017", "amount": 60,
        "deadline": 2017}))
    judged = {j.target.id: j.status.verdict for j in judged_targets(corpus)}
    assert judged["target-60bn-by-2017"] == "met"
    known = standing(corpus)
    shown = {j.target.id for j in (*known.past_targets, *known.ahead_targets)}
    assert "target-60bn-by-2017" not in shown
    assert shown == {t for t, verdict in judged.items() if verdict not in SETTLED}
    assert all(j.status.verdict in AHEAD for j in known.ahead_targets)
    assert {(j.summit.id, j.outcome.id) for j in known.open_pledges} == {
        (j.summit.id, j.outcome.id) for j in judged_pledges(corpus)
        if j.status.verdict not in SETTLED}


def test_trade_now_is_the_latest_stated_figure_with_the_growth_each_target_needs(checked):
    page, _ = person_brief(checked, "luong-cuong")
    assert (page.latest_figure.year, page.latest_figure.amount) == (2024, "US$86.7 billion")
    growth = page.targets[0].growth
    assert growth.answer == "9.6% a year" and "(150 / 86.7)" in growth.formula
    assert page.past_targets[0].growth is None  # its deadline is behind the latest figure


def test_sides_of_an_outcome(checked):
    corpus = checked[0]
    gyeongju = {o.id: o for o in corpus.summit("2025-10-30-gyeongju").outcomes}
    assert sides_of(corpus, gyeongju["new-pillar"]) == ("KR", "VN")  # an agreement: both
    assert sides_of(corpus, gyeongju["workers-quotas"]) == ("KR",)  # its side
    assert sides_of(corpus, gyeongju["trade-target-request"]) == ("VN",)  # who asked
    background = [o for s in corpus.summits for o in s.outcomes if o.kind == "background"]
    assert background and all(sides_of(corpus, o) == () for o in background)
    quotes = [o for s in corpus.summits for o in s.outcomes if o.kind == "quote"]
    assert quotes and all(sides_of(corpus, o) == (corpus.person(o.by[0]).country,)
                          for o in quotes)


def test_the_last_thing_each_side_said_on_each_topic(checked):
    corpus = checked[0]
    page, _ = relationship_brief(checked, WIDE)
    lines = {line.name: line for line in page.topics}
    trade = lines["Trade & investment"]
    # Each side's own newest: headline outcomes of the newest summit first.
    assert [(s.sides, s.claim.id) for s in trade.said] == [
        ("South Korea", "technology-transfer"), ("Vietnam", "trade-target-request")]
    # An agreement that is both sides' newest is said once, for both.
    assert [s.sides for s in lines["East Sea / maritime"].said] == [
        "South Korea and Vietnam"]
    # Nothing later on the topic speaks for that side.
    order = {s.id: i for i, s in enumerate(corpus.chronological)}
    names = {c.name: c.code for c in corpus.site.parties}
    topics = {t.name: t.id for t in corpus.topics}
    for line in page.topics:
        for said in line.said:
            sides = {names[n] for n in said.sides.split(" and ")}
            later = [o for s in corpus.summits if order[s.id] > order[said.summit.id]
                     for o in s.outcomes if o.topic == topics[line.name]
                     and sides & set(sides_of(corpus, o))]
            assert not later, (line.name, said.sides)
    # The most recently discussed topic first.
    recency = [max(order[s.summit.id] for s in line.said) for line in page.topics]
    assert recency == sorted(recency, reverse=True)


def test_a_brief_cites_only_what_it_shows(checked):
    for page, book in (person_brief(checked, "luong-cuong"), relationship_brief(checked)):
        assert set(book.notes) == cited_keys(page)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[Corpus, Evidence]]:
    """40 generated summits: more meetings, pledges, targets and topics than LOW shows."""
    root = tmp_path_factory.mktemp("synth")
    synth.generate(40, root, seed=3)
    return root, checked_corpus(root)


LOW = Bounds(meetings_in_full=2, meetings_listed=3, roles=1, role_dates=2, targets=1,
             pledges=2, topics=3)


def test_every_list_of_a_brief_is_bounded_and_counts_the_rest(synthetic):
    root, checked = synthetic
    corpus = checked[0]
    known = standing(corpus)
    page, book = relationship_brief(checked, LOW)
    assert (len(page.meetings), len(page.earlier), page.more_meetings) == (2, 3, 35)
    assert page.meetings_total == 40
    assert [m.summit.id for m in page.meetings] + [s.id for s in page.earlier] == [
        s.id for s in reversed(corpus.chronological)][:5]
    assert len(known.open_pledges) > 2 and len(page.pledges) == 2
    assert page.more_pledges == len(known.open_pledges) - 2
    assert len(known.ahead_targets) > 1 and len(page.targets) == 1
    assert page.more_targets == len(known.ahead_targets) - 1
    assert len(page.past_targets) + page.more_past_targets == len(known.past_targets)
    assert len(known.topics) > 3 and len(page.topics) == 3
    assert page.more_topics == len(known.topics) - 3
    # Its notes: those of what it shows, a handful per item, however many summits there are.
    shown = (len(page.meetings) + len(page.pledges) + len(page.targets)
             + len(page.past_targets) + sum(len(t.said) for t in page.topics) + 1)
    assert set(book.notes) == cited_keys(page) and len(book.notes) <= 3 * shown

    # The person with the most meetings: their titles and dates bounded too.
    briefed = briefed_people(corpus)
    busiest = max(sorted(briefed), key=lambda p: len(briefed[p]))
    page, book = person_brief(checked, busiest, LOW)
    assert len(briefed[busiest]) > 5 and len(page.earlier) == 3
    assert page.more_meetings == len(briefed[busiest]) - 5
    assert len(page.roles) == 1 and "dates between" in page.roles[0].as_of
    assert len(page.roles[0].refs.keys) <= 2 * 2  # the first and the latest date's


def test_the_rendered_brief_says_what_it_leaves_out_and_links_it(synthetic, tmp_path,
                                                                  monkeypatch):
    root, _ = synthetic
    project = copy_project(tmp_path, root / "data")
    monkeypatch.setattr(brief_module, "BOUNDS", LOW)
    pages = build_site(project.root).pages
    relationship = pages["brief.md"]
    assert "And 35 more earlier meetings: [the summits page lists all 40](summits/index.md)." \
        in relationship
    assert "more open pledges: [the commitments page lists every one](commitments.md)." \
        in relationship
    assert "more topics: [the topics index lists every one](topics/index.md)." in relationship
    sections = {part.partition(" {")[0]: part for part in relationship.split("\n## ")[1:]}
    items = {title: text.count("\n- ") for title, text in sections.items()}
    assert items["Meetings, newest first"] == 2 + 3
    assert items["Open commitments"] <= 2 + 1
    assert items["Trade now against the standing targets"] == 1
    assert items["The last thing each side said, by topic"] == 3


def test_the_home_and_leader_pages_link_the_briefs(tmp_path):
    pages = build_site(copy_project(tmp_path).root).pages
    assert "[relationship brief](brief.md)" in pages["index.md"]
    assert "[Lương Cường](leaders/luong-cuong/brief.md)" in pages["index.md"]
    assert "[Counterpart brief](luong-cuong/brief.md)" in pages["leaders/luong-cuong.md"]
    assert "Counterpart brief" not in pages["leaders/ho-chi-minh.md"]
    assert "leaders/ho-chi-minh/brief.md" not in pages
    assert "[leader page](../luong-cuong.md)" in pages["leaders/luong-cuong/brief.md"]


def test_the_guide_and_readme_state_the_bounds_the_code_keeps():
    guide = " ".join((REPO / "docs" / "guide" / "adding-a-summit.md").read_text("utf-8").split())
    b = BOUNDS
    for said in (f"the newest {b.meetings_in_full} meetings in full and the next "
                 f"{b.meetings_listed} one line each", f"{b.roles} titles, each with at most "
                 f"{b.role_dates} dates", f"{b.pledges} open pledges, {b.targets} targets past "
                 f"their deadline and {b.targets} still ahead", f"{b.topics} topics"):
        assert said in guide, said
    readme = " ".join((REPO / "README.md").read_text("utf-8").split())
    assert (f"the newest {b.meetings_in_full} meetings in full, {b.meetings_listed} more one "
            f"line each, {b.pledges} pledges, {b.targets} targets each way, {b.topics} topics"
            ) in readme
