"""The data model: every fact the site can state, each tied to verbatim quotes.

Each model maps to one kind of YAML entry in ``data/``. Field descriptions here are the
data dictionary: the guide page and ``schema.json`` are generated from them.
"""

from __future__ import annotations

import calendar
import re
import urllib.parse
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .dates import DATE_PARTS, DatePart, Weekday

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG, description="Lower-case words joined by hyphens.")]
OutcomeId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$",
                                 description="'<summit-id>/<outcome-id>'.")]
PLACEHOLDER = "EDIT ME"
# A first line that credits a photo or names a writer is not the article's headline; new-source
# can mistake one for it, and it would title the pages that cite the article.
CREDIT_LINE = re.compile(
    r"^\W*(?:photos?|image|picture|credit|copyright|source)\s*[:/|\-–—(]"
    r"|^\W*(?:photos?|image|picture|reporting|written|edited|text) by\b"
    r"|^by\s+[a-z][\w'.-]*(?:\s+[a-z][\w'.-]*){0,3}\s*$"
    r"|^\W*(?:©|\(c\))|all rights reserved", re.IGNORECASE)


def _no_placeholder(value: str) -> str:
    if PLACEHOLDER in value.upper():
        raise ValueError(f"'{value}' is a placeholder that `make new-source` wrote; replace it "
                         "with the text it stands for")
    return value


def _a_title(value: str) -> str:
    if CREDIT_LINE.search(value):
        raise ValueError(f"'{value}' reads as a photo credit or byline, not a title; write the "
                         "article's own headline, or a neutral title naming the leaders and "
                         "the place (with title_editorial: true)")
    return value


# A role is an office held on its as_of date. These words describe someone who has died or
# left office ('the late former leader'): dated as a role, they would read as the office then.
NOT_HELD = re.compile(r"\b(?:late|former|deceased|ex)\b", re.IGNORECASE)
# These make a role a clause about the meeting ('his counterpart from the other country'
# says whom he met), not the title of an office.
CLAUSE = re.compile(r"\b(?:counterpart|counterparts|his|her|their|who|whom|met|meets|host|"
                    r"hosted|guest)\b", re.IGNORECASE)


def _a_role(value: str) -> str:
    if NOT_HELD.search(value):
        raise ValueError(f"'{value}' says the person has died or left office: it is not a role "
                         "held as of a date; give it as the person's 'described_as' (undated)")
    if CLAUSE.search(value):
        raise ValueError(f"'{value}' is a clause, not a title; give the office as a quote "
                         "states it, e.g. 'State President' or 'Prime Minister'")
    return value


# Text a page prints as a heading, link or sentence: never empty (surrounding whitespace is
# stripped first, so a blank value is empty too), never a placeholder left to fill in.
Text = Annotated[str, Field(min_length=1), AfterValidator(_no_placeholder)]
# Every text value is bounded, so no page grows without bound from one field; a title is
# printed in every page's navigation, header bar and <title>, so it is bounded more tightly.
MAX_TEXT_CHARS = 5_000
MAX_TITLE_CHARS = 500
Title = Annotated[str, Field(min_length=1, max_length=MAX_TITLE_CHARS),
                  AfterValidator(_no_placeholder), AfterValidator(_a_title)]
RoleTitle = Annotated[str, Field(min_length=1, max_length=MAX_TITLE_CHARS),
                      AfterValidator(_no_placeholder), AfterValidator(_a_role)]
# A file name that reads the same in a path, a URL and a shell: letters, digits, '-', '_' and
# '.', not starting with '.', at most 200 characters. '#', '%' or '?' would change meaning
# in the page's address.
SOURCE_FILE = r"^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}$"
# BCP 47 (RFC 5646) language tags, well-formed: language, script, region, variants,
# extensions and private use, e.g. 'en', 'vi', 'ko-Kore-KR', 'zh-Hant'.
LANGUAGE_TAG = (r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?"
                r"(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*"
                r"(?:-[\dA-WY-Za-wy-z](?:-[A-Za-z\d]{2,8})+)*(?:-x(?:-[A-Za-z\d]{1,8})+)?$")
