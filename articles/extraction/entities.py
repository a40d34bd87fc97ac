"""People, organisations, titles, unnamed sources and pronouns mentioned in an article.

Names are found from capitalisation alone (no gazetteer): a run of capitalised words (particles,
initials and accents allowed), stripped of titles ("Foreign Minister"), is a person when two or
more name-like words remain; a later surname is the person introduced earlier. Who a phrase refers
to is decided in speakers.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from .given_names import gender_of_given_name
from .marks import DATELINE
from .mentions import ANON, Mention
from .sources import DESCRIBED, GENERIC, anonymous_sources
from .titles import ROLE, holder, titled_phrases
from .titles import _words as titles_words

__all__ = ["ANON", "Entities", "Mention", "find_entities", "subject_of"]


TITLES = {
    "President", "Minister", "Prime", "Foreign", "Defence", "Defense", "Secretary",
    "Secretary-General", "Senator", "Governor", "General", "Dr", "Mr", "Mrs", "Ms", "Miss", "Sir",
    "Lady", "Ambassador", "Chancellor", "Mayor", "Judge", "Professor", "Prof", "Colonel", "Captain",
    "State", "Vice", "Deputy", "Chief", "Speaker", "King", "Queen", "Prince", "Princess",
    "Commissioner", "Director", "Chairman", "Chairwoman", "Spokesman", "Spokeswoman", "Leader",
    "Representative", "Congressman", "Congresswoman", "Interior", "Finance", "Energy",
    # Ranks, often abbreviated in US government texts ("Navy Rear Adm. John Kirby").
    "Adm", "Admiral", "Rear", "Gen", "Brig", "Brigadier", "Maj", "Major", "Lt", "Lieutenant",
    "Col", "Capt", "Sgt", "Sergeant", "Cmdr", "Commander", "Marshal", "Press", "Navy",
    # Peerage, honorific and clerical titles before a name ("Lord Ferris Hallam").
    "Lord", "Baroness", "Baron", "Dame", "Earl", "Countess", "Duke", "Duchess", "Sheikh",
    "Sheikha", "Shaikh", "Shaikha", "Sheik", "Emir", "Sultan", "Rabbi", "Imam", "Bishop",
    "Archbishop", "Cardinal", "Pope", "Rev", "Reverend", "Pastor", "Father", "Sister", "Brother",
    # Samoan honorifics before a chief's or a minister's name ("Afioga Kaitu Fesola").
    "Afioga", "Susuga",
    # Occupations written before a name like a title ("Analyst Peter Pham of the Atlantic Council").
    "Analyst", "Economist", "Researcher", "Historian", "Activist", "Lawyer", "Attorney",
    "Journalist", "Commentator", "Scholar", "Correspondent", "Envoy", "Negotiator", "Coordinator",
    "Assistant", "Under-Secretary-General", "Special", "Premier", "Cllr", "Councillor",
    "Skipper", "Fisherman", "Fisherwoman", "Shopkeeper", "Businessman", "Businesswoman",
    "Entrepreneur", "Campaigner", "Organiser", "Organizer", "Spokesperson", "Manager", "Coach",
    # "Nepali Times Editor Kunda Dixit", "the Guarambán Vice-Minister of Migration".
    "Editor", "Vice-Minister", "Vice-President", "Deputy-Minister", "Under-Secretary",
    "Brigadier-General", "Major-General", "Lieutenant-General", "Lieutenant-Colonel",
    "Rear-Admiral", "Vice-Admiral",
    # Members of parliament ("Mokera Town MP Hon. Peter Kiprono Lagat").
    "MP", "MEP", "MLA", "Hon", "Honourable", "Honorable", "Member",
    # A Knesset member ("Opposition MK Noa Erez").
    "MK",
    # South Asian and West African honorifics ("Shri Harivansh Kotwal", "Smt. Rukmini Devi").
    "Shri", "Sri", "Smt", "Shrimati", "Kumari", "Alhaji", "Alhaja", "Hajia",
    # Urdu honorifics a Pakistani paper keeps ("Maulana Inayatullah Qasmi", "Begum Shahnaz Akhtar").
    "Maulana", "Begum", "Mian", "Sahibzada", "Janab",
    # Gulf styles ("His Highness Sheikh Mansour bin Turki", "His Excellency Dr. Khalid").
    "Highness", "Excellency", "Majesty", "Eminence",
}  # fmt: skip
# The last words of companies' names, which a later "the company" or "the firm" means.
COMPANY_WORDS = {
    "Maritime", "Partners", "Holdings", "Logistics", "Shipping", "Industries", "Technologies",
    "Consulting", "Associates", "Ventures", "Motors", "Petroleum", "Mining", "Pharmaceuticals",
    "Telecom", "Lines", "Inc", "Ltd", "plc", "LLC", "GmbH", "Company", "Corporation", "Airlines",
    "Airways", "Group",
    # Research and advisory firms ("Corvane Energy Research", "Capital Economics").
    "Research", "Economics", "Analytics", "Advisory", "Capital", "Investments", "Insights",
}  # fmt: skip
ORG_WORDS = {
    "Ministry", "Office", "Embassy", "Government", "Alliance", "Union", "Party", "Institute",
    "University", "Bank", "Radio", "Post", "Ledger", "Times", "News", "Agency", "Council",
    "Commission", "Committee", "Parliament", "Presidency", "Palace", "Kremlin", "House", "Senate",
    "Congress", "Court", "Army", "Forces", "Department", "Campaign", "Renewal", "Front", "Movement",
    "League", "Coalition", "Tribune", "Herald", "Journal", "Gazette", "Foundation", "Centre",
    "Center", "Service", "Cabinet", "Administration", "Television", "Network",
    # Bodies and events, which are no person however many capitalised words they have.
    "Federation", "Mission", "Delegation", "Organization", "Organisation", "Association",
    "Society", "Board", "Bureau", "Command", "Corps", "Fund", "Authority", "Guard", "Police",
    "Bloc", "Caucus", "Conference", "Summit", "Forum", "Assembly", "Secretariat", "Programme",
    "Treaty", "Pact", "Games", "Olympics", "Cup", "Festival", "Expo", "Initiative",
    "Tribunal", "Rally", "Agreement", "Accord", "Convention", "Protocol", "Charter",
    "Chamber", "Directorate", "Inspectorate", "Regulator", "Exchange", "Community",
    "Railways", "Institution", "Academy", "College", "School", "Hospital", "Church",
    "Military", "Prize", "Award", "Medal",
    # Military units: "Combined Joint Task Force 101", "the 101st Airborne Division".
    "Force", "Division", "Brigade", "Regiment", "Battalion", "Fleet", "Squadron", "Brigades",
    "Battalions",
    # Buildings that stand for their institutions ("The Pentagon says").
    "Pentagon", "Elysee", "Élysée", "Itamaraty", "Farnesina", "Quirinale", "Whitehall",
    "Zhongnanhai", "Bundestag",
    # Newspapers' names.
    "Courier", "Chronicle", "Observer", "Telegraph", "Guardian", "Inquirer", "Dispatch",
    "Bulletin", "Monitor", "Mail", "Express", "Standard",
    # Companies' names ("Halvard Maritime", "Tolsz Partners").
    *COMPANY_WORDS,
}  # fmt: skip
PLACE_WORDS = {
    "City", "Republic", "States", "Kingdom", "Nations", "Street", "Square", "Province", "Sea",
    "River", "East", "West", "North", "South", "Middle", "Northern", "Southern", "Eastern",
    # Continents and regions: "Latin America is a key region".
    "America", "Americas", "Africa", "Asia", "Europe", "Caribbean", "Balkans",
    "Western", "Central", "United", "National", "Green", "Civic", "New", "Old", "Great",
    "Independent", "Senior", "Social", "Democratic", "Federal", "International", "World",
    "Port", "Fort", "Mount", "Lake", "Cape", "Bay",
    # Regions and features ("the Arctic Region", "the Gaza Strip").
    "Region", "District", "County", "Territory", "Peninsula", "Island", "Islands", "Coast",
    "Gulf", "Ocean", "Desert", "Mountains", "Highlands", "Strip", "Valley", "Town",
    "Village",
}  # fmt: skip
# The fields a minister's title names, which run into the name after it.
# The marks around a nickname inside a name ('Josefina "Pinky" Alcaraz').
_NICKNAME_MARKS = re.compile(r" [\"“‘']|[\"”’'] ")
# Events, which are no person however they are printed: "the Vietnam War".
_EVENT_WORDS = {
    "War", "Wars", "Crisis", "Revolution", "Uprising", "Invasion", "Occupation", "Genocide",
    "Massacre", "Doctrine", "Airlift", "Blockade",
}  # fmt: skip
# A trade or group in the plural, opening a sentence: "Shipowners", "Traders", "Bankers" (not a
# surname like "Myers" or "Sanders", which the text gives a first name somewhere).
# (Not a news agency's name: "Reuters said".)
_TRADE_PLURAL = re.compile(r"(?!Reuters\b)[A-Z][a-z]{2,}(?:ers|ors|ists|ians|ants|ents)")


_FIELDS = {
    "Affairs", "Resources", "Commerce", "Industry", "Trade", "Development", "Cooperation",
    "Security", "Relations", "Unification", "Economy", "Planning", "Justice", "Health",
    "Education", "Labour", "Labor", "Agriculture", "Fisheries", "Transport", "Environment",
    "Culture", "Tourism", "Information", "Communications", "Works", "Science", "Technology",
    "Worship", "Welfare", "Housing", "Infrastructure",
}  # fmt: skip
_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
STOP = {
    "The", "A", "An", "In", "On", "At", "For", "But", "And", "After", "Before", "Asked",
    "According", "Speaking", "Her", "His", "Its", "Their", "Our", "My", "Both", "Every",
    "Nobody", "When", "While", "If", "As", "With", "From", "By", "To", "Of", "Meanwhile",
    "Neither", "Not", "This", "That", "These", "Those", "It", "He", "She", "They", "We",
    "There", "Pressed", "During", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Photo", "Details", "Mr", "Ms",
    "Mrs", "Dr", "One", "Two", "Three", "Several", "Some", "Another", "Many", "Most",
    "Regarding", "Despite", "Although", "Under", "Since", "Exiled", "Former", "Unlike", "Like",
    "Besides", "Alongside", "Upon", "Others", "Few", "All",
    # Sentence adverbs, which a comma follows like a surname in apposition.
    "Separately", "Similarly", "Elsewhere", "Earlier", "Later", "However", "Instead", "Still",
    "Nevertheless", "Moreover", "Furthermore", "Additionally", "Also", "Yet", "Today",
    "Yesterday", "Overall", "Indeed", "Finally", "Afterwards", "Then", "Now", "Here", "So",
    "Thus", "Hence",
    # A speaker's opening words in a transcript ("Well, an official told me ...").
    "Well", "Yes", "Okay", "Look", "Listen", "Early", "Late",
}  # fmt: skip
ORG_NOUNS = (
    "ministry|government|embassy|office|presidency|regulator|agency|alliance|campaign|party|"
    "palace|council|military|army|navy|air force|coast guard|police|administration|authorities|"
    "secretariat|team|commission|"
    "committee|parliament|cabinet|spokesman's office|operator|company|firm|broadcaster|"
    "authority|utility|airline|court|union|mission|delegation|chamber of commerce|association|"
    "federation|confederation|employers' group|junta|regime|militia|group|charity|organi[sz]ation"
)
# A verb after a name is no qualifier of an organisation: "Mol said parliament's committee ...".
_VERB_NOT_QUALIFIER = (
    r"(?:said|says|told|tells|added|adds|urged|urges|warned|warns|asked|asks|accused|called|"
    r"wrote|writes|believes|thinks|argued|insisted|blamed|praised|thanked|critici[sz]ed|"
    r"and|or|but|to|that|than|as|"
    # Any past tense: "Getachew Reda denied government allegations".
    r"(?!armed\b|united\b)[a-z]+ed)\b"
)
# Particles inside names: Omar al-Rashidi, Pieter van der Berg, Marie de Villiers, bin Saeed.
PARTICLES = {
    "al", "el", "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das",
    # Spanish: Ramon de los Reyes.
    "los", "las",
    "bin", "ibn", "bint", "ter", "ten", "le", "la", "abu", "ben",
    # Irish: Séamus Ó Ceallaigh, Bríd Ní Fhloinn, Declan Mac Giolla Rua.
    "ó", "ní", "nic", "mac", "uí",
}  # fmt: skip
_PARTICLE = "|".join(sorted(PARTICLES)) + "|Ó|Ní|Nic|Mac|Uí"
# Latin letters with accents count (Succès Masra, Idriss Déby, Lech Wałęsa, Recep Erdoğan).
UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
LOWER = "a-zß-öø-ÿĀ-ſ"
# Irish and French elisions start a name too: O'Dowd, D'Souza.
_TOKEN = (
    rf"(?:[Aa]l-|[Ee]l-|[OD]['’](?=[{UPPER}]))?[{UPPER}][{LOWER}][{UPPER}{LOWER}]*"
    rf"(?:[-'’][{UPPER}{LOWER}]+)*"
    # A plural possessive inside a name: "the Farmers' Alliance".
    rf"(?:(?<=s)['’](?= [{UPPER}]))?"
)
# Middle initials and suffixes belong to the name: "Lloyd J. Austin III", "Martin Luther King Jr.".
_INITIAL = rf"[{UPPER}]\."
SUFFIXES = {"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"}
# Leading initials belong to the name too ("KP Oli", "K.P. Sharma"), but not a country's or an
# organisation's ("US", "U.N.", "EU").
_LEADING_INITIALS = (
    r"(?:(?<![\w.])(?!(?:US|UK|UN|EU|AU|DC|TV|AP|PM|MP|TD|QC|KC|GP|DJ|CEO|MEP)\b)"
    r"[A-Z]{2}\s(?=[A-Z][a-z])|(?<![\w.])(?!(?:U\.S|U\.K|U\.N|E\.U)\.)(?:[A-Z]\.){2}\s?(?=[A-Z][a-z]))?"
)
_GROUP = re.compile(
    # Never from inside a word: "MPs" is no "Ps".
    rf"(?<![\w'’]){_LEADING_INITIALS}{_TOKEN}(?:(?: (?:{_PARTICLE}|{_INITIAL}))* {_TOKEN})*"
    r"(?: (?:III|II|IV)\b)?"
)


_ACTS_ALONE = re.compile(
    r"(?:['’]s)?\s*(?:[,.;:]|(?:also\s+|later\s+|then\s+)?(?:said|says|told|tells|added|adds|"
    r"warned|insisted|argued|noted|stressed|explained|replied|responded|wrote|asked|called|"
    r"described|has|had|was|is|would|will)\b)"
)
_NAME_TITLES = {"Sheikh"}  # also a part of Somali and Arabic names
# "Dr (Mrs) Folake Ibekwe", "Mr. Chea": an honorific the name's own run does not hold.
_BRACKETED_HONORIFIC = re.compile(r"(?:\((Mr|Mrs|Ms|Miss)\.?\)|\b(Mr|Mrs|Ms|Miss)\.)\s+$")
# A title's field or place straight before a capitalised run: "... for Human Rights Ivan Simonovic".
_TITLE_FIELD = re.compile(
    r"(?:\b(?:[Ss]ecretary(?:-[Gg]eneral)?|[Rr]epresentative|[Ee]nvoy|[Cc]ommissioner|"
    r"[Cc]oordinator|[Dd]irector|[Mm]inister|[Aa]mbassador|[Cc]hief|[Hh]ead|[Cc]ommander)\s+"
    r"(?:for|to|of|on)\s+)$"
)
# "Deputy Minister of Foreign Affairs of the Republic of ", "Director of the Institute of
# Regional Studies of the ": a title whose body or country runs, capitalised, into the name after
# it, as state news agencies write it.
_TITLE_OF_CHAIN = re.compile(
    r"\b(?:Minister|Secretary|Director|Head|Chairman|Chairwoman|Chair|President|Governor|"
    r"Representative|Ambassador|Commissioner|Rector|Dean|Chief|Commander|Spokesman|"
    # "County Executive Committee Member for Trade Grace Akinyi Odera".
    r"Spokeswoman|Spokesperson|Member)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|on)\s+(?:the\s+)?)?){0,12}$"
)
# First words of two-word countries that are not place words of their own.
_COUNTRY_HEADS = {
    "Costa", "Sierra", "Saudi", "Burkina", "Puerto", "San", "Santa", "Cabo", "Hong", "Sri", "El",
    "Papua", "Trinidad", "Timor", "Ivory", "Solomon", "Marshall", "Cook", "Faroe",
}  # fmt: skip
# A body's name that runs over "in": "the Crisis in Zimbabwe Coalition" (after "the", one or
# two capitalised words that are no title).
_NAME_IN = re.compile(
    r"\b[Tt]he\s+((?!(?:President|Minister|Ambassador)\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+in\s+$"
)
# What a chief is chief of, written between the title and the name.
_CHIEF_OF = {"Executive", "Operating", "Financial", "Technology", "Information", "Officer"}
# Nouns that end a country's name: "the Republic", "the United Kingdom".
_COUNTRY_ENDS = {"Republic", "Kingdom", "States", "Nations", "Islands", "Emirates"}
_COUNTRY_INITIALS = re.compile(r"\b(U\.S\.|US|UK|U\.K\.|EU|UN|U\.N\.|NATO)\s$")
_FIRST_NAME_ONLY = re.compile(
    # "who gave only her first name, Rosa", "who gave her name only as Amaka".
    rf"\b(?P<whose>his|her)\s+(?:(?:first|given)\s+)?name(?:\s+only)?(?:\s+as)?,?\s+"
    rf"(?P<name>{_TOKEN})\b"
)


@dataclass
class Entities:
    """Mentions in body order, plus what was learnt about each person."""

    mentions: list[Mention]
    genders: dict[str, str] = field(default_factory=dict)
    subjects: list[Mention] = field(default_factory=list)  # first mention of each sentence
    known: list[tuple[str, list[str]]] = field(default_factory=list)  # (name, role titles)
    masked: str = ""  # the text the mentions were found in

    def _starts(self) -> list[int]:
        # Mentions are kept in body order; the offsets are indexed once (work per lookup is
        # logarithmic, so a text with thousands of mentions stays linear overall).
        cached = self.__dict__.get("_start_index")
        if cached is None or len(cached) != len(self.mentions):
            cached = [m.start for m in self.mentions]
            self.__dict__["_start_index"] = cached
        return cached

    def within(self, start: int, end: int) -> list[Mention]:
        starts = self._starts()
        found = []
        for index in range(bisect_left(starts, start), len(starts)):
            mention = self.mentions[index]
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def before(self, pos: int, limit: int = 80) -> list[Mention]:
        """The latest mentions starting before pos (at most limit of them), in body order."""
        index = bisect_left(self._starts(), pos)
        return self.mentions[max(0, index - limit) : index]

    def subjects_before(self, pos: int, limit: int = 80) -> list[Mention]:
        starts = self.__dict__.get("_subject_index")
        if starts is None or len(starts) != len(self.subjects):
            starts = [m.start for m in self.subjects]
            self.__dict__["_subject_index"] = starts
        index = bisect_left(starts, pos)
        return self.subjects[max(0, index - limit) : index]


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any (a, b) of spans (sorted, each short) meets [start, end)."""
    index = bisect_left(spans, (end,))
    return any(a < end and start < b for a, b in spans[max(0, index - 8) : index])


