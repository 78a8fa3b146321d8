"""`mkdocs serve` parses again only the data files a save changed (load.ParsedFiles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summit_briefings.model.load import ParsedFiles
from summit_briefings.model.problems import BriefingError


def write(root: Path, text: str) -> Path:
    path = root / "data" / "topics.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_whose_bytes_did_not_change_is_not_parsed_again(tmp_path: Path):
    parsed = ParsedFiles()
    path = write(tmp_path, "- id: trade\n")
    first = parsed.load(path, tmp_path)
    parsed.next_build()
    assert parsed.load(path, tmp_path) is first


def test_a_changed_file_is_parsed_again(tmp_path: Path):
    parsed = ParsedFiles()
    path = write(tmp_path, "- id: trade\n")
    parsed.load(path, tmp_path)
    parsed.next_build()
    write(tmp_path, "- id: energy\n")
    assert parsed.load(path, tmp_path).data == [{"id": "energy"}]


def test_a_file_with_problems_is_reported_on_every_build(tmp_path: Path):
    parsed = ParsedFiles()
    path = write(tmp_path, "- id: [trade\n")
    for _ in range(2):
        with pytest.raises(BriefingError, match="data/topics.yaml:"):
            parsed.load(path, tmp_path)
        parsed.next_build()


def test_only_the_last_builds_files_are_kept(tmp_path: Path):
    parsed = ParsedFiles()
    path = write(tmp_path, "- id: trade\n")
    first = parsed.load(path, tmp_path)
    parsed.next_build()  # a build that did not read the file
    parsed.next_build()
    assert parsed.load(path, tmp_path) is not first


def test_changed_names_the_files_parsed_anew_and_those_no_longer_read(tmp_path: Path):
    parsed = ParsedFiles()
    topics = write(tmp_path, "- id: trade\n")
    people = tmp_path / "data" / "people.yaml"
    people.write_text("[]\n", encoding="utf-8")
    parsed.load(topics, tmp_path)
    parsed.load(people, tmp_path)
    assert parsed.changed() == {"data/topics.yaml", "data/people.yaml"}
    parsed.next_build()
    parsed.load(topics, tmp_path)
    parsed.load(people, tmp_path)
    assert parsed.changed() == set()
    parsed.next_build()
    write(tmp_path, "- id: energy\n")
    parsed.load(topics, tmp_path)
    assert parsed.changed() == {"data/topics.yaml", "data/people.yaml"}


def test_a_fork_reuses_the_files_parsed_and_keeps_what_it_parses_to_itself(tmp_path: Path):
    parsed = ParsedFiles()
    path = write(tmp_path, "- id: trade\n")
    first = parsed.load(path, tmp_path)
    fork = parsed.fork()
    fork.next_build()
    assert fork.load(path, tmp_path) is first
    write(tmp_path, "- id: energy\n")
    fork.next_build()
    fork.load(path, tmp_path)
    parsed.next_build()
    parsed.load(path, tmp_path)
    assert parsed.changed() == {"data/topics.yaml"}
