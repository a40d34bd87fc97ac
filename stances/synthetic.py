"""Fictional data of a realistic shape, for trying the site and benchmarking it at volume.

`make_plan` decides every row from one `random.Random(seed)` without touching the database, so a
seed always gives the same data; `write` stores a plan with bulk inserts. Everything made here is
recognisable: slugs start with `synthetic-`, article URLs lie under https://synthetic.invalid/,
outlets are called "Synthetic", and the countries (with user-assigned ISO codes X*) are invented.
"""

import datetime
import itertools
import random
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils.text import slugify

from articles.models import Article, Outlet

from . import page_cache, summaries
from .models import (
    Candidacy,
    Election,
    OtherName,
    Quote,
    Speaker,
    SpeakerRole,
    Stance,
    StanceTag,
    Topic,
)

SLUG_PREFIX = "synthetic-"
URL_ROOT = "https://synthetic.invalid/"
MAX_QUOTES = 2_000_000
BATCH = 5_000

# Words for search benchmarks: COMMON_WORD is in a quarter of the quote texts, RARE_WORD in
# about one in five hundred. No other text the generator writes contains either.
COMMON_WORD = "ceasefire"
RARE_WORD = "obsidian"
COMMON_SHARE = 0.25
RARE_SHARE = 0.002

SPEAKERS = 500
QUOTES_PER_ARTICLE = 50
CANDIDATE_SHARE = 0.4  # of quotes whose holder (speaker, or `about`) is a candidate
SURROGATE_SHARE = 0.15  # of a candidate's named quotes, said about them by someone else
RESPONSE_SHARE = 0.08
DRAFT_SHARE = 0.03
RETRACTED_SHARE = 0.02
SAID_ON_KNOWN = 0.85
NEUTRAL_SHARE = 0.1
KINDS = (Quote.Kind.DIRECT, Quote.Kind.PARTIAL, Quote.Kind.PARAPHRASE, Quote.Kind.ANONYMOUS)
KIND_WEIGHTS = (0.38, 0.20, 0.32, 0.10)
TAG_COUNTS = (0, 1, 2, 3)
TAG_COUNT_WEIGHTS = (0.04, 0.62, 0.26, 0.08)  # 1.38 tags per quote

START = datetime.date(2017, 6, 1)
END = datetime.date(2025, 3, 31)
UTC = datetime.UTC

SUPPORTS = StanceTag.Alignment.SUPPORTS
OPPOSES = StanceTag.Alignment.OPPOSES
NEUTRAL = StanceTag.Alignment.NEUTRAL

# The fictional world ---------------------------------------------------------------------------

# (name, adjective, user-assigned ISO 3166 code)
COUNTRIES = [
    ("Veldoria", "Veldorian", "XV"),
    ("Marrask", "Marraskan", "XM"),
    ("Osterlund", "Osterlunder", "XO"),
    ("Calvane", "Calvanese", "XC"),
    ("Tessary", "Tessarian", "XT"),
    ("Norhaven", "Norhavener", "XN"),
    ("Brellin", "Brellinese", "XB"),
    ("Quorra", "Quorran", "XQ"),
]
CITIES = ["Lumeth", "Karvost", "Brenna", "Halden", "Ostry", "Vell", "Marrowgate", "Tessaport"]

OUTLETS = [
    "The Synthetic Courier",
    "The Synthetic Herald",
    "Synthetic Evening Post",
    "The Synthetic Observer",
    "Synthetic World Service",
    "The Synthetic Tribune",
    "Synthetic Wire",
    "The Synthetic Chronicle",
    "Synthetic Morning Star",
    "The Synthetic Dispatch",
    "Synthetic Review of Foreign Affairs",
    "The Synthetic Gazette",
    "Synthetic Radio Veldoria",
    "The Synthetic Ledger",
    "Synthetic Marrask Today",
    "The Synthetic Sentinel",
    "Synthetic Policy Weekly",
    "The Synthetic Mercury",
    "Synthetic Northern Times",
    "The Synthetic Bulletin",
]

FIRST_NAMES = [
    "Adela", "Bastian", "Corin", "Dessa", "Emrik", "Falka", "Gideon", "Halla", "Ivo", "Jessamy",
    "Kasimir", "Liesel", "Marek", "Nadia", "Oskar", "Petra", "Quillon", "Runa", "Stellan",
    "Tamsin", "Ulric", "Vesna", "Wendel", "Xenia", "Yorick", "Zora", "Anselm", "Brisa", "Cato",
    "Dunja", "Elio", "Frida", "Gustav", "Ilse", "Janek", "Katya", "Leontin", "Mira", "Nils", "Orla",
]  # fmt: skip
# Invented surnames, put together from a start and an end: Velard, Korinsky, Astova.
SURNAME_STARTS = [
    "Vel", "Kor", "Ast", "Bren", "Dor", "Fal", "Gry", "Hal", "Isk", "Jor", "Kal", "Lun", "Mor",
    "Nev", "Orl", "Pra", "Quen", "Ros", "Sel", "Tav", "Ulv", "Var", "Wen", "Yor", "Zan",
]  # fmt: skip
SURNAME_ENDS = ["ard", "eki", "ova", "insky", "orth", "ane", "ulis", "emar", "ido", "aska"]
# Other spellings of some endings, as transliterations give them (Zelensky, Zelenskyy, Zelenskiy):
# a speaker with such a surname gets each as an other name, so search reads other names at volume.
OTHER_SPELLINGS = {"insky": ("inskyy", "inskiy"), "ova": ("owa",), "eki": ("ekki",)}

PARTIES = [
    "Unity Party",
    "Green Future",
    "Civic Alliance",
    "People's Movement",
    "Liberal Union",
    "Workers' League",
    "National Renewal",
    "Farmers' Union",
    "Social Democrats",
    "Reform Front",
    "Centre Party",
    "Coastal League",
    "Federalists",
    "Homeland Party",
]

# (country, office, running mates' office, polling day, heads, running mates). The newest
# election (the home page's) has 12 candidates; Marrask's has 20. Two Veldorians run twice.
ELECTIONS = [
    ("Veldoria", "President", "Vice President", datetime.date(2019, 3, 17), 4, 2),
    ("Calvane", "President", "Vice President", datetime.date(2020, 9, 20), 2, 2),
    ("Osterlund", "Chancellor", "", datetime.date(2021, 6, 13), 6, 0),
    ("Marrask", "President", "Vice President", datetime.date(2022, 11, 6), 14, 6),
    ("Tessary", "President", "", datetime.date(2023, 4, 16), 2, 0),
    ("Veldoria", "President", "Vice President", datetime.date(2024, 10, 20), 7, 5),
]
RERUNNING = 2  # heads of the first Veldorian election who run again in the last
CAMPAIGN_DAYS = 730  # a candidate is in the news from two years before polling day...
AFTERMATH_DAYS = 150  # ...to five months after

