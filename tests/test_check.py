"""Unit tests of the data checker that need more than the bad-input table
(tests/test_bad_input.py, where a broken input and its expected message are one row): the
column of a problem, the closest passage offered, the counts, what does not cascade.

Each test breaks a copy of the fixture corpus (tests/fixtures/site/data) and asserts the
message and its ``path:line`` (and the column where it is meaningful). Expected lines are
looked up in the broken file rather than hard-coded, so that editing the fixture does not break
these tests.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_DATA, LIVE_DATA, Project, copy_data, count_data, run_check
from hypothesis import given, settings
from hypothesis import strategies as st

from summit_briefings.errors import BriefingError, Problem
from summit_briefings.facts import all_facts
from summit_briefings.load import load_yaml
from summit_briefings.quotes import (
    SCANS_BEFORE_INDEX,
    IndexedSource,
    canonical_number,
    evaluate_formula,
    fold_typography,
    normalise,
    quoted_numbers,
)
from summit_briefings.validate import validate
from summit_briefings.verify import verify_citations

pytestmark = pytest.mark.usefixtures("reuse_parsed_yaml")

HANOI = "data/summits/2018-03-23-hanoi.yaml"
DANANG = "data/summits/2017-11-danang.yaml"


def find(problems: list[Problem], path: str, line: int, fragment: str) -> Problem:
    """The problem at path:line whose message contains fragment; fail listing all if none."""
    for problem in problems:
        if problem.path == path and problem.line == line and fragment in problem.message:
            return problem
    listing = "\n".join(str(p) for p in problems) or "(no problems)"
    pytest.fail(f"no problem at {path}:{line} containing {fragment!r}; got:\n{listing}")


def source_file(source_id: str) -> str:
    """The file name data/sources.yaml gives a source."""
    sources = yaml.safe_load((FIXTURE_DATA / "sources.yaml").read_text(encoding="utf-8"))
    return next(s["file"] for s in sources if s["id"] == source_id)


# --- the real data ---------------------------------------------------------------------

def test_real_data_passes_with_summary_counts_matching_the_yaml():
    code, out, err = run_check(LIVE_DATA.parent)
    assert (code, err) == (0, "")
    n = count_data(LIVE_DATA)
    assert n["facts"] > 0 and n["citations"] >= n["facts"]
    assert out.strip() == (f"{n['sources']} sources, {n['summits']} summits, "
                           f"{n['people']} people, {n['facts']} facts, "
                           f"{n['citations']} citations verified")


def test_fixture_copy_passes_in_process_with_the_same_counts(project: Project):
    corpus = validate(project.root)
    evidence = verify_citations(corpus)
    n = count_data(project.data)
    facts = list(all_facts(corpus))
    assert (len(facts), evidence.citations) == (n["facts"], n["citations"])
    assert len(corpus.summits) == n["summits"]
    assert project.problems() == []


# --- quotes against sources --------------------------------------------------------------

def test_quote_changed_by_one_character_fails_with_closest_passage(project: Project):
    original = "Vietnam and South Korea established diplomatic relations in December 1992"
    project.replace("data/milestones.yaml", f"quote: {original}",
                    f"quote: {original.replace('established', 'estabished')}")
    problem = find(project.problems(), "data/milestones.yaml",
                   project.line_of("data/milestones.yaml", "estabished"),
                   f"quote not found in {source_file('report-2023-vietnam')}")
    assert problem.col == project.col_of("data/milestones.yaml", "Vietnam and South Korea estabi")
    # The typo is near the start, so the passage is found through the quote's last words.
    assert f'closest passage: "{original}' in problem.message
    assert "copy the passage verbatim" in problem.message


def test_quote_occurring_twice_fails_naming_the_count(project: Project):
    project.replace("data/milestones.yaml",
                    "quote: Vietnam and South Korea established diplomatic relations in "
                    "December 1992",
                    "quote: substantive cooperation and technology transfer in the defense")
    find(project.problems(), "data/milestones.yaml",
         project.line_of("data/milestones.yaml", "technology transfer"),
         f"quote occurs 2 times in {source_file('report-2023-vietnam')}; add words")


def test_quote_may_differ_in_quote_marks_dashes_and_whitespace(project: Project):
    # The source writes "Việt Nam’s" (curly apostrophe); a straight one, a doubled space
    # and a different dash elsewhere are all accepted.
    project.replace("data/people.yaml", "- source: vnavns-2024-lima\n"
                    "      quote: Việt Nam’s State President Lương Cường met his counterpart",
                    "- source: vnavns-2024-lima\n"
                    "      quote: Việt Nam's  State President Lương Cường met his counterpart")
    assert project.problems() == []


def test_quote_in_decomposed_unicode_matches_the_nfc_source(project: Project):
    decomposed = unicodedata.normalize("NFD", "National Assembly Chairman Trần Thanh Mẫn")
    project.replace("data/people.yaml", "      quote: National Assembly Chairman Trần Thanh Mẫn",
                    f"      quote: {decomposed}", count=2)
    assert project.problems() == []




def test_stated_date_day_missing_from_its_quote_fails(project: Project):
    project.replace(HANOI, "  value: 2018-03-23\n", "  value: 2018-03-22\n")
    project.replace(HANOI, "id: 2018-03-23-hanoi", "id: 2018-03-22-hanoi")
    project.path(HANOI).rename(project.path("data/summits/2018-03-22-hanoi.yaml"))
    project.replace("data/trade.yaml", "summit: 2018-03-23-hanoi", "summit: 2018-03-22-hanoi")
    path = "data/summits/2018-03-22-hanoi.yaml"
    find(project.problems(), path, project.line_of(path, "value: 2018-03-22"),
         "the number 22 is not in any of this fact's quotes")


def test_sha256_mismatch_after_one_source_byte_changes(project: Project):
    name = source_file("menafn-2025-seoul")
    raw = bytearray(project.path(f"data/sources/{name}").read_bytes())
    raw[0] ^= 0x20  # flip the case of the first letter
    project.write(f"data/sources/{name}", bytes(raw))
    problem = find(project.problems(), "data/sources.yaml",
                   project.line_of("data/sources.yaml", "sha256: 77738a18"),
                   f"data/sources/{name} has changed (sha256 is {hashlib.sha256(raw).hexdigest()})")
    assert problem.col == project.col_of("data/sources.yaml", "77738a18")




def test_derived_formula_using_an_uncited_number_fails(project: Project):
    project.replace("data/trade.yaml", "formula: 87 / (1 + 11.4 / 100)",
                    "formula: 87.5 / (1 + 11.4 / 100)")
    find(project.problems(), "data/trade.yaml", project.line_of("data/trade.yaml", "formula:"),
         "the formula uses 87.5, which none of the facts in 'uses' states")






def test_name_with_diacritics_not_in_the_persons_quotes_fails(project: Project):
    project.replace("data/people.yaml", "{text: Tô Lâm,", "{text: Tô Lam,")
    find(project.problems(), "data/people.yaml", project.line_of("data/people.yaml", "Tô Lam,"),
         "name 'Tô Lam' does not appear in this person's quotes")


def test_name_without_diacritics_may_be_a_quoted_form_with_them_dropped(project: Project):
    # Phạm Minh Chính's only quote writes the name with diacritics: the form without them
    # passes because it is the quoted form folded, and fails as soon as it is not.
    people = yaml.safe_load(project.read("data/people.yaml"))
    pham = next(p for p in people if p["id"] == "pham-minh-chinh")
    assert all("Pham Minh Chinh" not in c["quote"] for c in pham["cite"])
    assert project.problems() == []
    project.replace("data/people.yaml", "{text: Pham Minh Chinh,", "{text: Pham Minh Chin,")
    problem = find(project.problems(), "data/people.yaml",
                   project.line_of("data/people.yaml", "text: Pham Minh Chin,"),
                   "name 'Pham Minh Chin' does not appear in this person's quotes")
    assert problem.message.endswith("(a form without diacritics may be a quoted form with "
                                    "them dropped)")


# --- schema rules -----------------------------------------------------------------------

def test_inferred_date_without_reasoning_fails(project: Project):
    text = project.read(DANANG)
    start = text.index("  reasoning: >-")
    end = text.index("  cite:", start)
    project.write(DANANG, text[:start] + text[end:])
    find(project.problems(), DANANG, project.line_of(DANANG, "value: 2017-11"),
         "date: an inferred date needs 'reasoning' saying how it follows from the text")


@pytest.mark.parametrize(("value", "fragment"), [
    ('"2023-13-01"', "month 13 does not exist"),
    ('"2023-02-30"', "day 30 does not exist in 2023-02"),
    ("June 23", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got 'June 23'"),
    ("12345", "got '12345'"),
    ("-5", "got '-5'"),
])
def test_impossible_or_malformed_milestone_date_fails(project: Project, value, fragment):
    project.replace("data/milestones.yaml", "  date: 1992-12\n", f"  date: {value}\n")
    find(project.problems(), "data/milestones.yaml",
         project.line_of("data/milestones.yaml", f"date: {value}"), fragment)


def test_unquoted_impossible_date_fails_at_the_yaml_value(project: Project):
    project.replace("data/milestones.yaml", "  date: 1992-12\n", "  date: 2023-02-30\n")
    problem = find(project.problems(), "data/milestones.yaml",
                   project.line_of("data/milestones.yaml", "2023-02-30"),
                   "'2023-02-30' is not a valid date (day is out of range for month)")
    assert problem.col == project.col_of("data/milestones.yaml", "2023-02-30")




def test_unknown_field_is_refused(project: Project):
    project.replace(HANOI, "title: Moon Jae-in and Tran Dai Quang in Hanoi\n",
                    "title: Moon Jae-in and Tran Dai Quang in Hanoi\ntitel: typo\n")
    find(project.problems(), HANOI, 3, "titel: unknown field 'titel'; check its spelling")




def test_id_that_is_not_a_slug_is_refused(project: Project):
    project.replace("data/topics.yaml", "- id: diplomacy\n", "- id: Diplomacy Ties\n")
    find(project.problems(), "data/topics.yaml",
         project.line_of("data/topics.yaml", "Diplomacy Ties"),
         "got 'Diplomacy Ties'; ids are lower-case words joined by hyphens")


# --- references and ids -----------------------------------------------------------------

@pytest.mark.parametrize(("path", "old", "new", "needle", "fragment"), [
    (HANOI, "  - person: moon-jae-in\n", "  - person: moon-jae-ln\n", "moon-jae-ln",
     "unknown person 'moon-jae-ln'; define it in data/people.yaml"),
    (HANOI, "    topic: regional\n    kind: pledge", "    topic: regionall\n    kind: pledge",
     "regionall", "unknown topic 'regionall'; define it in data/topics.yaml"),
    ("data/milestones.yaml", "- source: report-2023-vietnam\n      quote: elevated",
     "- source: report-2023-vietnan\n      quote: elevated", "report-2023-vietnan",
     "unknown source 'report-2023-vietnan'; define it in data/sources.yaml"),
    ("data/trade.yaml", "summit: 2025-08-seoul\n", "summit: 2025-08-busan\n", "2025-08-busan",
     "unknown summit '2025-08-busan'; define it in data/summits/"),
    ("data/trade.yaml", "uses: [trade-2022]", "uses: [trade-2020]", "trade-2020",
     "unknown fact 'trade-2020'"),
])
def test_unknown_id_is_reported_where_it_is_used(project: Project, path, old, new, needle,
                                                 fragment):
    project.replace(path, old, new)
    problem = find(project.problems(), path, project.line_of(path, needle), fragment)
    assert problem.col == project.col_of(path, needle)


def test_duplicate_person_id_is_reported_at_the_second(project: Project):
    text = project.read("data/people.yaml")
    entry = text[text.index("- id: moon-jae-in"):text.index("- id: tran-dai-quang")]
    project.write("data/people.yaml", text + "\n" + entry)
    find(project.problems(), "data/people.yaml",
         project.line_of("data/people.yaml", "- id: moon-jae-in", nth=2),
         "duplicate person id 'moon-jae-in' (also in data/people.yaml:"
         f"{project.line_of('data/people.yaml', '- id: moon-jae-in')})")




def test_duplicate_outcome_id_within_a_summit_is_reported(project: Project):
    project.replace(HANOI, "  - id: exchanges\n", "  - id: rcep\n")
    find(project.problems(), HANOI, project.line_of(HANOI, "- id: rcep", nth=2),
         "duplicate outcome id 'rcep' in this summit (also outcomes[2])")






def test_summit_without_a_participant_from_one_party_fails(project: Project):
    project.replace(HANOI, "  - person: tran-dai-quang\n", "  - person: kim-jong-un\n")
    find(project.problems(), HANOI, project.line_of(HANOI, "participants:") + 1,
         "a summit needs at least one participant from each of South Korea (KR) and Vietnam "
         "(VN); none here is from VN")




def test_unknown_country_does_not_cascade_into_summit_rules(project: Project):
    project.replace("data/people.yaml", "  country: KR\n", "  country: JP\n", count=3)
    problems = project.problems()
    assert {p.path for p in problems} == {"data/people.yaml"}, problems
    assert [p.message[:20] for p in problems] == ["unknown country 'JP'"] * 3


def test_site_file_that_fails_does_not_cascade_into_unknown_countries(project: Project):
    project.replace("data/site.yaml", "currency: USD", "currency: dollars")
    problems = project.problems()
    assert {p.path for p in problems} == {"data/site.yaml"}, problems


def test_topics_file_that_fails_to_load_does_not_cascade_into_unknown_topics(project: Project):
    project.write("data/topics.yaml", "- id: diplomacy\n  name: [unclosed\n")
    problems = project.problems()
    assert {p.path for p in problems} == {"data/topics.yaml"}, problems


def test_person_entry_that_fails_does_not_cascade_into_unknown_people(project: Project):
    project.replace("data/people.yaml", "  country: KR\n", "  country: Korea\n", count=3)
    problems = project.problems()
    assert {p.path for p in problems} == {"data/people.yaml"}, problems
    assert len(problems) == 3


def test_summit_file_that_fails_does_not_cascade_into_unknown_summits(project: Project):
    project.write(HANOI, "id: [2018-03-23-hanoi\n")
    problems = project.problems()
    assert {p.path for p in problems} == {HANOI}, problems


# --- source files -----------------------------------------------------------------------

@pytest.mark.parametrize("file", ["../people.yaml", "/etc/hostname", "sub/x.txt"])
def test_source_path_leaving_data_sources_is_refused(project: Project, file):
    name = source_file("menafn-2025-seoul")
    project.replace("data/sources.yaml", f"file: {name}", f"file: {file}")
    find(project.problems(), "data/sources.yaml",
         project.line_of("data/sources.yaml", f"file: {file}"),
         f"source file '{file}' must be a plain file directly inside data/sources/")




def test_missing_source_file_is_reported(project: Project):
    name = source_file("menafn-2025-seoul")
    project.path(f"data/sources/{name}").unlink()
    find(project.problems(), "data/sources.yaml",
         project.line_of("data/sources.yaml", f"file: {name}"),
         f"source file 'data/sources/{name}' does not exist")


def _set_source_bytes(project: Project, source_id: str, raw: bytes) -> str:
    """Replace a source file's bytes and its sha256, so only the new content is wrong."""
    name = source_file(source_id)
    old = hashlib.sha256(project.path(f"data/sources/{name}").read_bytes()).hexdigest()
    project.write(f"data/sources/{name}", raw)
    project.replace("data/sources.yaml", old, hashlib.sha256(raw).hexdigest())
    return name


