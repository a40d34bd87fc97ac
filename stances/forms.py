"""Forms readers fill in: the free comparison and the running-mates toggle."""

from django import forms
from django.db.models import Exists, OuterRef, Q

from . import search
from .models import Candidacy, Quote, Speaker, Topic
from .widgets import FastCheckboxes

MIN_SPEAKERS = 2
MAX_SPEAKERS = 6


def public_speakers():
    """Speakers a reader may see: quoted in a published quote, or standing in an election."""
    published = Quote.objects.published()
    return Speaker.objects.filter(
        Q(Exists(published.filter(speaker=OuterRef("pk"))))
        | Q(Exists(published.filter(about=OuterRef("pk"))))
        | Q(Exists(Candidacy.objects.filter(speaker=OuterRef("pk"))))
    )


def mark_invalid_fields(form):
    """Points assistive technology from each invalid field to its error message."""
    for name in form.errors:
        if name in form.fields:
            attrs = form.fields[name].widget.attrs
            described_by = [attrs.get("aria-describedby", ""), f"{form[name].auto_id}-error"]
            attrs.update(
                {"aria-invalid": "true", "aria-describedby": " ".join(filter(None, described_by))}
            )


class SpeakerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, speaker):
        return speaker.name


class CompareForm(forms.Form):
    """Any 2 to 6 speakers and any topics, all kept in the URL so a link reproduces the view."""

    speakers = SpeakerChoiceField(
        queryset=public_speakers().order_by("name"),
        to_field_name="slug",
        widget=FastCheckboxes,
        help_text=f"Choose {MIN_SPEAKERS} to {MAX_SPEAKERS}.",
        error_messages={
            "required": f"Choose at least {MIN_SPEAKERS} speakers to compare.",
            "invalid_choice": (
                f"“%(value)s” is not a speaker we know. Choose {MIN_SPEAKERS} to {MAX_SPEAKERS} "
                "from the list."
            ),
        },
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        widget=FastCheckboxes,
        required=False,
        help_text="Leave all unticked to compare on every topic.",
        error_messages={"invalid_choice": "“%(value)s” is not a topic we know."},
    )

    def clean_speakers(self):
        speakers = self.cleaned_data["speakers"]
        if not MIN_SPEAKERS <= len(speakers) <= MAX_SPEAKERS:
            raise forms.ValidationError(
                f"Choose between {MIN_SPEAKERS} and {MAX_SPEAKERS} speakers "
                f"(you chose {len(speakers)})."
            )
        return speakers


class RunningMatesForm(forms.Form):
    running_mates = forms.BooleanField(required=False, label="Show running mates")


class SpeakerSearchForm(forms.Form):
    """The speakers list's name search: every word must be in the name or another name."""

    q = forms.CharField(
        label="Find a speaker",
        max_length=100,
        required=False,
        help_text="A name, or part of one; other spellings are found too.",
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "aria-describedby": "id_q-help"}
        ),
    )

    def words(self) -> list[str]:
        return self.cleaned_data["q"].split()[: search.MAX_WORDS]
