"""The public, read-only pages. Each view builds its context with a fixed number of queries."""

import datetime

from django.core.paginator import Paginator
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from articles.models import Article, Outlet

from . import excerpts, grids, search, timeline
from .filters import QuoteFilter
from .forms import (
    CompareForm,
    RunningMatesForm,
    SpeakerSearchForm,
    mark_invalid_fields,
    public_speakers,
)
from .models import Election, PositionSummary, Quote, Speaker, Stance, StanceTag, Topic
from .pagination import capped_page

QUOTES_PER_PAGE = 20
ARTICLES_PER_PAGE = 30


def published_quotes():
    """Published quotes with what a quote card prints: speaker, about, article, outlet, tags."""
    return (
        Quote.objects.published()
        .with_citation()
        .prefetch_related(
            Prefetch("tags", queryset=StanceTag.objects.select_related("stance__topic"))
        )
    )


# Elections and comparisons ------------------------------------------------------------------


def home(request):
    election = Election.objects.newest_first().first()
    if election is None:
        return render(request, "stances/no_election.html", {"section": "home"})
    return election_page(request, election, is_home=True)


def election_detail(request, slug):
    election = get_object_or_404(Election, slug=slug)
    return election_page(request, election, is_home=False)


def election_page(request, election, *, is_home):
    toggle = RunningMatesForm(request.GET)
    with_mates = toggle.is_valid() and toggle.cleaned_data["running_mates"]
    candidacies = list(election.candidacies.on_ballot_order())
    shown = [c for c in candidacies if with_mates or not c.is_running_mate]
    holders = [c.speaker for c in shown]
    grid, overview, rows = grids.grid_overview_and_rows(holders)
    mates_query = "?running_mates=on" if with_mates else ""

    def topic_link(topic):
        return reverse("election_topic", args=[election.slug, topic.slug]) + mates_query

    for row in overview or ():
        row.link = topic_link(row.topic)
    summary = None
    if len(holders) > 1:  # one candidate has nobody to be compared with
        # The grid shows every row; the overview's rows are on their topics' pages.
        summary = grids.head_to_head(
            rows,
            link=lambda stance: f"{'' if grid else topic_link(stance.topic)}#stance-{stance.slug}",
            topic_link=topic_link,
            listed=None if grid else grids.LINES_SHOWN,
        )
    context = {
        "section": "home" if is_home else "elections",
        "election": election,
        "candidacies": shown,
        "hidden_mates": [c for c in candidacies if c.is_running_mate and c not in shown],
        "with_mates": with_mates,
        "has_mates": any(c.is_running_mate for c in candidacies),
        "grid": grid,
        "overview": overview,
        "head_to_head": summary,
        "other_elections": list(Election.objects.newest_first().exclude(pk=election.pk)),
    }
    return render(request, "stances/election.html", context)


def election_topic(request, slug, topic):
    """One topic's rows of an election's grid: every candidate's position on its stances."""
    election = get_object_or_404(Election, slug=slug)
    topic = get_object_or_404(Topic, slug=topic)
    toggle = RunningMatesForm(request.GET)
    with_mates = toggle.is_valid() and toggle.cleaned_data["running_mates"]
    candidacies = [
        c for c in election.candidacies.on_ballot_order() if with_mates or not c.is_running_mate
    ]
    stances = topic.stances.select_related("topic")
    grid = grids.build_grid([c.speaker for c in candidacies], stances, include_empty_rows=True)
    context = {
        "section": "elections",
        "election": election,
        "topic": topic,
        "candidacies": candidacies,
        "with_mates": with_mates,
        "grid": grid,
    }
    return render(request, "stances/election_topic.html", context)


def compare(request):
    # Only a choice of speakers binds the form: a bare link with tracking parameters shows the
    # empty form, and a link naming only topics (from a topic page) shows them ticked.
    chosen = "speakers" in request.GET
    form = CompareForm(
        request.GET if chosen else None, initial={"topics": request.GET.getlist("topics")}
    )
    grid = overview = None
    status = 200
    if form.is_bound:
        if form.is_valid():
            speakers = sorted(form.cleaned_data["speakers"], key=lambda s: s.name)
            topics = form.cleaned_data["topics"]
            stances = Stance.objects.in_display_order()
            if topics:
                stances = stances.filter(topic__in=topics)
            if len(topics) == 1:  # one topic is as far as the overview narrows: show it whole
                grid, overview = grids.build_grid(speakers, stances), None
            else:
                grid, overview = grids.grid_or_overview(speakers, stances)
            speakers_query = query_only(request, "speakers")
            for row in overview or ():
                row.link = f"{speakers_query}&topics={row.topic.slug}"
        else:
            mark_invalid_fields(form)
            status = 400
    context = {
        "section": "compare",
        "form": form,
        "grid": grid,
        "overview": overview,
    }
    return render(request, "stances/compare.html", context, status=status)