# (topic name, headline phrase, stances as verb phrases: "support" means wanting to do it)
TOPICS = [
    ("Kessel Strait war", "the Kessel Strait war", [
        "Negotiate a quick end to the Kessel Strait war",
        "Keep sending military aid to Tessary",
        "Recognise Marrask's control of the strait islands",
        "Send peacekeepers to the strait",
        "Meet the Marraskan president directly",
    ]),
    ("Relations with Marrask", "relations with Marrask", [
        "Lift sanctions on Marrask",
        "Reopen the embassy in Marrask",
        "Expel Marrask's diplomats",
        "Resume gas imports from Marrask",
        "Hold a summit with Marrask's leaders",
    ]),
    ("Northern Compact", "the Northern Compact", [
        "Stay in the Northern Compact",
        "Raise defence spending to the Compact target",
        "Admit Norhaven to the Northern Compact",
        "Host Compact troops on home soil",
        "Veto new Compact missions",
    ]),
    ("Trade and tariffs", "tariffs", [
        "Impose tariffs on Calvanese steel",
        "Sign the Southern Seas free trade pact",
        "Ban exports of rare earths",
        "Cut tariffs on farm imports",
        "Subsidise domestic chip makers",
    ]),
    ("Refugees and migration", "refugees", [
        "Take in refugees from the strait war",
        "Build a fence on the Brellin border",
        "Share asylum seekers across the Compact",
        "Fund camps in neighbouring countries",
        "Offer work visas to displaced people",
    ]),
    ("Foreign aid", "foreign aid", [
        "Double development aid",
        "Tie aid to anti-corruption reforms",
        "Cancel Quorra's debts",
        "Cut aid to governments that jail journalists",
        "Fund vaccines abroad",
    ]),
    ("Climate diplomacy", "climate diplomacy", [
        "Meet the Lumeth climate targets",
        "Tax carbon at the border",
        "Fund climate adaptation abroad",
        "Leave the Lumeth climate accord",
        "Phase out coal exports",
    ]),
    ("Nuclear arms control", "nuclear arms", [
        "Renew the Osterlund arms treaty",
        "Station nuclear weapons at home",
        "Join the treaty banning nuclear tests",
        "Build a missile shield",
        "Open talks on tactical nuclear weapons",
    ]),
    ("Energy security", "energy security", [
        "Build a pipeline to Norhaven",
        "Import liquefied gas from overseas",
        "Keep the nuclear plants running",
        "Create a strategic gas reserve",
        "Buy electricity from Osterlund",
    ]),
    ("Cyber security", "cyber attacks", [
        "Ban Marraskan telecoms equipment",
        "Retaliate against cyber attacks",
        "Create a cyber defence command",
        "Sign a treaty on cyber weapons",
        "Publish the names of state hackers",
    ]),
    ("Brellin border dispute", "the Brellin border", [
        "Take the Brellin dispute to the international court",
        "Hold a referendum in the border valleys",
        "Withdraw troops from the border valleys",
        "Build a road through the disputed pass",
        "Accept mediation by Quorra",
    ]),
    ("Human rights abroad", "human rights", [
        "Sanction officials who torture prisoners",
        "Raise human rights in every trade deal",
        "Grant asylum to dissidents from Marrask",
        "Boycott the Tessary games",
        "Fund independent media abroad",
    ]),
    ("United Assembly", "the United Assembly", [
        "Reform the Assembly's security council",
        "Pay the Assembly dues in full",
        "Seek a permanent council seat",
        "Send troops to Assembly missions",
        "Withdraw from the Assembly's rights council",
    ]),
    ("Defence spending", "defence spending", [
        "Reintroduce conscription",
        "Buy fighter jets from abroad",
        "Build warships at home",
        "Cut the defence budget",
        "Create a joint Compact army",
    ]),
    ("Relations with Calvane", "relations with Calvane", [
        "Sign a security pact with Calvane",
        "Open the border with Calvane",
        "Settle the fishing dispute with Calvane",
        "Recognise Calvane's new government",
        "Return the Calvanese artefacts",
    ]),
    ("Sanctions policy", "sanctions", [
        "Freeze the assets of Marraskan oligarchs",
        "Ban ships carrying Marraskan oil",
        "Sanction banks that help evade sanctions",
        "Ease sanctions in exchange for prisoners",
        "End sanctions that hurt farmers",
    ]),
    ("Quorra humanitarian crisis", "the Quorra crisis", [
        "Open a humanitarian corridor into Quorra",
        "Airlift food to Quorra",
        "Back a no-fly zone over Quorra",
        "Recognise the Quorran government in exile",
        "Evacuate aid workers from Quorra",
    ]),
    ("Space and satellites", "space policy", [
        "Launch a national satellite network",
        "Ban weapons in orbit",
        "Share satellite images with Tessary",
        "Join the Osterlund moon mission",
        "Regulate private rocket launches",
    ]),
    ("Maritime security", "maritime security", [
        "Patrol the Kessel Strait with the navy",
        "Escort merchant ships through the strait",
        "Sign the deep sea mining moratorium",
        "Claim the Halden continental shelf",
        "Fund a coast guard for Tessary",
    ]),
    ("Foreign investment", "foreign investment", [
        "Screen foreign takeovers of ports",
        "Sell the national airline to foreign buyers",
        "Ban Marraskan investment in power grids",
        "Offer tax breaks to foreign factories",
        "Open a sovereign wealth fund abroad",
    ]),
    ("Diplomacy and summits", "diplomacy", [
        "Host the next Compact summit",
        "Appoint a special envoy for the strait",
        "Restore direct flights to Marrask",
        "Invite Norhaven's leader for a state visit",
        "Close consulates to save money",
    ]),
    ("Food security", "food security", [
        "Ban grain exports during shortages",
        "Guarantee grain shipments through the strait",
        "Fund seed banks abroad",
        "Stockpile fertiliser",
        "Lift the ban on Calvanese beef",
    ]),
    ("Pandemic preparedness", "pandemics", [
        "Sign the global pandemic treaty",
        "Share vaccine patents",
        "Build a national vaccine factory",
        "Close borders during outbreaks",
        "Fund the regional health agency",
    ]),
    ("Arms exports", "arms exports", [
        "Stop arms sales to Marrask's allies",
        "Sell air defence systems to Tessary",
        "Publish every arms export licence",
        "Ban exports of surveillance software",
        "Let the defence industry export freely",
    ]),
    ("Relations with Osterlund", "relations with Osterlund", [
        "Sign a free movement deal with Osterlund",
        "Share intelligence with Osterlund",
        "Settle the Osterlund river water dispute",
        "Build a rail tunnel to Osterlund",
        "Back Osterlund's bid to host the Assembly",
    ]),
    ("Terrorism and security", "security", [
        "Ban the Red Dawn movement",
        "Bring fighters' families home",
        "Strike militant camps abroad",
        "Expand surveillance of foreign calls",
        "Close the offshore detention centre",
    ]),
    ("Development banks and debt", "sovereign debt", [
        "Join the Southern Development Bank",
        "Lend to Quorra for reconstruction",
        "Restructure Tessary's debt",
        "Cap interest on sovereign loans",
        "Leave the Monetary Union",
    ]),
    ("Technology controls", "technology controls", [
        "Restrict chip exports to Marrask",
        "Regulate artificial intelligence with allies",
        "Ban foreign apps on government phones",
        "Lay undersea cables with Norhaven",
        "Fund research with Osterlund universities",
    ]),
    ("Strait peace process", "the peace talks", [
        "Hold peace talks in Lumeth",
        "Demand Marrask withdraw before talks",
        "Offer Tessary security guarantees",
        "Include Marrask in a new security order",
        "Set up a war crimes tribunal",
    ]),
    ("Polar policy", "the polar north", [
        "Open the northern sea route to shipping",
        "Protect the Halden ice shelf from drilling",
        "Build an icebreaker fleet",
        "Share the polar research station with Norhaven",
        "Claim the polar seabed",
    ]),
]  # fmt: skip

