"""Unit tests of the data checker: what passes, and the functions beneath the rules.

A broken input and the problem it must report are a row of the table in
tests/test_bad_input.py, with its message, place and what must not cascade; this file holds
what is not one break and its report: the real data and the fictional corpus passing, quotes
and names the check must accept, several breaks reported in one run, and unit tests of loading
YAML, normalising and finding quotes, and evaluating formulas.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from conftest import FICTIONAL_DATA, LIVE_DATA, Project, copy_data, count_data, run_check
from hypothesis import given, settings
from hypothesis import strategies as st

from summit_briefings.contexts.facts import all_facts
from summit_briefings.evidence.quotes import (
    SCANS_BEFORE_INDEX,
    IndexedSource,
    canonical_number,
    evaluate_formula,
    fold_typography,
    normalise,
    quoted_numbers,
)
from summit_briefings.evidence.verify import verify_citations
from summit_briefings.model.load import load_yaml
from summit_briefings.model.problems import BriefingError
from summit_briefings.model.validate import validate

pytestmark = pytest.mark.usefixtures("reuse_parsed_yaml")

VESK = "data/summits/2032-03-09-vesk.yaml"


@pytest.fixture
def fictional(tmp_path: Path) -> Project:
    """A writable copy of the fictional corpus's data/ under tmp_path; break it freely."""
    return copy_data(tmp_path / "project", FICTIONAL_DATA)


# --- the real data ---------------------------------------------------------------------

def test_real_data_passes_with_summary_counts_matching_the_yaml():
    code, out, err = run_check(LIVE_DATA.parent)
    assert (code, err) == (0, "")
    n = count_data(LIVE_DATA)
    assert n["facts"] > 0 and n["citations"] >= n["facts"]
    assert out.strip() == (f"{n['sources']} sources, {n['summits']} summits, "
                           f"{n['people']} people, {n['facts']} facts, "
                           f"{n['citations']} citations verified")


def test_real_data_checks_its_sentences_against_a_hedge_vocabulary():
    """Without data/hedges.yaml the hedge rule is off: the real data must keep one."""
    hedges = validate(LIVE_DATA.parent).hedges
    assert hedges and all(h.quote_words and h.site_words for h in hedges)


def test_fictional_copy_passes_in_process_with_the_same_counts(fictional: Project):
    corpus = validate(fictional.root)
    evidence = verify_citations(corpus)
    n = count_data(fictional.data)
    facts = list(all_facts(corpus))
    assert (len(facts), evidence.citations) == (n["facts"], n["citations"])
    assert len(corpus.summits) == n["summits"]
    assert fictional.problems() == []


# --- quotes and names the check accepts ------------------------------------------------

def test_quote_may_differ_in_quote_marks_dashes_and_whitespace(fictional: Project):
    # The source writes "Norland's" (straight apostrophe) and "Arlen–Vesk" (en dash): a curly
    # apostrophe, a doubled space and a hyphen in the quotes are all accepted.
    fictional.replace(VESK, "quote: Sudmark is now Norland's third-largest trading partner",
                      "quote: Sudmark is now Norland’s  third-largest trading partner")
    fictional.replace(VESK, "quote: Dorn said the first section of the Arlen–Vesk rail line",
                      "quote: Dorn said the first section of the Arlen-Vesk rail line")
    assert fictional.problems() == []


def test_quote_in_decomposed_unicode_matches_the_nfc_source(fictional: Project):
    decomposed = unicodedata.normalize("NFD", "Norlandic President Ana Brenić")
    assert decomposed != "Norlandic President Ana Brenić"
    fictional.replace("data/people.yaml", "quote: Norlandic President Ana Brenić\n",
                      f"quote: {decomposed}\n", count=2)
    assert fictional.problems() == []


def test_name_without_diacritics_may_be_a_quoted_form_with_them_dropped(fictional: Project):
    # Ana Brenić's quote writes the name with diacritics: the form without them passes because
    # it is the quoted form folded (tests/test_bad_input.py has it failing as soon as it is
    # not).
    people = yaml.safe_load(fictional.read("data/people.yaml"))
    brenic = next(p for p in people if p["id"] == "ana-brenic")
    assert any(form["text"] == "Ana Brenic" for form in brenic["names"])
    assert all("Ana Brenic" not in c["quote"] for c in brenic["cite"])
    assert fictional.problems() == []


