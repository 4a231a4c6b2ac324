"""Wagtail pages behind sign-in, except pages an editor marks public.

Django's LoginRequiredMiddleware would stop every page before Wagtail routes it, so the
page view is exempt there and makes the same decision here, once it knows the page.
"""

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from wagtail import views as wagtail_views
from wagtail.models import Page, Site


def _route(request, path: str):
    """Wagtail's route for ``path``, found in two queries instead of two a level.

    Wagtail walks the tree from the site's root, one child lookup (and one specific
    fetch) per path segment. The pages on the path are exactly those whose
    ``url_path`` is the root's plus a leading run of the segments, so one query finds
    them all; the deepest is asked to route what is left (a routable page's own
    sub-path), as Wagtail would. Wherever a page on the way routes its children
    itself, or the site is not found this way, Wagtail's own walk decides."""
    site = Site.find_for_request(request)
    root_path = next(
        (
            r.root_path
            for r in Site.get_site_root_paths()
            if site and r.site_id == site.pk
        ),
        None,
    )
    if root_path is None:
        return Page.route_for_request(request, path)
    components = [c for c in path.split("/") if c]
    prefixes = [
        root_path + "".join(f"{c}/" for c in components[:count])
        for count in range(len(components) + 1)
    ]
    chain = list(
        Page.objects.filter(url_path__in=prefixes)
        .order_by("depth")
        .only("pk", "depth", "url_path", "content_type_id")
    )
    walks_itself = any(
        ContentType.objects.get_for_id(p.content_type_id).model_class().route
        is not Page.route
        for p in chain[:-1]
    )
    if not chain or chain[0].url_path != root_path or walks_itself:
        return Page.route_for_request(request, path)
    try:
        route = chain[-1].specific.route(request, components[len(chain) - 1 :])
    except Http404:
        route = None
    request._wagtail_route_for_request = route
    return route


@login_not_required
def serve_page(request, path):
    route = _route(request, path)
    # Unknown paths redirect too, so a signed-out visitor learns nothing from a 404.
    if not request.user.is_authenticated and (
        route is None or not getattr(route[0], "is_public", False)
    ):
        return redirect_to_login(request.get_full_path())
    return wagtail_views.serve(request, path)
