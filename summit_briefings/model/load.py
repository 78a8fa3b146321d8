"""Load YAML data files safely, remembering where every value sits in its file.

Only plain YAML is accepted: no tags that build Python objects, no anchors or aliases
(an alias bomb expands to gigabytes), no duplicate keys (YAML silently keeps the last).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .problems import BriefingError, Problem, display_path
from .project_files import absent, read_bounded

MAX_YAML_BYTES = 2_000_000
MAX_DEPTH = 64  # real data nests about 6 levels; deeper input would exhaust the recursion limit

T = TypeVar("T")
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
    # What later stages worked out from this document, by what it is (the key), for a
    # build that reuses the document (ParsedFiles); each entry records what else it rests on.
    kept: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False, compare=False)

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

    def kept_value(self, what: str, rests_on: tuple[Any, ...], work_out: Callable[[], T]) -> T:
        """What ``work_out`` gives, kept on this document for a build that reuses it
        (ParsedFiles): it stands while what it rests on is equal. ``rests_on`` names the
        document's models it reads, which a reusing build has as the same objects
        (validate.parse_models), and whatever else it reads: other files' models, or texts."""
        kept = self.kept.get((what,))
        if kept is not None and kept[0] == rests_on:
            return kept[1]
        value = work_out()
        self.kept[(what,)] = (rests_on, value)
        return value


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
    """Reports values Python cannot build at their position instead of crashing."""

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
    """The pure-Python safe loader: slow, but words every syntax error in full."""


class _FastLoader(_ReportingConstructor, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's safe loader: same positions, terser errors (a file it rejects is read
    again with _Loader for the message)."""


def _mark(node_or_mark: Any) -> tuple[int, int]:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    return (mark.line + 1, mark.column + 1)


# YAML's printable characters (YAML 1.1 §5.1); PyYAML refuses any other, at 1:1 and on two
# lines. Tabs and line breaks are printable.
_UNPRINTABLE = re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd"
                          r"\U00010000-\U0010ffff]")
# Bidirectional controls: printable to YAML, but they make text display in another order
# than it is stored, so a page or an address could read differently from the data.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def position(text: str, at: int) -> tuple[int, int]:
    """Line and column (1-based) of the character at offset ``at``."""
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def _unprintable(text: str, shown: str) -> Problem | None:
    body = text.removeprefix("\ufeff")
    found = _UNPRINTABLE.search(body) or BIDI_CONTROLS.search(body)
    if found is None:
        return None
    kind = ("bidirectional control character" if BIDI_CONTROLS.match(found.group())
            else "control character")
    return Problem(shown, *position(text, found.start() + (len(text) - len(body))),
                   f"the {kind} U+{ord(found.group()):04X} is not allowed in a data file; "
                   "delete it (it is often invisible)")


def _scan_events(text: str, shown: str, loader_class: type) -> None:
    """Reject anchors, aliases and deep nesting of any shape, block or flow.

    The parser emits events without recursing; composing a tree from them recurses once
    per level (libyaml's composer crashes the process on a file nested tens of thousands
    deep), so the depth is checked here, before anything is composed.
    """
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


_PLAIN_COLLECTIONS = {yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                      yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG}
_KEY_KINDS = {"null": "nothing (null)", "bool": "true or false", "int": "a number",
              "float": "a number", "timestamp": "a date"}


def _structure_problems(node: yaml.Node, shown: str) -> list[Problem]:
    """Keys that are not plain text, merge keys, duplicate keys and lists or mappings tagged
    as something else, each at its own place.

    A bare ``null``, ``yes`` or ``1`` as a key is read as a value, not a name; ``<<`` merges
    another mapping in and silently drops or overrides values; a ``!!set`` is read in a
    different order on every run, so the pages built from it would differ too. (A tag YAML
    cannot build at all is reported when the file is read.)
    """
    problems: list[Problem] = []
    pending = [node]
    while pending:  # a loop, not recursion: the depth is bounded, but plainly so
        node = pending.pop()
        if isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_COLLECTIONS \
                and node.tag in _Loader.yaml_constructors:
            problems.append(Problem(shown, *_mark(node), f"the tag '{node.tag}' is not "
                "allowed on a list or mapping in data files; write a plain list or mapping, "
                "without the tag"))
            continue
        if isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
            continue
        if not isinstance(node, yaml.MappingNode):
            continue
        seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            pending.append(value_node)
            line, col = _mark(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(shown, line, col, "a key must be a plain word such as "
                                        "'title', not a list or mapping"))
                continue
            kind = key_node.tag.rpartition(":")[2]
            if kind == "merge":
                problems.append(Problem(shown, line, col, "merge keys ('<<') are not allowed "
                    "in data files: they silently drop or override values; write each field "
                    "out in full"))
                continue
            if kind != "str":
                problems.append(Problem(shown, line, col, f"the key '{key_node.value}' is read "
                    f"by YAML as {_KEY_KINDS.get(kind, kind)}, not as a field name; field "
                    "names are words such as 'title' (quote it if it is meant as text)"))
                continue
            if key_node.value in seen:
                first = _mark(seen[key_node.value])[0]
                problems.append(Problem(shown, line, col,
                    f"duplicate key '{key_node.value}' (first at line {first}); "
                    "YAML would silently keep only the last one: merge or rename them"))
                continue
            seen[key_node.value] = key_node
    return problems


def _read(text: str, shown: str, loader_class: type) -> YamlDocument:
    _scan_events(text, shown, loader_class)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise BriefingError([Problem(shown, 1, 1, "file holds no YAML document")])
        problems = _structure_problems(node, shown)
        if problems:
            raise BriefingError(problems)
        return YamlDocument(shown, loader.construct_document(node), text)
    finally:
        loader.dispose()


def load_yaml(path: Path, root: Path) -> YamlDocument:
    """Parse one YAML file; raise BriefingError with every problem found in it."""
    shown = display_path(path, root)
    return parse_yaml(read_bounded(path, root, MAX_YAML_BYTES, "a data file"), shown)


def utf8_text(raw: bytes, shown: str) -> str:
    """The text of the file ``shown`` (a data file or a source article); a BriefingError
    naming the line of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BriefingError([Problem(shown, line, 1,
            f"not valid UTF-8 (byte {exc.object[exc.start]:#04x}); save the file as UTF-8")]
        ) from None