def surname_key(word: str) -> str:
    """A surname as compared across mentions: al-Rashidi, Al-Rashidi and Rashidi are one."""
    return re.sub(r"^(?:al|el)-", "", word.lower())


def _split_group(text: str, start: int) -> list[tuple[list[tuple[str, int]], bool]]:
    """Break a capitalised run after each possessive word: (tokens with offsets, possessive)."""
    groups, current, offset = [], [], start
    for token in text.split(" "):
        possessive = bool(re.search(r"['’]s$", token))
        bare = re.sub(r"['’]s$", "", token)
        current.append((bare, offset))
        offset += len(token) + 1
        if possessive:
            groups.append((current, True))
            current = []
    if current:
        groups.append((current, False))
    return groups


# A capitalised group straight after these is a place: "in Port Halden", "the mayor of Las Ventas".
# Only after a noun phrase ("the aid director at"), not after a verb ("were aimed at").
_WHERE = re.compile(
    r"\b(?:the|a|an|its|his|her|their|our)\s+"
    r"(?:(?!(?:is|are|was|were|be|been|has|have|had)\b)(?![\w-]+(?:ed|ing)\b)[\w-]+\s+){1,3}"
    r"(?:in|at|near)\s+(?:the\s+)?$",
    re.I,
)
# A title's place ("the mayor of"); a spokesman for or of a body speaks for it, so not there.
# A title that runs over "of" before a name: "Secretary of State Albright".
_TITLE_OF = re.compile(r"\b(Secretary|Minister|Chief|Director|Head|Chancellor)\s+of\s+$")
# A name after a common noun for an organisation: "the shipping company Holm & Tessen".
_NAMED_AFTER_NOUN = re.compile(
    # Not a day ("the government Tuesday said"), a month or a pronoun.
    r"\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|I\b|It\b|He\b|She\b|We\b|They\b)"
    rf"((?:[{UPPER}][\w'’.-]*)(?:\s+(?:&\s+)?[{UPPER}][\w'’.-]*){{0,4}})(?=[\s,.;:]|$)"
)
# A people's adjective before a common noun: "Sri Lankan state media", "Costa Verdean troops".
# A people's adjective (its last word) before a body's common noun: "Sri Lankan state media". Only
# those nouns: "Morgan Jordan people" is a person's name before a noun.
_DEMONYM = r"\w+(?:an|ian|ese|ish)"
_DEMONYM_BEFORE = re.compile(
    rf"{_DEMONYM}\s+(?:state\s+|national\s+|government\s+)?(?:state|government|officials?|"
    r"military|army|forces|media|troops|police|authorities|soldiers|rebels|navy|diplomats?|"
    r"embassy|delegation)\b"
)
# A role written straight after a qualifier, then a name: "Costa Verdean diplomat Tomás",
# "Kettering spokeswoman Priya Lindholm" (not "Lena Hart told Ambassador Joe Marsh": a verb
# comes between).
_BEFORE_A_ROLE = re.compile(
    # (Not "Saadeh received Minister Vellinger": a verb before the title.)
    r"\s+(?![a-z]+ed\s|(?:met|meets|told|tells|thanks|greets|hosts|visits|urges|asks|welcomes|"
    r"sent|sends)\s)"
    rf"(?:(?:former|senior|veteran|deputy|top|chief)\s+)?(?:{ROLE}|diplomat|"
    rf"politician|lawmaker|official|analyst|economist|lawyer|activist|journalist|general|admiral|"
    rf"colonel)\s+[{UPPER}][{LOWER}]"
)
# A broadcast named before its noun: "the Morning Tide programme", "the Pacific Beat show".
# (After "the" only, and not a verb: "John Mahama broadcast a message", "Vosloo show support".)
_A_SHOW = re.compile(
    r"\s+(?:programme|program|show|podcast|bulletin|broadcast)\b(?=\s*[,.;:]|\s+(?:on|in|from|at|to|that|and|with)\b)"
)
# "the mayor of Las Ventas": a title's place (not "the sister of Luka Brenković", kin).
_HOLDER_OF = re.compile(
    r"\b(?!spokes|(?:sister|brother|father|mother)\s)([a-z]+)\s+of\s+(?:the\s+)?$"
)
# A person's title, then their name, ending a run: no part of an organisation's name.
# (A qualifier comes first: "for Swedish Defense Minister Peter Hultqvist", not "the Office of
# President Ruto", which is the office's name.)
_PERSON_AFTER_TITLE = re.compile(
    r"^\s+(?:for|to|with)\s+(?:the\s+)?[A-Z][\w'’-]*\s+(?:[A-Z][\w'’-]*\s+)?"
    r"(?:Minister|President|Secretary|Ambassador|Envoy|Senator|Governor|Chancellor|Mayor)\.?"
    r"\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}$"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?~\"”’']\s+|\n\s*)$")


