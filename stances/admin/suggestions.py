"""Admin for quote suggestions: the "Suggest quotes" page of an article, where editors accept or
reject what the extractor found, and a read-only record of every decision with its precision."""

from dataclasses import dataclass

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from simple_history.admin import SimpleHistoryAdmin

from articles.editing import excerpt

from .. import tasks
from ..models import Candidacy, Quote, QuoteSuggestion, Speaker, TaskRun
from ..models.suggestions import Precision
from ..suggestion_proposals import Proposal, propose
from ..suggestions import SuggestionError, accept, match_speakers, reject
from .quotes import unnamed_sources
from .suggestion_forms import AcceptForm

CONTEXT_CHARACTERS = 90


def describe_precision(precision: Precision) -> str:
    """The line editors read, "Editors accepted N of M decided suggestions (precision 0.xx)",
    or why there is no figure yet."""
    if not precision.decided:
        return "No suggestion has been accepted or rejected yet, so there is no precision figure."
    return (
        f"Editors accepted {precision.accepted} of {precision.decided} decided suggestions "
        f"(precision {precision.value:.2f})."
    )


@dataclass
class SuggestionRow:
    """One pending suggestion as the page shows it: the words in context, the speaker, and
    the proposals that complete it, as values for the row's fields."""

    suggestion: QuoteSuggestion
    before: str
    marked: str
    after: str
    matched: Speaker | None
    proposal: Proposal
    values: dict[str, str]  # what the row's fields show: the proposals, or what was posted
    problem: str = ""  # why the last accept of this row was refused

    @property
    def anonymous(self) -> bool:
        return self.suggestion.kind == Quote.Kind.ANONYMOUS

    @property
    def offers_role(self) -> bool:
        """A role is asked for when the speaker may be created: no match, a name found."""
        return not self.anonymous and self.matched is None and bool(self.suggestion.speaker_name)

    @property
    def offers_candidacy(self) -> bool:
        return self.offers_role and bool(self.proposal.elections)


def proposed_values(proposal: Proposal) -> dict[str, str]:
    """The row's fields as the proposals fill them; the candidacy box is left for the editor."""
    role = proposal.role
    return {
        "about": str(proposal.about.pk) if proposal.about else "",
        "role_title": role.title if role else "",
        "role_organisation": role.organisation if role else "",
        "add_candidacy": "",
        "election": str(proposal.election.pk) if proposal.election else "",
        "office": proposal.office,
        "party": proposal.party,
        "ticket_position": Candidacy.TicketPosition.RUNNING_MATE
        if proposal.running_mate
        else Candidacy.TicketPosition.HEAD,
    }


def task_record_url(request, run: TaskRun | None) -> str:
    """The task backend's record of the run (arguments, error details), for those who may read
    it; empty when there is none."""
    if run is None or not run.task_result_id:
        return ""
    if not request.user.has_perm("django_tasks_database.view_dbtaskresult"):
        return ""
    return reverse("admin:django_tasks_database_dbtaskresult_change", args=[run.task_result_id])


def in_context(body: str, start: int, end: int) -> tuple[str, str, str]:
    """The words at start:end with a little of their paragraph either side, cut between words."""
    if not body[start:end]:
        return "", "", ""
    paragraph_start = body.rfind("\n\n", 0, start)
    paragraph_start = 0 if paragraph_start < 0 else paragraph_start + 2
    paragraph_end = body.find("\n\n", end)
    paragraph_end = len(body) if paragraph_end < 0 else paragraph_end
    before = body[max(paragraph_start, start - CONTEXT_CHARACTERS) : start]
    after = body[end : min(paragraph_end, end + CONTEXT_CHARACTERS)]
    if start - CONTEXT_CHARACTERS > paragraph_start and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if end + CONTEXT_CHARACTERS < paragraph_end and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return before.lstrip(), body[start:end], after.rstrip()


def completed(quote, completion, created_speaker: bool) -> str:
    """What the accept added besides the quote, in a sentence ("" for nothing)."""
    parts = []
    if quote.about_id:
        parts.append(f"about {quote.about.name}")
    if created_speaker and completion.role_title:
        role = completion.role_title
        parts.append(
            f"role {role}, {completion.role_organisation}"
            if completion.role_organisation
            else f"role {role}"
        )
    if completion.election is not None:
        parts.append(f"candidate for {completion.office} in {completion.election.name}")
    return f"With {'; '.join(parts)}." if parts else ""


