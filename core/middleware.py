from django.core.exceptions import BadRequest
from django.http import Http404

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
