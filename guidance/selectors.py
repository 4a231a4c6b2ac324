"""Reads of guidance, already filtered for the viewer.

``guidance_list_visible_to`` is the ONE visibility rule for guidance: views, lists,
counts, notifications, theme pages and search all go through it."""

import datetime

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr, Upper
from django.utils import timezone

from core.generations import versioned
from core.models import Theme
from core.selectors import followers_of
from core.serve import CACHE_SECONDS, PAGES

from .models import (
    REVIEW_DUE_SOON_DAYS,
    Audience,
    GuidanceFeedback,
    GuidancePage,
    GuidanceVersion,
)


def guidance_list_visible_to(user) -> QuerySet:
    """Live guidance pages the user may read. Signed-in users read every live page;
    anonymous visitors only pages an editor marked public (and not restricted).

    The answer depends only on the pages and whether the reader is signed in
    (``guidance_is_visible_to`` keeps it per reader class under the pages generation):
    a rule that looked at who the reader is would have to key that by them too."""
    pages = GuidancePage.objects.live()
    if user is None or not user.is_authenticated:
        pages = pages.public().filter(is_public=True)
    return pages


def guidance_is_visible_to(user, page) -> bool:
    """Kept per page and reader class (signed in or not) under the pages generation,
    which every page, privacy or site change moves on (``core.serve``)."""
    reader = "in" if user is not None and user.is_authenticated else "out"
    return versioned(
        f"ln:guidance-visible:{page.pk}:{reader}:{PAGES.current()}",
        lambda: guidance_list_visible_to(user).filter(pk=page.pk).exists(),
        CACHE_SECONDS,
    )


def guidance_index_facets(user) -> dict:
    """Counts of visible guidance per theme, per audience and per first letter: three
    queries whatever the size of the library."""
    visible = guidance_list_visible_to(user).values("pk")
    themes = Theme.objects.annotate(
        guidance_count=Count("guidance_pages", filter=Q(guidance_pages__in=visible))
    )
    audiences = Audience.objects.annotate(
        guidance_count=Count("guidance_pages", filter=Q(guidance_pages__in=visible))
    )
    letters = dict(
        guidance_list_visible_to(user)
        .annotate(letter=Upper(Substr("title", 1, 1)))
        .order_by()
        .values_list("letter")
        .annotate(n=Count("pk"))
    )
    return {"themes": themes, "audiences": audiences, "letters": letters}


def guidance_list_filtered(
    user, *, theme: str = "", audience: str = "", letter: str = ""
) -> QuerySet:
    pages = guidance_list_visible_to(user)
    if theme:
        pages = pages.filter(themes__slug=theme)
    if audience:
        pages = pages.filter(audiences__slug=audience)
    if letter:
        pages = pages.filter(title__istartswith=letter)
    return pages.order_by("title").prefetch_related("themes").distinct()


def guidance_for_theme(user, theme, limit: int = 10) -> QuerySet:
    return (
        guidance_list_visible_to(user)
        .filter(themes=theme)
        .order_by("-last_published_at")[:limit]
    )


def guidance_versions(page) -> QuerySet:
    """Published versions of a page, newest first."""
    return (
        GuidanceVersion.objects.filter(page=page)
        .select_related("signed_off_by")
        .order_by("-published_at", "-id")
    )


def guidance_version_get(page, number: str) -> GuidanceVersion | None:
    try:
        major, minor = (int(part) for part in number.split("."))
    except ValueError:
        return None
    return (
        guidance_versions(page)
        .select_related("revision")
        .filter(major=major, minor=minor)
        .first()
    )


def guidance_version_on(page, date: datetime.date) -> GuidanceVersion | None:
    """The version readers saw at the end of ``date`` (site time), or None when the
    page was not yet published or had been withdrawn by then."""
    end_of_day = timezone.make_aware(
        datetime.datetime.combine(date + datetime.timedelta(days=1), datetime.time())
    )
    version = (
        guidance_versions(page)
        .select_related("revision")
        .filter(published_at__lt=end_of_day)
        .first()
    )
    if version is None:
        return None
    if version.withdrawn_at is not None and version.withdrawn_at < end_of_day:
        return None
    return version


def guidance_followers(page) -> QuerySet:
    """Active users who follow the page or any of its themes and may read it."""
    from django.contrib.auth import get_user_model

    if not page.live:
        return get_user_model().objects.none()
    ids = set(followers_of(page).values_list("pk", flat=True))
    for theme in page.themes.all():
        ids.update(followers_of(theme).values_list("pk", flat=True))
    # Every active signed-in member may read live guidance (guidance_list_visible_to).
    return get_user_model().objects.filter(pk__in=ids, is_active=True)


def guidance_review_due(*, within_days: int = REVIEW_DUE_SOON_DAYS) -> QuerySet:
    """Live guidance whose review date is past or within ``within_days`` days."""
    cutoff = timezone.localdate() + datetime.timedelta(days=within_days)
    return (
        GuidancePage.objects.live()
        .filter(review_by__lte=cutoff)
        .select_related("content_owner")
        .order_by("review_by", "title")
    )


def guidance_feedback_report() -> QuerySet:
    """One row per page that has feedback: yes and no counts."""
    return (
        GuidancePage.objects.annotate(
            useful_count=Count(
                "feedback_entries", filter=Q(feedback_entries__useful=True)
            ),
            not_useful_count=Count(
                "feedback_entries", filter=Q(feedback_entries__useful=False)
            ),
            comment_count=Count(
                "feedback_entries", filter=~Q(feedback_entries__comment="")
            ),
        )
        .filter(Q(useful_count__gt=0) | Q(not_useful_count__gt=0))
        .order_by("title")
    )


def guidance_feedback_for(page) -> QuerySet:
    return GuidanceFeedback.objects.filter(page=page).select_related("user")


def guidance_suggestions_open():
    """Suggestions nobody has dealt with yet, newest first (one query)."""
    from .models import GuidanceSuggestion

    return GuidanceSuggestion.objects.filter(resolved_at__isnull=True).select_related(
        "page", "suggested_by", "page__content_owner"
    )[:20]
