"""What the MkDocs hook does: generated pages into the build, folded names into search."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .errors import BriefingError
from .pipeline import build_site
from .quotes import fold_ascii
from .stamp import build_date

FOLDED_FIELD = "folded"
FOLDED_TITLE = "folded_title"

# Briefing pages rank above the source articles, topic digests and guides they summarise:
# a leader's name should find the leader's page first, a place its summit. A boost applies
# to every entry of the pages under the prefix, section indexes ("summits/") excluded.
BRIEFING_BOOST = 2.0
BRIEFING_PREFIXES = ("summits/", "leaders/", "trade-targets/")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    try:
        site = build_site(root, build_date(root))
    except BriefingError as exc:
        raise PluginError("the data has problems; nothing was built:\n" + str(exc)) from None
    generated = {**site.pages, **site.files}
    clashes = [path for path in generated if files.get_file_from_path(path) is not None]
    if clashes:
        raise PluginError("hand-written files in docs/ have the paths of generated ones; "
                          "rename them: " + ", ".join(f"docs/{p}" for p in clashes))
    for path, content in generated.items():
        files.append(File.generated(config, path, content=content))
    return files


def _fallback_title(location: str) -> str:
    """The title MkDocs makes up from a file name when it finds no heading to use."""
    name = location.rstrip("/").rpartition("/")[2].replace("-", " ").replace("_", " ")
    return name.capitalize() if name.lower() == name else name


_WORD = re.compile(r"\w+")


def folded_words(text: str) -> str:
    """The ASCII-folded form of every word that folding changes, in order, repeats kept.

    Only changed words go into the folded fields, so 'Luong' finds a page saying 'Lương'
    exactly as strongly as a page saying 'Luong', and pages in plain ASCII score no higher
    than before (their words are not counted twice).
    """
    words = (fold_ascii(word) for word in _WORD.findall(text) if fold_ascii(word) != word)
    return " ".join(words)



def fold_search_index(index: dict) -> dict:
    """Add ASCII-folded copies of each entry's title and text, and index those fields too.

    Material's search does no diacritic folding, so 'Luong Cuong' would not find
    'Lương Cường'. The visible text keeps its diacritics. The folded fields get the boosts
    of the fields they shadow, so a folded title match counts as a title match.

    Also: where the page's own entry is an empty preface whose title MkDocs made up from
    the file name ('Luong cuong': the generated Markdown starts with a comment, so MkDocs
    finds no H1 to take the title from), the entry takes the title of the H1 that follows.
    The result list then shows 'Lương Cường', and a query in either spelling meets the
    page's own entry, which Material ranks above the sections.
    """
    docs = index["docs"]
    for position, doc in enumerate(docs):
        location = doc.get("location", "")
        if "#" in location or not location:
            continue
        following = docs[position + 1] if position + 1 < len(docs) else None
        if (following is not None and following.get("location", "").startswith(location + "#")
                and not doc.get("text") and doc.get("title") == _fallback_title(location)):
            doc["title"] = following["title"]
    for doc in docs:
        page = doc.get("location", "").partition("#")[0]
        if page.startswith(BRIEFING_PREFIXES) and page not in BRIEFING_PREFIXES[:2]:
            doc["boost"] = doc.get("boost", 1.0) * BRIEFING_BOOST
        title = folded_words(doc.get("title", ""))
        text = folded_words(doc.get("text", ""))
        if title:
            doc[FOLDED_TITLE] = title
        if text:
            doc[FOLDED_FIELD] = text
    fields = index["config"].setdefault("fields", {})
    fields[FOLDED_TITLE] = {"boost": fields.get("title", {}).get("boost", 1000.0)}
    fields[FOLDED_FIELD] = {"boost": fields.get("text", {}).get("boost", 1.0)}
    return index


def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.is_file():
        index = fold_search_index(json.loads(path.read_text(encoding="utf-8")))
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
