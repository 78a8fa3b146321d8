"""'Sources as of' never prints a date that no source gives (issue #27, finding 11).

A source is as recent as its publication date, else the latest meeting it reports; the check
has grounded every part of that meeting's date in the quotes (summit_briefings/dating.py).
Runs on the fixture corpus (tests/fixtures/site/data).
"""

from __future__ import annotations

import pytest
from conftest import Project

from summit_briefings.errors import BriefingError
from summit_briefings.pages import footer_dates
from summit_briefings.pipeline import checked_corpus
from summit_briefings.views import SourceDate

GYEONGJU = "data/summits/2025-10-30-gyeongju.yaml"
# A phone call reported by an article that gives no date (the Seoul article: 'on Monday', no
# page date), dated by hand as a new user did in finding 11. Test input only.
UNDATED_CALL = """id: 2024-07-02-phone-call
title: Lee Jae Myung and Tô Lâm by phone
mode: phone call
date:
  value: 2024-07-02
  basis: inferred
  reasoning: The article does not say.
  cite:
    - source: menafn-2025-seoul
      quote: South Korean President Lee Jae Myung on Monday reaffirmed
occasion:
  kind: talks
  text: Talks between the two leaders.
  cite:
    - source: menafn-2025-seoul
      quote: a high-profile summit with Vietnam’s leader To Lam in Seoul
participants:
  - person: lee-jae-myung
    role: President
    cite:
      - source: menafn-2025-seoul
        quote: South Korean President Lee Jae Myung on Monday reaffirmed
  - person: to-lam
    role: leader
    cite:
      - source: menafn-2025-seoul
        quote: a high-profile summit with Vietnam’s leader To Lam in Seoul
"""


def test_a_source_is_as_of_its_page_date_or_the_latest_meeting_it_reports(project: Project):
    corpus, _ = checked_corpus(project.root)
    assert footer_dates(corpus) == {
        "yonhap-2018-hanoi": SourceDate("2018-03-23", None),
        "report-2023-vietnam": SourceDate("2023-06-23", None),  # its 'published'
        "vnavns-2024-lima": SourceDate("2024", "date inferred"),
        "menafn-2025-seoul": SourceDate("2025-08", "date inferred"),
        "vna-2025-gyeongju": SourceDate("2025-10-30", "year inferred"),
    }


def test_a_date_that_no_source_gives_stops_the_check_before_any_page(project: Project):
    project.write("data/summits/2024-07-02-phone-call.yaml", UNDATED_CALL)
    with pytest.raises(BriefingError) as stopped:
        checked_corpus(project.root)
    problems = stopped.value.problems
    assert [p.path for p in problems] == ["data/summits/2024-07-02-phone-call.yaml"]
    assert "the year (2024) and month (July) of this inferred date are in none" in \
        problems[0].message


def test_a_source_cited_in_passing_is_not_dated_by_that_meeting(project: Project):
    # The 2018 Hanoi article, quoted as background at Gyeongju (2025): it gives no date in
    # 2025, so its pages stay as of the Hanoi summit it reports.
    project.write(GYEONGJU, project.read(GYEONGJU) + """  - id: rank-background
    topic: trade-investment
    kind: background
    text: Vietnam is South Korea's fourth-largest trading partner.
    cite:
      - source: yonhap-2018-hanoi
        quote: Vietnam is South Korea's fourth-largest trading partner
""")
    corpus, _ = checked_corpus(project.root)
    assert footer_dates(corpus)["yonhap-2018-hanoi"] == SourceDate("2018-03-23", None)
