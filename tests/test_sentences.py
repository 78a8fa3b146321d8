"""Sentences of a source's paragraphs, for citations that name them: where the splitter ends
a sentence and where it does not (abbreviations, numbers, initials, quotations), which
paragraphs are long enough for their citations to name the sentence, and the anchors that
take a reader there."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import FICTIONAL_DATA, fictional_project

from summit_briefings.evidence.sources import (
    MAX_CHARACTERS,
    MAX_SENTENCES,
    paragraphs,
    place_label,
    segments,
    sentence_around,
    sentence_starts,
)
from summit_briefings.evidence.verified import Passage
from summit_briefings.pipeline import Site, build_site


def split(text: str) -> list[str]:
    bounds = [*sentence_starts(text), len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]


CASES = [
    # plain stops
    ("The leaders met. They agreed.", ["The leaders met.", "They agreed."]),
    ("Will trade reach $150 billion? Both sides hope so! It may.",
     ["Will trade reach $150 billion?", "Both sides hope so!", "It may."]),
    ("The talks went on… The leaders left.", ["The talks went on…", "The leaders left."]),
    ("One sentence without a stop", ["One sentence without a stop"]),
    ("", []),
    # numbers: a decimal point is not a stop, and no sentence starts with a digit
    ("Trade came to $63.9 billion. It grew 11.4 percent. Investment rose.",
     ["Trade came to $63.9 billion.", "It grew 11.4 percent.", "Investment rose."]),
    ("Vietnam is South Korea's No. 3 trading partner. Trade grew.",
     ["Vietnam is South Korea's No. 3 trading partner.", "Trade grew."]),
    ("They met on Oct. 30 in Gyeongju.", ["They met on Oct. 30 in Gyeongju."]),
    ("Trade rose in 2023. 2024 was flat.", ["Trade rose in 2023. 2024 was flat."]),
    # titles before a name
    ("Mr. Moon and Dr. Kim met Gen. Park. They spoke.",
     ["Mr. Moon and Dr. Kim met Gen. Park.", "They spoke."]),
    # initials and abbreviations end a sentence only before a word that starts sentences
    ("U.S. President Biden called. They spoke.", ["U.S. President Biden called.", "They spoke."]),
    ("Trade rose in the U.S. The talks ended.", ["Trade rose in the U.S.", "The talks ended."]),
    ("S. Korean President Lee met N. Korea's envoy.",
     ["S. Korean President Lee met N. Korea's envoy."]),
    ("President Lee J. Myung spoke. S. Korean officials agreed.",
     ["President Lee J. Myung spoke.", "S. Korean officials agreed."]),
    ("Talks began at 10 a.m. Friday and ended at 4 p.m. The leaders then met the press.",
     ["Talks began at 10 a.m. Friday and ended at 4 p.m.", "The leaders then met the press."]),
    ("Samsung Electronics Co. The company invested.",
     ["Samsung Electronics Co.", "The company invested."]),
    ("Samsung Electronics Co. Ltd. invested, e.g. in chips.",
     ["Samsung Electronics Co. Ltd. invested, e.g. in chips."]),
    # quotations: a stop inside closing quotes ends the sentence; a lower-case word after
    # the quotes continues it; a quotation of two sentences is two
    ('He said, "We agree." The talks ended.', ['He said, "We agree."', "The talks ended."]),
    ('"We agree," he said. "It is good." Then they left.',
     ['"We agree," he said.', '"It is good."', "Then they left."]),
    ("“Vietnam is a neighbour,” Lee stated. He also called for support.",
     ["“Vietnam is a neighbour,” Lee stated.", "He also called for support."]),
    ('"Trade is vital. It will grow," Moon said.',
     ['"Trade is vital.', 'It will grow," Moon said.']),
    ('The minister said "no." and left.', ['The minister said "no." and left.']),
    ("It was said in the U.S.” The talks ended.", ["It was said in the U.S.”", "The talks ended."]),
    # sentences run together, with no space between them
    ("Trade grew in 2023.The two leaders met.", ["Trade grew in 2023.", "The two leaders met."]),
    ("Goods from the U.S.A and S.Africa arrived.", ["Goods from the U.S.A and S.Africa arrived."]),
    ('They agreed."The visit was a success."', ['They agreed."', 'The visit was a success."']),
    # other scripts: Vietnamese capitals, and Hangul, which has no case
    ("They met in Hà Nội. Đà Nẵng hosted the next talks.",
     ["They met in Hà Nội.", "Đà Nẵng hosted the next talks."]),
    ("Moon spoke. 문재인 대통령은 말했다.", ["Moon spoke.", "문재인 대통령은 말했다."]),
    # credits and bracketed lines
    ("The two agreed to arrange these visits. — VNA/VNS",
     ["The two agreed to arrange these visits. — VNA/VNS"]),
    ("The presidents shake hands in Hanoi. (Yonhap)",
     ["The presidents shake hands in Hanoi.", "(Yonhap)"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentences_end_where_a_reader_would_end_them(text: str, expected: list[str]):
    assert split(text) == expected


def test_sentence_starts_are_offsets_into_the_whole_text():
    text = "Title line\n  First one. Second one.\nNext paragraph."
    start = text.index("First")
    end = text.index("\nNext")
    assert sentence_starts(text, start, end) == [start, text.index("Second")]


@pytest.mark.parametrize(("quote", "sentence"), [
    ("leaders met", "The leaders met in the U.S. capital, according to media."),
    ("capital, according to media. Last", "The leaders met in the U.S. capital, according to "
     "media. Last one!"),
    ("Next", "Next line."),
])
def test_the_source_sentence_of_a_passage_is_the_one_citations_count(quote, sentence):
    text = "First one. The leaders met in the U.S. capital, according to media. Last one!\n" \
        "Next line."
    start = text.index(quote)
    assert sentence_around(text, start, start + len(quote)) == sentence


def _article(*paragraphs_: str) -> str:
    return "\n\n".join(paragraphs_) + "\n"


SHORT = "One. Two. Three."
MANY = "One. Two. Three. Four."
LONG_PAIR = "A first sentence " + "a" * MAX_CHARACTERS + ". A second one."


def test_only_long_paragraphs_number_their_sentences():
    text = _article(SHORT, MANY, LONG_PAIR, "x" * (MAX_CHARACTERS + 10) + ".")
    short, many, long_pair, one_long_sentence = paragraphs(text)
    assert len(SHORT.split(". ")) == MAX_SENTENCES and short.sentences == ()
    assert [text[s:s + 4] for s in many.sentences] == ["One.", "Two.", "Thre", "Four"]
    assert len(long_pair.sentences) == 2
    assert one_long_sentence.sentences == ()  # nothing to tell apart


def _passage(text: str, quote: str) -> Passage:
    start = text.index(quote)
    return Passage("s", start, start + len(quote))


@pytest.mark.parametrize(("quote", "label"), [
    ("Two.", "¶2, sentence 2"),
    ("Three. Four", "¶2, sentences 3–4"),
    ("One. Two. Three. Four.", "¶2, sentences 1–4"),
    ("Four.\n\nFive", "¶2, sentence 4"),  # a quote across paragraphs is placed where it starts
])
def test_a_citation_into_a_long_paragraph_names_its_sentences(quote: str, label: str):
    text = _article("Before.", MANY, "Five.")
    assert place_label(paragraphs(text), _passage(text, quote)) == label


def test_a_citation_into_a_short_paragraph_names_the_paragraph_only():
    text = _article("Before.", SHORT)
    assert place_label(paragraphs(text), _passage(text, "Two.")) == "¶2"


def test_each_sentence_of_a_long_paragraph_is_anchored_where_it_starts():
    text = _article(MANY)
    [para] = paragraphs(text)
    passage = _passage(text, "Two. Three.")
    runs = segments(text, para, [passage])
    assert "".join(run.text for run in runs) == MANY  # the text a reader sees is unchanged
    assert [(run.sentence, run.text) for run in runs if run.sentence] == [
        ("p1-s1", "One. "), ("p1-s2", "Two. "), ("p1-s3", "Three."), ("p1-s4", "Four.")]
    assert [run.text for run in runs if passage.anchor in run.within] == ["Two. ", "Three."]


# In the fictional corpus, the Sud Courier article runs its sentences together in its third
# paragraph (8 sentences), as a page copied without its paragraph breaks does; it is the only
# paragraph of the article that anything cites.
RUN_TOGETHER = "sudcourier-2032-03-12-vesk-dorn-brenic-open-first-section-arlen-vesk-line"
NOTE = re.compile(r"^\[\^[^\]]+\]: .*</span>(?P<label>¶[^\]]*)\]\((?P<href>[^)]+)\)$", re.M)
SENTENCE_LABEL = re.compile(r"¶(?P<para>\d+), sentences? (?P<first>\d+)(?:–(?P<last>\d+))?")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(fictional_project(tmp_path_factory.mktemp("passages") / "project").root)


def test_every_citation_of_a_run_together_article_lands_in_the_sentence_it_names(site: Site):
    source = site.pages[f"sources/{RUN_TOGETHER}.md"]
    checked = 0
    for path, page in site.pages.items():
        for note in NOTE.finditer(page):
            file, _, anchor = note["href"].rpartition("/")[2].partition("#")
            if file != f"{RUN_TOGETHER}.md":
                continue
            label = SENTENCE_LABEL.fullmatch(note["label"])
            assert label, f"{path}: {note['label']!r} names no sentence"
            para, first = label["para"], int(label["first"])
            start = source.index(f'<span class="sentence-anchor" id="p{para}-s{first}"></span>')
            after = source.find(f'id="p{para}-s{first + 1}"')
            passage = source.index(f'<span class="quote-anchor" id="{anchor}"></span>')
            assert start < passage < (after if after > 0 else source.index("</p>", start)), (
                f"{path}: the passage of {note['label']} is not in that sentence")
            checked += 1
    assert checked > 15


def test_sentence_anchors_add_nothing_a_reader_sees_or_hears(site: Site):
    text = (FICTIONAL_DATA / "sources" / f"{RUN_TOGETHER}.txt").read_text(encoding="utf-8")
    page = BeautifulSoup(site.pages[f"sources/{RUN_TOGETHER}.md"], "html.parser")
    anchors = page.select(".source-text .sentence-anchor")
    assert [a["id"] for a in anchors] == [f"p3-s{n}" for n in range(1, 9)]
    assert all(not a.contents for a in anchors)
    shown = [p.get_text() for p in page.select(".source-text p")]
    assert shown == [f"¶{n} {para.strip()}" for n, para in enumerate(text.split("\n\n"), 1)]
