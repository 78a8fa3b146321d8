"""The draft extractor of `make new-source`: sentences, one candidate per value, names as the
text writes them, cut-off texts, and titles it must not guess."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import fictional_project

from summit_briefings.authoring.drafts import find_candidates, sentences
from summit_briefings.authoring.new_source import (
    Provenance,
    add_source,
    guess_title,
    looks_cut_off,
    slug,
)
from summit_briefings.evidence.quotes import quoted_numbers
from summit_briefings.model.schema import SLUG, Person
from summit_briefings.pipeline import build_site

CHINH = Person.model_validate({
    "id": "pham-minh-chinh", "name": "Phạm Minh Chính",
    "names": [{"text": "Phạm Minh Chính", "script": "Vietnamese spelling"},
              {"text": "Pham Minh Chinh", "script": "without diacritics"}], "country": "VN",
    "cite": [{"source": "x", "quote": "Prime Minister Phạm Minh Chính"}]})


@pytest.mark.parametrize(("text", "expected"), [
    ("Trade grew in 2023.The two leaders met. They agreed.",
     ["Trade grew in 2023.", "The two leaders met.", "They agreed."]),
    ("The U.S. envoy spoke. S.Korea agreed.", ["The U.S. envoy spoke.", "S.Korea agreed."]),
    ("Line one\nLine two", ["Line one", "Line two"]),
])
def test_sentences_split_at_full_stops_with_or_without_a_space(text: str, expected: list[str]):
    assert [text[a:b] for a, b in sentences(text)] == expected


def test_each_value_and_each_person_is_one_candidate_written_as_the_text_writes_it():
    text = ("Prime Minister Pham Minh Chinh met the press.Trade reached US$92.5 billion. "
            "Pham Minh Chinh said US$92.5 billion was a record.")
    found = find_candidates(text, [CHINH])
    assert [(c.kind, c.value, c.person) for c in found] == [
        ("money", "US$92.5 billion", None),
        ("person", "Pham Minh Chinh", "pham-minh-chinh")]
    assert found[0].quote == "Trade reached US$92.5 billion."


@pytest.mark.parametrize(("word", "number"), [
    ("one", "1"), ("two", "2"), ("three", "3"), ("four", "4"), ("five", "5"), ("six", "6"),
    ("seven", "7"), ("eight", "8"), ("nine", "9"), ("ten", "10"), ("eleven", "11"),
    ("twelve", "12"), ("twenty", "20"), ("thirty", "30"),
])
def test_a_count_in_words_is_a_draft_candidate_and_a_quote_of_it_supports_its_number(
        word: str, number: str):
    text = f"The sides signed {word} cooperation agreements."
    assert [(c.kind, c.value) for c in find_candidates(text, [])] == [
        ("count", f"{word} cooperation agreements")]
    assert quoted_numbers(text) == {number}


@pytest.mark.parametrize(("quote", "numbers"), [
    ("the fifth summit", {"5"}), ("a hundred firms", {"100"}), ("over the next decade", {"10"}),
    ("their first and second meetings", {"1", "2"}), ("Ten firms, 13,000 workers", {"10", "13000"}),
    ("someone", set()),  # a whole word only
])
def test_a_quote_supports_numbers_it_gives_by_ordinals_and_other_words(quote, numbers):
    assert quoted_numbers(quote) == numbers


@pytest.mark.parametrize("text", ["The fifth summit ended.", "A hundred firms came.",
                                  "Over a decade, firms came."])
def test_ordinals_and_other_number_words_are_not_counts_in_drafts(text: str):
    assert not [c for c in find_candidates(text, []) if c.kind == "count"]


@pytest.mark.parametrize(("text", "id"), [
    ("wire 2024 Talks", "wire-2024-talks"),
    ("Hà Nội — Đà Nẵng", "ha-noi-da-nang"),  # diacritics dropped, not the letters
    ("  --Seoul__(Busan)--  ", "seoul-busan"),
    ("서울", ""),  # no letter a source id can hold: new-source names it 'source'
])
def test_a_slug_is_an_id_as_data_writes_ids(text: str, id: str):
    assert slug(text) == id
    assert not id or re.fullmatch(SLUG, id)


def test_a_cut_off_last_sentence_gives_no_candidates():
    text = ("The leaders agreed to raise trade to US$150 billion by 2030. Investment reached "
            "US$2 bill")
    assert looks_cut_off(text + "ion over the next decade according to the ministry of trad")
    values = {c.value for c in find_candidates(text, [], cut_off=True)}
    assert "US$150 billion" in values and "US$2" not in values


@pytest.mark.parametrize(("text", "cut"), [
    ("A sentence that ends as sentences do, with its full stop at the very end.", False),
    ("The two agreed to arrange these visits through diplomatic channels. — VNA/VNS", False),
    ("저작권자 © The Korea Post 무단전재 및 재배포 금지", False),
    ("Source: VNA", False),
    ("The two leaders agreed to expand cooperation in energy, education and the labou", True),
])
def test_a_text_is_cut_off_when_its_last_line_is_prose_that_stops_mid_sentence(text, cut):
    assert looks_cut_off(text) is cut


@pytest.mark.parametrize(("first_line", "guessed"), [
    ("Lee and Chinh hold phone talks on trade", "Lee and Chinh hold phone talks on trade"),
    ("Photo : YONHAP News", None),
    ("By Kim Min-ji", None),
    ("HANOI — The two leaders met on Monday and agreed to expand trade.", None),
])
def test_a_first_line_is_taken_as_the_title_only_when_it_reads_as_a_headline(first_line,
                                                                          guessed):
    title, editorial = guess_title(first_line + "\nBody text.")
    if guessed is None:
        assert title.startswith("EDIT ME") and editorial
    else:
        assert (title, editorial) == (guessed, False)


def test_new_source_marks_a_cut_off_text_and_its_source_page_says_so(tmp_path, capsys):
    project = fictional_project(tmp_path / "project")
    article = tmp_path / "cut-off.txt"
    article.write_text("Leaders agree to expand trade\nThe two leaders agreed on Monday to "
                       "raise trade to US$150 billion by 2030. Investment reached US$2 bill",
                       encoding="utf-8")
    assert add_source(project.root, article) == 0
    assert "stops mid-sentence" in capsys.readouterr().out
    entry = yaml.safe_load(project.read("data/sources.yaml"))[-1]
    assert entry["truncated"] is True and entry["title"] == "Leaders agree to expand trade"
    draft = project.read("data/drafts/cut-off.yaml")
    assert "US$150 billion" in draft and "US$2 bill" not in draft
    page = build_site(project.root).pages["sources/cut-off.md"]
    assert "**Cut off:** the stored text stops mid-article" in page


@pytest.mark.parametrize(("provenance", "message"), [
    (Provenance(url="javascript:alert(1)"), "URL: 'javascript:alert(1)' is not a web address"),
    (Provenance(url="https://"), "URL: 'https://' is not a web address"),
    (Provenance(published="2026-02-30"), "PUBLISHED: day 30 does not exist in 2026-02"),
])
def test_new_source_refuses_a_bad_address_or_date_before_writing_anything(
        tmp_path, capsys, provenance: Provenance, message: str):
    project = fictional_project(tmp_path / "project")
    before = project.read("data/sources.yaml")
    article = tmp_path / "article.txt"
    article.write_text("Leaders agree to expand trade\nThey agreed.", encoding="utf-8")
    assert add_source(project.root, article, provenance=provenance) == 1
    assert message in capsys.readouterr().err
    assert project.read("data/sources.yaml") == before
    assert not project.path("data/sources/article.txt").exists()
