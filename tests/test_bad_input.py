"""Bad input must fail cleanly: exit status 1, ``path:line:`` and a clear message, no traceback.

Every case breaks a fresh copy of the fictional corpus (tests/fixtures/fictional-pair/data) in
one way, either with a mutation function (some add the small inline corpus a case needs: a
figure worked out from another, a call dated by its weekday) or by dropping in a file from
tests/bad_inputs/. Each case is
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
    FICTIONAL_DATA,
    PAGES,
    REPO,
    SITE_BUILD,
    Command,
    Project,
    copy_data,
    copy_project,
    run_command,
    run_in_process,
)

from summit_briefings.model.problems import Problem

BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"
# The fictional corpus's summits: a stated date (Port Arlen), a day worked out from a
# weekday (Vesk) and a year worked out with 'latest_before' (Korvel).
PORT_ARLEN = "data/summits/2031-04-10-port-arlen.yaml"
VESK = "data/summits/2032-03-09-vesk.yaml"
KORVEL = "data/summits/2031-11-korvel.yaml"
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


def then(*mutations: Callable[[Project], None]) -> Callable[[Project], None]:
    """Several mutations, in turn."""
    def mutate(project: Project) -> None:
        for mutation in mutations:
            mutation(project)
    return mutate


def source_entry(source_id: str) -> dict:
    sources = yaml.safe_load((FICTIONAL_DATA.parent / SOURCES).read_text(encoding="utf-8"))
    return next(s for s in sources if s["id"] == source_id)


# The Sud Courier article (Vesk) is the one whose file the source-file cases break.
COURIER = "sudcourier-2032-vesk"
COURIER_FILE = source_entry(COURIER)["file"]
COURIER_PATH = f"data/sources/{COURIER_FILE}"
COURIER_SHA = source_entry(COURIER)["sha256"]
COURIER_OUTLET = "  outlet: Sud Courier\n"
NORDWIRE_FILE = source_entry("nordwire-2031-port-arlen")["file"]
# The Sud Courier article with the case of its first letter flipped: one byte changed.
COURIER_CHANGED = bytes(byte ^ 0x20 if i == 0 else byte for i, byte in enumerate(
    (FICTIONAL_DATA / "sources" / COURIER_FILE).read_bytes()))


def fixture_line(path: str, needle: str) -> int:
    """The line of the first ``needle`` in a file of the unbroken fictional corpus."""
    text = (FICTIONAL_DATA.parent / path).read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


def set_source_bytes(raw: bytes) -> Callable[[Project], None]:
    """New bytes for the Sud Courier article, with its sha256 updated: only the content is
    wrong."""
    def mutate(project: Project) -> None:
        old = hashlib.sha256(project.path(COURIER_PATH).read_bytes()).hexdigest()
        project.write(COURIER_PATH, raw)
        project.replace(SOURCES, old, hashlib.sha256(raw).hexdigest())
    return mutate


def reword_source(old: str, new: str) -> Callable[[Project], None]:
    """The Sud Courier article saying ``new`` where it said ``old``, its sha256 updated."""
    def mutate(project: Project) -> None:
        text = project.read(COURIER_PATH)
        assert text.count(old) == 1, f"{old!r} is not once in {COURIER_PATH}"
        set_source_bytes(text.replace(old, new).encode("utf-8"))(project)
    return mutate


RAIL_AUTHORITY = "Brenić proposed a joint rail authority for the two networks."


def reword_rail_authority(sentence: str, text: str) -> Callable[[Project], None]:
    """Brenić's rail-authority sentence reworded in the article and in the quote of the Vesk
    outcome that cites it; the outcome's own text becomes ``text``."""
    return then(reword_source(RAIL_AUTHORITY, sentence),
                edit(VESK, f"quote: {RAIL_AUTHORITY}", f"quote: {sentence}"),
                edit(VESK, "text: Ana Brenić proposed a joint rail authority for the two "
                     "networks.", f"text: {text}"))


def symlink_source_outside(project: Project) -> None:
    link = project.path(COURIER_PATH)
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


PORT_ARLEN_11 = "data/summits/2031-04-11-port-arlen.yaml"


def redate_port_arlen_to_the_11th(project: Project) -> None:
    """Move the Port Arlen summit a day later (date, id, file name, and the references of
    trade and of Vesk's report on its pledge): its quotes still say April 10."""
    project.replace(PORT_ARLEN, "  value: 2031-04-10\n", "  value: 2031-04-11\n")
    project.replace(PORT_ARLEN, "id: 2031-04-10-port-arlen", "id: 2031-04-11-port-arlen")
    project.path(PORT_ARLEN).rename(project.path(PORT_ARLEN_11))
    project.replace(TRADE, "summit: 2031-04-10-port-arlen", "summit: 2031-04-11-port-arlen")
    project.replace(VESK, "[2031-04-10-port-arlen/", "[2031-04-11-port-arlen/")


def copy_summit(project: Project) -> None:
    project.write("data/summits/2031-04-10-port-arlen2.yaml", project.read(PORT_ARLEN))


def drop_reasoning(project: Project) -> None:
    text = project.read(KORVEL)
    start = text.index("  reasoning: >-")
    project.write(KORVEL, text[:start] + text[text.index("  cite:", start):])


def huge_people_file(project: Project) -> None:
    padding = "# " + "x" * 98 + "\n"
    project.write(PEOPLE, project.read(PEOPLE) + padding * 21_000)


def non_utf8_topics(project: Project) -> None:
    text = project.read(TOPICS).replace("name: Transport", "name: Trans\x00port")
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


TEXT_1961 = "The two countries established diplomatic relations in March 1961."
QUOTE_1961 = f"quote: {TEXT_1961}"

# A call dated by its weekday, on the Sud Courier article ("in Vesk on Tuesday", published
# 2032-03-12): test input only, beside the corpus's own Vesk summit.
CALL = "data/summits/{value}-phone-call.yaml"
CALL_SUMMIT = """id: {value}-phone-call
title: Ana Brenić and Pavel Dorn by phone
mode: phone call
date:
  value: {value}
  basis: inferred
{clue}  reasoning: The article says the leaders met on Tuesday.
  cite:
    - source: sudcourier-2032-vesk
      quote: received Norlandic President Ana Brenić at the Chancellery in Vesk on Tuesday
occasion:
  kind: talks
  text: Talks between the two leaders.
  cite:
    - source: sudcourier-2032-vesk
      quote: for a working visit
participants:
  - person: ana-brenic
    role: President
    cite:
      - source: sudcourier-2032-vesk
        quote: Norlandic President Ana Brenić
  - person: pavel-dorn
    role: Chancellor
    cite:
      - source: sudcourier-2032-vesk
        quote: Sudmark Chancellor Pavel Dorn
"""
COURIER_PUBLISHED = "  published: 2032-03-12\n  published_from: text\n"


