"""The page registry (contexts.registry.KINDS) gives each kind of page its template and the
function that builds its context; the template names that context's dataclass in its header
comment and uses exactly its fields: a field no template shows, or a name a template reads
that the context lacks, fails here rather than printing nothing (after datasette's
test_template_context.py)."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

import pytest
from jinja2 import nodes

from summit_briefings.contexts.registry import KINDS
from summit_briefings.render import environment

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DECLARED = re.compile(r"page \((\w+)\)")
PAGE_TEMPLATES = sorted(p.name for p in TEMPLATES.glob("*.md.jinja")
                        if not p.name.startswith("_"))


def page_fields_read(template: str) -> set[str]:
    """The attributes of ``page`` the template reads: ``page.x`` anywhere in it, or in the
    page template it extends (a meeting pack extends the summit page, whose context its own
    extends)."""
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    tree = environment(TEMPLATES).parse(source)
    read = {node.attr for node in tree.find_all(nodes.Getattr)
            if isinstance(node.node, nodes.Name) and node.node.name == "page"}
    for extends in tree.find_all(nodes.Extends):
        parent = extends.template.value
        if not parent.startswith("_"):
            read |= page_fields_read(parent)
    return read


def test_every_page_template_is_a_kind_of_page_in_the_registry():
    assert sorted({kind.template for kind in KINDS.values()}) == PAGE_TEMPLATES


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_template_reads_exactly_the_fields_of_the_context_its_kind_builds(kind: str):
    template, build = KINDS[kind].template, KINDS[kind].build
    context = typing.get_type_hints(build)["return"]
    header = (TEMPLATES / template).read_text(encoding="utf-8").split("-#}", 1)[0]
    declared = DECLARED.search(header)
    assert declared, f"{template}: the header comment names no 'page (ContextClass)'"
    assert declared[1] == context.__name__, f"{template} names {declared[1]}, " \
        f"its builder {build.__name__} returns {context.__name__}"
    fields = {f.name for f in dataclasses.fields(context)}
    read = page_fields_read(template)
    assert read - fields == set(), f"{template} reads what {context.__name__} lacks"
    assert fields - read == set(), f"{context.__name__} has fields {template} never shows"