COUNTRY_CODE, CURRENCY_CODE = r"^[A-Z]{2}$", r"^[A-Z]{3}$"
CountryCode = Annotated[str, Field(pattern=COUNTRY_CODE, description="Two capital letters "
                                   "naming a country of data/site.yaml, e.g. 'FR'.")]
Currency = Annotated[str, Field(pattern=CURRENCY_CODE, description="ISO 4217 code, e.g. 'EUR'.")]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def as_partial_date(value: object) -> object:
    """Accept YAML dates (``2018-03-23``), years (``2024``) and ``YYYY-MM`` strings."""
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()[:10]
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}" if value >= 0 else str(value)  # a year: checked below
    if isinstance(value, str):
        match = _PARTIAL_DATE.match(value)
        if not match:
            raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '{value}'")
        year, month, day = match.groups()
        if month and not 1 <= int(month) <= 12:
            raise ValueError(f"month {month} does not exist (in '{value}')")
        if day and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
            raise ValueError(f"day {day} does not exist in {year}-{month} (in '{value}')")
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(as_partial_date),
    Field(description="A date as precise as the sources allow: YYYY, YYYY-MM or YYYY-MM-DD."),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              str_max_length=MAX_TEXT_CHARS)


class Citation(Model):
    """Where a fact comes from: a verbatim passage of one registered source."""

    source: Slug = Field(description="Id of the source in data/sources.yaml.")
    quote: str = Field(
        min_length=10,
        description="Text copied verbatim from the source. Whitespace, curly/straight quotes "
        "and dashes may differ; everything else must match, and the passage must occur in "
        "the source exactly once (lengthen it if it does not).",
    )


Cites = Annotated[list[Citation], Field(min_length=1, description="At least one citation.")]


class Derived(Model):
    """How a value no article states follows from values that articles do state."""

    formula: str = Field(description="Arithmetic over cited numbers, e.g. '87 / 1.114'.")
    uses: list[str] = Field(min_length=1, description="Ids of the facts whose numbers it uses.")


def web_address(value: str) -> str:
    parts = urllib.parse.urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s<>\"]", value):
        raise ValueError(f"'{value}' is not a web address; give the article's address as "
                         "https://… (http and https only)")
    return value


class Source(Model):
    """A news article, stored verbatim in data/sources/."""

    id: Slug = Field(description="Short id used in citations, e.g. 'wire-2026-talks'.")
    file: str = Field(pattern=SOURCE_FILE, description="File name inside data/sources/: "
                      "letters, digits, '-', '_' and '.', e.g. '005_wire-2026.txt'.")
    title: Title = Field(description="The article's own headline, or a neutral editorial title.")
    title_editorial: bool = Field(
        description="true when the article has no headline and the title is ours.")
    headline: Title | None = Field(
        default=None, description="The article's own headline, verbatim, where it has one.")
    outlet: str | None = Field(description="The outlet as the text names it; null if it does not.")
    publisher: Text | None = Field(
        default=None, description="The publisher as the article's web page names it, e.g. "
        "'KBS World'; where known.")
    url: Annotated[str, AfterValidator(web_address)] | None = Field(
        default=None, description="The article's web address (http or https), where known.")
    language: str = Field(pattern=LANGUAGE_TAG,
                          description="BCP 47 language tag of the text, e.g. 'en' or 'ko'.")
    published: PartialDate | None = Field(
        default=None, description="Publication date, as precisely as it is given.")
    published_from: Literal["text", "page"] | None = Field(
        default=None, description="Where 'published' comes from: 'text' (the stored text states "
        "it; the check finds its numbers there) or 'page' (the web page's own date line or "
        "metadata). Required with 'published'.")
    truncated: bool = Field(
        default=False, description="true when the stored text stops mid-article; its source "
        "page says so.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the file's bytes.")

    @model_validator(mode="after")
    def _published_says_where_from(self) -> Source:
        if self.published and not self.published_from:
            raise ValueError("'published' needs 'published_from': 'text' when the stored text "
                             "states the date, 'page' when it comes from the web page's date "
                             "line or metadata")
        if self.published_from and not self.published:
            raise ValueError("'published_from' is set but 'published' is not; add the date or "
                             "remove 'published_from'")
        return self

    @property
    def credit(self) -> str | None:
        """Who readers should know published it: the publisher, else the outlet."""
        return self.publisher or self.outlet


