"""The tag suggester's tokeniser: a quote's words as its similarity index compares them.

Words are lower-cased and stripped of punctuation; content tokens also leave out a short English
stop-word list and negations, and are lightly stemmed ("supporting" and "supports" meet). Short
quotes are also compared by the character trigrams of their content words.
"""

import re

# Function words carry no topic. Negations are left out of the vectors as well (every stance has
# quotes for and against it, so "not" would pull quotes towards other stances' opposing quotes);
# they are read separately as cues for the alignment.
STOP_WORDS = frozenset(
    """
    a about after again all also am an and any are as at be been before being both but by
    can could did do does doing each else even every for from further had has have having he
    her here hers him his how i if in into is it its itself just let me more most my now of
    on once only or other our ours ourselves own really same she should so some such than
    that the their theirs them then there these they this those through to too us very was
    we were what when where which while who whom why will with would you your yours
    yourselves said says say told according not no never nor cannot against
    """.split()  # noqa: SIM905 (as words, not a column of 130 lines)
)

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _stem(word: str) -> str:
    """A light suffix stripper, so that "supports", "supporting" and "supported" meet.

    Not Porter: a handful of English endings, applied in three passes. It only has to map a word's
    common forms onto one key; the key need not be a real word ("recognis", "negoti").
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    # Plurals and third person.
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    # Derivations and inflections; the longest matching ending wins.
    for suffix, replacement in (
        ("ication", "y"),
        ("ation", "ate"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("ly", ""),
        ("er", ""),
    ):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            word = stem + replacement
            if suffix in ("ing", "ed"):
                if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                    word = word[:-1]  # stopping -> stop
                elif word.endswith(("at", "is", "iz", "bl")):
                    word += "e"  # negotiating -> negotiate, so it meets negotiate(s)
            break
    # Endings that only vary the verb: negotiate -> negoti, recognise -> recognis.
    if word.endswith("ate") and len(word) > 6:
        word = word[:-3]
    elif word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lower-case words of a text, with curly apostrophes made straight and possessives dropped."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return [w.removesuffix("'s") for w in _WORD.findall(text)]


def tokens(text: str) -> list[str]:
    """Content tokens: words minus stop words, stemmed. What the TF-IDF vectors are made of."""
    return [_stem(w) for w in words(text) if w not in STOP_WORDS and not w.endswith("n't")]


def trigrams(text: str) -> frozenset[str]:
    """Character trigrams of the text's content words, each word padded with spaces."""
    grams: set[str] = set()
    for word in words(text):
        if word in STOP_WORDS or word.endswith("n't"):
            continue
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)
