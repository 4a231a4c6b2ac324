from django.urls import reverse

from core.context_processors import current_marker

from .permissions import user_may_moderate
from .selectors import moderation_queue_count


def moderation_navigation(request):
    """The header's Moderation link, for whoever the moderation pages are open to,
    with the number of open items in their own queue (one query)."""
    user = getattr(request, "user", None)
    if user is None or not user_may_moderate(user):
        return {}
    url = reverse("moderation:queue")
    return {
        "moderation_link": {
            "url": url,
            "open_items": moderation_queue_count(user),
            "current": current_marker(request.path, url),
        }
    }
