"""Counterpart briefs (brief.py): the context builder called directly on the fictional corpus
with a fourth summit written inline (Lindholm: a request, a leader's quote, a target past its
deadline and two people at no table), and on a synthetic corpus (scripts/synth.py) with low
bounds, where every list is longer than its bound."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import synth  # scripts/ is on pytest's pythonpath (pyproject.toml)
from conftest import FICTIONAL_DATA, REPO, cited_keys, copy_project, write_project

from summit_briefings.contexts import brief as brief_module
from summit_briefings.contexts.brief import (
    BOUNDS,
    Bounds,
    BriefContext,
    brief_context,
    briefed_people,
    sides_of,
    standing,
)
from summit_briefings.contexts.commitments import (
    commitments_context,
    judged_pledges,
    judged_targets,
)
from summit_briefings.contexts.notes import PageNotes, layouts_of
from summit_briefings.contexts.refs import place_text, summit_ref
from summit_briefings.contexts.targets import AHEAD, SETTLED
from summit_briefings.evidence.verified import Evidence
from summit_briefings.model.corpus import Corpus
from summit_briefings.model.schema import TradeTarget
from summit_briefings.pipeline import build_site, checked_corpus

WIDE = Bounds(meetings_in_full=100, meetings_listed=100, roles=100, role_dates=100,
              targets=100, pledges=100, topics=100)


LINDHOLM_ARTICLE = """\
FICTIONAL ARTICLE: written for the Summit Briefings test suite. Norland, Sudmark, Westmark, \
their leaders, their towns and Nord Wire do not exist.

Brenić and Dorn meet in Lindholm

LINDHOLM, June 2, 2033 (Nord Wire) -- Norlandic President Ana Brenić received Sudmark \
Chancellor Pavel Dorn in Lindholm on June 2, 2033.

Brenić asked Sudmark to lower its tariffs on Norlandic timber.

"Rail is the spine of our friendship," Dorn said.

The leaders noted that their target of EUR 45 billion in trade by 2029 had not been met.

Westmark Premier Ivo Lant welcomed the talks. Former Norlandic President Ola Tvei, who \
signed the first rail accord, attended the dinner.
"""

LINDHOLM_SOURCE = """
- id: nordwire-2033-lindholm
  file: nordwire-2033-06-02-lindholm.txt
  title: Brenić and Dorn meet in Lindholm
  title_editorial: false
  headline: Brenić and Dorn meet in Lindholm
  outlet: Nord Wire
  language: en
  published: 2033-06-02
  published_from: text
  sha256: auto
"""

LINDHOLM_PEOPLE = """
- id: ivo-lant
  name: Ivo Lant
  names:
    - {text: Ivo Lant, script: romanised}
  country: XW
  cite:
    - source: nordwire-2033-lindholm
      quote: Westmark Premier Ivo Lant
- id: ola-tvei
  name: Ola Tvei
  names:
    - {text: Ola Tvei, script: Norlandic}
  country: XN
  cite:
    - source: nordwire-2033-lindholm
      quote: Former Norlandic President Ola Tvei
"""

LINDHOLM_SUMMIT = """\
id: 2033-06-02-lindholm
title: Ana Brenić and Pavel Dorn in Lindholm
date:
  value: 2033-06-02
  basis: stated
  cite:
    - source: nordwire-2033-lindholm
      quote: in Lindholm on June 2, 2033
place:
  city: Lindholm
  country: Norland
  cite:
    - source: nordwire-2033-lindholm
      quote: in Lindholm on June 2, 2033
occasion:
  kind: working visit
  text: A visit to Norland by Pavel Dorn.
  cite:
    - source: nordwire-2033-lindholm
      quote: Norlandic President Ana Brenić received Sudmark Chancellor Pavel Dorn in Lindholm
participants:
  - person: ana-brenic
    role: President of Norland
    cite:
      - source: nordwire-2033-lindholm
        quote: Norlandic President Ana Brenić received Sudmark Chancellor Pavel Dorn
  - person: pavel-dorn
    role: Chancellor of Sudmark
    cite:
      - source: nordwire-2033-lindholm
        quote: Norlandic President Ana Brenić received Sudmark Chancellor Pavel Dorn
outcomes:
  - id: timber-tariffs
    topic: trade
    kind: request
    headline: true
    text: Ana Brenić asked Sudmark to lower its tariffs on Norlandic timber.
    by: [ana-brenic]
    cite:
      - source: nordwire-2033-lindholm
        quote: Brenić asked Sudmark to lower its tariffs on Norlandic timber.
  - id: rail-spine
    topic: relations
    kind: quote
    text: Rail is the spine of our friendship.
    by: [pavel-dorn]
    cite:
      - source: nordwire-2033-lindholm
        quote: '"Rail is the spine of our friendship," Dorn said.'
"""

WESTMARK = """\
others:
  - code: XW
    name: Westmark
    scripts: [romanised]
