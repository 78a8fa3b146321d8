"""The trade page prints every amount in its own currency."""

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