class RoleStatement(Model):
    """A role a source gives a person, as of the date of the event it reports."""

    title: RoleTitle = Field(description="The office as the source words it, e.g. 'State "
                             "President': a title, never a clause ('his counterpart'), and "
                             "never 'late' or 'former' (that is 'described_as').")
    as_of: PartialDate = Field(description="Date of the event at which the source gives it.")
    cite: Cites


class Description(Model):
    """How a source describes someone that is not an office held on a date, e.g. 'the late
    former leader of the country'. Pages print it without a date."""

    text: Text = Field(description="The description as the source words it.")
    cite: Cites


class NameForm(Model):
    """One way the sources write a person's name."""

    text: Text = Field(description="The name exactly as a source writes it.")
    script: Text = Field(description="How it is written: one of the scripts data/site.yaml "
                         "lists for the person's country, e.g. 'ASCII'.")


# The folder of each country's people A–Z, beside the leaders' own pages (/leaders/<id>/): no
# person may take its name.
PEOPLE_BY_NAME = "by-name"


class Person(Model):
    """Someone the sources name."""

    id: Slug = Field(description="Slug of the name without diacritics; also the page URL "
                     "/leaders/<id>/.")
    name: Text = Field(description="Display name: how every page names the person. One of the "
                       "forms in 'names', the fullest one the sources give.")
    names: list[NameForm] = Field(min_length=1, description="Every form the sources write the "
                                  "name in, each with its script; each must be in a quote.")
    country: CountryCode
    cite: Cites = Field(description="Passages in which the name forms appear.")
    roles: list[RoleStatement] = Field(default_factory=list,
                                       description="Roles as sources state them, dated.")
    described_as: list[Description] = Field(
        default_factory=list, description="Descriptions that are not roles, undated: someone "
        "who has died or left office, as 'the late former leader'.")


class Topic(Model):
    """A subject the topic pages group outcomes by (editorial, not a fact)."""

    id: Slug = Field(description="Slug; the page URL /topics/<id>/.")
    name: Text = Field(description="Heading shown on the site.")
    description: Text = Field(description="One sentence on what the topic covers.")


class TrackedClaim(Model):
    """A statement that may change from source to source, e.g. a trade-partner rank.

    Outcomes name it in ``tracks``; the evolution page sets them side by side.
    """

    id: Slug = Field(description="Slug that outcomes name in 'tracks'.")
    name: Text = Field(description="Heading shown on the evolution page.")
    description: Text = Field(description="What the statements measure: one measure per claim "
                              "(projects and companies are two), since the page marks a "
                              "statement that differs from the one before as a change.")


