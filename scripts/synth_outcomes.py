"""The 25 kinds of outcome a synthetic summit can have (scripts/synth.py): each writes a
sentence for the article and the outcome that quotes it.
"""

from __future__ import annotations

import random
from typing import Any

from synth_cast import VN_CITIES, Summit

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


def tenths_text(tenths: int) -> str:
    """A count of tenths as an article writes it: 867 → '86.7', 870 → '87'."""
    whole, rest = divmod(tenths, 10)
    return f"{whole}.{rest}" if rest else str(whole)


def from_tenths(tenths: int) -> int | float:
    return tenths // 10 if tenths % 10 == 0 else tenths / 10


def outcome(topic: str, kind: str, text: str, *, by: list[str] | None = None,
            side: str | None = None, of_side: str | None = None, headline: bool = False,
            figure: dict[str, Any] | None = None, as_of: str | None = None) -> dict[str, Any]:
    fields: dict[str, Any] = {"topic": topic, "kind": kind}
    if headline:
        fields["headline"] = True
    fields["text"] = text
    optional = {"by": by, "side": side, "of_side": of_side,
                "figures": [figure] if figure else None, "as_of": as_of}
    fields.update((key, value) for key, value in optional.items() if value)
    return fields


def money(amount: int | float, unit: str, period: str | None = None) -> dict[str, Any]:
    figure = {"amount": amount, "unit": unit, "currency": "USD"}
    return figure | ({"period": period} if period else {})


def count(amount: int) -> dict[str, Any]:
    return {"amount": amount, "unit": "count"}


# Each template returns (sentence for the article, outcome fields); one article uses each
# template at most once, which keeps every quoted sentence unique within its source.
Template = tuple[str, dict[str, Any]]


def _exchanges(rng: random.Random, s: Summit) -> Template:
    channels = rng.choice(CHANNELS)
    return (f"The two leaders agreed to maintain regular exchanges of delegations and "
            f"high-level contacts through {channels}.",
            outcome("diplomacy", "agreement", "Agreed to keep up regular exchanges of "
                    f"delegations and high-level contacts through {channels}.", by=s.leads))


def _invitation(rng: random.Random, s: Summit) -> Template:
    return (f"{s.v} invited {s.k} to visit Vietnam at a convenient time, and {s.k} accepted "
            "the invitation with pleasure.",
            outcome("diplomacy", "invitation", f"{s.v} invited {s.k} to visit Vietnam; "
                    "the invitation was accepted.", by=s.leads))


def _kr_quote(rng: random.Random, s: Summit) -> Template:
    words = (f"Vietnam is a key partner in our {rng.choice(POLICIES)}, and our relationship "
             "has never been closer")
    return (f"“{words},” {s.k} said.",
            outcome("diplomacy", "quote", words + ".", by=[s.kr.id]))


def _years_of_ties(rng: random.Random, s: Summit) -> Template:
    years = s.year - 1992
    return (f"Both leaders expressed satisfaction that relations have grown strongly in the "
            f"{years} years since diplomatic ties were established in 1992.",
            outcome("diplomacy", "position", f"Welcomed the growth of relations in the {years} "
                    "years since diplomatic ties were established in 1992.", by=s.leads))


def _investment(rng: random.Random, s: Summit) -> Template:
    tenths, deadline, sector = rng.randint(5, 150), s.year + rng.randint(2, 6), rng.choice(SECTORS)
    return (f"{s.k} said Korean companies planned to invest a further US${tenths_text(tenths)} "
            f"billion in Vietnam’s {sector} sector by {deadline}.",
            outcome("trade-investment", "pledge", "Korean companies plan to invest a further "
                    f"US${tenths_text(tenths)} billion in Vietnam's {sector} sector by "
                    f"{deadline}.", by=[s.kr.id], side="KR", headline=True,
                    figure=money(from_tenths(tenths), "billion", f"by {deadline}")))


def _produce(rng: random.Random, s: Summit) -> Template:
    produce = rng.choice(PRODUCE)
    return (f"{s.v} asked Korea to further open its market to Vietnamese {produce} and other "
            "farm produce.",
            outcome("trade-investment", "request", f"Asked Korea to open its market further to "
                    f"Vietnamese {produce} and other farm produce.", by=[s.vn.id], side="VN",
                    of_side="KR"))


