"""Load YAML data files safely, remembering where every value sits in its file.

Only plain YAML is accepted: no tags that build Python objects, no anchors or aliases
(an alias bomb expands to gigabytes), no duplicate keys (YAML silently keeps the last).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import Any

import yaml

from .errors import BriefingError, Problem, display_path
from .parallel import ForkedMap

MAX_YAML_BYTES = 2_000_000
MAX_DEPTH = 64  # real data nests about 6 levels; deeper input would exhaust the recursion limit

Loc = tuple[str | int, ...]
_TOO_DEEP = (f"lists and mappings are nested more than {MAX_DEPTH} levels deep; "
             "data files need only a few levels")


@dataclass
class YamlDocument:
    """A parsed data file: its plain Python value, and the text it was read from.

    Positions are needed only when a problem is reported: only then is the text parsed
    again into a node tree, so reading a valid file records none of them.
    """

    path: str
    data: Any
    text: str = field(default="", repr=False)

    @cached_property
    def _tree(self) -> yaml.Node | None:
        try:
            return yaml.compose(self.text, Loader=_FastLoader) if self.text else None
        except yaml.YAMLError:
            return None

    def where(self, loc: Loc) -> tuple[int, int]:
        """Line and column of the node at ``loc``, or of its nearest existing ancestor."""
        node = self._tree
        if node is None:
            return (1, 1)
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return _mark(node)

    def problem(self, loc: Loc, message: str) -> Problem:
        line, col = self.where(loc)
        return Problem(self.path, line, col, message)


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        # The first of duplicate keys: that is the one a duplicate is reported against.
        return next((value for key, value in node.value
                     if isinstance(key, yaml.ScalarNode) and key.value == str(part)), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
            and 0 <= part < len(node.value):
        return node.value[part]
    return None


class _BadValue(yaml.constructor.ConstructorError):
    """A scalar YAML accepts but Python cannot build, e.g. the date 2023-02-30."""


class _ReportingConstructor:
    """Reports impossible values at their position instead of crashing."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as exc:
            text = str(node.value)
            text = text if len(text) <= 40 else text[:40] + "…"
            if node.tag == "tag:yaml.org,2002:timestamp":
                reason = f"'{text}' is not a valid date ({exc}); write dates as YYYY-MM-DD"
            elif node.tag == "tag:yaml.org,2002:int" and "digits" in str(exc):
                reason = f"the number '{text}' has too many digits to read"
            else:
                reason = f"cannot read the value '{text}': {exc}"
            raise _BadValue(None, None, reason, node.start_mark) from None


class _Loader(_ReportingConstructor, yaml.SafeLoader):
    """The pure-Python loader: slow, but words every syntax error in full."""


_RESOLVER = yaml.resolver.Resolver()
# The tag of a node depends only on its kind, text and quoting (the safe loader has no path
# resolvers). Keys and short values recur in every file, and libyaml asks for each one's tag.
_resolve = lru_cache(maxsize=1 << 16)(_RESOLVER.resolve)


class _FastLoader(_ReportingConstructor, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's loader: ten times faster, same positions, terser errors."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        # An attribute, not a method: libyaml then calls the cache without a Python frame.
        self.resolve = _resolve


def _mark(node_or_mark: Any) -> tuple[int, int]:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    return (mark.line + 1, mark.column + 1)


def _check_keys(node: yaml.Node, depth: int, shown: str, problems: list[Problem]) -> None:
    """Report duplicate keys, and nesting deeper than MAX_DEPTH."""
    if depth > MAX_DEPTH:
        raise BriefingError([Problem(shown, *_mark(node), _TOO_DEEP)])
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue  # a list or mapping as a key: construction reports it below
            key = key_node.value
            if key in seen:
                line, col = _mark(key_node)
                first = _mark(seen[key])[0]
                problems.append(
                    Problem(shown, line, col,
                            f"duplicate key '{key}' (first at line {first}); "
                            "YAML would silently keep only the last one: merge or rename them")
                )
                continue
            seen[key] = key_node
            _check_keys(value_node, depth + 1, shown, problems)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_keys(item, depth + 1, shown, problems)


class _Irregular(Exception):
    """The tree holds something the fast construction leaves to PyYAML and _check_keys."""


_TEXT, _LIST, _MAPPING = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))
_SCALARS = frozenset(f"tag:yaml.org,2002:{kind}"
                     for kind in ("int", "float", "bool", "null", "timestamp"))
_KEYS = _SCALARS | {_TEXT}


