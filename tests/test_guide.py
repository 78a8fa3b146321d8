"""Follow the "Adding a summit" guide on an article that is not one of the five sources.

The fixture article (tests/fixtures/new-article.txt) is fictional test input. The YAML this
test writes is copied out of the guide's own code blocks, so the guide cannot drift. The guide is
written for this site (its YAML names the live people, countries and topics), so it is followed
on a copy of the live data/; what the test asserts about that data is worked out from it and
from the guide's blocks (counts, the people the guide's summit names), never pinned.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import LIVE_DATA, copy_project, count_data

from summit_briefings.model.guides import editor_guides
from summit_briefings.model.problems import BriefingError

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guide" / "adding-a-summit.md"
ARTICLE = ROOT / "tests" / "fixtures" / "new-article.txt"


def guide_blocks() -> dict[str, str]:
    """The guide's YAML blocks, keyed by the comment on their first line."""
    blocks = re.findall(r"```yaml\n(# [^\n]+)\n(.*?)```", GUIDE.read_text(encoding="utf-8"),
                        flags=re.S)
    return {comment[2:]: body for comment, body in blocks}


def new_source_arguments() -> list[str]:
    """The guide's `make new-source FILE=… URL=… …` line as the command's own arguments."""
    line = re.search(r"^make new-source (.+)$", GUIDE.read_text(encoding="utf-8"), re.M)
    assert line, "the guide has no `make new-source` line"
    given = dict(word.split("=", 1) for word in shlex.split(line.group(1)))
    assert set(given) == {"FILE", "URL", "PUBLISHED", "PUBLISHER", "ID"}, given
    return [str(ROOT / given.pop("FILE")),
            *(part for key, value in given.items() for part in (f"--{key.lower()}", value))]