def _largest_investor(rng: random.Random, s: Summit) -> Template:
    projects, tenths = rng.randint(800, 12000), rng.randint(20, 900)
    return (f"With {projects:,} valid projects worth a combined US${tenths_text(tenths)} billion, "
            "Korea remains the largest foreign investor in Vietnam, according to Vietnam’s "
            "Ministry of Planning and Investment.",
            outcome("trade-investment", "background", f"Korea is the largest foreign investor in "
                    f"Vietnam, with {projects:,} projects worth US${tenths_text(tenths)} billion.",
                    figure=money(from_tenths(tenths), "billion")))


def _supply_chains(rng: random.Random, s: Summit) -> Template:
    sector = rng.choice(SECTORS)
    return (f"{s.k} pledged to help Vietnamese firms join the supply chains of Korean groups in "
            f"the {sector} industry.",
            outcome("trade-investment", "pledge", "Korea will help Vietnamese firms join the "
                    f"supply chains of Korean groups in the {sector} industry.", by=[s.kr.id],
                    side="KR"))


def _workers(rng: random.Random, s: Summit) -> Template:
    quota = rng.randint(10, 40) * 500
    return (f"Korea will raise the quota of Vietnamese workers under its Employment Permit "
            f"System to {quota:,} a year, {s.k} said.",
            outcome("labour-people", "pledge", "Korea will raise the quota of Vietnamese "
                    f"workers under its Employment Permit System to {quota:,} a year.",
                    by=[s.kr.id], side="KR", headline=True, figure=count(quota)))


def _residents(rng: random.Random, s: Summit) -> Template:
    residents = rng.randint(20, 300) * 1000
    return (f"{s.v} asked {s.k} to keep creating favourable conditions for the more than "
            f"{residents:,} Vietnamese people living, working and studying in Korea.",
            outcome("labour-people", "request", "Asked Korea to keep supporting the more than "
                    f"{residents:,} Vietnamese people living, working and studying there.",
                    by=[s.vn.id], side="VN", of_side="KR", figure=count(residents)))


def _visas(rng: random.Random, s: Summit) -> Template:
    return (f"{s.k} promised to simplify visa procedures for Vietnamese tourists, students and "
            "business travellers.",
            outcome("labour-people", "pledge", "Korea will simplify visa procedures for "
                    "Vietnamese tourists, students and business travellers.", by=[s.kr.id],
                    side="KR"))


def _defence(rng: random.Random, s: Summit) -> Template:
    area = rng.choice(DEFENCE)
    return (f"The two leaders agreed to hold their defence policy dialogue every year and to "
            f"expand cooperation in {area}.",
            outcome("defence-security", "agreement", "Agreed to hold the defence policy "
                    f"dialogue every year and to expand cooperation in {area}.", by=s.leads,
                    headline=True))


def _crime(rng: random.Random, s: Summit) -> Template:
    crime = rng.choice(CRIMES)
    return (f"They also agreed to step up joint work against transnational crime, in "
            f"particular {crime}.",
            outcome("defence-security", "agreement", "Agreed to step up joint work against "
                    f"transnational crime, in particular {crime}.", by=s.leads))


def _east_sea(rng: random.Random, s: Summit) -> Template:
    return ("On the East Sea, both leaders stressed freedom of navigation and overflight and the "
            "peaceful settlement of disputes in line with international law, including the "
            "1982 United Nations Convention on the Law of the Sea.",
            outcome("east-sea-maritime", "position", "Stressed freedom of navigation and "
                    "overflight in the East Sea and peaceful settlement of disputes under "
                    "international law, including the 1982 UNCLOS.", by=s.leads))


def _patrol_vessels(rng: random.Random, s: Summit) -> Template:
    vessels = rng.randint(2, 9)
    return (f"Korea will hand over {vessels} decommissioned patrol vessels to Vietnam’s coast "
            "guard to strengthen its maritime law enforcement capacity.",
            outcome("east-sea-maritime", "pledge", f"Korea will hand over {vessels} patrol "
                    "vessels to Vietnam's coast guard.", side="KR", figure=count(vessels)))


