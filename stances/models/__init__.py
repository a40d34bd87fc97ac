"""The evidence model: who spoke, what they said, where it was reported and what it means."""

from .people import Candidacy, Election, OtherName, Speaker, SpeakerRole
from .positions import PositionSummary
from .quotes import Quote, StanceTag
from .suggestions import QuoteSuggestion
from .tasks import TaskRun
from .topics import Stance, Topic

__all__ = [
    "Candidacy",
    "Election",
    "OtherName",
    "PositionSummary",
    "Quote",
    "QuoteSuggestion",
    "Speaker",
    "SpeakerRole",
    "Stance",
    "StanceTag",
    "TaskRun",
    "Topic",
]