# (kind of career, [(title, organisation)]): {country}, {adj}, {other}, {city} are filled in.
CAREERS = [
    ("government minister", [
        ("Foreign minister", "Government of {country}"),
        ("Defence minister", "Government of {country}"),
        ("Trade minister", "Government of {country}"),
        ("Deputy foreign minister", "Government of {country}"),
    ]),
    ("diplomat", [
        ("Ambassador to {other}", "{adj} Foreign Ministry"),
        ("Envoy to the Northern Compact", "{adj} Foreign Ministry"),
        ("Consul general in {city}", "{adj} Foreign Ministry"),
    ]),
    ("spokesperson", [
        ("Spokesperson", "{adj} Foreign Ministry"),
        ("Spokesperson", "Office of the President of {country}"),
        ("Press secretary", "{adj} Defence Ministry"),
    ]),
    ("foreign policy expert", [
        ("Senior fellow", "{city} Institute for Strategic Studies"),
        ("Professor of international relations", "University of {city}"),
        ("Director", "{city} Peace Research Centre"),
    ]),
    ("military officer", [
        ("Chief of the general staff", "{adj} Armed Forces"),
        ("Commander of the navy", "{adj} Navy"),
        ("Head of military intelligence", "{adj} Armed Forces"),
    ]),
    ("member of parliament", [
        ("Member of parliament", "{adj} Parliament"),
        ("Chair of the foreign affairs committee", "{adj} Parliament"),
        ("Leader of the opposition", "{adj} Parliament"),
    ]),
]  # fmt: skip

ORGANISATIONS_PER_COUNTRY = [
    "{adj} Foreign Ministry",
    "{adj} Defence Ministry",
    "Office of the President of {country}",
    "{adj} Embassy in {other}",
    "{adj} Armed Forces",
    "{adj} Parliament",
]
INTERNATIONAL_ORGANISATIONS = [
    "Northern Compact Secretariat",
    "United Assembly Refugee Agency",
    "Southern Development Bank",
    "Lumeth Climate Accord Secretariat",
    "Kessel Strait Monitoring Mission",
    "Strait Relief Council",
    "International Court of the Seas",
    "Compact Parliamentary Assembly",
    "Halden Institute for Peace",
    "Tessarian Veterans' Association",
    "Marraskan State Energy Company",
    "Calvanese Chamber of Commerce",
]

# Quote texts: {s} is a stance as a verb phrase, {c} a clause, {country} the holder's country.
DIRECT = {
    SUPPORTS: [
        "We will {s}{c}.",
        "I am clear about this: we must {s}{c}.",
        "My first act in office will be to {s}{c}.",
        "The time has come to {s}{c}.",
        "{country} should {s}{c}, and I will not apologise for saying so.",
        "We have to {s}{c} before it is too late.",
        "I have said it before and I will say it again: we must {s}{c}.",
    ],
    OPPOSES: [
        "We will not {s}{c}.",
        "It would be a grave mistake to {s}{c}.",
        "Nobody serious wants to {s}{c}.",
        "I will never agree to {s}{c}.",
        "Those who want to {s}{c} are gambling with our security.",
        "{country} cannot afford to {s}{c}.",
    ],
    NEUTRAL: [
        "Whether we should {s}{c} is a question for the whole country.",
        "We are studying whether to {s}{c}.",
        "I will not say today whether we will {s}{c}.",
    ],
}
PARTIAL = {
    SUPPORTS: [
        "must {s}{c}",
        "ready to {s}{c}",
        "the right moment to {s}{c}",
        "{s}{c} without delay",
    ],
    OPPOSES: [
        "a reckless plan to {s}{c}",
        "never {s}{c}",
        "a betrayal to {s}{c}",
        "no reason to {s}{c}",
    ],
    NEUTRAL: ["open to discussing whether to {s}{c}", "too early to decide whether to {s}{c}"],
}
PARAPHRASE = {
    SUPPORTS: [
        "{country} would {s}{c}",
        "the next government should {s}{c}",
        "it was time to {s}{c}",
        "there was a strong case to {s}{c}",
    ],
    OPPOSES: [
        "{country} would not {s}{c}",
        "it would be a mistake to {s}{c}",
        "there was no case to {s}{c}",
        "the plan to {s}{c} should be dropped",
    ],
    NEUTRAL: [
        "the question of whether to {s}{c} remained open",
        "no decision had been taken to {s}{c}",
    ],
}
ANONYMOUS = {
    SUPPORTS: [
        "the plan includes a promise to {s}{c}",
        "{who} has privately told allies of a wish to {s}{c}",
        "officials are preparing to {s}{c}",
    ],
    OPPOSES: [
        "{who} has quietly dropped any plan to {s}{c}",
        "officials expect the government to refuse to {s}{c}",
        "the campaign sees no reason to {s}{c}",
    ],
    NEUTRAL: ["the plan leaves open whether to {s}{c}", "{who} has not decided whether to {s}{c}"],
}
TEMPLATES = {
    Quote.Kind.DIRECT: DIRECT,
    Quote.Kind.PARTIAL: PARTIAL,
    Quote.Kind.PARAPHRASE: PARAPHRASE,
    Quote.Kind.ANONYMOUS: ANONYMOUS,
}
CLAUSES = [
    "",
    "",
    "",
    "",
    " within {n} months",
    " by the end of {year}",
    " whatever the cost",
    " together with our partners in {other}",
    " for the sake of the people of {city}",
    " as soon as parliament agrees",
    " after the talks in {city}",
    " while the border stays closed",
    " before the next Compact summit",
]
COMMON_CLAUSES = [
    " once a ceasefire holds",
    " as part of any ceasefire",
    " even without a ceasefire",
    " while the ceasefire talks go on in {city}",
    " and a ceasefire must come first",
]
RARE_CLAUSES = [" as the Obsidian Declaration demands", " in the spirit of the obsidian accords"]
SECOND_SENTENCES = [
    "Our people deserve better.",
    "That is the honest truth.",
    "History will judge us on this.",
    "Nobody should doubt our resolve.",
    "The voters understand this perfectly well.",
    "We owe it to the next generation.",
    "Our allies are watching.",
    "Let me be very precise about that.",
    "I have spoken to every party about it.",
    "The numbers speak for themselves.",
]
ATTRIBUTIONS = [
    "{name}, speaking to {outlet}",
    "{name}, at a press conference in {city}",
    "{name}, in a statement",
    "{name}, in a televised debate",
    "{name}, on a visit to {city}",
]
ORGANISATION_ATTRIBUTIONS = [
    "{name}, in a statement",
    "{name}, in a statement to {outlet}",
    "a spokesperson for the {name}",
]
ANONYMOUS_ATTRIBUTIONS = [
    "unnamed advisers to {about}, cited by {outlet}",
    "two people familiar with the talks, speaking to {outlet}",
    "officials who asked not to be named, cited by {outlet}",
    "a senior diplomat in {city}, speaking anonymously to {outlet}",
    "campaign aides, speaking on condition of anonymity to {outlet}",
]
TITLES = [
    "{surname} sets out plans on {topic}",
    "Candidates clash over {topic}",
    "What the {adj} race means for {topic}",
    "{surname} under pressure over {topic}",
    "Analysis: {topic} returns to the campaign",
    "{surname} and rivals trade accusations on {topic}",
    "Why {topic} divides {country}",
    "{surname} promises a new approach to {topic}",
]
RETRACTION_REASONS = [
    "The speaker was misidentified: the words were said by someone else.",
    "The outlet corrected its report: the quote was mistranslated.",
    "The outlet withdrew the article after the interview was shown to be fabricated.",
    "The words were taken out of context; the outlet has published the full exchange.",
]


