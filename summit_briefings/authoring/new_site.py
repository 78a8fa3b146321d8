"""`summit-briefings init DIR`: a new briefing site, ready to build, with no facts yet."""

from __future__ import annotations

import shutil
from pathlib import Path

# The new site's starting point is this project's own templates, theme overrides, styles and
# configuration. A wheel ships them as package data (pyproject.toml maps them into
# summit_briefings/authoring/skeleton); an editable install, as the Makefile makes, reads
# them from the checkout itself.
_PACKAGED = Path(__file__).resolve().parent / "skeleton"
SKELETON = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parents[2]
# The hedge vocabulary is about English, not about a pair of countries: a new site checks its
# sentences with the same one from the start.
COPIED = ("mkdocs.yml", "mkdocs-offline.yml", "templates", "overrides", "docs/stylesheets",
          "docs/assets", "data/hedges.yaml")

SITE_YAML = """\
# What the site is about. Replace the two example countries with the pair your articles
# cover: a two-letter code each (ISO 3166, e.g. FR), the name pages print, and the scripts
# the sources write their people's names in, the country's own first. Codes XA and XB are
# reserved for private use, so they never stand for a real country by accident.
title: Summit briefings
introduction: >-
  What the leaders of the two countries agreed at each summit, and the sentence of the
  article each fact comes from.
currency: USD
parties:
  - code: XA
    name: Country A
    scripts: [own script, romanised]
  - code: XB
    name: Country B
    scripts: [own script, romanised]
# Countries whose people the articles name besides the two.
others: []
"""

EMPTY_DATA = {
    "sources.yaml": "# Articles, added with `summit-briefings new-source FILE`.\n[]\n",
    "people.yaml": "# Everyone the sources name (see the data fields page).\n[]\n",
    "topics.yaml": "# The subjects outcomes are grouped by: id, name, description.\n[]\n",
    "milestones.yaml": "# Steps in the relationship, each as a source states it.\n[]\n",
    "trade.yaml": "# Actual trade by year, and the targets leaders set.\nfigures: []\n"
                  "targets: []\n",
}

README = """\
# Summit briefings

Built with Summit Briefings: every fact in `data/` cites a verbatim sentence of an article
in `data/sources/`, and the build checks each one.

    summit-briefings check                 # validate data/ and verify every quote
    summit-briefings new-source FILE       # add an article and draft its candidate facts
    mkdocs serve                           # preview on http://127.0.0.1:8000/
    mkdocs build --strict                  # the site, in site/
    mkdocs build -f mkdocs-offline.yml     # a copy to read from file://, in site-offline/

Start with `data/site.yaml` (the two countries, the currency, the title). The data fields
page of the built site (/guide/data-fields/) lists every field of every file.
"""


def init_site(target: Path) -> list[str]:
    """Write a new site into ``target`` (which must not exist or be empty); the problems
    that prevented it, or none."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        return [f"{target}: exists and is not an empty folder; name a new one"]
    missing = [name for name in COPIED if not (SKELETON / name).exists()]
    if missing:
        return [f"{SKELETON}: the package's {', '.join(missing)} are missing; reinstall "
                "summit-briefings (`pip install .` from a checkout of the project)"]
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source, copy = SKELETON / name, target / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source, copy)
    data = target / "data"
    for folder in ("sources", "summits"):
        (data / folder).mkdir(parents=True)
        (data / folder / ".gitkeep").write_text("", encoding="utf-8")
    (data / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    for name, text in EMPTY_DATA.items():
        (data / name).write_text(text, encoding="utf-8")
    (target / "README.md").write_text(README, encoding="utf-8")
    return []
