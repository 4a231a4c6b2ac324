"""Reads shared by every app."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from .models import Follow, Notification


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