class SummitDate(Model):
    """When a summit took place, and whether a source says so outright."""

    value: PartialDate = Field(description="YYYY, YYYY-MM or YYYY-MM-DD: no more precise "
                               "than the sources allow.")
    basis: Literal["stated", "inferred"] = Field(
        description="'stated' when a source gives this date outright; otherwise 'inferred'.")
    reasoning: str | None = Field(
        default=None, description="Required when inferred: how the date follows from the text.")
    inferred_parts: list[DatePart] | None = Field(
        default=None, description="With basis: inferred, the parts of the date that are "
        "inferred when the others are stated, e.g. [year] for 'October 30' in a text that "
        "gives no year; the stated parts must be in the quotes. Absent: the whole date is "
        "inferred.")
    weekday: Weekday | None = Field(
        default=None, description="For a day inferred from a weekday ('on Thursday'): the "
        "weekday. The check finds it in a quote and recomputes the date as the latest such day "
        "on or before the 'published' date of the first cited source.")
    latest_before: PartialDate | None = Field(
        default=None, description="For a year inferred from a month or day a text gives "
        "without one ('in November', in an article dated March 23, 2018): a full date "
        "(YYYY-MM-DD) that one of the cited quotes states. The check finds it in a quote and "
        "recomputes the year as that of the latest such month (or day) on or before it.")
    cite: Cites = Field(description="Passages that give the date. Each inferred part must be "
                        "in one of them (a year's digits, a month's name) or be recomputed "
                        "from them ('weekday', 'latest_before'); a day only from a weekday.")

    @model_validator(mode="after")
    def _inferred_needs_reasoning(self) -> SummitDate:
        if self.basis == "inferred" and not self.reasoning:
            raise ValueError(
                "an inferred date needs 'reasoning' saying how it follows from the text")
        if self.weekday and (self.basis != "inferred" or len(self.value) != 10):
            raise ValueError("a date worked out from a 'weekday' is a full date (YYYY-MM-DD) "
                             "with basis: inferred")
        if self.inferred_parts is not None:
            given = self.given_parts
            if self.basis != "inferred" or not self.inferred_parts or \
                    not set(self.inferred_parts) <= set(given):
                raise ValueError("'inferred_parts' lists parts of an inferred date that it "
                                 f"gives ({', '.join(given)}), at least one")
        if self.latest_before and (len(self.latest_before) != 10 or len(self.value) == 4
                                   or "year" not in self.inferred):
            raise ValueError("'latest_before' works out the inferred year of a date that "
                             "gives a month: it is a full date (YYYY-MM-DD), and the date's "
                             "year is inferred")
        return self

    @property
    def stated_parts(self) -> tuple[DatePart, ...]:
        """The parts of the date a source states outright, which its quotes must give."""
        return tuple(p for p in self.given_parts if p not in self.inferred)

    @property
    def inferred(self) -> tuple[DatePart, ...]:
        """The parts of the date that are inferred, which its quotes must support."""
        if self.basis == "stated":
            return ()
        return tuple(p for p in self.given_parts if p in (self.inferred_parts or DATE_PARTS))

    @property
    def given_parts(self) -> tuple[DatePart, ...]:
        """The parts the value gives: ('year',) for '2024'."""
        return DATE_PARTS[:len(self.value.split("-"))]

    @property
    def inferred_note(self) -> str | None:
        """What readers are told is inferred: 'date inferred', 'year inferred', None."""
        if self.basis == "stated":
            return None
        if not self.inferred_parts:
            return "date inferred"
        parts = [p for p in DATE_PARTS if p in self.inferred_parts]
        return " and ".join(parts) + " inferred"


class Place(Model):
    """Where a summit took place, as precisely as the sources say."""

    city: str | None = Field(default=None, description="City, where a source names it.")
    country: str = Field(description="Country, as a name ('France').")
    venue: str | None = Field(default=None, description="Building or venue, where named.")
    basis: Literal["stated", "inferred"] = Field(
        default="stated", description="'stated' when a source names the place; 'inferred' when "
        "it follows from the text without being named (give 'reasoning').")
    reasoning: str | None = Field(
        default=None, description="Required when inferred: how the place follows from the text.")
    cite: Cites

    @property
    def name(self) -> str:
        """'the Chancellery, Vesk, Sudmark': as precisely as it is known."""
        return ", ".join(p for p in (self.venue, self.city, self.country) if p)

    @model_validator(mode="after")
    def _inferred_needs_reasoning(self) -> Place:
        if self.basis == "inferred" and not self.reasoning:
            raise ValueError(
                "an inferred place needs 'reasoning' saying how it follows from the text")
        return self


class Occasion(Model):
    """Why the leaders met: state visit, official visit, talks on the sidelines of APEC …"""

    kind: Text = Field(description="Short label, e.g. 'state visit', 'APEC sidelines'.")
    text: Text = Field(description="One sentence describing the occasion.")
    cite: Cites


