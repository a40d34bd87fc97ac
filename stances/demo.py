"""Demo data: the facts of the seed article (2024-11-05, Russia and the US election).

Every quote is verbatim from that article and attributed as it attributes it. The summary and all
descriptions are the editors' own words. The article does not name its outlet, so none is recorded.
"""

import datetime

D = datetime.date

ARTICLE = {
    "title": "What Russia gains and loses as Americans vote to elect their new president",
    "published_on": D(2024, 11, 5),
    "language": "en",
    "summary": (
        "Published on polling day, this piece sets out what Donald Trump and Kamala Harris had "
        "said about ending the war in Ukraine and about dealing with Vladimir Putin, and collects "
        "the answers that came back from Kyiv and Moscow. It also relays a Financial Times report, "
        "based on unnamed advisers, about what Trump's peace plan would contain."
    ),
}

SPEAKERS = [
    {
        "slug": "donald-trump",
        "name": "Donald Trump",
        "kind": "person",
        "description": "Republican candidate in the 2024 US election; president 2017–2021.",
        "wikidata_id": "Q22686",
        "roles": [
            {
                "title": "President of the United States",
                "organisation": "United States",
                "started_on": D(2017, 1, 20),
                "ended_on": D(2021, 1, 20),
            },
            {
                "title": "Republican presidential nominee",
                "organisation": "Republican Party",
                "started_on": D(2024, 7, 15),
                "ended_on": D(2024, 11, 5),
            },
        ],
    },
    {
        "slug": "kamala-harris",
        "name": "Kamala Harris",
        "kind": "person",
        "description": "Democratic candidate in the 2024 US presidential election; vice president.",
        "wikidata_id": "Q10853588",
        "roles": [
            {
                "title": "Vice President of the United States",
                "organisation": "United States",
                "started_on": D(2021, 1, 20),
                "ended_on": None,
            },
            {
                "title": "Democratic presidential nominee",
                "organisation": "Democratic Party",
                "started_on": D(2024, 8, 5),
                "ended_on": D(2024, 11, 5),
            },
        ],
    },
    {
        "slug": "jd-vance",
        "name": "JD Vance",
        "kind": "person",
        "description": "Donald Trump's running mate in 2024.",
        "wikidata_id": "Q28935729",
        # Names readers type too: the search finds the speaker by any of them.
        "other_names": [
            ("James David Vance", "full name"),
            ("J. D. Vance", "spelling"),
        ],
        "roles": [
            {
                "title": "Republican vice-presidential nominee",
                "organisation": "Republican Party",
                "started_on": D(2024, 7, 15),
                "ended_on": D(2024, 11, 5),
            },
        ],
    },
    {
        "slug": "volodymyr-zelensky",
        "name": "Volodymyr Zelensky",
        "kind": "person",
        "description": "President of Ukraine.",
        "wikidata_id": "Q3874799",
        # Names readers type too: the search finds the speaker by any of them.
        "other_names": [
            ("Zelenskyy", "transliteration"),
            ("Zelenskiy", "transliteration"),
            ("Volodymyr Zelenskyy", "transliteration"),
            ("Wolodymyr Selenskyj", "German transliteration"),
        ],
        "roles": [
            {
                "title": "President of Ukraine",
                "organisation": "Ukraine",
                "started_on": D(2019, 5, 20),
                "ended_on": None,
            },
        ],
    },
    {
        "slug": "dmitry-peskov",
        "name": "Dmitry Peskov",
        "kind": "person",
        "description": "The Kremlin's official spokesman.",
        "wikidata_id": "Q4158863",
        # Names readers type too: the search finds the speaker by any of them.
        "other_names": [
            ("Dmitri Peskov", "transliteration"),
            ("Dmitriy Peskov", "transliteration"),
        ],
        "roles": [
            {
                "title": "Kremlin spokesman",
                "organisation": "The Kremlin",
                "started_on": D(2012, 5, 22),
                "ended_on": None,
            },
        ],
    },
    {
        "slug": "vladimir-putin",
        "name": "Vladimir Putin",
        "kind": "person",
        "description": "President of Russia.",
        "wikidata_id": "Q7747",
        "roles": [
            {
                "title": "President of Russia",
                "organisation": "Russia",
                "started_on": D(2012, 5, 7),
                "ended_on": None,
            },
        ],
    },
    {
        "slug": "joe-biden",
        "name": "Joe Biden",
        "kind": "person",
        "description": "President of the United States at the time of the 2024 election.",
        "wikidata_id": "Q6279",
        # Names readers type too: the search finds the speaker by any of them.
        "other_names": [
            ("Joseph R. Biden", "full name"),
        ],
        "roles": [
            {
                "title": "President of the United States",
                "organisation": "United States",
                "started_on": D(2021, 1, 20),
                "ended_on": D(2025, 1, 20),
            },
        ],
    },
    {
        "slug": "the-kremlin",
        "name": "The Kremlin",
        "kind": "organisation",
        "description": "The Russian presidency, speaking as an institution.",
        "wikidata_id": "",
        "other_names": [],
        "roles": [],
    },
    {
        "slug": "russian-embassy-in-the-us",
        "name": "Russian Embassy in the US",
        "kind": "organisation",
        "description": "Russia's diplomatic mission in Washington.",
        "wikidata_id": "",
        "other_names": [],
        "roles": [],
    },
    {
        "slug": "russian-government",
        "name": "Russian government",
        "kind": "organisation",
        "description": "Statements the article attributes to 'the Russian authorities'.",
        "wikidata_id": "",
        "other_names": [],
        "roles": [],
    },
]