# The plan: every row decided, nothing stored ----------------------------------------------------


@dataclass(slots=True)
class RolePlan:
    title: str
    organisation: str
    started_on: datetime.date | None
    ended_on: datetime.date | None


@dataclass(slots=True)
class SpeakerPlan:
    name: str
    slug: str
    kind: str
    description: str
    country: int
    interests: list[int]  # topics the speaker talks about
    weight: float = 1.0  # how often the speaker is quoted, among non-candidates
    roles: list[RolePlan] = field(default_factory=list)
    other_names: list[str] = field(default_factory=list)
    elections: list[int] = field(default_factory=list)
    partners: list[int] = field(default_factory=list)  # on the same ticket


@dataclass(slots=True)
class CandidacyPlan:
    speaker: int
    office: str
    party: str
    ticket_position: str
    running_mate_of: int | None  # index in the election's candidacies
    order: int


@dataclass(slots=True)
class ElectionPlan:
    name: str
    slug: str
    held_on: datetime.date
    country: str
    description: str
    candidacies: list[CandidacyPlan]


@dataclass(slots=True)
class TopicPlan:
    name: str
    slug: str
    description: str
    order: int
    phrase: str
    stances: list[int]  # indices in Plan.stances


@dataclass(slots=True)
class StancePlan:
    topic: int
    statement: str
    slug: str
    description: str
    order: int


@dataclass(slots=True)
class OutletPlan:
    name: str
    slug: str
    website: str
    country: str


@dataclass(slots=True)
class ArticlePlan:
    outlet: int | None
    title: str
    url: str
    published_on: datetime.date
    authors: str
    summary: str
    retrieved_on: datetime.date | None
    topic: int
    focus: int  # the speaker the article is mostly about
    quote_count: int


@dataclass(frozen=True, slots=True)
class TagPlan:
    stance: int
    alignment: str
    tagged_at: datetime.datetime


@dataclass(slots=True)
class QuotePlan:
    article: int
    kind: str
    text: str
    speaker: int | None
    about: int | None
    attribution: str
    said_on: datetime.date | None
    responds_to: int | None  # index of an earlier quote
    status: str
    published_at: datetime.datetime | None
    retracted_at: datetime.datetime | None
    retraction_reason: str
    tags: tuple[TagPlan, ...]


@dataclass
class Plan:
    """Every row of one synthetic data set; quotes are made on demand, in a fixed order."""

    quotes: int
    seed: int
    run: int
    outlets: list[OutletPlan]
    speakers: list[SpeakerPlan]
    elections: list[ElectionPlan]
    topics: list[TopicPlan]
    stances: list[StancePlan]
    articles: list[ArticlePlan]
    quote_seed: int

    def each_quote(self) -> Iterator[QuotePlan]:
        """The quotes in creation order; `responds_to` points at an earlier one."""
        return QuoteMaker(self).make()


def slug_prefix(run: int) -> str:
    return SLUG_PREFIX if run == 1 else f"{SLUG_PREFIX}run-{run}-"


def url_root(run: int) -> str:
    return f"{URL_ROOT}run-{run}/"


def election_slug(run: int, country: str, office: str, held_on: datetime.date) -> str:
    return f"{slug_prefix(run)}{slugify(country)}-{slugify(office)}-{held_on.year}"


def make_plan(quotes: int, seed: int, run: int = 1) -> Plan:
    """The whole data set for this size and seed. `run` changes only names, slugs and URLs, so
    that a second run in the same database does not collide with the first."""
    if not 1 <= quotes <= MAX_QUOTES:
        raise ValueError(f"quotes must be from 1 to {MAX_QUOTES}")
    rng = random.Random(seed)
    outlets = make_outlets(run)
    topics, stances = make_topics(run)
    speakers, elections = make_people(rng, run, len(topics))
    articles = make_articles(rng, quotes, run, outlets, speakers, elections, topics)
    return Plan(
        quotes=quotes,
        seed=seed,
        run=run,
        outlets=outlets,
        speakers=speakers,
        elections=elections,
        topics=topics,
        stances=stances,
        articles=articles,
        quote_seed=rng.getrandbits(64),
    )


def make_outlets(run: int) -> list[OutletPlan]:
    outlets = []
    for n, name in enumerate(OUTLETS):
        key = slugify(name.removeprefix("The ").removeprefix("Synthetic "))
        outlets.append(
            OutletPlan(
                name=name if run == 1 else f"{name} (run {run})",
                slug=f"{slug_prefix(run)}{key}",
                website=f"{url_root(run)}{key}/",
                country=COUNTRIES[n % len(COUNTRIES)][2],
            )
        )
    return outlets


def make_topics(run: int) -> tuple[list[TopicPlan], list[StancePlan]]:
    topics, stances = [], []
    suffix = "" if run == 1 else f" (run {run})"
    for t, (name, phrase, statements) in enumerate(TOPICS):
        topic = TopicPlan(
            name=name + suffix,
            slug=f"{slug_prefix(run)}{slugify(name)}",
            description=f"A fictional area of foreign policy ({phrase}), from synthetic data.",
            order=t + 1,
            phrase=phrase,
            stances=[],
        )
        for order, statement in enumerate(statements, start=1):
            topic.stances.append(len(stances))
            stances.append(
                StancePlan(
                    topic=t,
                    statement=statement,
                    slug=f"{slug_prefix(run)}{slugify(statement)[:150]}",
                    description=(
                        f"Supporting it means wanting to {phrase_of(statement)}; opposing it "
                        "means rejecting that. Synthetic data."
                    ),
                    order=order,
                )
            )
        topics.append(topic)
    return topics, stances


def phrase_of(statement: str) -> str:
    """A stance's statement as a phrase inside a sentence: 'Lift sanctions' -> 'lift sanctions'."""
    return statement[0].lower() + statement[1:]