class Participant(Model):
    """A person at a summit, with the role the source gives them there."""

    person: Slug = Field(description="Id of a person in data/people.yaml.")
    role: RoleTitle | None = Field(
        default=None, description="The office the source gives them at this summit, as a "
        "title ('State President'), never a clause ('his counterpart from …'); dated by the "
        "summit. Left out where the source gives no title: a role is never inferred.")
    cite: Cites


Qualifier = Literal["at least", "more than", "over", "nearly", "almost", "about", "around",
                    "some", "up to", "under", "less than"]


class Figure(Model):
    """A number an outcome states: an amount of money, a count, a percentage."""

    amount: float = Field(description="The number, in the unit below (100 for 100 billion).")
    unit: Literal["billion", "million", "thousand", "percent", "count"] = Field(
        description="billion, million, thousand, percent or count.")
    currency: Currency | None = Field(default=None, description="ISO 4217 code, for money.")
    period: str | None = Field(default=None, description="Year or period, e.g. '2024–2027'.")
    qualifier: Qualifier | None = Field(
        default=None, description="How the source qualifies the number ('more than 100 "
        "billion'): one of " + ", ".join(f"'{q}'" for q in get_args(Qualifier)) + ". The check "
        "finds it in a quote that gives the number.")


OutcomeKind = Literal[
    "agreement", "pledge", "request", "quote", "position", "invitation", "background"
]


class Outcome(Model):
    """One thing a summit produced or an article reports about it."""

    id: Slug = Field(description="Unique within the summit.")
    topic: Slug = Field(description="Id of a topic in data/topics.yaml.")
    kind: OutcomeKind = Field(
        description="agreement (both sides), pledge (one side commits), request (one side asks "
        "the other), quote (a leader's words, verbatim), position (a stated view), invitation, "
        "background (context the article gives).")
    text: Text = Field(description="The fact in one sentence; for a quote, the words themselves.")
    by: list[Slug] = Field(default_factory=list, description="People who said or did it.")
    side: CountryCode | None = Field(default=None, description="For pledges and requests: "
                                     "which country.")
    of_side: CountryCode | None = Field(default=None, description="For requests: asked of "
                                        "which country.")
    headline: bool = Field(default=False, description="Shown in the bottom line.")
    figures: list[Figure] = Field(default_factory=list,
                                  description="The numbers it states, if any, each a figure.")
    as_of: PartialDate | None = Field(
        default=None, description="For background figures: the date the figure refers to.")
    tracks: Slug | None = Field(
        default=None,
        description="Id of a claim in data/tracked.yaml this outcome states a value of, e.g. "
        "'vn-rank-in-kr-trade'; the evolution page sets such statements side by side.")
    reports_on: list[OutcomeId] = Field(
        default_factory=list, description="Pledges of earlier summits that this outcome states "
        "again or reports on, each as '<summit-id>/<outcome-id>'; the commitments page judges "
        "each such pledge by the outcomes that name it here.")
    cite: Cites


class Summary(Model):
    """The bottom line of a summit: what it came to, in one to three sentences, cited like
    every other statement."""

    text: Text = Field(description="One to three sentences, in the site's own words.")
    cite: Cites


class Summit(Model):
    """A meeting between the leaders of the two countries."""

    id: str = Field(
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?-[a-z0-9]+(-[a-z0-9]+)*$",
        description="<date as precise as known>-<place>, e.g. '2026-03-05-paris'; the URL.",
    )
    title: Title = Field(description="Short editorial title naming the leaders and place.")
    summary: Summary | None = Field(
        default=None, description="The bottom line that opens the summit's page.")
    date: SummitDate = Field(description="When it took place.")
    mode: Literal["in person", "phone call", "video call"] = Field(
        default="in person", description="How the leaders met: 'in person' (the default), "
        "'phone call' or 'video call'.")
    place: Place | None = Field(
        default=None, description="Where it took place; required in person, optional for a "
        "call.")
    occasion: Occasion = Field(description="Why the leaders met.")
    participants: list[Participant] = Field(
        min_length=2, description="Who met: at least one leader from each country.")
    outcomes: list[Outcome] = Field(default_factory=list,
                                    description="What the summit produced, fact by fact.")


    @model_validator(mode="after")
    def _in_person_needs_a_place(self) -> Summit:
        if self.mode == "in person" and self.place is None:
            raise ValueError("a meeting in person needs a 'place'; for a call, set "
                             "mode: phone call (or video call)")
        return self


