"""Partial dates: how they read, how they sort, and what a weekday or a month before a date
gives."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from summit_briefings.model.corpus import summit_order
from summit_briefings.model.dates import (
    WEEKDAYS,
    format_date,
    last_month_or_day,
    last_weekday,
    month_words,
    named_parts,
    sort_key,
    year_and_day,
)


@pytest.mark.parametrize(("value", "parts", "long", "short", "numbers"), [
    ("2018-03-23", {"year": "2018", "month": "March", "day": "23"}, "23 March 2018",
     "23 Mar 2018", ["2018", "23"]),
    ("2025-10-05", {"year": "2025", "month": "October", "day": "5"}, "5 October 2025",
     "5 Oct 2025", ["2025", "5"]),  # no leading zero
    ("2024-05-01", {"year": "2024", "month": "May", "day": "1"}, "1 May 2024", "1 May 2024",
     ["2024", "1"]),
    ("2017-11", {"year": "2017", "month": "November"}, "November 2017", "Nov 2017", ["2017"]),
    ("2024", {"year": "2024"}, "2024", "2024", ["2024"]),
])
def test_a_partial_date_reads_with_the_parts_it_has(value, parts, long, short, numbers):
    assert named_parts(value) == parts
    assert format_date(value) == long
    assert format_date(value, short=True) == short
    assert year_and_day(value) == numbers
    assert year_and_day(value, ("day",)) == numbers[1:]
    assert year_and_day(value, ("year",)) == numbers[:1]


@pytest.mark.parametrize(("value", "words"), [
    ("2017-11", ("November", "Nov", "2017-11")),
    ("2018-03-23", ("March", "Mar", "2018-03")),
    ("2024-09-01", ("September", "Sep", "2024-09")),
])
def test_a_month_may_be_given_by_its_name_its_short_name_or_in_digits(value, words):
    assert month_words(value) == words


@pytest.mark.parametrize(("day", "weekday"), [
    ("2024-01-01", "Monday"), ("2021-07-15", "Thursday"), ("2021-07-16", "Friday"),
    ("2026-03-01", "Sunday"),
])
def test_a_weekday_is_named_as_python_numbers_it(day: str, weekday: str):
    assert WEEKDAYS[date.fromisoformat(day).weekday()] == weekday


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


def test_summits_are_in_date_order_then_by_id_where_two_share_a_date():
    def summit(value: str, id: str) -> SimpleNamespace:
        return SimpleNamespace(date=SimpleNamespace(value=value), id=id)

    given = [summit("2025", "2025-b"), summit("2025-08-30", "2025-08-30-b"),
             summit("2025-08", "2025-08-a"), summit("2025-08-30", "2025-08-30-a"),
             summit("2024-12-31", "2024-12-31-z")]
    assert [s.id for s in sorted(given, key=summit_order)] == [
        "2024-12-31-z", "2025-08-30-a", "2025-08-30-b", "2025-08-a", "2025-b"]
