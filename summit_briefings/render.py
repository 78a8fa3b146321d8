"""Render page contexts through the Jinja templates into plain Markdown.

Every value a template prints is escaped for Markdown and HTML by default (``finalize``),
so data can never inject markup; printing ``None`` is an error, not the word "None".
Citations are numbered as the template prints them (views.CitationRefs), in reading order;
the notes follow the page.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Macro
from markupsafe import Markup

from .errors import BriefingError, Problem
from .views import Footer, NoteBook

# Punctuation Python-Markdown (with tables and attr_list) gives meaning to anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]#|])")
# Markers that only mean something at the start of a line: lists, quotes, headings.
_MD_LEADING = re.compile(r"^(\d+)\.(?=\s)|^([-+])(?=\s)")
_WHITESPACE = re.compile(r"\s+")
# Text no rule below would change: no special character, single spaces, no leading marker.
_PLAIN = re.compile(r"(?!\d+\. |[-+] )[^\\`*_{}\[\]#|<>&\s]*(?: [^\\`*_{}\[\]#|<>&\s]+)* ?")
URL_SAFE = "/#.-_~%"
# A link target that quote(safe=URL_SAFE) would return unchanged.
_URL_SAFE = re.compile(r"[\w/#.~%-]*", re.ASCII)


class RenderError(Exception):
    """A template printed something it must not (None, or an undefined name)."""


def markdown_literal(text: str) -> str:
    """Literal text for Markdown: one line, Markdown punctuation backslashed, HTML escaped."""
    text = _WHITESPACE.sub(" ", text)
    text = _MD_LEADING.sub(lambda m: f"{m.group(1)}\\." if m.group(1) else f"\\{m.group(2)}",
                           _MD_INLINE.sub(r"\\\1", text))
    return html.escape(text, quote=False)


# Names, titles, dates, file names and links recur on many pages: each is escaped once.
@lru_cache(maxsize=1 << 17)
def escape_text(text: str) -> str:
    """``markdown_literal``, skipping the work for text it would not change."""
    return text if _PLAIN.fullmatch(text) else markdown_literal(text)


@lru_cache(maxsize=1 << 16)
def attr_escape(value: object) -> Markup:
    """Literal text for an attribute or a Markdown link title: quotes escaped too."""
    return Markup(html.escape(_WHITESPACE.sub(" ", str(value)), quote=True))


@lru_cache(maxsize=1 << 16)
def url_escape(value: object) -> Markup:
    """A link target: characters outside a URL's safe set percent-encoded."""
    text = str(value)
    return Markup(text if _URL_SAFE.fullmatch(text) else urllib.parse.quote(text, safe=URL_SAFE))


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


def _finalize(value: object) -> str:
    """Every printed value, escaped. Text (most values) is returned as a plain str: what
    a template prints is only ever joined into the page or into a macro's Markup."""
    kind = type(value)
    if kind is str:
        return escape_text(value)
    if kind is Markup:  # a macro's or a filter's output, escaped already
        return value
    if hasattr(value, "__html__"):
        return value.__html__()
    if value is None:
        raise RenderError("a template printed None; guard it with {% if %} in the template")
    return escape_text(str(value))


