"""The site's icon at /favicon.ico, where browsers and crawlers ask for it whatever a page links."""

from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe


@require_safe
def favicon(request):
    # Temporary, not permanent: the static file's address carries its content's hash, which
    # changes when the icon is redrawn; a day's caching spares the repeated request.
    response = HttpResponseRedirect(static("icons/favicon.ico"))
    patch_cache_control(response, public=True, max_age=86400)
    return response