def run(*args: str, root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args, "--root", str(root)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def follow_step_one(project: Path) -> dict:
    """`make new-source` as the guide gives it; the draft it wrote."""
    added = run("scripts/new_source.py", *new_source_arguments(), root=project)
    assert added.returncode == 0, added.stderr
    return yaml.safe_load((project / "data/drafts/new-article.yaml").read_text("utf-8"))


def live_project_without_the_guides_article(target: Path) -> Path:
    """A copy of the live project, less anything of the guide's example that an editor who
    followed the guide added to data/: the test adds it again, as the guide says."""
    project = copy_project(target, LIVE_DATA).root
    data, blocks = project / "data", guide_blocks()
    arguments = new_source_arguments()
    source_id = arguments[arguments.index("--id") + 1]
    summit_id = yaml.safe_load(blocks["data/summits/2026-03-05-phone-call.yaml"])["id"]

    def without(entries: list[dict], block: str) -> list[dict]:
        added = {entry["id"] for entry in yaml.safe_load(blocks[block])}
        return [entry for entry in entries if entry["id"] not in added]

    def rewrite(name: str, change) -> None:
        path = data / name
        path.write_text(yaml.safe_dump(change(yaml.safe_load(path.read_text("utf-8"))),
                                       allow_unicode=True, sort_keys=False), "utf-8")

    sources = yaml.safe_load((data / "sources.yaml").read_text("utf-8"))
    for entry in sources:
        if entry["id"] == source_id:
            (data / "sources" / entry["file"]).unlink()
    rewrite("sources.yaml", lambda entries: [e for e in entries if e["id"] != source_id])
    rewrite("people.yaml", lambda entries: without(entries, "append to data/people.yaml"))
    rewrite("trade.yaml", lambda trade: {
        **trade, "figures": without(trade["figures"], "add under figures: in data/trade.yaml"),
        "targets": without(trade["targets"], "add under targets: in data/trade.yaml")})
    (data / "summits" / f"{summit_id}.yaml").unlink(missing_ok=True)
    for draft in (data / "drafts").glob("*.yaml") if (data / "drafts").is_dir() else ():
        draft.unlink()
    return project


def known_people_of_the_guide_summit(blocks: dict[str, str]) -> set[str]:
    """The people the guide's summit names who are already in data/people.yaml: those it
    does not ask the editor to append."""
    summit = yaml.safe_load(blocks["data/summits/2026-03-05-phone-call.yaml"])
    appended = {p["id"] for p in yaml.safe_load(blocks["append to data/people.yaml"])}
    return {p["person"] for p in summit["participants"]} - appended


def test_following_the_guide_publishes_a_phone_call_with_a_weekday_date(tmp_path: Path):
    project = live_project_without_the_guides_article(tmp_path / "project")
    before = count_data(project / "data")
    blocks = guide_blocks()
    known = known_people_of_the_guide_summit(blocks)
    assert known, "the guide's summit names no one already in data/people.yaml"
    draft = follow_step_one(project)
    found = {(c["kind"], c["value"]) for c in draft["candidates"]}
    assert {("money", "US$160 billion"), ("money", "$92.5 billion"),
            ("percent", "6.7 percent"), ("date", "Thursday"),
            ("count", "12 cooperation documents"), ("person", "Park Min-jun")} <= found
    people = {c.get("person") for c in draft["candidates"] if c["kind"] == "person"}
    assert known <= people  # matched, Phạm Minh Chính without his diacritics
    assert all(c["draft"] is True for c in draft["candidates"])

    sources = project / "data/sources.yaml"
    registered = sources.read_text("utf-8")
    assert "published_from: page" in registered and "EDIT ME" in registered
    checked = run("scripts/build.py", "--check", root=project)
    assert checked.returncode == 1 and "is a placeholder" in checked.stderr, checked.stderr

    entry = registered.index("- id: testwire-2026-phone-talks")
    sha = re.search(r"sha256: (\w+)", registered[entry:]).group(0)
    sources.write_text(registered[:entry] + blocks[
        "the entry make new-source added to data/sources.yaml, completed"] + f"  {sha}\n",
        encoding="utf-8")
    (project / "data/summits/2026-03-05-phone-call.yaml").write_text(
        blocks["data/summits/2026-03-05-phone-call.yaml"], encoding="utf-8")
    people_file = project / "data/people.yaml"
    people_file.write_text(people_file.read_text("utf-8") + "\n"
                           + blocks["append to data/people.yaml"], encoding="utf-8")
    trade_file = project / "data/trade.yaml"
    trade = yaml.safe_load(trade_file.read_text("utf-8"))
    trade["figures"] += yaml.safe_load(blocks["add under figures: in data/trade.yaml"])
    trade["targets"] += yaml.safe_load(blocks["add under targets: in data/trade.yaml"])
    trade_file.write_text(yaml.safe_dump(trade, allow_unicode=True), encoding="utf-8")

    checked = run("scripts/build.py", "--check", root=project)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith(f"{before['sources'] + 1} sources, "
                                     f"{before['summits'] + 1} summits, "
                                     f"{before['people'] + 1} people")
    assert "reminder: data/drafts/new-article.yaml" in checked.stdout

    (project / "data/drafts/new-article.yaml").unlink()
    out = tmp_path / "docs-out"
    built = run("scripts/build.py", "--out", str(out), root=project)
    assert built.returncode == 0, built.stderr
    assert "reminder" not in built.stdout
    summit = (out / "summits/2026-03-05-phone-call.md").read_text("utf-8")
    assert "- **When:** 5 March 2026" in summit and "- **How:** by phone" in summit
    assert "- **Who spoke:**" in summit and "Where:" not in summit
    assert "US$160 billion" in summit and "(../leaders/park-min-jun.md)" not in summit
    assert (out / "leaders/park-min-jun.md").is_file()
    for person in known:
        assert f"](../leaders/{person}.md)" in summit, person
        assert "2026-03-05-phone-call.md" in (out / f"leaders/{person}.md").read_text("utf-8")
    trade_page = (out / "trade-targets.md").read_text("utf-8")
    assert "US$92.5 billion" in trade_page and "US$160 billion" in trade_page
    assert "2026-03-05-phone-call" in (out / "index.md").read_text("utf-8")
    source = (out / "sources/new-article.md").read_text("utf-8")
    assert "- **Publisher:** Test Wire" in source
    assert "6 March 2026 (from the web page's date line)" in source
    assert 'href="https://news.example.com/2026/03/06/phone-talks"' in source


def test_a_draft_never_reaches_the_site(tmp_path: Path):
    project = live_project_without_the_guides_article(tmp_path / "project")
    assert run("scripts/new_source.py", str(ARTICLE), root=project).returncode == 0
    out = tmp_path / "out"
    # The placeholder title new-source wrote stops the build until an editor replaces it.
    assert run("scripts/build.py", "--out", str(out), root=project).returncode == 1
    sources = project / "data/sources.yaml"
    sources.write_text(re.sub(r"title: .*EDIT ME.*", "title: A fictional test article",
                              sources.read_text("utf-8")), encoding="utf-8")
    assert run("scripts/build.py", "--out", str(out), root=project).returncode == 0
    # The article itself is published verbatim on its source page; no fact drawn from it is.
    facts = "".join(p.read_text("utf-8") for p in out.rglob("*.md")
                    if not {"sources", "guide"} & set(p.parts))
    assert "Park Min-jun" not in facts and "US$160 billion" not in facts


@pytest.mark.parametrize(("page", "title"), [
    ("---\n# For editors: out of readers' search.\nsearch:\n  exclude: true\n---\n# Adding\n",
     "Adding"),                                 # a comment in the front matter is no heading
    ("# Exports\n\nText.\n", "Exports"),
    ("Text with no heading.\n", "no-heading"),  # the file's name
    (b"# Caf\xe9\n", None),                    # not UTF-8
])
def test_an_editor_guide_is_listed_by_its_first_heading_as_mkdocs_reads_the_page(
        tmp_path: Path, page: str | bytes, title: str | None):
    guide = tmp_path / "docs" / "guide" / "no-heading.md"
    guide.parent.mkdir(parents=True)
    guide.write_bytes(page if isinstance(page, bytes) else page.encode())
    if title is None:
        with pytest.raises(BriefingError, match=r"not valid UTF-8 \(byte 0xe9\)"):
            editor_guides(tmp_path)
    else:
        assert editor_guides(tmp_path) == {title: "guide/no-heading.md"}