class _PositionalMacro(Macro):
    """A macro that takes positional arguments only, called without Jinja's general
    argument handling (keywords, defaults, ``caller``) when it is given all of them."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs or len(args) != self._argument_count:
            return super().__call__(*args, **kwargs)
        text = self._func(*args)
        return Markup(text) if self._default_autoescape else text


class _CodeGenerator(CodeGenerator):
    """Jinja's compiler, with four shortcuts that leave the output unchanged:

    - ``{{ value }}`` compiles to ``finalize(value)`` instead of ``escape(finalize(value))``:
      ``_finalize`` escapes every value itself, so that escape() could only copy its result,
      or escape it twice; and text goes straight to ``escape_text``, as in ``_finalize``;
    - a call with positional arguments only is a plain Python call, not one through
      ``context.call``, which looks for functions that want the template's context: the
      templates call only macros;
    - a macro that takes no keyword arguments, ``varargs`` or ``caller`` is a
      ``_PositionalMacro``;
    - ``a.b`` is Python's attribute lookup, not ``environment.getattr``.

    Together they save about a fifth of the rendering time.
    """

    def macro_def(self, macro_ref: Any, frame: Frame) -> None:
        if macro_ref.accesses_caller or macro_ref.accesses_kwargs or macro_ref.accesses_varargs:
            super().macro_def(macro_ref, frame)
            return
        arguments = tuple(arg.name for arg in macro_ref.node.args)
        name = getattr(macro_ref.node, "name", None)
        self.write(f"environment.positional_macro(environment, macro, {name!r}, {arguments!r},"
                   " False, False, False, context.eval_ctx.autoescape)")

    def visit_Call(self, node: Any, frame: Frame, forward_caller: bool = False) -> None:
        if forward_caller or node.kwargs or node.dyn_args or node.dyn_kwargs:
            super().visit_Call(node, frame, forward_caller=forward_caller)
            return
        self.write("(")
        self.visit(node.node, frame)
        self.write(")(")
        for index, argument in enumerate(node.args):
            if index:
                self.write(", ")
            self.visit(argument, frame)
        self.write(")")

    def visit_Getattr(self, node: Any, frame: Frame) -> None:
        # Contexts are objects, never mappings: a plain attribute lookup, without Jinja's
        # fallback to keys and to Undefined. A misspelt attribute raises AttributeError,
        # which render_page reports at its template line.
        self.write("(")
        self.visit(node.node, frame)
        self.write(f").{node.attr}")

    # environment() always sets a finalize; text, most of what is printed, is escaped
    # without a call to it.
    def _output_child_pre(self, node: Any, frame: Frame, finalize: Any) -> None:
        self.write("(environment.escape_text(t_printed) if type(t_printed := (")

    def _output_child_post(self, node: Any, frame: Frame, finalize: Any) -> None:
        self.write(")) is str else environment.finalize(t_printed))")


class _Environment(jinja2.Environment):
    code_generator_class = _CodeGenerator
    positional_macro = _PositionalMacro
    escape_text = staticmethod(escape_text)


def environment(templates: Path) -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one build reads each template once; no stat per page
    )
    env.filters["html"] = html_escape
    env.filters["attr"] = attr_escape
    env.filters["url"] = url_escape
    env.filters["yaml"] = yaml_escape
    env.filters["front_matter_title"] = front_matter_title
    return env


def compile_templates(env: jinja2.Environment) -> None:
    """Compile every template now, so that forked workers share the compiled code."""
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


def _raised_by_a_template(exc: BaseException) -> bool:
    trace = exc.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    return trace is not None and trace.tb_frame.f_code.co_filename.endswith(".jinja")


def render_page(env: jinja2.Environment, template: str, context: Any, book: NoteBook,
                generated_from: str, footer: Footer) -> str:
    """One page of Markdown, its numbered notes last; a template mistake is reported at its
    file and line."""
    try:
        text = env.get_template(template).render(page=context, generated_from=generated_from,
                                                 footer=footer)
        notes = book.numbered()  # the body has numbered them as it printed them
        if notes:
            text = text.rstrip("\n") + "\n\n" + env.get_template("_notes.md.jinja").render(
                notes=notes)
    except jinja2.TemplateSyntaxError as exc:
        raise BriefingError([_syntax_problem(exc, template)]) from None
    except (jinja2.TemplateError, RenderError, AttributeError) as exc:
        if isinstance(exc, AttributeError) and not _raised_by_a_template(exc):
            raise  # a bug in the views, not a template mistake
        line = _template_line(exc, template)
        raise BriefingError([Problem(f"templates/{template}", line, 1,
                                     f"while rendering {generated_from}: {exc}")]) from None
    while "\n\n\n" in text:  # at most one blank line; str.replace is faster than a regex
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n") + "\n"


@dataclass
class RenderCache:
    """Pages rendered by an earlier build in this process (``mkdocs serve`` keeps one).

    A page is rendered again only when something it shows changed: the key covers its
    context, citations, footer and every template.
    """

    entries: dict[str, tuple[str, str]] = field(default_factory=dict)
    rendered: int = 0

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
