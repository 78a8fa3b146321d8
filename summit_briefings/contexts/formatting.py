"""Amounts and figures as pages print them: 'US$100 billion', 'more than 7%'."""

from __future__ import annotations

from ..model.schema import Figure

CURRENCY_SIGNS = {"USD": "US$"}


def format_amount(amount: float, unit: str, currency: str | None = None) -> str:
    """'US$100 billion', '13,000', '7%'. Integers lose their '.0'."""
    number = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,}"
    if unit == "percent":
        return f"{number}%"
    if unit == "count":
        return number
    sign = currency_sign(currency) if currency else ""
    return f"{sign}{number} {unit}"


def currency_sign(currency: str) -> str:
    """'US$' for USD; other codes print as themselves, with a space: 'EUR 5 billion'."""
    return CURRENCY_SIGNS.get(currency, f"{currency} ")


def format_billions(amount: float, currency: str) -> str:
    return format_amount(amount, "billion", currency)


def format_figure(figure: Figure) -> str:
    """'US$100 billion'; qualified as the source qualifies it: 'more than US$100 billion'."""
    amount = format_amount(figure.amount, figure.unit, figure.currency)
    return f"{figure.qualifier} {amount}" if figure.qualifier else amount
