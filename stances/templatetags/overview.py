"""The per-topic overview's cells, rendered in Python: a 20-candidate election has 600 of them,
and a template include per cell would cost more than everything else on the page."""

from django import template
from django.utils.html import format_html

register = template.Library()

# Constant fragments; the counts and the holder's name are format_html's arguments.
SIDES = {
    name: (
        f'<li class="verdict verdict-{name}"><span class="verdict-icon" aria-hidden="true">'
        f"{icon}</span> {label} {{}}</li>"
    )
    for name, icon, label in (
        ("supports", "✓", "Supports"),
        ("opposes", "✗", "Opposes"),
        ("mixed", "±", "Mixed"),
    )
}
MENTIONS = '<p class="evidence">Mentions only: {}</p>'
NO_POSITION = (
    '<span class="verdict verdict-none"><span class="verdict-icon" aria-hidden="true">–</span>'
    " No recorded position</span>"
)


@register.simple_tag
def tally_cell(tally):
    """One holder's counts on one topic, as a table cell: supports, opposes, mixed, and
    neutral mentions (one format_html call, whatever the counts)."""
    html, args = '<td data-holder="{}">', [tally.holder.name]
    sides = [(name, getattr(tally, name)) for name in SIDES if getattr(tally, name)]
    if sides:
        html += '<ul class="tally">' + "".join(SIDES[name] for name, _ in sides) + "</ul>"
        args += [count for _, count in sides]
    if tally.mentions:
        html += MENTIONS
        args.append(tally.mentions)
    if not sides and not tally.mentions:
        html += NO_POSITION
    return format_html(html + "</td>", *args)
