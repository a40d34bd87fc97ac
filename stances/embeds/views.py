"""Embeds: an election's grid, a topic and one position, made to sit in another site's iframe;
and the "Reuse our data" page.

Only the embeds may be framed, by any site: `frameable` lifts X-Frame-Options and the CSP's
frame-ancestors 'none' for them alone. They read the grids' stored positions, in a fixed number
of queries, and name the source of every quote they show.
"""

from functools import wraps

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import get_conditional_response, set_response_etag
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override

from articles.models import Article

from .. import grids
from ..forms import RunningMatesForm, public_speakers
from ..models import Election, Speaker, Stance, Topic
from ..views import TOPIC_HOLDERS

# Any page may frame an embed: newsrooms' sites, blogs, and their staging servers on http.
# `*` matches every http(s) origin, never data: or blob: documents.
ANY_SITE = "*"


def frameable(view):
    """Lets any site show the view's page in a frame; every other page keeps the site's policy.

    The 304 of a conditional GET is answered here, so it carries the same allowances: a 304's
    headers replace the ones a browser stored, and ConditionalGetMiddleware's own 304 would
    bring back frame-ancestors 'none'. The page cache keeps these allowances with a stored
    page and gives them to its hits and their 304s (stances.page_cache.KEPT_ATTRIBUTES).
    """
    policy = {**settings.SECURE_CSP, "frame-ancestors": [ANY_SITE]}

    @xframe_options_exempt
    @csp_override(policy)
    @wraps(view)
    def framed(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method == "GET" and response.status_code == 200:
            set_response_etag(response)
            response = get_conditional_response(request, etag=response["ETag"], response=response)
        return response

    return framed


def attach_sources(grid) -> None:
    """Loads, in one query, the article and outlet of every quote the grid's cells show."""
    quotes = []
    for row in grid.rows:
        for cell in row.cells:
            quotes += [tag.quote for tag in cell.shown_tags]
            if cell.shift:
                quotes += [cell.shift.before.quote, cell.shift.after.quote]
    articles = (
        Article.objects.with_outlet()
        .only("title", "url", "published_on", "outlet__name", "outlet__slug")
        .order_by()
    )
    by_pk = {a.pk: a for a in articles.filter(pk__in={q.article_id for q in quotes})}
    for quote in quotes:
        quote.article = by_pk[quote.article_id]


def embed_page(request, template, context):
    context = {"full_url": request.build_absolute_uri(context["full_path"]), **context}
    return render(request, template, context)


@frameable
def election(request, slug):
    """An election's comparison: the grid, or its per-topic overview when the grid is long."""
    election = get_object_or_404(Election, slug=slug)
    toggle = RunningMatesForm(request.GET)
    with_mates = toggle.is_valid() and toggle.cleaned_data["running_mates"]
    mates_query = "?running_mates=on" if with_mates else ""
    candidacies = [
        c for c in election.candidacies.on_ballot_order() if with_mates or not c.is_running_mate
    ]
    grid, overview = grids.grid_or_overview([c.speaker for c in candidacies])
    if grid is not None:
        attach_sources(grid)
    for row in overview or ():
        row.link = reverse("election_topic", args=[election.slug, row.topic.slug]) + mates_query
    context = {
        "election": election,
        "candidacies": candidacies,
        "grid": grid,
        "overview": overview,
        "full_path": election.get_absolute_url() + mates_query,
    }
    return embed_page(request, "embeds/election.html", context)


@frameable
def topic(request, slug):
    """A topic's stances and the positions of the people with the most evidence on it."""
    topic = get_object_or_404(Topic, slug=slug)
    stances = list(topic.stances.select_related("topic").order_by("order", "statement"))
    holder_ids, holder_total = grids.top_holders_on(stances, TOPIC_HOLDERS)
    holders = sorted(Speaker.objects.filter(pk__in=holder_ids), key=lambda h: h.name)
    grid = grids.build_grid(holders, stances, include_empty_rows=True)
    attach_sources(grid)
    context = {
        "topic": topic,
        "grid": grid,
        "more_holders": holder_total - len(holders),
        "full_path": topic.get_absolute_url(),
    }
    return embed_page(request, "embeds/topic.html", context)


@frameable
def position(request, speaker, stance):
    """One person's position on one stance: one cell of a grid, with every quote it links."""
    holder = get_object_or_404(public_speakers(), slug=speaker)
    stance = get_object_or_404(Stance.objects.select_related("topic"), slug=stance)
    grid = grids.build_grid([holder], [stance], include_empty_rows=True)
    attach_sources(grid)
    context = {
        "holder": holder,
        "stance": stance,
        "position": grid.rows[0].cells[0],
        "full_path": f"{holder.get_absolute_url()}#stance-{stance.slug}",
    }
    return embed_page(request, "embeds/position.html", context)


def reuse(request):
    """What readers may take from Stances, how, and on what terms."""
    return render(request, "embeds/reuse.html", {"section": "reuse"})
