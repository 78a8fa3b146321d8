"""The gist first: the summits index gives each summit's outcome in one cited line, and the
home page opens with the newest summit's bottom line and the open commitments, with how the
site works below them."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import FICTIONAL_DATA, copy_project

from summit_briefings.evidence.sources import sentence_starts
from summit_briefings.pipeline import build_site

NOTE_REF = re.compile(r"\[\^[^\]]+\]")
VESK = "data/summits/2032-03-09-vesk.yaml"


def without_bottom_line(text: str) -> str:
    """A summit file with its ``summary:`` block (the bottom line) taken out."""
    lines = text.splitlines(keepends=True)
    start = lines.index("summary:\n")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    return "".join(lines[:start] + lines[end:])


# The fictional pair as it is (its newest summit, Vesk, has a bottom line; Korvel only a key
# outcome), and with Vesk's bottom line taken out, so that the home page shows its key outcomes.
VARIANTS = ("fictional-pair", "newest-without-bottom-line")


@pytest.fixture(scope="module", params=VARIANTS)
def built(request, tmp_path_factory: pytest.TempPathFactory):
    project = copy_project(tmp_path_factory.mktemp("gist"), FICTIONAL_DATA)
    if request.param == "newest-without-bottom-line":
        project.write(VESK, without_bottom_line(project.read(VESK)))
    summits = [yaml.safe_load(p.read_text(encoding="utf-8"))
               for p in sorted((project.root / "data" / "summits").glob("*.yaml"))]
    return build_site(project.root).pages, summits


def table_rows(page: str, header: str) -> list[list[str]]:
    lines = page[page.index(header):].splitlines()[2:]
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


def test_the_summits_index_gives_each_summit_its_outcome_in_one_cited_line(built):
    pages, summits = built
    rows = table_rows(pages["summits/index.md"], "| Date | Summit | Outcome |")
    assert len(rows) == len(summits)
    by_title = {s["title"]: s for s in summits}
    for row in rows:
        title = re.match(r"\[(.*)\]\(", row[1])[1]
        summit, outcome = by_title[title], row[2]
        assert NOTE_REF.search(outcome), f"{title}: the outcome cites nothing: {outcome!r}"
        text = NOTE_REF.sub("", outcome)
        if summit.get("summary"):
            summary = summit["summary"]["text"]
            starts = [*sentence_starts(summary), len(summary)]
            first = summary[:starts[1]].strip()
            assert text == first, f"{title}: not its bottom line's first sentence"
        else:
            assert text.startswith('<span class="muted">Key outcome:</span>'), title


def test_the_home_page_opens_with_the_newest_bottom_line_then_the_open_commitments(built):
    pages, summits = built
    home = pages["index.md"]
    newest = max(summits, key=lambda s: s["id"][:10])
    latest = home.index("## Latest summit")
    open_ = home.index("## Open commitments")
    method = home.index("## How this site works")
    assert latest < open_ < home.index("## At a glance") < method
    assert home.index("Every fact cites the sentence") > method
    if newest.get("summary"):
        assert newest["summary"]["text"] in home[latest:open_]
        assert "{ .bottom-line }" in home[latest:open_]
    else:
        headlines = [o["text"] for o in newest["outcomes"] if o.get("headline")]
        assert headlines and all(f"- {text}" in home[latest:open_] for text in headlines)
    commitments = home[open_:home.index("## At a glance")]
    assert commitments.count("\n- ") >= 1 and NOTE_REF.search(commitments)
