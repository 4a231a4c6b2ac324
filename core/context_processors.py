from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from .generations import Generation, versioned
from .models import Theme
from .selectors import notification_unread_count

THEMES = Generation("ln:themes:generation")

# The site's sections, in the header's service navigation. Guidance and training are
# Wagtail page trees whose index pages their apps' migrations create at these slugs.
SECTIONS = [
    ("Guidance", lambda: "/guidance/"),
    ("Training", lambda: "/training/"),
    ("Forums", lambda: reverse("forums:index")),
    ("Search", lambda: reverse("search:search")),
]


def current_marker(path: str, url: str) -> str | None:
    """The ``aria-current`` a navigation link to ``url`` takes on the page at ``path``:
    "page" on that very page, "true" anywhere under it (GOV.UK service navigation)."""
    if path == url:
        return "page"
    if path.startswith(url) and url != "/":
        return "true"
    return None


def _links(path: str, items) -> list[dict]:
    return [
        {"label": label, "url": url, "current": current_marker(path, url)}
        for label, url in items
    ]


def nav_themes() -> list[tuple[str, str]]:
    """(name, url) of the six themes, kept under the themes generation (which a theme
    change moves on, ``core.receivers``)."""
    return versioned(
        f"ln:nav-themes:{THEMES.current()}",
        lambda: [
            (theme.name, reverse("theme_detail", args=[theme.slug]))
            for theme in Theme.objects.only("slug", "name")
        ],
        3600,
    )


def footer_key(path: str) -> str:
    """What a signed-in reader's footer shows besides the release: the themes and
    which of them the page is in (``includes/footer.html`` is kept under this)."""
    current = next((url for _, url in nav_themes() if current_marker(path, url)), "")
    return f"in:{THEMES.current()}:{current}"


def site_navigation(request):
    """For a signed-in user: the sections (marked where the page belongs), the six
    themes and the unread notification count (both from the cache: no query on most
    pages)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    path = request.path
    return {
        "service_navigation": _links(path, [(n, url()) for n, url in SECTIONS]),
        "nav_themes": SimpleLazyObject(lambda: _links(path, nav_themes())),
        "footer_key": footer_key(path),
        "unread_notifications": notification_unread_count(user),
    }
