"""Verdict badges outside a cell: the legend's examples, worded by the same `badge_for` as the
cells, so the legend can never describe a badge the pages do not show."""

from django import template
from django.utils.html import format_html

from stances.models.positions import badge_for

register = template.Library()


@register.simple_tag
def example_badge(verdict, basis="own_words", shifted=False):
    """A sample badge for the legend, drawn like a cell's (`verdict` "mention" is a neutral
    mention, "none" no evidence at all)."""
    if verdict == "mention":
        shown = badge_for("none", "", has_evidence=True)
    else:
        shown = badge_for(verdict, basis, has_evidence=verdict != "none", shifted=shifted)
    return format_html(
        '<span class="badge legend-badge {}"><span class="verdict-icon" aria-hidden="true">{}'
        "</span> {}</span>",
        shown.css_class,
        shown.icon,
        shown.label,
    )
