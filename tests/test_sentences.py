"""Sentences of a source's paragraphs: where the splitter ends a sentence and where it does
not (abbreviations, numbers, initials, quotations)."""

from __future__ import annotations

import pytest

from summit_briefings.sources import sentence_starts


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
