"""'Sources as of' never prints a date that no source gives (issue #27, finding 11).

A source is as recent as its publication date, else the latest meeting it reports; the check
has grounded every part of that meeting's date in the quotes (summit_briefings/evidence/dating.py).
Runs on the fictional corpus (tests/fixtures/fictional-pair), with the Port Arlen article's
publication date taken out where a test needs a source dated by its meetings.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import AUTO_SHA256, FICTIONAL_DATA, Project

from summit_briefings.contexts.footer import SourceDate, footer_dates
from summit_briefings.model.problems import BriefingError
from summit_briefings.pipeline import checked_corpus

SOURCES = "data/sources.yaml"
KORVEL, VESK = "data/summits/2031-11-korvel.yaml", "data/summits/2032-03-09-vesk.yaml"
PORT_ARLEN_PUBLISHED = "  published: 2031-04-10\n  published_from: text\n"
# Notes of the Korvel meeting that give no date of their own (test input, fictional).
NOTES = ("FICTIONAL ARTICLE: written for the Summit Briefings test suite.\n\n"
         "Ana Brenić and Pavel Dorn spoke on the sidelines of the regional forum in Korvel.\n")
NOTES_SOURCE = f"""- id: korvel-notes
  file: korvel-notes.txt
  title: Notes from Korvel
  title_editorial: true
  outlet: null
  language: en
  {AUTO_SHA256}
"""
# A phone call reported by the Port Arlen article, which says nothing of it, dated by hand as
# a new user did in finding 11. Test input only.
UNDATED_CALL = """id: 2030-07-02-phone-call
title: Ana Brenić and Pavel Dorn by phone
mode: phone call
date:
  value: 2030-07-02
  basis: inferred
  reasoning: The article does not say.
  cite:
    - source: nordwire-2031-port-arlen
      quote: Norlandic President Ana Brenić
occasion:
  kind: talks
  text: Talks between the two leaders.
  cite:
    - source: nordwire-2031-port-arlen
      quote: Norlandic President Ana Brenić
participants:
  - person: ana-brenic
    cite:
      - source: nordwire-2031-port-arlen
        quote: Norlandic President Ana Brenić
  - person: pavel-dorn
    cite:
      - source: nordwire-2031-port-arlen
        quote: Sudmark Chancellor Pavel Dorn
"""


@pytest.fixture
def undated(make_project: Callable[..., Project]) -> Project:
    """The fictional corpus with no publication date for the Port Arlen article, and notes of
    the Korvel meeting (undated) that say who took part."""
    project = make_project(base=FICTIONAL_DATA, files={
        "data/sources/korvel-notes.txt": NOTES,
        SOURCES: (FICTIONAL_DATA / "sources.yaml").read_text(encoding="utf-8")
        .replace(PORT_ARLEN_PUBLISHED, "") + NOTES_SOURCE})
    project.replace(KORVEL, "  - person: pavel-dorn\n    cite:\n",
                    "  - person: pavel-dorn\n    cite:\n"
                    "      - source: korvel-notes\n"
                    "        quote: Ana Brenić and Pavel Dorn spoke\n")
    return project


def test_a_source_is_as_of_its_page_date_or_the_latest_meeting_it_reports(undated: Project):
    corpus, _ = checked_corpus(undated.root)
    assert footer_dates(corpus) == {
        "nordwire-2031-port-arlen": SourceDate("2031-04-10", None),  # its summit, stated
        "sudcourier-2032-vesk": SourceDate("2032-03-12", None),  # its 'published'
        "korvel-notes": SourceDate("2031-11", "year inferred"),
    }


def test_a_date_that_no_source_gives_stops_the_check_before_any_page(undated: Project):
    undated.write("data/summits/2030-07-02-phone-call.yaml", UNDATED_CALL)
    with pytest.raises(BriefingError) as stopped:
        checked_corpus(undated.root)
    problems = stopped.value.problems
    assert [p.path for p in problems] == ["data/summits/2030-07-02-phone-call.yaml"]
    assert "the year (2030) and month (July) of this inferred date are in none" in \
        problems[0].message


def test_a_source_cited_in_passing_is_not_dated_by_that_meeting(undated: Project):
    # The Port Arlen article, quoted as background at Vesk (2032): it gives no date in 2032,
    # so its pages stay as of the Port Arlen summit it reports.
    undated.write(VESK, undated.read(VESK) + """  - id: rank-background
    topic: trade
    kind: background
    text: Sudmark is Norland's fourth-largest trading partner.
    cite:
      - source: nordwire-2031-port-arlen
        quote: Sudmark is Norland's fourth-largest trading partner.
""")
    corpus, _ = checked_corpus(undated.root)
    assert footer_dates(corpus)["nordwire-2031-port-arlen"] == SourceDate("2031-04-10", None)