def find_entities(
    masked: str,
    sentence_spans: list[tuple[int, int]],
    known: list[tuple[str, list[str]]] = (),
    headings: list[tuple[int, int]] = (),
    headed: str = "",
) -> Entities:
    """Find every person, organisation and pronoun mention outside quotation marks.

    known: (name, role titles) pairs, so that a title ("the prime minister") is a person.
    headings: spans of headings (blank in masked), whose text in headed may name a body.
    """
    raw: list[tuple[int, int, list[str], bool, str | None]] = []
    genders: dict[str, str] = {}
    for match in _GROUP.finditer(masked):
        for tokens, possessive in _split_group(match.group(), match.start()):
            words = [t for t, _ in tokens]
            honorific = next((w for w in words if w in {"Mr", "Ms", "Mrs", "Miss", "Sir"}), None)
            bracketed = _BRACKETED_HONORIFIC.search(masked, max(0, tokens[0][1] - 8), tokens[0][1])
            if honorific is None and bracketed:
                honorific = bracketed.group(1) or bracketed.group(2)
            while words and (words[0] in STOP or words[0].endswith("-based")) and len(words) > 1:
                # "The", "Paris-based": no part of the name after them.
                words, tokens = words[1:], tokens[1:]
            while len(words) > 1 and words[-1] in _DAYS and not possessive:
                # "Prime Minister Girija Prasad Koirala Monday added": US wire style's day.
                words, tokens = words[:-1], tokens[:-1]
            if not words or (len(words) == 1 and words[0] in STOP):
                continue
            raw.append(
                (tokens[0][1], tokens[-1][1] + len(tokens[-1][0]), words, possessive, honorific)
            )
            if (
                len(raw) >= 3
                and _NICKNAME_MARKS.fullmatch(masked, raw[-3][1], raw[-2][0])
                and _NICKNAME_MARKS.fullmatch(masked, raw[-2][1], raw[-1][0])
                and len(raw[-2][2]) <= 2
                and not raw[-3][3]
            ):
                # 'Senator Josefina "Pinky" Alcaraz': one person, named without the nickname.
                first, _, last = raw[-3:]
                raw[-3:] = [(first[0], last[1], first[2] + last[2], last[3], first[4] or last[4])]

    lower_words = set(re.findall(r"\b[a-z][a-z-]+\b", masked))
    full_names: dict[str, str] = {}  # surname key: full name
    first_names: dict[str, str] = {}  # first word's key: full name
    mentions: list[Mention] = []
    surnames: list[Mention] = []  # mentions by surname alone
    owner: tuple[int, str] | None = None  # (where it ends, word): "Drenland's" before a name
    named_until = -1  # where the latest organisation's name ends ("Union of Civil Engineers")
    place_until = -1  # where the latest place ends ("in San Jose"), for "San Jose, Costa Rica"
    capitals: Counter | None = None  # how often each capitalised word (and pair) is printed
    second_words: set[str] | None = (
        None  # capitalised words printed after another ("Richard Myers")
    )
    for raw_at, (start, end, words, possessive, honorific) in enumerate(raw):
        if start < named_until:
            continue
        # A bounded look ahead: a copy of the rest of the text per name would be quadratic.
        after = masked[end + (2 if possessive else 0) : end + 200]
        before = masked[max(0, start - 8) : start]
        org_noun = re.match(
            rf"\s+((?:(?!{_VERB_NOT_QUALIFIER})[a-z]+\s+)?(?:{ORG_NOUNS}))\b", after
        )
        last_title = max(
            (
                i
                for i, w in enumerate(words)
                # "Hassan Sheikh Mohamud": inside a name, after a given name, no title.
                if w in TITLES
                and not (w in _NAME_TITLES and i and words[i - 1] not in TITLES)
                # "Sri Lankan Military officials": a country's name, not the honorific.
                and not (w == "Sri" and words[i + 1 : i + 2] and words[i + 1].startswith("Lank"))
                # "His Excellency Sultan bin Ahmed Al Jaraidi": a given name before "bin".
                and not (w == "Sultan" and i and words[i + 1 : i + 2] and words[i + 1] == "bin")
                # "Prince Nawaf bin Sultan Al-Harith": a father's name after "bin", not a title.
                and not (i and words[i - 1] in {"bin", "ibn", "bint"})
            ),
            default=-1,
        )
        after_field = _TITLE_FIELD.search(masked, max(0, start - 60), start)
        if after_field and last_title < 0 and len(words) <= 2 and masked[end : end + 1] == ",":
            continue  # "the Under-Secretary-General for Humanitarian Affairs, Tomasz ...": a field
        if (
            not after_field
            and last_title < 0
            and len(words) >= 3
            and not org_noun
            and not any(w in ORG_WORDS for w in words)
            and _TITLE_OF_CHAIN.search(masked, max(0, start - 160), start)
        ):
            # "Deputy Minister of Foreign Affairs of the Republic of Korvassia Anatol
            # Vershinsky": the title's country ends it, the person follows; any word the text
            # also uses on its own ("North Korvassia", "Korvassia is ready") is the country's.
            if capitals is None:
                # Counted once, not searched for per name (a text of such titles stays linear).
                capitals = Counter(re.findall(r"\b[A-Z][\w'’-]*", masked))
                capitals.update(re.findall(r"(?=\b([A-Z][\w'’-]* [A-Z][\w'’-]*))", masked))
            # "President of South Africa Cyril Ramaphosa", "... of Costa Rica Rodrigo Chaves":
            # a country of two words.
            # (Not "President of the Republic Nizar Farid Saadeh": a noun ends the country.)
            cut = (
                2
                if (words[0] in PLACE_WORDS and words[0] not in _COUNTRY_ENDS)
                or words[0] in _COUNTRY_HEADS
                else 1
            )
            while len(words) - cut > 2 and (
                words[cut] in PLACE_WORDS
                or capitals[words[cut]] > capitals[f"{words[cut]} {words[cut + 1]}"]
            ):
                cut += 1
            words = words[cut:]
            start = end - len(" ".join(words))
        if after_field and last_title < 0 and len(words) >= 3:
            # "Assistant Secretary-General for Human Rights Ivan Simonovic", "representative to
            # Somalia Nicholas Kay": the title's field or place runs into the name; the name is
            # its last two words.
            cut = len(words) - 2
            words = words[cut:]
            start = end - len(" ".join(words))
        if (
            len(words) == 1
            and words[0].endswith("ing")
            and masked[end : end + 1] == ","
            # (Not '"...," Kettering, R-Port Anselm, said': a surname after a quotation.)
            and re.search(r"(?:^|[.!?]\s+|\n\s*)$", masked[max(0, start - 3) : start])
            and surname_key(words[0]) not in full_names
        ):
            continue  # "Reacting, the minister said": an opening participle, no person
        if (
            len(words) >= 2
            and words[0].endswith("ing")
            and _SENTENCE_START.search(masked, max(0, start - 3), start)
        ):
            # "Visiting China at what he called ...": a participle opening the sentence (and
            # "Presiding Judge Amara ...": the title's place moves with it).
            words = words[1:]
            start = end - len(" ".join(words))
            last_title = max(last_title - 1, -1)
        # "Senate Majority Leader Mitch McConnell", "House Speaker Nancy Pelosi": the institution
        # is part of the title before a person's name, not the name of an organisation.
        titled_person = (
            last_title >= 0
            and 2 <= len(words) - last_title - 1 <= 4
            and not any(w in ORG_WORDS or w in PLACE_WORDS for w in words[last_title + 1 :])
            and not org_noun
        )
        if (
            last_title == len(words) - 1
            and len(words) >= 2
            and masked[end : end + 1] == "."
            and any(w in ORG_WORDS for w in words[:-1])
        ):
            continue  # "Army Maj. Gen. Jeffrey Schloesser": a service and a rank, no body
        previous_owner, owner = owner, None
        if (
            possessive
            and len(words) <= 3
            # ("The Maldaran President's Office": a country's people's adjective first.)
            and all(
                w in TITLES for w in (words[1:] if _DEMONYM_WORD.fullmatch(words[0]) else words)
            )
            and words[-1] in TITLES
            and re.match(r"['’]s\s+[A-Z]", masked[end : end + 5])
        ):
            # "The Prime Minister's Office": a title that owns a body names it.
            owner = (end, " ".join(words))
            continue
        if (any(w in ORG_WORDS for w in words) or org_noun) and not titled_person:
            name = " ".join(words)
            stop = end
            if (
                previous_owner
                and previous_owner[0] + 3 == start
                and all(w in ORG_WORDS or w in TITLES for w in words)
            ):
                # "Drenland's Foreign Ministry": a generic institution is named with its country.
                name = f"{previous_owner[1]}'s {name}"
                start = previous_owner[0] - len(previous_owner[1])
            if org_noun and possessive:
                # "Viktor Halloran's campaign": the owner is a person a later "Halloran" means.
                person = words[last_title + 1 :]
                if 2 <= len(person) <= 4 and not any(
                    w in ORG_WORDS or w in PLACE_WORDS for w in person
                ):
                    full_names.setdefault(surname_key(person[-1]), " ".join(person))
            if org_noun:
                # "Okafor's campaign", "the Drenish presidency": the noun belongs to the name.
                name += ("'s " if possessive else " ") + org_noun.group(1)
                stop = end + (2 if possessive else 0) + org_noun.end()
                # "the Sarnish government's spokeswoman": the whole name is the owner.
                possessive = bool(re.match(r"['’]s\b", masked[stop : stop + 3]))
            place = re.match(
                r"\s+(in|of|for)\s+((?:the\s+)?[A-Z][a-z]+(?: [A-Z][a-z]+)?)",
                masked[stop : stop + 200],
            )
            if place and "Embassy" not in name and "embassy" in name:
                name += place.group(0).rstrip()
                stop += place.end()
            named = re.match(
                # "Conference on Trade and Development", "Committee on Foreign Relations".
                r"(?: (?:for|of|on(?! (?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|"
                r"February|March|April|May|June|July|August|September|October|November|December|"
                r"Christmas|Easter|New Year)\b)) (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)*"
                # "Union for Renewal and Progress", "Ministry of Trade and Industry" (but not
                # "... and Lena Hart said": a person's two names), "Ministry of Economy, Trade
                # and Commerce".
                r"(?:(?:, [A-Z][\w-]+){0,3},? and (?:[A-Z][\w-]+ (?:Relations|Affairs|"
                # "Ministry of Foreign Affairs and Diaspora Relations": a field of two words.
                # (Not "... and Food Security Cabinet Secretary Mithika Linturi": a title next.)
                r"Development|Cooperation|Integration|Trade|Security|Planning)\b(?![\w-]* [A-Z])|"
                r"[A-Z][\w-]+(?![\w-]* [A-Z])))?)"
                # "Ministry of Foreign Affairs of Lusena": whose ministry, named with it.
                r"(?: of (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)?(?![\w-]* (?:and|of) [A-Z]))?",
                masked[stop : stop + 200],
            )
            if (
                named
                and name.split()[-1] in ORG_WORDS
                and not _PERSON_AFTER_TITLE.search(named.group())
            ):
                # "Movement for Democratic Change", "Ministry of Defence": one name (not "the
                # Pentagon for Swedish Defense Minister Peter Hultqvist": a person follows).
                name += named.group()
                stop += named.end()
            parts = name.split()
            if (
                len(parts) >= 4
                and not possessive
                and not org_noun
                and parts[-3] not in {"of", "and", "for", "on", "the"}
                and all(w[:1].isupper() for w in parts[-2:])
                and not any(
                    w in ORG_WORDS or w in PLACE_WORDS or w in TITLES or w in _FIELDS
                    for w in parts[-2:]
                )
                and masked[stop - len(" ".join(parts[-2:])) : stop] == " ".join(parts[-2:])
                and _TITLE_OF_CHAIN.search(masked, max(0, start - 160), start)
            ):
                # "Director of the Information and Press Department Yelena Markovskaya": the
                # title's body, then the person who holds it.
                person_start = stop - len(" ".join(parts[-2:]))
                raw.insert(raw_at + 1, (person_start, stop, parts[-2:], False, honorific))
                name, stop = " ".join(parts[:-2]), person_start - 1
            joined_in = _NAME_IN.search(masked, max(0, start - 60), start)
            if joined_in and name.split()[-1] in ORG_WORDS and not possessive:
                # "the Crisis in Zimbabwe Coalition": one body whose name runs over "in".
                name = f"{joined_in.group(1)} in {name}"
                start = joined_in.start(1)
                if mentions and mentions[-1].start == start:
                    mentions.pop()  # "Crisis", taken for a name of its own
            country = _COUNTRY_INITIALS.search(masked, max(0, start - 6), start)
            if country:
                # "the US State Department", "the U.N. refugee agency": initials are no token.
                name, start = f"{country.group(1)} {name}", country.start()
            mentions.append(Mention(start, stop, "org", name, possessive))
            named_until = stop
            continue
        person = words[last_title + 1 :]
        while last_title >= 0 and len(person) > 2 and person[0] in _CHIEF_OF:
            # "Chief Executive Margit Olofsson", "Chief Operating Officer Lena Hart".
            person = person[1:]
        while len(person) > 2 and person[0] in _FIELDS:
            # "Minister of Trade, Industry and Resources Kang Seo-yeon": the title's field.
            person = person[1:]
        if (
            last_title < 0
            and not possessive
            and _A_SHOW.match(after)
            and re.search(r"\bthe\s+$", masked[max(0, start - 5) : start], re.I)
        ):
            continue  # "the Morning Tide programme": a broadcast's name, no person
        if last_title < 0 and not possessive and _BEFORE_A_ROLE.match(after):
            continue  # "the Costa Verdean diplomat Tomás Ebner Lagos": a demonym, not a person
        if last_title < 0 and not possessive and _DEMONYM_BEFORE.match(f"{words[-1]}{after}"):
            continue  # "Sri Lankan state media", "South Korean officials": whose, not who
        if possessive and len(words) <= 2 and last_title < 0:
            owner = (end, " ".join(words))  # "Pakistan's", "South Korea's" Defense Ministry
        if not person or any(w in PLACE_WORDS or w in _EVENT_WORDS for w in person):
            continue  # "the Vietnam War": no person
        if re.match(r"-\d", after):
            continue  # "the Santo Niño-3", "Soyuz-2": a vessel's or a model's name
        if len(person) == 1 and GENERIC.fullmatch(person[0].lower()):
            continue  # "Analysts said": a sentence's capital, not a surname
        if len(person) == 1 and _TRADE_PLURAL.fullmatch(person[0]):
            if second_words is None:
                second_words = _surnames_printed(masked, known)
            if person[0] not in second_words:
                continue  # "Shipowners warned", "Traders said": a trade in the plural
        lead = masked[max(0, start - 40) : start]
        holder = _HOLDER_OF.search(lead)
        if (
            last_title < 0
            and (
                _WHERE.search(lead)
                or (holder and holder.group(1).capitalize() in TITLES)
                # "at the airport in San Jose, Costa Rica,": the place's country or state.
                or (
                    0 <= start - place_until <= 2
                    # One word ("Lima, Peru"), or a two-word country ("Costa Rica"); not a name in
                    # apposition ("a journalist in Bangui, Faustin Bambou, says").
                    and (len(person) == 1 or (len(person) == 2 and person[0] in _COUNTRY_HEADS))
                    and masked[place_until:start].strip() == ","
                    and re.match(r"[,.;:]", masked[end : end + 1])
                    # Not a surname the text gave a person ("in Geneva, Okafor, who arrived"),
                    # nor one an apposition describes (", 79,", ", who", ", the").
                    and (len(person) == 2 or surname_key(person[-1]) not in full_names)
                    and not re.match(r",\s+(?:who|the|a|an|\d)\b", masked[end : end + 8])
                )
            )
        ):
            place_until = end
            continue  # "the ambassador in Port Halden", "the mayor of Las Ventas": a place
        if (
            len(person) >= 3
            and last_title < 0
            and _SENTENCE_START.search(masked, max(0, start - 3), start)
            and (person[0].lower() in lower_words or person[0].lower() + "s" in lower_words)
            and person[0].lower() not in PARTICLES  # "De Sousa Ferreira added": the particle
        ):
            # "Journalist Negussie Mengesha" where the text also says "journalists": a common
            # noun capitalised by the sentence, not a given name.
            person = person[1:]
            start = end - len(" ".join(person))
        owner_words = [i for i, w in enumerate(person[:-1]) if w[-1] in "'’"]
        if owner_words and person[-1] not in ORG_WORDS:
            # "the Greens' Sofie Brandt-Okoro": a plural owner, then the person.
            person = person[owner_words[-1] + 1 :]
        person_start = end - len(" ".join(person))
        if person[-1] in {"Jr", "Sr"} and masked[end : end + 1] == ".":
            person, end = [*person[:-1], person[-1] + "."], end + 1
        core = [
            w for w in person if w.lower() not in PARTICLES and w not in SUFFIXES and w[-1] != "."
        ]
        if not core:
            continue
        key = surname_key(core[-1])
        if (
            len(person) >= 3
            and last_title < 0
            and re.fullmatch(_DEMONYM, person[0])
            and re.search(r"\bthe\s+$", masked[max(0, start - 5) : start])
        ):
            # "the Uruguayan Martín Echegoyen": whose country, then the name.
            person, core = person[1:], [w for w in core if w != person[0]]
            person_start = end - len(" ".join(person))
        if 2 <= len(core) <= 4 and person[0].lower() not in PARTICLES:
            name = " ".join(person)
            known_as = full_names.get(key, "")
            if len(known_as.split()) > len(person) and known_as.endswith(" " + name):
                # "Héctor Almonacid Ruiz", later "Almonacid Ruiz": the double surname alone.
                name = known_as
            if " " not in full_names.get(key, ""):
                # A surname seen alone first ("Brannick says ..." in a headline) is this person.
                full_names[key] = name
            # "Chun Yung-woo", later "Chun": a family name written first is referred to alone.
            first_names.setdefault(surname_key(core[0]), name)
            for word in core[1:-1]:
                # "Mahamat Idriss Déby Itno", later "Déby": any family name after the first.
                if word.lower() not in PARTICLES:
                    full_names.setdefault(surname_key(word), name)
            mentions.append(Mention(person_start, end, "person", name, possessive))
            mentions[-1].title = " ".join(words[: last_title + 1])
        elif (
            len(core) == 1
            and key not in full_names
            and key in first_names
            and last_title < 0
            # A word that goes on to a noun is an adjective ("Pakistani media"), not the person.
            and _ACTS_ALONE.match(masked, end)
        ):
            mentions.append(Mention(person_start, end, "person", first_names[key], possessive))
        elif (
            len(core) == 1
            and last_title >= 0
            and words[last_title]
            in {"Sir", "Dame", "Sheikh", "Sheikha", "Shaikh", "Shaikha", "Prince", "Princess"}
            and surname_key(core[0]) in first_names
            # Only the person the text so styled: "Sheikh Mohammed" is not "Mohammed Shtayyeh".
            and any(
                m.name == first_names[surname_key(core[0])] and words[last_title] in m.title.split()
                for m in mentions
            )
        ):
            # "Sir Geoffrey", after "Sir Geoffrey Allard"; "Sheikh Mansour": by the given name.
            mentions.append(
                Mention(person_start, end, "person", first_names[surname_key(core[0])], possessive)
            )
        elif (len(core) == 1 or person[0].lower() in PARTICLES) and key in full_names:
            # "Ferreira", "De Sousa Ferreira", "Mac Giolla Rua": the full name given before.
            mentions.append(Mention(person_start, end, "person", full_names[key], possessive))
            # "Senator McConnell": a later "the senator" may mean him.
            mentions[-1].title = " ".join(words[: last_title + 1])
        elif len(core) == 1 and len(person) > 1:
            # "Van Hoorn said", before or without the full name: the surname with its particle.
            surnames.append(Mention(person_start, end, "person", " ".join(person), possessive))
            mentions.append(surnames[-1])
        elif (
            last_title >= 0
            or honorific  # "Mrs Mensah", "Mr Boateng": a person, even by surname alone
            # "Lindqvist, the Green Alliance leader,": an apposition, whatever it capitalises.
            or re.match(
                r",\s+(?:the|a|an)\s+(?:[a-z][\w-]*|(?:[A-Z][\w-]*\s+){1,3}[a-z][\w-]*"
                r"(?:\s+[a-z][\w-]*){0,2},)|(?:,\s+for\s+(?:his|her|its|their)\s+part,)?"
                r"\s+(?:(?:later|also|then|again|earlier)\s+)?(?:has\s+|had\s+)?"
                r"(?:said|says|told|added|described|called|warned|insisted|argued|dismissed|"
                r"accused|replied)\b",
                after,
            )
        ) and not (
            re.search(r"\b(?:in|at|on|from|to|for|with|by|of)\s+$", before.lower())
            # "Secretary of State Albright": the "of" is the title's.
            and not (
                words[last_title]
                in {"State", "Defense", "Defence", "Interior", "Finance", "Energy"}
                and _TITLE_OF.search(masked, max(0, start - 30), start)
            )
        ):
            # A surname given only once with a title or apposition ("Lindqvist, the ... leader").
            full_names.setdefault(key, person[0])
            mentions.append(Mention(person_start, end, "person", person[0], possessive))
            mentions[-1].title = " ".join(words[: last_title + 1])
            if _TITLE_OF.search(masked, max(0, start - 30), start):
                mentions[-1].title = _TITLE_OF.search(masked, max(0, start - 30), start)[1] + (
                    " of " + mentions[-1].title
                )
            surnames.append(mentions[-1])
        else:
            continue
        if honorific:
            genders[mentions[-1].name] = "f" if honorific in {"Ms", "Mrs", "Miss"} else "m"

    # "A fish seller, who gave only her first name, Rosa,": a person by one name.
    taken = [(m.start, m.end) for m in mentions]
    for match in _FIRST_NAME_ONLY.finditer(masked):
        if not overlaps(taken, match.start("name"), match.end("name")):
            where = match.span("name")
            mentions.append(Mention(*where, "person", match["name"]))
            genders[match["name"]] = "f" if match["whose"] == "her" else "m"

    # "Aminata sells onions and dried fish": a person known by one name (the caller's list has
    # them), whom no rule above can tell from a capitalised word.
    single = sorted({name for name, _ in known if " " not in name and name[:1].isupper()})
    taken = sorted((m.start, m.end) for m in mentions)
    if single:
        alternatives = "|".join(map(re.escape, single))
        for match in re.finditer(rf"(?<![-'’\w])(?:{alternatives})\b(?![-'’]\w)", masked):
            name = match.group()
            if not overlaps(taken, match.start(), match.end()) and not re.search(
                # "Flanked by Secretary Rumsfeld": a title's or a preposition's, as above.
                r"(?:\b(?:in|at|on|from|to|for|with|by|of)|[A-Z][\w.]*)\s+$",
                masked[max(0, match.start() - 30) : match.start()],
            ):
                possessive = masked[match.end() : match.end() + 2] in {"'s", "’s"}
                mentions.append(Mention(match.start(), match.end(), "person", name, possessive))

    # Later surname-only mentions seen before the full name was known.
    for mention in surnames:
        mention.name = full_names.get(surname_key(mention.name.split()[-1]), mention.name)

    for match in re.finditer(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|him)\b", masked):
        gender = "f" if match.group().lower() in {"she", "her"} else "m"
        mentions.append(
            Mention(match.start(), match.end(), "pronoun", match.group().lower(), False, gender)
        )
    orgs = [(m.start, m.end) for m in mentions if m.kind == "org"]
    # "the farmers' union": a plural possessive may be part of the name.
    for match in re.finditer(rf"\b[Tt]he\s+((?:[a-z-]+['’]?\s+){{0,2}}(?:{ORG_NOUNS}))\b", masked):
        if overlaps(orgs, match.start(1), match.start(1) + 1):
            continue
        named = _NAMED_AFTER_NOUN.match(masked, match.end())
        if (
            named
            and not overlaps(orgs, named.start(1), named.end(1))
            and named.group(1).split()[0] not in TITLES
        ):
            # "The shipping company Holm & Tessen": the name, which a later "the company" means.
            mentions[:] = [
                m
                for m in mentions
                if not (m.kind == "person" and named.start(1) <= m.start < named.end(1))
            ]
            mentions.append(Mention(match.start(), named.end(1), "org", named.group(1)))
            mentions[-1].title = match.group(1)
        else:
            mentions.append(Mention(match.start(), match.end(), "org", match.group(1)))
    mentions.extend(_initials(masked, mentions))
    for a, b in headings:
        mentions.extend(_headed_bodies(headed, a, b))
    mentions.extend(anonymous_sources(masked, mentions))
    mentions.sort(key=lambda m: m.start)
    mentions.extend(_titled_people(masked, mentions, list(known)))
    mentions.sort(key=lambda m: m.start)
    _delayed_identification(masked, mentions)
    _pseudonyms_unnamed(masked, mentions)
    for mention in mentions:
        # "Billene Seyoum, the prime minister's spokeswoman", "spokesman Ivo Strand".
        if mention.kind == "person" and mention.name not in genders:
            word = _GENDERED_AFTER.match(masked, mention.end) or _GENDERED_BEFORE.search(
                masked, max(0, mention.start - 30), mention.start
            )
            if word:
                genders[mention.name] = "f" if word.group(1) in _FEMININE else "m"
            elif gender_of_given_name(mention.name):
                # "host Owen Marsh", "Nadia Lind": a first name that says it.
                genders[mention.name] = gender_of_given_name(mention.name)
    entities = Entities(mentions, genders, known=list(known), masked=masked)
    _learn_genders(entities, sentence_spans, masked)
    entities.subjects = [
        s for s in (subject_of(entities, masked, a, b) for a, b in sentence_spans) if s
    ]
    return entities


