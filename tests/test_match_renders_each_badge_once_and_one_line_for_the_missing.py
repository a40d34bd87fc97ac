"""Where do I stand?: a result's cost grows with the evidence shown, not with answers times
candidates. Each distinct badge is rendered once from stances/_verdict.html, however many lines
show it; the candidates with nothing on record on a statement share one line; and each line with
evidence stays within a bounded size."""

import pytest
from django.urls import reverse

from tests.archive import build_archive
from tests.match_fixtures import make_race

pytestmark = pytest.mark.django_db

# Generous bounds on the HTML a result adds: a line with evidence (names, badge, one quote of
# 100 characters, the link to all quotes) and the rest of a statement (its heading, the reader's
# answer, the shared line for those with no recorded position).
BYTES_PER_LINE_WITH_EVIDENCE = 1_200
BYTES_PER_STATEMENT = 1_000


def answer_everything(client, election):
    url = reverse("election_match", args=[election.slug])
    stances = client.get(url).context["form"].stances
    query = {}
    for n, stance in enumerate(stances):
        query[f"s{stance.pk}"] = "agree" if n % 2 else "disagree"
        query[f"w{stance.pk}"] = "2"
    response = client.get(url, query)
    assert response.status_code == 200
    return response


def lines_with_evidence(result):
    return [line for item in result.answered for line in item.lines if line.cell.has_evidence]


def result_section(html):
    start = html.index('<section aria-labelledby="result"')
    return html[start : html.index("</section>", start)]


def test_each_distinct_badge_is_rendered_once_per_page(client):
    race = make_race()
    response = answer_everything(client, race.election)

    lines = lines_with_evidence(response.context["result"])
    badges = {line.cell.badge for line in lines}
    renders = [t.name for t in response.templates].count("stances/_verdict.html")
    assert len(lines) == 7  # more lines than badges: some badges repeat
    assert renders == len(badges) == 5
    for badge in badges:
        assert f"{badge.label}</span>" in response.text


def test_candidates_with_nothing_on_record_share_one_line_per_statement(client):
    race = make_race()
    response = answer_everything(client, race.election)
    html = response.text

    # Cy has nothing on aid: one shared line names him; on talks he only mentions it, and a
    # mention is shown with its badge and quote, not folded away.
    assert html.count('class="match-line match-none"') == 1
    assert "No recorded position</span>: 1 candidate</summary><p>Cy Doyle</p>" in html
    assert "Mentioned without taking a side</span>" in html
    assert html.count('<li class="match-line"') == 7
    assert "{#" not in html  # a template comment over several lines would print on the page


def test_names_and_statements_built_in_python_are_escaped(client):
    race = make_race()
    race.cy.name = "Cy <b>Doyle</b>"
    race.cy.save()
    race.talks.statement = "Open <i>peace</i> talks now"
    race.talks.save()
    html = answer_everything(client, race.election).text

    assert "<b>Doyle</b>" not in html
    assert "<p>Cy &lt;b&gt;Doyle&lt;/b&gt;</p>" in html  # the shared line for aid
    assert "<strong>Cy &lt;b&gt;Doyle&lt;/b&gt;</strong>" in html  # his line on talks
    assert "<i>peace</i>" not in html
    assert " on Open &lt;i&gt;peace&lt;/i&gt; talks now giving Ada Byrne's position" in html


def test_the_result_grows_with_the_evidence_shown_not_with_its_repetition(client):
    archive = build_archive(200)
    response = answer_everything(client, archive.election)

    result = response.context["result"]
    section = result_section(response.text)
    bound = BYTES_PER_LINE_WITH_EVIDENCE * len(lines_with_evidence(result)) + (
        BYTES_PER_STATEMENT * len(result.answered)
    )
    assert len(result.answered) > 1
    assert len(section.encode()) <= bound
    renders = [t.name for t in response.templates].count("stances/_verdict.html")
    assert renders == len({line.cell.badge for line in lines_with_evidence(result)})