# Topics -------------------------------------------------------------------------------------

# A topic page shows the people with the most evidence on it; the rest are one link away.
TOPIC_HOLDERS = 8


def topic_list(request):
    topics = Topic.objects.annotate(stance_count=Count("stances")).with_stances()
    context = {"section": "topics", "topics": list(topics)}
    return render(request, "stances/topic_list.html", context)


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    stances = list(topic.stances.select_related("topic").order_by("order", "statement"))
    holder_ids, holder_total = grids.top_holders_on(stances, TOPIC_HOLDERS)
    holders = sorted(Speaker.objects.filter(pk__in=holder_ids), key=lambda h: h.name)
    grid = grids.build_grid(holders, stances, include_empty_rows=True)
    context = {
        "section": "topics",
        "topic": topic,
        "grid": grid,
        "more_holders": holder_total - len(holders),
    }
    return render(request, "stances/topic_detail.html", context)


# Speakers -----------------------------------------------------------------------------------

SPEAKERS_PER_PAGE = 60


def speaker_list(request):
    form = SpeakerSearchForm(request.GET)
    if not form.is_valid():
        mark_invalid_fields(form)
        context = {"section": "speakers", "form": form, "page": None}
        return render(request, "stances/speaker_list.html", context, status=400)
    speakers = public_speakers()
    for word in form.words():
        speakers = speakers.filter(pk__in=search.speakers_named(word))
    speakers = speakers.annotate(
        # From stored positions, one row per stance at most: bounded however many quotes.
        stance_count=count_of(
            PositionSummary.objects.filter(holder=OuterRef("pk")).exclude(
                verdict=PositionSummary.Verdict.NONE
            )
        )
    ).order_by("name", "pk")
    page = paginate(speakers, SPEAKERS_PER_PAGE, request)
    context = {
        "section": "speakers",
        "form": form,
        "page": page,
        "searched": " ".join(form.words()),
        "page_query": query_only(request, "q") if form.words() else "",
    }
    return render(request, "stances/speaker_list.html", context)


def count_of(queryset):
    """A correlated COUNT(*) of the queryset, as an integer annotation."""
    counted = queryset.order_by().values(group=Value(1)).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def speaker_detail(request, slug):
    speaker = get_object_or_404(
        public_speakers().prefetch_related("roles", "other_names"), slug=slug
    )
    # A long list of positions is a compact table linking each row's newest quote; the quotes
    # themselves are listed below anyway.
    compact = len(grids.stored_cells([speaker])) > grids.FULL_GRID_ROWS
    grid = grids.build_grid([speaker], quotes_per_cell=1 if compact else None)
    quotes = published_quotes().filter(Q(speaker=speaker) | Q(about=speaker)).newest_first()
    page = paginate(quotes, QUOTES_PER_PAGE, request)
    candidacies = list(
        speaker.candidacies.select_related("election").order_by("-election__held_on")
    )
    context = {
        "section": "speakers",
        "speaker": speaker,
        "roles": sorted(
            speaker.roles.all(), key=lambda r: r.started_on or datetime.date.min, reverse=True
        ),
        "grid": grid,
        "compact": compact,
        "page": page,
        "page_query": query_without(request, "page"),
        "timeline": timeline.for_speaker(speaker, total=page.paginator.count),
        "other_names": speaker.other_names.all(),
        "candidacies": candidacies,
    }
    return render(request, "stances/speaker_detail.html", context)


# Quotes -------------------------------------------------------------------------------------


# A quote page lists this many reactions, the earliest recorded first.
REACTIONS_SHOWN = 30


def quote_detail(request, pk):
    quote = get_object_or_404(
        Quote.objects.with_citation()
        .select_related("responds_to__speaker", "responds_to__article__outlet")
        .prefetch_related(
            Prefetch("speaker__roles"),
            Prefetch("tags", queryset=StanceTag.objects.select_related("stance__topic")),
            Prefetch(
                "reactions",
                # One more than shown, to know whether there are more.
                queryset=Quote.objects.published()
                .with_citation()
                .order_by("pk")[: REACTIONS_SHOWN + 1],
                to_attr="published_reactions",
            ),
        ),
        pk=pk,
    )
    if quote.status == Quote.Status.DRAFT or quote.published_at is None:
        # Never published (a draft, or retracted before readers saw it): nothing to show.
        raise Http404("No published quote has this address.")
    if quote.status == Quote.Status.RETRACTED:
        return render(
            request,
            "stances/quote_retracted.html",
            {"section": "quotes", "quote": quote},
            status=410,
        )
    responds_to = quote.responds_to if quote.responds_to and quote.responds_to.is_public else None
    context = {
        "section": "quotes",
        "quote": quote,
        "role": quote.role_at_the_time(),
        "responds_to": responds_to,
        "reactions": quote.published_reactions[:REACTIONS_SHOWN],
        "more_reactions": len(quote.published_reactions) > REACTIONS_SHOWN,
        "in_context": excerpts.context_of(quote, quote.article.body),
        "permalink": request.build_absolute_uri(quote.get_absolute_url()),
        "today": datetime.date.today(),
    }
    return render(request, "stances/quote_detail.html", context)


