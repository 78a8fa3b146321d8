"""What the MkDocs hook does: generated pages into the build, folded names into search."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .errors import BriefingError
from .pipeline import build_site
from .quotes import fold_ascii

FOLDED_FIELD = "folded"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    try:
        site = build_site(root)
    except BriefingError as exc:
        raise PluginError("the data has problems; nothing was built:\n" + str(exc)) from None
    clashes = [path for path in site.pages if files.get_file_from_path(path) is not None]
    if clashes:
        raise PluginError("hand-written pages in docs/ have the paths of generated pages; "
                          "rename them: " + ", ".join(f"docs/{p}" for p in clashes))
    for path, content in site.pages.items():
        files.append(File.generated(config, path, content=content))
    return files


def fold_search_index(index: dict) -> dict:
    """Add an ASCII-folded copy of each entry's title and text, and index that field too.

    Material's search does no diacritic folding, so 'Luong Cuong' would not find
    'Lương Cường'. The visible text keeps its diacritics.
    """
    for doc in index["docs"]:
        doc[FOLDED_FIELD] = fold_ascii(f"{doc.get('title', '')} {doc.get('text', '')}")
    index["config"].setdefault("fields", {})[FOLDED_FIELD] = {"boost": 1}
    return index


def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.is_file():
        index = fold_search_index(json.loads(path.read_text(encoding="utf-8")))
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