ELECTION = {
    "slug": "us-president-2024",
    "name": "2024 United States presidential election",
    "held_on": D(2024, 11, 5),
    "country": "US",
    "description": "Voters chose the president and the vice president of the United States.",
}

# (speaker slug, office, party, ticket position, running mate of (speaker slug), order)
CANDIDACIES = [
    ("donald-trump", "President", "Republican Party", "head", None, 1),
    ("kamala-harris", "President", "Democratic Party", "head", None, 2),
    ("jd-vance", "Vice President", "Republican Party", "running_mate", "donald-trump", 3),
]

TOPICS = [
    {
        "slug": "russia-ukraine-war",
        "name": "Russia-Ukraine war",
        "description": "How the war that began with Russia's full-scale invasion should end.",
        "order": 1,
        "stances": [
            ("end-the-war-quickly-by-a-deal", "End the war quickly through a negotiated deal"),
            ("keep-military-aid-to-ukraine", "Keep sending military aid to Ukraine"),
            ("give-ukraine-a-say", "Give Ukraine a say in any settlement"),
            ("freeze-the-front-line", "Freeze the war with a demilitarised zone on the front line"),
            ("guarantee-ukrainian-neutrality", "Guarantee Ukraine's neutral status"),
            (
                "revise-the-minsk-agreements",
                "Base a settlement on a revision of the Minsk agreements",
            ),
            ("european-troops-monitor-a-deal", "Have European troops monitor a settlement"),
            ("cede-territory-for-peace", "Cede Ukrainian territory to Russia for peace"),
        ],
    },
    {
        "slug": "relations-with-russia",
        "name": "Relations with Russia",
        "description": "How Washington should deal with Moscow and with Vladimir Putin.",
        "order": 2,
        "stances": [
            ("talk-directly-with-putin", "Talk directly with Putin about ending the war"),
            ("good-relations-with-putin", "Seek good relations with Putin"),
        ],
    },
]

TRUMP_PLAN_SOURCES = "unnamed Trump advisers, cited by the Financial Times"

