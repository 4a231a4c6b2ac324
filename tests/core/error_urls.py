"""A URLconf for tests/core/test_error_pages.py: the site's own URLs plus views that
fail, so the 500 page is served as it would be for a real bug."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from learning_network.urls import urlpatterns as site_urlpatterns


class Boom(Exception):
    """What the failing views raise."""


def fail(request):
    raise Boom("A bug in a view.")


urlpatterns = [
    path("test-only/fail/", fail),
    path("test-only/fail-signed-out/", login_not_required(fail)),
    *site_urlpatterns,
]
