"""Django REST framework and drf-spectacular settings, imported by stances.settings."""

REST_FRAMEWORK = {
    # JSON only, whatever the Accept header: one representation per address, so the page cache
    # never mixes two (and no `?format=` switches it either).
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "stances.api.negotiation.AlwaysJson",
    "URL_FORMAT_OVERRIDE": None,
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "stances.api.pagination.StableCursorPagination",
    "UNAUTHENTICATED_USER": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Stances API",
    "DESCRIPTION": (
        "What candidates have said about foreign policy, quote by quote: read-only, published "
        "content only. Every list is cursor-paginated in a fixed order; follow next. Invalid "
        "parameters answer 400 with a JSON object naming each parameter and its errors."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "OAS_VERSION": "3.0.3",
    # Enum names from the fields they belong to, not from where they first appear.
    "ENUM_NAME_OVERRIDES": {
        "QuoteKind": "stances.models.Quote.Kind",
        "Alignment": "stances.models.StanceTag.Alignment",
        "Verdict": "stances.models.PositionSummary.Verdict",
        "Basis": "stances.models.PositionSummary.Basis",
        "SpeakerKind": "stances.models.Speaker.Kind",
        "TicketPosition": "stances.models.Candidacy.TicketPosition",
    },
    "COMPONENT_SPLIT_REQUEST": False,
}
