"""The form behind each "Accept as draft quote" button of the Suggest quotes page: the speaker
choice and the completions the page proposed (about, a new speaker's role, a candidacy), as
the editor left them. The page draws the fields itself (one select of speakers for every row,
read once); this form only reads and checks what was posted."""

from django import forms

from ..ids import parse_id
from ..models import Candidacy, Election, Speaker
from ..suggestions import Completion


class AcceptForm(forms.Form):
    speaker = forms.CharField(required=False)
    about = forms.CharField(required=False)
    role_title = forms.CharField(max_length=200, required=False, strip=True)
    role_organisation = forms.CharField(max_length=200, required=False, strip=True)
    add_candidacy = forms.BooleanField(required=False)
    election = forms.CharField(required=False)
    office = forms.CharField(max_length=200, required=False, strip=True)
    party = forms.CharField(max_length=200, required=False, strip=True)
    ticket_position = forms.ChoiceField(choices=Candidacy.TicketPosition.choices, required=False)

    def clean_about(self) -> Speaker | None:
        value = self.cleaned_data["about"]
        if not value.strip():
            return None
        speaker_id = parse_id(value)
        speaker = Speaker.objects.filter(pk=speaker_id).first() if speaker_id else None
        if speaker is None:
            raise forms.ValidationError(
                "The person chosen for “about” does not exist (it may have been deleted)."
            )
        return speaker

    def clean(self):
        data = super().clean()
        if data.get("role_organisation") and not data.get("role_title"):
            self.add_error("role_title", "A role needs a title as well as a party.")
        data["election_object"] = None
        if data.get("add_candidacy"):
            election_id = parse_id(data.get("election", ""))
            election = Election.objects.filter(pk=election_id).first() if election_id else None
            if election is None and not self.has_error("election"):  # e.g. a NUL in it
                self.add_error("election", "Choose the election the candidacy is in.")
            if not data.get("office"):
                self.add_error("office", "Name the office sought, for example President.")
            data["election_object"] = election
        return data

    def completion(self) -> Completion:
        """The cleaned values, for stances.suggestions.accept."""
        data = self.cleaned_data
        return Completion(
            about=data.get("about"),
            role_title=data.get("role_title", ""),
            role_organisation=data.get("role_organisation", ""),
            election=data.get("election_object"),
            office=data.get("office", ""),
            party=data.get("party", ""),
            ticket_position=data.get("ticket_position") or Candidacy.TicketPosition.HEAD,
        )

    def problems(self) -> str:
        """Every error, one sentence each, for the page's message."""
        return " ".join(message for errors in self.errors.values() for message in errors)
