"""Compact renderings of stored positions, made in Python: a 20-candidate election's overview has
600 cells and a speaker may hold 150 positions; rendered through template includes and filters,
they would cost more than everything else on their pages."""

from django import template
from django.template.defaultfilters import truncatechars
from django.utils.html import format_html

from stances.models.positions import badge_for

register = template.Library()

# Constant fragments; the counts and the holder's name are format_html's arguments.
SIDES = {
    name: (
        f'<li class="verdict verdict-{name}"><span class="verdict-icon" aria-hidden="true">'
        f"{icon}</span> {label}: {{}}</li>"
    )
    for name, icon, label in (
        ("supports", "✓", "Supports"),
        ("opposes", "✗", "Opposes"),
        ("mixed", "±", "Mixed"),
    )
}
MENTIONS = '<p class="evidence">Mentioned without taking a side: {}</p>'
NO_BADGE = badge_for("none", "", has_evidence=False)
NO_POSITION = format_html(
    '<span class="verdict badge {}"><span class="verdict-icon" aria-hidden="true">{}</span>'
    " {}</span>",
    NO_BADGE.css_class,
    NO_BADGE.icon,
    NO_BADGE.label,
)


@register.simple_tag
def tally_cell(tally):
    """One holder's counts on one topic, as a table cell: supports, opposes, mixed, and
    neutral mentions (one format_html call, whatever the counts)."""
    html, args = '<td data-holder="{}">', [tally.holder.name]
    sides = [(name, getattr(tally, name)) for name in SIDES if getattr(tally, name)]
    if sides:
        html += '<ul class="tally">' + "".join(SIDES[name] for name, _ in sides) + "</ul>"
        args += [f"{count} stance{'' if count == 1 else 's'}" for _, count in sides]
    if tally.mentions:
        html += MENTIONS
        args.append(f"{tally.mentions} stance{'' if tally.mentions == 1 else 's'}")
    if not sides and not tally.mentions:
        html += NO_POSITION
    return format_html(html + "</td>", *args)


@register.simple_tag
def position_row(row, holder, quotes_url):
    """One stance of a single holder's list: the verdict, the basis, how many quotes (linked to
    the quote browser) and the newest one taking a side, as a table row."""
    position, stance = row.cells[0], row.stance
    badge = position.badge  # worded and drawn as in every cell (stances/_verdict.html)
    html = (
        '<tr><th scope="row">{}</th><td><span class="verdict badge {}"><span class="verdict-icon"'
        ' aria-hidden="true">{}</span> {}</span>'
    )
    args = [stance.statement, badge.css_class, badge.icon, badge.label]
    html += "</td><td>"
    if not position.only_mentions:
        html += "<strong>{}</strong>; " if position.anonymous_only else "{}; "
        args.append(position.get_basis_display())
    html += (
        '<a href="{}?holder={}&amp;stance={}">{} quote{}<span class="visually-hidden"> on {}'
        "</span></a>"
    )
    count = position.quote_count
    args += [quotes_url, holder.slug, stance.slug, count, "" if count == 1 else "s"]
    args.append(stance.statement)
    for tag in position.shown_tags:
        day = tag.quote.effective_date
        html += (
            ', latest taking a side <a href="{}"><time datetime="{}">{}</time>'
            '<span class="visually-hidden">: {}</span></a>'
        )
        args += [
            tag.quote.get_absolute_url(),
            day.isoformat(),
            f"{day.day} {day:%b %Y}",
            truncatechars(tag.quote.text, 60),
        ]
    return format_html(html + "</td></tr>", *args)
