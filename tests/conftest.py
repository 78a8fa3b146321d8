"""Shared fixtures: the test corpora, projects made from them, and the commands that read them.

No test pins the live data/ (tests over it assert invariants only), so editing the live data
never needs a change here. The corpora:

- the fictional corpus, tests/fixtures/fictional-pair (``FICTIONAL_DATA``): invented countries
  and articles with every feature the pages have; ``fictional_project`` copies it into a whole
  site project, and the golden snapshots are its pages;
- corpora written inline: ``make_project(files={path: text}, base=None | FICTIONAL_DATA)``
  (``write_project``), as MkDocs' ``tempdir(files=…)``;
- the ``project`` fixture: a writable copy of the fictional corpus's data/, which the
  bad-input table breaks one way per case;
- the live data/ (``LIVE_DATA``), for tests that assert invariants only, and the article of
  tests/fixtures/added that ``add_article`` adds to it.

No copy of data/ is kept under tests/: adding, editing or removing a file in data/ needs no
change here.

``COMMANDS`` lists every command line that reads data/ and must refuse bad input cleanly (exit
status 1, ``path:line:col: message`` on stderr, no traceback): ``run_in_process`` runs its
``summit-briefings`` form in process (``run_cli``), ``run_command`` as a user types it.
``shared_folder`` makes a site once per run for every pytest-xdist worker (``live_site``,
``initialised_fictional_site``, the hostile-values site, and the browser suite's fictional,
offline and synthetic sites); ``shared_result`` so keeps a value (the browser suite's
printouts).
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import functools
import hashlib
import io
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
LIVE_DATA = REPO / "data"
ADDED = REPO / "tests" / "fixtures" / "added"
FICTIONAL_DATA = REPO / "tests" / "fixtures" / "fictional-pair" / "data"

import summit_briefings.contexts.archives  # noqa: E402
import summit_briefings.model.load  # noqa: E402
from summit_briefings.cli import console  # noqa: E402
from summit_briefings.contexts.refs import CitationRefs  # noqa: E402
from summit_briefings.evidence.verified import Evidence  # noqa: E402
from summit_briefings.model.corpus import Corpus  # noqa: E402
from summit_briefings.model.load import (  # noqa: E402
    MAX_YAML_BYTES,
    YamlDocument,
    load_yaml,
    parse_yaml,
)
from summit_briefings.model.problems import BriefingError, Problem, display_path  # noqa: E402
from summit_briefings.model.project_files import read_bounded  # noqa: E402
from summit_briefings.pipeline import checked_corpus  # noqa: E402


@dataclass(frozen=True)
class Command:
    """A command line that reads data/ and must refuse bad input cleanly, as argv templates
    run with the repository root as working directory. Placeholders: {python} the running
    interpreter, {root} the project copy holding data/, {out} an output folder beside it (not
    yet created) for commands that build pages.

    ``cli`` is the ``summit-briefings`` argv that does the same in process (``run_cli``);
    ``script`` the command line a user types (``run_command``). A command with no ``cli`` (the
    MkDocs build) only runs as a subprocess."""

    name: str
    script: tuple[str, ...]
    cli: tuple[str, ...] | None = None

    def argv(self, template: Sequence[str], root: Path, out: Path) -> list[str]:
        return [part.format(python=sys.executable, root=root, out=out) for part in template]


CHECK = Command("check", ("{python}", "scripts/build.py", "--check", "--root", "{root}"),
                ("check", "--root", "{root}"))
PAGES = Command("pages", ("{python}", "scripts/build.py", "--root", "{root}", "--out", "{out}"),
                ("pages", "--root", "{root}", "--out", "{out}"))
# The strict MkDocs build: it needs a whole project (copy_project), not only data/.
SITE_BUILD = Command("site", ("{python}", "scripts/site.py", "{out}", "--root", "{root}"))
COMMANDS: list[Command] = [CHECK, PAGES, SITE_BUILD]


def default_out(root: Path) -> Path:
    return root.parent / f"{root.name}-out"


def run_command(command: Command, root: Path | Project, out: Path | None = None,
                timeout: float = 300) -> tuple[int, str, str]:
    """Run a command line as a subprocess against a project folder:
    (exit status, stdout, stderr)."""
    root = Path(root)
    argv = command.argv(command.script, root, out or default_out(root))
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=timeout,
                          encoding="utf-8", errors="replace", check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return done.returncode, done.stdout, done.stderr


def run_cli(argv: Sequence[str], cwd: Path = REPO) -> tuple[int, str, str]:
    """Run ``summit-briefings argv`` in process, from ``cwd``: (exit status, stdout, stderr).

    The command's own ``sys.exit`` gives the status; any other exception is not caught, so a
    traceback a user would see fails the test with that traceback."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            console(list(argv))
        except SystemExit as done:
            status = done.code
        else:
            raise AssertionError("summit-briefings returned without an exit status")
    return status if isinstance(status, int) else 1, out.getvalue(), err.getvalue()


