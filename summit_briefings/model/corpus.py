"""The typed result of validation: every model, with where it was written."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, get_args

from pydantic import BaseModel

from .dates import sort_key
from .load import Loc, YamlDocument
from .schema import (
    Country,
    HedgeClass,
    Milestone,
    Outcome,
    Participant,
    Person,
    SiteSettings,
    Source,
    Summit,
    Topic,
    TrackedClaim,
    Trade,
)


@dataclass(frozen=True)
class Origin:
    """The YAML node a model was read from, for error messages."""

    doc: YamlDocument
    loc: Loc


def summit_order(summit: Summit) -> tuple[str, str]:
    """Summits by date (dates.sort_key), then by id where two share a date."""
    return sort_key(summit.date.value), summit.id


@dataclass
class Corpus:
    """All validated data. Source texts are NFC-normalised and keyed by source id.

    ``site`` is None only in the partial corpus of a failed validation, which is verified but
    never rendered."""

    site: SiteSettings | None
    sources: list[Source]
    texts: dict[str, str]
    people: list[Person]
    topics: list[Topic]
    summits: list[Summit]
    trade: Trade
    milestones: list[Milestone]
    tracked: list[TrackedClaim] = field(default_factory=list)
    hedges: list[HedgeClass] = field(default_factory=list)
    # The editors' pages of docs/guide/, {title: path under docs/} (guides.editor_guides).
    guides: dict[str, str] = field(default_factory=dict)
    origins: dict[int, Origin] = field(default_factory=dict, repr=False)
    # Entries that failed the schema, as read: verification still checks their quotes.
    unparsed: list[tuple[Origin, Any]] = field(default_factory=list, repr=False)

    @cached_property
    def _countries_by_code(self) -> dict[str, Country]:
        found: dict[str, Country] = {}
        for country in self.site.countries if self.site else []:
            found.setdefault(country.code, country)  # a duplicate is reported, the first kept
        return found

    def country(self, code: str) -> Country | None:
        return self._countries_by_code.get(code)

    def country_name(self, code: str | None) -> str | None:
        """'France' for 'FR'; None for no country."""
        if code is None:
            return None
        country = self.country(code)
        return country.name if country else code

    def origin(self, model: Any) -> Origin:
        return self.origins[id(model)]

    @cached_property
    def chronological(self) -> list[Summit]:
        """The summits by date, then id: the order pages list them in."""
        return sorted(self.summits, key=summit_order)

    @cached_property
    def by_topic(self) -> dict[str, list[tuple[Summit, list[Outcome]]]]:
        """Each topic's outcomes, summit by summit in date order: what its page lists."""
        found: dict[str, list[tuple[Summit, list[Outcome]]]] = defaultdict(list)
        for summit in self.chronological:
            grouped: dict[str, list[Outcome]] = defaultdict(list)
            for outcome in summit.outcomes:
                grouped[outcome.topic].append(outcome)
            for topic, outcomes in grouped.items():
                found[topic].append((summit, outcomes))
        return dict(found)

    @cached_property
    def participations(self) -> dict[str, list[tuple[Summit, Participant]]]:
        """Each person's places among a summit's participants, in the order of ``summits``."""
        found: dict[str, list[tuple[Summit, Participant]]] = defaultdict(list)
        for summit in self.summits:
            for participant in summit.participants:
                found[participant.person].append((summit, participant))
        return dict(found)

    @cached_property
    def inferred_dates(self) -> dict[str, list[Summit]]:
        """The summits whose date is inferred, by that date's value, in the order of
        ``summits``."""
        found: dict[str, list[Summit]] = defaultdict(list)
        for summit in self.summits:
            if summit.date.inferred_note:
                found[summit.date.value].append(summit)
        return dict(found)

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def sources_by_file(self) -> dict[str, Source]:
        return {s.file: s for s in self.sources}

    @cached_property
    def _people_by_id(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    def source(self, source_id: str) -> Source:
        return self.sources_by_id[source_id]

    @cached_property
    def _summits_by_id(self) -> dict[str, Summit]:
        return {s.id: s for s in self.summits}

    def person(self, person_id: str) -> Person:
        return self._people_by_id[person_id]

    def summit(self, summit_id: str) -> Summit:
        return self._summits_by_id[summit_id]


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(arg) for arg in get_args(annotation))


@cache
def _model_fields(model_class: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that can hold models, directly or in a list."""
    return tuple(name for name, info in model_class.model_fields.items()
                 if _holds_models(info.annotation))


def walk_models(model: Any, loc: Loc) -> Iterator[tuple[Any, Loc]]:
    """Every nested model with its location, depth first."""
    found: list[tuple[Any, Loc]] = []

    def visit(model: Any, loc: Loc) -> None:
        found.append((model, loc))
        for name in _model_fields(type(model)):
            value = getattr(model, name)
            if isinstance(value, list):
                for index, item in enumerate(value):
                    visit(item, (*loc, name, index))
            elif value is not None:
                visit(value, (*loc, name))

    visit(model, loc)
    return iter(found)