def random_day(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def make_people(rng: random.Random, run: int, topic_count: int):
    """Speakers (candidates first, then other people, then organisations) and the elections."""
    prefix = slug_prefix(run)
    surnames = [start + end for start in SURNAME_STARTS for end in SURNAME_ENDS]
    combos = [f"{first} {last}" for first in FIRST_NAMES for last in surnames]
    organisations = [
        template.format(country=country, adj=adj, other=COUNTRIES[(c + 1) % len(COUNTRIES)][0])
        for c, (country, adj, _) in enumerate(COUNTRIES)
        for template in ORGANISATIONS_PER_COUNTRY
    ] + INTERNATIONAL_ORGANISATIONS
    names = rng.sample(combos, SPEAKERS - len(organisations))
    speakers: list[SpeakerPlan] = []

    def person(country: int, topics: int) -> SpeakerPlan:
        name = names[len(speakers)]
        speaker = SpeakerPlan(
            name=name,
            slug=prefix + slugify(name),
            kind=Speaker.Kind.PERSON,
            description="",
            country=country,
            interests=rng.sample(range(topic_count), topics),
            other_names=other_spellings(name),
        )
        speakers.append(speaker)
        return speaker

    country_index = {name: c for c, (name, _, _) in enumerate(COUNTRIES)}
    elections = []
    first_heads: list[tuple[int, str]] = []  # (speaker, party) of the first election's heads
    for e, (country, office, mate_office, held_on, heads, mates) in enumerate(ELECTIONS):
        c = country_index[country]
        adj = COUNTRIES[c][1]
        kind_of_election = "presidential" if office == "President" else "chancellor"
        reruns = first_heads[:RERUNNING] if country == ELECTIONS[0][0] and e > 0 else []
        parties = [party for _, party in reruns]
        parties += rng.sample([p for p in PARTIES if p not in parties], heads - len(reruns))
        candidacies = []
        for h in range(heads):
            rerun = h < len(reruns)
            index = reruns[h][0] if rerun else len(speakers)
            speaker = speakers[index] if rerun else person(c, rng.randint(10, 16))
            independent = h == heads - 1 and heads > 4
            party = "" if independent else f"{adj} {parties[h]}"
            speaker.elections.append(e)
            speaker.roles.extend(candidate_roles(rng, speaker, adj, party, office, held_on, rerun))
            speaker.description = (
                f"A fictional {adj} candidate for {office.lower()}; synthetic data."
            )
            if e == 0:
                first_heads.append((index, parties[h]))
            candidacies.append(
                CandidacyPlan(index, office, party, Candidacy.TicketPosition.HEAD, None, h + 1)
            )
        for m in range(mates):
            head = candidacies[m]
            speaker = person(c, rng.randint(6, 10))
            speaker.elections.append(e)
            speaker.roles.extend(
                candidate_roles(rng, speaker, adj, head.party, mate_office, held_on)
            )
            speaker.description = f"A fictional {adj} running mate; synthetic data."
            mate = len(speakers) - 1
            speaker.partners.append(head.speaker)
            speakers[head.speaker].partners.append(mate)
            candidacies.append(
                CandidacyPlan(
                    mate,
                    mate_office,
                    head.party,
                    Candidacy.TicketPosition.RUNNING_MATE,
                    m,
                    heads + m + 1,
                )
            )
        suffix = "" if run == 1 else f" (run {run})"
        elections.append(
            ElectionPlan(
                name=f"{held_on.year} {adj} {kind_of_election} election{suffix}",
                slug=election_slug(run, country, office, held_on),
                held_on=held_on,
                country=COUNTRIES[c][2],
                description=(
                    f"A fictional election in the invented country of {country}, made by "
                    "manage.py seedsynthetic for trying the site at volume. None of it happened."
                ),
                candidacies=candidacies,
            )
        )

    while len(speakers) < len(names):
        c = rng.randrange(len(COUNTRIES))
        speaker = person(c, rng.randint(2, 5))
        career, posts = rng.choice(CAREERS)
        speaker.roles = career_roles(rng, c, posts)
        speaker.description = f"A fictional {COUNTRIES[c][1]} {career}; synthetic data."
    for name in organisations:
        c = next((i for i, (n, a, _) in enumerate(COUNTRIES) if n in name or a in name), 0)
        speakers.append(
            SpeakerPlan(
                name=name,
                slug=prefix + slugify(name),
                kind=Speaker.Kind.ORGANISATION,
                description="A fictional organisation; synthetic data.",
                country=c,
                interests=rng.sample(range(topic_count), rng.randint(2, 5)),
            )
        )
    # A few voices dominate the news, as in life: weights fall with a random rank.
    ranks = list(range(1, len(speakers) + 1))
    rng.shuffle(ranks)
    for speaker, rank in zip(speakers, ranks, strict=True):
        speaker.weight = rank**-0.8
    return speakers, elections


def other_spellings(name: str) -> list[str]:
    """The name with its surname's ending spelt as other transliterations spell it (no random
    draw: the rest of the plan stays as it was for a seed)."""
    for ending, spellings in OTHER_SPELLINGS.items():
        if name.endswith(ending):
            return [name.removesuffix(ending) + spelling for spelling in spellings]
    return []


def candidate_roles(rng, speaker, adj, party, office, held_on, rerun=False) -> list[RolePlan]:
    """An earlier post (unless running again), then the nomination until polling day."""
    roles = []
    if not rerun:
        started = held_on - datetime.timedelta(days=rng.randint(5 * 365, 9 * 365))
        title, organisation = rng.choice(CAREERS[0][1] + CAREERS[5][1])
        country = COUNTRIES[speaker.country][0]
        roles.append(
            RolePlan(
                title.format(other="Norhaven", city=rng.choice(CITIES)),
                organisation.format(country=country, adj=adj),
                started,
                started + datetime.timedelta(days=rng.randint(2 * 365, 4 * 365)),
            )
        )
    nominee = (
        f"{party} nominee for {office.lower()}"
        if party
        else f"Independent candidate for {office.lower()}"
    )
    roles.append(
        RolePlan(nominee, party, held_on - datetime.timedelta(days=rng.randint(120, 300)), held_on)
    )
    return roles


def career_roles(rng, country: int, posts) -> list[RolePlan]:
    """One to three posts in a row; the last may still be held."""
    name, adj, _ = COUNTRIES[country]
    values = {
        "country": name,
        "adj": adj,
        "other": COUNTRIES[(country + rng.randint(1, len(COUNTRIES) - 1)) % len(COUNTRIES)][0],
        "city": rng.choice(CITIES),
    }
    roles = []
    started = random_day(rng, datetime.date(2008, 1, 1), datetime.date(2018, 12, 31))
    count = rng.randint(1, 3)
    for n, (title, organisation) in enumerate(rng.sample(posts, min(count, len(posts)))):
        last = n == count - 1 or n == len(posts) - 1
        ended = (
            None
            if last and rng.random() < 0.6
            else started + datetime.timedelta(days=rng.randint(300, 1800))
        )
        roles.append(
            RolePlan(title.format(**values), organisation.format(**values), started, ended)
        )
        started = (ended or started) + datetime.timedelta(days=1)
    return roles


def make_articles(rng, quotes, run, outlets, speakers, elections, topics) -> list[ArticlePlan]:
    """About one article per fifty quotes, more of them in recent years, in date order."""
    count = max(1, quotes // QUOTES_PER_ARTICLE)
    span = (END - START).days
    days = sorted(
        START + datetime.timedelta(days=int(span * rng.random() ** 0.6)) for _ in range(count)
    )
    shares = [rng.uniform(0.4, 1.6) for _ in range(count)]
    total = sum(shares)
    per_article = [int(quotes * share / total) for share in shares]
    for _ in range(quotes - sum(per_article)):
        per_article[rng.randrange(count)] += 1
    outlet_weights = list(itertools.accumulate(1 / (n + 1) ** 0.5 for n in range(len(outlets))))
    candidates = Candidates(speakers, elections)
    others = [i for i, speaker in enumerate(speakers) if not speaker.elections]
    articles = []
    for n, day in enumerate(days):
        outlet = (
            None
            if rng.random() < 0.02
            else rng.choices(range(len(outlets)), cum_weights=outlet_weights)[0]
        )
        eligible, weights = candidates.on(day)
        focus = rng.choices(eligible, cum_weights=weights)[0] if eligible else rng.choice(others)
        topic = rng.choice(speakers[focus].interests)
        country, adj, _ = COUNTRIES[speakers[focus].country]
        title = rng.choice(TITLES).format(
            surname=speakers[focus].name.split()[-1],
            topic=topics[topic].phrase,
            adj=adj,
            country=country,
        )
        title = title[0].upper() + title[1:]
        where = (
            slugify(OUTLETS[outlet].removeprefix("The ").removeprefix("Synthetic "))
            if outlet is not None
            else "unnamed"
        )
        authors = " and ".join(byline(rng) for _ in range(rng.choices((0, 1, 2), (15, 72, 13))[0]))
        articles.append(
            ArticlePlan(
                outlet=outlet,
                title=title,
                url=f"{url_root(run)}{where}/{day:%Y/%m/%d}/{n + 1}-{slugify(title)[:80]}",
                published_on=day,
                authors=authors,
                summary=(
                    f"Synthetic article: {title}. Fictional reporting made by manage.py "
                    "seedsynthetic; the people, places and words are invented."
                ),
                retrieved_on=day + datetime.timedelta(days=rng.randint(0, 30))
                if rng.random() < 0.7
                else None,
                topic=topic,
                focus=focus,
                quote_count=per_article[n],
            )
        )
    return articles


def byline(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAME_STARTS)}{rng.choice(SURNAME_ENDS)}"


class Candidates:
    """Who is in the news as a candidate on a given day, with how much weight: the newest
    election's candidates count three times, heads of ticket twice as much as running mates."""

    def __init__(self, speakers, elections):
        self.windows = []
        newest = max(range(len(elections)), key=lambda e: elections[e].held_on)
        for e, election in enumerate(elections):
            members = [c.speaker for c in election.candidacies]
            weights = [
                (3 if e == newest else 1) * (2 if c.running_mate_of is None else 1)
                for c in election.candidacies
            ]
            first = election.held_on - datetime.timedelta(days=CAMPAIGN_DAYS)
            last = election.held_on + datetime.timedelta(days=AFTERMATH_DAYS)
            self.windows.append((first, last, members, weights))
        self.cache = {}

    def on(self, day: datetime.date) -> tuple[list[int], list[float]]:
        """The candidates and cumulative weights for rng.choices (a rerunning one counts once)."""
        if day not in self.cache:
            weight_of: dict[int, float] = {}
            for first, last, members, weights in self.windows:
                if first <= day <= last:
                    for member, weight in zip(members, weights, strict=True):
                        weight_of[member] = max(weight, weight_of.get(member, 0))
            members = sorted(weight_of)
            self.cache[day] = (members, list(itertools.accumulate(weight_of[m] for m in members)))
        return self.cache[day]


@dataclass(slots=True)
class Position:
    """What a holder thinks of a stance: steady, contested (sometimes says the opposite) or
    changing side on a day."""

    side: str
    contested: bool
    shifts_on: datetime.date | None

    def side_on(self, day: datetime.date) -> str:
        if self.shifts_on is not None and day >= self.shifts_on:
            return OPPOSES if self.side == SUPPORTS else SUPPORTS
        return self.side


class QuoteMaker:
    """Makes the quotes article by article, in date order, from the plan's own random stream."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.rng = random.Random(plan.quote_seed)
        self.candidates = Candidates(plan.speakers, plan.elections)
        self.others = [i for i, s in enumerate(plan.speakers) if not s.elections]
        self.other_weights = list(
            itertools.accumulate(plan.speakers[i].weight for i in self.others)
        )
        self.people = [i for i in self.others if plan.speakers[i].kind == Speaker.Kind.PERSON]
        self.positions: dict[tuple[int, int], Position] = {}
        self.recent: deque[tuple[int, int]] = deque(maxlen=200)  # candidates' words to answer
        self.kind_weights = list(itertools.accumulate(KIND_WEIGHTS))
        self.tag_weights = list(itertools.accumulate(TAG_COUNT_WEIGHTS))

    def make(self) -> Iterator[QuotePlan]:
        index = 0
        for a, article in enumerate(self.plan.articles):
            in_article: list[tuple[int, int]] = []
            for _ in range(article.quote_count):
                yield self.quote(a, article, in_article, index)
                index += 1

    def quote(self, a: int, article: ArticlePlan, in_article, index: int) -> QuotePlan:
        rng, speakers = self.rng, self.plan.speakers
        eligible, weights = self.candidates.on(article.published_on)
        is_candidate = bool(eligible) and rng.random() < CANDIDATE_SHARE
        if is_candidate:
            focus = article.focus in eligible and rng.random() < 0.5
            holder = article.focus if focus else rng.choices(eligible, cum_weights=weights)[0]
        else:
            holder = rng.choices(self.others, cum_weights=self.other_weights)[0]
        kind = rng.choices(KINDS, cum_weights=self.kind_weights)[0]
        if kind == Quote.Kind.ANONYMOUS:
            speaker = None
            about = holder if is_candidate or rng.random() < 0.5 else None
            holder = about
        elif is_candidate and rng.random() < SURROGATE_SHARE:
            speaker, about = self.surrogate(holder), holder
        else:
            speaker, about = holder, None

        count = rng.choices(TAG_COUNTS, cum_weights=self.tag_weights)[0]
        if holder is not None and rng.random() < 0.5:
            topic = rng.choice(speakers[holder].interests)
        else:
            topic = article.topic
        stances = rng.sample(self.plan.topics[topic].stances, max(count, 1))
        positions = [self.position(holder, s) for s in stances] if holder is not None else []
        said_on = None
        if any(p.shifts_on for p in positions) or rng.random() < SAID_ON_KNOWN:
            said_on = article.published_on - datetime.timedelta(days=self.lag())
        day = said_on or article.published_on
        alignments = [self.alignment(p, day) for p in positions] or [
            NEUTRAL if rng.random() < 0.3 else rng.choice((SUPPORTS, OPPOSES)) for _ in stances
        ]

        responds_to = None
        if speaker is not None and rng.random() < RESPONSE_SHARE:
            pool = in_article if in_article and rng.random() < 0.5 else self.recent
            if pool:
                target, target_speaker = rng.choice(pool)
                responds_to = target if target_speaker != speaker else None

        status, published_at, retracted_at, reason = self.status(article.published_on)
        stamp = published_at or datetime.datetime.combine(
            article.published_on, datetime.time(9), UTC
        )
        tags = tuple(
            TagPlan(stance, alignment, stamp + datetime.timedelta(minutes=rng.randint(5, 2000)))
            for stance, alignment in zip(stances[:count], alignments[:count], strict=True)
        )
        text = self.text(kind, stances[0], alignments[0], holder, about)
        quote = QuotePlan(
            article=a,
            kind=kind,
            text=text,
            speaker=speaker,
            about=about,
            attribution=self.attribution(kind, speaker, about, article),
            said_on=said_on,
            responds_to=responds_to,
            status=status,
            published_at=published_at,
            retracted_at=retracted_at,
            retraction_reason=reason,
            tags=tags,
        )
        if speaker is not None and status == Quote.Status.PUBLISHED:  # answers cite public words
            in_article.append((index, speaker))
            if is_candidate and about is None:
                self.recent.append((index, speaker))
        return quote

    def surrogate(self, holder: int) -> int:
        """Someone speaking about a candidate: a ticket partner if there is one, else anyone."""
        partners = self.plan.speakers[holder].partners
        if partners and self.rng.random() < 0.6:
            return self.rng.choice(partners)
        return self.rng.choice(self.people)

    def position(self, holder: int, stance: int) -> Position:
        """The holder's position on a stance, decided the first time it comes up."""
        key = (holder, stance)
        if key not in self.positions:
            rng = self.rng
            side = rng.choice((SUPPORTS, OPPOSES))
            roll = rng.random()
            shifts_on = None
            if roll < 0.12:
                first, last = self.active(holder)
                shifts_on = random_day(rng, first, last)
            self.positions[key] = Position(side, 0.12 <= roll < 0.32, shifts_on)
        return self.positions[key]

    def active(self, holder: int) -> tuple[datetime.date, datetime.date]:
        """When a holder is in the news, so a change of side falls between quotes."""
        speaker = self.plan.speakers[holder]
        if not speaker.elections:
            return START + datetime.timedelta(days=365), END - datetime.timedelta(days=365)
        polls = [self.plan.elections[e].held_on for e in speaker.elections]
        first = max(
            min(polls) - datetime.timedelta(days=CAMPAIGN_DAYS - 240),
            START + datetime.timedelta(days=180),
        )
        return first, max(polls) - datetime.timedelta(days=60)

    def lag(self) -> int:
        """Days between the words and the article: mostly the same week, sometimes long before."""
        roll = self.rng.random()
        if roll < 0.6:
            return self.rng.randint(0, 2)
        if roll < 0.9:
            return self.rng.randint(3, 30)
        return self.rng.randint(31, 400)

    def alignment(self, position: Position, day: datetime.date) -> str:
        if self.rng.random() < NEUTRAL_SHARE:
            return NEUTRAL
        side = position.side_on(day)
        if position.contested and self.rng.random() < 0.25:
            return OPPOSES if side == SUPPORTS else SUPPORTS
        return side

    def status(self, published_on: datetime.date):
        rng = self.rng
        roll = rng.random()
        published_at = datetime.datetime.combine(published_on, datetime.time(8), UTC)
        published_at += datetime.timedelta(minutes=rng.randint(0, 3 * 24 * 60))
        if roll < DRAFT_SHARE:
            return Quote.Status.DRAFT, None, None, ""
        if roll < DRAFT_SHARE + RETRACTED_SHARE:
            retracted_at = published_at + datetime.timedelta(days=rng.randint(1, 90))
            return (
                Quote.Status.RETRACTED,
                published_at,
                retracted_at,
                rng.choice(RETRACTION_REASONS),
            )
        return Quote.Status.PUBLISHED, published_at, None, ""

    def text(self, kind: str, stance: int, alignment: str, holder, about) -> str:
        rng, speakers = self.rng, self.plan.speakers
        roll = rng.random()
        if roll < COMMON_SHARE:
            clause = rng.choice(COMMON_CLAUSES)
        elif roll < COMMON_SHARE + RARE_SHARE:
            clause = rng.choice(RARE_CLAUSES)
        else:
            clause = rng.choice(CLAUSES)
        country = COUNTRIES[speakers[holder].country if holder is not None else 0][0]
        values = {
            "n": rng.randint(2, 18),
            "year": rng.randint(2018, 2026),
            "other": rng.choice(COUNTRIES)[0],
            "city": rng.choice(CITIES),
        }
        template = rng.choice(TEMPLATES[kind][alignment])
        text = template.format(
            s=phrase_of(self.plan.stances[stance].statement),
            c=clause.format(**values),
            country=country,
            who=speakers[about].name if about is not None else "the government",
        )
        if kind == Quote.Kind.DIRECT and rng.random() < 0.4:
            text += " " + rng.choice(SECOND_SENTENCES)
        return text

    def attribution(self, kind, speaker, about, article: ArticlePlan) -> str:
        rng, speakers = self.rng, self.plan.speakers
        outlet = OUTLETS[article.outlet] if article.outlet is not None else "reporters"
        if kind == Quote.Kind.ANONYMOUS:
            template = rng.choice(ANONYMOUS_ATTRIBUTIONS)
            name = speakers[about].name if about is not None else "the government"
            return template.format(about=name, outlet=outlet, city=rng.choice(CITIES))
        if rng.random() < 0.25:
            person = speakers[speaker].kind == Speaker.Kind.PERSON
            template = rng.choice(ATTRIBUTIONS if person else ORGANISATION_ATTRIBUTIONS)
            return template.format(
                name=speakers[speaker].name, outlet=outlet, city=rng.choice(CITIES)
            )
        return ""


# Storing a plan --------------------------------------------------------------------------------

Progress = Callable[[str, int, int], None]

CONTENT = [
    (Outlet, "outlets", Q(slug__startswith=SLUG_PREFIX)),
    (Article, "articles", Q(url__startswith=URL_ROOT)),
    (Speaker, "speakers", Q(slug__startswith=SLUG_PREFIX)),
    (Election, "elections", Q(slug__startswith=SLUG_PREFIX)),
    (Topic, "topics", Q(slug__startswith=SLUG_PREFIX)),
    (Stance, "stances", Q(slug__startswith=SLUG_PREFIX)),
    (Quote, "quotes", Q(article__url__startswith=URL_ROOT)),
]


def existing_content() -> tuple[dict[str, int], dict[str, int]]:
    """What the database holds already: (rows that are not synthetic, synthetic rows), by kind,
    nonzero counts only."""
    real, synthetic = {}, {}
    for model, label, is_synthetic in CONTENT:
        counts = model._base_manager.aggregate(
            real=Count("pk", filter=~is_synthetic), synthetic=Count("pk", filter=is_synthetic)
        )
        if counts["real"]:
            real[label] = counts["real"]
        if counts["synthetic"]:
            synthetic[label] = counts["synthetic"]
    return real, synthetic


def fresh_plan(quotes: int, seed: int) -> Plan:
    """The plan of the first run whose names, slugs and URLs are all unused in this database."""
    run = 1
    while collides(plan := make_plan(quotes, seed, run)):
        run += 1
    return plan


def collides(plan: Plan) -> bool:
    """Whether any unique name, slug or URL of the plan is taken already."""
    outlet_names = [o.name.lower() for o in plan.outlets]
    return (
        Outlet.objects.annotate(lower_name=Lower("name"))
        .filter(Q(slug__in=[o.slug for o in plan.outlets]) | Q(lower_name__in=outlet_names))
        .exists()
        or Speaker.objects.filter(slug__in=[s.slug for s in plan.speakers]).exists()
        or Election.objects.filter(slug__in=[e.slug for e in plan.elections]).exists()
        or Topic.objects.filter(slug__in=[t.slug for t in plan.topics]).exists()
        or Stance.objects.filter(slug__in=[s.slug for s in plan.stances]).exists()
        # Every URL of a run starts with the run's root.
        or Article.objects.filter(url__startswith=url_root(plan.run)).exists()
    )


@transaction.atomic
def write(plan: Plan, progress: Progress | None = None) -> dict[str, int]:
    """Stores the plan with bulk inserts (no history rows, no signals), then derives the stored
    positions afresh. Returns how many rows of each kind it made."""
    progress = progress or (lambda phase, done, total: None)
    progress("people", 0, len(plan.speakers))
    outlet_ids = ids(
        Outlet.objects.bulk_create(
            Outlet(name=o.name, slug=o.slug, website=o.website, country=o.country, language="en")
            for o in plan.outlets
        )
    )
    speaker_ids = ids(
        Speaker.objects.bulk_create(
            (
                Speaker(name=s.name, slug=s.slug, kind=s.kind, description=s.description)
                for s in plan.speakers
            ),
            batch_size=BATCH,
        )
    )
    roles = SpeakerRole.objects.bulk_create(
        (
            SpeakerRole(
                speaker_id=speaker_ids[s],
                title=r.title,
                organisation=r.organisation,
                started_on=r.started_on,
                ended_on=r.ended_on,
            )
            for s, speaker in enumerate(plan.speakers)
            for r in speaker.roles
        ),
        batch_size=BATCH,
    )
    other_names = OtherName.objects.bulk_create(
        (
            OtherName(speaker_id=speaker_ids[s], name=name, note="transliteration")
            for s, speaker in enumerate(plan.speakers)
            for name in speaker.other_names
        ),
        batch_size=BATCH,
    )
    election_ids = ids(
        Election.objects.bulk_create(
            Election(
                name=e.name,
                slug=e.slug,
                held_on=e.held_on,
                country=e.country,
                description=e.description,
            )
            for e in plan.elections
        )
    )
    candidacies = 0
    heads: dict[tuple[int, int], int] = {}
    for mates in (False, True):
        rows = [
            (e, c, spec)
            for e, election in enumerate(plan.elections)
            for c, spec in enumerate(election.candidacies)
            if (spec.running_mate_of is not None) == mates
        ]
        made = Candidacy.objects.bulk_create(
            Candidacy(
                election_id=election_ids[e],
                speaker_id=speaker_ids[spec.speaker],
                office=spec.office,
                party=spec.party,
                ticket_position=spec.ticket_position,
                running_mate_of_id=(
                    heads[(e, spec.running_mate_of)] if spec.running_mate_of is not None else None
                ),
                order=spec.order,
            )
            for e, c, spec in rows
        )
        heads.update({(e, c): row.pk for (e, c, _), row in zip(rows, made, strict=True)})
        candidacies += len(made)
    progress("people", len(plan.speakers), len(plan.speakers))

    topic_ids = ids(
        Topic.objects.bulk_create(
            Topic(name=t.name, slug=t.slug, description=t.description, order=t.order)
            for t in plan.topics
        )
    )
    stance_ids = ids(
        Stance.objects.bulk_create(
            Stance(
                topic_id=topic_ids[s.topic],
                statement=s.statement,
                slug=s.slug,
                description=s.description,
                order=s.order,
            )
            for s in plan.stances
        )
    )

    article_ids: list[int] = []
    for start in range(0, len(plan.articles), BATCH):
        batch = plan.articles[start : start + BATCH]
        article_ids += ids(
            Article.objects.bulk_create(
                Article(
                    outlet_id=outlet_ids[a.outlet] if a.outlet is not None else None,
                    title=a.title,
                    url=a.url,
                    published_on=a.published_on,
                    language="en",
                    authors=a.authors,
                    summary=a.summary,
                    retrieved_on=a.retrieved_on,
                )
                for a in batch
            )
        )
        progress("articles", len(article_ids), len(plan.articles))

    quote_ids: list[int] = []
    answers_later: list[tuple[int, int]] = []  # (quote, the quote it answers) in the same batch
    counts = {"tags": 0, "drafts": 0, "retracted": 0}

    def store(batch: list[QuotePlan]) -> None:
        quotes = []
        for q in batch:
            answered = q.responds_to
            if answered is not None and answered >= len(quote_ids):
                answers_later.append((len(quote_ids) + len(quotes), answered))
                answered = None
            quotes.append(
                Quote(
                    text=q.text,
                    kind=q.kind,
                    speaker_id=speaker_ids[q.speaker] if q.speaker is not None else None,
                    attribution_text=q.attribution,
                    about_id=speaker_ids[q.about] if q.about is not None else None,
                    said_on=q.said_on,
                    article_id=article_ids[q.article],
                    responds_to_id=quote_ids[answered] if answered is not None else None,
                    language="en",
                    status=q.status,
                    retraction_reason=q.retraction_reason,
                    published_at=q.published_at,
                    retracted_at=q.retracted_at,
                )
            )
            counts["drafts"] += q.status == Quote.Status.DRAFT
            counts["retracted"] += q.status == Quote.Status.RETRACTED
        quote_ids.extend(ids(Quote.objects.bulk_create(quotes)))
        tags = [
            StanceTag(
                quote_id=quote.pk,
                stance_id=stance_ids[t.stance],
                alignment=t.alignment,
                tagged_at=t.tagged_at,
            )
            for quote, q in zip(quotes, batch, strict=True)
            for t in q.tags
        ]
        StanceTag.objects.bulk_create(tags)
        counts["tags"] += len(tags)
        progress("quotes", len(quote_ids), plan.quotes)

    batch: list[QuotePlan] = []
    for quote in plan.each_quote():
        batch.append(quote)
        if len(batch) == BATCH:
            store(batch)
            batch = []
    if batch:
        store(batch)
    Quote.objects.bulk_update(
        [Quote(pk=quote_ids[q], responds_to_id=quote_ids[a]) for q, a in answers_later],
        ["responds_to"],
        batch_size=1000,
    )

    # Bulk inserts send no signals, so the stored positions are derived here, all at once.
    progress("positions", 0, 1)
    summaries.rebuild()
    page_cache.content_changed()
    progress("positions", 1, 1)
    return {
        "quotes": len(quote_ids),
        "tags": counts["tags"],
        "drafts": counts["drafts"],
        "retracted": counts["retracted"],
        "speakers": len(speaker_ids),
        "roles": len(roles),
        "other_names": len(other_names),
        "outlets": len(outlet_ids),
        "articles": len(article_ids),
        "elections": len(election_ids),
        "candidacies": candidacies,
        "topics": len(topic_ids),
        "stances": len(stance_ids),
    }


def ids(objects) -> list[int]:
    return [obj.pk for obj in objects]