def run_in_process(command: Command, root: Path | Project,
                   out: Path | None = None) -> tuple[int, str, str]:
    """A command's ``summit-briefings`` equivalent, in process (``run_cli``)."""
    assert command.cli is not None, f"{command.name} runs only as a subprocess"
    root = Path(root)
    return run_cli(command.argv(command.cli, root, out or default_out(root)))


def run_check(root: Path | Project) -> tuple[int, str, str]:
    """``summit-briefings check --root <root>``, in process."""
    return run_in_process(CHECK, root)


class Project:
    """A copy of the project's data/ under a temporary folder, with editing helpers."""

    def __init__(self, root: Path):
        self.root = root
        self.data = root / "data"

    def __fspath__(self) -> str:
        return str(self.root)

    def __truediv__(self, rel: str) -> Path:
        return self.root / rel

    def path(self, rel: str) -> Path:
        """A path relative to the project root, e.g. 'data/people.yaml'."""
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str | bytes) -> None:
        target = self.path(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str, count: int = 1) -> None:
        """Replace text that must occur exactly ``count`` times (guards against data drift)."""
        text = self.read(rel)
        found = text.count(old)
        assert found == count, f"expected {count} of {old!r} in {rel}, found {found}"
        self.write(rel, text.replace(old, new))

    def line_of(self, rel: str, needle: str, nth: int = 1) -> int:
        """1-based line of the nth occurrence of ``needle`` in a file."""
        text = self.path(rel).read_bytes().decode("utf-8", errors="replace")
        at = -1
        for _ in range(nth):
            at = text.find(needle, at + 1)
            assert at >= 0, f"{needle!r} occurs fewer than {nth} times in {rel}"
        return text.count("\n", 0, at) + 1

    def col_of(self, rel: str, needle: str) -> int:
        """1-based column of the first occurrence of ``needle`` in a file."""
        text = self.read(rel)
        at = text.find(needle)
        assert at >= 0, f"{needle!r} not in {rel}"
        return at - (text.rfind("\n", 0, at) + 1) + 1

    def problems(self) -> list[Problem]:
        """Run validate + verify in process, as `make check` does; the problems found (empty
        when all is well)."""
        try:
            checked_corpus(self.root)
        except BriefingError as exc:
            return exc.problems
        return []


def copy_data(target: Path, data: Path = FICTIONAL_DATA) -> Project:
    """Copy a data/ folder (the fictional corpus unless told) into ``target``; the copies are
    writable even where originals are read-only."""
    shutil.copytree(data, target / "data", copy_function=shutil.copyfile)
    return Project(target)


def copy_site_files(target: Path) -> None:
    """The repository's templates/, docs/ (without the README's screenshots), overrides/,
    mkdocs.yml and mkdocs-offline.yml, into a project folder."""
    for part in ("templates", "docs", "overrides"):
        shutil.copytree(REPO / part, target / part, copy_function=shutil.copyfile,
                        ignore=shutil.ignore_patterns("screenshots"))
    for config in ("mkdocs.yml", "mkdocs-offline.yml"):
        shutil.copyfile(REPO / config, target / config)


def copy_project(target: Path, data: Path = FICTIONAL_DATA) -> Project:
    """A whole site project in ``target``: a data/ folder (the fictional corpus unless told)
    with the repository's site files (``copy_site_files``), ready for ``build_site``,
    scripts/build.py, scripts/site.py or ``mkdocs serve``."""
    project = copy_data(target, data)
    copy_site_files(target)
    return project


def add_article(project: Project) -> str:
    """Add the fictional article of tests/fixtures/added (its source, two people, a summit
    under the first topic the data defines) to a project as an editor would; the summit id."""
    article = (ADDED / "article.txt").read_bytes()
    source = (ADDED / "source.yaml").read_text(encoding="utf-8")
    stored = yaml.safe_load(source)[0]["file"]
    project.write(f"data/sources/{stored}", article)
    project.write("data/sources.yaml", project.read("data/sources.yaml").rstrip("\n") + "\n\n"
                  + source.replace("SHA256", hashlib.sha256(article).hexdigest()))
    project.write("data/people.yaml", project.read("data/people.yaml").rstrip("\n") + "\n"
                  + (ADDED / "people.yaml").read_text(encoding="utf-8"))
    topic = yaml.safe_load(project.read("data/topics.yaml"))[0]["id"]
    summit = yaml.safe_load((ADDED / "summit.yaml").read_text(encoding="utf-8"))
    project.write(f"data/summits/{summit['id']}.yaml", (ADDED / "summit.yaml").read_text(
        encoding="utf-8").replace("topic: TOPIC", f"topic: {topic}"))
    return summit["id"]


