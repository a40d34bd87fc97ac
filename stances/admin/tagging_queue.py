"""The tagging queue: untagged quotes, each tagged (and published) in place from a stance picker,
narrowed by article, outlet or topic, with new stances made from it and an article's tagged
drafts published in one confirmed step. Served under the quote admin's URLs."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property

from articles.editing import excerpt
from articles.models import Article

from ..ids import parse_id
from ..models import Quote, Stance, StanceTag
from ..tagging import (
    ShownSuggestion,
    TagRefused,
    accept_tag,
    create_stance_and_tag,
    refuse_if_tagged_meanwhile,
    stance_named,
    suggestions_for,
)
from .tagging_forms import NewStanceForm, QueueFilters, StancePicker

QUEUE_PAGE_SIZE = 25
# Without JavaScript the picker offers only the quote's suggestions; one list of every stance,
# shared by all rows, lets an editor type any other. Capped so a page never grows without end.
TYPED_STANCE_LIST_LIMIT = 1000
# An article's tagged drafts published in one step; more than this is a list nobody checks.
PUBLISH_LIMIT = 200
FILTER_NAMES = ("article", "outlet", "topic")


def tagged():
    """Whether a quote has a stance tag, as a condition on Quote rows."""
    return Exists(StanceTag.objects.filter(quote=OuterRef("pk")))


@dataclass
class QueueRow:
    quote: Quote
    suggestions: list[ShownSuggestion]
    picker: str
    next_quote_id: int | None

    @property
    def top(self) -> ShownSuggestion | None:
        return self.suggestions[0] if self.suggestions else None

    @property
    def is_draft(self) -> bool:
        return self.quote.status == Quote.Status.DRAFT


def queue_query(data) -> str:
    """The queue's filters and page from `data`, numbers only, as a query string: where to go
    back to after a POST (never an address taken from the request)."""
    kept = QueryDict(mutable=True)
    for name in (*FILTER_NAMES, "page"):
        if parse_id(data.get(name)) is not None:
            kept[name] = str(parse_id(data[name]))
    return kept.urlencode()


class TaggingQueue:
    """The queue's pages, for the quote admin (its permissions, messages and publish action)."""

    def __init__(self, model_admin):
        self.model_admin = model_admin
        self.admin_site = model_admin.admin_site

    def urls(self):
        view = self.admin_site.admin_view
        return [
            path("tagging-queue/", view(self.queue_view), name="stances_quote_tagging_queue"),
            path(
                "<int:quote_id>/accept-tag/",
                view(self.accept_tag_view),
                name="stances_quote_accept_tag",
            ),
            path("<int:quote_id>/tag/", view(self.tag_view), name="stances_quote_tag"),
            path(
                "<int:quote_id>/new-stance/",
                view(self.new_stance_view),
                name="stances_quote_new_stance",
            ),
            path(
                "publish-article/<int:article_id>/",
                view(self.publish_article_view),
                name="stances_quote_publish_article",
            ),
        ]

    # Permissions: tagging changes the quote's standing and adds a tag; publishing is the quote
    # admin's own action, which needs "change"; a new stance needs "add stance".
    def may_tag(self, request, quote=None) -> bool:
        return self.model_admin.has_change_permission(request, quote) and request.user.has_perm(
            "stances.add_stancetag"
        )

    def may_add_stance(self, request) -> bool:
        return request.user.has_perm("stances.add_stance")

    @cached_property
    def stance_admin(self):
        return self.admin_site.get_model_admin(Stance)

    def each_context(self, request, title):
        return {**self.admin_site.each_context(request), "title": title, "opts": Quote._meta}

    def back_to_queue(self, data, anchor_quote_id=None):
        url = reverse("admin:stances_quote_tagging_queue")
        query = queue_query(data)
        anchor = f"#quote-{anchor_quote_id}" if anchor_quote_id else ""
        return HttpResponseRedirect(f"{url}?{query}{anchor}" if query else url + anchor)

    def queue_view(self, request):
        """Quotes without stance tags, oldest first, each with its suggestions and a picker."""
        if not self.may_tag(request):
            raise PermissionDenied
        filters = QueueFilters(request.GET or None, self.admin_site)
        waiting = (
            Quote.objects.awaiting_tags()
            .with_citation()
            .prefetch_related(Prefetch("tags", queryset=StanceTag.objects.only("quote", "stance")))
        )
        valid = filters.is_bound is False or filters.is_valid()
        if filters.is_bound and valid:
            waiting = filters.narrow(waiting)
        page = Paginator(waiting if valid else Quote.objects.none(), QUEUE_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        quotes = list(page.object_list)
        suggestions = suggestions_for(quotes)
        rows = []
        for index, quote in enumerate(quotes):
            found = suggestions[quote.pk]
            picker = StancePicker(self.admin_site, [s.stance for s in found])
            rows.append(
                QueueRow(
                    quote,
                    found,
                    picker.render(
                        "stance",
                        found[0].stance.pk if found else None,
                        {"id": f"stance-{quote.pk}"},
                    ),
                    quotes[index + 1].pk if index + 1 < len(quotes) else None,
                )
            )
        article = filters.cleaned_data.get("article") if filters.is_bound and valid else None
        position = {
            **QueryDict(queue_query({k: request.GET.get(k) for k in FILTER_NAMES})).dict(),
            "page": page.number,
        }
        context = {
            **self.each_context(request, "Tagging queue"),
            "filters": filters,
            "filtered": filters.is_bound and valid and any(filters.cleaned_data.values()),
            "page": page,
            "rows": rows,
            "query": queue_query(request.GET),
            "position": position,
            "position_query": urlencode(position),
            "filter_query": queue_query({k: request.GET.get(k) for k in FILTER_NAMES}),
            "article": article,
            "article_drafts": self.drafts_of(article) if article else None,
            "typed_stances": list(
                Stance.objects.in_display_order().only("statement", "slug", "topic__name")[
                    :TYPED_STANCE_LIST_LIMIT
                ]
            ),
            "may_add_stance": self.may_add_stance(request),
            "alignments": StanceTag.Alignment.choices,
            "media": filters.media + StancePicker(self.admin_site, []).media,
        }
        return TemplateResponse(
            request,
            "admin/stances/quote/tagging_queue.html",
            context,
            status=200 if valid else 400,
        )

    def drafts_of(self, article) -> dict:
        """How many of the article's drafts are tagged (ready to publish) and untagged."""
        return (
            Quote.objects.drafts()
            .filter(article=article)
            .aggregate(tagged=Count("pk", filter=tagged()), untagged=Count("pk", filter=~tagged()))
        )

    def accept_tag_view(self, request, quote_id):
        """A suggestion accepted in one click (stance and alignment as suggested)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        quote = get_object_or_404(Quote, pk=quote_id)
        if not self.may_tag(request, quote):
            raise PermissionDenied
        if "seen" in request.POST and not self.unchanged_since_shown(request, quote):
            return self.back_to_queue(request.POST, quote.pk)
        if self.model_admin.accept_from_post(request, quote, request.POST.get("choice", "")):
            return self.back_to_queue(request.POST, request.POST.get("next"))
        return self.back_to_queue(request.POST, quote.pk)

    def unchanged_since_shown(self, request, quote) -> bool:
        """False, with a message, when another editor tagged the quote after the page showed
        it (`seen` lists the tags it showed)."""
        seen = {parse_id(pk) for pk in request.POST.get("seen", "").split(",")} - {None}
        try:
            refuse_if_tagged_meanwhile(quote, seen)
        except TagRefused as refused:
            self.model_admin.message_user(request, str(refused), messages.ERROR)
            return False
        return True

    def tag_view(self, request, quote_id):
        """The picked stance with the pressed alignment, saved in place; "and publish" buttons
        also publish the quote through the quote list's publish action."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        quote = get_object_or_404(Quote.objects.select_related("speaker"), pk=quote_id)
        if not self.may_tag(request, quote):
            raise PermissionDenied
        publish = "tag_and_publish" in request.POST
        alignment = request.POST.get("tag_and_publish" if publish else "tag", "")
        if not self.unchanged_since_shown(request, quote):
            return self.back_to_queue(request.POST, quote.pk)
        try:
            stance_id = self.picked_stance_id(request.POST)
            if alignment not in StanceTag.Alignment.values:
                raise TagRefused("Press Supports, Opposes or Neutral to say how the quote reads.")
            tag = accept_tag(quote, stance_id, alignment, request.user)
        except TagRefused as refused:
            self.model_admin.message_user(request, str(refused), messages.ERROR)
            return self.back_to_queue(request.POST, quote.pk)
        self.say_tagged(request, quote, tag)
        if publish:
            self.publish_one(request, quote)
        return self.back_to_queue(request.POST, request.POST.get("next"))

    def picked_stance_id(self, data) -> int:
        """The stance typed (without JavaScript) if any, else the one picked."""
        typed = data.get("stance_text", "")
        if typed.strip():
            return stance_named(typed).pk
        picked = data.get("stance", "")
        if parse_id(picked) is None:
            raise TagRefused("Pick a stance first (or type one), then press how the quote reads.")
        return parse_id(picked)

    def say_tagged(self, request, quote, tag):
        self.model_admin.message_user(
            request,
            f"Tagged “{excerpt(quote.text, 60)}” ({quote.speaker_label}): "
            f"{tag.get_alignment_display()} “{tag.stance}”.",
            messages.SUCCESS,
        )

    def publish_one(self, request, quote):
        """Publishes through the quote list's action (its history, versions, stored positions
        and messages), unless the quote is no longer a draft."""
        quote.refresh_from_db(fields=["status"])
        if quote.status == Quote.Status.PUBLISHED:
            self.model_admin.message_user(
                request, "It was already published; it is tagged now.", messages.INFO
            )
            return
        if quote.status == Quote.Status.RETRACTED:
            self.model_admin.message_user(
                request,
                "It was retracted meanwhile, so it was not published: a retracted quote "
                "stays retracted.",
                messages.WARNING,
            )
            return
        self.model_admin.publish_quotes(request, Quote.objects.filter(pk=quote.pk))

    def new_stance_view(self, request, quote_id):
        """A new stance (topic and statement) created and given to the quote in one step."""
        quote = get_object_or_404(Quote.objects.with_citation(), pk=quote_id)
        if not (self.may_tag(request, quote) and self.may_add_stance(request)):
            raise PermissionDenied
        # Prefixed: its "topic" is not the queue's topic filter, which is posted back too.
        form = NewStanceForm(
            request.POST if request.method == "POST" else None,
            prefix="new",
            may_publish=quote.status == Quote.Status.DRAFT,
        )
        if form.is_valid() and self.unchanged_since_shown(request, quote):
            chosen = form.cleaned_data
            try:
                tag = create_stance_and_tag(
                    quote, chosen["topic"], chosen["statement"], chosen["alignment"], request.user
                )
            except TagRefused as refused:
                form.add_error(None, str(refused))
            else:
                self.stance_admin.log_addition(request, tag.stance, [{"added": {}}])
                self.model_admin.message_user(
                    request,
                    f"Created the stance “{tag.stance}” on {tag.stance.topic}.",
                    messages.SUCCESS,
                )
                self.say_tagged(request, quote, tag)
                if chosen.get("publish"):
                    self.publish_one(request, quote)
                return self.back_to_queue(request.POST, request.POST.get("next"))
        data = request.POST if request.method == "POST" else request.GET
        context = {
            **self.each_context(request, "New stance for a quote"),
            "quote": quote,
            "form": form,
            "query": queue_query(data),
            "query_values": QueryDict(queue_query(data)).dict(),
            "next_quote_id": parse_id(data.get("next")) or "",
            "seen": ",".join(str(pk) for pk in quote.tags.values_list("pk", flat=True)),
        }
        return TemplateResponse(
            request,
            "admin/stances/quote/new_stance.html",
            context,
            status=400 if form.is_bound and form.errors else 200,
        )

    def publish_article_view(self, request, article_id):
        """An article's tagged draft quotes, listed for confirmation, then published together
        through the quote list's publish action; untagged drafts stay drafts, counted."""
        article = get_object_or_404(Article.objects.select_related("outlet"), pk=article_id)
        if not self.model_admin.has_change_permission(request):
            raise PermissionDenied
        drafts = Quote.objects.drafts().filter(article=article)
        if request.method == "POST":
            return self.publish_confirmed(request, article, drafts)
        ready = list(
            drafts.filter(tagged())
            .select_related("speaker")
            .prefetch_related(Prefetch("tags", queryset=StanceTag.objects.select_related("stance")))
            .in_reading_order()[: PUBLISH_LIMIT + 1]
        )
        context = {
            **self.each_context(request, "Publish an article's tagged draft quotes"),
            "article": article,
            "ready": ready[:PUBLISH_LIMIT],
            "more_than_limit": len(ready) > PUBLISH_LIMIT,
            "limit": PUBLISH_LIMIT,
            "untagged": drafts.exclude(tagged()).count(),
            "query": queue_query(request.GET),
        }
        return TemplateResponse(request, "admin/stances/quote/publish_article.html", context)

    def publish_confirmed(self, request, article, drafts):
        confirmed = [parse_id(pk) for pk in request.POST.getlist("quote")]
        confirmed = [pk for pk in confirmed if pk is not None][:PUBLISH_LIMIT]
        if not confirmed:
            self.model_admin.message_user(
                request, "No quote was confirmed, so none was published.", messages.WARNING
            )
            return self.back_to_queue(request.POST)
        chosen = Quote.objects.filter(article=article, pk__in=confirmed)
        still_tagged = chosen.filter(tagged())
        untagged_meanwhile = chosen.exclude(tagged()).count()
        # The action counts what it was given: published, and skipped if no longer a draft.
        self.model_admin.publish_quotes(request, still_tagged)
        if untagged_meanwhile:
            self.model_admin.message_user(
                request,
                f"Skipped {untagged_meanwhile} quote{'s' if untagged_meanwhile != 1 else ''} "
                "whose tags were removed after you confirmed: tag "
                f"{'them' if untagged_meanwhile != 1 else 'it'} again first.",
                messages.WARNING,
            )
        left = drafts.exclude(tagged()).exclude(pk__in=confirmed).count()
        if left:
            self.model_admin.message_user(
                request,
                f"Left {left} draft quote{'s' if left != 1 else ''} of “{article.title}” "
                f"unpublished because {'they are' if left != 1 else 'it is'} not tagged yet.",
                messages.WARNING,
            )
        return self.back_to_queue(request.POST)
