"""The MkDocs plugin: ``plugins: [briefings]`` in mkdocs.yml (see mkdocs_adapter for the work)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import mkdocs_adapter


class BriefingsPlugin(BasePlugin):
    """Adds the generated pages to a build or `mkdocs serve`; on served builds marks each page
    for Pagefind, points Material's search box at the Pagefind worker and indexes the site,
    on the offline build adds folded names to Material's index.

    List it after `search`: it rewrites the index that search writes after the build."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        mkdocs_adapter.on_startup(command, dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        return mkdocs_adapter.on_config(config)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return mkdocs_adapter.on_files(files, config)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        return mkdocs_adapter.label_table_cells(html)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return mkdocs_adapter.on_post_page(output, page, config)

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        return mkdocs_adapter.on_post_template(output_content, config)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        mkdocs_adapter.on_post_build(config)
