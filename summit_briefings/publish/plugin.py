"""The MkDocs plugin, ``plugins: [briefings]`` in mkdocs.yml: the generated pages into every
build and `mkdocs serve`, with the attributes Python-Markdown adds to them (page_marks);
search by Pagefind on served builds (site_search, and the template variables
overrides/main.html reads), by Material's index with folded names on the offline one
(offline_search). Its options (BriefingsConfig) choose which; the README lists them."""

from __future__ import annotations

import html
import json
import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import is_error_template
from mkdocs.utils.templates import TemplateContext
from pydantic import ValidationError

from ..contexts import links
from ..model.load import ParsedFiles, load_yaml
from ..model.problems import BriefingError, Problem, display_path
from ..model.project_files import unsafe_files, unsafe_reason
from ..model.schema import SiteSettings
from ..pipeline import Superseded, build_site, preview_site
from ..render import CompiledTemplates, RenderCache
from ..write import sync_folder
from .build_date import build_date
from .csp import CspError, check_shim, with_csp
from .offline_search import fold_search_index
from .page_marks import PageMarks
from .serve_preview import InputsState, inputs_state, preview_pages
from .site_search import (
    PAGEFIND_WORKER,
    SEARCH_CONFIG,
    Indexing,
    PagefindFailed,
    run_pagefind,
    search_config,
)

log = logging.getLogger("mkdocs.plugins.briefings")

