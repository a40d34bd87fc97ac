"""The sharing surfaces' own addresses: the Popolo export and the share images."""

from django.http import Http404, HttpResponse, HttpResponseGone, JsonResponse
from django.utils.dateformat import format as format_date
from django.views.decorators.http import require_safe

from stances.models import Quote

from . import images, popolo

# Previews are fetched by other sites' crawlers and kept by browsers: an hour, then they ask
# again (and the page cache answers, or an ETag gives a 304). Our own cache drops them at any edit.
IMAGE_CACHE_CONTROL = "public, max-age=3600"
# A speaker's attribution as printed can be long; the card keeps room for the date and outlet.
ATTRIBUTION_CHARACTERS = 60


@require_safe
def popolo_export(request):
    document = popolo.export(request.build_absolute_uri)
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})


def png_response(content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type="image/png")
    response["Cache-Control"] = IMAGE_CACHE_CONTROL
    return response


@require_safe
def site_image(request):
    return png_response(images.site_card())


@require_safe
def quote_image(request, pk):
    quote = Quote.objects.with_citation().filter(pk=pk).first()
    if quote is None or quote.status == Quote.Status.DRAFT or quote.published_at is None:
        raise Http404("No published quote has this address.")
    if quote.status == Quote.Status.RETRACTED:
        return HttpResponseGone(
            "This quote was retracted.", content_type="text/plain; charset=utf-8"
        )
    return png_response(images.quote_card(**card_facts(quote)))


def card_facts(quote) -> dict:
    """What a quote's share image says, in words."""
    article = quote.article
    if quote.said_on:
        when = f"Said {format_date(quote.said_on, 'j F Y')}"
    else:
        when = f"Reported {format_date(article.published_on, 'j F Y')}"
    attribution = ""
    if quote.kind == Quote.Kind.ANONYMOUS:
        attribution = quote.attribution_text
        if len(attribution) > ATTRIBUTION_CHARACTERS:
            attribution = attribution[: ATTRIBUTION_CHARACTERS - 1].rstrip() + "…"
    return {
        "text": quote.text,
        "kind": quote.kind,
        "speaker": quote.speaker.name if quote.speaker_id else "Unnamed sources",
        "about": quote.about.name if quote.about_id else "",
        "details": [attribution, when, article.outlet.name if article.outlet_id else ""],
    }