class SuggestQuotesMixin:
    """For the article admin: the "Suggest quotes" button and page, and a column of pending
    suggestions. Lives here so the article admin only names it."""

    change_form_template = "admin/stances/article/change_form.html"

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(function)

        return [
            path(
                "<path:object_id>/suggestions/",
                view(require_http_methods(["GET", "HEAD", "POST"])(self.suggestions_view)),
                name="articles_article_suggestions",
            ),
            path(
                "<path:object_id>/suggestions/accept-matched/",
                view(require_POST(self.accept_matched_view)),
                name="articles_article_suggestions_accept_matched",
            ),
            path(
                "<path:object_id>/suggestions/<int:suggestion_id>/accept/",
                view(require_POST(self.accept_view)),
                name="articles_article_suggestion_accept",
            ),
            path(
                "<path:object_id>/suggestions/<int:suggestion_id>/reject/",
                view(require_POST(self.reject_view)),
                name="articles_article_suggestion_reject",
            ),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        pending = (
            QuoteSuggestion.objects.pending()
            .filter(article=OuterRef("pk"))
            .order_by()
            .values("article")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(pending_suggestions=Coalesce(Subquery(pending), 0))
        )

    @admin.display(description="Suggested quotes", ordering="pending_suggestions")
    def pending_suggestions(self, article):
        if not article.body.strip():
            return "—"
        url = reverse("admin:articles_article_suggestions", args=[article.pk])
        if not article.pending_suggestions:
            return format_html('<a href="{}">Suggest quotes</a>', url)
        return format_html('<a href="{}">{} pending</a>', url, article.pending_suggestions)

    # The pages

    def may_decide(self, request, article) -> bool:
        return self.has_change_permission(request, article) and request.user.has_perm(
            "stances.add_quote"
        )

    def article_for_suggestions(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No article with this ID.")
        if not self.may_decide(request, article):
            raise PermissionDenied
        return article

    def suggestions_url(self, article) -> str:
        return reverse("admin:articles_article_suggestions", args=[article.pk])

    def pending_rows(self, article, posted=None, problem="") -> list[SuggestionRow]:
        """The pending suggestions with their proposals; ``posted`` is (suggestion id, the
        values an editor posted) for a row whose accept was refused, shown again as posted."""
        pending = list(article.quote_suggestions.pending().in_body_order())
        matches = match_speakers(s.speaker_name for s in pending if s.speaker_name)
        matched = {
            suggestion.pk: matches.get(" ".join(suggestion.speaker_name.split()))
            if suggestion.kind != Quote.Kind.ANONYMOUS and suggestion.speaker_name
            else None
            for suggestion in pending
        }
        proposals = propose(article, pending, matched)
        rows = []
        for suggestion in pending:
            before, marked, after = in_context(
                article.body, suggestion.start_offset, suggestion.end_offset
            )
            proposal = proposals[suggestion.pk]
            values = proposed_values(proposal)
            row_problem = ""
            if posted is not None and posted[0] == suggestion.pk:
                values = {key: posted[1].get(key, "") for key in [*values, "speaker"]}
                row_problem = problem
            rows.append(
                SuggestionRow(
                    suggestion,
                    before,
                    marked or suggestion.text,
                    after,
                    matched[suggestion.pk],
                    proposal,
                    values,
                    row_problem,
                )
            )
        return rows

    def suggestions_view(self, request, object_id):
        """GET lists the pending suggestions and how the last look for quotes went; POST (the
        "Suggest quotes" button) queues a look, in the background: reading the page never
        writes."""
        article = self.article_for_suggestions(request, object_id)
        has_body = bool(article.body.strip())
        if request.method == "POST":
            self.start_suggesting(request, article, has_body)
            return HttpResponseRedirect(self.suggestions_url(article))
        return self.render_page(request, article)

    def render_page(self, request, article, posted=None, problem=""):
        """The page; after a refused accept, with that row's fields as the editor posted them."""
        has_body = bool(article.body.strip())
        last_run = article.task_runs.select_related("requested_by").latest_first().first()
        rows = self.pending_rows(article, posted, problem) if has_body else []
        may_create_speakers = request.user.has_perm("stances.add_speaker")
        for row in rows:
            if not row.problem:
                # Preselected: the matched speaker, else (one click) a new one of that name.
                row.values["speaker"] = (
                    str(row.matched.pk)
                    if row.matched
                    else "new"
                    if row.suggestion.speaker_name and may_create_speakers
                    else ""
                )
        speakers = list(Speaker.objects.order_by("name", "pk").values_list("pk", "name"))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Suggested quotes: {article}",
            "opts": self.opts,
            "original": article,
            "has_body": has_body,
            "rows": rows,
            "matched_count": sum(1 for row in rows if row.matched is not None),
            "speakers": speakers,
            "last_run": last_run,
            "under_way": last_run is not None and last_run.is_active and not last_run.is_overdue,
            "task_record_url": task_record_url(request, last_run),
            "may_create_speakers": may_create_speakers,
            "may_add_candidacies": request.user.has_perm("stances.add_candidacy"),
            "ticket_positions": Candidacy.TicketPosition.choices,
            "precision_overall": describe_precision(QuoteSuggestion.objects.precision()),
            "precision_article": describe_precision(
                QuoteSuggestion.objects.filter(article=article).precision()
            ),
        }
        return TemplateResponse(request, "admin/stances/article/suggestions.html", context)

    def start_suggesting(self, request, article, has_body) -> None:
        """Queues the extractor over the article's text and says what became of it: with a
        task backend that runs it at once, how many it found."""
        if not has_body:
            self.message_user(
                request,
                "This article has no body text stored, so there is nothing to look for quotes in.",
                messages.WARNING,
            )
            return
        try:
            run = tasks.start_suggesting_quotes(article, request.user)
        except tasks.AlreadyActive as refusal:
            self.message_user(request, str(refusal), messages.WARNING)
            return
        run.refresh_from_db()
        if run.status == TaskRun.Status.FINISHED:
            self.message_user(
                request,
                ngettext(
                    "The extractor found %(count)d new suggestion in the article's text.",
                    "The extractor found %(count)d new suggestions in the article's text.",
                    run.outcome,
                )
                % {"count": run.outcome},
                messages.SUCCESS if run.outcome else messages.INFO,
            )
        elif run.status == TaskRun.Status.FAILED:
            self.message_user(request, f"Looking for quotes failed: {run.problem}", messages.ERROR)
        else:
            self.message_user(
                request,
                "Queued: the extractor will look for quotes in the background. This page shows "
                "when it has finished.",
                messages.INFO,
            )

    def chosen_speaker(self, request) -> tuple[Speaker | None, bool]:
        """The editor's choice in the speaker select: (speaker, create new). Raises
        SuggestionError for a choice that names no speaker."""
        choice = request.POST.get("speaker", "").strip()
        if not choice:
            return None, False
        if choice == "new":
            if not request.user.has_perm("stances.add_speaker"):
                raise SuggestionError("You may not create speakers; choose an existing one.")
            return None, True
        speaker = (
            Speaker.objects.filter(pk=int(choice)).first()
            if choice.isascii() and choice.isdigit()
            else None
        )
        if speaker is None:
            raise SuggestionError(
                "The chosen speaker does not exist (it may have been deleted); choose another."
            )
        return speaker, False

    def decision_target(self, request, object_id, suggestion_id):
        article = self.article_for_suggestions(request, object_id)
        suggestion = get_object_or_404(QuoteSuggestion, pk=suggestion_id, article=article)
        return article, suggestion

    @staticmethod
    def refused(suggestion, problem) -> str:
        return f"Not decided: “{excerpt(suggestion.text, 60)}”. {problem}"

    def accept_view(self, request, object_id, suggestion_id):
        """Accepts with the row's fields as posted. A refusal shows the page again with the
        row's fields as the editor left them, so nothing typed is lost."""
        article, suggestion = self.decision_target(request, object_id, suggestion_id)
        form = AcceptForm(request.POST)
        try:
            speaker, create_speaker = self.chosen_speaker(request)
            if not form.is_valid():
                raise SuggestionError(form.problems())
            completion = form.completion()
            if completion.election is not None and not request.user.has_perm(
                "stances.add_candidacy"
            ):
                raise SuggestionError("You may not add candidacies; untick “Add as a candidate”.")
            quote = accept(suggestion, request.user, speaker, create_speaker, completion)
        except SuggestionError as problem:
            message = self.refused(suggestion, problem)
            self.message_user(request, message, messages.ERROR)
            if suggestion.is_pending:
                return self.render_page(request, article, (suggestion.pk, request.POST), message)
        else:
            url = reverse("admin:stances_quote_change", args=[quote.pk])
            if quote.speaker_id:
                new = " (new speaker)" if create_speaker else ""
                who = format_html("by {}{}", quote.speaker.name, new)
            elif quote.attribution_text:
                who = format_html("from unnamed sources (“{}”)", quote.attribution_text)
            else:
                who = "from unnamed sources"
            added = completed(quote, completion, create_speaker)
            self.message_user(
                request,
                format_html(
                    'Accepted as a <a href="{}">draft quote</a> {}: “{}”.{}',
                    url,
                    who,
                    excerpt(quote.text, 60),
                    f" {added}" if added else "",
                ),
                messages.SUCCESS,
            )
        return HttpResponseRedirect(self.suggestions_url(article))

    def reject_view(self, request, object_id, suggestion_id):
        article, suggestion = self.decision_target(request, object_id, suggestion_id)
        try:
            reject(suggestion, request.user)
        except SuggestionError as problem:
            self.message_user(request, self.refused(suggestion, problem), messages.ERROR)
        else:
            self.message_user(
                request,
                f"Rejected “{excerpt(suggestion.text, 60)}”; it will not be suggested again.",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(self.suggestions_url(article))

    def accept_matched_view(self, request, object_id):
        article = self.article_for_suggestions(request, object_id)
        accepted, refused = 0, []
        for row in self.pending_rows(article):
            if row.matched is None:
                continue
            try:
                accept(row.suggestion, request.user, speaker=row.matched)
            except SuggestionError as problem:
                refused.append(self.refused(row.suggestion, problem))
            else:
                accepted += 1
        if accepted:
            self.message_user(
                request,
                ngettext(
                    "Accepted %(count)d suggestion with a matched speaker as a draft quote.",
                    "Accepted %(count)d suggestions with a matched speaker as draft quotes.",
                    accepted,
                )
                % {"count": accepted},
                messages.SUCCESS,
            )
        elif not refused:
            self.message_user(
                request, "No pending suggestion has a matched speaker.", messages.WARNING
            )
        for problem in refused:
            self.message_user(request, problem, messages.ERROR)
        return HttpResponseRedirect(self.suggestions_url(article))


@admin.register(QuoteSuggestion)
class QuoteSuggestionAdmin(SimpleHistoryAdmin):
    """A read-only record of what the extractor suggested and what editors decided, each
    suggestion with its history (found, then accepted or rejected, by whom and when)."""

    change_list_template = "admin/stances/quotesuggestion/change_list.html"
    list_display = [
        "short_text",
        "kind",
        "speaker_or_attribution",
        "article",
        "confidence",
        "status",
        "decided_by",
        "decided_at",
        "quote_link",
    ]
    list_filter = ["status", "kind", ("article", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["article", "decided_by", "quote"]
    search_fields = ["text", "speaker_name", "attribution", "article__title"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False  # suggestions come from the extractor, on the article's "Suggest quotes"

    def has_change_permission(self, request, obj=None):
        return False  # decisions are made on the article's "Suggest quotes" page

    def has_delete_permission(self, request, obj=None):
        return False  # decisions stay on record: they are the extractor's precision

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None)
        if context is not None and "cl" in context:
            changelist = context["cl"]
            narrowed = changelist.has_active_filters or changelist.query
            context["precision_overall"] = describe_precision(QuoteSuggestion.objects.precision())
            context["precision_listed"] = (
                describe_precision(changelist.queryset.precision()) if narrowed else ""
            )
        return response

    @admin.display(description="Suggestion", ordering="text")
    def short_text(self, suggestion):
        return excerpt(suggestion.text)

    @admin.display(description="Speaker", ordering="speaker_name")
    def speaker_or_attribution(self, suggestion):
        if suggestion.speaker_name:
            return suggestion.speaker_name
        return unnamed_sources(suggestion.attribution)

    @admin.display(description="Draft quote")
    def quote_link(self, suggestion):
        if suggestion.quote_id:
            url = reverse("admin:stances_quote_change", args=[suggestion.quote_id])
            return format_html('<a href="{}">Quote {}</a>', url, suggestion.quote_id)
        if suggestion.is_pending:
            url = reverse("admin:articles_article_suggestions", args=[suggestion.article_id])
            return format_html('<a href="{}">Review</a>', url)
        return "—"
