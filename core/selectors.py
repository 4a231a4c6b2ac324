"""Reads shared by every app."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.db.models.functions import Cast

from . import unread
from .follows import followed
from .hooks import content_sources
from .models import AuditEvent, Notification


def followers_of(target: Model) -> QuerySet:
    """Active users following ``target``. Filter the result through the content app's
    visibility function before notifying them."""
    return get_user_model().objects.filter(
        is_active=True,
        follows__content_type=ContentType.objects.get_for_model(target),
        follows__object_id=str(target.pk),
    )


def user_follows(user, target: Model) -> bool:
    """From the user's follows in the cache (``core.follows``)."""
    if not user.is_authenticated:
        return False
    content_type = ContentType.objects.get_for_model(target)
    return (content_type.pk, str(target.pk)) in followed(user.pk)


def notification_targets() -> dict:
    """{model: visible_to(user) -> QuerySet} for every kind of thing a notification can
    be about: the content sources the apps register (core.hooks.CONTENT_SOURCES) as
    notification targets, each with its app's own visibility function, the one its
    views and search use."""
    return {
        source.model: source.visible_to
        for source in content_sources()
        if source.notification_target
    }


def notifications_visible_to(user) -> QuerySet:
    """The user's notifications about things they may still see. A thread moved to a
    private category, a hidden thread, an unpublished page or an assessment they were
    taken off drops out of the list, the unread count and the digest (and opening it
    is a 404), inside the one query.

    Each check is correlated on the notification's object id (a primary-key lookup per
    notification), so its cost follows the user's notifications, not the size of the
    forums: this runs for the unread count on every page. (Checking only the kinds of
    target present would save building the checks for people with nothing unread, but
    costs a query more for everyone else.)"""
    notifications = Notification.objects.filter(recipient=user)
    for model, visible_to in notification_targets().items():
        pk_field = model._meta.pk.target_field if model._meta.pk.is_relation else None
        still_visible = Exists(
            visible_to(user)
            .order_by()
            .filter(
                pk=Cast(OuterRef("object_id"), output_field=pk_field or model._meta.pk)
            )
        )
        notifications = notifications.exclude(
            Q(content_type=ContentType.objects.get_for_model(model)) & ~still_visible
        )
    return notifications


def notification_list_for(user) -> QuerySet:
    return notifications_visible_to(user).select_related("actor")


def notification_unread_count(user) -> int:
    """Read from the cache; worked out again after anything it depends on changes
    (``core.unread``)."""
    return unread.cached_count(
        user.pk,
        lambda: notifications_visible_to(user).filter(read_at__isnull=True).count(),
    )


def audit_event_search(
    *,
    actor: str = "",
    action: str = "",
    text: str = "",
    date_from=None,
    date_to=None,
) -> QuerySet:
    """The audit log, newest first, narrowed by the administrator's filters."""
    events = AuditEvent.objects.all()
    if actor:
        events = events.filter(actor_email__icontains=actor)
    if action:
        events = events.filter(action=action)
    if text:
        events = events.filter(
            Q(object_repr__icontains=text) | Q(details__icontains=text)
        )
    if date_from:
        events = events.filter(created_at__date__gte=date_from)
    if date_to:
        events = events.filter(created_at__date__lte=date_to)
    return events.order_by("-created_at", "-id")
