"""What the MkDocs hook does: generated pages into the build; search by Pagefind on served
builds (site_search), folded names in Material's index on the offline one."""

from __future__ import annotations

import html
import json
import logging
import os
import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from pydantic import ValidationError

from . import links
from .build_date import build_date
from .errors import BriefingError, Problem
from .load import load_yaml
from .packs import PackPlan, write_packs
from .pipeline import Site, build_site
from .quotes import fold_ascii
from .render import RenderCache, markdown_literal
from .schema import SiteSettings
from .site_search import (
    PagefindFailed,
    config_only,
    mark_for_pagefind,
    run_pagefind,
    use_pagefind_worker,
)
from .write import sync_folder

FOLDED_FIELD = "folded"
FOLDED_TITLE = "folded_title"
log = logging.getLogger("mkdocs.hooks.briefings")

# Search ranking: briefing pages above the source articles, topic digests and guides they
# summarise. A leader's name finds the leader's page first (a summit page names its leaders
# too), a place or a treaty its summits. Material's index applies no length penalty, so a
# source article, whose own entry holds the whole article, would otherwise outrank the
# briefings on any word it repeats. A boost applies to every entry of the pages below the
# prefix; the section indexes themselves ("leaders/") keep 1.
SEARCH_BOOSTS = {"leaders/": 4.0, "summits/": 3.0, "trade-targets/": 3.0, "sources/": 0.5}


# `mkdocs serve` keeps this process alive between rebuilds: pages whose content did not
# change are neither rendered nor written again, and a dirty rebuild skips them. "good" holds
# the pages of the last build whose data had no problems.
_SERVE = {"active": False, "cache": RenderCache(), "good": None}
# The summits whose meeting packs the next on_post_build writes: those of the last build
# whose data had no problems (a preview with problems keeps the previous ones).
_PACKS: dict[str, list] = {"summits": [], "plans": []}
LIVE_FOLDER = Path("build") / "live"


def on_startup(command: str, dirty: bool) -> None:
    _SERVE["active"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The site's name and description are data (data/site.yaml's title and introduction),
    HTML-escaped: the theme prints them unescaped in the header bar, in <title> and in a meta
    tag. While the file has problems mkdocs.yml's name stays, and the build reports them."""
    root = Path(config.config_file_path).parent
    try:
        settings = SiteSettings.model_validate(load_yaml(root / "data" / "site.yaml", root).data)
    except (BriefingError, ValidationError, OSError):
        return config
    # Markup: where the theme escapes the name itself (`site_name | e`), it is not escaped twice.
    config.site_name = Markup(html.escape(settings.title))
    config.site_description = Markup(html.escape(settings.introduction))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    if _SERVE["active"]:
        generated = _serve_pages(root)
    else:
        try:
            site = build_site(root, build_date(root))
        except BriefingError as exc:
            raise PluginError("the data has problems; nothing was built:\n" + str(exc)) from None
        _PACKS["summits"] = pack_members(site)
        generated = {**site.pages, **site.files}
        del site  # so that each page's text is freed once it is handed over, below
    clashes = [path for path in generated if files.get_file_from_path(path) is not None]
    if clashes:
        raise PluginError("hand-written files in docs/ have the paths of generated ones; "
                          "rename them: " + ", ".join(f"docs/{p}" for p in clashes))
    if _SERVE["active"]:
        live = root / LIVE_FOLDER
        written, removed = sync_folder(generated, live)
        log.info("generated pages: %d files written, %d removed", written, removed)
        for path in generated:
            files.append(File(path, src_dir=str(live), dest_dir=config.site_dir,
                              use_directory_urls=config.use_directory_urls))
    else:
        # Handed over as UTF-8, which MkDocs decodes as it reads each page, as it would a
        # file: held as text until then, a page with one letter beyond Latin-1 (such as an
        # em dash) takes two or four bytes a character.
        for path in list(generated):
            files.append(File.generated(config, path, content=generated.pop(path).encode()))

    def built(page: str) -> str:
        return files.get_file_from_path(page).dest_uri

    _PACKS["plans"] = [PackPlan(built(summit), tuple(built(p) for p in leaders),
                                built(links.TRADE)) for summit, leaders in _PACKS["summits"]]
    return files


def _serve_pages(root: Path) -> dict[str, str]:
    """The generated pages for the preview. While the data has problems they are listed in
    the terminal and on the pages, and the build goes on: a PluginError would make the
    server hold every page request until the data is fixed, showing the reader nothing."""
    cache = _SERVE["cache"]
    try:
        site = build_site(root, build_date(root), cache)
    except BriefingError as exc:
        for problem in exc.problems:
            log.error("%s", problem)
        return preview_pages(exc.problems, _SERVE["good"])
    log.info("generated pages: %d rendered", cache.rendered)
    _SERVE["good"] = {**site.pages, **site.files}
    _PACKS["summits"] = pack_members(site)
    return _SERVE["good"]


def pack_members(site: Site) -> list[tuple[str, tuple[str, ...]]]:
    """Each summit's page with its participants' pages (Markdown paths), for its pack."""
    return [(links.summit_page(s.id),
             tuple(dict.fromkeys(links.leader_page(p.person) for p in s.participants)))
            for s in site.corpus.chronological]


