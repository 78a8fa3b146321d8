"""Each page template names its context's dataclass in its header comment, and uses exactly
that dataclass's fields: a field no template shows, or a name a template reads that the
context lacks, fails here rather than printing nothing (after datasette's
test_template_context.py)."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from jinja2 import nodes

import summit_briefings
from summit_briefings.render import environment

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DECLARED = re.compile(r"page \((\w+)\)")
PAGE_TEMPLATES = sorted(p.name for p in TEMPLATES.glob("*.md.jinja")
                        if not p.name.startswith("_"))


def context_classes() -> dict[str, type]:
    found = {}
    for module in pkgutil.walk_packages(summit_briefings.__path__, "summit_briefings."):
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            if dataclasses.is_dataclass(value) and isinstance(value, type):
                found[name] = value
    return found


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


def test_every_page_template_is_checked():
    assert len(PAGE_TEMPLATES) >= 12, PAGE_TEMPLATES


@pytest.mark.parametrize("template", PAGE_TEMPLATES)
def test_template_reads_exactly_the_fields_of_its_declared_context(template: str):
    header = (TEMPLATES / template).read_text(encoding="utf-8").split("-#}", 1)[0]
    declared = DECLARED.search(header)
    assert declared, f"{template}: the header comment names no 'page (ContextClass)'"
    context = context_classes().get(declared[1])
    assert context is not None, f"{template}: no dataclass {declared[1]} in the package"
    fields = {f.name for f in dataclasses.fields(context)}
    read = page_fields_read(template)
    assert read - fields == set(), f"{template} reads what {context.__name__} lacks"
    assert fields - read == set(), f"{context.__name__} has fields {template} never shows"