# A factbox's heading in capitals, on a line of its own: "INTERNATIONAL RELIEF FEDERATION".
_CAPITAL_HEADING = re.compile(
    r"^[ \t]*((?:[A-Z][A-Z'’&.-]*[ \t]+){0,5}[A-Z][A-Z'’&.-]*)[ \t]*$", re.M
)
_SMALL_WORDS = {"Of", "And", "For", "On", "The", "In"}
# Headings that are about a body, not its name: "WHAT THE COMMITTEE FOUND", "ABOUT THE WHO".
_NOT_A_NAME = {
    "What", "About", "How", "Why", "Where", "When", "Who", "Reaction", "Reactions", "Response",
    "Inside", "Behind", "More", "Background", "From", "Before", "After", "At",
}  # fmt: skip


def _headed_bodies(masked: str, start: int, end: int) -> list[Mention]:
    """Bodies a factbox names in its headings, so that "The Federation said" below one is it."""
    found = []
    for match in _CAPITAL_HEADING.finditer(masked, start, end):
        printed = match.group(1).split()
        words = [w.capitalize() for w in printed]
        if words[0] == "The":
            words, printed = words[1:], printed[1:]
        # The whole heading is the name: it ends in a body's noun ("... FEDERATION", not
        # "HEALTH MINISTRY RESPONDS", "SUPREME COURT DECISION").
        if len(words) < 2 or words[-1] not in ORG_WORDS or words[0] in _NOT_A_NAME:
            continue
        name = " ".join(
            w.lower() if i and w in _SMALL_WORDS else (p if len(p) <= 3 else w)  # "UN", "EU"
            for i, (w, p) in enumerate(zip(words, printed, strict=True))
        )
        found.append(Mention(match.start(1), match.end(1), "org", name))
    return found


