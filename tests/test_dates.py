"""Partial dates: how they sort, and what a weekday or a month before a date gives."""

from __future__ import annotations

import pytest

from summit_briefings.model.dates import last_month_or_day, last_weekday, sort_key


@pytest.mark.parametrize(("earlier", "later"), [
    ("2024-07-02", "2024"),        # a year-only date comes after the dated days of its year
    ("2024", "2025-01-01"),
    ("2025-08-30", "2025-08"),     # a month-only date after the days of its month
    ("2025-08", "2025-09-01"),
    ("2025-08", "2025"),
    ("2017-11", "2018-03-23"),
])
def test_a_partial_date_sorts_at_the_end_of_its_period(earlier: str, later: str):
    assert sort_key(earlier) < sort_key(later)


@pytest.mark.parametrize(("weekday", "page_date", "day"), [
    ("Thursday", "2021-07-16", "2021-07-15"),  # "on Thursday" in an article of Friday
    ("Friday", "2021-07-16", "2021-07-16"),    # the same day
    ("Saturday", "2021-07-16", "2021-07-10"),  # six days back, never forward
    ("Monday", "2026-03-02", "2026-03-02"),
])
def test_a_weekday_is_the_last_such_day_on_or_before_the_page_date(weekday, page_date, day):
    assert last_weekday(weekday, page_date) == day


@pytest.mark.parametrize(("month_day", "anchor", "value"), [
    ("11", "2018-03-23", "2017-11"),        # "in November", in a text of March 2018
    ("03", "2018-03-23", "2018-03"),        # the anchor's own month
    ("03-23", "2018-03-23", "2018-03-23"),  # the same day
    ("03-24", "2018-03-23", "2017-03-24"),  # a day after the anchor: the year before
    ("02-29", "2019-03-01", "2016-02-29"),  # the last 29 February
])
def test_a_month_or_day_is_the_last_such_on_or_before_a_stated_date(month_day, anchor, value):
    assert last_month_or_day(month_day, anchor) == value