# --- loading YAML -----------------------------------------------------------------------

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


@pytest.mark.parametrize(("value", "written"), [
    (100.0, "100"), (60, "60"), (41.5, "41.5"), (0.25, "0.25"), ("1,234.50", "1234.5"),
    ("13,000", "13000"),
    (1234.5678, "1234.5678"),  # every digit the data gives: '{:g}' would print 1234.57
])
def test_a_number_is_written_plainly_with_every_digit_it_has(value, written):
    """As the chart, the facts export and the computed texts write an amount."""
    assert canonical_number(value) == written


@pytest.mark.parametrize("formula", ["(-8) ** (1 / 3)", "10 ** 10 ** 10", "1 / 0",
                                     "1" + " + 1" * 50_000, "True + 1", "x * 2", "1e400 * 0"])
def test_formula_that_cannot_give_a_real_number_is_a_value_error(formula):
    with pytest.raises(ValueError):
        evaluate_formula(formula)


def test_formula_arithmetic_is_evaluated():
    assert evaluate_formula("87 / (1 + 11.4 / 100)") == pytest.approx(78.0969, abs=1e-4)
    assert evaluate_formula("-2 ** 2") == -4


def test_each_test_gets_its_own_copy_of_the_data(tmp_path: Path):
    first = copy_data(tmp_path / "one", FICTIONAL_DATA)
    second = copy_data(tmp_path / "two", FICTIONAL_DATA)
    first.write("data/topics.yaml", "")
    assert second.read("data/topics.yaml") == (FICTIONAL_DATA / "topics.yaml").read_text(
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
        fictional: Project):
    # An unknown person used to stop the check before any quote was verified.
    fictional.replace(VESK, "  - person: pavel-dorn\n", "  - person: pavel-dorx\n")
    fictional.replace(VESK, "in Vesk on Tuesday for a working visit",
                      "in Vesk on Tuesday for a workng visit")
    fictional.replace(VESK, "quote: Brenić proposed a joint rail authority",
                      "quote: Brenić proposed a joint rail authorty")
    problems = [p for p in fictional.problems() if p.path == VESK]
    messages = [p.message for p in problems]
    assert any("unknown person 'pavel-dorx'" in m for m in messages), messages
    assert sum("quote not found" in m for m in messages) == 2, messages
    assert problems == sorted(problems)


def test_the_quotes_of_an_entry_that_fails_the_schema_are_still_checked(fictional: Project):
    fictional.replace(VESK, "title: Ana Brenić and Pavel Dorn in Vesk",
                      "titel: Ana Brenić and Pavel Dorn in Vesk")
    fictional.replace(VESK, "quote: Brenić proposed a joint rail authority",
                      "quote: Brenić proposed a joint rail authorty")
    messages = [p.message for p in fictional.problems() if p.path == VESK]
    assert any("unknown field 'titel'" in m for m in messages), messages
    assert any(m.startswith("quote not found") for m in messages), messages


def test_the_guides_are_read_with_the_data_and_titled_as_mkdocs_titles_them(make_project):
    """docs/guide/ is read by validation, once, before anything is verified: its titles for
    the home page (the first heading after the front matter), its unreadable pages reported
    with the data's problems."""
    project = make_project({"docs/guide/a.md": "---\n# not a heading\nsearch:\n  exclude: true\n"
                                               "---\n\n# Adding a summit\n\nText.\n",
                            "docs/guide/b.md": "No heading here.\n"}, base=FICTIONAL_DATA)
    assert validate(project.root).guides == {"Adding a summit": "guide/a.md",
                                             "b": "guide/b.md"}
    (project.root / "docs" / "guide" / "c.md").write_bytes(b"# Caf\xe9\n")
    (project.root / "data" / "people.yaml").write_text("{}\n", encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        validate(project.root)
    paths = {problem.path for problem in caught.value.problems}
    assert {"docs/guide/c.md", "data/people.yaml"} <= paths