class BriefingsConfig(base.Config):
    """The plugin's options (``plugins: [briefings: {offline: true, …}]``)."""

    # What answers the search box: Pagefind (with no Material search plugin listed), or
    # Material's own lunr index (its `search` plugin listed), which file:// can read.
    search = c.Choice(("pagefind", "material"), default="pagefind")
    # Read from file:// (with Material's offline plugin, as mkdocs-offline.yml builds it):
    # the 404 page names the site's files relative to itself, and each page's policy allows
    # the script of the iframe-worker shim that runs Material's search there.
    offline = c.Type(bool, default=False)
    # Run Pagefind over the built site at the end of the build (search: pagefind). false:
    # the pages are marked for it, and the caller indexes them (site_search.run_pagefind).
    pagefind = c.Type(bool, default=True)
    # Where `mkdocs serve` writes the generated pages, relative to mkdocs.yml.
    live_folder = c.Dir(exists=False, default="build/live")
    # The generated pages, written beforehand by a process of their own (scripts/site.py,
    # `summit-briefings pages --generated-only`), for the build to read instead of generating
    # them: the generation's memory is freed before MkDocs reads a page. None: the build
    # generates them.
    pages = c.Optional(c.Dir(exists=True))


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """`mkdocs serve` keeps one instance between rebuilds (MkDocs does for a plugin with
    ``on_startup``): pages whose content did not change are neither rendered nor written
    again, and a dirty rebuild skips them.

    After a save to summit files alone, the preview shows their pages first, and the whole
    site follows: it is built beside the preview, then served by one more rebuild, which
    generates nothing (see _complete_beside_the_preview).
    """

    def __init__(self) -> None:
        super().__init__()
        self.serving = False
        self.cache = RenderCache()
        self.theme_templates = CompiledTemplates()
        self.parsed = ParsedFiles()
        # The pages of the last build whose data had no problems: a preview with problems
        # shows those.
        self.good: dict[str, str] | None = None
        self.marks = PageMarks(pagefind=False)
        # Each page's weight in search, by its URL (links.search_weight), for Material's
        # index (search: material); Pagefind's pages carry theirs (on_page_context).
        self.search_weights: dict[str, float] = {}
        # The preview's search index, being written beside the server (see on_post_build).
        self.indexing: Indexing | None = None
        # The last whole site generated for the preview, and the inputs it was read from.
        self.whole: tuple[InputsState, dict[str, str]] | None = None
        # The whole site, being built beside the preview after a build of some pages; the
        # folder whose change makes `mkdocs serve` rebuild once it is done (None: no server
        # watches it, without --livereload).
        self.completing: tuple[threading.Thread, threading.Event] | None = None
        self.complete_after_build = False
        self.rebuild_folder: Path | None = None
        # What the live folder holds, as the last build wrote it.
        self.live_held: dict[str, str] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # The pages Pagefind reads are about to change, and the whole site being built
        # beside the preview may be older than what this build reads.
        self._stop_indexing()
        self._stop_completing()

    def on_shutdown(self) -> None:
        self._stop_indexing()
        self._stop_completing()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Callable[..., None]) -> LiveReloadServer:
        live = Path(self.config.live_folder)
        self.rebuild_folder = live.with_name(f"{live.name}-rebuild")
        self.rebuild_folder.mkdir(parents=True, exist_ok=True)
        server.watch(str(self.rebuild_folder))
        return server

    def _complete_beside_the_preview(self, root: Path) -> None:
        """Build the whole site in a thread, beside the preview that already shows the
        saved summits' pages; when it is done, a change to rebuild_folder makes `mkdocs
        serve` rebuild, and that build serves these pages (_serve_pages) and indexes them.
        A newer save stops it (on_pre_build)."""
        if self.rebuild_folder is None:
            return
        stop = threading.Event()
        inputs = inputs_state(root)  # before the build reads them: a save after is seen
        rebuild = self.rebuild_folder / "whole-site-built"
        parsed = self.parsed.fork()

        def complete() -> None:
            try:
                site = build_site(root, build_date(root), self.cache, parsed, stop)
            except (BriefingError, Superseded):
                return  # the files changed since; the build their save started says how
            log.info("generated pages: %d rendered beside the preview", self.cache.rendered)
            self.whole = (inputs, {**site.pages, **site.files})
            rebuild.write_text(f"{len(self.whole[1])} pages\n", encoding="utf-8")

        thread = threading.Thread(target=complete, daemon=True)
        self.completing = (thread, stop)
        thread.start()

    def _stop_completing(self) -> None:
        completing, self.completing = self.completing, None
        if completing is not None:
            thread, stop = completing
            stop.set()
            thread.join()

    def _stop_indexing(self) -> None:
        indexing, self.indexing = self.indexing, None
        if indexing is not None:
            indexing.stop()

    def _index_beside_the_preview(self, site: Path) -> None:
        """Pagefind over the preview's site, without holding the page it serves: MkDocs
        answers the reader once the build returns, while Pagefind reads every page of the
        site. Search answers from the previous index until this one is written; the next
        save stops a run still going, and starts a new one."""
        indexing = self.indexing = Indexing(site)

        def finish() -> None:
            try:
                indexing.run()
            except PagefindFailed as exc:
                if indexing is self.indexing:  # not stopped for a newer build
                    log.error("%s", exc)

        threading.Thread(target=finish, daemon=True).start()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """The site's name and description are data (data/site.yaml's title and
        introduction), HTML-escaped: the theme prints them unescaped in the header bar, in
        <title> and in a meta tag. While the file has problems mkdocs.yml's name stays, and
        the build reports them."""
        check_search(self.config, config)
        self.marks = PageMarks(pagefind=self.config.search == "pagefind")
        config.markdown_extensions.append(self.marks)
        root = Path(config.config_file_path).parent
        try:
            settings = SiteSettings.model_validate(
                load_yaml(root / "data" / "site.yaml", root).data)
        except (BriefingError, ValidationError, OSError):
            return config
        # Markup: where the theme escapes the name itself (`site_name | e`), it is not
        # escaped twice.
        config.site_name = Markup(html.escape(settings.title))
        config.site_description = Markup(html.escape(settings.introduction))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).parent
        if unsafe := unsafe_sources(files, config, root):
            raise PluginError("files that are not the project's own would be published; "
                              "nothing was built:\n" + "\n".join(map(str, unsafe)))
        if not self.serving and self.config.offline:
            try:
                check_shim(Path(config.docs_dir))
            except (CspError, OSError) as exc:
                raise PluginError(str(exc)) from None
        search = {SEARCH_CONFIG: search_config()} if self.config.search == "pagefind" else {}
        if self.serving:
            generated = {**self._serve_pages(root), **search}
            refuse_clashes(files, generated)
            live = Path(self.config.live_folder)
            written, removed = sync_folder(generated, live, self.live_held)
            self.live_held = generated
            log.info("generated pages: %d files written, %d removed", written, removed)
            add_pages_from(files, config, live, generated)
        elif self.config.pages:
            folder = generated_folder(Path(self.config.pages), root)
            paths = files_under(folder)
            refuse_clashes(files, [*paths, *search])
            add_pages_from(files, config, folder, paths)
            add_generated(files, config, search)
        else:
            try:
                site = build_site(root, build_date(root))
            except BriefingError as exc:
                raise PluginError("the data has problems; nothing was built:\n"
                                  + str(exc)) from None
            generated = {**site.pages, **site.files, **search}
            del site  # so that each page's text is freed once it is handed over (add_generated)
            refuse_clashes(files, generated)
            add_generated(files, config, generated)

        if self.config.search == "material":
            # By the URL Material's index names a page by (as Page.url: the home page's is '').
            self.search_weights = {"" if file.url == "./" else file.url:
                                   links.search_weight(file.src_uri)
                                   for file in files.documentation_pages()}
        return files

    def _serve_pages(self, root: Path) -> dict[str, str]:
        """The generated pages for the preview. While the data has problems they are listed
        in the terminal and on the pages, and the build goes on: a PluginError would make the
        server hold every page request until the data is fixed, showing the reader nothing.

        The whole site built last is served again if no file of data/ or templates/ changed
        since it read them. After a save to summit files alone, only their pages are
        generated, and the other pages of the last good build are served until the whole
        site, being built beside the preview, replaces them."""
        inputs = inputs_state(root)
        if self.whole is not None and self.whole[0] == inputs:
            self.good = self.whole[1]
            return self.good
        # Until a build succeeds there are no other pages to show beside a summit's.
        build = preview_site if self.good is not None else build_site
        try:
            site = build(root, build_date(root), self.cache, self.parsed)
        except BriefingError as exc:
            for problem in exc.problems:
                log.error("%s", problem)
            return preview_pages(exc.problems, self.good)
        log.info("generated pages: %d rendered", self.cache.rendered)
        if site.only is None:
            self.whole = (inputs, {**site.pages, **site.files})
            self.good = self.whole[1]
        else:
            log.info("generated pages: the pages of %s first; the others follow",
                     ", ".join(sorted(site.only)))
            self.good = {**self.good, **site.pages}
            self.complete_after_build = True
        return self.good

    def _with_csp(self, html: str, config: MkDocsConfig, where: str,
                  content: tuple[int, int] | None = None) -> str:
        """The page with its Content-Security-Policy (csp.py). Not in `mkdocs serve`'s
        preview: the live-reload script MkDocs writes into each page it serves is inline and
        differs with every request, so no hash could allow it."""
        if self.serving:
            return html
        try:
            return with_csp(html, content=content, offline=self.config.offline, where=where)
        except CspError as exc:
            raise PluginError(str(exc)) from None

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Served builds: Material's search box talks to our worker, which answers from
        Pagefind's index (overrides/main.html reads search_worker). In `mkdocs serve`, the
        theme's templates are compiled once, not on every rebuild: MkDocs makes the theme's
        environment anew for each."""
        if self.config.search == "pagefind":
            env.globals["search_worker"] = PAGEFIND_WORKER
        if self.serving:
            env.bytecode_cache = self.theme_templates
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        self.marks.person_page = links.is_person_page(page.file.src_uri)
        return markdown

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """Served builds: the article of each page readers search is what Pagefind indexes,
        weighted by the kind of page (overrides/main.html reads search_weight). A page not
        marked is left out of the index altogether (Pagefind indexes only marked pages once
        any page is marked): the editors' pages, front matter `search: exclude: true`."""
        excluded = bool((page.meta.get("search") or {}).get("exclude"))
        if self.config.search == "pagefind" and not excluded:
            context["search_weight"] = f"{links.search_weight(page.file.src_uri):g}"
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # The policy reads only the theme's part of the page unless the content could hold a
        # script or a style (csp._scan).
        start = output.find(page.content) if page.content else -1
        return self._with_csp(output, config, page.file.src_uri,
                              (start, start + len(page.content)) if start >= 0 else None)

    def on_template_context(self, context: TemplateContext, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        """The offline 404 page names the site's files relative to itself, as every other
        page does. MkDocs gives an error page absolute URLs ('/assets/…') because a server
        shows it at any depth; read from file://, '/' is the disk's root, and the page would
        have no styles, scripts or working links. It sits in the site's root folder and is
        opened only from there."""
        if not self.config.offline or not is_error_template(template_name):
            return context
        # Material names every asset and link through the `url` filter, which reads this.
        context["base_url"] = "."
        return context

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):  # sitemap.xml
            return output_content
        return self._with_csp(output_content, config, template_name)

    # After Material's search plugin writes its index (priority 0), before its offline
    # plugin copies that index into search_index.js for file:// (priority -100).
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The search index. In `mkdocs serve`, Pagefind's once the whole site is built."""
        if self.complete_after_build:
            self.complete_after_build = False
            self._complete_beside_the_preview(Path(config.config_file_path).parent)
        if self.config.search == "material":
            path = Path(config.site_dir) / SEARCH_CONFIG
            _write_index(path, fold_search_index(json.loads(path.read_text(encoding="utf-8")),
                                                 self.search_weights))
        elif self.config.pagefind and self.serving:
            if self.completing is None:
                self._index_beside_the_preview(Path(config.site_dir))
        elif self.config.pagefind:
            try:
                run_pagefind(Path(config.site_dir))
            except PagefindFailed as exc:
                raise PluginError(str(exc)) from None


