"""Write a synthetic corpus of N summits in the real data schema, for scale and speed tests.

    python scripts/synth.py --summits 1000 --out /tmp/synth [--seed 0]

Every person, article and number is invented. Each summit gets its own generated English
article in DIR/data/sources/, and every quote is copied from that article, so
`python scripts/build.py --check --root DIR` passes. The same N and seed always give
byte-identical files. Topics are copied from the project's own data/topics.yaml. The people
and places are made in synth_cast.py, and the kinds of outcome in synth_outcomes.py.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent

from synth_cast import (  # noqa: E402
    KR_CITIES,
    OFFICES,
    VN_CITIES,
    VN_LEADS,
    Mention,
    Person,
    Summit,
    cites,
    office_holders,
)
from synth_outcomes import TEMPLATES, from_tenths, money, outcome, tenths_text  # noqa: E402

from summit_briefings.authoring.new_source import slug  # noqa: E402
from summit_briefings.model.dates import MONTHS, WEEKDAYS, sort_key  # noqa: E402

TOPICS = ROOT / "data" / "topics.yaml"
SITE = """\
title: Synthetic summit briefings
introduction: A generated corpus; every person, article and number in it is invented.
currency: USD
parties:
  - {code: KR, name: South Korea, scripts: [Hangul, romanised]}
  - {code: VN, name: Vietnam, scripts: [Vietnamese spelling, without diacritics]}
others:
  - {code: KP, name: North Korea, scripts: [Hangul, romanised]}