def call_on(value: str, weekday: str = "Tuesday",
            published: bool = True) -> Callable[[Project], None]:
    """The call, dated ``value`` from ``weekday``; without ``published``, the article gives
    no page date to count back from."""
    def mutate(project: Project) -> None:
        project.write(CALL.format(value=value),
                      CALL_SUMMIT.format(value=value, clue=f"  weekday: {weekday}\n"))
        if not published:
            project.replace(SOURCES, COURIER_PUBLISHED, "")
    return mutate


def undated_call(value: str) -> Callable[[Project], None]:
    """The same call with no weekday to work a day out from: how a new user dated a real
    article before dates were checked (issue #27, finding 11)."""
    return write(CALL.format(value=value), CALL_SUMMIT.format(value=value, clue=""))


KORVEL_30 = "data/summits/2030-11-korvel.yaml"


def redate_korvel_to_2030(project: Project) -> None:
    """Move the Korvel meeting a year earlier (date, id, file name): the November its
    'latest_before' works out stays November 2031."""
    project.replace(KORVEL, "  value: 2031-11\n", "  value: 2030-11\n")
    project.replace(KORVEL, "id: 2031-11-korvel", "id: 2030-11-korvel")
    project.path(KORVEL).rename(project.path(KORVEL_30))


# Korvel's date: its year worked out with 'latest_before' from the article's dateline, its
# month in the quote that says where the leaders last met.
KORVEL_YEAR_CLUE = "  inferred_parts: [year]\n  latest_before: 2032-03-12\n"
KORVEL_DATELINE_QUOTE = """    - source: sudcourier-2032-vesk
      quote: VESK, March 12, 2032
place:"""
KORVEL_MONTH_QUOTE = "quote: The two leaders had last met in Korvel, Norland, in November\n"

# A figure worked out from another, as the corpus has none: trade in 2029 from 2030's and
# the growth a second (inline) Nord Wire report gives.
GROWTH_SOURCE = "nordwire-2031-trade"
GROWTH_FILE = "nordwire-2031-trade.txt"
GROWTH_TEXT = ("FICTIONAL ARTICLE: written for the Summit Briefings test suite.\n\n"
               "Trade between Norland and Sudmark reached EUR 41.5 billion in 2030, up 10 percent "
               "from 2029.\n")
FORMULA = "formula: 41.5 / (1 + 10 / 100)"


def with_derived_figure(project: Project) -> None:
    raw = GROWTH_TEXT.encode("utf-8")
    project.write(f"data/sources/{GROWTH_FILE}", raw)
    project.write(SOURCES, project.read(SOURCES) + (
        f"- id: {GROWTH_SOURCE}\n  file: {GROWTH_FILE}\n  title: Norland–Sudmark trade grew "
        f"10 percent in 2030\n  title_editorial: true\n  outlet: Nord Wire\n  language: en\n"
        f"  sha256: {hashlib.sha256(raw).hexdigest()}\n"))
    project.replace(TRADE, "        quote: Trade between Norland and Sudmark reached EUR 41.5 "
                    "billion in 2030\n", "        quote: Trade between Norland and Sudmark "
                    f"reached EUR 41.5 billion in 2030\n      - source: {GROWTH_SOURCE}\n"
                    "        quote: up 10 percent from 2029\n")
    project.replace(TRADE, "figures:\n", f"""figures:
  - id: trade-2029
    year: 2029
    amount: 37.7
    measures: Trade between Norland and Sudmark, computed from the 2030 figure and its growth
    derived:
      {FORMULA}
      uses: [trade-2030]
    cite:
      - source: {GROWTH_SOURCE}
        quote: reached EUR 41.5 billion in 2030, up 10 percent from 2029
""")


def derived_then(old: str, new: str) -> Callable[[Project], None]:
    """The figure worked out from another, then one edit of trade.yaml."""
    return then(with_derived_figure, edit(TRADE, old, new))


# Vesk's trade target outcome citing the sentence that also gives an aim.
TARGET_QUOTE = "quote: The leaders restated their target of EUR 60 billion in trade by 2036\n"
TARGET_AND_AIM_QUOTE = TARGET_QUOTE.replace(
    "2036\n", "2036, and aim for EUR 50 billion in the near term\n")

