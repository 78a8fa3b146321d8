"""Machine-readable exports: every fact as JSON and CSV, and the data schema as JSON Schema."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from pydantic import TypeAdapter

from . import links
from .corpus import Corpus
from .schema import Milestone, Person, Source, Summit, Topic, Trade

FACTS_JSON = "data/facts.json"
FACTS_CSV = "data/facts.csv"
SCHEMA_JSON = "data/schema.json"
COLUMNS = ("kind", "subject", "value", "date", "source_file", "quote", "page_url")


@dataclass
class FactRow:
    """One fact. A fact with several citations lists each file and quote, one per line."""

    kind: str
    subject: str
    value: str
    date: str
    source_file: str
    quote: str
    page_url: str


def fact_rows(corpus: Corpus) -> Iterator[FactRow]:
    files = {s.id: s.file for s in corpus.sources}

    def row(kind: str, subject: str, value: str, date: str, cites, page: str) -> FactRow:
        return FactRow(kind, subject, value, date,
                       "\n".join(files[c.source] for c in cites),
                       "\n".join(c.quote for c in cites), links.url_of(page))

    for summit in corpus.summits:
        page, when = links.summit_page(summit.id), summit.date.value
        yield row(f"summit.date.{summit.date.basis}", summit.id, when, when, summit.date.cite,
                  page)
        if summit.place:
            yield row(f"summit.place.{summit.place.basis}", summit.id, summit.place.name, when,
                      summit.place.cite, page)
        yield row("summit.occasion", summit.id, summit.occasion.text, when,
                  summit.occasion.cite, page)
        if summit.summary:
            yield row("summit.summary", summit.id, summit.summary.text, when,
                      summit.summary.cite, page)
        for p in summit.participants:
            yield row("summit.participant", summit.id, f"{p.person}: {p.role}", when, p.cite,
                      page)
        for o in summit.outcomes:
            yield row(f"summit.{o.kind}", f"{summit.id}/{o.id}", o.text, o.as_of or when,
                      o.cite, page)
    for person in corpus.people:
        for role in person.roles:
            yield row("person.role", person.id, role.title, role.as_of, role.cite,
                      links.leader_page(person.id))
    for figure in corpus.trade.figures:
        kind = "trade.figure.derived" if figure.derived else "trade.figure"
        yield row(kind, figure.id, f"{figure.amount:g} billion {figure.currency}",
                  str(figure.year), figure.cite, links.TRADE)
    for target in corpus.trade.targets:
        yield row("trade.target", target.id,
                  f"{target.amount:g} billion {target.currency} by "
                  f"{target.deadline or target.horizon}",
                  corpus.summit(target.summit).date.value, target.cite, links.TRADE)
    for milestone in corpus.milestones:
        yield row("milestone", milestone.id, milestone.text, milestone.date, milestone.cite,
                  links.HOME)


_CELLS = attrgetter(*COLUMNS)


def facts_json(rows: list[FactRow]) -> str:
    """A JSON list with one fact per line: diffs stay readable."""
    lines = (json.dumps(dict(zip(COLUMNS, _CELLS(row), strict=True)), ensure_ascii=False)
             for row in rows)
    return "[\n" + ",\n".join(lines) + "\n]\n"


def facts_csv(rows: list[FactRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(map(_CELLS, rows))
    return out.getvalue()


def schema_json() -> str:
    """One JSON Schema that every data file matches: point an editor's YAML plugin at it."""
    files = {
        "summit file (data/summits/*.yaml)": Summit,
        "data/trade.yaml": Trade,
        "data/sources.yaml": list[Source],
        "data/people.yaml": list[Person],
        "data/topics.yaml": list[Topic],
        "data/milestones.yaml": list[Milestone],
    }
    defs: dict = {}
    variants = []
    for title, model in files.items():
        schema = TypeAdapter(model).json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        variants.append({**schema, "title": title})
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                "title": "Summit Briefings data files", "anyOf": variants, "$defs": defs}
    return json.dumps(document, indent=1, sort_keys=True) + "\n"


def exports(corpus: Corpus) -> dict[str, str]:
    rows = list(fact_rows(corpus))
    return {FACTS_JSON: facts_json(rows), FACTS_CSV: facts_csv(rows), SCHEMA_JSON: schema_json()}
