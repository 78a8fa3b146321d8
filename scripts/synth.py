"""Write a synthetic corpus of N summits in the real data schema, for scale and speed tests.

    python scripts/synth.py --summits 1000 --out /tmp/synth [--seed 0]

Every person, article and number is invented. Each summit gets its own generated English
article in DIR/data/sources/, and every quote is copied from that article, so
`python scripts/build.py --check --root DIR` passes. The same N and seed always give
byte-identical files. Topics are copied from the project's own data/topics.yaml.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summit_briefings.quotes import fold_ascii  # noqa: E402

TOPICS = ROOT / "data" / "topics.yaml"

FIRST_DAY = date(1993, 1, 1)
# TradeFigure.year must not pass 2100, and an article states the previous year's trade.
LAST_DAY = date(2099, 12, 31)
# sources.yaml grows by about 270 bytes a summit and the checker refuses a data file over
# 2 MB, reached near 7,400 summits.
MAX_SUMMITS = 5000

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


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

# (name, slug, style): "kr" outlets add Hangul to Korean names, "vn" ones write Vietnamese
# names with diacritics, and an unnamed outlet does neither.
OUTLETS = (("Yonhap", "yonhap", "kr"), ("The Korea Herald", "korea-herald", "kr"),
           ("KBS World", "kbs-world", "kr"), ("VNA", "vna", "vn"), ("Nhân Dân", "nhan-dan", "vn"),
           ("VnExpress International", "vnexpress", "vn"), (None, "report", "plain"))

VN_CITIES = (("Hanoi", "the Presidential Palace"), ("Ho Chi Minh City", None), ("Da Nang", None),
             ("Hai Phong", None), ("Hue", None), ("Nha Trang", None), ("Can Tho", None))
KR_CITIES = (("Seoul", "the presidential office"), ("Busan", None), ("Gyeongju", None),
             ("Incheon", None), ("Jeju", None), ("Daegu", None))
FORUMS = {
    "APEC sidelines": ("APEC Economic Leaders’ Week", (
        ("Lima", "Peru"), ("San Francisco", "United States"), ("Bangkok", "Thailand"),
        ("Auckland", "New Zealand"), ("Santiago", "Chile"))),
    "ASEAN sidelines": ("ASEAN Summit", (
        ("Jakarta", "Indonesia"), ("Vientiane", "Laos"), ("Phnom Penh", "Cambodia"),
        ("Kuala Lumpur", "Malaysia"), ("Manila", "Philippines"), ("Singapore", "Singapore"))),
    "G20 sidelines": ("G20 Leaders’ Summit", (
        ("Osaka", "Japan"), ("Rome", "Italy"), ("New Delhi", "India"),
        ("Rio de Janeiro", "Brazil"), ("Johannesburg", "South Africa"))),
}
OCCASIONS = ("state visit", "official visit", "working visit", *FORUMS)
OCCASION_WEIGHTS = (35, 20, 10, 12, 13, 10)
LENGTHS = ("two-day", "three-day", "four-day")
PURPOSES = ("agreeing to deepen cooperation across a wide range of fields",
            "pledging to lift their partnership to a new level",
            "reviewing bilateral ties as well as regional and international issues")
AGENCIES = ("the Korea International Trade Association", "Vietnam’s General Statistics Office",
            "the Korea Customs Service")

CHANNELS = ("Party, State, Government and parliamentary channels",
            "all channels, including exchanges between local governments",
            "the strategic dialogue between their foreign ministries")
POLICIES = ("New Southern Policy", "Indo-Pacific Strategy", "Korea-ASEAN Solidarity Initiative")
DEFENCE = ("the defence industry", "UN peacekeeping operations", "military medicine",
           "search and rescue at sea", "cyber security")
CRIMES = ("drug trafficking", "online fraud", "human trafficking", "money laundering")
SECTORS = ("semiconductor", "renewable energy", "electronics", "automotive", "logistics",
           "petrochemical", "shipbuilding")
PRODUCE = ("mangoes", "pomelos", "longans", "durians", "passion fruit", "shrimp")
FIELDS = ("artificial intelligence", "biotechnology", "climate science",
          "materials engineering", "smart agriculture")
TECHNOLOGIES = ("semiconductors", "electric vehicles", "hydrogen energy", "smart cities",
                "digital transformation")
ODA_AREAS = ("climate change response", "urban infrastructure", "health care",
             "vocational training", "clean water")
MOU_AREAS = ("mutual legal assistance", "critical minerals", "nuclear power",
             "digital government", "higher education", "customs cooperation", "tourism",
             "fisheries", "disaster management", "civil aviation", "intellectual property")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_ascii(text).lower()).strip("-")


def _decimal(tenths: int) -> str:
    """A count of tenths as an article writes it: 867 → '86.7', 870 → '87'."""
    whole, rest = divmod(tenths, 10)
    return f"{whole}.{rest}" if rest else str(whole)


def _amount(tenths: int) -> int | float:
    return tenths // 10 if tenths % 10 == 0 else tenths / 10


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
        if native:
            entry["native"] = native
        entry["ascii"] = self.ascii
        if hangul:
            entry["hangul"] = hangul
        entry["country"] = self.office.country
        entry["cite"] = _cite(first.source, first.sentence)
        entry["roles"] = [{"title": self.office.title, "as_of": m.as_of,
                           "cite": _cite(m.source, m.sentence)}
                          for m in ([first, last] if last is not first else [first])]
        return entry


def _people(rng: random.Random, n: int) -> dict[str, list[Person]]:
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
                people.append(Person(_slug(ascii_name), office, ascii_name, ascii_name, hangul))
            else:
                native = vn_names.pop()
                people.append(Person(_slug(native), office, fold_ascii(native), native, None))
        holders[office.key] = people
    return holders


def _trade_curve(rng: random.Random) -> dict[int, tuple[int, int]]:
    """Year → (trade in tenths of a billion USD, growth on the year before in tenths of a %)."""
    level, curve = 0.4, {}
    for year in range(1991, LAST_DAY.year + 1):
        # Fast growth while trade is small, slowing as it grows, as in the real series.
        high = 250 if level < 20 else 150 if level < 100 else 80 if level < 300 else 40
        growth = rng.randint(-50, high) or 1
        level *= 1 + growth / 1000
        curve[year] = (max(1, round(level * 10)), growth)
    return curve


def _cite(source: str, *quotes: str) -> list[dict[str, str]]:
    return [{"source": source, "quote": quote} for quote in quotes]


class Article:
    """An article built sentence by sentence; quotes are the very strings it is made of."""

    def __init__(self) -> None:
        self.paragraphs: list[list[str]] = [[]]

    def say(self, sentence: str) -> str:
        self.paragraphs[-1].append(sentence)
        return sentence

    def paragraph(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])

    def text(self) -> str:
        return "\n\n".join(" ".join(p) for p in self.paragraphs if p) + "\n"


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
        return self.kr.short(self.style)

    @property
    def v(self) -> str:
        return self.vn.short(self.style)

    @property
    def leads(self) -> list[str]:
        return [self.kr.id, self.vn.id]


def _outcome(topic: str, kind: str, text: str, *, by: list[str] | None = None,
             side: str | None = None, of_side: str | None = None, headline: bool = False,
             figure: dict[str, Any] | None = None, as_of: str | None = None) -> dict[str, Any]:
    fields: dict[str, Any] = {"topic": topic, "kind": kind}
    if headline:
        fields["headline"] = True
    fields["text"] = text
    optional = {"by": by, "side": side, "of_side": of_side, "figure": figure, "as_of": as_of}
    fields.update((key, value) for key, value in optional.items() if value)
    return fields


def _money(amount: int | float, unit: str, period: str | None = None) -> dict[str, Any]:
    figure = {"amount": amount, "unit": unit, "currency": "USD"}
    return figure | ({"period": period} if period else {})


def _count(amount: int) -> dict[str, Any]:
    return {"amount": amount, "unit": "count"}


# Each template returns (sentence for the article, outcome fields); one article uses each
# template at most once, which keeps every quoted sentence unique within its source.
Template = tuple[str, dict[str, Any]]


def _exchanges(rng: random.Random, s: Summit) -> Template:
    channels = rng.choice(CHANNELS)
    return (f"The two leaders agreed to maintain regular exchanges of delegations and "
            f"high-level contacts through {channels}.",
            _outcome("diplomacy", "agreement", "Agreed to keep up regular exchanges of "
                     f"delegations and high-level contacts through {channels}.", by=s.leads))


def _invitation(rng: random.Random, s: Summit) -> Template:
    return (f"{s.v} invited {s.k} to visit Vietnam at a convenient time, and {s.k} accepted "
            "the invitation with pleasure.",
            _outcome("diplomacy", "invitation", f"{s.v} invited {s.k} to visit Vietnam; "
                     "the invitation was accepted.", by=s.leads))


def _kr_quote(rng: random.Random, s: Summit) -> Template:
    words = (f"Vietnam is a key partner in our {rng.choice(POLICIES)}, and our relationship "
             "has never been closer")
    return (f"“{words},” {s.k} said.",
            _outcome("diplomacy", "quote", words + ".", by=[s.kr.id]))


def _years_of_ties(rng: random.Random, s: Summit) -> Template:
    years = s.year - 1992
    return (f"Both leaders expressed satisfaction that relations have grown strongly in the "
            f"{years} years since diplomatic ties were established in 1992.",
            _outcome("diplomacy", "position", f"Welcomed the growth of relations in the {years} "
                     "years since diplomatic ties were established in 1992.", by=s.leads))


def _investment(rng: random.Random, s: Summit) -> Template:
    tenths, deadline, sector = rng.randint(5, 150), s.year + rng.randint(2, 6), rng.choice(SECTORS)
    return (f"{s.k} said Korean companies planned to invest a further US${_decimal(tenths)} "
            f"billion in Vietnam’s {sector} sector by {deadline}.",
            _outcome("trade-investment", "pledge", f"Korean companies plan to invest a further "
                     f"US${_decimal(tenths)} billion in Vietnam's {sector} sector by {deadline}.",
                     by=[s.kr.id], side="KR", headline=True,
                     figure=_money(_amount(tenths), "billion", f"by {deadline}")))


def _produce(rng: random.Random, s: Summit) -> Template:
    produce = rng.choice(PRODUCE)
    return (f"{s.v} asked Korea to further open its market to Vietnamese {produce} and other "
            "farm produce.",
            _outcome("trade-investment", "request", f"Asked Korea to open its market further to "
                     f"Vietnamese {produce} and other farm produce.", by=[s.vn.id], side="VN",
                     of_side="KR"))


def _largest_investor(rng: random.Random, s: Summit) -> Template:
    projects, tenths = rng.randint(800, 12000), rng.randint(20, 900)
    return (f"With {projects:,} valid projects worth a combined US${_decimal(tenths)} billion, "
            "Korea remains the largest foreign investor in Vietnam, according to Vietnam’s "
            "Ministry of Planning and Investment.",
            _outcome("trade-investment", "background", f"Korea is the largest foreign investor in "
                     f"Vietnam, with {projects:,} projects worth US${_decimal(tenths)} billion.",
                     figure=_money(_amount(tenths), "billion")))


def _supply_chains(rng: random.Random, s: Summit) -> Template:
    sector = rng.choice(SECTORS)
    return (f"{s.k} pledged to help Vietnamese firms join the supply chains of Korean groups in "
            f"the {sector} industry.",
            _outcome("trade-investment", "pledge", "Korea will help Vietnamese firms join the "
                     f"supply chains of Korean groups in the {sector} industry.", by=[s.kr.id],
                     side="KR"))


def _workers(rng: random.Random, s: Summit) -> Template:
    quota = rng.randint(10, 40) * 500
    return (f"Korea will raise the quota of Vietnamese workers under its Employment Permit "
            f"System to {quota:,} a year, {s.k} said.",
            _outcome("labour-people", "pledge", "Korea will raise the quota of Vietnamese "
                     f"workers under its Employment Permit System to {quota:,} a year.",
                     by=[s.kr.id], side="KR", headline=True, figure=_count(quota)))


def _residents(rng: random.Random, s: Summit) -> Template:
    residents = rng.randint(20, 300) * 1000
    return (f"{s.v} asked {s.k} to keep creating favourable conditions for the more than "
            f"{residents:,} Vietnamese people living, working and studying in Korea.",
            _outcome("labour-people", "request", "Asked Korea to keep supporting the more than "
                     f"{residents:,} Vietnamese people living, working and studying there.",
                     by=[s.vn.id], side="VN", of_side="KR", figure=_count(residents)))


def _visas(rng: random.Random, s: Summit) -> Template:
    return (f"{s.k} promised to simplify visa procedures for Vietnamese tourists, students and "
            "business travellers.",
            _outcome("labour-people", "pledge", "Korea will simplify visa procedures for "
                     "Vietnamese tourists, students and business travellers.", by=[s.kr.id],
                     side="KR"))


def _defence(rng: random.Random, s: Summit) -> Template:
    area = rng.choice(DEFENCE)
    return (f"The two leaders agreed to hold their defence policy dialogue every year and to "
            f"expand cooperation in {area}.",
            _outcome("defence-security", "agreement", "Agreed to hold the defence policy "
                     f"dialogue every year and to expand cooperation in {area}.", by=s.leads,
                     headline=True))


def _crime(rng: random.Random, s: Summit) -> Template:
    crime = rng.choice(CRIMES)
    return (f"They also agreed to step up joint work against transnational crime, in "
            f"particular {crime}.",
            _outcome("defence-security", "agreement", "Agreed to step up joint work against "
                     f"transnational crime, in particular {crime}.", by=s.leads))


def _east_sea(rng: random.Random, s: Summit) -> Template:
    return ("On the East Sea, both leaders stressed freedom of navigation and overflight and the "
            "peaceful settlement of disputes in line with international law, including the "
            "1982 United Nations Convention on the Law of the Sea.",
            _outcome("east-sea-maritime", "position", "Stressed freedom of navigation and "
                     "overflight in the East Sea and peaceful settlement of disputes under "
                     "international law, including the 1982 UNCLOS.", by=s.leads))


def _patrol_vessels(rng: random.Random, s: Summit) -> Template:
    vessels = rng.randint(2, 9)
    return (f"Korea will hand over {vessels} decommissioned patrol vessels to Vietnam’s coast "
            "guard to strengthen its maritime law enforcement capacity.",
            _outcome("east-sea-maritime", "pledge", f"Korea will hand over {vessels} patrol "
                     "vessels to Vietnam's coast guard.", side="KR", figure=_count(vessels)))


def _peninsula_support(rng: random.Random, s: Summit) -> Template:
    return (f"{s.v} reaffirmed Vietnam’s support for the denuclearisation of the Korean "
            "Peninsula and for dialogue between the two Koreas.",
            _outcome("korean-peninsula", "position", "Vietnam supports the denuclearisation of "
                     "the Korean Peninsula and dialogue between the two Koreas.", by=[s.vn.id]))


def _peninsula_request(rng: random.Random, s: Summit) -> Template:
    return (f"{s.k} asked Vietnam, which maintains ties with Pyongyang, to help bring North "
            "Korea back to the negotiating table.",
            _outcome("korean-peninsula", "request", "Asked Vietnam to use its ties with "
                     "Pyongyang to help bring North Korea back to talks.", by=[s.kr.id],
                     side="KR", of_side="VN"))


def _oda(rng: random.Random, s: Summit) -> Template:
    million, area = rng.randint(4, 40) * 50, rng.choice(ODA_AREAS)
    period = f"{s.year}–{s.year + rng.randint(2, 5)}"
    return (f"{s.k} said Korea would provide US${million:,} million in official development "
            f"assistance to Vietnam over {period}, with a focus on {area}.",
            _outcome("development-aid", "pledge", f"Korea will provide US${million:,} million "
                     f"in ODA over {period}, focused on {area}.", by=[s.kr.id], side="KR",
                     headline=True, figure=_money(million, "million", period)))


def _edcf(rng: random.Random, s: Summit) -> Template:
    tenths, period = rng.randint(5, 40), f"{s.year}–{s.year + rng.randint(3, 5)}"
    return (f"The two sides signed a framework arrangement on preferential loans of "
            f"US${_decimal(tenths)} billion from the Economic Development Cooperation Fund for "
            f"{period}.",
            _outcome("development-aid", "agreement", f"Signed a framework arrangement on "
                     f"US${_decimal(tenths)} billion in EDCF preferential loans for {period}.",
                     by=s.leads, figure=_money(_amount(tenths), "billion", period)))


def _research_centre(rng: random.Random, s: Summit) -> Template:
    subject, city = rng.choice(FIELDS), rng.choice(VN_CITIES)[0]
    return (f"The leaders agreed to set up a joint research centre on {subject} in {city}.",
            _outcome("science-technology-education", "agreement", "Agreed to set up a joint "
                     f"research centre on {subject} in {city}.", by=s.leads))


def _scholarships(rng: random.Random, s: Summit) -> Template:
    scholarships = rng.randint(4, 40) * 50
    return (f"Korea will offer {scholarships:,} scholarships to Vietnamese students and public "
            f"officials over the next five years, {s.k} said.",
            _outcome("science-technology-education", "pledge", f"Korea will offer "
                     f"{scholarships:,} scholarships to Vietnamese students and officials over "
                     "five years.", by=[s.kr.id], side="KR", figure=_count(scholarships)))


def _technology(rng: random.Random, s: Summit) -> Template:
    technology = rng.choice(TECHNOLOGIES)
    return (f"{s.v} asked Korea to transfer technology in {technology} and to help train "
            "Vietnamese engineers.",
            _outcome("science-technology-education", "request", "Asked Korea to transfer "
                     f"technology in {technology} and help train Vietnamese engineers.",
                     by=[s.vn.id], side="VN", of_side="KR"))


def _vn_quote(rng: random.Random, s: Summit) -> Template:
    words = "Science, technology and innovation should become a new pillar of our partnership"
    return (f"“{words},” {s.v} told reporters after the talks.",
            _outcome("science-technology-education", "quote", words + ".", by=[s.vn.id]))


def _frameworks(rng: random.Random, s: Summit) -> Template:
    return ("The leaders agreed to coordinate closely at ASEAN, APEC and the Mekong-Korea "
            "cooperation framework.",
            _outcome("regional", "agreement", "Agreed to coordinate closely at ASEAN, APEC and "
                     "the Mekong-Korea cooperation framework.", by=s.leads))


def _candidacies(rng: random.Random, s: Summit) -> Template:
    return ("Both sides agreed to support each other’s candidacies at the United Nations and "
            "other international organisations.",
            _outcome("regional", "agreement", "Agreed to support each other's candidacies at "
                     "the United Nations and other international organisations.", by=s.leads))


TEMPLATES = {
    "exchanges": _exchanges, "invitation": _invitation, "kr-quote": _kr_quote,
    "years-of-ties": _years_of_ties, "investment-pledge": _investment,
    "farm-produce": _produce, "largest-investor": _largest_investor,
    "supply-chains": _supply_chains, "eps-quota": _workers, "vietnamese-residents": _residents,
    "visas": _visas, "defence-dialogue": _defence, "transnational-crime": _crime,
    "east-sea": _east_sea, "patrol-vessels": _patrol_vessels,
    "peninsula-support": _peninsula_support, "peninsula-request": _peninsula_request,
    "oda": _oda, "edcf-loans": _edcf, "research-centre": _research_centre,
    "scholarships": _scholarships, "technology-transfer": _technology, "vn-quote": _vn_quote,
    "regional-frameworks": _frameworks, "candidacies": _candidacies,
}


class SyntheticCorpus:
    """Everything generated so far, written out by ``write``."""

    def __init__(self, n: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.n, self.seed = n, seed
        self.people = _people(self.rng, n)
        self.curve = _trade_curve(self.rng)
        self.sources: list[dict[str, Any]] = []
        self.texts: dict[str, str] = {}
        self.summits: dict[str, dict[str, Any]] = {}
        self.figures: dict[int, dict[str, Any]] = {}
        self.targets: list[dict[str, Any]] = []
        self.milestones: list[dict[str, Any]] = []

    def days(self) -> list[date]:
        """Distinct summit days, so that summit ids never collide."""
        span = min(max(3650, self.n * 18), (LAST_DAY - FIRST_DAY).days + 1)
        return [FIRST_DAY + timedelta(days=d) for d in sorted(self.rng.sample(range(span), self.n))]

    def build(self) -> None:
        days = self.days()
        months = Counter((d.year, d.month) for d in days)
        for index, day in enumerate(days):
            holders = {key: people[index * len(people) // self.n]
                       for key, people in self.people.items()}
            # A month-precise date is only safe where no other summit shares the month,
            # since the id is then '<YYYY-MM>-<place>'.
            roll = self.rng.random()
            precision = ("month" if roll < 0.1 and months[(day.year, day.month)] == 1
                         else "inferred" if roll < 0.25 else "day")
            self.summit(index, day, precision, holders)

    def summit(self, index: int, day: date, precision: str,
               holders: dict[str, Person]) -> None:
        rng = self.rng
        outlet, outlet_slug, style = rng.choice(OUTLETS)
        occasion = rng.choices(OCCASIONS, OCCASION_WEIGHTS)[0]
        kr, vn = holders["president"], holders[rng.choices(VN_LEADS, (6, 3, 1))[0]]
        month, year = MONTHS[day.month - 1], day.year
        if occasion in FORUMS:
            forum, cities = FORUMS[occasion]
            (city, country), venue, host = rng.choice(cities), None, None
        else:
            host = rng.choice(("VN", "KR"))
            city, venue = rng.choice(VN_CITIES if host == "VN" else KR_CITIES)
            country = "Vietnam" if host == "VN" else "South Korea"
        value = day.isoformat() if precision != "month" else f"{year:04d}-{day.month:02d}"
        summit_id = f"{value}-{_slug(city)}"
        source = f"{outlet_slug}-{summit_id}"
        s = Summit(summit_id, value, year, style, source, kr, vn)
        article = Article()

        stated = f"{month} {day.day}, {year}" if precision == "day" else f"{month} {year}"
        when = {"day": f"on {stated}", "inferred": "yesterday", "month": f"in {stated}"}
        published = day + timedelta(days=1)
        credit = f" ({outlet})" if outlet else ""
        dateline = {"day": f"{city.upper()}, {month} {day.day}{credit}",
                    "inferred": f"{city.upper()}, {MONTHS[published.month - 1]} "
                                f"{published.day}, {published.year}{credit}",
                    "month": f"{city.upper()}{credit}"}[precision]
        article.say(dateline + " —")
        intro = article.say(
            f"South Korean President {kr.full(style)} and Vietnamese {vn.office.title} "
            f"{vn.full(style)} held talks in {city} {when[precision]}, {rng.choice(PURPOSES)}.")
        date_entry: dict[str, Any] = {"value": value, "basis": "stated"}
        if precision == "inferred":
            date_entry["basis"] = "inferred"
            date_entry["reasoning"] = (
                f"The article is dated {MONTHS[published.month - 1]} {published.day}, "
                f"{published.year} and says the talks were held the day before ('yesterday').")
            date_entry["cite"] = _cite(source, intro, dateline)
        else:
            date_entry["cite"] = _cite(source, intro)
        kr.mentions.append(Mention(value, source, intro, style))
        vn.mentions.append(Mention(value, source, intro, style))

        article.paragraph()
        place: dict[str, Any] = {"city": city, "country": country}
        if host is None:
            said = article.say(f"The meeting took place on the sidelines of the {year} {forum} "
                               f"in {city}, {country}.")
            occasion_text = f"A meeting on the sidelines of the {year} {forum}."
            place_cites = [intro, said]
        else:
            guest, length = (s.k if host == "VN" else s.v), rng.choice(LENGTHS)
            said = article.say(f"The talks were the centrepiece of {guest}’s {length} {occasion} "
                               f"to {country}.")
            occasion_text, place_cites = f"{guest}'s {length} {occasion} to {country}.", [intro]
            if venue:
                place["venue"] = venue
                place_cites.append(article.say(
                    f"The two leaders met at {venue} in {city} after an official welcome "
                    "ceremony."))
        place["cite"] = _cite(source, *place_cites)

        minister = holders["foreign-minister"]
        attends = rng.random() < 0.4
        minister_said = article.say(
            f"South Korean Foreign Minister {minister.full(style)} "
            + ("also attended the talks." if attends else "joined the welcome ceremony."))
        minister.mentions.append(Mention(value, source, minister_said, style))
        participants = [
            {"person": kr.id, "role": kr.office.role, "cite": _cite(source, intro)},
            {"person": vn.id, "role": vn.office.role, "cite": _cite(source, intro)},
        ]
        if attends:
            participants.append({"person": minister.id, "role": minister.office.role,
                                 "cite": _cite(source, minister_said)})

        outcomes = [self.others(article, s, holders, host)]
        article.paragraph()
        if rng.random() < 0.6:
            outcomes.append(self.trade(article, s))
        if rng.random() < 0.5:
            outcomes.append(self.target(article, s))
        for name in rng.sample(sorted(TEMPLATES), rng.randint(8, 12) - len(outcomes)):
            sentence, fields = TEMPLATES[name](rng, s)
            outcomes.append({"id": name, **fields, "cite": _cite(source, article.say(sentence))})
            if rng.random() < 0.5:
                article.paragraph()

        article.paragraph()
        if precision != "inferred" and rng.random() < 0.2:
            area = rng.choice(MOU_AREAS)
            signed = article.say(f"{'On' if precision == 'day' else 'In'} {stated}, the two "
                                 f"governments also signed a memorandum of understanding on "
                                 f"{area}.")
            self.milestones.append({
                "id": f"mou-{_slug(area)}-{summit_id}", "date": value,
                "text": f"The two governments signed a memorandum of understanding on {area}.",
                "cite": _cite(source, signed)})
        relations = article.say("Vietnam and South Korea established diplomatic relations in "
                                "December 1992.")
        if index == 0:
            self.milestones.append({
                "id": "diplomatic-relations", "date": "1992-12",
                "text": "Vietnam and South Korea established diplomatic relations.",
                "cite": _cite(source, relations)})

        if outlet:
            headline = f"{s.k}, {s.v} vow closer ties at {city} talks"
            article.paragraphs.insert(0, [headline])
        else:
            headline = f"{kr.written(style)} and {vn.written(style)} hold talks in {city}"
        self.register(index, source, article.text(), {
            "title": headline, "title_editorial": outlet is None, "outlet": outlet,
            "language": "en",
            **({"published": published.isoformat()} if precision == "inferred" else {})})
        self.summits[summit_id] = {
            "id": summit_id, "title": f"{kr.written(style)} and {vn.written(style)} in {city}",
            "date": date_entry, "place": place,
            "occasion": {"kind": occasion, "text": occasion_text, "cite": _cite(source, said)},
            "participants": participants, "outcomes": outcomes}

    def register(self, index: int, source: str, text: str, entry: dict[str, Any]) -> None:
        """Keep an article's text, and its sources.yaml entry with file name and sha256."""
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        file = f"{index:05d}_{digest[:16]}.txt"
        self.texts[file] = text
        self.sources.append({"id": source, "file": file, **entry, "sha256": digest})

    def others(self, article: Article, s: Summit, holders: dict[str, Person],
               host: str | None) -> dict[str, Any]:
        """The Vietnamese leaders not at the table: met in Vietnam, sent greetings elsewhere."""
        others = [holders[o.key] for o in OFFICES
                  if o.country == "VN" and holders[o.key] is not s.vn]
        names = [f"{p.office.title} {p.full(s.style)}" for p in others]
        listed = f"{', '.join(names[:-1])} and {names[-1]}"
        if host == "VN":
            text, by = f"{s.k} was also scheduled to meet {listed}.", s.kr.id
            said = article.say(f"During the visit, {text[0].lower()}{text[1:]}")
        else:
            text, by = f"{s.v} conveyed the greetings of {listed} to {s.k}.", s.vn.id
            said = article.say(text)
        for person in others:
            person.mentions.append(Mention(s.date_value, s.source, said, s.style))
        return {"id": "other-leaders", **_outcome("diplomacy", "background", text,
                                                  by=[by, *(p.id for p in others)]),
                "cite": _cite(s.source, said)}

    def trade(self, article: Article, s: Summit) -> dict[str, Any]:
        """Last year's trade; also records it, or the year before it derived, in trade.yaml."""
        year = s.year - 1
        tenths, growth = self.curve[year]
        amount, change = _decimal(tenths), _decimal(abs(growth))
        direction = "up" if growth > 0 else "down"
        said = article.say(f"Bilateral trade reached US${amount} billion in {year}, {direction} "
                           f"{change} percent from {year - 1}, according to "
                           f"{self.rng.choice(AGENCIES)}.")
        cite = _cite(s.source, said)
        if year not in self.figures:
            self.figures[year] = {"id": f"trade-{year}", "year": year, "amount": _amount(tenths),
                                  "measures": "bilateral trade", "cite": cite}
        if year - 1 not in self.figures:
            formula = f"{amount} / (1 {'+' if growth > 0 else '-'} {change} / 100)"
            # The same operations as the formula, so the checker's evaluation matches exactly.
            rate = abs(growth) / 10 / 100
            value = tenths / 10 / (1 + rate if growth > 0 else 1 - rate)
            self.figures[year - 1] = {
                "id": f"trade-{year - 1}", "year": year - 1, "amount": round(value, 1),
                "measures": f"bilateral trade, computed from the {year} figure and its growth",
                "cite": _cite(s.source, said),
                "derived": {"formula": formula, "uses": [f"trade-{year}"]}}
        return {"id": "trade-last-year", **_outcome(
            "trade-investment", "background",
            f"Bilateral trade reached US${amount} billion in {year}, {direction} {change} "
            f"percent from {year - 1}.", figure=_money(_amount(tenths), "billion", str(year)),
            as_of=str(year)), "cite": cite}

    def target(self, article: Article, s: Summit) -> dict[str, Any]:
        # Leaders aim above current trade: half as much again, rounded up to ten billion.
        billions = -(-self.curve[s.year - 1][0] * 15 // 1000) * 10
        deadline = s.year + self.rng.randint(3, 10) if self.rng.random() < 0.75 else None
        by = f"by {deadline}" if deadline else "in the near term"
        said = article.say(f"The two leaders agreed to work towards bilateral trade of "
                           f"US${billions} billion {by}.")
        target: dict[str, Any] = {"id": f"target-{billions}bn-{s.id}", "amount": billions}
        target.update({"deadline": deadline} if deadline else {"horizon": "near term"})
        target.update({"summit": s.id, "stated_by": s.leads, "cite": _cite(s.source, said)})
        self.targets.append(target)
        return {"id": "trade-target", **_outcome(
            "trade-investment", "agreement", f"Agreed to work towards bilateral trade of "
            f"US${billions} billion {by}.", by=s.leads, headline=True,
            figure=_money(billions, "billion", f"by {deadline}" if deadline else None)),
            "cite": _cite(s.source, said)}

    def write(self, out: Path) -> None:
        data = out / "data"
        (data / "summits").mkdir(parents=True)
        (data / "sources").mkdir()
        header = (f"# Synthetic data: scripts/synth.py --summits {self.n} --seed {self.seed}. "
                  "Everything here is invented.\n")
        for file, text in self.texts.items():
            (data / "sources" / file).write_bytes(text.encode("utf-8"))
        for summit_id, summit in self.summits.items():
            _dump(data / "summits" / f"{summit_id}.yaml", header, summit)
        people = [p.entry() for holders in self.people.values() for p in holders]
        _dump(data / "people.yaml", header, sorted(people, key=lambda p: p["id"]))
        _dump(data / "sources.yaml", header, self.sources)
        _dump(data / "milestones.yaml", header,
              sorted(self.milestones, key=lambda m: (m["date"], m["id"])))
        _dump(data / "trade.yaml", header,
              {"figures": [self.figures[y] for y in sorted(self.figures)],
               "targets": self.targets})
        (data / "topics.yaml").write_bytes(TOPICS.read_bytes())


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    # The checker rejects anchors, which PyYAML emits for any list or dict used twice.
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(path: Path, header: str, value: Any) -> None:
    body = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_bytes((header + body).encode("utf-8"))


def generate(n: int, out: Path, seed: int = 0) -> None:
    """Write ``out/data`` with n summits; refuses to touch an existing ``out/data``."""
    if not 1 <= n <= MAX_SUMMITS:
        raise ValueError(f"--summits must be between 1 and {MAX_SUMMITS:,}")
    if (out / "data").exists():
        raise FileExistsError(f"{out / 'data'} already exists; remove it or choose another --out")
    corpus = SyntheticCorpus(n, seed)
    corpus.build()
    corpus.write(out)


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--summits", type=int, required=True, help="how many summits")
    parser.add_argument("--out", type=Path, required=True, help="folder to write data/ into")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    try:
        generate(args.summits, args.out, args.seed)
    except (ValueError, FileExistsError) as exc:
        parser.error(str(exc))
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
