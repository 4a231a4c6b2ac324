"""Wagtail pages behind sign-in, except pages an editor marks public.

Django's LoginRequiredMiddleware would stop every page before Wagtail routes it, so the
page view is exempt there and makes the same decision here, once it knows the page.

Finding a page costs Wagtail a site lookup, a walk down the tree and two queries for
view restrictions on every request. The page tree changes only when an editor saves,
publishes, moves or deletes a page (or a site or a privacy setting), so what the walk
finds is kept in the cache under the *pages generation*, which every such change moves
on (``core.receivers``): the next request after a change walks the tree afresh.
"""

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .generations import Generation, versioned

PAGES = Generation("ln:pages:generation")
CACHE_SECONDS = 60 * 60
# Kept for a path below a page that routes its children itself (a module's lessons).
WAGTAIL_WALKS = "wagtail-walks"


def forget_page_tree() -> None:
    """A page, site or privacy setting changed: find pages afresh."""
    PAGES.advance()


def _site(request, generation: int):
    """Site.find_for_request, from the cache: the site is set on the request where
    Wagtail (and everything that builds a page URL) looks for it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        request._wagtail_site = versioned(
            f"ln:site:{hostname}:{port}:{generation}",
            lambda: Site._find_for_request(request),
            CACHE_SECONDS,
        )
    return request._wagtail_site


def _root_path(site) -> str | None:
    """The url_path of ``site``'s root page (Wagtail keeps the list cached)."""
    return next(
        (
            r.root_path
            for r in Site.get_site_root_paths()
            if site and r.site_id == site.pk
        ),
        None,
    )


def _deepest_page(site, path: str):
    """The deepest page on ``path`` and how many of its segments lead to it, found in
    two queries instead of two a level; None where Wagtail's own walk must decide.

    Wagtail walks the tree from the site's root, one child lookup (and one specific
    fetch) per path segment. The pages on the path are exactly those whose
    ``url_path`` is the root's plus a leading run of the segments, so one query finds
    them all; the deepest is asked to route what is left (a routable page's own
    sub-path), as Wagtail would. Wherever a page on the way routes its children
    itself, or the site is not found this way, Wagtail's own walk decides."""
    root_path = _root_path(site)
    if root_path is None:
        return None
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
    if walks_itself:
        return WAGTAIL_WALKS
    if not chain or chain[0].url_path != root_path:
        return None
    page = chain[-1].specific
    # Read here, once: served from the cache, the page answers from these (its view
    # restrictions, and the site root paths its URL is built from: a site change
    # moves the pages generation on too).
    page._view_restrictions = list(page.get_view_restrictions())
    page._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return page, len(chain) - 1


def _route(request, path: str):
    generation = PAGES.current()
    site = _site(request, generation)
    components = [c for c in path.split("/") if c]
    # Only a page's own address is kept (and, below a page that routes its children
    # itself, that Wagtail's walk decides): any address can be asked for, so one that
    # finds no page, or leaves segments over (a routable page's sub-path, or a
    # made-up one under a real page), is looked up each time and never stored.
    over = {}

    def build():
        found = _deepest_page(site, path)
        if found not in (None, WAGTAIL_WALKS) and found[1] < len(components):
            over["found"] = found
            return None
        return found

    found = versioned(
        f"ln:route:{site.pk if site else 0}:{path}:{generation}",
        build,
        CACHE_SECONDS,
        keep_nothing=False,
    ) or over.get("found")
    if found is None or found == WAGTAIL_WALKS:
        return Page.route_for_request(request, path)
    page, consumed = found
    try:
        route = page.route(request, components[consumed:])
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
