"""Language codes in words for readers ("en" reads "English"); the code itself where Django does
not know it, so an unusual code an editor entered still shows."""

from django import template
from django.utils.translation import get_language_info

register = template.Library()


@register.filter
def language_in_words(code) -> str:
    """The language's English name from Django's list (en-GB: British English; a region it does
    not list falls back to the language: en-US is English), else the code as given."""
    code = str(code or "").strip()
    if not code:
        return ""
    try:
        return get_language_info(code.lower())["name"]
    except KeyError:
        return code
