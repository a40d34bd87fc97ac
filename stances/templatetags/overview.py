"""The per-topic overview's cells, rendered in Python: a 20-candidate election has 600 of them,
and a template include per cell would cost more than everything else on the page."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

NO_POSITION = mark_safe(
    '<span class="verdict verdict-none"><span class="verdict-icon" aria-hidden="true">–</span>'
    " No recorded position</span>"
)
SIDES = (("supports", "✓", "Supports"), ("opposes", "✗", "Opposes"), ("mixed", "±", "Mixed"))


@register.simple_tag
def tally_cell(tally):
    """One holder's counts on one topic: supports, opposes, mixed, and neutral mentions."""
    mentions = (
        format_html('<p class="evidence">Mentions only: {}</p>', tally.mentions)
        if tally.mentions
        else ""
    )
    if not tally.on_record:
        if mentions:
            return mentions
        return NO_POSITION
    sides = format_html_join(
        "",
        '<li class="verdict verdict-{}"><span class="verdict-icon" aria-hidden="true">{}</span>'
        " {} {}</li>",
        (
            (name, icon, label, getattr(tally, name))
            for name, icon, label in SIDES
            if getattr(tally, name)
        ),
    )
    return format_html('<ul class="tally">{}</ul>{}', sides, mentions)
