"""Fuzzing the checker: whatever the data files hold, it succeeds or raises BriefingError.

Random Python structures are dumped with yaml.safe_dump into a copy of the fictional corpus
(tests/fixtures/fictional-pair), either in place of a whole file or spliced into its content
at a random spot, and
random text is fed to load_yaml. Any exception other than BriefingError is a bug: it
would reach the editor as a traceback instead of ``path:line:col: message``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FICTIONAL_DATA, Project, _load_yaml_reusing_identical_files, copy_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import summit_briefings.model.load
from summit_briefings.evidence.quotes import evaluate_formula
from summit_briefings.evidence.verify import verify_citations
from summit_briefings.model.load import YamlDocument, load_yaml
from summit_briefings.model.problems import BriefingError
from summit_briefings.model.schema import Source
from summit_briefings.model.validate import read_source_text, validate

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
# The summit whose year is worked out from a month (latest_before).
SUMMIT = "data/summits/2031-11-korvel.yaml"
TARGETS = ["data/people.yaml", "data/sources.yaml", "data/topics.yaml",
           "data/milestones.yaml", "data/trade.yaml", SUMMIT]

# Field names of the schema, so random mappings often get past "unknown field".
FIELDS = ["id", "name", "file", "title", "cite", "source", "quote", "date", "value", "basis",
          "reasoning", "place", "country", "city", "occasion", "kind", "text", "participants",
          "person", "role", "outcomes", "topic", "by", "figure", "amount", "unit", "year",
          "figures", "targets", "summit", "stated_by", "derived", "formula", "uses", "native",
          "ascii", "roles", "as_of", "sha256", "description", "deadline", "horizon", "restated",
          "qualifier", "outcome"]
# Values the checker has rules about: ids that exist, dates real and impossible, paths.
SPECIAL = ["ana-brenic", "nordwire-2031-port-arlen", "transport", "2031-04-10-port-arlen",
           "XN", "XS",
           "stated", "inferred", "billion", "agreement", "agreed", "2023-02-30", "2023-13-01",
           "2024",
           "2031-11", "../x.txt", "/etc/hostname", "nordwire-2031-04-10-port-arlen.txt",
           "1 / 0", "10 ** 10 ** 10", "(-8) ** (1 / 3)", "during an official visit by Dorn",
           "0" * 64, "", " ", "~", "null"]

scalars = (st.none() | st.booleans() | st.integers() | st.floats()
           | st.text(max_size=30) | st.sampled_from(SPECIAL))
keys = st.sampled_from(FIELDS) | st.text(max_size=12)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(keys, children, max_size=5),
    max_leaves=25,
)


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """A copy of the fictional corpus, parsed files reused between examples.

    Hypothesis runs many examples per test, so the fixture is module-scoped: each example
    rewrites one file and puts it back.
    """
    project = copy_data(tmp_path_factory.mktemp("fuzz"), FICTIONAL_DATA)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(summit_briefings.model.load, "load_yaml", _load_yaml_reusing_identical_files)
        assert project.problems() == [], "the copy must pass before fuzzing it"
        yield project


def check(project: Project, path: str, content: str | bytes) -> None:
    """Write content into one file, run validate + verify, put the file back."""
    original = project.path(path).read_bytes()
    project.write(path, content)
    try:
        verify_citations(validate(project.root))
    except BriefingError as exc:
        assert exc.problems, "a BriefingError must carry at least one problem"
        for problem in exc.problems:
            assert problem.line >= 1 and problem.col >= 1
            assert str(problem).startswith(f"{problem.path}:{problem.line}:{problem.col}: ")
    finally:
        project.write(path, original)


def dump(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)


@SETTINGS
@given(target=st.sampled_from(TARGETS), value=values)
def test_random_structure_as_a_whole_data_file_never_crashes(fuzz_project: Project,
                                                             target: str, value: Any):
    check(fuzz_project, target, dump(value))


def _containers(value: Any, loc: tuple = ()) -> Iterator[tuple[Any, tuple]]:
    """Every list and dict inside a value, with its location."""
    if isinstance(value, dict | list):
        yield value, loc
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            yield from _containers(item, (*loc, key))


@SETTINGS
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_random_value_spliced_into_a_data_file_never_crashes(fuzz_project: Project,
                                                           target: str, data: st.DataObject):
    real = yaml.safe_load(fuzz_project.read(target))
    document = copy.deepcopy(real)
    containers = list(_containers(document))
    container, _ = data.draw(st.sampled_from(containers), label="container")
    action = data.draw(st.sampled_from(["replace", "delete", "add"]), label="action")
    if isinstance(container, dict):
        key = data.draw(st.sampled_from(sorted(container)) if container and action != "add"
                        else keys, label="key")
    else:
        key = data.draw(st.integers(0, max(len(container) - 1, 0)), label="index")
    if action == "delete" and container:
        del container[key]
    elif isinstance(container, list) and action == "add":
        container.insert(key, data.draw(values, label="new item"))
    elif container or isinstance(container, dict):
        container[key] = data.draw(values, label="new value")
    check(fuzz_project, target, dump(document))


YAML_TEXT = st.text(alphabet=st.sampled_from(list("-:[]{}&*!|>'\"%@`#,?~ \n\t\r\\ab01.éẫ\ufeff"))
                    | st.characters(), max_size=80)


@SETTINGS
@given(text=YAML_TEXT)
def test_random_text_given_to_load_yaml_never_crashes(tmp_path_factory: pytest.TempPathFactory,
                                                      text: str):
    folder = tmp_path_factory.getbasetemp() / "fuzz-text"
    folder.mkdir(exist_ok=True)
    path = folder / "x.yaml"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    try:
        load_yaml(path, folder)
    except BriefingError as exc:
        assert all(p.path == "x.yaml" and p.line >= 1 for p in exc.problems)


@SETTINGS
@given(raw=st.binary(max_size=60))
def test_random_bytes_given_to_load_yaml_never_crash(tmp_path_factory: pytest.TempPathFactory,
                                                      raw: bytes):
    folder: Path = tmp_path_factory.getbasetemp() / "fuzz-bytes"
    folder.mkdir(exist_ok=True)
    path = folder / "x.yaml"
    path.write_bytes(raw)
    try:
        load_yaml(path, folder)
    except BriefingError:
        pass


# Plain scalars YAML itself reads as something other than a string, some of which Python
# cannot build (impossible dates, integers too long to convert), and keys that are not scalars.
TRICKY = ["2023-02-30", "2023-13-01", "2018-03-23", "2018-03-23T10:00:00+09:00", "0x1F", "0o17",
          "1_000", "190:20:30", ".inf", "-.nan", "9" * 5000, "1e999", "yes", "~", "!!binary eA==",
          "!!set {a}", "!!omap [a: 1]", "!!timestamp 2023-02-30", "!!int 1.5", "!!float x",
          "[a, {b: c}]", "{? [a]: b}", '"\\ud800"', "'it''s'", "|\n  block", "&a x", "*a"]
LINES = st.lists(st.tuples(st.sampled_from(["", "  ", "    ", "- ", "  - "]),
                           st.sampled_from(FIELDS + ["? [a, b]", "<<", "1", "null"]),
                           st.sampled_from(TRICKY) | st.text(max_size=10)),
                 min_size=1, max_size=8)


def _same_as_pyyaml(folder: Path, text: str) -> None:
    path = folder / "x.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        doc = load_yaml(path, folder)
    except BriefingError as exc:  # refused: duplicate keys, anchors, impossible values …
        assert all(p.path == "x.yaml" and p.line >= 1 for p in exc.problems)
        return
    if "nan" not in text.lower():  # NaN equals nothing, itself included
        assert doc.data == yaml.safe_load(text)


@SETTINGS
@given(lines=LINES)
def test_random_yaml_lines_are_read_as_pyyaml_reads_them_or_reported(
        tmp_path_factory: pytest.TempPathFactory, lines: list[tuple[str, str, str]]):
    folder = tmp_path_factory.getbasetemp() / "fuzz-lines"
    folder.mkdir(exist_ok=True)
    _same_as_pyyaml(folder, "".join(f"{indent}{key}: {value}\n" for indent, key, value in lines))


FORMULA_TOKENS = [*"0123456789.+-*/() e", "**", "10 ** 10 ** 10", "(-8)", "1e400", "True",
                  "x", "1 / 0", "(" * 120, "9" * 400, "1 / 3", "__import__('os')"]
FORMULA = st.lists(st.sampled_from(FORMULA_TOKENS), max_size=30).map("".join)


@SETTINGS
@given(formula=FORMULA | st.integers(50, 300).map(lambda n: "1" + " + 1" * n * 20))
def test_random_formula_gives_a_finite_number_or_a_value_error(formula: str):
    try:
        value = evaluate_formula(formula)
    except ValueError:
        return
    assert isinstance(value, float) and value == value and abs(value) != float("inf")


@SETTINGS
@given(file=st.text(max_size=40) | st.sampled_from(
    ["../people.yaml", "/etc/hostname", "a\x00b", "x" * 300, ".", "..", "./000_x.txt", ""]))
def test_random_source_file_name_is_read_or_reported(fuzz_project: Project, file: str):
    source = Source.model_construct(id="s", file=file, sha256="0" * 64)
    problems: list = []
    text = read_source_text(fuzz_project.root, source, YamlDocument("data/sources.yaml", None),
                            (0,), problems)
    assert text is not None or problems, "a source that cannot be read must be reported"


@SETTINGS
@given(value=values)
def test_load_yaml_reads_dumped_structures_as_pyyaml_does(
        tmp_path_factory: pytest.TempPathFactory, value: Any):
    folder = tmp_path_factory.getbasetemp() / "same-dumped"
    folder.mkdir(exist_ok=True)
    _same_as_pyyaml(folder, yaml.safe_dump(value, allow_unicode=True))
