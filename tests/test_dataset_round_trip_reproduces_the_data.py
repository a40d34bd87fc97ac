"""exportdata then importdata into an emptied database, then exportdata again: the two files are
the same but for the export time, with every kind of record a newsroom has (drafts,
retractions, unnamed sources, reports about a candidate, reactions, shifts, tags, suggestions)."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article, Outlet
from stances import summaries
from stances.dataset import schema
from stances.models import (
    OtherName,
    PositionSummary,
    Quote,
    QuoteSuggestion,
    Speaker,
    StanceTag,
)
from tests.factories import (
    make_article,
    make_candidacy,
    make_editor,
    make_election,
    make_other_name,
    make_outlet,
    make_quote,
    make_role,
    make_speaker,
    make_stance,
    make_suggestion,
    make_tag,
)

# Transactional: the tests empty the database with `flush`, as a new installation is empty, and
# PostgreSQL cannot truncate tables inside the transaction that wrote to them.
pytestmark = pytest.mark.django_db(transaction=True)

BODY = 'Talks first. "We will open talks within a month," Ana Okafor said on Monday.'


def newsroom(editor):
    """A small dataset with every case the model holds."""
    outlet = make_outlet(name="Daily Ledger", slug="daily-ledger", website="https://ledger.test/")
    article = make_article(
        outlet=outlet,
        title="Candidates set out their plans",
        url="https://ledger.test/plans",
        published_on=datetime.date(2024, 10, 1),
        body=BODY,
        retrieved_on=datetime.date(2024, 10, 2),
    )
    unnamed_outlet = make_article(
        outlet=None, title="A wire story", published_on=datetime.date(2024, 6, 1)
    )
    okafor = make_speaker(name="Ana Okafor", slug="ana-okafor", wikidata_id="Q1")
    make_role(okafor, title="Foreign minister", started_on=datetime.date(2020, 1, 1))
    make_role(okafor, title="Presidential nominee", organisation="Unity Party")
    make_other_name(okafor, "Anna Okafor", note="transliteration")
    make_other_name(okafor, "Ana Mbeki", note="maiden name", ended_on=datetime.date(2010, 6, 30))
    mate = make_speaker(name="Ben Mate", slug="ben-mate")
    rival = make_speaker(name="Cora Rival", slug="cora-rival", kind=Speaker.Kind.PERSON)
    kremlin = make_speaker(name="The Kremlin", slug="the-kremlin", kind=Speaker.Kind.ORGANISATION)
    election = make_election(name="2024 election", slug="e-2024")
    head = make_candidacy(election=election, speaker=okafor, order=1)
    make_candidacy(
        election=election, speaker=mate, running_mate_of=head, ticket_position="running_mate"
    )
    make_candidacy(election=election, speaker=rival, party="", order=2)
    talks = make_stance(statement="Open talks", slug="open-talks")
    aid = make_stance(statement="Send aid", slug="send-aid", topic=talks.topic, order=2)

    own = make_quote(
        article=article,
        speaker=okafor,
        text="We will open talks within a month",
        start_offset=BODY.index("We"),
        end_offset=BODY.index("month") + len("month"),
        said_on=datetime.date(2024, 9, 30),
    )
    make_tag(own, talks, tagged_by=editor, note="Plainly says so.")
    later = make_quote(
        article=article, speaker=okafor, text="No talks now", kind=Quote.Kind.PARAPHRASE,
        said_on=datetime.date(2024, 10, 1),
    )  # fmt: skip
    make_tag(later, talks, alignment=StanceTag.Alignment.OPPOSES)  # a shift
    make_tag(later, aid, alignment=StanceTag.Alignment.NEUTRAL)
    reported = make_quote(
        article=unnamed_outlet,
        kind=Quote.Kind.ANONYMOUS,
        speaker=None,
        about=okafor,
        attribution_text="unnamed advisers, cited by the Ledger",
        text="she plans to send aid",
    )
    make_tag(reported, aid)
    reaction = make_quote(
        article=article, speaker=kremlin, text="Nothing can be done in a month", responds_to=own,
        original_text="Ничего нельзя сделать за месяц", language="ru",
    )  # fmt: skip
    make_tag(reaction, talks, alignment=StanceTag.Alignment.OPPOSES)
    make_quote(article=article, speaker=rival, text="A draft", status=Quote.Status.DRAFT)
    retracted = make_quote(article=article, speaker=rival, text="Misattributed words")
    retracted.status = Quote.Status.RETRACTED
    retracted.retraction_reason = "Said by someone else."
    retracted.save()
    make_tag(retracted, aid)
    # A quote answering a quote that comes after it in the file.
    early = make_quote(article=article, speaker=mate, text="We agree with the Kremlin")
    answered = make_quote(article=article, speaker=rival, text="Talks are a trap")
    early.responds_to = answered
    early.save()
    make_suggestion(
        article=article, text="We will open talks within a month", start_offset=14,
        status=QuoteSuggestion.Status.ACCEPTED, decided_by=editor, decided_at=timezone.now(),
        quote=own,
    )  # fmt: skip
    make_suggestion(
        article=article, text="Talks first", start_offset=0, kind=Quote.Kind.PARAPHRASE,
        status=QuoteSuggestion.Status.REJECTED, decided_at=timezone.now(), confidence=0.25,
    )  # fmt: skip


def export(path) -> dict:
    call_command("exportdata", str(path), stdout=io.StringIO())
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def import_(path) -> str:
    out = io.StringIO()
    call_command("importdata", str(path), stdout=out)
    return out.getvalue()


def without_time(dataset: dict) -> dict:
    return {key: value for key, value in dataset.items() if key != "exported_at"}


def test_a_round_trip_through_an_emptied_database_gives_the_same_file(tmp_path, editor):
    newsroom(editor)
    first = export(tmp_path / "first.json")
    call_command("flush", interactive=False, stdout=io.StringIO())
    make_editor(editor.username)  # the same account name in the new installation

    said = import_(tmp_path / "first.json")
    second = export(tmp_path / "second.json")

    assert without_time(second) == without_time(first)
    assert "Imported 1 outlet, 4 speakers, 2 roles, 2 other names" in said
    assert "quotes       [" in said  # the progress bar, by how much of the file is read
    assert first["format"] == schema.FORMAT
    assert first["version"] == schema.VERSION
    assert first["counts"]["quotes"] == 8
    assert first["counts"]["tags"] == 6
    statuses = {quote["status"] for quote in first["quotes"]}
    assert statuses == {"draft", "published", "retracted"}
    assert summaries.differences() == []
    assert PositionSummary.objects.filter(shift_before__isnull=False).exists()


def test_the_file_keeps_what_readers_and_editors_rely_on(tmp_path, editor):
    newsroom(editor)
    dataset = export(tmp_path / "data.json")
    quotes = {quote["text"]: quote for quote in dataset["quotes"]}

    own = quotes["We will open talks within a month"]
    assert (own["start_offset"], own["end_offset"], own["said_on"]) == (14, 47, "2024-09-30")
    assert own["tags"][0]["tagged_by"] == editor.username
    assert quotes["Nothing can be done in a month"]["responds_to"] == own["id"]
    assert quotes["she plans to send aid"]["speaker"] is None
    assert quotes["she plans to send aid"]["about"] == "ana-okafor"
    assert quotes["Misattributed words"]["retraction_reason"] == "Said by someone else."
    assert dataset["articles"][0]["body"] == BODY
    okafor = next(s for s in dataset["speakers"] if s["slug"] == "ana-okafor")
    assert okafor["other_names"] == [
        {"name": "Anna Okafor", "note": "transliteration", "started_on": None, "ended_on": None},
        {"name": "Ana Mbeki", "note": "maiden name", "started_on": None, "ended_on": "2010-06-30"},
    ]
    assert dataset["counts"]["other_names"] == 2
    mate = dataset["elections"][0]["candidacies"][-1]
    assert (mate["speaker"], mate["running_mate_of"]) == ("ben-mate", "ana-okafor")


def test_every_imported_row_has_a_history_record(tmp_path, editor):
    newsroom(editor)
    export(tmp_path / "data.json")
    call_command("flush", interactive=False, stdout=io.StringIO())

    import_(tmp_path / "data.json")

    for model in (Outlet, Article, Speaker, OtherName, StanceTag, QuoteSuggestion):
        assert model.history.count() == model.objects.count(), model
        assert set(model.history.values_list("history_change_reason", flat=True)) == {
            "Imported from a dataset file"
        }
    created = Quote.history.filter(history_type="+")
    assert created.count() == Quote.objects.count()
    # A quote that answers another is linked once both are stored: a second record says so.
    answering = Quote.objects.get(text="Nothing can be done in a month")
    linked = answering.history.latest()
    assert linked.history_change_reason.endswith("linked to the quote it answers")
    assert linked.responds_to_id == answering.responds_to_id
    assert Quote.history.count() == Quote.objects.count() + 2


def test_tags_of_an_account_this_installation_lacks_are_kept_without_a_tagger(tmp_path, editor):
    newsroom(editor)
    export(tmp_path / "data.json")
    call_command("flush", interactive=False, stdout=io.StringIO())

    said = import_(tmp_path / "data.json")

    assert StanceTag.objects.count() == 6
    assert not StanceTag.objects.filter(tagged_by__isnull=False).exists()
    # The newsroom is told, not left to find out: one tag and one decided suggestion named edith.
    assert (
        "2 tags or suggestion decisions named an editor with no account here (edith) and were "
        "stored without one." in " ".join(said.split())
    )


def test_a_check_says_which_editors_would_be_left_out(tmp_path, editor):
    newsroom(editor)
    export(tmp_path / "data.json")
    call_command("flush", interactive=False, stdout=io.StringIO())
    out = io.StringIO()

    call_command("importdata", str(tmp_path / "data.json"), "--check", stdout=out)

    assert "no account here (edith) and would be stored without one" in " ".join(
        out.getvalue().split()
    )
    assert not Quote.objects.exists()


def test_editors_with_an_account_here_keep_their_tags_and_nothing_is_said(tmp_path, editor):
    newsroom(editor)
    export(tmp_path / "data.json")
    call_command("flush", interactive=False, stdout=io.StringIO())
    edith = make_editor("edith")

    said = import_(tmp_path / "data.json")

    assert StanceTag.objects.filter(tagged_by=edith).count() == 1
    assert QuoteSuggestion.objects.filter(decided_by=edith).count() == 1
    assert "no account here" not in said


def test_an_import_adds_to_a_database_that_holds_other_data(tmp_path, editor):
    newsroom(editor)
    export(tmp_path / "data.json")
    call_command("flush", interactive=False, stdout=io.StringIO())
    other = make_quote(text="Someone else's words")
    make_tag(other)

    import_(tmp_path / "data.json")

    assert Quote.objects.count() == 9
    assert Quote.objects.filter(pk=other.pk).exists()


def test_a_file_may_refer_to_speakers_and_stances_already_in_the_database(tmp_path):
    make_speaker(slug="ana-okafor")
    make_stance(slug="open-talks")
    path = tmp_path / "quotes.json"
    path.write_text(
        json.dumps(
            {
                "format": "stances-dataset",
                "version": 1,
                "articles": [
                    {"id": "a", "title": "Plans", "published_on": "2024-10-01", "summary": "S."}
                ],
                "quotes": [
                    {
                        "id": 1,
                        "article": "a",
                        "speaker": "ana-okafor",
                        "text": "We will open talks",
                        "status": "published",
                        "published_at": "2024-10-01T09:00:00+00:00",
                        "tags": [{"stance": "open-talks", "alignment": "supports"}],
                    }
                ],
            }
        )
    )

    import_(path)

    quote = Quote.objects.get()
    assert quote.speaker.slug == "ana-okafor"
    assert quote.tags.get().stance.slug == "open-talks"
    assert PositionSummary.objects.filter(holder=quote.speaker).count() == 1


def test_after_an_import_new_rows_are_stamped_with_their_own_time_again(tmp_path, editor):
    newsroom(editor)
    export(tmp_path / "data.json")
    call_command("flush", interactive=False, stdout=io.StringIO())
    import_(tmp_path / "data.json")
    before = timezone.now()

    quote = make_quote(article=Article.objects.first())

    assert quote.created_at >= before
    assert Quote.objects.get(text="A draft").created_at < before


def test_a_version_1_file_without_other_names_is_still_read(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(
        json.dumps(
            {
                "format": "stances-dataset",
                "version": 1,
                "counts": {"speakers": 1, "roles": 0},
                "speakers": [{"slug": "ana-okafor", "name": "Ana Okafor", "roles": []}],
            }
        )
    )

    assert "Imported 0 outlets, 1 speaker, 0 roles, 0 other names" in import_(path)
    assert not OtherName.objects.exists()


def test_an_other_name_twice_or_repeating_the_name_refuses_the_file(tmp_path):
    path = tmp_path / "names.json"
    speaker = {"slug": "ana-okafor", "name": "Ana Okafor"}
    path.write_text(
        json.dumps(
            {
                "format": "stances-dataset",
                "version": 2,
                "speakers": [
                    {**speaker, "other_names": [{"name": "Anna"}, {"name": "ANNA"}]},
                    {"slug": "ben", "name": "Ben Mate", "other_names": [{"name": "ben mate"}]},
                ],
            }
        )
    )

    with pytest.raises(CommandError) as refused:
        import_(path)

    message = str(refused.value)
    assert "speakers[1].other_names[0]" in message
    assert "This is the speaker's name already." in message
    assert "This speaker already has this other name." in message
    assert not Speaker.objects.exists()
