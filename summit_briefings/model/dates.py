"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as readers see them."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal, get_args

# Not calendar.month_name: that follows the locale, and looks each name up through strftime.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS: tuple[Weekday, ...] = get_args(Weekday)  # in date.weekday()'s order
DatePart = Literal["year", "month", "day"]
DATE_PARTS: tuple[DatePart, ...] = get_args(DatePart)


def named_parts(value: str) -> dict[DatePart, str]:
    """Each part of a partial date as a text gives it: '2025-10-05' → {'year': '2025',
    'month': 'October', 'day': '5'}; '2025' → {'year': '2025'}."""
    numbers = value.split("-")
    return dict(zip(DATE_PARTS, [numbers[0], *(MONTHS[int(n) - 1] for n in numbers[1:2]),
                                 *(str(int(n)) for n in numbers[2:])], strict=False))


def format_date(value: str, short: bool = False) -> str:
    """'2018-03-23' → '23 March 2018' ('23 Mar 2018' short); '2017-11' → 'November 2017';
    '2024' → '2024'."""
    parts = named_parts(value)
    month = parts.get("month", "")[:3 if short else None]
    return " ".join(filter(None, (parts.get("day"), month, parts["year"])))


def year_and_day(value: str, parts: tuple[DatePart, ...] = ("year", "day")) -> list[str]:
    """The numbers of a date a text must give: its year and its day (the month is a word)."""
    named = named_parts(value)
    return [named[part] for part in ("year", "day") if part in parts and part in named]


def month_words(value: str) -> tuple[str, ...]:
    """How a text may give the month of a YYYY-MM(-DD) date: 'November', 'Nov', '2017-11'."""
    month = named_parts(value)["month"]
    return month, month[:3], value[:7]


def sort_key(value: str) -> str:
    """Partial dates sort as the end of the period they name: '2024' after every day of 2024
    that is known, 'August 2025' after 31 August 2025. An event known only by its year cannot
    be shown to come first, so it does not jump ahead of the dated events of that year."""
    return value + "-12-31"[len(value) - 4:] if len(value) < 10 else value


def last_weekday(weekday: Weekday, on_or_before: str) -> str:
    """The latest ``weekday`` on or before a YYYY-MM-DD date: what 'on Thursday' means in an
    article dated ``on_or_before``."""
    day = date.fromisoformat(on_or_before)
    back = (day.weekday() - WEEKDAYS.index(weekday)) % 7
    return (day - timedelta(days=back)).isoformat()


def last_month_or_day(month_day: str, on_or_before: str) -> str:
    """The latest month ('11') or day of the year ('10-30') on or before a YYYY-MM-DD date,
    with its year: what 'in November' means in a text dated ``on_or_before``."""
    year = int(on_or_before[:4])
    if month_day > on_or_before[5:5 + len(month_day)]:  # not yet come in that year
        year -= 1
    while month_day == "02-29" and not calendar.isleap(year):  # the last 29 February
        year -= 1
    return f"{year:04d}-{month_day}"