def _peninsula_support(rng: random.Random, s: Summit) -> Template:
    return (f"{s.v} reaffirmed Vietnam’s support for the denuclearisation of the Korean "
            "Peninsula and for dialogue between the two Koreas.",
            outcome("korean-peninsula", "position", "Vietnam supports the denuclearisation of "
                    "the Korean Peninsula and dialogue between the two Koreas.", by=[s.vn.id]))


def _peninsula_request(rng: random.Random, s: Summit) -> Template:
    return (f"{s.k} asked Vietnam, which maintains ties with Pyongyang, to help bring North "
            "Korea back to the negotiating table.",
            outcome("korean-peninsula", "request", "Asked Vietnam to use its ties with "
                    "Pyongyang to help bring North Korea back to talks.", by=[s.kr.id],
                    side="KR", of_side="VN"))


def _oda(rng: random.Random, s: Summit) -> Template:
    million, area = rng.randint(4, 40) * 50, rng.choice(ODA_AREAS)
    period = f"{s.year}–{s.year + rng.randint(2, 5)}"
    return (f"{s.k} said Korea would provide US${million:,} million in official development "
            f"assistance to Vietnam over {period}, with a focus on {area}.",
            outcome("development-aid", "pledge", f"Korea will provide US${million:,} million "
                    f"in ODA over {period}, focused on {area}.", by=[s.kr.id], side="KR",
                    headline=True, figure=money(million, "million", period)))


def _edcf(rng: random.Random, s: Summit) -> Template:
    tenths, period = rng.randint(5, 40), f"{s.year}–{s.year + rng.randint(3, 5)}"
    return (f"The two sides signed a framework arrangement on preferential loans of "
            f"US${tenths_text(tenths)} billion from the Economic Development Cooperation Fund for "
            f"{period}.",
            outcome("development-aid", "agreement", f"Signed a framework arrangement on "
                    f"US${tenths_text(tenths)} billion in EDCF preferential loans for {period}.",
                    by=s.leads, figure=money(from_tenths(tenths), "billion", period)))


def _research_centre(rng: random.Random, s: Summit) -> Template:
    subject, city = rng.choice(FIELDS), rng.choice(VN_CITIES)[0]
    return (f"The leaders agreed to set up a joint research centre on {subject} in {city}.",
            outcome("science-technology-education", "agreement", "Agreed to set up a joint "
                    f"research centre on {subject} in {city}.", by=s.leads))


def _scholarships(rng: random.Random, s: Summit) -> Template:
    scholarships = rng.randint(4, 40) * 50
    return (f"Korea will offer {scholarships:,} scholarships to Vietnamese students and public "
            f"officials over the next five years, {s.k} said.",
            outcome("science-technology-education", "pledge", f"Korea will offer "
                    f"{scholarships:,} scholarships to Vietnamese students and officials over "
                    "five years.", by=[s.kr.id], side="KR", figure=count(scholarships)))


def _technology(rng: random.Random, s: Summit) -> Template:
    technology = rng.choice(TECHNOLOGIES)
    return (f"{s.v} asked Korea to transfer technology in {technology} and to help train "
            "Vietnamese engineers.",
            outcome("science-technology-education", "request", "Asked Korea to transfer "
                    f"technology in {technology} and help train Vietnamese engineers.",
                    by=[s.vn.id], side="VN", of_side="KR"))


def _vn_quote(rng: random.Random, s: Summit) -> Template:
    words = "Science, technology and innovation should become a new pillar of our partnership"
    return (f"“{words},” {s.v} told reporters after the talks.",
            outcome("science-technology-education", "quote", words + ".", by=[s.vn.id]))


def _frameworks(rng: random.Random, s: Summit) -> Template:
    return ("The leaders agreed to coordinate closely at ASEAN, APEC and the Mekong-Korea "
            "cooperation framework.",
            outcome("regional", "agreement", "Agreed to coordinate closely at ASEAN, APEC and "
                    "the Mekong-Korea cooperation framework.", by=s.leads))


def _candidacies(rng: random.Random, s: Summit) -> Template:
    return ("Both sides agreed to support each other’s candidacies at the United Nations and "
            "other international organisations.",
            outcome("regional", "agreement", "Agreed to support each other's candidacies at "
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