def parse_yaml(raw: bytes, shown: str) -> YamlDocument:
    """Parse the bytes of the data file ``shown``; raise BriefingError with every problem."""
    text = utf8_text(raw, shown)
    if not text.strip():
        raise BriefingError([Problem(shown, 1, 1, "file is empty; remove it or add data")])
    if unprintable := _unprintable(text, shown):
        raise BriefingError([unprintable])

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
        if "could not determine a constructor" in reason:
            reason += "; only plain YAML is allowed (no !!python or other custom tags)"
        raise BriefingError([Problem(shown, line, col, f"YAML syntax error: {reason}")]) from None
    except yaml.YAMLError as exc:
        raise BriefingError([Problem(shown, 1, 1, f"YAML error: {exc}")]) from None


# What lstat says of a file: device, inode, mode, size, modification and change times.
FileState = tuple[int, int, int, int, int, int]
# A file modified this shortly before it is read may change again within the same tick of a
# coarse file-system clock (a second, on some), keeping its times and size.
SAME_TICK_NS = 2_000_000_000


def file_state(path: Path) -> FileState | None:
    """The state of a file that stands for its bytes: a file in the same state has the same
    bytes, and is the same regular file in the same folder (a folder on its way replaced by a
    link reaches another inode). None when it cannot stand for them: the file was modified
    too recently, or lstat fails."""
    try:
        info = path.lstat()
    except OSError:
        return None
    if time.time_ns() - info.st_mtime_ns < SAME_TICK_NS:
        return None
    return (info.st_dev, info.st_ino, info.st_mode, info.st_size, info.st_mtime_ns,
            info.st_ctime_ns)


class ParsedFiles:
    """The data files one build parsed, for the next build in the same process (`mkdocs
    serve`): a file whose bytes are unchanged is not parsed again. Parsing is most of what
    validation costs, and a save changes one file. Validation only reads a document, so the
    next build can share it; a file with problems is parsed again, and its problems reported
    again, every time. Only the files of the last build are kept."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[bytes, YamlDocument]] = {}
        self._this: dict[str, tuple[bytes, YamlDocument]] = {}
        self._parsed_again: set[str] = set()
        self._read_last: dict[str, tuple[FileState | None, bytes]] = {}
        self._read_this: dict[str, tuple[FileState | None, bytes]] = {}

    def next_build(self) -> None:
        self._last, self._this = self._this, {}
        self._read_last, self._read_this = self._read_this, {}
        self._parsed_again = set()

    def read(self, path: Path, root: Path, limit: int, what: str) -> bytes:
        """A file's bytes, as read_bounded reads them (and refuses them). A file the last
        build read is not read again while its state is the same (file_state)."""
        shown = display_path(path, root)
        state = file_state(path)
        last = self._read_last.get(shown)
        if state is not None and last is not None and last[0] == state:
            raw = last[1]
        else:
            raw = read_bounded(path, root, limit, what)
        self._read_this[shown] = (state, raw)
        return raw

    def load(self, path: Path, root: Path) -> YamlDocument:
        shown = display_path(path, root)
        raw = self.read(path, root, MAX_YAML_BYTES, "a data file")
        last = self._last.get(shown)
        if last is not None and last[0] == raw:
            document = last[1]
        else:
            self._parsed_again.add(shown)
            document = parse_yaml(raw, shown)
        self._this[shown] = (raw, document)
        return document

    def fork(self) -> ParsedFiles:
        """For a build beside this one's builds: it reuses the files the last of them
        parsed, and what it parses is not seen here, so the next build here still finds the
        files changed since the last build here."""
        fork = ParsedFiles()
        fork._this = dict(self._this)
        fork._read_this = dict(self._read_this)
        return fork

    def changed(self) -> set[str]:
        """The data files this build parsed anew (new, changed, or with problems last time),
        and those the last build read that this one did not."""
        return self._parsed_again | (set(self._last) - set(self._this))


def load_data_file(path: Path, root: Path,
                   parsed: ParsedFiles | None = None) -> YamlDocument | list[Problem]:
    """One data file, or what is wrong with it; through ``parsed`` when given."""
    if absent(path):
        return [Problem(display_path(path, root), 1, 1, "required data file is missing; "
                        "create it")]
    try:
        return parsed.load(path, root) if parsed is not None else load_yaml(path, root)
    except BriefingError as exc:
        return exc.problems


def summit_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """The summit files, in name order, and problems with what else is in the folder: a
    file ending in '.yml', '.YAML' or any other spelling of it is named, never ignored."""
    folder = root / "data" / "summits"
    paths, problems = [], []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.suffix == ".yaml":
            paths.append(path)
        elif path.suffix.lower() in (".yaml", ".yml"):
            problems.append(Problem(display_path(path, root), 1, 1, "summit files end in "
                f"'.yaml' (lower case); rename it to {path.stem}.yaml, or it is never read"))
    return paths, problems
