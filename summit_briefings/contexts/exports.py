"""Machine-readable exports: every fact as JSON and CSV, and the data schema as JSON Schema."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from pydantic import TypeAdapter

from ..model.corpus import Corpus
from ..model.schema import HedgeClass, Milestone, Person, SiteSettings, Source, Summit, Topic, Trade
from . import links
from .facts import all_facts

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
    for fact in all_facts(corpus):
        yield FactRow(fact.kind, fact.subject, fact.value, fact.date,
                      "\n".join(files[c.source] for c in fact.cites),
                      "\n".join(c.quote for c in fact.cites), links.url_of(fact.page))


_CELLS = attrgetter(*COLUMNS)


def facts_json(rows: list[FactRow]) -> str:
    """A JSON list with one fact per line: diffs stay readable."""
    lines = (json.dumps(dict(zip(COLUMNS, _CELLS(row), strict=True)), ensure_ascii=False)
             for row in rows)
    return "[\n" + ",\n".join(lines) + "\n]\n"


# A spreadsheet reads a cell starting with one of these as a formula (=HYPERLINK(…) can
# leak data when the sheet is opened); OWASP's rule is to start such a cell with a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def facts_csv(rows: list[FactRow]) -> str:
    out = io.StringIO()
    # RFC 4180's line ending: the writer then quotes a cell holding either '\r' or '\n'
    # (with '\n' alone, a '\r' inside a cell went out unquoted and split the row).
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([spreadsheet_text(cell) for cell in _CELLS(row)] for row in rows)
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
        "data/site.yaml": SiteSettings,
        "data/hedges.yaml": list[HedgeClass],
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