def _construct(node: yaml.Node, depth: int, loader: Any) -> Any:
    """The value of a plain tree of mappings, lists and scalars.

    PyYAML's own construction costs three times as much; anything unusual (a duplicate
    key, a merge key, a custom tag, deep nesting) raises _Irregular, and the caller falls
    back to PyYAML, which words the problem.
    """
    kind = type(node)
    if kind is yaml.ScalarNode:
        if node.tag == _TEXT:
            return node.value
        if node.tag in _SCALARS:
            return loader.construct_object(node)
        raise _Irregular
    if depth >= MAX_DEPTH:
        raise _Irregular
    if kind is yaml.SequenceNode and node.tag == _LIST:
        return [_construct(item, depth + 1, loader) for item in node.value]
    if kind is not yaml.MappingNode or node.tag != _MAPPING:
        raise _Irregular
    mapping = {}
    for key, value in node.value:
        if type(key) is not yaml.ScalarNode or key.tag not in _KEYS:
            raise _Irregular
        # Most keys and values are plain text: taken here without a call per node.
        mapping[key.value if key.tag == _TEXT else _construct(key, depth, loader)] = \
            value.value if type(value) is yaml.ScalarNode and value.tag == _TEXT \
            else _construct(value, depth + 1, loader)
    if len(mapping) != len(node.value):
        raise _Irregular
    return mapping


def _scan_events(text: str, shown: str, loader_class: type) -> None:
    """Reject anchors, aliases and deep nesting before anything is built from them."""
    depth = 0
    for event in yaml.parse(text, Loader=loader_class):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            line, col = _mark(event)
            raise BriefingError([Problem(shown, line, col,
                "YAML anchors and aliases (&name, *name) are not allowed in data files; "
                "write the value out in full")])
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line, col = _mark(event)
                raise BriefingError([Problem(shown, line, col, _TOO_DEEP)])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _plainly_safe(text: str) -> bool:
    """True when a file can have no anchor, alias or deep flow nesting: then the event scan
    (half the cost of reading) is skipped. Block nesting is checked while constructing."""
    return "&" not in text and "*" not in text and \
        text.count("[") + text.count("{") <= MAX_DEPTH


def _read(text: str, shown: str, loader_class: type) -> YamlDocument:
    if not _plainly_safe(text):
        _scan_events(text, shown, loader_class)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise BriefingError([Problem(shown, 1, 1, "file holds no YAML document")])
        try:
            return YamlDocument(shown, _construct(node, 0, loader), text)
        except _Irregular:
            pass
        problems: list[Problem] = []
        _check_keys(node, 0, shown, problems)
        data = loader.construct_document(node)
        if problems:
            raise BriefingError(problems)
        return YamlDocument(shown, data, text)
    finally:
        loader.dispose()


def load_yaml(path: Path, root: Path) -> YamlDocument:
    """Parse one YAML file; raise BriefingError with every problem found in it."""
    shown = display_path(path, root)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BriefingError([Problem(shown, 1, 1,
            f"cannot read the file: {exc.strerror or exc}")]) from None
    if len(raw) > MAX_YAML_BYTES:
        raise BriefingError([Problem(shown, 1, 1,
            f"file is {len(raw):,} bytes, over the {MAX_YAML_BYTES:,}-byte limit for a data "
            "file; split it into several files")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BriefingError([Problem(shown, line, 1,
            f"not valid UTF-8 (byte {exc.object[exc.start]:#04x}); save the file as UTF-8")]
        ) from None
    if not text.strip():
        raise BriefingError([Problem(shown, 1, 1, "file is empty; remove it or add data")])

    try:
        try:
            return _read(text, shown, _FastLoader)
        except yaml.YAMLError:
            # Read it again with the pure-Python loader, which finds the same problem and
            # says more about it; the error raised there is the one reported.
            return _read(text, shown, _Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _mark(mark) if mark else (1, 1)
        reason = exc.problem or "invalid YAML"
        if isinstance(exc, _BadValue):
            raise BriefingError([Problem(shown, line, col, reason)]) from None
        if exc.context and exc.context.startswith("expected"):
            reason = f"{exc.context}, {reason}"
        elif exc.context and exc.context_mark and exc.problem_mark \
                and exc.context_mark.line != exc.problem_mark.line:
            reason += " ({} from line {}:{})".format(exc.context, *_mark(exc.context_mark))
        if "unhashable key" in reason:
            reason += "; a key must be a plain word or string, not a list or mapping"
        if "could not determine a constructor" in reason:
            reason += "; only plain YAML is allowed (no !!python or other custom tags)"
        raise BriefingError([Problem(shown, line, col, f"YAML syntax error: {reason}")]) from None
    except yaml.YAMLError as exc:
        raise BriefingError([Problem(shown, 1, 1, f"YAML error: {exc}")]) from None


def load_data_file(path: Path, root: Path) -> YamlDocument | list[Problem]:
    """One data file, or what is wrong with it."""
    if not path.is_file():
        return [Problem(display_path(path, root), 1, 1,
                        "required data file is missing; create it" if not path.exists() else
                        "not a regular file; a data file must be a YAML file")]
    try:
        return load_yaml(path, root)
    except BriefingError as exc:
        return exc.problems


def read_summit_files(root: Path, workers: int | None = None) -> ForkedMap:
    """Start reading ``data/summits/*.yaml``: for a large corpus, forked workers begin at
    once (see parallel.py). ``results()`` gives each file's YamlDocument, or its problems,
    in file-name order."""
    return ForkedMap(partial(load_data_file, root=root),
                     sorted((root / "data" / "summits").glob("*.yaml")), workers)
