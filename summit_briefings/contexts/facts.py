"""Every fact the data states, walked once: source pages list the facts citing them, the
exports list them all, and the check counts them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..evidence.quotes import canonical_number
from ..model.corpus import Corpus
from ..model.dates import format_date
from ..model.schema import Citation, Summit
from . import links
from .formatting import format_billions
from .refs import place_text


@dataclass(frozen=True)
class Fact:
    kind: str  # 'summit.date.stated', 'summit.pledge', 'person.role', 'trade.figure' …
    subject: str  # the id it is about: '2031-04-10-port-arlen', '2031-04-10-port-arlen/visa'
    value: str  # as the exports give it: ISO dates, ids, amounts with their currency code
    date: str  # when it holds: the summit's date, a role's as_of, a figure's year
    label: str  # as a source page lists it: 'Ana Brenić in Port Arlen · pledge'
    text: str  # what the page says, as readers see it: '10 April 2031', 'EUR 60 billion'
    cites: tuple[Citation, ...]
    page: str  # the page that states it (a Markdown path)


def all_facts(corpus: Corpus) -> Iterator[Fact]:
    for summit in corpus.summits:
        yield from _summit_facts(corpus, summit)
    for person in corpus.people:
        page = links.leader_page(person.id)
        forms = "; ".join(f"{form.text} ({form.script})" for form in person.names)
        yield Fact("person.name", person.id, forms, "", person.name, "name as written",
                   tuple(person.cite), page)
        for role in person.roles:
            yield Fact("person.role", person.id, role.title, role.as_of, person.name,
                       f"{role.title}, {format_date(role.as_of)}", tuple(role.cite), page)
        for described in person.described_as:
            yield Fact("person.description", person.id, described.text, "", person.name,
                       described.text, tuple(described.cite), page)
    for figure in corpus.trade.figures:
        amount = format_billions(figure.amount, figure.currency)
        yield Fact("trade.figure.derived" if figure.derived else "trade.figure", figure.id,
                   f"{canonical_number(figure.amount)} billion {figure.currency}", str(figure.year),
                   "Actual trade", f"{figure.year}: {amount}", tuple(figure.cite), links.TRADE)
    for target in corpus.trade.targets:
        by = target.deadline or target.horizon
        amount = format_billions(target.amount, target.currency)
        yield Fact("trade.target", target.id,
                   f"{canonical_number(target.amount)} billion {target.currency} by {by}",
                   corpus.summit(target.summit).date.value, "Trade target", f"{amount} by {by}",
                   tuple(target.cite), links.TRADE)
        for restated in target.restated:
            again = restated.deadline or restated.horizon
            yield Fact("trade.target.restated", target.id,
                       f"{canonical_number(target.amount)} billion {target.currency} by {again} "
                       f"({restated.kind})", corpus.summit(restated.summit).date.value,
                       "Trade target, stated again", f"{amount} by {again}",
                       tuple(restated.cite), links.TRADE)
    for milestone in corpus.milestones:
        yield Fact("milestone", milestone.id, milestone.text, milestone.date, "Milestone",
                   milestone.text, tuple(milestone.cite), links.HOME)


def _summit_facts(corpus: Corpus, summit: Summit) -> Iterator[Fact]:
    page, when = links.summit_page(summit.id), summit.date.value

    def fact(kind: str, subject: str, value: str, label: str, text: str,
             cites: list[Citation], date: str = when) -> Fact:
        return Fact(kind, subject, value, date, f"{summit.title} · {label}", text, tuple(cites),
                    page)

    yield fact(f"summit.date.{summit.date.basis}", summit.id, when, "date", format_date(when),
               summit.date.cite)
    if summit.place:
        yield fact(f"summit.place.{summit.place.basis}", summit.id, summit.place.name, "place",
                   place_text(summit), summit.place.cite)
    yield fact("summit.occasion", summit.id, summit.occasion.text, "occasion",
               summit.occasion.text, summit.occasion.cite)
    if summit.summary:
        yield fact("summit.summary", summit.id, summit.summary.text, "bottom line",
                   summit.summary.text, summit.summary.cite)
    for p in summit.participants:
        name = corpus.person(p.person).name
        yield fact("summit.participant", summit.id, f"{p.person}: {p.role}" if p.role
                   else p.person, "participant", f"{name}, {p.role}" if p.role else name, p.cite)
    for o in summit.outcomes:
        yield fact(f"summit.{o.kind}", f"{summit.id}/{o.id}", o.text, o.kind, o.text, o.cite,
                   o.as_of or when)
