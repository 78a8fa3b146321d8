"""The evolution page: statements side by side by date; same-date disagreements flagged."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml
from conftest import copy_project

from summit_briefings.pipeline import build_site


def test_changed_statements_are_marked_in_date_order(tmp_path: Path):
    page = build_site(copy_project(tmp_path).root).pages["evolution.md"]
    fourth = page.index("South Korea's fourth-largest trading partner")
    third = page.index("South Korea's third-largest trading partner. **changed**")
    assert fourth < third
    assert "Contradiction between sources" not in page


def test_two_sources_disagreeing_about_the_same_date_are_flagged(tmp_path: Path):
    copy_project(tmp_path)
    summit = tmp_path / "data" / "summits" / "2018-03-23-hanoi.yaml"
    data = yaml.safe_load(summit.read_text(encoding="utf-8"))
    original = next(o for o in data["outcomes"] if o["id"] == "vn-rank-in-kr-trade")
    data["outcomes"].append({**copy.deepcopy(original), "id": "vn-rank-misread",
                             "text": "Vietnam is South Korea's fifth-largest trading partner."})
    summit.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    page = build_site(tmp_path).pages["evolution.md"]
    assert '!!! warning "Contradiction between sources"' in page
    assert "Sources disagree about 23 March 2018" in page