# "A mother who asked to be identified only as Lina": a name given in place of the real one, so
# the person stays unnamed (not "a student who gave her name only as Amaka", a name she gave, nor
# "a protester identified only as Ahmed", part of a real name as wire copy gives it).
_PSEUDONYM_BEFORE = re.compile(r"\basked\s+to\s+be\s+identified\s+only\s+(?:as|by)\s+$")


def _pseudonyms_unnamed(masked: str, mentions: list[Mention]) -> None:
    """Every mention of a person the text names only by a pseudonym becomes an unnamed source."""
    pseudonyms = {
        m.name
        for m in mentions
        if m.kind == "person"
        and " " not in m.name
        and _PSEUDONYM_BEFORE.search(masked, max(0, m.start - 50), m.start)
    }
    for index, mention in enumerate(mentions):
        if mention.kind == "person" and mention.name in pseudonyms:
            mentions[index] = Mention(mention.start, mention.end, "anon", ANON)


_HOLDER_NOUN = (
    r"(?:boss|chief|head|leader|chair(?:man|woman|person)?|spokes(?:man|woman|person)|director|"
    r"president|secretary)\b"
)


def _initials(masked: str, mentions: list[Mention]) -> list[Mention]:
    """ "The Movement for Democratic Change (MDC) ... The MDC said": a body's initials, printed
    after its full name, are that body wherever they stand alone."""
    found: list[Mention] = []
    taken = sorted((m.start, m.end) for m in mentions)
    named: dict[str, str] = {}
    for mention in mentions:
        words = [w for w in mention.name.split() if w[:1].isupper()]
        if mention.kind == "org" and len(words) >= 2:
            initials = "".join(w[0] for w in words)
            if re.search(rf"\(\s*{initials}\s*\)", masked[mention.end : mention.end + 12]):
                named.setdefault(initials, mention.name)
                continue
            # "the UN Refugee Agency (UNHCR)": an abbreviation in brackets straight after the name,
            # whatever its letters.
            bracketed = re.match(
                r"\s*\(\s*([A-Z][A-Z0-9]{1,9})\s*\)", masked[mention.end : mention.end + 16]
            )
            if (
                bracketed
                # Not a country's code ("The Refugee Council (UK)"): an abbreviation of the name,
                # which starts as the name does.
                and bracketed.group(1)[0] == words[0][0]
                and bracketed.group(1) not in {"UK", "US", "USA", "EU", "UN", "AU", "UAE", "DRC"}
            ):
                named.setdefault(bracketed.group(1), mention.name)
    if not named:
        return found
    for mention in mentions:
        if mention.kind == "org" and mention.name in named:
            mention.name = named[mention.name]  # a later "UNHCR says" found on its own
    # One search for all of them (a text of many bodies stays linear); not "the NEC boss": a
    # title, whose holder is a person.
    alternatives = "|".join(sorted(map(re.escape, named), key=len, reverse=True))
    pattern = rf"\b(?:{alternatives})\b(?!\s*\)|\s+{_HOLDER_NOUN})"
    for match in re.finditer(pattern, masked):
        if not overlaps(taken, match.start(), match.end()):
            possessive = masked[match.end() : match.end() + 2] in {"'s", "’s"}
            found.append(
                Mention(match.start(), match.end(), "org", named[match.group()], possessive)
            )
    return found


