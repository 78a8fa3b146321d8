"""Adding an article: register the source, write its draft, and remind editors of drafts."""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..evidence.quotes import fold_ascii
from ..model.problems import BriefingError
from ..model.schema import CREDIT_LINE, PLACEHOLDER, as_partial_date, web_address
from ..model.validate import validate
from .drafts import Candidate, find_candidates

DRAFTS = Path("data") / "drafts"
OUTLET_PATTERNS = (r"^Source:\s*(.+?)\s*$", r"[—-]\s*([A-Z][A-Za-z/ ]{1,20})\s*$",
                   r"^\(([A-Z][A-Za-z]+)\)")


def slug(text: str) -> str:
    """An id as data/ ids are written (schema.SLUG): 'Hà Nội 2024' → 'ha-noi-2024'; empty
    where the text has no letter or digit."""
    return re.sub(r"[^a-z0-9]+", "-", fold_ascii(text).lower()).strip("-")


def guess_outlet(text: str) -> str | None:
    """The outlet, where the text names it in a dateline or a closing credit."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    for line in (lines[-1], lines[0]) if lines else ():
        for pattern in OUTLET_PATTERNS:
            if match := re.search(pattern, line):
                return match.group(1).strip()
    return None


def guess_title(text: str) -> tuple[str, bool]:
    """The first line when it reads as a headline; otherwise a placeholder that `make check`
    refuses until an editor writes a title."""
    first = text.strip().splitlines()[0].strip()
    if 10 <= len(first) <= 120 and not first.endswith((".", "”", '"')) \
            and not CREDIT_LINE.search(first):
        return first, False
    return f"{PLACEHOLDER}: a neutral title naming the leaders and the place", True


_CLOSING_CREDIT = re.compile(r"\s*[—–-]\s*[A-Z][\w/ .]{1,20}$")
_SENTENCE_CLOSE = (".", "!", "?", "\"", "”", "’", "'", ")", "…", ":")


def looks_cut_off(text: str) -> bool:
    """Whether the text stops mid-sentence: its last line is prose (a closing credit such as
    '— VNA/VNS' aside) that does not end as a sentence ends. Short last lines are credits or
    copyright notices, which end anyhow."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    last = _CLOSING_CREDIT.sub("", lines[-1]) if lines else ""
    return len(last) >= 60 and not last.endswith(_SENTENCE_CLOSE)


def draft_yaml(source_id: str, file: str, candidates: list[Candidate]) -> str:
    header = (f"# Draft facts found in data/sources/{file} by `make new-source`.\n"
              "# Nothing here reaches the site. Turn the candidates you need into facts in\n"
              "# data/summits/*.yaml, data/people.yaml or data/trade.yaml (copy the quote),\n"
              "# then delete this file. See the guide: docs/guide/adding-a-summit.md\n")
    body = {"source": source_id, "candidates": [
        {"kind": c.kind, "value": c.value, **({"person": c.person} if c.person else {}),
         "quote": c.quote, "draft": True} for c in candidates]}
    return header + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)


@dataclass(frozen=True)
class Provenance:
    """What the article's web page says about it, as the editor gives it to new-source."""

    url: str | None = None
    published: str | None = None
    publisher: str | None = None

    def problems(self) -> list[str]:
        found = []
        for check, value, option in ((web_address, self.url, "URL"),
                                     (as_partial_date, self.published, "PUBLISHED")):
            try:
                if value is not None:
                    check(value)
            except ValueError as exc:
                found.append(f"{option}: {exc}")
        return found

    def fields(self) -> dict[str, str]:
        given = {"url": self.url, "publisher": self.publisher, "published": self.published,
                 "published_from": "page" if self.published else None}
        return {key: value for key, value in given.items() if value}


def add_source(root: Path, article: Path, source_id: str | None = None,
               provenance: Provenance = Provenance()) -> int:
    try:
        raw = article.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{article}: cannot read it as UTF-8 text ({exc})", file=sys.stderr)
        return 1
    if not text.strip():
        print(f"{article}: the file is empty", file=sys.stderr)
        return 1
    if given := provenance.problems():
        print("\n".join(given), file=sys.stderr)
        return 1
    try:
        corpus = validate(root)
    except BriefingError as exc:
        print(exc, file=sys.stderr)
        print("Fix the data first: `make check` lists the problems.", file=sys.stderr)
        return 1
    target = root / "data" / "sources" / article.name
    source_id = source_id or slug(article.stem) or "source"
    if any(s.id == source_id for s in corpus.sources):
        print(f"data/sources.yaml already has a source with id '{source_id}'; choose another "
              "with ID=… (make new-source) or --id …", file=sys.stderr)
        return 1
    if target.exists():
        print(f"data/sources/{article.name} already exists; rename the new file",
              file=sys.stderr)
        return 1
    shutil.copyfile(article, target)
    title, editorial = guess_title(text)
    cut_off = looks_cut_off(text)
    entry = {"id": source_id, "file": article.name, "title": title,
             "title_editorial": editorial, "outlet": guess_outlet(text),
             **provenance.fields(), "language": "en",
             **({"truncated": True} if cut_off else {}),
             "sha256": hashlib.sha256(raw).hexdigest()}
    registry = root / "data" / "sources.yaml"
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
    existing = registry.read_text(encoding="utf-8")
    registry.write_text(existing.rstrip("\n") + "\n\n# Added by `make new-source`: check the "
                        "title, outlet and language.\n" + block, encoding="utf-8")
    candidates = find_candidates(text.replace("\r\n", "\n"), corpus.people, cut_off)
    drafts = root / DRAFTS
    drafts.mkdir(parents=True, exist_ok=True)
    draft = drafts / f"{article.stem}.yaml"
    draft.write_text(draft_yaml(source_id, article.name, candidates), encoding="utf-8")
    kinds = Counter(c.kind for c in candidates)
    print(f"Registered '{source_id}' (data/sources/{article.name}) in data/sources.yaml.")
    if cut_off:
        print("The text stops mid-sentence: the entry says truncated: true, and the draft "
              "leaves out the cut-off last sentence.")
    print(f"Draft with {len(candidates)} candidates written to {DRAFTS / draft.name}: "
          + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    return 0


def draft_reminders(root: Path) -> list[str]:
    """One line per draft file still waiting to be turned into facts."""
    lines = []
    for path in sorted((root / DRAFTS).glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            count = len(data.get("candidates") or []) if isinstance(data, dict) else 0
        except (yaml.YAMLError, UnicodeDecodeError):
            count = 0
        lines.append(f"reminder: {DRAFTS / path.name} holds {count} draft candidate(s); "
                     "drafts are not on the site until you turn them into facts")
    return lines
