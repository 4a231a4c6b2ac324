"""Reads shared by every app."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet

from .models import AuditEvent, Follow, Notification


def followers_of(target: Model) -> QuerySet:
    """Active users following ``target``. Filter the result through the content app's
    visibility function before notifying them."""
    return get_user_model().objects.filter(
        is_active=True,
        follows__content_type=ContentType.objects.get_for_model(target),
        follows__object_id=str(target.pk),
    )


def user_follows(user, target: Model) -> bool:
    if not user.is_authenticated:
        return False
    return Follow.objects.filter(
        user=user,
        content_type=ContentType.objects.get_for_model(target),
        object_id=str(target.pk),
    ).exists()


def notification_list_for(user) -> QuerySet:
    return Notification.objects.filter(recipient=user).select_related("actor")


def notification_unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


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
