"""Django REST framework and drf-spectacular settings, imported by stances.settings."""

REST_FRAMEWORK = {
    # JSON only: one representation per address, so the page cache never mixes two.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Stances API",
    "DESCRIPTION": "What candidates have said about foreign policy, quote by quote: read-only.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}
