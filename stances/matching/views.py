"""The "Where do I stand?" pages: /match/ for the newest election, /elections/<slug>/match/."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .. import grids
from ..forms import mark_invalid_fields
from ..models import Election
from . import scoring
from .forms import AnswersForm, has_answers
from .render import LinesRenderer

# A result links this many quotes from each candidate's cell, and "all N quotes" beyond them:
# a reader who answers every one of 150 stances for 14 candidates still gets a bounded page.
QUOTES_PER_LINE = 1


@require_safe
def match(request, slug=None):
    # Every election in one query, for the links to the others: the one shown is picked from it.
    elections = list(Election.objects.newest_first())
    if slug is None:
        election = elections[0] if elections else None
    else:
        election = next((e for e in elections if e.slug == slug), None)
        if election is None:
            raise Http404("No such election.")
    answering = has_answers(request.GET)
    response = (
        questionnaire(request, election, elections, answering)
        if election
        else render(request, "matching/match.html", {"section": "match", "election": None})
    )
    if answering:
        # Answers are the reader's views. A page for them is never kept by the page cache
        # (nor by browsers and proxies): their combinations are unbounded and would crowd out
        # every other page, and a reader's answers have no business in a shared store.
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    return response


def questionnaire(request, election, elections, answering):
    candidacies = [c for c in election.candidacies.on_ballot_order() if not c.is_running_mate]
    holders = [c.speaker for c in candidacies]
    stances = list(scoring.asked_stances(holders))
    form = AnswersForm(request.GET if answering else None, stances)
    result, statements, status, skipped_all = None, [], 200, False
    if form.is_bound:
        if form.is_valid():
            answers = form.answers()
            skipped_all = not answers
            if answers:
                cells = scoring.cells_for(holders, [answer.stance for answer in answers])
                grids.attach_quotes(list(cells.values()), QUOTES_PER_LINE)
                result = scoring.match(holders, answers, cells)
                statements = statement_lines(result)
        else:
            mark_invalid_fields(form)
            status = 400
    context = {
        "section": "match",
        "election": election,
        "candidacies": candidacies,
        "form": form,
        "result": result,
        "statements": statements,
        "skipped_all": skipped_all,
        "unknown_stances": form.unknown_stances() if form.is_bound else 0,
        "other_elections": [e for e in elections if e.pk != election.pk],
    }
    return render(request, "matching/match.html", context, status=status)


def statement_lines(result):
    """[(topic, [(answered stance, its lines' HTML), ...]), ...]: the lines are built in Python
    (see render.py), a page of every answer for every candidate being thousands of them."""
    renderer = LinesRenderer(quotes_url=reverse("quotes"))
    return [
        (topic, [(item, renderer.statement(item)) for item in items])
        for topic, items in result.topics
    ]
