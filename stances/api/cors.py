"""CORS for the API: any web page may read it, since it serves only what every reader sees."""

API_PREFIX = "/api/"


class AllowAnyOriginToReadTheApiMiddleware:
    """Adds `Access-Control-Allow-Origin: *` to every response under /api/ to a GET or HEAD,
    whatever produced it (the view, the page cache, a 304, an error page). No credentials are
    allowed, and nothing but reading is offered, so no preflight is ever needed.

    Sits outside the page cache (which keeps only the headers it lists) in stances.settings."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(API_PREFIX) and request.method in ("GET", "HEAD"):
            response["Access-Control-Allow-Origin"] = "*"
        return response