class TradeFigure(Model):
    """Actual bilateral trade in one year."""

    id: Slug = Field(description="Unique id, e.g. 'trade-2022'.")
    year: int = Field(ge=1900, le=2100, description="The year the figure covers.")
    amount: float = Field(description="In billions of the currency.")
    currency: Currency | None = Field(default=None, description="ISO 4217 code; default: "
                                      "the currency of data/site.yaml.")
    measures: str = Field(description="What the number measures, as the source words it.")
    cite: Cites
    derived: Derived | None = Field(
        default=None, description="Set when no source states the number: how it follows.")


StatementKind = Literal["agreed", "aimed", "pledged", "set", "hoped", "proposed", "referred"]
STATEMENT_KINDS = ("agreed (both sides agreed to reach it), aimed (the source says they "
                   "strive or aim for it), pledged, set (the source says they set it), hoped "
                   "(one side hoped for it), proposed (one side proposed it), referred (it is "
                   "named as an existing target, e.g. in a proposal of steps to reach it)")
# How a page words each kind of statement, after the people or countries who made it; the
# wording check (evidence/wording.py) holds a statement's quotes to these words.
KIND_WORDS = {"agreed": "agreed on it", "aimed": "aimed for it", "pledged": "pledged it",
              "set": "set it", "hoped": "hoped for it", "proposed": "proposed it",
              "referred": "referred to it as the target"}


class TargetStatement(Model):
    """A later source that states a trade target again: at which summit, by whom, how."""

    summit: str = Field(description="Id of the summit the source reports; later than the "
                        "summit where the target was first set.")
    stated_by: list[Slug] = Field(default_factory=list, description="People the quote names "
                                  "as stating it; empty when it names none.")
    kind: StatementKind = Field(description="What kind of statement the quote makes: "
                                + STATEMENT_KINDS + ".")
    qualifier: Qualifier | None = Field(
        default=None, description="How the quote qualifies the amount ('more than'); the "
        "check finds it in a quote.")
    deadline: int | None = Field(default=None, description="The year this statement gives, "
                                 "if any; the check finds it in a quote.")
    horizon: str | None = Field(default=None, description="Where this statement gives no "
                                "year: e.g. 'near term'.")
    outcome: Slug | None = Field(default=None, description="Id of the summit's outcome that "
                                 "states it, if any: a pledge linked so is judged by the "
                                 "target's history.")
    cite: Cites = Field(description="Passages that state the amount (and its year, if given).")