def test_source_file_that_is_not_utf8_is_refused(project: Project):
    name = _set_source_bytes(project, "menafn-2025-seoul", "Vi\xea\xa3t Nam".encode("latin-1"))
    find(project.problems(), "data/sources.yaml",
         project.line_of("data/sources.yaml", f"file: {name}"),
         f"data/sources/{name} is not valid UTF-8")


def test_empty_source_file_is_refused(project: Project):
    name = _set_source_bytes(project, "menafn-2025-seoul", b" \n")
    find(project.problems(), "data/sources.yaml",
         project.line_of("data/sources.yaml", f"file: {name}"), f"data/sources/{name} is empty")


# --- loading YAML -----------------------------------------------------------------------

def load_problems(tmp_path: Path, text: str | bytes) -> list[Problem]:
    path = tmp_path / "data" / "x.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(BriefingError) as caught:
        load_yaml(path, tmp_path)
    return caught.value.problems


def test_yaml_duplicate_key_names_both_lines(tmp_path: Path):
    [problem] = load_problems(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert (problem.path, problem.line, problem.col) == ("data/x.yaml", 3, 1)
    assert problem.message.startswith("duplicate key 'a' (first at line 1)")


def test_yaml_aliases_are_refused_before_expansion(tmp_path: Path):
    [problem] = load_problems(tmp_path, "a: &x [1, 2]\nb: *x\n")
    assert (problem.line, problem.col) == (1, 4)
    assert "anchors and aliases (&name, *name) are not allowed" in problem.message


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['true']",
                                 "!!python/name:os.system", "!custom x"])
