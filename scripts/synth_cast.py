"""The people and places of a synthetic corpus (scripts/synth.py): offices and their
holders, with names written as Korean, Vietnamese or neutral outlets write them.

Every name is invented from the syllables below.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from summit_briefings.authoring.new_source import slug
from summit_briefings.evidence.quotes import fold_ascii

# How data/site.yaml names the scripts of each country's names: (own, romanised).
SCRIPTS = {"KR": ("Hangul", "romanised"), "VN": ("Vietnamese spelling", "without diacritics"),
           "KP": ("Hangul", "romanised")}


@dataclass(frozen=True)
class Office:
    key: str
    country: str
    title: str
    role: str
    share: float


OFFICES = (
    Office("president", "KR", "President", "President of South Korea", 0.3),
    Office("foreign-minister", "KR", "Foreign Minister", "Foreign Minister of South Korea", 0.2),
    Office("state-president", "VN", "State President", "State President of Vietnam", 0.15),
    Office("prime-minister", "VN", "Prime Minister", "Prime Minister of Vietnam", 0.15),
    Office("general-secretary", "VN", "Party General Secretary",
           "General Secretary of the Communist Party of Vietnam", 0.1),
    Office("assembly-chair", "VN", "National Assembly Chairman",
           "Chairman of the National Assembly of Vietnam", 0.1),
)
VN_LEADS = ("state-president", "prime-minister", "general-secretary")

KR_FAMILIES = {"Kim": "김", "Lee": "이", "Park": "박", "Choi": "최", "Jung": "정", "Kang": "강",
               "Cho": "조", "Yoon": "윤", "Jang": "장", "Lim": "임", "Han": "한", "Oh": "오",
               "Seo": "서", "Shin": "신", "Kwon": "권", "Hwang": "황", "Ahn": "안", "Song": "송",
               "Moon": "문", "Hong": "홍"}
KR_SYLLABLES = {"Min": "민", "Jun": "준", "Seo": "서", "Ji": "지", "Hoon": "훈", "Woo": "우",
                "Hyun": "현", "Soo": "수", "Jae": "재", "Young": "영", "Sung": "성", "Ho": "호",
                "Jin": "진", "Eun": "은", "Hee": "희", "Dong": "동", "Kyung": "경", "Tae": "태",
                "Sang": "상", "Won": "원"}
VN_FAMILIES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
               "Hồ", "Ngô", "Dương", "Lý")
VN_MIDDLES = ("Văn", "Minh", "Đức", "Xuân", "Quang", "Thanh", "Hữu", "Công", "Đình", "Quốc")
VN_GIVENS = ("An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khải", "Long", "Nam", "Phúc", "Quân",
             "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Hòa", "Lâm")

VN_CITIES = (("Hanoi", "the Presidential Palace"), ("Ho Chi Minh City", None), ("Da Nang", None),
             ("Hai Phong", None), ("Hue", None), ("Nha Trang", None), ("Can Tho", None))
KR_CITIES = (("Seoul", "the presidential office"), ("Busan", None), ("Gyeongju", None),
             ("Incheon", None), ("Jeju", None), ("Daegu", None))



def cites(source: str, *quotes: str) -> list[dict[str, str]]:
    return [{"source": source, "quote": quote} for quote in quotes]


@dataclass
class Mention:
    """The sentence that first names a person in one article."""

    as_of: str
    source: str
    sentence: str
    style: str


@dataclass
class Person:
    id: str
    office: Office
    ascii: str
    diacritic: str
    hangul: str | None
    mentions: list[Mention] = field(default_factory=list)

    def written(self, style: str) -> str:
        return self.diacritic if style == "vn" else self.ascii

    def shown(self, style: str) -> str:
        """The style of the site's display name: that of the first article naming them
        (``style`` until one has); paraphrases write the name this way."""
        return self.mentions[0].style if self.mentions else style

    def full(self, style: str) -> str:
        if self.hangul and style == "kr":
            return f"{self.ascii} ({self.hangul})"
        return self.written(style)

    def short(self, style: str) -> str:
        words = self.written(style).split()
        return words[0] if self.office.country == "KR" else words[-1]

    def entry(self) -> dict[str, Any]:
        """The people.yaml entry; name forms are those of the first article naming them."""
        first, last = self.mentions[0], self.mentions[-1]
        native = self.diacritic if first.style == "vn" and self.diacritic != self.ascii else None
        hangul = self.hangul if first.style == "kr" else None
        entry: dict[str, Any] = {"id": self.id, "name": native or self.ascii}
        own, latin = SCRIPTS[self.office.country]
        entry["names"] = ([{"text": native, "script": own}] if native else []) + (
            [{"text": hangul, "script": own}] if hangul else []) + [
            {"text": self.ascii, "script": latin}]
        entry["country"] = self.office.country
        entry["cite"] = cites(first.source, first.sentence)
        entry["roles"] = [{"title": self.office.title, "as_of": m.as_of,
                           "cite": cites(m.source, m.sentence)}
                          for m in ([first, last] if last is not first else [first])]
        return entry


def office_holders(rng: random.Random, n: int) -> dict[str, list[Person]]:
    """Office holders in order of their terms; the pool grows with n."""
    pool = n // 4 + 10
    # At most n holders per office, so that every holder leads at least one summit.
    counts = {o.key: max(1, min(n, round(pool * o.share))) for o in OFFICES}
    kr_total = sum(counts[o.key] for o in OFFICES if o.country == "KR")
    vn_total = sum(counts[o.key] for o in OFFICES if o.country == "VN")
    kr_given = [(a, b) for a in KR_SYLLABLES for b in KR_SYLLABLES if a != b]
    kr_names = []
    for index in rng.sample(range(len(KR_FAMILIES) * len(kr_given)), kr_total):
        family = list(KR_FAMILIES)[index // len(kr_given)]
        first, second = kr_given[index % len(kr_given)]
        kr_names.append((f"{family} {first}-{second.lower()}",
                         KR_FAMILIES[family] + KR_SYLLABLES[first] + KR_SYLLABLES[second]))
    per_family = len(VN_MIDDLES) * len(VN_GIVENS)
    vn_names = []
    for index in rng.sample(range(len(VN_FAMILIES) * per_family), vn_total):
        family, rest = divmod(index, per_family)
        middle, given = divmod(rest, len(VN_GIVENS))
        name = f"{VN_FAMILIES[family]} {VN_MIDDLES[middle]} {VN_GIVENS[given]}"
        vn_names.append(unicodedata.normalize("NFC", name))
    holders: dict[str, list[Person]] = {}
    for office in OFFICES:
        people = []
        for _ in range(counts[office.key]):
            if office.country == "KR":
                ascii_name, hangul = kr_names.pop()
                people.append(Person(slug(ascii_name), office, ascii_name, ascii_name, hangul))
            else:
                native = vn_names.pop()
                people.append(Person(slug(native), office, fold_ascii(native), native, None))
        holders[office.key] = people
    return holders


@dataclass
class Summit:
    id: str
    date_value: str
    year: int
    style: str
    source: str
    kr: Person
    vn: Person

    @property
    def k(self) -> str:
        return self.kr.short(self.kr.shown(self.style))

    @property
    def v(self) -> str:
        return self.vn.short(self.vn.shown(self.style))

    @property
    def leads(self) -> list[str]:
        return [self.kr.id, self.vn.id]
