"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as readers see them."""

from __future__ import annotations

# Not calendar.month_name: that follows the locale, and looks each name up through strftime.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def format_date(value: str) -> str:
    """'2018-03-23' → '23 March 2018'; '2017-11' → 'November 2017'; '2024' → '2024'."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def sort_key(value: str) -> str:
    """Partial dates sort as the start of the period they name."""
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value
