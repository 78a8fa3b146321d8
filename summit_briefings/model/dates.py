"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as readers see them."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

# Not calendar.month_name: that follows the locale, and looks each name up through strftime.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def format_date(value: str, short: bool = False) -> str:
    """'2018-03-23' → '23 March 2018' ('23 Mar 2018' short); '2017-11' → 'November 2017';
    '2024' → '2024'."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1][:3 if short else None]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def year_and_day(value: str, parts: tuple[str, ...] = ("year", "day")) -> list[str]:
    """The numbers of a date a text must give: its year and its day (the month is a word)."""
    numbers = value.split("-")
    return [*([numbers[0]] if "year" in parts else []),
            *([str(int(numbers[2]))] if len(numbers) == 3 and "day" in parts else [])]


def month_words(value: str) -> tuple[str, ...]:
    """How a text may give the month of a YYYY-MM(-DD) date: 'November', 'Nov', '2017-11'."""
    month = MONTHS[int(value[5:7]) - 1]
    return month, month[:3], value[:7]


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def sort_key(value: str) -> str:
    """Partial dates sort as the end of the period they name: '2024' after every day of 2024
    that is known, 'August 2025' after 31 August 2025. An event known only by its year cannot
    be shown to come first, so it does not jump ahead of the dated events of that year."""
    return value + "-12-31"[len(value) - 4:] if len(value) < 10 else value


def last_weekday(weekday: str, on_or_before: str) -> str:
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
