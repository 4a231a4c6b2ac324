from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.signals import got_request_exception
from django.dispatch import receiver
from django.http import Http404
from django.views.defaults import page_not_found, server_error

NUL = "\x00"
NUL_IN_PATH = "No page has a NUL character in its address."
NUL_IN_INPUT = "The request carries a NUL character, which nothing here accepts."


def _query_carries_nul(data) -> bool:
    """``data`` is a QueryDict: every value of every key, not only the last."""
    return any(
        NUL in key or any(NUL in value for value in values)
        for key, values in data.lists()
    )


def _cookies_carry_nul(cookies: dict) -> bool:
    return any(NUL in key or NUL in value for key, value in cookies.items())


class RefuseNulBytesMiddleware:
    """PostgreSQL refuses a NUL character in text, so one reaching a query is a 500.
    Nothing on the site can hold one: a path with it is a 404 (no page has such an
    address), a query string, form field or cookie with it a 400. Placed before the
    session middleware, which looks the session cookie up in the database. (Django
    already strips non-printable characters from uploaded file names.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info:
            raise Http404(NUL_IN_PATH)
        if (
            _query_carries_nul(request.GET)
            or _cookies_carry_nul(request.COOKIES)
            or (request.method == "POST" and _query_carries_nul(request.POST))
        ):
            raise BadRequest(NUL_IN_INPUT)
        return self.get_response(request)


# --- The site's own error pages with DEBUG on --------------------------------------

# Set on a request when Django meets an exception nothing handled (a 500).
UNCAUGHT_EXCEPTION = "_site_uncaught_exception"


@receiver(got_request_exception, dispatch_uid="core.middleware.note_uncaught")
def _note_uncaught_exception(sender, request=None, **kwargs):
    """Django sends this for every exception it answers with a 500, wherever in the
    middleware chain or view it was raised, before it renders its page."""
    if request is not None:
        setattr(request, UNCAUGHT_EXCEPTION, True)


def _with_content_of(response, page):
    """``response`` carrying ``page``'s body: the headers and cookies the rest of the
    middleware set on it (security headers, CSP) stay."""
    response.content = page.content
    response["Content-Type"] = page["Content-Type"]
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    return response


class SiteErrorPagesMiddleware:
    """With DEBUG on (`make run`) Django answers a missing page or a failure with its
    technical pages, which list every URL pattern, the settings and the code. This
    serves the site's own 404.html and 500.html instead, as Django's handler404 and
    handler500 do with DEBUG off (then this does nothing). First in MIDDLEWARE, so it
    also sees a 404 raised before any view (an address no URL pattern matches, a NUL
    character) and a failure anywhere in the chain. Tracebacks still go to the log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not settings.DEBUG:
            return response
        if response.status_code == 404 and request.resolver_match is None:
            return _with_content_of(response, page_not_found(request, Http404()))
        if response.status_code == 500 and getattr(request, UNCAUGHT_EXCEPTION, False):
            return _with_content_of(response, server_error(request))
        return response

    def process_exception(self, request, exception):
        """A view (or the page it renders) raised Http404."""
        if settings.DEBUG and isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
