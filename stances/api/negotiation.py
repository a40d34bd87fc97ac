"""JSON whatever the Accept header says: one representation per address, so a page cached for
one reader is right for every other (stances.page_cache does not vary on Accept)."""

from rest_framework.negotiation import BaseContentNegotiation


class AlwaysJson(BaseContentNegotiation):
    def select_parser(self, request, parsers):
        return None  # read-only: no request bodies

    def select_renderer(self, request, renderers, format_suffix=None):
        renderer = renderers[0]
        return renderer, renderer.media_type