def test_yaml_tags_that_build_objects_are_refused(tmp_path: Path, tag):
    [problem] = load_problems(tmp_path, f"a: 1\nb: {tag}\n")
    assert (problem.line, problem.col) == (2, 4)
    assert "could not determine a constructor" in problem.message
    assert "only plain YAML is allowed" in problem.message


def test_yaml_nested_too_deeply_is_refused_without_recursing(tmp_path: Path):
    [problem] = load_problems(tmp_path, "a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert problem.line == 1
    assert "nested more than" in problem.message


def test_yaml_integer_too_long_to_convert_is_refused(tmp_path: Path):
    [problem] = load_problems(tmp_path, "a:\n  b: " + "9" * 5000 + "\n")
    assert (problem.line, problem.col) == (2, 6)
    assert problem.message.startswith("the number '9999")
    assert problem.message.endswith("…' has too many digits to read")


def test_yaml_list_as_key_is_refused(tmp_path: Path):
    [problem] = load_problems(tmp_path, "? [a, b]\n: c\n")
    assert "a key must be a plain word such as 'title', not a list" in problem.message


def test_yaml_second_document_is_refused(tmp_path: Path):
    [problem] = load_problems(tmp_path, "a: 1\n---\nb: 2\n")
    assert problem.line == 2
    assert "expected a single document in the stream, but found another" in problem.message


def test_yaml_not_utf8_reports_the_line_of_the_bad_byte(tmp_path: Path):
    [problem] = load_problems(tmp_path, b"a: 1\nb: caf\xe9\n")
    assert (problem.line, problem.message) == (
        2, "not valid UTF-8 (byte 0xe9); save the file as UTF-8")


def test_yaml_positions_are_recorded_for_nested_values(tmp_path: Path):
    path = tmp_path / "x.yaml"
    path.write_text("a:\n  - b: 1\n    c: [x, y]\n", encoding="utf-8")
    doc = load_yaml(path, tmp_path)
    assert doc.data == {"a": [{"b": 1, "c": ["x", "y"]}]}
    assert doc.where(("a", 0, "c", 1)) == (3, 12)
    assert doc.where(("a", 0, "missing")) == (2, 5)


# --- quotes: normalisation and search ---------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("“Peaceful” coexistence", '"Peaceful" coexistence'),
    ("Việt Nam’s ‘bright’ future", "Việt Nam's 'bright' future"),
    ("2024–2027 — a plan", "2024-2027 - a plan"),
    ("non‑breaking‐hyphen −5", "non-breaking-hyphen -5"),
    ("  several \t spaces\n\nand lines  ", "several spaces and lines"),
    ("no\u00a0break", "no break"),
    (unicodedata.normalize("NFD", "Lương Cường"), "Lương Cường"),
])
def test_normalise_folds_quotes_dashes_whitespace_and_composes(text, expected):
    assert normalise(text) == expected
    assert unicodedata.is_normalized("NFC", normalise(text))


