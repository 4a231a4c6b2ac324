"""Wagtail pages behind sign-in, except pages an editor marks public.

Django's LoginRequiredMiddleware would stop every page before Wagtail routes it, so the
page view is exempt there and makes the same decision here, once it knows the page.
"""

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login

from wagtail import views as wagtail_views
from wagtail.models import Page


@login_not_required
def serve_page(request, path):
    if not request.user.is_authenticated:
        route = Page.route_for_request(request, path)
        # Unknown paths redirect too, so a signed-out visitor learns nothing from a 404.
        if route is None or not getattr(route[0], "is_public", False):
            return redirect_to_login(request.get_full_path())
    return wagtail_views.serve(request, path)
