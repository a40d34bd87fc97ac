"""Every public page issues the same, pinned number of queries for a small and a large archive:
no page (and no template) queries once per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.archive import build_archive

pytestmark = pytest.mark.django_db

SMALL, LARGE = 10, 500
HOME_BUDGET = 8


def compare_url(a, *extra):
    speakers = "&".join(f"speakers={s.slug}" for s in [*a.candidates, a.running_mate])
    return f"{reverse('compare')}?{speakers}{''.join(extra)}"


def filtered_quotes_url(a):
    trump = a.candidates[0]
    return (
        f"{reverse('quotes')}?speaker={trump.slug}&topic={a.topic.slug}&alignment=supports"
        f"&said_after=2020-01-01&said_before=2024-12-31&election={a.election.slug}"
    )


# Each page: how to reach it in an archive, and its pinned query count.
PAGES = {
    "home": (lambda a: reverse("home"), 6),
    "home with running mates": (lambda a: reverse("home") + "?running_mates=on", 6),
    "election": (lambda a: reverse("election", args=[a.election.slug]), 6),
    "compare": (lambda a: compare_url(a), 6),
    "compare on one topic": (lambda a: compare_url(a, f"&topics={a.topic.slug}"), 6),
    "topics": (lambda a: reverse("topics"), 2),
    "topic": (lambda a: reverse("topic", args=[a.topic.slug]), 7),
    "election topic": (
        lambda a: reverse("election_topic", args=[a.election.slug, a.topic.slug]),
        6,
    ),
    "speakers": (lambda a: reverse("speakers"), 2),
    "speakers searched": (lambda a: reverse("speakers") + "?q=a+e", 2),
    "speaker": (lambda a: a.candidates[0].get_absolute_url(), 11),
    "running mate": (lambda a: a.running_mate.get_absolute_url(), 11),
    "quotes": (lambda a: reverse("quotes"), 8),
    "quotes filtered": (filtered_quotes_url, 11),
    "quotes searched": (lambda a: reverse("quotes") + "?q=ceasefire+talks", 8),
    "quotes page 2": (lambda a: reverse("quotes") + "?page=2", 8),
    "quote": (lambda a: a.quote.get_absolute_url(), 4),
    "articles": (lambda a: reverse("articles"), 3),
    "article": (lambda a: a.article.get_absolute_url(), 3),
    "outlet": (lambda a: a.outlet.get_absolute_url(), 4),
    "match": (lambda a: reverse("match"), 3),
    "match answered": (
        lambda a: (
            reverse("election_match", args=[a.election.slug])
            + f"?s{a.stance.pk}=agree&w{a.stance.pk}=2"
        ),
        5,
    ),
}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize("page", PAGES)
def test_a_page_issues_its_pinned_number_of_queries_for_10_and_500_quotes(client, page):
    url_of, pinned = PAGES[page]
    small = build_archive(SMALL)
    small_count, _ = count_queries(client, url_of(small))
    large = build_archive(LARGE)  # in the same database: now over 500 quotes in all
    large_count, large_sql = count_queries(client, url_of(large))

    assert small_count == large_count, "\n".join(large_sql)
    assert large_count == pinned, "\n".join(large_sql)


def test_the_election_comparison_stays_within_its_budget(client):
    build_archive(LARGE)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("home") + "?running_mates=on")
    assert response.status_code == 200
    assert len(queries) <= HOME_BUDGET


# Forms list their choices (speakers, topics, ...) as they render: those are the only queries a
# template may run, one per choice field.
QUERIES_WHILE_RENDERING = {"compare": 2, "compare on one topic": 2}
QUERIES_WHILE_RENDERING |= {name: 5 for name in PAGES if name.startswith("quotes")}


@pytest.fixture
def render_queries(monkeypatch):
    """Counts the queries each page's template runs while it renders."""
    from django.template.backends.django import Template

    counts, depth = [], [0]
    render = Template.render

    def counting_render(self, *args, **kwargs):
        if depth[0]:  # a widget rendered inside the page: counted with the page
            return render(self, *args, **kwargs)
        depth[0] += 1
        try:
            with CaptureQueriesContext(connection) as queries:
                html = render(self, *args, **kwargs)
        finally:
            depth[0] -= 1
        counts.append(len(queries))
        return html

    monkeypatch.setattr(Template, "render", counting_render)
    return counts


@pytest.mark.parametrize("page", PAGES)
def test_templates_run_no_queries_of_their_own(client, page, render_queries):
    url_of, _ = PAGES[page]
    response = client.get(url_of(build_archive(SMALL)))

    assert response.status_code == 200
    assert render_queries  # the page was rendered from a template
    # Views may render fragments first (Where do I stand? draws each distinct badge once): all
    # the template renders of a request together run no more queries than the page's own.
    assert sum(render_queries) == QUERIES_WHILE_RENDERING.get(page, 0)
