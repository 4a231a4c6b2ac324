from django.core.cache import cache

from .models import Theme
from .selectors import notification_unread_count

NAV_THEMES_KEY = "ln:nav-themes"


def nav_themes() -> list[dict]:
    """The six themes for the header, from the cache (dropped when a theme changes)."""
    themes = cache.get(NAV_THEMES_KEY)
    if themes is None:
        themes = list(Theme.objects.values("slug", "name"))
        cache.set(NAV_THEMES_KEY, themes, 3600)
    return themes


def site_navigation(request):
    """The themes for the header navigation and the signed-in user's unread
    notification count, both from the cache: no query on most pages."""
    context = {"nav_themes": nav_themes()}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["unread_notifications"] = notification_unread_count(user)
    return context
