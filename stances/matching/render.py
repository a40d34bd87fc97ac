"""A result's statement-by-statement lines, built in Python.

Every answer has a line for each candidate: 150 answers and 14 candidates are 2,100 lines, and a
template include or partial per line made such a page take seconds to render. Here each distinct
badge is rendered once from stances/_verdict.html (which words every badge on the site) and
reused, and the rest of a line is a few format_html calls. The candidates with nothing on record
on a statement share one line, their names listed in a disclosure: those lines said the same thing
over and over, and were half of a typical page.
"""

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from ..models import Quote, StanceTag
from .scoring import AnsweredStance, Line

QUOTE_CHARACTERS = 100  # each linked quote is cut to this many characters
# Choice labels looked up once: get_FOO_display() scans the choices for each of thousands of quotes.
KINDS = {key: str(label) for key, label in Quote.Kind.choices}
ALIGNMENTS = {key: str(label).lower() for key, label in StanceTag.Alignment.choices}
QUOTE_MARKS = {Quote.Kind.DIRECT: ("“", "”"), Quote.Kind.PARTIAL: ("“", "”")}


class LinesRenderer:
    """Renders the lines of one result page, each repeated piece (a badge, an outcome) once."""

    def __init__(self, quotes_url: str):
        self.quotes_url = quotes_url
        self.badges: dict = {}
        self.outcomes: dict = {}

    def badge(self, cell) -> SafeString:
        badge = cell.badge
        if badge not in self.badges:
            self.badges[badge] = mark_safe(
                render_to_string("stances/_verdict.html", {"position": {"badge": badge}}).strip()
            )
        return self.badges[badge]

    def outcome(self, line: Line) -> SafeString:
        if line.outcome not in self.outcomes:
            self.outcomes[line.outcome] = format_html(
                '<span class="outcome outcome-{}"><span aria-hidden="true">{}</span> {}</span>',
                line.outcome,
                line.symbol,
                line.outcome.label,
            )
        return self.outcomes[line.outcome]

    def statement(self, item: AnsweredStance) -> SafeString:
        """The <li> lines of one answered statement: a line per candidate with evidence, and one
        for those with none."""
        with_evidence = [line for line in item.lines if line.cell.has_evidence]
        without = [line for line in item.lines if not line.cell.has_evidence]
        html = mark_safe("".join(self.line(line) for line in with_evidence))
        if without:
            html += self.no_position(without)
        return html

    def line(self, line: Line) -> SafeString:
        cell = line.cell
        quotes = mark_safe("".join(self.quote(cell, tag) for tag in cell.shown_tags))
        more = ""
        if cell.hidden_count or not cell.shown_tags:
            more = format_html(
                '<p class="more"><a href="{}?holder={}&amp;stance={}">{}<span'
                ' class="visually-hidden"> on {} giving {}\'s position</span></a></p>',
                self.quotes_url,
                line.holder.slug,
                cell.stance.slug,
                "The quote" if cell.quote_count == 1 else f"All {cell.quote_count} quotes",
                cell.stance.statement,
                line.holder.name,
            )
        return format_html(
            '<li class="match-line"><p class="match-line-head"><strong>{}</strong> {}</p>'
            '<p class="match-evidence">{}</p>{}{}</li>',
            line.holder.name,
            self.outcome(line),
            self.badge(cell),
            quotes,
            more,
        )

    def quote(self, cell, tag) -> SafeString:
        quote = tag.quote
        opening, closing = QUOTE_MARKS.get(quote.kind, ("", ""))
        text = quote.text[:QUOTE_CHARACTERS] + ("…" if len(quote.text) > QUOTE_CHARACTERS else "")
        note = ""
        if tag.alignment == StanceTag.Alignment.NEUTRAL:
            note = "; mentions only"
        elif tag.alignment != cell.verdict and cell.verdict != "none":
            note = f"; {ALIGNMENTS[tag.alignment]}"
        return format_html(
            '<p class="match-quote"><a href="{}">{}{}{}</a>'
            ' <span class="quote-meta">{}{}</span></p>',
            quote.get_absolute_url(),
            opening,
            text,
            closing,
            KINDS[quote.kind],
            note,
        )

    def no_position(self, lines: list[Line]) -> SafeString:
        count = len(lines)
        return format_html(
            '<li class="match-line match-none"><details><summary>{}: {} candidate{}</summary>'
            "<p>{}</p></details></li>",
            self.outcome(lines[0]),
            count,
            "" if count == 1 else "s",
            ", ".join(line.holder.name for line in lines),
        )
