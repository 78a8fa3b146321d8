"""Partial dates: how they sort, and what a weekday before a page date gives."""

from __future__ import annotations

import pytest

from summit_briefings.dates import last_weekday, sort_key


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