def shared_folder(tmp_path_factory: pytest.TempPathFactory, name: str,
                  make: Callable[[Path], None]) -> Path:
    """A folder made once per test run and shared by every pytest-xdist worker: the first
    worker to ask makes it (``make(folder)``) under a file lock, the others wait for the lock
    and reuse it. Tests only read it. A ``make`` that fails leaves nothing, and the next to
    ask tries again (and fails as it did)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    folder, done = base / f"shared-{name}", base / f"shared-{name}.done"
    with (base / f"shared-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            done.touch()
    return folder


T = TypeVar("T")


def shared_result(tmp_path_factory: pytest.TempPathFactory, name: str,
                  work_out: Callable[[], T]) -> T:
    """A value worked out once per test run for every pytest-xdist worker (``shared_folder``,
    kept pickled): printouts several tests read, which each worker running one of those tests
    would otherwise make again."""
    def make(folder: Path) -> None:
        folder.mkdir(parents=True)
        (folder / "value.pickle").write_bytes(pickle.dumps(work_out()))
    return pickle.loads((shared_folder(tmp_path_factory, name, make) / "value.pickle")
                        .read_bytes())


def folder_files(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by its path from the folder, with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def site_build(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """``scripts/site.py`` (the strict build of ``make site``) of a project into ``site``."""
    return subprocess.run([sys.executable, "scripts/site.py", str(site), "--root", str(root)],
                          cwd=REPO, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@dataclass(frozen=True)
class BuiltSite:
    root: Path  # the project built: data/, templates/, docs/, mkdocs.yml
    site: Path
    log: str  # what the build printed
    added: str | None = None  # the id of a summit added to the live data, if any


def build_live_site(folder: Path) -> BuiltSite:
    """A copy of the live project (data/ as it is), built with ``site_build``."""
    project = copy_project(folder / "project", LIVE_DATA)
    result = site_build(project.root, folder / "site")
    assert result.returncode == 0, result.stderr
    return BuiltSite(project.root, folder / "site", result.stderr + result.stdout)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The live data's site, built once per test run for every module and worker that
    reads it (tests/test_site_build.py, tests/test_reproducible.py)."""
    log = "build.log"
    folder = shared_folder(tmp_path_factory, "live-site", lambda folder: (
        folder / log).write_text(build_live_site(folder).log, encoding="utf-8"))
    return BuiltSite(folder / "project", folder / "site",
                     (folder / log).read_text(encoding="utf-8"))


def init(folder: Path) -> int:
    """`summit-briefings init FOLDER`, in process; its exit status."""
    with pytest.raises(SystemExit) as done:
        console(["init", str(folder)])
    return done.value.code


def initialised_project(target: Path, data: Path = FICTIONAL_DATA) -> Path:
    """A site project as `summit-briefings init` writes it, with ``data``'s data/ in place of
    the empty one: nothing of the repository's own site (its guide, its mkdocs.yml) in it."""
    assert init(target) == 0
    shutil.rmtree(target / "data")
    shutil.copytree(data, target / "data")
    return target


def mkdocs_build(project: Path) -> Path:
    """`mkdocs build --strict` in the project folder, as a user runs it, into its site/."""
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                           capture_output=True, text=True, timeout=600,
                           env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert built.returncode == 0, built.stderr
    return project / "site"


@pytest.fixture(scope="session")
def initialised_fictional_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fictional corpus's site from `init` (``initialised_project``), built once per test
    run for every worker (tests/test_fictional_pair.py, tests/test_hostile_values.py)."""
    return shared_folder(tmp_path_factory, "initialised-fictional",
                         lambda folder: mkdocs_build(initialised_project(folder))) / "site"


@pytest.fixture(scope="session")
def fictional() -> tuple[Corpus, Evidence]:
    """The fictional corpus validated and verified, for tests that call context builders
    directly (a module that needs the corpus as a project defines its own ``fictional``)."""
    return checked_corpus(FICTIONAL_DATA.parent)


@pytest.fixture
def newest_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bounded pages show the newest summit alone (archives.NEWEST_IN_FULL): with the
    fictional corpus, 2032 is the year shown and 2031 an archive year."""
    monkeypatch.setattr(summit_briefings.contexts.archives, "NEWEST_IN_FULL", 1)


def fictional_project(target: Path) -> Project:
    """The fictional corpus (tests/fixtures/fictional-pair: one summit of two invented
    countries) as a whole site project, ready for MkDocs: the smallest corpus with a page of
    every kind."""
    return copy_project(target, FICTIONAL_DATA)