def check_search(options: BriefingsConfig, config: MkDocsConfig) -> None:
    """One search engine per build: Material's search plugin is listed if and only if it
    answers the box, and a site read from file:// searches with it."""
    listed = any(name in config.plugins for name in ("material/search", "search"))
    if options.search == "pagefind" and listed:
        raise PluginError("plugins: lists Material's `search` plugin, but briefings searches "
                          "with Pagefind (its option `search: pagefind`): Material's plugin "
                          "would index every page for a box that Pagefind answers; remove "
                          "`search` from plugins, or set `search: material` under briefings")
    if options.search == "material" and not listed:
        raise PluginError("briefings has `search: material`, but plugins: does not list "
                          "Material's `search` plugin, which writes that index; add "
                          "`- search` to plugins")
    if options.offline and options.search == "pagefind":
        raise PluginError("briefings has `offline: true` with `search: pagefind`, but "
                          "browsers refuse Pagefind's module and index from file://; set "
                          "`search: material` and list Material's `search` plugin")


def refuse_clashes(files: Files, generated: Iterable[str]) -> None:
    clashes = [path for path in generated if files.get_file_from_path(path) is not None]
    if clashes:
        raise PluginError("hand-written files in docs/ have the paths of generated ones; "
                          "rename them: " + ", ".join(f"docs/{p}" for p in clashes))


