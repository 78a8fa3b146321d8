"""The sentences the site composes from a trade target's statements ('Pavel Dorn agreed on
it, US$60 billion, by 2036') keep their quotes' hedges and name only people their quotes
name: an attribution of the quote's sentence ('…, according to officials') is added in the
source's words; a kind whose words drop any other hedge is refused; a person recorded as
stating it whom the quotes do not name is left out. Over the fictional corpus, with the
Vesk restatement of its 60-billion target cited from an invented wire report."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import FICTIONAL_DATA, Project

from summit_briefings.model.problems import BriefingError
from summit_briefings.pipeline import build_site, check_site

SOURCES = "data/sources.yaml"
TRADE = "data/trade.yaml"
ARTICLE = "data/sources/wire-2032-vesk.txt"
WIRE = ("FICTIONAL ARTICLE: written for the Summit Briefings test suite.\n\n"
        "The leaders agreed on a target of EUR 60 billion by 2036, according to officials in "
        "Vesk.\n"
        "Dorn reportedly agreed to EUR 60 billion by 2036.\n"
        "The two leaders agreed to more than EUR 60 billion by 2036, according to a statement "
        "read out in Vesk by a spokesman of the chancellery.\n"
        "The two leaders hoped for trade of EUR 60 billion by 2036.\n"
        "Norland and Sudmark agreed on EUR 60 billion by 2036.\n"
        "According to the Vesk chancellery, the two leaders agreed on EUR 60 billion by 2036.\n")
WIRE_SOURCE = """- id: wire-2032-vesk
  file: wire-2032-vesk.txt
  title: Trade in Vesk
  title_editorial: true
  outlet: Vesk Wire
  language: en
  sha256: auto
"""
# The fictional corpus's restatement, which each case replaces.
RESTATED = """      - summit: 2032-03-09-vesk
        stated_by: [ana-brenic, pavel-dorn]
        kind: agreed
        deadline: 2036
        outcome: trade-target
        cite:
          - source: sudcourier-2032-vesk
            quote: The leaders restated their target of EUR 60 billion in trade by 2036"""


def restated(project_of: Callable[..., Project], kind: str, stated_by: str, quote: str,
             qualifier: str = "", whole_site: bool = False) -> Project:
    project = project_of(base=FICTIONAL_DATA, whole_site=whole_site, files={
        ARTICLE: WIRE,
        SOURCES: (FICTIONAL_DATA / "sources.yaml").read_text(encoding="utf-8") + WIRE_SOURCE})
    project.replace(TRADE, RESTATED, f"""      - summit: 2032-03-09-vesk
        stated_by: [{stated_by}]
        kind: {kind}
        deadline: 2036{f'''
        qualifier: {qualifier}''' if qualifier else ''}
        cite:
          - source: wire-2032-vesk
            quote: {quote}""")
    return project


CASES = [
    # (kind, stated_by, quote) → the people a page names, the attributions it adds
    # an attribution after the quote, in its sentence: kept with whom it names
    ("agreed", "", "agreed on a target of EUR 60 billion by 2036",
     (), ("according to officials in Vesk",)),
    # one inside the quote
    ("agreed", "pavel-dorn", "Dorn reportedly agreed to EUR 60 billion by 2036",
     ("pavel-dorn",), ("reportedly",)),
    # one that opens the sentence, written after the kind
    ("agreed", "", "the two leaders agreed on EUR 60 billion by 2036", (),
     ("according to the Vesk chancellery",)),
    # whom it names runs on: the attribution's own words only
    ("agreed", "", "agreed to more than EUR 60 billion by 2036", (), ("according to",)),
    # a hedge the kind keeps: nothing added
    ("hoped", "", "hoped for trade of EUR 60 billion by 2036", (), ()),
    # people: 'the two leaders' names no one, so neither is named
    ("hoped", "ana-brenic, pavel-dorn",
     "The two leaders hoped for trade of EUR 60 billion by 2036", (), ()),
    # the quote names one of the two
    ("agreed", "ana-brenic, pavel-dorn", "Dorn reportedly agreed to EUR 60 billion by 2036",
     ("pavel-dorn",), ("reportedly",)),
    # the quote names their countries
    ("agreed", "ana-brenic, pavel-dorn", "Norland and Sudmark agreed on EUR 60 billion by 2036",
     ("ana-brenic", "pavel-dorn"), ()),
]


@pytest.mark.parametrize(("kind", "stated_by", "quote", "named", "attributions"), CASES,
                         ids=[f"{c[0]}: {c[2][:30]}" for c in CASES])
def test_what_a_page_may_say_of_a_statement(make_project: Callable[..., Project], kind: str,
                                            stated_by: str, quote: str,
                                            named: tuple[str, ...],
                                            attributions: tuple[str, ...]):
    project = restated(make_project, kind, stated_by, quote)
    reported = check_site(project.root).evidence.statements[("target-60bn-by-2036", 1)]
    assert (reported.named, reported.attributions) == (named, attributions)


def test_a_kind_that_drops_a_hedge_of_its_quote_is_refused(
        make_project: Callable[..., Project]):
    project = restated(make_project, "agreed", "",
                       "hoped for trade of EUR 60 billion by 2036")
    with pytest.raises(BriefingError) as refused:
        check_site(project.root)
    [problem] = refused.value.problems
    line = project.read(TRADE).splitlines().index("        kind: agreed", 20) + 1
    assert (problem.path, problem.line, problem.col) == (TRADE, line, 15)
    assert "the statement of target-60bn-by-2036 at 2032-03-09-vesk" in problem.message
    assert "drops the hedge 'hoped' (hope)" in problem.message
    assert "record the kind whose words keep it: hoped" in problem.message


def test_every_page_that_words_the_statement_keeps_its_attribution_and_qualifier(
        make_project: Callable[..., Project]):
    project = restated(make_project, "agreed", "ana-brenic, pavel-dorn",
                       "Dorn reportedly agreed to EUR 60 billion by 2036", whole_site=True)
    pages = build_site(project.root).pages
    dorn = "[Pavel Dorn](leaders/pavel-dorn.md){ .person }"
    for name in ("trade-targets.md", "commitments.md"):
        # Dorn alone, as the quote names him alone
        assert f"(day inferred)</span>: {dorn} agreed on it, reportedly, EUR 60 billion, by " \
            "2036" in pages[name], name
    assert "EUR 60 billion by 2036, agreed on it, reportedly" in pages["evolution.md"]
    pack = pages["summits/2032-03-09-vesk/pack.md"]
    assert "agreed on it, reportedly, EUR 60 billion, by 2036" in pack


def test_a_source_that_qualifies_the_amount_is_named_by_it(
        make_project: Callable[..., Project]):
    project = restated(make_project, "agreed", "", "agreed to more than EUR 60 billion by 2036",
                       qualifier="more than", whole_site=True)
    pages = build_site(project.root).pages
    assert "{ .amount }" in pages["trade-targets.md"]
    for name, page in [("trade-targets.md", pages["trade-targets.md"]),
                       ("commitments.md", pages["commitments.md"]),
                       ("pack.md", pages["summits/2032-03-09-vesk/pack.md"])]:
        assert "(Vesk Wire: “more than”)" in page, name