# Written in place of a source's sha256 in an inline corpus: make_project fills in its hash.
AUTO_SHA256 = "sha256: auto"


def write_project(target: Path, files: Mapping[str, str | bytes], base: Path | None = None,
                  whole_site: bool = False) -> Project:
    """A project in ``target`` from files written inline, as MkDocs' ``tempdir(files=…)``
    does: paths relative to the project root (``data/people.yaml``) and their text.

    ``base`` is a data/ folder copied first, which the files then add to or replace (None: data/
    holds only the files given); ``whole_site`` copies the templates, docs and MkDocs
    configuration too (``copy_project``). In data/sources.yaml, ``sha256: auto`` stands for the
    hash of that entry's file, which the helper works out."""
    if base is None:
        (target / "data").mkdir(parents=True)
        project = Project(target)
    else:
        project = copy_data(target, base)
    if whole_site:
        copy_site_files(target)
    for rel, text in files.items():
        project.write(rel, text)
    sources = "data/sources.yaml"
    if AUTO_SHA256 in files.get(sources, ""):
        text = project.read(sources)
        for entry in yaml.safe_load(text):
            if entry.get("sha256") == "auto":
                digest = hashlib.sha256(
                    project.path(f"data/sources/{entry['file']}").read_bytes()).hexdigest()
                text = text.replace(AUTO_SHA256, f"sha256: {digest}", 1)
        project.write(sources, text)
    return project


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Project]:
    """``make_project(files={path: text}, base=FICTIONAL_DATA, whole_site=False)``: a project
    under tmp_path written inline (``write_project``); call it more than once for more
    projects."""
    made = 0

    def make(files: Mapping[str, str | bytes] | None = None, base: Path | None = None,
             whole_site: bool = False) -> Project:
        nonlocal made
        made += 1
        return write_project(tmp_path / f"project-{made}", files or {}, base, whole_site)
    return make


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A writable copy of the fictional corpus's data/ under tmp_path; break it freely."""
    return copy_data(tmp_path / "project")


# Parsing YAML is most of what validate() costs, and most in-process tests change one file of
# an otherwise identical copy. Parsed documents are therefore reused for byte-identical files
# at the same project-relative path, as `mkdocs serve` reuses them between rebuilds
# (load.ParsedFiles), but across projects: parse_yaml is a pure function of those two, and
# validate() never mutates a document. Problems raise, and are never kept.
_parse_once = functools.lru_cache(maxsize=2000)(parse_yaml)


def _load_yaml_reusing_identical_files(path: Path, root: Path) -> YamlDocument:
    try:  # bounded, as load_yaml reads: a case links a data file to /dev/zero
        raw = read_bounded(path, root, MAX_YAML_BYTES, "a data file")
    except BriefingError:
        return load_yaml(path, root)
    return _parse_once(raw, display_path(path, root))


@pytest.fixture
def reuse_parsed_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process validate() calls skip re-parsing files identical to ones already parsed.

    Opt in per module with ``pytestmark = pytest.mark.usefixtures("reuse_parsed_yaml")``.
    """
    monkeypatch.setattr(summit_briefings.model.load, "load_yaml",
                        _load_yaml_reusing_identical_files)


def _mappings(value: object):
    """Every mapping inside a YAML value, outermost first."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _mappings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _mappings(item)


def count_data(data: Path) -> dict[str, int]:
    """Count what the checker's summary reports, straight from the YAML.

    Mirrors facts.py: facts and citations come from people, milestones, trade and the
    summits; a fact is a model with a ``cite`` list (a person's own is their names, as
    written); every entry of every ``cite`` list is one citation.
    """
    def load(path: Path) -> object:
        return yaml.safe_load(path.read_text(encoding="utf-8"))

    people = load(data / "people.yaml")
    documents = [people]
    documents += [load(data / name) for name in ("milestones.yaml", "trade.yaml")]
    documents += [load(path) for path in sorted((data / "summits").glob("*.yaml"))]
    facts = citations = 0
    for document in documents:
        entries = document if isinstance(document, list) else [document]
        for entry in entries:
            for mapping in _mappings(entry):
                cite = mapping.get("cite")
                if not isinstance(cite, list):
                    continue
                citations += len(cite)
                facts += 1
    return {"sources": len(load(data / "sources.yaml")),
            "summits": len(list((data / "summits").glob("*.yaml"))),
            "people": len(people), "facts": facts, "citations": citations}


def cited_keys(value: object) -> set[str]:
    """Every citation a context holds, wherever it sits."""
    if isinstance(value, CitationRefs):
        return set(value.keys)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return set().union(*(cited_keys(getattr(value, f.name))
                             for f in dataclasses.fields(value)))
    if isinstance(value, tuple | list):
        return set().union(*map(cited_keys, value))
    return set()