def quote_browser(request):
    quotes = published_quotes().newest_first()
    quote_filter = QuoteFilter(request.GET or None, queryset=quotes)
    if quote_filter.is_bound and not quote_filter.is_valid():
        mark_invalid_fields(quote_filter.form)
        context = {
            "section": "quotes",
            "filter": quote_filter,
            "page": None,
            "active": [],
            "did_you_mean": None,
        }
        return render(request, "stances/quote_browser.html", context, status=400)
    page = capped_page(quote_filter.qs, QUOTES_PER_PAGE, request)
    context = {
        "section": "quotes",
        "filter": quote_filter,
        "page": page,
        "active": active_filters(request, quote_filter),
        "page_query": query_without(request, "page"),
        "did_you_mean": did_you_mean(request, quote_filter, page),
    }
    return render(request, "stances/quote_browser.html", context)


def did_you_mean(request, quote_filter, page) -> dict | None:
    """For a search that found little: the same search with a close speaker's name in place of
    a word that is in no name, and the link to it (the other filters kept)."""
    terms = quote_filter.form.cleaned_data.get("q") if quote_filter.is_bound else None
    if not terms or page.paginator.count >= search.FEW_RESULTS:
        return None
    corrected = search.did_you_mean(terms)
    if corrected is None:
        return None
    params = request.GET.copy()
    params.pop("page", None)
    params["q"] = corrected.terms
    return {
        "terms": corrected.terms,
        "speakers": corrected.speakers,
        "url": f"?{params.urlencode()}",
    }


def paginate(items, per_page, request):
    """The requested page (any bad number gives a real page), its rows fetched here, not in
    the template."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    return page


def active_filters(request, quote_filter):
    """The filters in force, each with a link that removes it."""
    if not quote_filter.is_bound:
        return []
    data = quote_filter.form.cleaned_data
    active = []
    for name, bound in quote_filter.form.fields.items():
        value = data.get(name)
        if value in (None, ""):
            continue
        shown = value
        if hasattr(bound, "choices") and not hasattr(value, "pk"):
            shown = dict(bound.choices).get(value, value)
        active.append(
            {
                "label": bound.label,
                "value": shown,
                "remove_url": reverse("quotes") + query_without(request, name, "page"),
            }
        )
    return active


def query_only(request, *names) -> str:
    """The query string with only these parameters (all their values) kept."""
    params = request.GET.copy()
    for name in list(params):
        if name not in names:
            params.pop(name)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


def query_without(request, *names) -> str:
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""


# Articles and outlets -----------------------------------------------------------------------


def articles_with_published_quotes(articles):
    """Articles that have a published quote, newest first (an EXISTS each, not a join of all
    their quotes)."""
    published = Quote.objects.published().filter(article=OuterRef("pk"))
    return articles.filter(Exists(published)).newest_first()


def with_quote_counts(page):
    """Each article on the page gets its number of published quotes, in one query."""
    counts = dict(
        Quote.objects.published()
        .filter(article__in=page.object_list)
        .values_list("article")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for article in page.object_list:
        article.quote_count = counts.get(article.pk, 0)
    return page


def article_list(request):
    articles = articles_with_published_quotes(Article.objects.with_outlet())
    page = with_quote_counts(paginate(articles, ARTICLES_PER_PAGE, request))
    return render(request, "stances/article_list.html", {"section": "articles", "page": page})


def article_detail(request, pk):
    article = get_object_or_404(Article.objects.with_outlet(), pk=pk)
    quotes = list(published_quotes().filter(article=article).in_reading_order())
    if not quotes:
        raise Http404("No published quotes come from this article.")
    # The article's text is not ours to publish: each quote gets a few words around it only.
    for quote in quotes:
        quote.in_article = excerpts.context_of(quote, article.body)
    context = {"section": "articles", "article": article, "quotes": quotes}
    return render(request, "stances/article_detail.html", context)


def outlet_detail(request, slug):
    outlet = get_object_or_404(Outlet, slug=slug)
    articles = articles_with_published_quotes(outlet.articles.all())
    page = with_quote_counts(paginate(articles, ARTICLES_PER_PAGE, request))
    if not page.object_list:
        raise Http404("No published quotes come from this outlet.")
    return render(
        request,
        "stances/outlet_detail.html",
        {"section": "articles", "outlet": outlet, "page": page},
    )