def test_curly_and_straight_quotes_normalise_alike():
    assert normalise("“the two leaders’ talks”") == normalise("\"the two leaders' talks\"")


def test_find_all_finds_each_occurrence_and_maps_back_to_the_original():
    text = "He said “go”.\n\nThen he   said\n“go” again; she said ‘go’."
    index = IndexedSource(text)
    quote = normalise('said "go"')
    hits = index.find_all(quote)
    assert len(hits) == 2
    originals = [text[slice(*index.span(hit, len(quote)))] for hit in hits]
    assert originals == ["said “go”", "said\n“go”"]


def test_find_all_matches_part_words_at_the_edges_of_a_quote():
    index = IndexedSource("the leaders met. Later the leader spoke.")
    for _ in range(SCANS_BEFORE_INDEX + 1):  # by scanning, then through the word index
        assert len(index.find_all("the leader")) == 2
        assert len(index.find_all("he leaders met")) == 1
        assert len(index.find_all("leader")) == 2


def test_find_all_returns_nothing_for_an_absent_quote():
    index = IndexedSource("South Korea and Vietnam")
    assert index.find_all("Vietnam and South Korea") == []
    assert index.closest("South Korea and Laos") == "South Korea and Vietnam"


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet="ab ,.", min_size=0, max_size=40),
       st.text(alphabet="ab ,.", min_size=1, max_size=8))