# Each quote: a key (for responds_to), kind, text, speaker, attribution as printed, about,
# responds_to (key), and tags as (stance slug, alignment). Said-on dates are unknown unless given.
QUOTES = [
    {
        "key": "trump-24-hours",
        "kind": "direct",
        "text": (
            "I will literally call two people the same night that I am announced as the winner: "
            "Putin and Zelensky. <…> We will make a deal within 24 hours"
        ),
        "speaker": "donald-trump",
        "attribution": "Trump said",
        "tags": [
            ("end-the-war-quickly-by-a-deal", "supports"),
            ("talk-directly-with-putin", "supports"),
        ],
    },
    {
        "key": "trump-quick-end",
        "kind": "paraphrase",
        "text": "he will quickly end the conflict in Ukraine should he return to the Oval Office",
        "speaker": "donald-trump",
        "attribution": "Trump has repeatedly stated",
        "tags": [("end-the-war-quickly-by-a-deal", "supports")],
    },
    {
        "key": "plan-demilitarised-zone",
        "kind": "anonymous",
        "text": (
            "his plan involves the creation of a demilitarized zone along the current demarcation "
            "line between Russia and Ukraine"
        ),
        "speaker": None,
        "attribution": "It is believed (no source named)",
        "about": "donald-trump",
        "tags": [("freeze-the-front-line", "supports")],
    },
    {
        "key": "vance-neutrality",
        "kind": "paraphrase",
        "text": (
            "A guarantee of Kyiv's neutral status is also believed to be part of Trump's peace plan"
        ),
        "speaker": "jd-vance",
        "attribution": "vice presidential candidate James David Vance said",
        "about": "donald-trump",
        "tags": [("guarantee-ukrainian-neutrality", "supports")],
    },
    {
        "key": "ft-minsk",
        "kind": "anonymous",
        "text": "the plan was a revision of the Minsk agreements",
        "speaker": None,
        "attribution": TRUMP_PLAN_SOURCES,
        "about": "donald-trump",
        "tags": [("revise-the-minsk-agreements", "supports")],
    },
    {
        "key": "ft-enforcement",
        "kind": "anonymous",
        "text": "the plan will include mechanisms for enforcement and punishment for their failure",
        "speaker": None,
        "attribution": TRUMP_PLAN_SOURCES,
        "about": "donald-trump",
        "tags": [("revise-the-minsk-agreements", "neutral")],
    },
    {
        "key": "ft-european-troops",
        "kind": "anonymous",
        "text": '"European troops" will monitor the implementation of the agreements',
        "speaker": None,
        "attribution": f"It is assumed ({TRUMP_PLAN_SOURCES})",
        "about": "donald-trump",
        "tags": [("european-troops-monitor-a-deal", "supports")],
    },
    {
        "key": "zelensky-doubts",
        "kind": "paraphrase",
        "text": "he did not believe in Trump's ability to end the conflict",
        "speaker": "volodymyr-zelensky",
        "attribution": "Zelensky said",
        "responds_to": "trump-24-hours",
        "tags": [("end-the-war-quickly-by-a-deal", "neutral")],
    },
    {
        "key": "zelensky-territory",
        "kind": "paraphrase",
        "text": "Ukraine does not agree to accept Trump's idea to cede territories to Russia",
        "speaker": "volodymyr-zelensky",
        "attribution": "Zelensky said",
        "responds_to": "plan-demilitarised-zone",
        "tags": [("cede-territory-for-peace", "opposes")],
    },
    {
        "key": "kremlin-24-hours",
        "kind": "partial",
        "text": "nothing can be done within 24 hours",
        "speaker": "the-kremlin",
        "attribution": "The Kremlin also noted",
        "responds_to": "trump-24-hours",
        "tags": [("end-the-war-quickly-by-a-deal", "neutral")],
    },
    {
        "key": "kremlin-condition",
        "kind": "paraphrase",
        "text": (
            "unless the newly elected president could say during the inauguration ceremony that "
            "the United States was shutting down its military aid to Ukraine and calling on the "
            "parties to negotiate"
        ),
        "speaker": "the-kremlin",
        "attribution": "The Kremlin also noted",
        "responds_to": "trump-24-hours",
        "tags": [("keep-military-aid-to-ukraine", "opposes")],
    },
    {
        "key": "peskov-by-the-morning",
        "kind": "direct",
        "text": "By the morning, something will then change in someone's brain, especially in Kyiv",
        "speaker": "dmitry-peskov",
        "attribution": "Kremlin's official spokesman Dmitry Peskov said",
        "responds_to": "trump-24-hours",
        "tags": [],
    },
    {
        "key": "harris-military-support",
        "kind": "paraphrase",
        "text": "the United States would continue supporting Ukraine, including militarily",
        "speaker": "kamala-harris",
        "attribution": "Kamala Harris, in turn, emphasized",
        "tags": [("keep-military-aid-to-ukraine", "supports")],
    },
    {
        "key": "harris-no-bilateral-meeting",
        "kind": "paraphrase",
        "text": (
            "she was not ready for a bilateral meeting with Putin to discuss ending the conflict "
            "in Ukraine"
        ),
        "speaker": "kamala-harris",
        "attribution": "She also said",
        "tags": [("talk-directly-with-putin", "opposes")],
    },
    {
        "key": "harris-ukraine-say",
        "kind": "paraphrase",
        "text": "Ukraine should have a say in its future",
        "speaker": "kamala-harris",
        "attribution": "According to her",
        "tags": [("give-ukraine-a-say", "supports")],
    },
    {
        "key": "trump-good-relations",
        "kind": "paraphrase",
        "text": "good relations with Putin during his time as US President",
        "speaker": "donald-trump",
        "attribution": "Trump has repeatedly spoken of",
        "tags": [("good-relations-with-putin", "supports")],
    },
    {
        "key": "trump-chess-player",
        "kind": "partial",
        "text": "world-class chess player",
        "speaker": "donald-trump",
        "attribution": "calling him [Putin]",
        "tags": [("good-relations-with-putin", "supports")],
    },
    {
        "key": "harris-killer-dictator",
        "kind": "partial",
        "text": "killer dictator",
        "speaker": "kamala-harris",
        "attribution": "She called Putin a",
        "tags": [("good-relations-with-putin", "opposes")],
    },
    {
        "key": "embassy-boorish-language",
        "kind": "partial",
        "text": (
            'the use of "boorish language" indicates "the impotence of the ruling circles in '
            'Washington."'
        ),
        "speaker": "russian-embassy-in-the-us",
        "attribution": "The Russian Embassy in the US said",
        "responds_to": "harris-killer-dictator",
        "tags": [],
    },
    {
        "key": "russia-domestic-instrument",
        "kind": "partial",
        "text": "instrument of domestic political struggle",
        "speaker": "russian-government",
        "attribution": "The Russian authorities believe that the US uses the Russian topic as an",
        "tags": [],
    },
    {
        "key": "peskov-putin-some-day",
        "kind": "direct",
        "text": (
            "President Putin said that perhaps a situation would arise some day in which the "
            "Americans would no longer have such a need to use our country as an instrument of "
            "political struggle and sacrifice our bilateral relations for [its] interests"
        ),
        "speaker": "dmitry-peskov",
        "attribution": "Peskov noted",
        "tags": [],
    },
    {
        "key": "putin-some-day",
        "kind": "paraphrase",
        "text": (
            "perhaps a situation would arise some day in which the Americans would no longer have "
            "such a need to use our country as an instrument of political struggle and sacrifice "
            "our bilateral relations for [its] interests"
        ),
        "speaker": "vladimir-putin",
        "attribution": "as recounted by Kremlin spokesman Dmitry Peskov",
        "tags": [],
    },
    {
        "key": "russia-us-involved",
        "kind": "paraphrase",
        "text": "the United States was involved in the conflict in Ukraine",
        "speaker": "russian-government",
        "attribution": "The Russian authorities have also repeatedly stated",
        "tags": [],
    },
    {
        "key": "peskov-key-in-washington",
        "kind": "direct",
        "text": (
            "All that is needed is a corresponding order from Washington to the Kyiv regime — and "
            "all this can be finished, but not in a day or two, of course. But the key to the Kyiv "
            "regime is largely in Washington's hands"
        ),
        "speaker": "dmitry-peskov",
        "attribution": "Peskov said",
        "tags": [("end-the-war-quickly-by-a-deal", "neutral")],
    },
    {
        "key": "peskov-biden-unwilling",
        "kind": "paraphrase",
        "text": "Joe Biden was unwilling to use that key",
        "speaker": "dmitry-peskov",
        "attribution": "Peskov said adding that",
        "about": "joe-biden",
        "tags": [],
    },
]

EDITOR_USERNAME = "editor"
EDITOR_PASSWORD = "stances-demo"