# Between a title and the name it introduces: "The ambassador in Aldoria City, Dr Hana Kovalenko",
# "the movement's deputy leader abroad, Omar al-Rashidi".
_APPOSITION = re.compile(
    # The rest of an organisation's name first ("the leader of the Farmers' League, ...").
    r"(?:['’]s?)?(?:\s+[A-Z][\w-]*){0,3}"
    r"(?:\s+(?:in|to|at|for|of|on|abroad)\b[^,.;:~]{0,40}?)?,?\s+"
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame|General|Colonel|Admiral|President|Prime\s+Minister|"
    r"(?:[A-Z][a-z]+\s+)?Minister|Senator|Governor|Ambassador|King|Queen)\.?\s+)?"
    # "the official spokesman of the Ministry ..., His Excellency Sultan bin Ahmed Al Jaraidi".
    r"(?:(?:His|Her)\s+(?:Royal\s+)?(?:Highness|Excellency|Majesty)\s+(?:(?:Sheikh|Dr)\.?\s+)?)?"
)


_MEETING_OF_STATES = re.compile(
    r"Security Council|General Assembly|United Nations|\bU\.?N\.?\b|\bdelegations?\b|"
    r"\bmember states\b"
)
_DELEGATE = re.compile(
    r"\brepresentative\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
    r"|^(?:the\s+)?(?P<owner>[A-Z][\w'’-]+)['’]s\s+representative$"
)
_BRACKETED_NAME = re.compile(r"\s+(?:for|of)\s+[^()~.;]{1,80}\(")