"""

LINDHOLM_TARGET = """\
  - id: target-45bn-by-2029
    amount: 45
    deadline: 2029
    summit: 2033-06-02-lindholm
    stated_by: [ana-brenic, pavel-dorn]
    kind: referred
    cite:
      - source: nordwire-2033-lindholm
        quote: their target of EUR 45 billion in trade by 2029 had not been met
"""




def lindholm_files() -> dict[str, str]:
    """The fictional corpus's files that the Lindholm summit adds to or changes."""
    def read(name: str) -> str:
        return (FICTIONAL_DATA / name).read_text(encoding="utf-8")
    return {
        "data/sources/nordwire-2033-06-02-lindholm.txt": LINDHOLM_ARTICLE,
        "data/sources.yaml": read("sources.yaml") + LINDHOLM_SOURCE,
        "data/people.yaml": read("people.yaml") + LINDHOLM_PEOPLE,
        "data/summits/2033-06-02-lindholm.yaml": LINDHOLM_SUMMIT,
        "data/trade.yaml": read("trade.yaml").replace("targets:\n",
                                                      "targets:\n" + LINDHOLM_TARGET),
        "data/site.yaml": read("site.yaml") + WESTMARK,
    }


@pytest.fixture(scope="module")
def lindholm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The root of a whole site project: the fictional corpus with the Lindholm summit."""
    return write_project(tmp_path_factory.mktemp("lindholm"), lindholm_files(), FICTIONAL_DATA,
                         whole_site=True).root


@pytest.fixture(scope="module")
def checked(lindholm: Path) -> tuple[Corpus, Evidence]:
    """That corpus, validated and verified (nothing writes to it)."""
    return checked_corpus(lindholm)


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


def test_who_gets_a_brief_every_person_of_the_two_parties_who_took_part_in_a_summit(checked):
    corpus = checked[0]
    briefed = briefed_people(corpus)
    participants = {p.person for s in corpus.summits for p in s.participants}
    assert set(briefed) == participants  # the corpus's participants are all of the parties
    assert "ola-tvei" not in briefed  # of a party, at no table
    assert "ivo-lant" not in briefed  # of neither party
    for person, summits in briefed.items():
        assert summits == [s for s in reversed(corpus.chronological)
                           if person in {p.person for p in s.participants}]


def test_a_brief_holds_the_persons_dated_roles_the_latest_first(checked):
    page, _ = person_brief(checked, "ana-brenic")
    # Her entry's 'President' of 10 April 2031 is the office Port Arlen states in full that
    # day: one row, with both passages (tests/test_roles.py has more cases).
    assert [(r.title, r.as_of) for r in page.roles] == [
        ("President of Norland", "10 April 2031, 9 March 2032 (day inferred) and 2 June 2033"),
    ]
    assert set(page.roles[0].refs.keys) == {
        "nordwire-2031-port-arlen-q225-255", "sudcourier-2032-vesk-q241-310",
        "nordwire-2033-lindholm-q220-289"}
    assert page.more_roles == 0


def test_a_title_stated_on_many_dates_shows_the_first_and_the_latest(checked):
    page, _ = person_brief(checked, "ana-brenic", dataclasses.replace(WIDE, role_dates=1))
    assert page.roles[0].as_of == "10 April 2031 and 2 June 2033, and 1 date between"


def test_meetings_run_newest_first_each_with_its_own_bottom_line(checked):
    corpus = checked[0]
    page, _ = person_brief(checked, "ana-brenic", WIDE)
    assert [m.summit.id for m in page.meetings] == [
        "2033-06-02-lindholm", "2032-03-09-vesk", "2031-11-korvel", "2031-04-10-port-arlen"]
    assert [p.id for p in page.meetings[0].met] == ["pavel-dorn"]  # not Brenić herself
    assert page.meetings_total == 4 and not page.earlier and page.more_meetings == 0
    # Vesk records a summary: the brief prints its text and citations as they are.
    page, book = relationship_brief(checked)
    vesk = next(m for m in page.meetings if m.summit.id == "2032-03-09-vesk")
    summary = corpus.summit("2032-03-09-vesk").summary
    assert vesk.summary == summary.text and vesk.headline is None
    assert vesk.summary_refs == book.refs(summary.cite)
    # Lindholm records none: its first headline outcome stands in, the rest counted.
    lindholm = page.meetings[0]
    headline = [o for o in corpus.summit("2033-06-02-lindholm").outcomes if o.headline]
    assert lindholm.summary is None
    assert lindholm.headline.text == headline[0].text
    assert lindholm.more_headlines == len(headline) - 1


def test_commitments_are_the_open_ones_with_the_commitments_pages_statuses(checked):
    corpus = checked[0]
    page, _ = person_brief(checked, "ana-brenic", WIDE)
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
    assert [t.what for t in page.past_targets] == ["EUR 45 billion in bilateral trade, by 2029"]
    assert [t.what for t in page.targets] == ["EUR 60 billion in bilateral trade, by 2036",
                                              "EUR 50 billion in bilateral trade, near term"]
    for line in (*page.past_targets, *page.targets):
        assert line.status == targets[line.what]
    assert page.past_targets[0].status.verdict == "past its deadline, not shown met"
    assert page.targets[0].status.verdict == "not yet due"


def test_a_settled_target_or_pledge_is_left_out(lindholm: Path):
    corpus, evidence = checked_corpus(lindholm)  # a copy of its own to change
    first = corpus.trade.targets[0]
    corpus.trade.targets.append(TradeTarget(**{
        **first.model_dump(exclude={"restated"}), "id": "target-40bn-by-2030", "amount": 40,
        "deadline": 2030}))
    judged = {j.target.id: j.status.verdict for j in judged_targets(corpus)}
    assert judged["target-40bn-by-2030"] == "met"
    known = standing(corpus)
    shown = {j.target.id for j in (*known.past_targets, *known.ahead_targets)}
    assert "target-40bn-by-2030" not in shown
    assert shown == {t for t, verdict in judged.items() if verdict not in SETTLED}
    assert all(j.status.verdict in AHEAD for j in known.ahead_targets)
    assert {(j.summit.id, j.outcome.id) for j in known.open_pledges} == {
        (j.summit.id, j.outcome.id) for j in judged_pledges(corpus)
        if j.status.verdict not in SETTLED}


def test_trade_now_is_the_latest_stated_figure_with_the_growth_each_target_needs(checked):
    page, _ = person_brief(checked, "ana-brenic")
    assert (page.latest_figure.year, page.latest_figure.amount) == (2031, "EUR 44 billion")
    growth = page.targets[0].growth
    assert growth.answer == "6.4% a year" and "(60 / 44)" in growth.formula
    assert page.past_targets[0].growth is None  # its deadline is behind the latest figure


def test_sides_of_an_outcome(checked):
    corpus = checked[0]
    port_arlen = {o.id: o for o in corpus.summit("2031-04-10-port-arlen").outcomes}
    lindholm = {o.id: o for o in corpus.summit("2033-06-02-lindholm").outcomes}
    assert sides_of(corpus, port_arlen["rail-freight"]) == ("XN", "XS")  # an agreement: both
    assert sides_of(corpus, port_arlen["rail-line-pledge"]) == ("XS",)  # its side
    assert sides_of(corpus, lindholm["timber-tariffs"]) == ("XN",)  # who asked
    background = [o for s in corpus.summits for o in s.outcomes if o.kind == "background"]
    assert background and all(sides_of(corpus, o) == () for o in background)
    quotes = [o for s in corpus.summits for o in s.outcomes if o.kind == "quote"]
    assert quotes and all(sides_of(corpus, o) == (corpus.person(o.by[0]).country,)
                          for o in quotes)


def test_the_last_thing_each_side_said_on_each_topic(checked):
    corpus = checked[0]
    page, _ = relationship_brief(checked, WIDE)
    lines = {line.name: line for line in page.topics}
    # Each side's own newest: Norland's request at Lindholm, Sudmark's agreement at Vesk.
    assert [(s.sides, s.claim.id) for s in lines["Trade"].said] == [
        ("Norland", "timber-tariffs"), ("Sudmark", "trade-target")]
    # An agreement that is both sides' newest is said once, for both.
    assert [s.sides for s in lines["Transport"].said] == ["Norland and Sudmark"]
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
    for page, book in (person_brief(checked, "ana-brenic"), relationship_brief(checked)):
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
    assert len(page.roles) == 1 and " between" in page.roles[0].as_of
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


def test_the_home_and_leader_pages_link_the_briefs(lindholm: Path):
    pages = build_site(lindholm).pages
    assert "[relationship brief](brief.md)" in pages["index.md"]
    assert "[Ana Brenić](leaders/ana-brenic/brief.md)" in pages["index.md"]
    assert "[Counterpart brief](ana-brenic/brief.md)" in pages["leaders/ana-brenic.md"]
    assert "Counterpart brief" not in pages["leaders/ola-tvei.md"]
    assert "leaders/ola-tvei/brief.md" not in pages
    assert "[leader page](../ana-brenic.md)" in pages["leaders/ana-brenic/brief.md"]


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


@pytest.mark.parametrize(("summit", "where"), [
    ("2032-03-09-vesk", "the Chancellery, Sudmark"),  # 'in Vesk': the city is left out
    ("2031-11-korvel", "Norland"),
])
def test_a_meeting_gives_only_the_part_of_its_place_that_its_title_does_not(checked, summit,
                                                                            where):
    corpus = checked[0]
    assert place_text(corpus.summit(summit), after_title=True) == where


@pytest.mark.parametrize(("summit", "on"), [
    ("2032-03-09-vesk", "on 9 March 2032"),
    ("2031-11-korvel", "in November 2031"),
])
def test_a_meetings_date_takes_on_for_a_day_and_in_for_a_month_or_a_year(checked, summit, on):
    """'the latest in November 2031', never 'the latest on November 2031' (brief and pack
    target lines)."""
    ref = summit_ref("brief.md", checked[0].summit(summit))
    assert f"{ref.on} {ref.date}" == on