def problems_banner(problems: list[Problem], title: str) -> str:
    """A Material failure admonition listing every problem as ``path:line:col: message``.

    The messages quote the data, so each is escaped to show literally, never as markup.
    """
    items = "\n".join(f"    - {markdown_literal(str(problem))}" for problem in problems)
    return f'!!! failure "{title}"\n\n{items}\n\n'


def preview_pages(problems: list[Problem], good: dict[str, str] | None) -> dict[str, str]:
    """What the preview shows while the data has problems: the last good pages, each with a
    banner listing the problems first; before any good build, only a home page listing them.

    Only generated pages carry the banner. Putting it on docs/ pages too would need them
    rebuilt whenever the data breaks or is fixed, but a dirty rebuild (`make serve`) skips
    a hand-written page whose file did not change, and could leave a stale banner there.
    """
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    if good is None:
        title = f"The data has {count}; nothing has been built yet"
        return {"index.md": f"---\ntitle: The data has problems\n---\n\n"
                            f"# The data has problems\n\n{problems_banner(problems, title)}"}
    banner = problems_banner(problems, f"The data has {count}; this preview shows the last "
                                       "good build")
    return {path: _after_front_matter(text, banner) if path.endswith(".md") else text
            for path, text in good.items()}


def _after_front_matter(page: str, text: str) -> str:
    end = page.find("\n---\n", 3) if page.startswith("---\n") else -1
    at = end + len("\n---\n") if end >= 0 else 0
    return page[:at] + text + page[at:]


_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL_START = re.compile(r"<td(?=[ >])")
_TAG = re.compile(r"<[^>]+>")


def label_table_cells(page_html: str) -> str:
    """Each body cell of a table gets its column's heading as ``data-label``: on a phone,
    where a row is shown as a card (briefings.css), the label says what each line is."""
    def label_table(table: re.Match[str]) -> str:
        headings = [html.escape(html.unescape(_TAG.sub("", h)).strip(), quote=True)
                    for h in _HEADER_CELL.findall(table[1])]

        def label_row(row: re.Match[str]) -> str:
            cells = iter(headings)
            return "<tr>" + _CELL_START.sub(
                lambda cell: f'<td data-label="{next(cells, "")}"', row[1]) + "</tr>"

        return "<table>" + _ROW.sub(label_row, table[1]) + "</table>"

    return _TABLE.sub(label_table, page_html)


_WORD = re.compile(r"\w+")
# Citation numbers as Material's index keeps them ("<sup>13</sup>"): not words a reader
# searches for, and noise in the result snippets.
_NOTE_NUMBER = re.compile(r"<sup>\d+</sup>")


def folded_words(text: str) -> str:
    """The ASCII-folded form of every word that folding changes, in order, repeats kept.

    Only changed words go into the folded fields, so 'Luong' finds a page saying 'Lương'
    exactly as strongly as a page saying 'Luong', and pages in plain ASCII score no higher
    than before (their words are not counted twice).
    """
    # Folding leaves ASCII as it is, and nearly every word is ASCII: fold only the others.
    changed = []
    for word in _WORD.findall(text):
        if not word.isascii() and (folded := fold_ascii(word)) != word:
            changed.append(folded)
    return " ".join(changed)


def fold_search_index(index: dict) -> dict:
    """Add ASCII-folded copies of each entry's title and text, and index those fields too.

    Citation numbers are taken out of the text first. Material's search does no diacritic
    folding, so 'Luong Cuong' would not find 'Lương Cường'. The visible text keeps its
    diacritics. The folded fields get the boosts of the fields they shadow, so a folded title
    match counts as a title match. Entries get the boost of their kind of page
    (SEARCH_BOOSTS).
    """
    for doc in index["docs"]:
        if "text" in doc:
            doc["text"] = _NOTE_NUMBER.sub("", doc["text"])
        page = doc.get("location", "").partition("#")[0]
        for prefix, boost in SEARCH_BOOSTS.items():
            if page.startswith(prefix) and (page != prefix or prefix == "trade-targets/"):
                doc["boost"] = doc.get("boost", 1.0) * boost
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


def is_served(config: MkDocsConfig) -> bool:
    """Whether the build is for a server (Pagefind search), not for file:// (Material's)."""
    for name in ("material/offline", "offline"):
        plugin = config.plugins.get(name)
        if plugin is not None and plugin.config.get("enabled"):
            return False
    return True


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    excluded = bool((page.meta.get("search") or {}).get("exclude"))
    output = mark_for_pagefind(output, indexed=not excluded, url=page.url)
    return use_pagefind_worker(output) if is_served(config) else output


def on_post_template(output: str, config: MkDocsConfig) -> str:
    # The 404 page offers the search box too; it is not indexed itself.
    return use_pagefind_worker(output) if is_served(config) else output


def on_post_build(config: MkDocsConfig) -> None:
    """Meeting packs, from the pages MkDocs has written; then the folded search index."""
    write_packs(Path(config.site_dir), _PACKS["plans"])
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not is_served(config):
        if path.is_file():
            index = fold_search_index(json.loads(path.read_text(encoding="utf-8")))
            path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                            encoding="utf-8")
        return
    if path.is_file():
        try:
            index = config_only(path)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
    # PAGEFIND=false: the caller indexes the site itself (the benchmark times it apart).
    if os.environ.get("PAGEFIND", "true").lower() != "false":
        try:
            run_pagefind(Path(config.site_dir))
        except PagefindFailed as exc:
            raise PluginError(str(exc)) from None
