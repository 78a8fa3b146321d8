"""The trade page prints every amount in its own currency, and every target as its sources
qualify it."""

from __future__ import annotations

import re
import shutil

from conftest import REPO, Project

from summit_briefings.pipeline import build_site


def test_amounts_print_in_their_own_currency_and_are_never_compared_across_currencies(
        project: Project):
    # The first amount in trade.yaml (a figure or a target, whichever comes first) in euros.
    trade = project.read("data/trade.yaml")
    project.write("data/trade.yaml", re.sub(r"(?m)^(\s+)amount: (.*)$",
                                            r"\1amount: \2\n\1currency: EUR", trade, count=1))
    shutil.copytree(REPO / "templates", project.root / "templates")
    page = build_site(project.root, None).pages["trade-targets.md"]
    assert "EUR " in page
    for line in page.splitlines():
        if line.startswith("- **"):  # a computed answer
            assert not ("EUR" in line and "US$" in line), line


def test_a_target_prints_its_qualifier_and_kind_on_both_pages(project: Project):
    # The Hanoi target cited as the article's opening sentence words it ("more than"), and
    # recorded as one side's hope: both pages say so, never a bare "US$100 billion".
    joint = ('\'"The two leaders agreed to increase balanced and sustainable trade to achieve '
             'the goal of $100 billion in annual trade by 2020," the joint statement said.\'')
    project.replace("data/trade.yaml", joint, "to increase bilateral trade to more than "
                    "US$100 billion by 2020")
    project.replace("data/trade.yaml", "    kind: agreed\n",
                    "    kind: hoped\n    qualifier: more than\n")
    shutil.copytree(REPO / "templates", project.root / "templates")
    pages = build_site(project.root, None).pages
    for name in ("trade-targets.md", "commitments.md"):
        assert "hoped for it, more than US$100 billion, by 2020" in pages[name], name
