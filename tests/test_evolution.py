"""The evolution page: statements side by side by date; same-date disagreements flagged.

Runs on the fictional corpus, whose tracked claim (Sudmark's rank among Norland's trading
partners) changes from fourth to third between two summits."""

from __future__ import annotations

import copy
from pathlib import Path
from types import SimpleNamespace

import yaml
from conftest import fictional_project

from summit_briefings.contexts.evolution import _contradictions
from summit_briefings.pipeline import build_site

PORT_ARLEN = "data/summits/2031-04-10-port-arlen.yaml"


def test_changed_statements_are_marked_in_date_order(tmp_path: Path):
    page = build_site(fictional_project(tmp_path / "project").root).pages["evolution.md"]
    fourth = page.index("Sudmark is Norland's fourth-largest trading partner.")
    third = page.index("Sudmark is Norland's third-largest trading partner, according to the "
                       "Norland statistics office. **changed**")
    assert fourth < third
    assert "Contradiction between sources" not in page


def test_two_sources_disagreeing_about_the_same_date_are_flagged(tmp_path: Path):
    project = fictional_project(tmp_path / "project")
    data = yaml.safe_load(project.read(PORT_ARLEN))
    original = next(o for o in data["outcomes"] if o["id"] == "trade-rank")
    data["outcomes"].append({**copy.deepcopy(original), "id": "trade-rank-misread",
                             "text": "Sudmark is Norland's fifth-largest trading partner."})
    project.write(PORT_ARLEN, yaml.safe_dump(data, allow_unicode=True))
    page = build_site(project.root).pages["evolution.md"]
    assert '!!! warning "Contradiction between sources"' in page
    assert "Sources disagree about 10 April 2031" in page


def test_contradictions_are_listed_in_the_order_of_the_dates():
    """In date order as every list of dates is (dates.sort_key): a month after its days, a
    year after its months."""
    said = [(when, SimpleNamespace(text=text)) for when, text in [
        ("2031-04-10", "fourth"), ("2031-04-10", "fifth"), ("2031-04", "third"),
        ("2031-04", "sixth"), ("2031", "second"), ("2031", "first"), ("2032-01-02", "one")]]
    assert _contradictions(said) == (
        "Sources disagree about 10 April 2031: fifth / fourth",
        "Sources disagree about April 2031: sixth / third",
        "Sources disagree about 2031: first / second")