CASES = [
    # broken YAML syntax
    Case("unclosed flow list in the topics, and no topic then reported unknown", "syntax",
         Expect(TOPICS, 5, "YAML syntax error:"), files={TOPICS: "unclosed_bracket.yaml"},
         nothing_else=True),
    Case("unclosed flow list in a summit, and no summit then reported unknown", "syntax",
         Expect(PORT_ARLEN, 2, "YAML syntax error: expected ',' or ']'"),
         mutate=write(PORT_ARLEN, "id: [2031-04-10-port-arlen\n"), nothing_else=True),
    Case("mapping key indented wrongly", "syntax",
         Expect(PORT_ARLEN, "  title:", "YAML syntax error: mapping values are not allowed here"),
         mutate=edit(PORT_ARLEN, "\ntitle:", "\n  title:")),
    Case("tab used for indentation", "syntax",
         Expect(PORT_ARLEN, "\tcity", "YAML syntax error: found character '\\t'"),
         mutate=edit(PORT_ARLEN, "  city: Port Arlen\n", "\tcity: Port Arlen\n")),
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
         mutate=edit(TRADE, "    amount: 41.5\n", "    amount: lots\n")),
    Case("year has a fraction", "wrong type",
         Expect(TRADE, "year: 2030.5", "figures[0].year: Input should be a valid integer"),
         mutate=edit(TRADE, "    year: 2030\n", "    year: 2030.5\n")),
    Case("participants is a string", "wrong type",
         Expect(KORVEL, "participants: ana", "participants: Input should be a valid list"),
         mutate=lambda p: p.write(KORVEL, re.sub(r"participants:\n(  .*\n)+",
                                                 "participants: ana-brenic\n", p.read(KORVEL)))),
    Case("headline is not a boolean", "wrong type",
         Expect(PORT_ARLEN, "headline: maybe",
                "outcomes[0].headline: Input should be a valid bool"),
         mutate=edit(PORT_ARLEN, "    headline: true\n    text: Agreed to double",
                     "    headline: maybe\n    text: Agreed to double")),
    Case("country code not two capital letters, and no participant then reported unknown",
         "wrong type",
         Expect(PEOPLE, "country: Norland", "[0].country: String should match pattern"),
         mutate=then(edit(PEOPLE, "  country: XN\n", "  country: Norland\n"),
                     edit(PEOPLE, "  country: XS\n", "  country: Sudmark\n")),
         also=(Expect(PEOPLE, "country: Sudmark", "[1].country: String should match "
                      "pattern '^[A-Z]{2}$': got 'Sudmark'"),),
         nothing_else=True),
    Case("currency not a three-letter code, and no country then reported unknown", "wrong type",
         Expect(SITE, "currency: dollars", "currency: String should match pattern"),
         mutate=edit(SITE, "currency: EUR", "currency: dollars"), nothing_else=True),
    Case("id that is not lower-case words joined by hyphens", "wrong type",
         Expect(TOPICS, "Transport Links",
                "got 'Transport Links'; ids are lower-case words joined by hyphens"),
         mutate=edit(TOPICS, "- id: transport\n", "- id: Transport Links\n")),
    Case("cite is a mapping", "wrong type",
         Expect(MILESTONES, ("source: nordwire-2031-port-arlen", 1),
                "[0].cite: Input should be a valid list"),
         mutate=edit(MILESTONES, "  cite:\n    - source: nordwire-2031-port-arlen\n      "
                     + QUOTE_1961, "  cite:\n    source: nordwire-2031-port-arlen\n    "
                     + QUOTE_1961)),
    # missing required fields
    Case("summit without title", "missing field",
         Expect(PORT_ARLEN, 1, "title: required field 'title' is missing; add it"),
         mutate=edit(PORT_ARLEN, "title: Ana Brenić and Pavel Dorn in Port Arlen\n", "")),
    Case("person without country", "missing field",
         Expect(PEOPLE, "- id: pavel-dorn", "country: required field 'country' is missing"),
         mutate=edit(PEOPLE, "  country: XS\n", "")),
    Case("source without sha256", "missing field",
         Expect(SOURCES, f"- id: {COURIER}", "sha256: required field 'sha256'"),
         mutate=edit(SOURCES, f"  sha256: {COURIER_SHA}\n", "")),
    Case("citation without quote", "missing field",
         Expect(MILESTONES, ("source: nordwire-2031-port-arlen", 1),
                "[0].cite[0].quote: required field 'quote' is missing"),
         mutate=edit(MILESTONES, "\n      " + QUOTE_1961, "")),
    Case("misspelt field", "schema",
         Expect(PORT_ARLEN, "titel: typo", "titel: unknown field 'titel'; check its spelling"),
         mutate=edit(PORT_ARLEN, "title: Ana Brenić and Pavel Dorn in Port Arlen\n",
                     "title: Ana Brenić and Pavel Dorn in Port Arlen\ntitel: typo\n")),
    # unknown ids
    Case("unknown participant", "unknown id",
         Expect(PORT_ARLEN, "ana-brenc",
                "unknown person 'ana-brenc'; define it in data/people.yaml", col="ana-brenc"),
         mutate=edit(PORT_ARLEN, "  - person: ana-brenic\n", "  - person: ana-brenc\n")),
    Case("unknown person in 'by'", "unknown id",
         Expect(PORT_ARLEN, "[pavel-dor]", "unknown person 'pavel-dor'"),
         mutate=edit(PORT_ARLEN, "by: [pavel-dorn]\n    figures:",
                     "by: [pavel-dor]\n    figures:")),
    Case("unknown source", "unknown id",
         Expect(MILESTONES, "nordwire-2031-port-arlin",
                "unknown source 'nordwire-2031-port-arlin'; define it in data/sources.yaml",
                col="nordwire-2031-port-arlin"),
         mutate=edit(MILESTONES, "- source: nordwire-2031-port-arlen\n      " + QUOTE_1961,
                     "- source: nordwire-2031-port-arlin\n      " + QUOTE_1961)),
    Case("country not in data/site.yaml", "unknown id",
         Expect(PEOPLE, "country: XJ", "unknown country 'XJ'; define it in data/site.yaml"),
         mutate=edit(PEOPLE, "  country: XS\n", "  country: XJ\n")),
    Case("one party's people all given an unknown country, and no summit then reported "
         "without that party", "unknown id",
         Expect(PEOPLE, "country: XJ", "unknown country 'XJ'; define it in data/site.yaml"),
         mutate=edit(PEOPLE, "  country: XN\n", "  country: XJ\n"), nothing_else=True),
    Case("name form in a script its country does not list", "schema",
         Expect(PEOPLE, "script: Cyrillic}", "'Cyrillic' is not a script data/site.yaml lists "
                "for Norland"),
         mutate=edit(PEOPLE, "{text: Ana Brenić, script: Norlandic}",
                     "{text: Ana Brenić, script: Cyrillic}")),
    Case("person id that names the folder of the leaders A-Z", "schema",
         Expect(PEOPLE, "id: by-name", "the id 'by-name' names the folder of the leaders A–Z",
                col="by-name"),
         mutate=edit(PEOPLE, "- id: ana-brenic\n", "- id: by-name\n")),
    Case("display name not among the name forms", "schema",
         Expect(PEOPLE, "name: Ana Brenich", "the display name 'Ana Brenich' is not among"),
         mutate=edit(PEOPLE, "  name: Ana Brenić\n", "  name: Ana Brenich\n")),
    # A role is an office held as of its date: a clause about the meeting is no title, and
    # 'late' or 'former' says the person no longer holds one (issue 27, finding 10).
    Case("participant role that is a clause, not a title", "schema",
         Expect(KORVEL, "role: His counterpart", ("participants[1].role: 'His counterpart from "
                "Sudmark' is a clause, not a title", "give the office as a quote")),
         mutate=edit(KORVEL, "  - person: pavel-dorn\n", "  - person: pavel-dorn\n"
                     "    role: His counterpart from Sudmark\n"),
         nothing_else=True),
    Case("role of a dead person, dated as if held", "schema",
         Expect(PEOPLE, "title: Late former President", ("roles[0].title: 'Late former "
                "President of Norland' says the person has died or left office",
                "'described_as'")),
         mutate=edit(PEOPLE, "    - title: President\n", "    - title: Late former President "
                     "of Norland\n"), nothing_else=True),
    Case("former office given as a role", "schema",
         Expect(PEOPLE, "title: Former Chancellor", "says the person has died or left "
                "office: it is not a role held as of a date"),
         mutate=edit(PEOPLE, "    - title: Chancellor\n", "    - title: Former Chancellor\n"),
         nothing_else=True),
    Case("site file without the second party", "schema",
         Expect(SITE, "- code: XN", "parties: List should have at least 2 items"),
         mutate=lambda p: p.write(SITE, re.sub(r"  - code: XS\n(    .*\n)+", "",
                                               p.read(SITE)))),
    Case("a country listed twice in the site file", "duplicate id",
         Expect(SITE, ("code: XS", 2), "country 'XS' is listed twice"),
         mutate=append(SITE, "others:\n  - {code: XS, name: Sudmark again, scripts: "
                       "[romanised]}\n")),
    Case("unknown topic", "unknown id",
         Expect(PORT_ARLEN, "topic: transportt",
                "unknown topic 'transportt'; define it in data/topics.yaml", col="transportt"),
         mutate=edit(PORT_ARLEN, "    topic: transport\n    kind: pledge",
                     "    topic: transportt\n    kind: pledge")),
    Case("unknown summit", "unknown id",
         Expect(TRADE, "2031-04-10-port-arlem", "unknown summit '2031-04-10-port-arlem'; "
                "define it in data/summits/", col="2031-04-10-port-arlem"),
         mutate=edit(TRADE, "    summit: 2031-04-10-port-arlen\n",
                     "    summit: 2031-04-10-port-arlem\n")),
    Case("unknown fact in a formula's 'uses'", "unknown id",
         Expect(TRADE, "trade-2028", "unknown fact 'trade-2028'", col="trade-2028"),
         mutate=derived_then("uses: [trade-2030]", "uses: [trade-2028]")),
    Case("a target statement naming an outcome its summit does not have", "unknown id",
         Expect(TRADE, "outcome: trade-targets", "'trade-targets' is not an "
                "outcome of '2031-04-10-port-arlen'"),
         mutate=edit(TRADE, "    outcome: trade-target\n    restated:",
                     "    outcome: trade-targets\n    restated:")),
    # a target's history runs forward, each statement of a kind the schema names
    Case("a restatement earlier than the statement before it", "schema",
         Expect(TRADE, "summit: 2031-11-korvel", ("'2031-11-korvel' (2031-11) is not later "
                "than '2032-03-09-vesk'", "oldest first")),
         mutate=edit(TRADE, "  - id: target-50bn-near-term\n", "      - summit: 2031-11-korvel\n"
                     "        stated_by: [ana-brenic, pavel-dorn]\n        kind: aimed\n"
                     "        horizon: near term\n        cite:\n"
                     "          - source: sudcourier-2032-vesk\n            " + TARGET_QUOTE
                     + "  - id: target-50bn-near-term\n")),
    Case("one target recorded twice", "schema",
         Expect(TRADE, ("amount: 60", 2), ("'target-60bn-by-2036' is already a target of "
                "this amount by 2036", "under its 'restated'")),
         mutate=append(TRADE, "  - id: target-60bn-by-2036-again\n    amount: 60\n"
                       "    deadline: 2036\n    summit: 2032-03-09-vesk\n    kind: agreed\n"
                       "    cite:\n      - source: sudcourier-2032-vesk\n        "
                       + TARGET_QUOTE)),
    Case("a target statement of no known kind", "schema",
         Expect(TRADE, "kind: agred", ("kind: Input should be", "'hoped'")),
         mutate=edit(TRADE, "kind: agreed\n", "kind: agred\n")),
    # duplicate ids, and two pages with the same URL
    Case("two people with the same id", "duplicate id",
         Expect(PEOPLE, ("- id: ana-brenic", 2), "duplicate person id 'ana-brenic' (also in "
                f"{PEOPLE}:{fixture_line(PEOPLE, '- id: ana-brenic')})"),
         mutate=duplicate_entry(PEOPLE, "- id: ana-brenic", "- id: pavel-dorn")),
    Case("two sources with the same id and file", "duplicate id",
         Expect(SOURCES, ("- id: nordwire-2031-port-arlen", 2),
                "duplicate source id 'nordwire-2031"),
         mutate=duplicate_entry(SOURCES, "- id: nordwire-2031-port-arlen", f"- id: {COURIER}"),
         also=(Expect(SOURCES, (f"file: {NORDWIRE_FILE}", 2),
                      f"duplicate source file '{NORDWIRE_FILE}"),)),
    Case("two topics with the same id", "duplicate id",
         Expect(TOPICS, ("- id: transport", 2), "duplicate topic id 'transport'"),
         mutate=edit(TOPICS, "- id: relations\n", "- id: transport\n")),
    Case("two outcomes of a summit with the same id", "duplicate id",
         Expect(PORT_ARLEN, ("- id: rail-freight", 2),
                "duplicate outcome id 'rail-freight' in this summit (also outcomes[0])"),
         mutate=edit(PORT_ARLEN, "  - id: trade-rank\n", "  - id: rail-freight\n")),
    Case("two summit files with the same id", "duplicate id",
         Expect("data/summits/2031-04-10-port-arlen2.yaml", 1,
                f"duplicate summit id '2031-04-10-port-arlen' (also in {PORT_ARLEN}:1)"),
         mutate=copy_summit,
         also=(Expect("data/summits/2031-04-10-port-arlen2.yaml", 1,
                      "must match its file name '2031-04-10-port-arlen2.yaml'"),)),
    Case("summit id not matching its file name", "duplicate id",
         Expect(PORT_ARLEN, 1, "summit id '2031-04-10-portarlen' must match its file name"),
         mutate=edit(PORT_ARLEN, "id: 2031-04-10-port-arlen\n", "id: 2031-04-10-portarlen\n")),
    # invalid and impossible dates
    Case("month 13", "date", Expect(MILESTONES, "2023-13-01",
                                     "'2023-13-01' is not a valid date (month must be in 1..12)"),
         mutate=edit(MILESTONES, "  date: 1961-03\n", "  date: 2023-13-01\n")),
    Case("February 30", "date",
         Expect(MILESTONES, "2023-02-30",
                "'2023-02-30' is not a valid date (day is out of range for month)",
                col="2023-02-30"),
         mutate=edit(MILESTONES, "  date: 1961-03\n", "  date: 2023-02-30\n")),
    Case("February 30 quoted", "date",
         Expect(PORT_ARLEN, "2031-02-30", "date.value: day 30 does not exist in 2031-02"),
         mutate=edit(PORT_ARLEN, "  value: 2031-04-10\n", '  value: "2031-02-30"\n')),
    Case("date in words", "date",
         Expect(PORT_ARLEN, "June 23",
                "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got 'June 23'"),
         mutate=edit(PORT_ARLEN, "  value: 2031-04-10\n", "  value: June 23\n")),
    # A milestone's date is a bare value, not a mapping with 'value'.
    *(Case(name, "date", Expect(MILESTONES, f"date: {value}", fragment),
           mutate=edit(MILESTONES, "  date: 1961-03\n", f"  date: {value}\n"))
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
         Expect(KORVEL, "value: 2031-11", "date: an inferred date needs 'reasoning' saying how "
                "it follows from the text"),
         mutate=drop_reasoning),
    Case("summit id not starting with its date", "date",
         Expect(PORT_ARLEN, 1, "must start with its date '2031-04-11-'"),
         mutate=edit(PORT_ARLEN, "  value: 2031-04-10\n", "  value: 2031-04-11\n")),
    # quotes and numbers against the sources
    # The typo is near the start, so the closest passage is found through the last words.
    Case("quote not in its source, with the closest passage offered", "quote",
         Expect(MILESTONES, "estabished",
                (f'quote not found in {NORDWIRE_FILE}; closest passage: "{TEXT_1961[:-1]}',
                 "copy the passage verbatim"), col="The two countries estabi"),
         mutate=edit(MILESTONES, QUOTE_1961, QUOTE_1961.replace("established", "estabished"))),
    Case("quote found twice", "quote",
         Expect(MILESTONES, "quote: Norland and Sudmark", f"quote occurs 2 times in "
                f"{NORDWIRE_FILE}; add words"),
         mutate=edit(MILESTONES, QUOTE_1961, "quote: Norland and Sudmark")),
    Case("number missing from its quote", "quote",
         Expect(TRADE, "- id: trade-2030", "the number 41.6 is not in any of this fact's quotes"),
         mutate=edit(TRADE, "    amount: 41.5\n", "    amount: 41.6\n")),
    Case("stated day not in the date's quotes", "quote",
         Expect(PORT_ARLEN_11, "value: 2031-04-11",
                "the number 11 is not in any of this fact's quotes"),
         mutate=redate_port_arlen_to_the_11th),
    Case("a restatement whose quotes lack its year", "quote",
         Expect(TRADE, "- summit: 2032-03-09-vesk", "the number 2037 is not in any of this "
                "restatement's quotes"),
         mutate=edit(TRADE, "deadline: 2036\n        outcome: trade-target\n",
                     "deadline: 2037\n        outcome: trade-target\n")),
    Case("a target's qualifier not in the quote that gives its amount", "quote",
         Expect(TRADE, "qualifier: at least", "'at least' is not in a quote that gives 60"),
         mutate=edit(TRADE, "kind: agreed\n", "kind: agreed\n        qualifier: at least\n")),
    Case("derived amount not matching its formula", "quote",
         Expect(TRADE, "amount: 37.9", "amount 37.9 does not match its formula"),
         mutate=derived_then("    amount: 37.7\n", "    amount: 37.9\n")),
    Case("formula with code in it", "quote",
         Expect(TRADE, "formula:", "formula cannot be evaluated: only numbers"),
         mutate=derived_then(FORMULA, "formula: __import__('os')")),
    Case("formula using a number no fact in its 'uses' states", "quote",
         Expect(TRADE, "formula:", "the formula uses 41.6, which none of the facts in 'uses' "
                "states"),
         mutate=derived_then(FORMULA, FORMULA.replace("41.5", "41.6"))),
    Case("name form not in the person's quotes", "quote",
         Expect(PEOPLE, "text: Pavel Dorm", "name 'Pavel Dorm' does not appear"),
         mutate=edit(PEOPLE, "{text: Pavel Dorn,", "{text: Pavel Dorm,")),
    Case("name form with diacritics not in the person's quotes", "quote",
         Expect(PEOPLE, "Ana Brenič,", "name 'Ana Brenič' does not appear in this person's "
                "quotes"),
         mutate=edit(PEOPLE, "{text: Ana Brenić,", "{text: Ana Brenič,")),
    Case("name form without diacritics not a quoted form with them dropped", "quote",
         Expect(PEOPLE, "text: Ana Brenc,",
                ("name 'Ana Brenc' does not appear in this person's quotes",
                 "(a form without diacritics may be a quoted form with them dropped)")),
         mutate=edit(PEOPLE, "{text: Ana Brenic,", "{text: Ana Brenc,")),
    # source files
    *(Case(name, "source file", Expect(SOURCES, f"file: '{file}'", "a source file's name uses "
                                       "only letters, digits, '-', '_' and '.'"),
           mutate=edit(SOURCES, f"file: {COURIER_FILE}", f"file: '{file}'"))
      for name, file in (("source path with '..'", "../x.txt"),
                         ("source path with '..' to a data file that exists", "../people.yaml"),
                         ("absolute source path", "/etc/hostname"),
                         ("source in a subfolder of data/sources", "old/x.txt"),
                         ("source file name with '#'", "a#b.txt"),
                         ("source file name with a percent escape", "%2e%2e.txt"),
                         ("hidden source file", ".vesk.txt"))),
    Case("source is a symlink pointing outside", "source file",
         Expect(COURIER_PATH, 1, "is a symbolic link, which is never followed"),
         mutate=symlink_source_outside),
    Case("source file not UTF-8", "source file",
         Expect(COURIER_PATH, 1, "not valid UTF-8 (byte 0xe6); save the file as UTF-8"),
         mutate=set_source_bytes("Pavel Dorn met Ana Brenić in Vésk".encode("cp1250"))),
    Case("source file over the size limit", "source file",
         Expect(COURIER_PATH, 1, ("over the 500,000-byte limit for a source article",
                                  "split it or shorten it")),
         mutate=set_source_bytes(b"Pavel Dorn met Ana Brenic.\n" * 20_000)),
    Case("source file with too many paragraphs", "source file",
         Expect(COURIER_PATH, 1, "2,001 paragraphs, over the limit of 2,000"),
         mutate=set_source_bytes(b"Dorn met Brenic.\n" * 2_001)),
    *(Case(f"source text with {name}", "source file",
           Expect(COURIER_PATH, 2, f"the character {code} is not allowed in a "
                  "source text (only line breaks and tabs are)", col=4),
           mutate=set_source_bytes(f"Dorn met Brenic.\nOn {char}Tuesday.\n".encode()))
      for name, char, code in (("a NUL", "\x00", "U+0000"),
                               ("an escape sequence", "\x1b[2J", "U+001B"),
                               ("a right-to-left override", "\u202e", "U+202E"))),
    Case("source file that is a named pipe", "source file",
         Expect(COURIER_PATH, 1, "is a named pipe (FIFO), not a file"),
         mutate=fifo(COURIER_PATH)),
    Case("empty source file", "source file",
         Expect(SOURCES, f"file: {COURIER_FILE}", f"{COURIER_PATH} is empty"),
         mutate=set_source_bytes(b"")),
    Case("source file holding only whitespace", "source file",
         Expect(SOURCES, f"file: {COURIER_FILE}", f"{COURIER_PATH} is empty"),
         mutate=set_source_bytes(b" \n")),
    Case("missing source file", "source file",
         Expect(SOURCES, f"file: {COURIER_FILE}", f"source file '{COURIER_PATH}' does "
                "not exist; copy the article there"),
         mutate=remove(COURIER_PATH)),
    Case("source file changed by one byte", "source file",
         Expect(SOURCES, f"sha256: {COURIER_SHA[:8]}", f"{COURIER_PATH} has changed (sha256 is "
                f"{hashlib.sha256(COURIER_CHANGED).hexdigest()})", col=COURIER_SHA[:8]),
         mutate=write(COURIER_PATH, COURIER_CHANGED)),
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
         Expect(PORT_ARLEN, "!!set", "the tag 'tag:yaml.org,2002:set' is not allowed on a list "
                "or mapping in data files; write a plain list or mapping", col="!!set"),
         mutate=edit(PORT_ARLEN, "by 2035.\n    by: [ana-brenic, pavel-dorn]\n",
                     "by 2035.\n    by: !!set {ana-brenic, pavel-dorn}\n"),
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
         Expect(PORT_ARLEN, "title: Again", "duplicate key 'title' (first at line 2)", col=1),
         mutate=edit(PORT_ARLEN, "\ndate:\n", "\ntitle: Again\ndate:\n"), nothing_else=True),
    Case("YAML file not UTF-8", "yaml file",
         Expect(TOPICS, "name: Trans", "not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
         mutate=non_utf8_topics, nothing_else=True),
    Case("people.yaml is a mapping", "yaml file",
         Expect(PEOPLE, "ana-brenic:", "expected a list of Person entries"),
         files={PEOPLE: "people_as_mapping.yaml"}),
    Case("summit file is a list", "yaml file",
         Expect(PORT_ARLEN, "- id:", "expected a Summit written as 'field: value' lines, got a "
                "list"),
         files={PORT_ARLEN: "summit_as_list.yaml"}),
    Case("trade.yaml is a list", "yaml file",
         Expect(TRADE, 1, "expected a Trade written as 'field: value' lines, got a list"),
         mutate=write(TRADE, "- 41.5\n- 44\n")),
    Case("lists nested thousands deep", "yaml file",
         Expect(TOPICS, "name: [", "nested more than 64 levels deep"),
         mutate=write(TOPICS, "- id: x\n  name: " + "[" * 5000 + "]" * 5000 + "\n"),
         nothing_else=True),
    Case("integer too long to convert", "yaml file",
         Expect(TRADE, "amount: 999", ("the number '9999999999", "…' has too many digits to read"),
                col="9999"),
         mutate=edit(TRADE, "    amount: 41.5\n", "    amount: " + "9" * 5000 + "\n"),
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
                                                   p.read(PORT_ARLEN)))
      for suffix in (".yml", ".YAML", ".Yaml")),
    # Text is text: no control or bidi characters, bounded lengths, well-formed tags.
    Case("right-to-left override in a summit title", "yaml file",
         Expect(PORT_ARLEN, "title:", "the bidirectional control character U+202E is not "
                "allowed in a data file"),
         mutate=lambda p: p.write(PORT_ARLEN, re.sub(r"(?m)^title: ", "title: \u202e",
                                                     p.read(PORT_ARLEN), count=1))),
    Case("bidi isolate in a source's web address", "yaml file",
         Expect(SOURCES, "url: https", "the bidirectional control character U+2067"),
         mutate=edit(SOURCES, COURIER_OUTLET,
                     COURIER_OUTLET + "  url: https://example.org/\u2067a\n")),
    Case("language that is not a BCP 47 tag", "schema",
         Expect(SOURCES, "language: english please", "a language is a BCP 47 tag such as 'en'"),
         mutate=set_first(SOURCES, "language", "english please")),
    Case("summit title over the length limit", "schema",
         Expect(PORT_ARLEN, "title:", "501 characters, over the limit of 500 for 'title'"),
         mutate=set_first(PORT_ARLEN, "title", "Ana " + "a" * 497)),
    Case("outcome text over the length limit", "schema",
         Expect(PORT_ARLEN, "text:", "5,001 characters, over the limit of 5,000 for 'text'"),
         mutate=lambda p: p.write(PORT_ARLEN, re.sub(r"(?m)^(\s+text: ).*$",
                                                     lambda m: m.group(1) + "b" * 5_001,
                                                     p.read(PORT_ARLEN), count=1))),
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
         Expect(PORT_ARLEN, 1, "is a symbolic link, which is never followed"),
         mutate=lambda p: link_outside(PORT_ARLEN, p.read(PORT_ARLEN))(p)),
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
      for name, path, key in (("blank summit title", PORT_ARLEN, "title"),
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
          ("placeholder occasion text", PORT_ARLEN, "text", "EDIT ME",
           "'EDIT ME' is a placeholder"),
          ("photo credit as source title", SOURCES, "title", "'Photo : NORD WIRE'",
           "'Photo : NORD WIRE' reads as a photo credit or byline, not a title"),
          ("byline as summit title", PORT_ARLEN, "title", "By Mara Velt",
           "reads as a photo credit or byline"))),
    Case("meeting in person with no place", "schema",
         Expect(PORT_ARLEN, 1, "a meeting in person needs a 'place'; for a call, set mode: "
                "phone"),
         mutate=lambda p: p.write(PORT_ARLEN, re.sub(r"(?ms)^place:.*?^(?=occasion:)", "",
                                                     p.read(PORT_ARLEN)))),
    Case("summit without a participant from one party", "schema",
         Expect(PORT_ARLEN, "  - person: ana-brenic", "a summit needs at least one "
                "participant from each of Norland (XN) and Sudmark (XS); none here is from XS"),
         mutate=edit(PORT_ARLEN, "  - person: pavel-dorn\n", "  - person: ana-brenic\n")),
    Case("inferred place without reasoning", "schema",
         Expect(PORT_ARLEN, "city: Port Arlen", "an inferred place needs 'reasoning'"),
         mutate=edit(PORT_ARLEN, "  city: Port Arlen\n",
                     "  city: Port Arlen\n  basis: inferred\n")),
    Case("stated month not in the date's quotes", "quote",
         Expect(PORT_ARLEN, "value: 2031-04-10", "the month (April) of this date is not in any "
                "of its"),
         mutate=edit(PORT_ARLEN, "      quote: met in Port Arlen on April 10, 2031\nplace:",
                     "      quote: 10, 2031, during an official visit by Dorn\nplace:")),
    Case("weekday date that is not the last such day before publication", "quote",
         Expect(CALL.format(value="2032-03-02"), "value: 2032-03-02",
                f"the last Tuesday on or before 2032-03-12 (when '{COURIER}' was "
                "published) is 2032-03-09, not 2032-03-02"),
         mutate=call_on("2032-03-02")),
    Case("weekday not in the date's quotes", "quote",
         Expect(CALL.format(value="2032-03-11"), "weekday: Thursday",
                "'Thursday' is not in any of this date's quotes"),
         mutate=call_on("2032-03-11", weekday="Thursday")),
    Case("weekday date whose source has no page date", "quote",
         Expect(CALL.format(value="2032-03-09"), "weekday: Tuesday",
                f"needs the day the article was published: give source '{COURIER}' a "
                "full 'published' date"),
         mutate=call_on("2032-03-09", published=False)),
    Case("weekday on a date that is not a full day", "schema",
         Expect("data/summits/2032-03-phone-call.yaml", "value: 2032-03",
                "a date worked out from a 'weekday' is a full date"),
         mutate=call_on("2032-03")),
    Case("inferred part the date does not give", "schema",
         Expect(KORVEL, "value: 2031-11", "'inferred_parts' lists parts of an inferred date "
                "that it gives (year, month)"),
         mutate=edit(KORVEL, "inferred_parts: [year]", "inferred_parts: [day]")),
    Case("stated part of a partly inferred date not in its quotes", "quote",
         Expect(KORVEL, "value: 2031-11", "the number 2031 is not in any of this fact's "
                "quotes; quote the passage that states it, or set basis: inferred"),
         mutate=edit(KORVEL, KORVEL_YEAR_CLUE, "  inferred_parts: [month]\n")),
    # Every part of an inferred date is in its quotes or worked out from them (issue #27).
    Case("wholly inferred date that no text gives: an undated article dated 2019-01-01",
         "quote",
         Expect(CALL.format(value="2019-01-01"), "value: 2019-01-01",
                ("the year (2019) and month (January) of this inferred date are in none of its "
                 "quotes", "an inferred day (1) needs a 'weekday'",
                 "register a report that does as a source"), col="2019-01-01"),
         mutate=undated_call("2019-01-01"), nothing_else=True),
    Case("inferred year in none of the date's quotes: Korvel's 2031 uncited", "quote",
         Expect(KORVEL, "value: 2031-11", ("the year (2031) of this inferred date is in "
                "none of its quotes", "cite a quote that gives it, or work the year out with "
                "'latest_before'")),
         mutate=edit(KORVEL, KORVEL_YEAR_CLUE, ""), nothing_else=True),
    Case("inferred month from another report, uncited: Korvel's November 2031", "quote",
         Expect(KORVEL, "value: 2031-11", "the year (2031) and month (November) of this "
                "inferred date are in none of its quotes"),
         mutate=then(edit(KORVEL, KORVEL_YEAR_CLUE, ""),
                     edit(KORVEL, "    - source: sudcourier-2032-vesk\n      "
                          + KORVEL_MONTH_QUOTE, "")),
         nothing_else=True),
    Case("inferred day without a weekday", "quote",
         Expect(PORT_ARLEN, "value: 2031-04-10", ("an inferred day (10) needs a 'weekday'",
                "leave it out of 'inferred_parts'", 'value: "2031-04"')),
         mutate=edit(PORT_ARLEN, "  basis: stated\n", "  basis: inferred\n  inferred_parts: "
                     "[day]\n  reasoning: The caption gives the day.\n"), nothing_else=True),
    Case("year that 'latest_before' does not work out", "quote",
         Expect(KORVEL_30, "value: 2030-11", "the last November on or before 2032-03-12 is "
                "2031-11, not 2030-11; fix the date or 'latest_before'"),
         mutate=redate_korvel_to_2030, nothing_else=True),
    Case("'latest_before' a date that no quote of the date states", "quote",
         Expect(KORVEL, "latest_before: 2032-03-11", "2032-03-11 is not stated in any of this "
                "date's quotes; cite the passage that gives its year, month and day"),
         mutate=edit(KORVEL, "latest_before: 2032-03-12", "latest_before: 2032-03-11"),
         nothing_else=True),
    Case("'latest_before' a date the article states, in no quote the date cites", "quote",
         Expect(KORVEL, "latest_before: 2032-03-12", "2032-03-12 is not stated in any of this "
                "date's quotes"),
         mutate=edit(KORVEL, KORVEL_DATELINE_QUOTE, "place:"), nothing_else=True),
    Case("'latest_before' on a date whose year is stated", "schema",
         Expect(PORT_ARLEN, "value: 2031-04-10", "'latest_before' works out the inferred year "
                "of a date that gives a month"),
         mutate=edit(PORT_ARLEN, "  basis: stated\n",
                     "  basis: stated\n  latest_before: 2031-04-10\n"),
         nothing_else=True),
    Case("paraphrase naming a person without the display name's diacritics", "quote",
         Expect(VESK, "Ana Brenic proposed", "writes 'Ana Brenic' where the site names this "
                "person 'Ana Brenić'; pages name each person one way"),
         mutate=edit(VESK, "text: Ana Brenić proposed", "text: Ana Brenic proposed")),
    Case("paraphrase naming a person by the surname without diacritics", "quote",
         Expect(VESK, "Brenic proposed a joint",
                "writes 'Brenic' where the site names this person 'Brenić'"),
         mutate=edit(VESK, "text: Ana Brenić proposed", "text: Brenic proposed")),
    Case("editorial source title naming a person without diacritics", "quote",
         Expect(SOURCES, "title: Dorn and Brenic", "writes 'Brenic' where the site names "
                "this person 'Brenić'; an editorial title names each person one way"),
         mutate=edit(SOURCES, "  title: Dorn and Brenić open the first section of the "
                     "Arlen–Vesk line\n  title_editorial: false\n", "  title: Dorn and Brenic "
                     "open the first section of the Arlen–Vesk line\n  title_editorial: true\n")),
    # Sentences the site writes keep their quotes' hedges (data/hedges.yaml) …
    Case("sentence that drops a hedge of necessity: Vesk's 'agreed on the need to open'",
         "wording",
         Expect(VESK, "Agreed to open the border",
                ("drops the hedge 'the need to' (necessity)", "agreed on the need to open",
                 "write one of 'the need to'"), col="Agreed"),
         mutate=edit(VESK, "text: Agreed on the need to open", "text: Agreed to open"),
         nothing_else=True),
    Case("sentence that drops an attribution: Vesk's rank 'according to' the statistics "
         "office", "wording",
         Expect(VESK, "text: Sudmark is Norland's third", ("drops the hedge 'according to' "
                "(attribution)", "according to the Norland statistics office", "'reportedly'")),
         mutate=edit(VESK, "text: Sudmark is Norland's third-largest trading partner, "
                     "according to the Norland statistics office.",
                     "text: Sudmark is Norland's third-largest trading partner."),
         nothing_else=True),
    Case("proposal written for a suggestion: 'Brenić suggested a joint rail authority'",
         "wording",
         Expect(VESK, "text: Ana Brenić proposed a joint", ("drops the hedge 'suggested' "
                "(suggestion)", "Brenić suggested a joint rail authority", "'suggest'")),
         mutate=reword_rail_authority(RAIL_AUTHORITY.replace("proposed", "suggested"),
                                      "Ana Brenić proposed a joint rail authority for the two "
                                      "networks."),
         nothing_else=True),
    Case("quote that stops short of the attribution governing its source sentence", "wording",
         Expect(VESK, "text: Sudmark is Norland's third", ("drops the hedge 'according to' "
                "(attribution) of the source's sentence of its quote", "according to the "
                "Norland statistics office")),
         mutate=then(edit(VESK, "text: Sudmark is Norland's third-largest trading partner, "
                          "according to the Norland statistics office.",
                          "text: Sudmark is Norland's third-largest trading partner."),
                     edit(VESK, "quote: Sudmark is now Norland's third-largest trading "
                          "partner, according to the Norland statistics office.",
                          "quote: Sudmark is now Norland's third-largest trading partner"))),
    Case("sentence that drops a hope", "wording",
         Expect(VESK, "Ana Brenić wanted", ("drops the hedge 'hoped' (hope)",
                                            "Brenić hoped for a joint rail authority")),
         mutate=reword_rail_authority("Brenić hoped for a joint rail authority for the two "
                                      "networks.", "Ana Brenić wanted a joint rail authority "
                                      "for the two networks.")),
    Case("sentence that drops an aim", "wording",
         Expect(VESK, "text: Restated EUR 60 billion", "drops the hedge 'aim' (intention)"),
         mutate=then(edit(VESK, "        " + TARGET_QUOTE, "        " + TARGET_AND_AIM_QUOTE),
                     edit(VESK, "text: Restated the target of EUR 60 billion in trade by 2036.",
                          "text: Restated EUR 60 billion in trade by 2036, and EUR 50 billion "
                          "in the near term."))),
    Case("sentence that drops a 'would' (prospect)", "wording",
         Expect(VESK, "Ana Brenić said a joint", "drops the hedge 'would' (prospect)"),
         mutate=reword_rail_authority("Brenić said a joint rail authority would serve the "
                                      "two networks.", "Ana Brenić said a joint rail authority "
                                      "serves the two networks.")),
    # … and name only people whom their quotes name.
    Case("bottom line naming leaders none of its quotes names: Vesk's 'Ana Brenić and Pavel "
         "Dorn agreed'", "wording",
         Expect(VESK, "text: Ana Brenić and Pavel Dorn", ("names Ana Brenić (as 'Ana Brenić'), "
                "whom none of the quotes it cites names", "cite a passage that names them")),
         mutate=edit(VESK, "text: The two leaders agreed on the need",
                     "text: Ana Brenić and Pavel Dorn agreed on the need"),
         also=(Expect(VESK, "text: Ana Brenić and Pavel Dorn", "names Pavel Dorn "
                      "(as 'Pavel Dorn')"),)),
    Case("outcome naming a person its quotes do not name, who is not in its 'by'", "wording",
         Expect(PORT_ARLEN, "text: Brenić set a target", ("names Ana Brenić (as 'Brenić')",
                                                         "list them in 'by'")),
         mutate=edit(PORT_ARLEN, "    text: Set a target of EUR 60 billion in trade by 2036.\n"
                     "    by: [ana-brenic, pavel-dorn]\n", "    text: Brenić set a target of "
                     "EUR 60 billion in trade by 2036.\n    by: [pavel-dorn]\n"),
         nothing_else=True),
    Case("outcome naming by a short form a person its quotes do not name", "wording",
         Expect(PORT_ARLEN, "Sudmark is Norland's fourth", "names Ana Brenić (as 'Brenić')"),
         mutate=edit(PORT_ARLEN, "text: Sudmark is Norland's fourth-largest trading partner.",
                     "text: Sudmark is Norland's fourth-largest trading partner, Brenić "
                     "said.")),
    Case("summit title naming the second party's leader first", "wording",
         Expect(PORT_ARLEN, "title: Pavel Dorn and Ana", ("names Pavel Dorn (Sudmark) before "
                "Ana Brenić (Norland)", "order of the parties in data/site.yaml"), col="Pavel"),
         mutate=edit(PORT_ARLEN, "title: Ana Brenić and Pavel Dorn in Port Arlen",
                     "title: Pavel Dorn and Ana Brenić in Port Arlen"), nothing_else=True),
    Case("outcome reporting on an outcome its summit does not have", "unknown id",
         Expect(VESK, "reports_on: [2031-04-10-port-arlen/no-such", "'no-such-pledge' is not "
                "an outcome of '2031-04-10-port-arlen'"),
         mutate=edit(VESK, "[2031-04-10-port-arlen/rail-line-pledge]",
                     "[2031-04-10-port-arlen/no-such-pledge]"),
         nothing_else=True),
    Case("outcome reporting on an earlier outcome that is not a pledge", "unknown id",
         Expect(VESK, "reports_on: [2031-04-10-port-arlen/rail-freight", "recorded as "
                "agreement, not a pledge"),
         mutate=edit(VESK, "[2031-04-10-port-arlen/rail-line-pledge]",
                     "[2031-04-10-port-arlen/rail-freight]"),
         nothing_else=True),
    Case("outcome reporting on a pledge of a later summit", "unknown id",
         Expect(PORT_ARLEN, "reports_on: [2032-03-09-vesk/rail-authority", "is not earlier "
                "than this summit"),
         mutate=then(edit(VESK, "    kind: position\n    text: Ana Brenić proposed",
                          "    kind: pledge\n    side: XN\n    text: Ana Brenić proposed"),
                     edit(PORT_ARLEN, "  - id: rail-freight\n", "  - id: rail-freight\n"
                          "    reports_on: [2032-03-09-vesk/rail-authority]\n")),
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
         Expect(PORT_ARLEN, "qualifier: nearly", "'nearly' is not in a quote that gives 60; "
                "quote the passage that qualifies the number"),
         mutate=edit(PORT_ARLEN, "period: by 2036}", "period: by 2036, qualifier: nearly}")),
    Case("qualifier that is not one of the words", "schema",
         Expect(PORT_ARLEN, "qualifier: roughly", "qualifier: Input should be 'at least'"),
         mutate=edit(PORT_ARLEN, "period: by 2036}", "period: by 2036, qualifier: roughly}")),
    Case("web address that is not http", "schema",
         Expect(SOURCES, "url: javascript", "is not a web address"),
         mutate=edit(SOURCES, COURIER_OUTLET, COURIER_OUTLET + "  url: javascript:alert(1)\n")),
    Case("publication date without where it comes from", "schema",
         Expect(SOURCES, f"- id: {COURIER}", "'published' needs 'published_from'"),
         mutate=edit(SOURCES, COURIER_PUBLISHED, "  published: 2032-03-12\n")),
    Case("publication date said to be in the text that is not", "quote",
         Expect(SOURCES, "published: 1999-01-02", "the number 1999 of this date is not in"),
         mutate=edit(SOURCES, "  published: 2032-03-12\n", "  published: 1999-01-02\n")),
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
    call_on("2032-03-09")(project)
    assert project.problems() == []


def test_the_figure_worked_out_from_another_passes(project: Project):
    """The derived figure the formula cases break is sound before they break it."""
    with_derived_figure(project)
    assert project.problems() == []


def test_a_sentence_may_keep_a_hedge_with_a_weaker_word_of_its_class(project: Project):
    """A proposal may be written 'suggested' (the class lists it); the reverse is the
    rail-authority case above, which fails."""
    project.replace(VESK, "text: Ana Brenić proposed a joint", "text: Ana Brenić suggested a joint")
    assert project.problems() == []


def test_without_a_hedge_vocabulary_hedges_are_not_checked_but_names_are(project: Project):
    project.path(HEDGES).unlink()
    project.replace(VESK, "text: Agreed on the need to open", "text: Agreed to open")
    assert project.problems() == []
    project.replace(VESK, "text: The two leaders agreed on the need",
                    "text: Dorn agreed on the need")
    assert [p.message.split(" names ")[1][:22] for p in project.problems()] == [
        "Pavel Dorn (as 'Dorn')"]
