from django.http import Http404

from .selectors import guidance_is_visible_to


def check_view_guidance_permission(user, page) -> None:
    """Drafts, pages in review and unpublished pages do not exist for readers: 404."""
    if not guidance_is_visible_to(user, page):
        raise Http404


def check_follow_permission(user) -> None:
    if not user.is_authenticated:
        raise Http404
