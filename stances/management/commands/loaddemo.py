"""Loads the demo data from the seed article; running it again changes nothing."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article
from stances import demo
from stances.editors import sync_editors_group
from stances.models import (
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

CHANGE_REASON = "Demo data (manage.py loaddemo)"


class Loader:
    """Creates what is missing and leaves every existing row as editors have it, counting both."""

    def __init__(self):
        self.created = 0
        self.kept = 0

    def ensure(self, model, lookup: dict, values: dict):
        obj = model.objects.filter(**lookup).first()
        if obj is not None:
            self.kept += 1
            return obj
        obj = model(**lookup, **values)
        obj._change_reason = CHANGE_REASON
        obj.full_clean()
        obj.save()
        self.created += 1
        return obj


class Command(BaseCommand):
    help = "Loads the seed article's facts: speakers, election, stances and quotes. Safe to rerun."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-editor",
            action="store_true",
            help=(
                f"Also create the local demo editor account ({demo.EDITOR_USERNAME} / "
                f"{demo.EDITOR_PASSWORD}). For a demo on your own machine only, never production."
            ),
        )

    @transaction.atomic
    def handle(self, *args, **options):
        loader = Loader()
        # The quotes are loaded with their article, once: after that they are the editors' to
        # correct, retract or re-tag, and a reload must neither undo that nor add duplicates.
        load_quotes = not Article.objects.filter(
            title=demo.ARTICLE["title"], published_on=demo.ARTICLE["published_on"]
        ).exists()
        article = loader.ensure(
            Article,
            {"title": demo.ARTICLE["title"], "published_on": demo.ARTICLE["published_on"]},
            {k: v for k, v in demo.ARTICLE.items() if k not in {"title", "published_on"}},
        )

        speakers = {}
        for spec in demo.SPEAKERS:
            speaker = loader.ensure(
                Speaker,
                {"slug": spec["slug"]},
                {k: spec[k] for k in ("name", "kind", "description", "wikidata_id")},
            )
            for role in spec["roles"]:
                loader.ensure(
                    SpeakerRole,
                    {"speaker": speaker, "title": role["title"]},
                    {k: role[k] for k in ("organisation", "started_on", "ended_on")},
                )
            for name, note in spec.get("other_names", ()):
                loader.ensure(OtherName, {"speaker": speaker, "name": name}, {"note": note})
            speakers[spec["slug"]] = speaker

        election = loader.ensure(
            Election,
            {"slug": demo.ELECTION["slug"]},
            {k: v for k, v in demo.ELECTION.items() if k != "slug"},
        )
        candidacies = {}
        for slug, office, party, position, mate_of, order in demo.CANDIDACIES:
            candidacies[slug] = loader.ensure(
                Candidacy,
                {"election": election, "speaker": speakers[slug]},
                {
                    "office": office,
                    "party": party,
                    "ticket_position": position,
                    "running_mate_of": candidacies[mate_of] if mate_of else None,
                    "order": order,
                },
            )

        stances = {}
        for topic_spec in demo.TOPICS:
            topic = loader.ensure(
                Topic,
                {"slug": topic_spec["slug"]},
                {k: topic_spec[k] for k in ("name", "description", "order")},
            )
            for order, (slug, statement) in enumerate(topic_spec["stances"], start=1):
                stances[slug] = loader.ensure(
                    Stance, {"slug": slug}, {"topic": topic, "statement": statement, "order": order}
                )

        editor = self.ensure_editor(loader) if options["demo_editor"] else None

        quotes = {}
        for spec in demo.QUOTES if load_quotes else []:
            quote = loader.ensure(
                Quote,
                {"article": article, "kind": spec["kind"], "text": spec["text"]},
                {
                    "speaker": speakers[spec["speaker"]] if spec["speaker"] else None,
                    "attribution_text": spec["attribution"],
                    "about": speakers[spec["about"]] if spec.get("about") else None,
                    "responds_to": quotes[spec["responds_to"]] if spec.get("responds_to") else None,
                    "status": Quote.Status.PUBLISHED,
                },
            )
            for stance_slug, alignment in spec["tags"]:
                loader.ensure(
                    StanceTag,
                    {"quote": quote, "stance": stances[stance_slug]},
                    {"alignment": alignment, "tagged_by": editor},
                )
            quotes[spec["key"]] = quote

        count = article.quotes.count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded: {loader.created} created, {loader.kept} already there and "
                f"left as they are ({count} quotes from “{article.title}”)."
            )
        )

    def ensure_editor(self, loader):
        """The demo editor: staff, in the Editors group, never a superuser."""
        User = get_user_model()
        editor = User.objects.filter(username=demo.EDITOR_USERNAME).first()
        if editor is None:
            editor = User(username=demo.EDITOR_USERNAME, is_staff=True)
            editor.set_password(demo.EDITOR_PASSWORD)
            editor.save()
            loader.created += 1
        else:
            loader.kept += 1
        editors = sync_editors_group()
        if not editor.groups.filter(pk=editors.pk).exists():
            editor.groups.add(editors)
        return editor