class TradeTarget(Model):
    """A bilateral trade target: one record from the summit where it was first set, with every
    later source that states it again in 'restated'."""

    id: Slug = Field(description="Unique id, e.g. 'target-150bn-by-2030'.")
    amount: float = Field(description="In billions of the currency.")
    currency: Currency | None = Field(default=None, description="ISO 4217 code; default: "
                                      "the currency of data/site.yaml.")
    deadline: int | None = Field(default=None, description="Year to reach it by, if stated.")
    horizon: str | None = Field(default=None, description="Where no year: e.g. 'near term'.")
    summit: str = Field(description="Id of the summit where it was first set.")
    stated_by: list[Slug] = Field(default_factory=list, description="People the quote names "
                                  "as stating or agreeing it; empty when it names none.")
    kind: StatementKind = Field(description="What kind of statement first set it: "
                                + STATEMENT_KINDS + ".")
    qualifier: Qualifier | None = Field(
        default=None, description="How the quote qualifies the amount ('at least'); the check "
        "finds it in a quote.")
    outcome: Slug | None = Field(default=None, description="Id of the summit's outcome that "
                                 "states it, if any.")
    cite: Cites
    restated: list[TargetStatement] = Field(
        default_factory=list, description="Every later source that states the same amount "
        "again, oldest first, each with its own kind, qualifier and quotes.")

    @model_validator(mode="after")
    def _deadline_or_horizon(self) -> TradeTarget:
        if self.deadline is None and not self.horizon:
            raise ValueError("a target needs a 'deadline' year or a 'horizon' such as 'near term'")
        return self

    @property
    def statements(self) -> list[TargetStatement]:
        """Every statement of the target, the first one (where it was set) included."""
        first = TargetStatement(summit=self.summit, stated_by=self.stated_by, kind=self.kind,
                                qualifier=self.qualifier, deadline=self.deadline,
                                horizon=self.horizon, outcome=self.outcome, cite=self.cite)
        return [first, *self.restated]


class Milestone(Model):
    """A step in the relationship, e.g. diplomatic relations in December 1992."""

    id: Slug = Field(description="Unique id.")
    date: PartialDate = Field(description="As precisely as the source gives it.")
    text: Text = Field(description="What happened, in one sentence.")
    cite: Cites


class Trade(Model):
    """data/trade.yaml: actual trade figures and the targets leaders set."""

    figures: list[TradeFigure] = Field(description="Actual trade, one entry per year.")
    targets: list[TradeTarget] = Field(description="Targets, one entry per target; "
                                   "later statements of it are its 'restated'.")


class Country(Model):
    """A country people in the data come from."""

    code: CountryCode
    name: Text = Field(description="As pages name it, e.g. 'France'.")
    scripts: list[Text] = Field(min_length=1, description="How the sources may write the names "
                                "of its people, e.g. ['Greek', 'romanised']; each name form "
                                "names one. The first is the country's own writing: a leader "
                                "page says when no source gives a name in it.")


HedgeWords = Annotated[list[Text], Field(min_length=1)]


class HedgeClass(Model):
    """One kind of hedge (data/hedges.yaml): words by which a source says less than a plain
    fact, and the words a sentence of the site's own keeps it with.

    Where a quote that an outcome's text or a summit's bottom line cites carries one of the
    class's quote words, the sentence must carry one of its site words."""

    id: Slug = Field(description="Name of the class, e.g. 'necessity'; the check names it.")
    description: Text = Field(description="What the hedge says, in one sentence.")
    quote_words: HedgeWords = Field(
        description="Words or phrases that carry the hedge in a quote, e.g. 'the need to'; "
        "matched as whole words, case-insensitively, each form listed ('hope', 'hoped').")
    site_words: HedgeWords = Field(
        description="Words or phrases a sentence citing such a quote may keep it with: the "
        "class's own, and weaker ones if any ('suggested' for a proposal), never stronger.")
    scope: Literal["quote", "sentence"] = Field(
        default="quote", description="Where a quote word counts: 'quote' (the default), in "
        "the quote itself; 'sentence', anywhere in the source's sentence the quote stands "
        "in, for a hedge that governs a whole sentence ('…, according to media.'), so that a "
        "quote that stops short of it still carries it.")


class SiteSettings(Model):
    """data/site.yaml: what the site is about. Nothing else in the code names a country."""

    title: Text = Field(description="The site's name, in the header bar and the home page.")
    introduction: Text = Field(description="The home page's opening sentence: what the site "
                               "covers.")
    currency: Currency = Field(description="The currency of trade figures that name none.")
    parties: list[Country] = Field(min_length=2, max_length=2, description="The two countries "
                                   "whose summits the site covers: every summit has a "
                                   "participant from each, and summit titles name their "
                                   "leaders in this order.")
    others: list[Country] = Field(default_factory=list, description="Other countries whose "
                                  "people the sources name.")

    @property
    def countries(self) -> list[Country]:
        return [*self.parties, *self.others]
