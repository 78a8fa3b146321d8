"""Bad input must fail cleanly: exit status 1, ``path:line:`` and a clear message, no traceback.

Every case breaks a fresh copy of the fixture corpus (tests/fixtures/site/data) in one way,
either with a mutation function or by dropping in a file from tests/bad_inputs/. Each case is
checked in process (validate + verify); each case in COMMAND_CASES (one a category) also runs
under the ``summit-briefings`` commands in process, and once as a subprocess under one of the
command lines of ``conftest.COMMANDS``. Expected lines are given as a number or
as a piece of text whose line (in the broken file) is meant, so cases survive edits to the
fixture; so are expected columns, where a case pins one. A case with ``nothing_else`` pins that
its expected problems are all that is reported: nothing cascades from the break.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from conftest import (
    COMMANDS,
    FIXTURE_DATA,
    PAGES,
    REPO,
    SITE_BUILD,
    Command,
    Project,
    add_article,
    copy_data,
    copy_project,
    run_command,
    run_in_process,
)

from summit_briefings.model.problems import Problem

BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"
HANOI = "data/summits/2018-03-23-hanoi.yaml"
DANANG = "data/summits/2017-11-danang.yaml"
LIMA = "data/summits/2024-lima.yaml"
SEOUL, GYEONGJU = "data/summits/2025-08-seoul.yaml", "data/summits/2025-10-30-gyeongju.yaml"
VIETNAM_2023 = "data/summits/2023-06-23-vietnam.yaml"
HEDGES = "data/hedges.yaml"
PEOPLE, SOURCES, TOPICS = "data/people.yaml", "data/sources.yaml", "data/topics.yaml"
TRADE, MILESTONES = "data/trade.yaml", "data/milestones.yaml"
SITE = "data/site.yaml"


@dataclass(frozen=True)
class Expect:
    """One problem the checker must report: file, line (a number, or text on that line;
    ``(text, n)`` for its nth occurrence), a fragment of the message (or several, all in the
    one message) and, optionally, the column (a number, or text on that line it starts at)."""

    path: str
    line: int | str | tuple[str, int]
    fragment: str | tuple[str, ...]
    col: int | str | None = None

    def line_number(self, project: Project) -> int:
        if isinstance(self.line, int):
            return self.line
        needle, nth = self.line if isinstance(self.line, tuple) else (self.line, 1)
        return project.line_of(self.path, needle, nth)

    def col_number(self, project: Project, line: int) -> int | None:
        if self.col is None or isinstance(self.col, int):
            return self.col
        text = project.path(self.path).read_bytes().decode("utf-8", errors="replace")
        at = text.split("\n")[line - 1].find(self.col)
        assert at >= 0, f"{self.col!r} is not on line {line} of {self.path}"
        return at + 1

    def fragments(self) -> tuple[str, ...]:
        return (self.fragment,) if isinstance(self.fragment, str) else self.fragment

    def matches(self, problem: Problem, line: int, col: int | None) -> bool:
        return (problem.path == self.path and problem.line == line
                and col in (None, problem.col)
                and all(fragment in problem.message for fragment in self.fragments()))


@dataclass(frozen=True)
class Case:
    name: str
    category: str
    expect: Expect
    mutate: Callable[[Project], None] | None = None
    files: dict[str, str] = field(default_factory=dict)  # data path -> file in bad_inputs/
    also: tuple[Expect, ...] = ()
    nothing_else: bool = False  # the problems expected are all that is reported

    @property
    def expects(self) -> tuple[Expect, ...]:
        return (self.expect, *self.also)

    def apply(self, project: Project) -> None:
        for target, name in self.files.items():
            shutil.copyfile(BAD_INPUTS / name, project.path(target))
        if self.mutate:
            self.mutate(project)


# --- mutation helpers -------------------------------------------------------------------

def edit(path: str, old: str, new: str, count: int = 1) -> Callable[[Project], None]:
    return lambda project: project.replace(path, old, new, count)


def write(path: str, content: str | bytes) -> Callable[[Project], None]:
    return lambda project: project.write(path, content)


def source_file(source_id: str) -> str:
    sources = yaml.safe_load((FIXTURE_DATA.parent / SOURCES).read_text(encoding="utf-8"))
    return next(s["file"] for s in sources if s["id"] == source_id)


SEOUL_FILE = source_file("menafn-2025-seoul")
REPORT_FILE = source_file("report-2023-vietnam")
# The Seoul source with the case of its first letter flipped: one byte changed.
SEOUL_CHANGED = bytes(byte ^ 0x20 if i == 0 else byte for i, byte in enumerate(
    (FIXTURE_DATA / "sources" / SEOUL_FILE).read_bytes()))


def fixture_line(path: str, needle: str) -> int:
    """The line of the first ``needle`` in a file of the unbroken fixture corpus."""
    text = (FIXTURE_DATA.parent / path).read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


def set_source_bytes(raw: bytes) -> Callable[[Project], None]:
    """New bytes for the Seoul source, with its sha256 updated: only the content is wrong."""
    def mutate(project: Project) -> None:
        path = f"data/sources/{SEOUL_FILE}"
        old = hashlib.sha256(project.path(path).read_bytes()).hexdigest()
        project.write(path, raw)
        project.replace(SOURCES, old, hashlib.sha256(raw).hexdigest())
    return mutate


def symlink_source_outside(project: Project) -> None:
    link = project.path(f"data/sources/{SEOUL_FILE}")
    outside = project.root / "outside.txt"
    outside.write_bytes(link.read_bytes())
    link.unlink()
    link.symlink_to(outside)


def duplicate_entry(path: str, first: str, until: str) -> Callable[[Project], None]:
    """Append a copy of the entry starting at ``first`` (up to ``until``) to a list file."""
    def mutate(project: Project) -> None:
        text = project.read(path)
        entry = text[text.index(first):text.index(until)]
        project.write(path, text.rstrip("\n") + "\n" + entry)
    return mutate


HANOI_22 = "data/summits/2018-03-22-hanoi.yaml"


def redate_hanoi_to_the_22nd(project: Project) -> None:
    """Move the Hanoi summit a day earlier (date, id, file name, trade's reference): its
    quotes still say March 23."""
    project.replace(HANOI, "  value: 2018-03-23\n", "  value: 2018-03-22\n")
    project.replace(HANOI, "id: 2018-03-23-hanoi", "id: 2018-03-22-hanoi")
    project.path(HANOI).rename(project.path(HANOI_22))
    project.replace(TRADE, "summit: 2018-03-23-hanoi", "summit: 2018-03-22-hanoi")


def copy_summit(project: Project) -> None:
    project.write("data/summits/2018-03-23-hanoi2.yaml", project.read(HANOI))


def drop_reasoning(project: Project) -> None:
    text = project.read(DANANG)
    start = text.index("  reasoning: >-")
    project.write(DANANG, text[:start] + text[text.index("  cite:", start):])


def huge_people_file(project: Project) -> None:
    padding = "# " + "x" * 98 + "\n"
    project.write(PEOPLE, project.read(PEOPLE) + padding * 21_000)


def non_utf8_topics(project: Project) -> None:
    text = project.read(TOPICS).replace("name: Korean Peninsula", "name: Korean Pen\x00insula")
    project.write(TOPICS, text.encode("utf-8").replace(b"\x00", b"\xe9"))


def set_first(path: str, key: str, value: str) -> Callable[[Project], None]:
    """Make the first ``key:`` line of a file (at any indent) hold ``value`` (YAML text)."""
    def mutate(project: Project) -> None:
        text = re.sub(rf"^(\s*(?:- )?{key}): .*$", lambda m: f"{m.group(1)}: {value}",
                      project.read(path), count=1, flags=re.M)
        project.write(path, text)
    return mutate


def link_folder_outside(name: str) -> Callable[[Project], None]:
    def mutate(project: Project) -> None:
        folder = project.path(f"data/{name}")
        outside = project.root / f"outside-{name}"
        folder.rename(outside)
        folder.symlink_to(outside, target_is_directory=True)
    return mutate


def link_to(path: str, target: str) -> Callable[[Project], None]:
    """Replace a project file (or make a new one) with a symlink to ``target``."""
    def mutate(project: Project) -> None:
        link = project.path(path)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.unlink(missing_ok=True)
        link.symlink_to(target)
    return mutate


def link_outside(path: str, content: str) -> Callable[[Project], None]:
    """A symlink in place of a project file, to a file outside the project holding ``content``."""
    def mutate(project: Project) -> None:
        outside = project.root.parent / f"{project.root.name}-outside.yaml"
        outside.write_text(content, encoding="utf-8")
        link_to(path, str(outside))(project)
    return mutate


def link_docs_folder_outside(project: Project) -> None:
    """docs/assets/ holds its files, but is reached through a symlinked folder outside."""
    outside = project.root.parent / f"{project.root.name}-assets"
    outside.mkdir()
    (outside / "style.css").write_text("body {}\n", encoding="utf-8")
    link = project.path("docs")
    link.mkdir(exist_ok=True)
    (link / "assets").symlink_to(outside, target_is_directory=True)


def fifo(path: str) -> Callable[[Project], None]:
    def mutate(project: Project) -> None:
        pipe = project.path(path)
        pipe.parent.mkdir(parents=True, exist_ok=True)
        pipe.unlink(missing_ok=True)
        os.mkfifo(pipe)
    return mutate


def append(path: str, text: str) -> Callable[[Project], None]:
    return lambda project: project.write(path, project.read(path) + text)


def remove(path: str) -> Callable[[Project], None]:
    return lambda project: project.path(path).unlink()


TEXT_1992 = "Vietnam and South Korea established diplomatic relations in December 1992"
QUOTE_1992 = f"quote: {TEXT_1992}"

# A call dated by its weekday: the Seoul article says "on Monday". Its page date is made up
# here (test input only), so that the check has a page date to count back from.
CALL = "data/summits/{value}-phone-call.yaml"
CALL_SUMMIT = """id: {value}-phone-call
title: Lee Jae Myung and Tô Lâm by phone
mode: phone call
date:
  value: {value}
  basis: inferred
{clue}  reasoning: The article says the leaders met on Monday.
  cite:
    - source: menafn-2025-seoul
      quote: South Korean President Lee Jae Myung on Monday reaffirmed
occasion:
  kind: talks
  text: Talks between the two leaders.
  cite:
    - source: menafn-2025-seoul
      quote: a high-profile summit with Vietnam’s leader To Lam in Seoul
participants:
  - person: lee-jae-myung
    role: President
    cite:
      - source: menafn-2025-seoul
        quote: South Korean President Lee Jae Myung on Monday reaffirmed
  - person: to-lam
    role: leader
    cite:
      - source: menafn-2025-seoul
        quote: a high-profile summit with Vietnam’s leader To Lam in Seoul
"""


def call_on(value: str, weekday: str = "Monday",
            published: str | None = "2025-08-12") -> Callable[[Project], None]:
    def mutate(project: Project) -> None:
        project.write(CALL.format(value=value),
                      CALL_SUMMIT.format(value=value, clue=f"  weekday: {weekday}\n"))
        if published:
            project.replace(SOURCES, "  outlet: MENAFN\n",
                            f"  outlet: MENAFN\n  published: {published}\n"
                            "  published_from: page\n")
    return mutate


def undated_call(value: str) -> Callable[[Project], None]:
    """The same call on an article that gives no date, and no weekday to work one out from:
    how a new user dated a real article before dates were checked (issue #27, finding 11)."""
    return write(CALL.format(value=value), CALL_SUMMIT.format(value=value, clue=""))


DANANG_16 = "data/summits/2016-11-danang.yaml"


def redate_danang_to_2016(project: Project) -> None:
    """Move the Danang meeting a year earlier (date, id, file name): the November its
    'latest_before' works out stays November 2017."""
    project.replace(DANANG, "  value: 2017-11\n", "  value: 2016-11\n")
    project.replace(DANANG, "id: 2017-11-danang", "id: 2016-11-danang")
    project.path(DANANG).rename(project.path(DANANG_16))


# The date's clues to its year in the fixture: Gyeongju's quotes giving 2025, and the Hanoi
# summit's date that Danang counts back from.
GYEONGJU_YEAR_QUOTES = """    - source: vna-2025-gyeongju
      quote: the State visit to the RoK by General Secretary To Lam in August 2025
    - source: vna-2025-gyeongju
      quote: congratulated the RoK on successfully organizing the APEC Economic Leaders’ Week 2025
place:"""
SEOUL_MONTH_QUOTE = """    - source: vna-2025-gyeongju
      quote: the State visit to the RoK by General Secretary To Lam in August 2025
place:"""
DANANG_ANCHOR_QUOTE = """    - source: yonhap-2018-hanoi
      quote: shake hands before the start of their bilateral summit in Hanoi on March 23, 2018.
place:"""


def added_then(path: str, old: str, new: str) -> Callable[[Project], None]:
    """Add the fictional article of tests/fixtures/added, then edit one of its files."""
    def mutate(project: Project) -> None:
        add_article(project)
        project.replace(path, old, new)
    return mutate


HUE = "data/summits/2031-05-20-hue.yaml"


CASES = [
    # broken YAML syntax
    Case("unclosed flow list in the topics, and no topic then reported unknown", "syntax",
         Expect(TOPICS, 5, "YAML syntax error:"), files={TOPICS: "unclosed_bracket.yaml"},
         nothing_else=True),
    Case("unclosed flow list in a summit, and no summit then reported unknown", "syntax",
         Expect(HANOI, 2, "YAML syntax error: expected ',' or ']'"),
         mutate=write(HANOI, "id: [2018-03-23-hanoi\n"), nothing_else=True),
    Case("mapping key indented wrongly", "syntax",
         Expect(HANOI, "  title:", "YAML syntax error: mapping values are not allowed here"),
         mutate=edit(HANOI, "\ntitle:", "\n  title:")),
    Case("tab used for indentation", "syntax",
         Expect(HANOI, "\tcity", "YAML syntax error: found character '\\t'"),
         mutate=edit(HANOI, "  city: Hanoi\n", "\tcity: Hanoi\n")),
    Case("unclosed double quote", "syntax",
         Expect(TOPICS, 8, "YAML syntax error: found unexpected end of stream (while "
                "scanning a quoted scalar from line 3:9)"),
         files={TOPICS: "unclosed_quote.yaml"}),
    Case("second YAML document", "syntax",
         Expect(MILESTONES, "---", "expected a single document in the stream, but found another"),
         mutate=lambda p: p.write(MILESTONES, p.read(MILESTONES) + "---\n- id: x\n"),
         nothing_else=True),
    # wrong types
    Case("amount is a word", "wrong type",
         Expect(TRADE, "amount: lots", "figures[0].amount: Input should be a valid number"),
         mutate=edit(TRADE, "    amount: 63.9\n", "    amount: lots\n")),
    Case("year has a fraction", "wrong type",
         Expect(TRADE, "year: 2017.5", "figures[0].year: Input should be a valid integer"),
         mutate=edit(TRADE, "    year: 2017\n", "    year: 2017.5\n")),
    Case("participants is a string", "wrong type",
         Expect(DANANG, "participants: moon", "participants: Input should be a valid list"),
         mutate=lambda p: p.write(DANANG, re.sub(r"participants:\n(  .*\n)+",
                                                 "participants: moon-jae-in\n", p.read(DANANG)))),
    Case("headline is not a boolean", "wrong type",
         Expect(HANOI, "headline: maybe", "outcomes[0].headline: Input should be a valid bool"),
         mutate=edit(HANOI, "    headline: true\n    text: Agreed to work together",
                     "    headline: maybe\n    text: Agreed to work together")),
    Case("country code not two capital letters, and no participant then reported unknown",
         "wrong type",
         Expect(PEOPLE, "country: Korea", "[0].country: String should match pattern"),
         mutate=edit(PEOPLE, "  country: KR\n", "  country: Korea\n", count=3),
         also=tuple(Expect(PEOPLE, ("country: Korea", nth), "].country: String should match "
                           "pattern '^[A-Z]{2}$': got 'Korea'") for nth in (2, 3)),
         nothing_else=True),
    Case("currency not a three-letter code, and no country then reported unknown", "wrong type",
         Expect(SITE, "currency: dollars", "currency: String should match pattern"),
         mutate=edit(SITE, "currency: USD", "currency: dollars"), nothing_else=True),
    Case("id that is not lower-case words joined by hyphens", "wrong type",
         Expect(TOPICS, "Diplomacy Ties",
                "got 'Diplomacy Ties'; ids are lower-case words joined by hyphens"),
         mutate=edit(TOPICS, "- id: diplomacy\n", "- id: Diplomacy Ties\n")),
    Case("cite is a mapping", "wrong type",
         Expect(MILESTONES, ("source: report-2023-vietnam", 1),
                "[0].cite: Input should be a valid list"),
         mutate=edit(MILESTONES, "  cite:\n    - source: report-2023-vietnam\n      "
                     + QUOTE_1992, "  cite:\n    source: report-2023-vietnam\n    "
                     + QUOTE_1992)),
    # missing required fields
    Case("summit without title", "missing field",
         Expect(HANOI, 1, "title: required field 'title' is missing; add it"),
         mutate=edit(HANOI, "title: Moon Jae-in and Tran Dai Quang in Hanoi\n", "")),
    Case("person without country", "missing field",
         Expect(PEOPLE, "- id: kim-jong-un", "country: required field 'country' is missing"),
         mutate=edit(PEOPLE, "  country: KP\n", "")),
    Case("source without sha256", "missing field",
         Expect(SOURCES, "- id: menafn-2025-seoul", "sha256: required field 'sha256'"),
         mutate=edit(SOURCES, "  sha256: 77738a18fe72accfade018d8f2d03a38f7503b5f1b249a14289483bf"
                     "2e45f44d\n", "")),
    Case("citation without quote", "missing field",
         Expect(MILESTONES, ("source: report-2023-vietnam", 1),
                "[0].cite[0].quote: required field 'quote' is missing"),
         mutate=edit(MILESTONES, "\n      " + QUOTE_1992, "")),
    Case("misspelt field", "schema",
         Expect(HANOI, "titel: typo", "titel: unknown field 'titel'; check its spelling"),
         mutate=edit(HANOI, "title: Moon Jae-in and Tran Dai Quang in Hanoi\n",
                     "title: Moon Jae-in and Tran Dai Quang in Hanoi\ntitel: typo\n")),
    # unknown ids
    Case("unknown participant", "unknown id",
         Expect(HANOI, "moon-jae-ln",
                "unknown person 'moon-jae-ln'; define it in data/people.yaml", col="moon-jae-ln"),
         mutate=edit(HANOI, "  - person: moon-jae-in\n", "  - person: moon-jae-ln\n")),
    Case("unknown person in 'by'", "unknown id",
         Expect(HANOI, "[moon-jae]", "unknown person 'moon-jae'"),
         mutate=edit(HANOI, "by: [moon-jae-in]\n    text: >-\n      Moon explained",
                     "by: [moon-jae]\n    text: >-\n      Moon explained")),
    Case("unknown source", "unknown id",
         Expect(MILESTONES, "report-2023-vietnan",
                "unknown source 'report-2023-vietnan'; define it in data/sources.yaml",
                col="report-2023-vietnan"),
         mutate=edit(MILESTONES, "- source: report-2023-vietnam\n      " + QUOTE_1992,
                     "- source: report-2023-vietnan\n      " + QUOTE_1992)),
    Case("country not in data/site.yaml", "unknown id",
         Expect(PEOPLE, "country: JP", "unknown country 'JP'; define it in data/site.yaml"),
         mutate=edit(PEOPLE, "  country: KP\n", "  country: JP\n")),
    Case("one party's people all given an unknown country, and no summit then reported "
         "without that party", "unknown id",
         Expect(PEOPLE, "country: JP", "unknown country 'JP'; define it in data/site.yaml"),
         mutate=edit(PEOPLE, "  country: KR\n", "  country: JP\n", count=3),
         also=tuple(Expect(PEOPLE, ("country: JP", nth), "unknown country 'JP'")
                    for nth in (2, 3)),
         nothing_else=True),
    Case("name form in a script its country does not list", "schema",
         Expect(PEOPLE, "script: Hanja", "'Hanja' is not a script data/site.yaml lists for "
                "South Korea"),
         mutate=edit(PEOPLE, "{text: Moon Jae-in, script: romanised}",
                     "{text: Moon Jae-in, script: Hanja}")),
    Case("display name not among the name forms", "schema",
         Expect(PEOPLE, "name: Moon Jae In", "the display name 'Moon Jae In' is not among"),
         mutate=edit(PEOPLE, "  name: Moon Jae-in\n", "  name: Moon Jae In\n")),
    # A role is an office held as of its date: a clause about the meeting is no title, and
    # 'late' or 'former' says the person no longer holds one (issue 27, finding 10).
    Case("participant role that is a clause, not a title", "schema",
         Expect(LIMA, "role: His counterpart", ("participants[1].role: 'His counterpart from "
                "the Republic of Korea' is a clause, not a title", "give the office as a quote")),
         mutate=edit(LIMA, "  - person: yoon-suk-yeol\n", "  - person: yoon-suk-yeol\n"
                     "    role: His counterpart from the Republic of Korea\n"),
         nothing_else=True),
    Case("role of a dead person, dated as if held", "schema",
         Expect(PEOPLE, "title: Late former leader", ("roles[0].title: 'Late former leader of "
                "Vietnam' says the person has died or left office", "'described_as'")),
         mutate=edit(PEOPLE, "  # Not a role: he had died, so no office is his as of the "
                     "article's date.\n  described_as:\n    - text: the late former leader of "
                     "Vietnam\n", "  roles:\n    - title: Late former leader of Vietnam\n"
                     "      as_of: 2018-03-23\n"), nothing_else=True),
    Case("former office given as a role", "schema",
         Expect(PEOPLE, "title: Former Prime Minister", "says the person has died or left "
                "office: it is not a role held as of a date"),
         mutate=edit(PEOPLE, "    - title: Prime Minister\n      as_of: 2018-03-23\n",
                     "    - title: Former Prime Minister\n      as_of: 2018-03-23\n"),
         nothing_else=True),
    Case("site file without the second party", "schema",
         Expect(SITE, "- code: KR", "parties: List should have at least 2 items"),
         mutate=lambda p: p.write(SITE, re.sub(r"  - code: VN\n(    .*\n)+", "",
                                               p.read(SITE)))),
    Case("a country listed twice in the site file", "duplicate id",
         Expect(SITE, ("code: KP", 2), "country 'KP' is listed twice"),
         mutate=append(SITE, "  - {code: KP, name: DPRK, scripts: [Hangul]}\n")),
    Case("unknown topic", "unknown id",
         Expect(HANOI, "topic: regionall",
                "unknown topic 'regionall'; define it in data/topics.yaml", col="regionall"),
         mutate=edit(HANOI, "    topic: regional\n    kind: pledge",
                     "    topic: regionall\n    kind: pledge")),
    Case("unknown summit", "unknown id",
         Expect(TRADE, "2025-08-busan",
                "unknown summit '2025-08-busan'; define it in data/summits/", col="2025-08-busan"),
         mutate=edit(TRADE, "summit: 2025-08-seoul\n", "summit: 2025-08-busan\n")),
    Case("unknown fact in a formula's 'uses'", "unknown id",
         Expect(TRADE, "trade-2020", "unknown fact 'trade-2020'", col="trade-2020"),
         mutate=edit(TRADE, "uses: [trade-2022]", "uses: [trade-2020]")),
    Case("a target statement naming an outcome its summit does not have", "unknown id",
         Expect(TRADE, "outcome: trade-target-requests", "'trade-target-requests' is not an "
                "outcome of '2025-10-30-gyeongju'"),
         mutate=edit(TRADE, "outcome: trade-target-request\n",
                     "outcome: trade-target-requests\n")),
    # a target's history runs forward, each statement of a kind the schema names
    Case("a restatement earlier than the statement before it", "schema",
         Expect(TRADE, "summit: 2017-11-danang", ("'2017-11-danang' (2017-11) is not later "
                "than '2023-06-23-vietnam'", "oldest first")),
         mutate=edit(TRADE, "      - summit: 2024-lima\n        stated_by: [luong-cuong, "
                     "yoon-suk-yeol]\n        kind: aimed\n        horizon: near term",
                     "      - summit: 2017-11-danang\n        stated_by: [luong-cuong, "
                     "yoon-suk-yeol]\n        kind: aimed\n        horizon: near term")),
    Case("one target recorded twice", "schema",
         Expect(TRADE, ("amount: 150", 2), ("'target-150bn-by-2030' is already a target of "
                "this amount by 2030", "under its 'restated'")),
         mutate=append(TRADE, "  - id: target-150bn-by-2030-again\n    amount: 150\n"
                       "    deadline: 2030\n    summit: 2025-08-seoul\n    kind: set\n"
                       "    cite:\n      - source: menafn-2025-seoul\n        quote: "
                       "setting an ambitious target to increase bilateral trade from $86.7 "
                       "billion in 2024 to $150 billion by 2030\n")),
    Case("a target statement of no known kind", "schema",
         Expect(TRADE, "kind: reffered", ("kind: Input should be", "'hoped'")),
         mutate=edit(TRADE, "kind: referred\n", "kind: reffered\n")),
    # duplicate ids, and two pages with the same URL
    Case("two people with the same id", "duplicate id",
         Expect(PEOPLE, ("- id: moon-jae-in", 2), "duplicate person id 'moon-jae-in' (also in "
                f"{PEOPLE}:{fixture_line(PEOPLE, '- id: moon-jae-in')})"),
         mutate=duplicate_entry(PEOPLE, "- id: moon-jae-in", "- id: tran-dai-quang")),
    Case("two sources with the same id and file", "duplicate id",
         Expect(SOURCES, ("- id: yonhap-2018-hanoi", 2), "duplicate source id 'yonhap-2018"),
         mutate=duplicate_entry(SOURCES, "- id: yonhap-2018-hanoi", "- id: vna-2025-gyeongju"),
         also=(Expect(SOURCES, ("file: 000_", 2), "duplicate source file '000_"),)),
    Case("two topics with the same id", "duplicate id",
         Expect(TOPICS, ("- id: diplomacy", 2), "duplicate topic id 'diplomacy'"),
         mutate=edit(TOPICS, "- id: regional\n", "- id: diplomacy\n")),
    Case("two outcomes of a summit with the same id", "duplicate id",
         Expect(HANOI, ("- id: rcep", 2),
                "duplicate outcome id 'rcep' in this summit (also outcomes[2])"),
         mutate=edit(HANOI, "  - id: exchanges\n", "  - id: rcep\n")),
    Case("two summit files with the same id", "duplicate id",
         Expect("data/summits/2018-03-23-hanoi2.yaml", 1,
                f"duplicate summit id '2018-03-23-hanoi' (also in {HANOI}:1)"),
         mutate=copy_summit,
         also=(Expect("data/summits/2018-03-23-hanoi2.yaml", 1,
                      "must match its file name '2018-03-23-hanoi2.yaml'"),)),
    Case("summit id not matching its file name", "duplicate id",
         Expect(HANOI, 1, "summit id '2018-03-23-ha-noi' must match its file name"),
         mutate=edit(HANOI, "id: 2018-03-23-hanoi\n", "id: 2018-03-23-ha-noi\n")),
    # invalid and impossible dates
    Case("month 13", "date", Expect(MILESTONES, "2023-13-01",
                                     "'2023-13-01' is not a valid date (month must be in 1..12)"),
         mutate=edit(MILESTONES, "  date: 1992-12\n", "  date: 2023-13-01\n")),
    Case("February 30", "date",
         Expect(MILESTONES, "2023-02-30",
                "'2023-02-30' is not a valid date (day is out of range for month)",
                col="2023-02-30"),
         mutate=edit(MILESTONES, "  date: 1992-12\n", "  date: 2023-02-30\n")),
    Case("February 30 quoted", "date",
         Expect(HANOI, "2018-02-30", "date.value: day 30 does not exist in 2018-02"),
         mutate=edit(HANOI, "  value: 2018-03-23\n", '  value: "2018-02-30"\n')),
    Case("date in words", "date",
         Expect(HANOI, "June 23", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got 'June 23'"),
         mutate=edit(HANOI, "  value: 2018-03-23\n", "  value: June 23\n")),
    # A milestone's date is a bare value, not a mapping with 'value'.
    *(Case(name, "date", Expect(MILESTONES, f"date: {value}", fragment),
           mutate=edit(MILESTONES, "  date: 1992-12\n", f"  date: {value}\n"))
      for name, value, fragment in (
          ("milestone in month 13, quoted", '"2023-13-01"', "[0].date: month 13 does not exist"),
          ("milestone on February 30, quoted", '"2023-02-30"', "day 30 does not exist in 2023-02"),
          ("milestone date in words", "June 23",
           "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got 'June 23'"),
          ("milestone date of five digits", "12345",
           "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '12345'"),
          ("milestone date a negative number", "-5",
           "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '-5'"))),
    Case("inferred date without reasoning", "date",
         Expect(DANANG, "value: 2017-11", "date: an inferred date needs 'reasoning' saying how it "
                "follows from the text"),
         mutate=drop_reasoning),
    Case("summit id not starting with its date", "date",
         Expect(HANOI, 1, "must start with its date '2018-03-24-'"),
         mutate=edit(HANOI, "  value: 2018-03-23\n", "  value: 2018-03-24\n")),
    # quotes and numbers against the sources
    # The typo is near the start, so the closest passage is found through the last words.
    Case("quote not in its source, with the closest passage offered", "quote",
         Expect(MILESTONES, "estabished",
                (f'quote not found in {REPORT_FILE}; closest passage: "{TEXT_1992}',
                 "copy the passage verbatim"), col="Vietnam and South Korea estabi"),
         mutate=edit(MILESTONES, QUOTE_1992, QUOTE_1992.replace("established", "estabished"))),
    Case("quote found twice", "quote",
         Expect(MILESTONES, "technology transfer", f"quote occurs 2 times in {REPORT_FILE}; "
                "add words"),
         mutate=edit(MILESTONES, QUOTE_1992,
                     "quote: substantive cooperation and technology transfer in the defense")),
    Case("number missing from its quote", "quote",
         Expect(TRADE, "- id: trade-2017", "the number 63.8 is not in any of this fact's quotes"),
         mutate=edit(TRADE, "    amount: 63.9\n", "    amount: 63.8\n")),
    Case("stated day not in the date's quotes", "quote",
         Expect(HANOI_22, "value: 2018-03-22", "the number 22 is not in any of this fact's quotes"),
         mutate=redate_hanoi_to_the_22nd),
    Case("a restatement whose quotes lack its year", "quote",
         Expect(TRADE, "- summit: 2025-08-seoul", "the number 2031 is not in any of this "
                "restatement's quotes"),
         mutate=edit(TRADE, "deadline: 2030\n        outcome: trade-target\n",
                     "deadline: 2031\n        outcome: trade-target\n")),
    Case("a target's qualifier not in the quote that gives its amount", "quote",
         Expect(TRADE, "qualifier: at least", "'at least' is not in a quote that gives 150"),
         mutate=edit(TRADE, "kind: referred\n", "kind: referred\n        qualifier: at least\n")),
    Case("derived amount not matching its formula", "quote",
         Expect(TRADE, "amount: 78.4", "amount 78.4 does not match its formula"),
         mutate=edit(TRADE, "    amount: 78.1\n", "    amount: 78.4\n")),
    Case("formula with code in it", "quote",
         Expect(TRADE, "formula:", "formula cannot be evaluated: only numbers"),
         mutate=edit(TRADE, "formula: 87 / (1 + 11.4 / 100)", "formula: __import__('os')")),
    Case("formula using a number no fact in its 'uses' states", "quote",
         Expect(TRADE, "formula:", "the formula uses 87.5, which none of the facts in 'uses' "
                "states"),
         mutate=edit(TRADE, "formula: 87 / (1 + 11.4 / 100)", "formula: 87.5 / (1 + 11.4 / 100)")),
    Case("name form not in the person's quotes", "quote",
         Expect(PEOPLE, "text: Moon Jae In", "name 'Moon Jae In' does not appear"),
         mutate=edit(PEOPLE, "{text: Moon Jae-in,", "{text: Moon Jae In,")),
    Case("name form with diacritics not in the person's quotes", "quote",
         Expect(PEOPLE, "Tô Lam,", "name 'Tô Lam' does not appear in this person's quotes"),
         mutate=edit(PEOPLE, "{text: Tô Lâm,", "{text: Tô Lam,")),
    Case("name form without diacritics not a quoted form with them dropped", "quote",
         Expect(PEOPLE, "text: Pham Minh Chin,",
                ("name 'Pham Minh Chin' does not appear in this person's quotes",
                 "(a form without diacritics may be a quoted form with them dropped)")),
         mutate=edit(PEOPLE, "{text: Pham Minh Chinh,", "{text: Pham Minh Chin,")),
    # source files
    *(Case(name, "source file", Expect(SOURCES, f"file: '{file}'", "a source file's name uses "
                                       "only letters, digits, '-', '_' and '.'"),
           mutate=edit(SOURCES, f"file: {SEOUL_FILE}", f"file: '{file}'"))
      for name, file in (("source path with '..'", "../x.txt"),
                         ("source path with '..' to a data file that exists", "../people.yaml"),
                         ("absolute source path", "/etc/hostname"),
                         ("source in a subfolder of data/sources", "old/x.txt"),
                         ("source file name with '#'", "a#b.txt"),
                         ("source file name with a percent escape", "%2e%2e.txt"),
                         ("hidden source file", ".seoul.txt"))),
    Case("source is a symlink pointing outside", "source file",
         Expect(f"data/sources/{SEOUL_FILE}", 1, "is a symbolic link, which is never followed"),
         mutate=symlink_source_outside),
    Case("source file not UTF-8", "source file",
         Expect(f"data/sources/{SEOUL_FILE}", 1, "not valid UTF-8; convert the file to UTF-8"),
         mutate=set_source_bytes("Lee Jae Myung met T\xf4 L\xe2m".encode("latin-1"))),
    Case("source file over the size limit", "source file",
         Expect(f"data/sources/{SEOUL_FILE}", 1, ("over the 500,000-byte limit for a source "
                                                  "article", "split it or shorten it")),
         mutate=set_source_bytes(b"Lee Jae Myung met To Lam.\n" * 20_000)),
    Case("source file with too many paragraphs", "source file",
         Expect(f"data/sources/{SEOUL_FILE}", 1, "2,001 paragraphs, over the limit of 2,000"),
         mutate=set_source_bytes(b"Lee met To Lam.\n" * 2_001)),
    *(Case(f"source text with {name}", "source file",
           Expect(f"data/sources/{SEOUL_FILE}", 2, f"the character {code} is not allowed in a "
                  "source text (only line breaks and tabs are)", col=4),
           mutate=set_source_bytes(f"Lee met To Lam.\nOn {char}Monday.\n".encode()))
      for name, char, code in (("a NUL", "\x00", "U+0000"),
                               ("an escape sequence", "\x1b[2J", "U+001B"),
                               ("a right-to-left override", "\u202e", "U+202E"))),
    Case("source file that is a named pipe", "source file",
         Expect(f"data/sources/{SEOUL_FILE}", 1, "is a named pipe (FIFO), not a file"),
         mutate=fifo(f"data/sources/{SEOUL_FILE}")),
    Case("empty source file", "source file",
         Expect(SOURCES, f"file: {SEOUL_FILE}", f"data/sources/{SEOUL_FILE} is empty"),
         mutate=set_source_bytes(b"")),
    Case("source file holding only whitespace", "source file",
         Expect(SOURCES, f"file: {SEOUL_FILE}", f"data/sources/{SEOUL_FILE} is empty"),
         mutate=set_source_bytes(b" \n")),
    Case("missing source file", "source file",
         Expect(SOURCES, f"file: {SEOUL_FILE}", f"source file 'data/sources/{SEOUL_FILE}' does "
                "not exist; copy the article there"),
         mutate=remove(f"data/sources/{SEOUL_FILE}")),
    Case("source file changed by one byte", "source file",
         Expect(SOURCES, "sha256: 77738a18", f"data/sources/{SEOUL_FILE} has changed (sha256 is "
                f"{hashlib.sha256(SEOUL_CHANGED).hexdigest()})", col="77738a18"),
         mutate=write(f"data/sources/{SEOUL_FILE}", SEOUL_CHANGED)),
    # whole YAML files
    Case("empty YAML file", "yaml file",
         Expect(TOPICS, 1, "file is empty; remove it or add data"), mutate=write(TOPICS, "")),
    Case("YAML file with only comments", "yaml file",
         Expect(TOPICS, 1, "file holds no YAML document"),
         mutate=write(TOPICS, "# nothing here yet\n")),
    Case("missing data file", "yaml file",
         Expect(TOPICS, 1, "required data file is missing"), mutate=remove(TOPICS)),
    Case("missing site file", "yaml file",
         Expect(SITE, 1, "required data file is missing: it names the two countries"),
         mutate=remove(SITE)),
    Case("folder named like a summit file", "yaml file",
         Expect("data/summits/2019-01-x.yaml", 1, "is a folder, not a file"),
         mutate=lambda p: p.path("data/summits/2019-01-x.yaml").mkdir()),
    Case("YAML file over 2 MB", "yaml file",
         Expect(PEOPLE, 1, "-byte limit for a data file; split it"), mutate=huge_people_file),
    Case("alias bomb (billion laughs)", "yaml file",
         Expect(PEOPLE, "&a", "YAML anchors and aliases (&name, *name) are not allowed",
                col="&a"),
         files={PEOPLE: "alias_bomb.yaml"}, nothing_else=True),
    Case("!!python/object/apply tag", "yaml file",
         Expect(TOPICS, "!!python", "could not determine a constructor for the tag "
                "'tag:yaml.org,2002:python/object/apply:os.system'; only plain YAML is allowed",
                col="!!python"),
         files={TOPICS: "python_apply.yaml"}, nothing_else=True),
    Case("!!python/name tag", "yaml file",
         Expect(TOPICS, "!!python", "tag 'tag:yaml.org,2002:python/name:os.system'; only plain "
                "YAML is allowed", col="!!python"),
         files={TOPICS: "python_name.yaml"}, nothing_else=True),
    Case("set tag on a list of people (read in a different order each run)", "yaml file",
         Expect(HANOI, "!!set", "the tag 'tag:yaml.org,2002:set' is not allowed on a list or "
                "mapping in data files; write a plain list or mapping", col="!!set"),
         mutate=edit(HANOI, "by 2020.\n    by: [moon-jae-in, tran-dai-quang]\n",
                     "by 2020.\n    by: !!set {moon-jae-in, tran-dai-quang}\n"),
         nothing_else=True),
    Case("ordered-map tag", "yaml file",
         Expect(TOPICS, "!!omap", "the tag 'tag:yaml.org,2002:omap' is not allowed",
                col="!!omap"),
         mutate=append(TOPICS, "- !!omap [id: zz, name: a, description: b]\n"),
         nothing_else=True),
    Case("custom tag", "yaml file",
         Expect(TOPICS, "!custom", "could not determine a constructor for the tag '!custom'; "
                "only plain YAML is allowed", col="!custom"),
         mutate=append(TOPICS, "- id: zz\n  name: !custom x\n"), nothing_else=True),
    Case("duplicate YAML key", "yaml file",
         Expect(HANOI, "title: Again", "duplicate key 'title' (first at line 2)", col=1),
         mutate=edit(HANOI, "\ndate:\n", "\ntitle: Again\ndate:\n"), nothing_else=True),
    Case("YAML file not UTF-8", "yaml file",
         Expect(TOPICS, "Korean Pen", "not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
         mutate=non_utf8_topics, nothing_else=True),
    Case("people.yaml is a mapping", "yaml file",
         Expect(PEOPLE, "moon-jae-in:", "expected a list of Person entries"),
         files={PEOPLE: "people_as_mapping.yaml"}),
    Case("summit file is a list", "yaml file",
         Expect(HANOI, "- id:", "expected a Summit written as 'field: value' lines, got a list"),
         files={HANOI: "summit_as_list.yaml"}),
    Case("trade.yaml is a list", "yaml file",
         Expect(TRADE, 1, "expected a Trade written as 'field: value' lines, got a list"),
         mutate=write(TRADE, "- 63.9\n- 87\n")),
    Case("lists nested thousands deep", "yaml file",
         Expect(TOPICS, "name: [", "nested more than 64 levels deep"),
         mutate=write(TOPICS, "- id: x\n  name: " + "[" * 5000 + "]" * 5000 + "\n"),
         nothing_else=True),
    Case("integer too long to convert", "yaml file",
         Expect(TRADE, "amount: 999", ("the number '9999999999", "…' has too many digits to read"),
                col="9999"),
         mutate=edit(TRADE, "    amount: 63.9\n", "    amount: " + "9" * 5000 + "\n"),
         nothing_else=True),
    Case("list used as a mapping key", "yaml file",
         Expect(TOPICS, "? [", "a key must be a plain word such as 'title', not a list"),
         mutate=append(TOPICS, "- ? [a, b]\n  : c\n"), nothing_else=True),
    Case("block lists nested tens of thousands deep on one line", "yaml file",
         Expect(TOPICS, "- - - -", "nested more than 64 levels deep"),
         mutate=append(TOPICS, "- " * 50_000 + "x\n")),
    Case("block mappings nested deep", "yaml file",
         Expect(TOPICS, ("a:", 65), "nested more than 64 levels deep"),
         mutate=append(TOPICS, "- " + "".join("  " * i + "a:\n" for i in range(200))
                       + "  " * 200 + "x\n")),
    Case("flow mappings nested thousands deep", "yaml file",
         Expect(TOPICS, "{a: {a:", "nested more than 64 levels deep"),
         mutate=append(TOPICS, "- " + "{a: " * 5000 + "x" + "}" * 5000 + "\n")),
    Case("NUL character inside a value", "yaml file",
         Expect(TOPICS, "Bad", "the control character U+0000 is not allowed"),
         mutate=append(TOPICS, "- id: zz\n  name: Bad\x00name\n  description: d\n")),
    Case("escape character inside a value", "yaml file",
         Expect(TOPICS, "Bad", "the control character U+001B is not allowed"),
         mutate=append(TOPICS, "- id: zz\n  name: Bad\x1bname\n  description: d\n")),
    *(Case(name, "yaml file", Expect(TOPICS, f"{key}:", f"the key '{key}' is read by YAML as "
                                      f"{kind}"),
           mutate=append(TOPICS, f"- id: zz\n  {key}: x\n"))
      for name, key, kind in (("null as a key", "null", "nothing (null), not as a"),
                              ("yes as a key", "yes", "true or false"),
                              ("number as a key", "1", "a number"))),
    Case("merge key", "yaml file",
         Expect(TOPICS, "<<:", "merge keys ('<<') are not allowed"),
         mutate=append(TOPICS, "- id: zz\n  <<: {name: a, description: b}\n")),
    *(Case(f"summit saved as {suffix}", "yaml file",
           Expect(f"data/summits/2019-01-x{suffix}", 1,
                  "summit files end in '.yaml' (lower case); rename it to 2019-01-x.yaml"),
           mutate=lambda p, suffix=suffix: p.write(f"data/summits/2019-01-x{suffix}",
                                                   p.read(HANOI)))
      for suffix in (".yml", ".YAML", ".Yaml")),
    # Text is text: no control or bidi characters, bounded lengths, well-formed tags.
    Case("right-to-left override in a summit title", "yaml file",
         Expect(HANOI, "title:", "the bidirectional control character U+202E is not allowed "
                "in a data file"),
         mutate=lambda p: p.write(HANOI, re.sub(r"(?m)^title: ", "title: \u202e", p.read(HANOI),
                                                count=1))),
    Case("bidi isolate in a source's web address", "yaml file",
         Expect(SOURCES, "url: https", "the bidirectional control character U+2067"),
         mutate=edit(SOURCES, "  outlet: MENAFN\n",
                     "  outlet: MENAFN\n  url: https://example.org/\u2067a\n")),
    Case("language that is not a BCP 47 tag", "schema",
         Expect(SOURCES, "language: english please", "a language is a BCP 47 tag such as 'en'"),
         mutate=set_first(SOURCES, "language", "english please")),
    Case("summit title over the length limit", "schema",
         Expect(HANOI, "title:", "501 characters, over the limit of 500 for 'title'"),
         mutate=set_first(HANOI, "title", "Moon " + "a" * 496)),
    Case("outcome text over the length limit", "schema",
         Expect(HANOI, "text:", "5,001 characters, over the limit of 5,000 for 'text'"),
         mutate=lambda p: p.write(HANOI, re.sub(r"(?m)^(\s+text: ).*$",
                                                lambda m: m.group(1) + "b" * 5_001,
                                                p.read(HANOI), count=1))),
    Case("data/sources is a symlink to a folder outside", "source file",
         Expect("data/sources", 1, "is a symbolic link, which is never followed"),
         mutate=link_folder_outside("sources")),
    Case("data/summits is a symlink to a folder outside", "yaml file",
         Expect("data/summits", 1, "is a symbolic link, which is never followed"),
         mutate=link_folder_outside("summits")),
    # Nothing outside the project is read or published.
    Case("site file linked to a file outside, with secrets", "yaml file",
         Expect(SITE, 1, "is a symbolic link, which is never followed"),
         mutate=link_outside(SITE, "aws_secret_access_key: hunter2\n"), nothing_else=True),
    Case("site file linked to a device", "yaml file",
         Expect(SITE, 1, "is a symbolic link, which is never followed"),
         mutate=link_to(SITE, "/dev/zero"), nothing_else=True),
    Case("site file that is a named pipe", "yaml file",
         Expect(SITE, 1, "is a named pipe (FIFO), not a file"), mutate=fifo(SITE),
         nothing_else=True),
    Case("summit file linked to a file outside", "yaml file",
         Expect(HANOI, 1, "is a symbolic link, which is never followed"),
         mutate=lambda p: link_outside(HANOI, p.read(HANOI))(p)),
    *(Case(f"{folder} file linked to {target}", "project file",
           Expect(f"{folder}/{name}", 1, "is a symbolic link, which is never followed"),
           mutate=link_to(f"{folder}/{name}", target), nothing_else=True)
      for folder, name, target in (("docs", "passwd.txt", "/etc/passwd"),
                                   ("docs", "env.txt", "/proc/self/environ"),
                                   ("templates", "leader.md.jinja", "/etc/hostname"))),
    Case("docs folder linked to a folder outside", "project file",
         Expect("docs/assets", 1, "is a symbolic link, which is never followed"),
         mutate=link_docs_folder_outside, nothing_else=True),
    Case("docs file that is a named pipe", "project file",
         Expect("docs/pipe.md", 1, "is a named pipe (FIFO), not a file"),
         mutate=fifo("docs/pipe.md"), nothing_else=True),
    *(Case(name, "schema", Expect(path, f"{key}: '   '", f"'{key}' is empty; write the text"),
           mutate=set_first(path, key, "'   '"))
      for name, path, key in (("blank summit title", HANOI, "title"),
                              ("blank source title", SOURCES, "title"),
                              ("blank person name", PEOPLE, "name"),
                              ("blank topic name", TOPICS, "name"))),
    # What `make new-source` leaves to fill in, and first lines that are not headlines.
    *(Case(name, "schema", Expect(path, f"{key}: {value}", message),
           mutate=set_first(path, key, value))
      for name, path, key, value, message in (
          ("placeholder source title", SOURCES, "title",
           "'EDIT ME: a neutral title naming the leaders and the place'",
           "is a placeholder that `make new-source` wrote; replace it"),
          ("placeholder occasion text", HANOI, "text", "EDIT ME",
           "'EDIT ME' is a placeholder"),
          ("photo credit as source title", SOURCES, "title", "'Photo : YONHAP News'",
           "'Photo : YONHAP News' reads as a photo credit or byline, not a title"),
          ("byline as summit title", HANOI, "title", "By Kim Min-ji",
           "reads as a photo credit or byline"))),
    Case("meeting in person with no place", "schema",
         Expect(HANOI, 1, "a meeting in person needs a 'place'; for a call, set mode: phone"),
         mutate=lambda p: p.write(HANOI, re.sub(r"(?ms)^place:.*?^(?=occasion:)", "",
                                                 p.read(HANOI)))),
    Case("summit without a participant from one party", "schema",
         Expect(HANOI, "  - person: moon-jae-in", "a summit needs at least one participant from "
                "each of South Korea (KR) and Vietnam (VN); none here is from VN"),
         mutate=edit(HANOI, "  - person: tran-dai-quang\n", "  - person: kim-jong-un\n")),
    Case("inferred place without reasoning", "schema",
         Expect(HANOI, "city: Hanoi", "an inferred place needs 'reasoning'"),
         mutate=edit(HANOI, "  city: Hanoi\n", "  city: Hanoi\n  basis: inferred\n")),
    Case("stated month not in the date's quotes", "quote",
         Expect(HUE, "value: 2031-05-20", "the month (May) of this date is not in any of its"),
         mutate=added_then(HUE, "      quote: met in Hue on May 20, 2031\nplace:",
                           "      quote: 20, 2031, during a state visit by Kang\nplace:")),
    Case("weekday date that is not the last such day before publication", "quote",
         Expect(CALL.format(value="2025-08-04"), "value: 2025-08-04",
                "the last Monday on or before 2025-08-12 (when 'menafn-2025-seoul' was "
                "published) is 2025-08-11, not 2025-08-04"),
         mutate=call_on("2025-08-04")),
    Case("weekday not in the date's quotes", "quote",
         Expect(CALL.format(value="2025-08-12"), "weekday: Tuesday",
                "'Tuesday' is not in any of this date's quotes"),
         mutate=call_on("2025-08-12", weekday="Tuesday")),
    Case("weekday date whose source has no page date", "quote",
         Expect(CALL.format(value="2025-08-11"), "weekday: Monday",
                "needs the day the article was published: give source 'menafn-2025-seoul' a "
                "full 'published' date"),
         mutate=call_on("2025-08-11", published=None)),
    Case("weekday on a date that is not a full day", "schema",
         Expect("data/summits/2025-08-phone-call.yaml", "value: 2025-08",
                "a date worked out from a 'weekday' is a full date"),
         mutate=call_on("2025-08")),
    Case("inferred part the date does not give", "schema",
         Expect(DANANG, "value: 2017-11", "'inferred_parts' lists parts of an inferred date "
                "that it gives (year, month)"),
         mutate=edit(DANANG, "inferred_parts: [year]", "inferred_parts: [day]")),
    Case("stated part of a partly inferred date not in its quotes", "quote",
         Expect(DANANG, "value: 2017-11", "the number 2017 is not in any of this fact's "
                "quotes; quote the passage that states it, or set basis: inferred"),
         mutate=edit(DANANG, "inferred_parts: [year]\n  latest_before: 2018-03-23",
                     "inferred_parts: [month]")),
    # Every part of an inferred date is in its quotes or worked out from them (issue #27).
    Case("wholly inferred date that no text gives: an undated article dated 2019-01-01",
         "quote",
         Expect(CALL.format(value="2019-01-01"), "value: 2019-01-01",
                ("the year (2019) and month (January) of this inferred date are in none of its "
                 "quotes", "an inferred day (1) needs a 'weekday'",
                 "register a report that does as a source"), col="2019-01-01"),
         mutate=undated_call("2019-01-01"), nothing_else=True),
    Case("inferred year in none of the date's quotes: Gyeongju's 2025 uncited", "quote",
         Expect(GYEONGJU, "value: 2025-10-30", ("the year (2025) of this inferred date is in "
                "none of its quotes", "cite a quote that gives it, or work the year out with "
                "'latest_before'")),
         mutate=edit(GYEONGJU, GYEONGJU_YEAR_QUOTES, "place:"), nothing_else=True),
    Case("inferred month from another report, uncited: Seoul's August 2025", "quote",
         Expect(SEOUL, "value: 2025-08", "the year (2025) and month (August) of this "
                "inferred date are in none of its quotes"),
         mutate=edit(SEOUL, SEOUL_MONTH_QUOTE, "place:"), nothing_else=True),
    Case("inferred day without a weekday", "quote",
         Expect(HANOI, "value: 2018-03-23", ("an inferred day (23) needs a 'weekday'",
                "leave it out of 'inferred_parts'", 'value: "2018-03"')),
         mutate=edit(HANOI, "  basis: stated\n", "  basis: inferred\n  inferred_parts: [day]\n"
                     "  reasoning: The caption gives the day.\n"), nothing_else=True),
    Case("year that 'latest_before' does not work out", "quote",
         Expect(DANANG_16, "value: 2016-11", "the last November on or before 2018-03-23 is "
                "2017-11, not 2016-11; fix the date or 'latest_before'"),
         mutate=redate_danang_to_2016, nothing_else=True),
    Case("'latest_before' a date that no quote of the date states", "quote",
         Expect(DANANG, "latest_before: 2018-03-22", "2018-03-22 is not stated in any of this "
                "date's quotes; cite the passage that gives its year, month and day"),
         mutate=edit(DANANG, "latest_before: 2018-03-23", "latest_before: 2018-03-22"),
         nothing_else=True),
    Case("'latest_before' a date the article states, in no quote the date cites", "quote",
         Expect(DANANG, "latest_before: 2018-03-23", "2018-03-23 is not stated in any of this "
                "date's quotes"),
         mutate=edit(DANANG, DANANG_ANCHOR_QUOTE, "place:"), nothing_else=True),
    Case("'latest_before' on a date whose year is stated", "schema",
         Expect(HANOI, "value: 2018-03-23", "'latest_before' works out the inferred year of a "
                "date that gives a month"),
         mutate=edit(HANOI, "  basis: stated\n", "  basis: stated\n  latest_before: 2018-03-23\n"),
         nothing_else=True),
    Case("paraphrase naming a person without the display name's diacritics", "quote",
         Expect("data/summits/2025-08-seoul.yaml", "To Lam backed", "writes 'To Lam' where "
                "the site names this person 'Tô Lâm'; pages name each person one way"),
         mutate=edit("data/summits/2025-08-seoul.yaml", "text: >-\n      Tô Lâm backed",
                     "text: To Lam backed")),
    Case("paraphrase naming a person by the given name without diacritics", "quote",
         Expect(GYEONGJU, "Cuong proposed the Korean",
                "writes 'Cuong' where the site names this person 'Cường'"),
         mutate=edit(GYEONGJU, "text: >-\n      Cường proposed the Korean",
                     "text: Cuong proposed the Korean")),
    Case("editorial source title naming a person without diacritics", "quote",
         Expect(SOURCES, "title: Luong Cuong and", "writes 'Luong Cuong' where the site names "
                "this person 'Lương Cường'; an editorial title names each person one way"),
         mutate=edit(SOURCES, "title: Lương Cường and Lee Jae Myung hold talks",
                     "title: Luong Cuong and Lee Jae Myung hold talks")),
    # Sentences the site writes keep their quotes' hedges (data/hedges.yaml) …
    Case("sentence that drops a hedge of necessity: Hanoi's 'agreed on the need to upgrade'",
         "wording",
         Expect(HANOI, "Agreed in a joint declaration to upgrade",
                ("drops the hedge 'the need to' (necessity)", "agreed on the need to upgrade",
                 "write one of 'the need to'"), col="Agreed"),
         mutate=edit(HANOI, "text: >-\n      Agreed in a joint declaration on the need to "
                     "upgrade", "text: Agreed in a joint declaration to upgrade"),
         nothing_else=True),
    Case("sentence that drops an attribution: Seoul's target 'according to media'", "wording",
         Expect(SEOUL, "Set a target of raising", ("drops the hedge 'according to' "
                "(attribution)", "by 2030, according to media", "'reportedly'")),
         mutate=edit(SEOUL, "text: >-\n      Committed, according to media, to a target of "
                     "raising", "text: Set a target of raising"), nothing_else=True),
    Case("proposal written for a suggestion: Gyeongju's 'suggested the two sides coordinate'",
         "wording",
         Expect(GYEONGJU, "Cường proposed substantive", ("drops the hedge 'suggested' "
                "(suggestion)", "President Cuong suggested the two sides", "'suggest'")),
         mutate=edit(GYEONGJU, "text: >-\n      Cường suggested the two sides coordinate to "
                     "implement substantive", "text: Cường proposed substantive"),
         nothing_else=True),
    Case("quote that stops short of the attribution governing its source sentence", "wording",
         Expect(HANOI, "text: Negotiations on a social", ("drops the hedge 'according to' "
                "(attribution) of the source's sentence of its quote", "according to Cheong "
                "Wa Dae.")),
         mutate=lambda p: [p.replace(HANOI, "text: >-\n      According to Cheong Wa Dae, "
                                     "negotiations on a social security agreement concluded:",
                                     "text: Negotiations on a social security agreement "
                                     "concluded, and"),
                           p.replace(HANOI, "over the next five years, according to Cheong "
                                     "Wa Dae.\n", "over the next five years\n")]),
    Case("sentence that drops a hope", "wording",
         Expect(HANOI, "Quang welcomed", ("drops the hedge 'hoped' (hope)",
                                          "said he hoped to see")),
         mutate=edit(HANOI, "text: >-\n      Quang welcomed the rapprochement between the two "
                     "Koreas and hoped", "text: Quang welcomed the rapprochement between the "
                     "two Koreas and wanted")),
    Case("sentence that drops an aim", "wording",
         Expect(VIETNAM_2023, "The two countries reach",
                "drops the hedge 'strive' (intention)"),
         mutate=edit(VIETNAM_2023, "text: >-\n      The two countries strive for bilateral trade "
                     "of US$100 billion and aim for", "text: The two countries reach bilateral "
                     "trade of US$100 billion and then")),
    Case("sentence that drops a 'would' (prospect)", "wording",
         Expect(GYEONGJU, "Cường congratulated the RoK", "drops the hedge 'would' (prospect)"),
         mutate=edit(GYEONGJU, "text: >-\n      Cường congratulated the RoK on APEC Economic "
                     "Leaders' Week 2025 and hoped that it\n      would support", "text: Cường "
                     "congratulated the RoK on APEC Economic Leaders' Week 2025 and hoped for "
                     "its\n      support")),
    # … and name only people whom their quotes name.
    Case("bottom line naming leaders none of its quotes names: 2023's 'Thuong and Yoon "
         "agreed'", "wording",
         Expect(VIETNAM_2023, "text: Vo Van Thuong and Yoon", ("names Vo Van Thuong "
                "(as 'Vo Van Thuong'), whom none of the quotes it cites names",
                "cite a passage that names them")),
         mutate=edit(VIETNAM_2023, "text: The two sides agreed", "text: Vo Van Thuong and "
                     "Yoon Suk Yeol agreed"),
         also=(Expect(VIETNAM_2023, "text: Vo Van Thuong and Yoon", "names Yoon Suk Yeol "
                      "(as 'Yoon Suk Yeol')"),)),
    Case("outcome naming a person its quotes do not name, who is not in its 'by'", "wording",
         Expect(GYEONGJU, "text: Lee agreed to cooperate", ("names Lee Jae Myung (as 'Lee')",
                                                      "list them in 'by'")),
         mutate=edit(GYEONGJU, "by: [lee-jae-myung]\n    text: >-\n      Lee agreed",
                     "by: []\n    text: Lee agreed"), nothing_else=True),
    Case("outcome naming by a short form a person its quotes do not name", "wording",
         Expect(HANOI, "Vietnam is South Korea's fourth", "names Moon Jae-in (as 'Moon')"),
         mutate=edit(HANOI, "text: Vietnam is South Korea's fourth-largest trading partner.",
                     "text: Vietnam is South Korea's fourth-largest trading partner, Moon "
                     "said.")),
    Case("summit title naming the second party's leader first", "wording",
         Expect(SEOUL, "title: Tô Lâm and Lee", ("names Tô Lâm (Vietnam) before Lee Jae "
                "Myung (South Korea)", "order of the parties in data/site.yaml"), col="Tô"),
         mutate=edit(SEOUL, "title: Lee Jae Myung and Tô Lâm in Seoul",
                     "title: Tô Lâm and Lee Jae Myung in Seoul"), nothing_else=True),
    Case("outcome reporting on an outcome its summit does not have", "unknown id",
         Expect(GYEONGJU, "reports_on: [2023-06-23-vietnam/no-such", "'no-such-pledge' is not "
                "an outcome of '2023-06-23-vietnam'"),
         mutate=edit(GYEONGJU, "  - id: investment-conditions\n", "  - id: investment-conditions"
                     "\n    reports_on: [2023-06-23-vietnam/no-such-pledge]\n"),
         nothing_else=True),
    Case("outcome reporting on an earlier outcome that is not a pledge", "unknown id",
         Expect(GYEONGJU, "reports_on: [2023-06-23-vietnam/labour", "recorded as agreement, "
                "not a pledge"),
         mutate=edit(GYEONGJU, "  - id: investment-conditions\n", "  - id: investment-conditions"
                     "\n    reports_on: [2023-06-23-vietnam/labour-mou]\n"),
         nothing_else=True),
    Case("outcome reporting on a pledge of a later summit", "unknown id",
         Expect(VIETNAM_2023, "reports_on: [2025-10-30-gyeongju/workers", "is not earlier than "
                "this summit"),
         mutate=edit(VIETNAM_2023, "  - id: grant-aid\n", "  - id: grant-aid\n    reports_on: "
                     "[2025-10-30-gyeongju/workers-quotas]\n"),
         nothing_else=True),
    Case("hedge vocabulary listing a quote word in two classes", "schema",
         Expect(HEDGES, ("hope, hopes", 1), "'hope' is a quote word of hedge class "
                "'necessity' too; list each quote word in one class"),
         mutate=edit(HEDGES, "quote_words: [the need to,",
                     "quote_words: [hope, the need to,")),
    Case("hedge class without the words a sentence may keep it with", "missing field",
         Expect(HEDGES, "- id: possibility", "site_words: required field 'site_words' is "
                "missing"),
         mutate=lambda p: p.write(HEDGES, re.sub(r"(- id: possibility\n(?:  .*\n)*?)  "
                                                 r"site_words: .*\n", r"\1", p.read(HEDGES)))),
    Case("qualifier the quotes do not give", "quote",
         Expect(HANOI, "qualifier: nearly", "'nearly' is not in a quote that gives 100; quote "
                "the passage that qualifies the number"),
         mutate=edit(HANOI, "qualifier: more than", "qualifier: nearly")),
    Case("qualifier that is not one of the words", "schema",
         Expect(HANOI, "qualifier: roughly", "qualifier: Input should be 'at least'"),
         mutate=edit(HANOI, "qualifier: more than", "qualifier: roughly")),
    Case("web address that is not http", "schema",
         Expect(SOURCES, "url: javascript", "is not a web address"),
         mutate=edit(SOURCES, "  outlet: MENAFN\n",
                     "  outlet: MENAFN\n  url: javascript:alert(1)\n")),
    Case("publication date without where it comes from", "schema",
         Expect(SOURCES, "- id: menafn-2025-seoul", "'published' needs 'published_from'"),
         mutate=edit(SOURCES, "  outlet: MENAFN\n", "  outlet: MENAFN\n  published: 2025-08\n")),
    Case("publication date said to be in the text that is not", "quote",
         Expect(SOURCES, "published: 1999-01-02", "the number 1999 of this date is not in"),
         mutate=edit(SOURCES, "  outlet: MENAFN\n", "  outlet: MENAFN\n  published: 1999-01-02"
                     "\n  published_from: text\n")),
]


# The command lines print the same problems as validate() (which every case runs in process,
# above). Each category's first case also runs under every command that has an in-process
# form (run_cli: the command's own code, its output and exit status, without a new
# interpreter), and once as a real subprocess, the commands taken in turn, so that every
# category and every command line (check, pages, the MkDocs build) is run as a user runs it.
COMMAND_CASES = list({case.category: case for case in reversed(CASES)}.values())[::-1]
SMOKE_TESTS = [(case, COMMANDS[i % len(COMMANDS)]) for i, case in enumerate(COMMAND_CASES)]


def test_cases_have_unique_names_and_every_category_runs_as_a_command():
    names = [case.name for case in CASES]
    assert len(set(names)) == len(names)
    assert {case.category for case in COMMAND_CASES} == {case.category for case in CASES}
    assert {command for _, command in SMOKE_TESTS} == set(COMMANDS)


@pytest.mark.usefixtures("reuse_parsed_yaml")
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_input_is_reported_in_process(project: Project, case: Case):
    case.apply(project)
    problems = project.problems()
    listing = "\n".join(map(str, problems)) or "(no problems)"
    places = []
    for expect in case.expects:
        line = expect.line_number(project)
        col = expect.col_number(project, line)
        places.append((expect, line, col))
        where = f"{expect.path}:{line}" + (f":{col}" if col is not None else "")
        assert any(expect.matches(p, line, col) for p in problems), (
            f"expected a problem at {where} containing {expect.fragments()!r}; got:\n{listing}")
    if case.nothing_else:
        assert len(problems) == len(places), f"expected {len(places)} problem(s); got:\n{listing}"
        assert all(any(expect.matches(p, line, col) for expect, line, col in places)
                   for p in problems), f"a problem that no Expect of the case names:\n{listing}"


PROBLEM_LINE = re.compile(r"\S+:\d+:\d+: ")


def assert_fails_cleanly(case: Case, project: Project, command: Command,
                         result: tuple[int, str, str]) -> None:
    """Exit status 1, each expected problem on a stderr line of its own as
    ``path:line:col: message``, no traceback; with ``nothing_else``, no other problem."""
    code, out, err = result
    assert "Traceback" not in out + err, err
    assert code == 1, f"exit status {code}\nstdout: {out}\nstderr: {err}"
    lines = err.splitlines()
    for expect in case.expects:
        line_number = expect.line_number(project)
        col = expect.col_number(project, line_number)
        prefix = f"{expect.path}:{line_number}:" + (f"{col}:" if col is not None else "")
        assert any(line.startswith(prefix) and all(f in line for f in expect.fragments())
                   for line in lines), (
            f"expected a line starting {prefix!r} containing {expect.fragments()!r}; "
            f"stderr was:\n{err}")
    if case.nothing_else:
        problem_lines = [line for line in lines if PROBLEM_LINE.match(line)]
        assert len(problem_lines) == len(case.expects), err
        if command is not SITE_BUILD:  # MkDocs ends with its own summary
            assert f"\n{len(case.expects)} problem(s) found;" in f"\n{err}", err


@pytest.mark.usefixtures("reuse_parsed_yaml")
@pytest.mark.parametrize("command", [c for c in COMMANDS if c.cli], ids=lambda c: c.name)
@pytest.mark.parametrize("case", COMMAND_CASES, ids=lambda case: case.name)
def test_bad_input_fails_cleanly(project: Project, case: Case, command: Command):
    case.apply(project)
    assert_fails_cleanly(case, project, command, run_in_process(command, project))


@pytest.mark.parametrize(("case", "command"), SMOKE_TESTS,
                         ids=[f"{command.name}: {case.name}" for case, command in SMOKE_TESTS])
def test_bad_input_fails_cleanly_as_a_subprocess(tmp_path: Path, case: Case, command: Command):
    project = copy_project(tmp_path / "project") if command is SITE_BUILD else copy_data(
        tmp_path / "project")
    case.apply(project)
    assert_fails_cleanly(case, project, command, run_command(command, project))


def test_a_hand_written_page_in_the_way_of_a_generated_one_stops_the_build(project: Project):
    previous = project.root.parent / "previous-out"
    (previous / "index.md").parent.mkdir(parents=True)
    (previous / "index.md").write_text("the last good build\n", encoding="utf-8")
    shutil.copytree(REPO / "templates", project.root / "templates")
    project.write("docs/trade-targets.md", "# My own notes\n")
    code, out, err = run_in_process(PAGES, project, out=previous)
    assert "Traceback" not in out + err, err
    assert code == 1
    assert err.startswith("docs/trade-targets.md:1:1: a generated page has this path"), err
    assert [p.name for p in previous.iterdir()] == ["index.md"]
    assert (previous / "index.md").read_text(encoding="utf-8") == "the last good build\n"


def test_a_template_syntax_error_is_reported_at_its_line(project: Project):
    shutil.copytree(REPO / "templates", project.root / "templates")
    template = project.root / "templates" / "leader.md.jinja"
    lines = template.read_text(encoding="utf-8").splitlines()
    lines[5] = "{% if page.roles %}unclosed"
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run_in_process(PAGES, project)
    assert "Traceback" not in out + err, err
    assert code == 1
    assert err.startswith("templates/leader.md.jinja:"), err
    assert "template syntax error" in err


def test_a_call_dated_by_its_weekday_and_its_page_date_passes(project: Project):
    call_on("2025-08-11")(project)
    assert project.problems() == []


def test_a_sentence_may_keep_a_hedge_with_a_weaker_word_of_its_class(project: Project):
    """A proposal may be written 'suggested' (the class lists it); the reverse is the
    Gyeongju case above, which fails."""
    project.replace(GYEONGJU, "Cường proposed the Korean side", "Cường suggested the Korean side")
    assert project.problems() == []


def test_without_a_hedge_vocabulary_hedges_are_not_checked_but_names_are(project: Project):
    project.path(HEDGES).unlink()
    project.replace(HANOI, "Agreed in a joint declaration on the need to upgrade",
                    "Agreed in a joint declaration to upgrade")
    assert project.problems() == []
    project.replace(VIETNAM_2023, "text: The two sides agreed", "text: Moon agreed")
    assert [p.message.split(" names ")[1][:23] for p in project.problems()] == [
        "Moon Jae-in (as 'Moon')"]