"""

FIRST_DAY = date(1993, 1, 1)
# TradeFigure.year must not pass 2100, and an article states the previous year's trade.
LAST_DAY = date(2099, 12, 31)
# sources.yaml grows by about 270 bytes a summit and the checker refuses a data file over
# 2 MB, reached near 7,400 summits.
MAX_SUMMITS = 5000

# (name, slug, style): "kr" outlets add Hangul to Korean names, "vn" ones write Vietnamese
# names with diacritics, and an unnamed outlet does neither.
OUTLETS = (("Yonhap", "yonhap", "kr"), ("The Korea Herald", "korea-herald", "kr"),
           ("KBS World", "kbs-world", "kr"), ("VNA", "vna", "vn"), ("Nhân Dân", "nhan-dan", "vn"),
           ("VnExpress International", "vnexpress", "vn"), (None, "report", "plain"))

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
MOU_AREAS = ("mutual legal assistance", "critical minerals", "nuclear power",
             "digital government", "higher education", "customs cooperation", "tourism",
             "fisheries", "disaster management", "civil aviation", "intellectual property")


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


class SyntheticCorpus:
    """Everything generated so far, written out by ``write``."""

    def __init__(self, n: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.n, self.seed = n, seed
        self.people = office_holders(self.rng, n)
        self.curve = _trade_curve(self.rng)
        self.sources: list[dict[str, Any]] = []
        self.texts: dict[str, str] = {}
        self.summits: dict[str, dict[str, Any]] = {}
        self.figures: dict[int, dict[str, Any]] = {}
        self.targets: list[dict[str, Any]] = []
        self.target_dates: dict[str, str] = {}  # summit id → date, of summits setting a target
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
        summit_id = f"{value}-{slug(city)}"
        source = f"{outlet_slug}-{summit_id}"
        s = Summit(summit_id, value, year, style, source, kr, vn)
        article = Article()

        stated = f"{month} {day.day}, {year}" if precision == "day" else f"{month} {year}"
        weekday = WEEKDAYS[day.weekday()]
        when = {"day": f"on {stated}", "inferred": f"on {weekday}", "month": f"in {stated}"}
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
            date_entry["weekday"] = weekday
            date_entry["reasoning"] = (
                f"The article is dated {MONTHS[published.month - 1]} {published.day}, "
                f"{published.year} and says the talks were held on {weekday}, the day before.")
            date_entry["cite"] = cites(source, intro, dateline)
        else:
            date_entry["cite"] = cites(source, intro)
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
        place["cite"] = cites(source, *place_cites)

        minister = holders["foreign-minister"]
        attends = rng.random() < 0.4
        minister_said = article.say(
            f"South Korean Foreign Minister {minister.full(style)} "
            + ("also attended the talks." if attends else "joined the welcome ceremony."))
        minister.mentions.append(Mention(value, source, minister_said, style))
        participants = [
            {"person": kr.id, "role": kr.office.role, "cite": cites(source, intro)},
            {"person": vn.id, "role": vn.office.role, "cite": cites(source, intro)},
        ]
        if attends:
            participants.append({"person": minister.id, "role": minister.office.role,
                                 "cite": cites(source, minister_said)})

        outcomes = [self.others(article, s, holders, host)]
        article.paragraph()
        if rng.random() < 0.6:
            outcomes.append(self.trade(article, s))
        if rng.random() < 0.5:
            outcomes.append(self.target(article, s))
        for name in rng.sample(sorted(TEMPLATES), rng.randint(8, 12) - len(outcomes)):
            sentence, fields = TEMPLATES[name](rng, s)
            outcomes.append({"id": name, **fields, "cite": cites(source, article.say(sentence))})
            if rng.random() < 0.5:
                article.paragraph()

        article.paragraph()
        if precision != "inferred" and rng.random() < 0.2:
            area = rng.choice(MOU_AREAS)
            signed = article.say(f"{'On' if precision == 'day' else 'In'} {stated}, the two "
                                 f"governments also signed a memorandum of understanding on "
                                 f"{area}.")
            self.milestones.append({
                "id": f"mou-{slug(area)}-{summit_id}", "date": value,
                "text": f"The two governments signed a memorandum of understanding on {area}.",
                "cite": cites(source, signed)})
        relations = article.say("Vietnam and South Korea established diplomatic relations in "
                                "December 1992.")
        if index == 0:
            self.milestones.append({
                "id": "diplomatic-relations", "date": "1992-12",
                "text": "Vietnam and South Korea established diplomatic relations.",
                "cite": cites(source, relations)})

        if outlet:
            headline = f"{s.k}, {s.v} vow closer ties at {city} talks"
            article.paragraphs.insert(0, [headline])
        else:
            headline = (f"{kr.written(kr.shown(style))} and {vn.written(vn.shown(style))} hold "
                        f"talks in {city}")
        self.register(index, source, article.text(), {
            "title": headline, "title_editorial": outlet is None, "outlet": outlet,
            "language": "en",
            **({"published": published.isoformat(), "published_from": "text"}
               if precision == "inferred" else {})})
        self.summits[summit_id] = {
            "id": summit_id,
            "title": f"{kr.written(kr.shown(style))} and {vn.written(vn.shown(style))} in {city}",
            "date": date_entry, "place": place,
            "occasion": {"kind": occasion, "text": occasion_text, "cite": cites(source, said)},
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
        names = [f"{p.office.title} {p.full(p.shown(s.style))}" for p in others]
        listed = f"{', '.join(names[:-1])} and {names[-1]}"
        if host == "VN":
            text, by = f"{s.k} was also scheduled to meet {listed}.", s.kr.id
            said = article.say(f"During the visit, {text[0].lower()}{text[1:]}")
        else:
            text, by = f"{s.v} conveyed the greetings of {listed} to {s.k}.", s.vn.id
            said = article.say(text)
        for person in others:
            person.mentions.append(Mention(s.date_value, s.source, said, s.style))
        return {"id": "other-leaders", **outcome("diplomacy", "background", text,
                                                  by=[by, *(p.id for p in others)]),
                "cite": cites(s.source, said)}

    def trade(self, article: Article, s: Summit) -> dict[str, Any]:
        """Last year's trade; also records it, or the year before it derived, in trade.yaml."""
        year = s.year - 1
        tenths, growth = self.curve[year]
        amount, change = tenths_text(tenths), tenths_text(abs(growth))
        direction = "up" if growth > 0 else "down"
        said = article.say(f"Bilateral trade reached US${amount} billion in {year}, {direction} "
                           f"{change} percent from {year - 1}, according to "
                           f"{self.rng.choice(AGENCIES)}.")
        cite = cites(s.source, said)
        if year not in self.figures:
            self.figures[year] = {"id": f"trade-{year}", "year": year,
                                  "amount": from_tenths(tenths), "measures": "bilateral trade",
                                  "cite": cite}
        if year - 1 not in self.figures:
            formula = f"{amount} / (1 {'+' if growth > 0 else '-'} {change} / 100)"
            # The same operations as the formula, so the checker's evaluation matches exactly.
            rate = abs(growth) / 10 / 100
            value = tenths / 10 / (1 + rate if growth > 0 else 1 - rate)
            self.figures[year - 1] = {
                "id": f"trade-{year - 1}", "year": year - 1, "amount": round(value, 1),
                "measures": f"bilateral trade, computed from the {year} figure and its growth",
                "cite": cites(s.source, said),
                "derived": {"formula": formula, "uses": [f"trade-{year}"]}}
        return {"id": "trade-last-year", **outcome(
            "trade-investment", "background",
            f"Bilateral trade reached US${amount} billion in {year}, {direction} {change} "
            f"percent from {year - 1}.",
            figure=money(from_tenths(tenths), "billion", str(year)), as_of=str(year)),
            "cite": cite}

    def target(self, article: Article, s: Summit) -> dict[str, Any]:
        # Leaders aim above current trade: half as much again, rounded up to ten billion.
        billions = -(-self.curve[s.year - 1][0] * 15 // 1000) * 10
        deadline = s.year + self.rng.randint(3, 10) if self.rng.random() < 0.75 else None
        by = f"by {deadline}" if deadline else "in the near term"
        said = article.say(f"The two leaders agreed to work towards bilateral trade of "
                           f"US${billions} billion {by}.")
        target: dict[str, Any] = {"id": f"target-{billions}bn-{s.id}", "amount": billions}
        target.update({"deadline": deadline} if deadline else {"horizon": "near term"})
        target.update({"summit": s.id, "stated_by": s.leads, "kind": "agreed",
                       "outcome": "trade-target", "cite": cites(s.source, said)})
        self.targets.append(target)
        self.target_dates[s.id] = s.date_value
        return {"id": "trade-target", **outcome(
            "trade-investment", "agreement", f"Agreed to work towards bilateral trade of "
            f"US${billions} billion {by}.", by=s.leads, headline=True,
            figure=money(billions, "billion", f"by {deadline}" if deadline else None)),
            "cite": cites(s.source, said)}

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
               "targets": one_record_per_target(self.targets, self.target_dates)})
        (data / "topics.yaml").write_bytes(TOPICS.read_bytes())
        (data / "site.yaml").write_text(SITE, encoding="utf-8")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    # The checker rejects anchors, which PyYAML emits for any list or dict used twice.
    def ignore_aliases(self, data: Any) -> bool:
        return True


def one_record_per_target(targets: list[dict[str, Any]],
                          dates: dict[str, str]) -> list[dict[str, Any]]:
    """Targets of the same amount by the same year are one target stated again, as the check
    requires: the earliest statement is the record and later ones its 'restated'. One made
    on the same date as the statement before it is left out, since a history runs strictly
    forward (its summit's outcome still states it)."""
    records: dict[tuple[int, int], dict[str, Any]] = {}
    kept = []
    for target in sorted(targets, key=lambda t: (sort_key(dates[t["summit"]]), t["id"])):
        key = (target["amount"], target["deadline"]) if target.get("deadline") else None
        first = records.get(key) if key else None
        if first is None:
            if key:
                records[key] = target
            kept.append(target)
            continue
        last = first["restated"][-1]["summit"] if first.get("restated") else first["summit"]
        if sort_key(dates[target["summit"]]) > sort_key(dates[last]):
            first.setdefault("restated", []).append(
                {k: target[k] for k in ("summit", "stated_by", "kind", "deadline", "outcome",
                                        "cite")})
    return kept


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