def generated_folder(folder: Path, root: Path) -> Path:
    """The folder of the option `pages`, if it lies inside the project and holds regular
    files only: what it holds is published as it is."""
    real, project = folder.resolve(), root.resolve()
    if not real.is_relative_to(project):
        raise PluginError(f"the option `pages` names {folder}, which lies outside the project; "
                          "nothing was built: name a folder inside it, or unset BRIEFINGS_PAGES")
    if unsafe := unsafe_files(project, [real.relative_to(project).as_posix()]):
        raise PluginError("files that are not the project's own would be published; nothing "
                          "was built:\n" + "\n".join(map(str, unsafe)))
    return real


def files_under(folder: Path) -> list[str]:
    """The paths of the files a folder of generated pages holds, relative to it."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*")
                  if path.is_file())


def add_pages_from(files: Files, config: MkDocsConfig, folder: Path,
                   paths: Iterable[str]) -> None:
    """Generated pages, read from the folder they were written to."""
    for path in paths:
        files.append(File(path, src_dir=str(folder), dest_dir=config.site_dir,
                          use_directory_urls=config.use_directory_urls))


def add_generated(files: Files, config: MkDocsConfig, generated: dict[str, str]) -> None:
    """Generated pages, handed over from memory (and removed from ``generated``) as UTF-8,
    which MkDocs decodes as it reads each page, as it would a file: held as text until
    then, a page with one letter beyond Latin-1 (such as an em dash) takes two or four
    bytes a character."""
    for path in list(generated):
        files.append(File.generated(config, path, content=generated.pop(path).encode()))


def unsafe_sources(files: Files, config: MkDocsConfig, root: Path) -> list[Problem]:
    """The files MkDocs would publish from docs/ or the theme's custom folder that are not
    regular files inside the project. MkDocs follows symlinks, to files and to folders, so
    a link to /etc/passwd would be copied into the site as it is. (The installed theme's own
    files come from its package and are not checked.)"""
    own = {config.docs_dir, *filter(None, [config.theme.custom_dir])}
    problems = []
    for file in files:
        if file.abs_src_path and file.src_dir in own:
            path = Path(file.abs_src_path)
            if reason := unsafe_reason(path, root):
                problems.append(Problem(display_path(path, root), 1, 1, reason))
    return sorted(problems)


def _write_index(path: Path, index: dict) -> None:
    """Material's search index, compact, its letters as they are."""
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
