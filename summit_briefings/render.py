"""Render page contexts through the Jinja templates into plain Markdown.

Every value a template prints is escaped for Markdown and HTML by default (``finalize``),
so data can never inject markup; printing ``None`` is an error, not the word "None".
Citations are footnotes labelled by passage (contexts.refs.CitationRefs); the notes follow
the page in the order its context refers to them (contexts.notes.PageNotes.listed), which is
the order the body shows them, and the Markdown engine numbers them in that order.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
import jinja2.bccache
from markupsafe import Markup

from .contexts.footer import Footer
from .contexts.notes import NoteLine
from .model.problems import BriefingError, Problem

# Punctuation Python-Markdown (with tables and attr_list) gives meaning to anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]#|])")
# Markers that only mean something at the start of a line: list items ('1. ', '- ', '+ '),
# admonitions ('!!!'), collapsible blocks ('???'), rules ('---') and setext underlines
# ('===', '---') that would turn the line before into a heading. '#', '>' and '|' are
# escaped wherever they are. A leading '-' or '+' before a digit is a sign, not a marker.
_MD_LEADING = re.compile(r"^(\d+)\.(?=\s)|^([-+](?!\d)|!)|^([?=])")
_LEADING_MARKERS = "-+0123456789!?="
_WHITESPACE = re.compile(r"\s+")
URL_SAFE = "/#.-_~%"


class RenderError(Exception):
    """A template printed something it must not (None, or an undefined name)."""


def markdown_literal(text: str) -> str:
    """Literal text for Markdown: one line, Markdown punctuation backslashed, HTML escaped.

    Each rewrite runs only where it has something to change: most values are words and
    single spaces, and a substitution costs the same whether or not it finds anything.
    """
    if "  " in text or not text.isprintable():  # every other whitespace is unprintable
        text = _WHITESPACE.sub(" ", text)
    if _MD_INLINE.search(text):
        text = _MD_INLINE.sub(r"\\\1", text)
    text = html.escape(text, quote=False)
    if text[:1] in _LEADING_MARKERS:
        text = _MD_LEADING.sub(_leading_escaped, text)
    return text


def _leading_escaped(marker: re.Match[str]) -> str:
    """Python-Markdown takes a backslash escape before '.', '-', '+' and '!', but not
    before '?' or '=': those become character references."""
    if marker[1]:
        return f"{marker[1]}\\."
    if marker[2]:
        return f"\\{marker[2]}"
    return f"&#{ord(marker[3])};"


def attr_escape(value: object) -> Markup:
    """Literal text for an attribute or a Markdown link title: quotes escaped too."""
    return Markup(html.escape(_WHITESPACE.sub(" ", str(value)), quote=True))


def url_escape(value: object) -> Markup:
    """A link target: characters outside a URL's safe set percent-encoded."""
    return Markup(urllib.parse.quote(str(value), safe=URL_SAFE))


def html_escape(value: object) -> Markup:
    """Literal text inside a raw HTML block, where Markdown is not processed."""
    return Markup(html.escape(str(value), quote=False))


def yaml_escape(value: object) -> Markup:
    """A YAML scalar for front matter: a double-quoted string on one line."""
    return Markup(json.dumps(_WHITESPACE.sub(" ", str(value)), ensure_ascii=False))


def front_matter_title(value: object) -> Markup:
    """A page title for front matter, HTML-escaped: Material prints the title unescaped in
    its header bar, in ``<title>`` and in the search index, so markup in a name would run."""
    return yaml_escape(html.escape(str(value), quote=True))


def _finalize(value: object) -> object:
    """Every printed value, escaped for Markdown and HTML, unless it is Markup already (a
    macro's or a filter's output), which autoescape then takes as it is."""
    if hasattr(value, "__html__"):
        return value
    if value is None:
        raise RenderError("a template printed None; guard it with {% if %} in the template")
    return Markup(markdown_literal(str(value)))


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled by an earlier build in this process (``mkdocs serve``), each with
    the checksum of the source it was compiled from: a template whose source is unchanged is
    not parsed and compiled again, one that changed is. Kept per environment: the code a
    template compiles to depends on the environment's options."""

    def __init__(self) -> None:
        self.code: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self.code.get(bucket.key, ("", None))
        if code is not None and checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.code is not None:
            self.code[bucket.key] = (bucket.checksum, bucket.code)


def environment(templates: Path, compiled: CompiledTemplates | None = None
                ) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        bytecode_cache=compiled,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["html"] = html_escape
    env.filters["attr"] = attr_escape
    env.filters["url"] = url_escape
    env.filters["yaml"] = yaml_escape
    env.filters["front_matter_title"] = front_matter_title
    return env


def compile_templates(env: jinja2.Environment) -> None:
    """Compile every template now: a syntax error in any is reported before rendering."""
    for name in env.list_templates():
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            raise BriefingError([_syntax_problem(exc, name)]) from None


def _syntax_problem(exc: jinja2.TemplateSyntaxError, template: str) -> Problem:
    return Problem(f"templates/{exc.name or template}", exc.lineno or 1, 1,
                   f"template syntax error: {exc.message}")


def _template_line(exc: BaseException, template: str) -> int:
    """The template line being rendered when an error was raised, from the traceback."""
    line, trace = 1, exc.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename.endswith(template):
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def render_page(env: jinja2.Environment, template: str, context: Any,
                notes: Sequence[NoteLine], generated_from: str, footer: Footer) -> str:
    """One page of Markdown, its notes last; a template mistake is reported at its file and
    line."""
    try:
        text = env.get_template(template).render(page=context, generated_from=generated_from,
                                                 footer=footer)
        if notes:
            text = text.rstrip("\n") + "\n\n" + env.get_template("_notes.md.jinja").render(
                notes=notes)
    except jinja2.TemplateSyntaxError as exc:
        raise BriefingError([_syntax_problem(exc, template)]) from None
    except (jinja2.TemplateError, RenderError) as exc:
        line = _template_line(exc, template)
        raise BriefingError([Problem(f"templates/{template}", line, 1,
                                     f"while rendering {generated_from}: {exc}")]) from None
    while "\n\n\n" in text:  # at most one blank line; str.replace is faster than a regex
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n") + "\n"


@dataclass
class RenderCache:
    """Pages rendered by an earlier build in this process (``mkdocs serve`` keeps one), and
    the templates it compiled.

    A page is rendered again only when something it shows changed: the key covers its
    context, citations, footer and every template.
    """

    entries: dict[str, tuple[str, str]] = field(default_factory=dict)
    rendered: int = 0
    templates: CompiledTemplates = field(default_factory=CompiledTemplates)

    def page(self, path: str, key: str, render: Callable[[], str]) -> str:
        cached = self.entries.get(path)
        if cached and cached[0] == key:
            return cached[1]
        self.rendered += 1
        text = render()
        self.entries[path] = (key, text)
        return text

    def keep_only(self, paths: set[str]) -> None:
        """Forget pages that no longer exist."""
        for path in set(self.entries) - paths:
            del self.entries[path]


def templates_fingerprint(templates: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(templates.glob("*.jinja")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def page_key(fingerprint: str, *parts: object) -> str:
    return hashlib.sha256(repr((fingerprint, parts)).encode()).hexdigest()
