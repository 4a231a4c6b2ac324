from .models import Theme
from .selectors import notification_unread_count


def site_navigation(request):
    """The six themes for the header navigation and the signed-in user's unread
    notification count (two small queries per page)."""
    context = {"nav_themes": Theme.objects.only("slug", "name")}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["unread_notifications"] = notification_unread_count(user)
    return context