def _titled_people(
    masked: str, mentions: list[Mention], known: list[tuple[str, list[str]]]
) -> list[Mention]:
    """A person mention for each title standing for someone ("the prime minister said")."""
    people = [m for m in mentions if m.kind == "person"]
    people_starts = [m.start for m in people]
    # Only at a UN or similar meeting does "the representative of X" speak for a country.
    at_the_un = bool(_MEETING_OF_STATES.search(masked))
    taken = [(m.start, m.end) for m in mentions if m.kind != "pronoun"]
    found: list[Mention] = []
    for start, end, core, qualifiers, printed in titled_phrases(masked):
        role_start = end - len(printed.split()[-1])
        if overlaps(taken, role_start, end):
            continue
        later = bisect_left(people_starts, end)
        named = next(
            (
                m
                for m in people[later : later + 3]
                if m.start - end <= 80 and _APPOSITION.fullmatch(masked[end : m.start])
            ),
            None,
        )
        named = named or next(
            (
                m
                for m in people[later : later + 3]
                if m.start - end <= 90 and _BRACKETED_NAME.fullmatch(masked[end : m.start])
            ),
            None,
        )
        if named:
            # "Velmora's prime minister, Roksana Hrytsenko": the title introduces the name; so
            # does a name in brackets ("The spokesman for the Rally (Kin-Kiey Mulumba)").
            named.title = named.title or printed
            continue
        apposed = people[later - 1] if later else None
        if (
            apposed
            and re.fullmatch(r",\s+", masked[apposed.end : start])
            # Closed by a comma or the sentence's end ("..., Rumsfeld, the shaikh told" is a
            # subject after an opening clause).
            and masked[end : end + 1] in {",", ".", ";"}
            and not apposed.possessive
            and re.match(r"(?:the|a|an)\s", printed, re.I)
        ):
            # "Ingrid Aalvik, the health minister,": the title describes the name before it,
            # and a later "the health minister" is her.
            apposed.title = apposed.title or printed
            continue
        introduced = [
            (m.name, [" ".join(titles_words(m.title or _rank_before(masked, m.start)))])
            for m in people[max(0, later - 50) : later]
            if (m.title or _rank_before(masked, m.start)) and m.end < start
        ]
        name = holder(core, qualifiers, known)
        if name is None and known:
            # Two holders fit ("the minister" with ministers of education and of finance): the
            # one the text named last before the title is the one it means.
            fitting = {person[0] for person in known if holder(core, qualifiers, [person])}
            mentioned = [m.name for m in people[:later] if m.end < start and m.name in fitting]
            name = mentioned[-1] if len(fitting) > 1 and mentioned else None
        if name is None and introduced:
            # The latest person the text itself introduced with this title.
            for candidate in reversed(introduced):
                name = holder(core, qualifiers, [candidate])
                if name:
                    break
        if name is None and re.search(r"\bspokes(?:man|woman|person)$", printed):
            # "The Taliban spokesman said", never named: an unnamed source, as "a spokesman" is.
            found.append(Mention(start, end, "anon", ANON))
            continue
        delegate = name is None and at_the_un and _DELEGATE.search(printed)
        if delegate:
            # "the representative of Ossoria", "Corvenia's representative": a delegation speaks
            # for its country, as UN meetings coverage credits it.
            found.append(Mention(start, end, "person", delegate["of"] or delegate["owner"]))
            found[-1].title = printed
            continue
        # Unresolved, the title as printed is the speaker, but no pronoun is taken to mean it.
        found.append(Mention(start, end, "person" if name else "title", name or printed))
    return found


_RANK_BEFORE = re.compile(r"\b(?:Adm|Gen|Col|Admiral|General|Colonel)\.?\s+$")


def _rank_before(masked: str, start: int) -> str:
    """A rank printed before a name ("Navy Adm. Mike Mullen"), which a later "the admiral" means."""
    rank = _RANK_BEFORE.search(masked, max(0, start - 12), start)
    return rank.group() if rank else ""


_DEMONYM_WORD = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|ish|i|ic)")
_HONORIFICS_BEFORE = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Adm", "Col", "Capt", "Lt",
    "Maj", "Sgt", "Rev", "Hon",
}  # fmt: skip


def _surnames_printed(masked: str, known: list[tuple[str, list[str]]]) -> set[str]:
    """Capitalised words the text prints after a given name, an initial or an honorific
    ("Lawrence H. Summers", "Éric Peters", "Mr. Sanders"), and the known people's surnames: so
    "Summers said" is a person, not a trade in the plural. One pass over the words."""
    printed = {name.split()[-1] for name, _ in known if name.split()}
    words = masked.split()
    for before, word in pairwise(words):
        opens_a_name = before[:1].isupper() and (
            before[-1:] not in ".!?:;,\"”’'"
            or bool(re.fullmatch(r"[A-Z]\.", before))  # "Lawrence H. Summers"
            or before.rstrip(".") in _HONORIFICS_BEFORE  # "Mr. Sanders", not "the U.S. Investors"
        )
        if opens_a_name and word[:1].isupper():
            printed.add(word.strip(".,;:!?\"”’'()"))
    return printed


def _delayed_identification(masked: str, mentions: list[Mention]) -> None:
    """A lede's "A top lawmaker says ..." followed by a paragraph that opens by introducing
    "Senate Majority Leader Mitch McConnell" describes that person before naming him (news
    style's delayed identification). Only a described person (not an official or a source, who
    stay unnamed), only in the first two paragraphs, and only for a person introduced with a
    title at the start of the next paragraph and named nowhere before."""
    for mention in mentions:
        if mention.kind != "anon" or mention.title != DESCRIBED:
            continue
        if masked.count("\n", 0, mention.start) > 2 or not masked[: mention.start].strip():
            continue
        newline = masked.find("\n", mention.end)
        if newline == -1:
            return
        following = masked[newline:].lstrip()
        opening = len(masked) - len(following)
        first = next(
            (m for m in mentions if opening <= m.start < opening + 60 and m.kind == "person"),
            None,
        )
        if (
            first
            and first.title
            and not any(m.name == first.name for m in mentions if m.start < mention.start)
        ):
            mention.kind, mention.name, mention.title = "person", first.name, ""


_FEMININE = {
    "spokeswoman", "chairwoman", "businesswoman", "congresswoman", "wife", "mother", "daughter",
    "widow", "sister", "grandmother", "queen", "princess", "actress",
}  # fmt: skip
_MASCULINE = {
    "spokesman", "chairman", "businessman", "congressman", "husband", "father", "son", "widower",
    "brother", "grandfather", "king", "prince",
}  # fmt: skip
_GENDERED = "(" + "|".join(sorted(_FEMININE | _MASCULINE, key=len, reverse=True)) + ")"
# The gendered noun ends the apposition ("Sara Lind, the king's chief adviser" says nothing of her).
_GENDERED_AFTER = re.compile(
    rf",\s+(?:the|a|an|his|her|their)\s+[^,~.]{{0,40}}?\b{_GENDERED}\b(?!['’])\s*[,.;]"
)
_GENDERED_BEFORE = re.compile(rf"\b{_GENDERED}\s+(?:[A-Z]\w*\.?\s+)?$")
# After an object pronoun ("accused her at the time"), not a possessive one ("continued her tour").
_OBJECT_AFTER = re.compile(
    r"\s*(?:[,.;:!?~\"”]|$|(?:at|of|to|for|with|in|on|that|as|and|about|from|by|after|before|"
    r"over|into|again|last|this|yesterday|today|during|when|while|because)\b)"
)
# A verb in the past or the present ("accused her", "pushes her on"), not a word that merely ends
# in s ("was her", "as her", "this").
_AFTER_A_VERB = re.compile(
    r"\b(?!(?:is|was|has|as|does|his|this|its|thus|plus|less|unless|us|yes|perhaps|always|"
    r"sometimes|towards|besides|whereas|across|news|analysis|crisis)\b)"
    r"(?:[a-z]+ed|[a-z]+[^s\W]s|told|tells|gave|gives|met|meets|sent|left)\s+$"
)