def test_find_all_agrees_with_a_plain_substring_search(text, quote):
    index = IndexedSource(text)
    quote = normalise(quote)
    if not quote:
        return
    expected = [i for i in range(len(index.normalised)) if index.normalised.startswith(quote, i)]
    for _ in range(SCANS_BEFORE_INDEX + 1):  # by scanning, then through the word index
        assert sorted(index.find_all(quote)) == expected


def test_numbers_in_words_and_digits_are_both_recognised():
    assert quoted_numbers("some 13,000 workers over the next five years") == {"13000", "5"}
    assert canonical_number(100.0) == "100"
    assert canonical_number("1,234.50") == "1234.5"


@pytest.mark.parametrize("formula", ["(-8) ** (1 / 3)", "10 ** 10 ** 10", "1 / 0",
                                     "1" + " + 1" * 50_000, "True + 1", "x * 2", "1e400 * 0"])
def test_formula_that_cannot_give_a_real_number_is_a_value_error(formula):
    with pytest.raises(ValueError):
        evaluate_formula(formula)


def test_formula_arithmetic_is_evaluated():
    assert evaluate_formula("87 / (1 + 11.4 / 100)") == pytest.approx(78.0969, abs=1e-4)
    assert evaluate_formula("-2 ** 2") == -4


def test_each_test_gets_its_own_copy_of_the_data(tmp_path: Path):
    first = copy_data(tmp_path / "one")
    second = copy_data(tmp_path / "two")
    first.write("data/topics.yaml", "")
    assert second.read("data/topics.yaml") == (FIXTURE_DATA / "topics.yaml").read_text(
        encoding="utf-8")


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet="ab \n\t\u00a0’", min_size=0, max_size=40))
def test_every_character_of_the_normalised_text_maps_back_to_the_same_character(text):
    index = IndexedSource(text)
    folded = fold_typography(text)
    offsets = [index.original_offset(offset) for offset in range(len(index.normalised))]
    assert offsets == sorted(set(offsets))
    for offset, char in zip(offsets, index.normalised, strict=True):
        assert folded[offset] == char or (char == " " and folded[offset].isspace())


def test_one_run_reports_schema_reference_and_quote_problems_of_a_file_in_line_order(
        project: Project):
    # An unknown person used to stop the check before any quote was verified.
    project.replace(HANOI, "  - person: moon-jae-in\n", "  - person: moon-jae-im\n")
    project.replace(HANOI, "shake hands before the start of their bilateral summit",
                    "shake hands before the start of their bilateral sumit")
    project.replace(HANOI, "welcomed the recent rapprochement", "welcomed the recant rapprochement")
    problems = [p for p in project.problems() if p.path == HANOI]
    messages = [p.message for p in problems]
    assert any("unknown person 'moon-jae-im'" in m for m in messages), messages
    assert sum("quote not found" in m for m in messages) == 2, messages
    assert problems == sorted(problems)


def test_the_quotes_of_an_entry_that_fails_the_schema_are_still_checked(project: Project):
    project.replace(HANOI, "title: Moon Jae-in", "titel: Moon Jae-in")
    project.replace(HANOI, "welcomed the recent rapprochement", "welcomed the recant rapprochement")
    messages = [p.message for p in project.problems() if p.path == HANOI]
    assert any("unknown field 'titel'" in m for m in messages), messages
    assert any(m.startswith("quote not found") for m in messages), messages
