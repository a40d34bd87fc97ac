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
    Quote,
    Speaker,
    SpeakerRole,
    Stance,
    StanceTag,
    Topic,
)

CHANGE_REASON = "Demo data (manage.py loaddemo)"


class Loader:
    """Creates what is missing and updates what differs, counting both."""

    def __init__(self):
        self.created = 0
        self.updated = 0

    def sync(self, model, lookup: dict, values: dict, initial: dict | None = None):
        """`initial` values are set only on creation: editors may change them afterwards."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values, **(initial or {}))
            obj._change_reason = CHANGE_REASON
            obj.full_clean()
            obj.save()
            self.created += 1
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj._change_reason = CHANGE_REASON
            obj.full_clean()
            obj.save()
            self.updated += 1
        return obj


class Command(BaseCommand):
    help = "Loads the seed article's facts (speakers, election, stances, quotes) and a demo editor."

    @transaction.atomic
    def handle(self, *args, **options):
        loader = Loader()
        article = loader.sync(
            Article,
            {"title": demo.ARTICLE["title"], "published_on": demo.ARTICLE["published_on"]},
            {k: v for k, v in demo.ARTICLE.items() if k not in {"title", "published_on"}},
        )

        speakers = {}
        for spec in demo.SPEAKERS:
            speaker = loader.sync(
                Speaker,
                {"slug": spec["slug"]},
                {k: spec[k] for k in ("name", "kind", "description", "wikidata_id")},
            )
            for role in spec["roles"]:
                loader.sync(
                    SpeakerRole,
                    {"speaker": speaker, "title": role["title"]},
                    {k: role[k] for k in ("organisation", "started_on", "ended_on")},
                )
            speakers[spec["slug"]] = speaker

        election = loader.sync(
            Election,
            {"slug": demo.ELECTION["slug"]},
            {k: v for k, v in demo.ELECTION.items() if k != "slug"},
        )
        candidacies = {}
        for slug, office, party, position, mate_of, order in demo.CANDIDACIES:
            candidacies[slug] = loader.sync(
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
            topic = loader.sync(
                Topic,
                {"slug": topic_spec["slug"]},
                {k: topic_spec[k] for k in ("name", "description", "order")},
            )
            for order, (slug, statement) in enumerate(topic_spec["stances"], start=1):
                stances[slug] = loader.sync(
                    Stance, {"slug": slug}, {"topic": topic, "statement": statement, "order": order}
                )

        editor = self.ensure_editor(loader)

        quotes = {}
        for spec in demo.QUOTES:
            quote = loader.sync(
                Quote,
                {"article": article, "kind": spec["kind"], "text": spec["text"]},
                {
                    "speaker": speakers[spec["speaker"]] if spec["speaker"] else None,
                    "attribution_text": spec["attribution"],
                    "about": speakers[spec["about"]] if spec.get("about") else None,
                    "responds_to": quotes[spec["responds_to"]] if spec.get("responds_to") else None,
                },
                # Published when created; a later retraction by an editor must survive a reload.
                initial={"status": Quote.Status.PUBLISHED},
            )
            for stance_slug, alignment in spec["tags"]:
                loader.sync(
                    StanceTag,
                    {"quote": quote, "stance": stances[stance_slug]},
                    {"alignment": alignment, "tagged_by": editor},
                )
            quotes[spec["key"]] = quote

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded: {loader.created} created, {loader.updated} updated "
                f"({len(quotes)} quotes from “{article.title}”)."
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
        elif not editor.is_staff:
            editor.is_staff = True
            editor.save(update_fields=["is_staff"])
            loader.updated += 1
        editors = sync_editors_group()
        if not editor.groups.filter(pk=editors.pk).exists():
            editor.groups.add(editors)
        return editor