def _learn_genders(entities: Entities, sentence_spans: list[tuple[int, int]], masked: str) -> None:
    """Vote each person's gender from the pronouns that follow their mentions closely."""
    votes: dict[str, dict[str, int]] = {}
    opposite: dict[str, str] = {}  # the gender a person's own object pronoun rules out
    starts = [a for a, _ in sentence_spans]
    for index, mention in enumerate(entities.mentions):
        if mention.kind != "pronoun":
            continue
        if mention.name in {"her", "him"} and _AFTER_A_VERB.search(
            masked, max(0, mention.start - 20), mention.start
        ):
            # "Kasimir Oduya accused her of ...": an object is somebody else, so the subject
            # just before is not of the object's gender.
            subject = next(
                (
                    m
                    for m in reversed(entities.mentions[max(0, index - 4) : index])
                    # (Not a possessive: "Gauff's father coaches her" is about Gauff.)
                    if m.kind == "person" and not m.possessive and mention.start - m.end < 60
                ),
                None,
            )
            if subject and _OBJECT_AFTER.match(masked, mention.end):
                opposite.setdefault(subject.name, "m" if mention.name == "her" else "f")
            continue
        if mention.name == "him":
            continue
        sentence = max(0, bisect_left(starts, mention.start + 1) - 1)
        window_start = starts[max(0, sentence - 1)] if starts else 0
        for back in range(index - 1, -1, -1):
            previous = entities.mentions[back]
            if previous.start < window_start:
                break
            if previous.kind == "anon":
                break  # "One fisherman ..., who gave only his first name": the unnamed one's
            if previous.kind == "person":
                tally = votes.setdefault(previous.name, {"m": 0, "f": 0})
                tally[mention.gender or "m"] += 1
                break
    # An object pronoun outweighs the pronouns that merely follow a name (which may mean
    # somebody else); a first name that says the gender outweighs both ("Oprah Winfrey
    # introduces her": one woman introducing another).
    for name, tally in votes.items():
        if name not in entities.genders and name not in opposite and tally["m"] != tally["f"]:
            entities.genders[name] = "m" if tally["m"] > tally["f"] else "f"
    for name, gender in opposite.items():
        entities.genders.setdefault(name, gender)


# "An email sent on April 3 by Lena Marsh-Obi": a document whose writer speaks through it.
WRITTEN_BY = re.compile(
    r"\s*(?:An?|The|This|That)\s+(?:[\w-]+\s+)?(?:e-?mail|letter|memo|memorandum|note|message|"
    r"text message|post)\s+(?:sent|written|signed|drafted|posted)\b[^,~]{0,60}?\bby\s+"
)


# A participle clause, then its copula, before the subject: "Also briefing the Council was ".
_INVERTED_SUBJECT = re.compile(
    r"(?:Also\s+|Among\s+them\s+)?[A-Z]?[a-z]+ing\b[^,.~]{0,80}?\s+(?:was|were)\s+"
)


def subject_of(entities: Entities, masked: str, start: int, end: int) -> Mention | None:
    """The first non-possessive mention of a sentence, after an opening participle clause."""
    text = masked[start:end]
    dateline = DATELINE.match(text)
    if dateline:
        # "KASTELHOLM, June 3 (Ledger) - Brennholt Shipping expects ...": the subject follows.
        start += dateline.end()
        text = masked[start:end]
    lead = re.match(
        r"(?:Asked|Speaking|Pressed|In|At|On|After|Before|During|For|With|Campaigning|Writing|"
        # Any opening participle: "Reacting, the minister ...", "Responding to the charge, ...".
        r"Meanwhile|Reacting|Responding|Replying|Commenting|Referring|Turning|Noting|Addressing|"
        r"Testifying|Appearing|Looking|Recalling|Citing|Echoing|Defending|Announcing|Briefing|"
        r"Without|Despite|Amid|Following|Unlike|Under)"
        r"\b[^,]{0,120},\s*",
        text,
    )
    if lead:
        start += lead.end()
    inverted = _INVERTED_SUBJECT.match(masked, start, end)
    if inverted:
        # "Also briefing the Council was Nadira Sulevic, director of ...": the subject comes
        # after its verb.
        named = next((m for m in entities.within(inverted.end(), end) if m.kind == "person"), None)
        if named and named.start == inverted.end():
            return named
    written = WRITTEN_BY.match(masked, start, end)
    if written:
        author = next((m for m in entities.within(written.end(), end) if m.kind == "person"), None)
        if author and author.start == written.end():
            return author
    inside = entities.within(start, end)
    for index, mention in enumerate(inside):
        if mention.possessive or mention.name in {"his", "her", "him"}:
            continue
        if _COMPLEMENT.search(masked, max(start, mention.start - 40), mention.start):
            continue  # "The leader of the Homeland Party, Omar bin Khalid,": not the subject
        named = next((m for m in inside[index + 1 :] if m.kind == "person"), None)
        if (
            mention.kind != "person"
            and named
            and (
                _APPOSED.fullmatch(masked, mention.end, named.start)
                # "County Executive Committee Member for Trade Grace Akinyi Odera said": a body
                # whose name ends in a title, the title's field, then its holder.
                or (
                    mention.name.split()[-1] in TITLES
                    and _FIELD_BEFORE_NAME.fullmatch(masked, mention.end, named.start)
                )
                # "Maritime Affairs and Fisheries Minister Wahyudin said": the title's fields.
                or _TITLE_AFTER_FIELDS.fullmatch(masked, mention.end, named.start)
            )
        ):
            return named  # "the party leader, Ana Mol, said": the name in apposition
        sayer = next(
            (
                m
                for m in inside[index + 1 : index + 4]
                if m.kind == "person"
                and _CLOSED_BEFORE.search(masked, max(mention.end, m.start - 8), m.start)
                and _SAYS_AFTER.match(masked, m.end, min(end, m.end + 30))
            ),
            None,
        )
        # 'The senator "is entitled to his opinion," Castaneda said': who said it.
        return sayer or mention
    return None


# A quotation's closing mark, and a verb of saying after a name.
_CLOSED_BEFORE = re.compile(r"~[.!?]?[\"”’']\s*,?\s*$")
_SAYS_AFTER = re.compile(r"\s+(?:also\s+)?(?:said|says|added|adds|told|tells|insisted|argued)\b")


_TITLE_AFTER_FIELDS = re.compile(
    r"(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3}\s+(?:Minister|Secretary|Commissioner|Director)\s+"
)
_FIELD_BEFORE_NAME = re.compile(
    r"(?:\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,2})?\s+"
)
# "the party leader, Ana Mol, said", "TPLF spokesperson Getachew Reda denied".
_APPOSED = re.compile(
    r"(?:[\w'’ -]{0,30},\s+|\s+(?:[a-z]+\s+){0,2}?(?:spokes\w+|official|minister|leader|"
    r"commander|chief|director|president|secretary|ambassador|envoy|adviser|advisor|"
    r"chair(?:man|woman)?)\s+"
    # A service and the rank: "Marine Corps four star General Peter Pace".
    r"|\s+(?:[a-z-]+\s+){0,3}?(?=(?:General|Gen|Admiral|Adm|Colonel|Col|Major|Maj|Captain|"
    r"Capt|Lieutenant|Lt|Sergeant|Sgt|Brigadier|Brig)\.?\s))"
    # A demonym: "The representative in Valtierra, the Uruguayan Martín Echegoyen,".
    rf"(?:the\s+(?=[A-Z]){_DEMONYM}\s+)?"
    # A rank or honorific before the name: "commander Major Ismail Abdimalik".
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Major|Maj|General|Gen|Colonel|Col|Captain|Capt|Lt|Brig|Adm|Sgt|"
    # "Pentagon spokesman Navy Capt. Michael Doubleday": the service before the rank.
    r"Navy|Army|Marine|Marines|Rear|Vice|Admiral|Cmdr|Commander|Lieutenant|Brigadier-General|"
    r"Major-General|Lieutenant-General|Lieutenant-Colonel|Rear-Admiral|Vice-Admiral)"
    r"\.?\s+)*"
)


# A mention after a preposition completes a noun ("the leader of the ... Party"): no subject.
_COMPLEMENT = re.compile(r"\b(?:of|for|in|at|from|with|to|by|on|near)\s+(?:[a-z][\w-]*\s+){0,2}$")
