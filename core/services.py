"""Writes shared by every app."""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, Q
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import EmailFrequency

from . import unread
from .models import AuditEvent, Follow, Notification
from .tasks import send_notification_email


def client_ip(request: HttpRequest | None) -> str | None:
    """The request's address as Django saw it (behind a proxy, set it up to pass
    REMOTE_ADDR through)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    action: str,
    actor=None,
    obj: Model | None = None,
    details: dict | None = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Append one event to the audit log."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_email=getattr(actor, "email", "") or "",
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        details=details or {},
        ip_address=client_ip(request),
    )


def follow_create(*, user, target: Model) -> Follow:
    follow, _ = Follow.objects.get_or_create(
        user=user,
        content_type=ContentType.objects.get_for_model(target),
        object_id=str(target.pk),
    )
    return follow


def follow_delete(*, user, target: Model) -> None:
    Follow.objects.filter(
        user=user,
        content_type=ContentType.objects.get_for_model(target),
        object_id=str(target.pk),
    ).delete()


def notification_create(
    *,
    recipients: Iterable,
    verb: str,
    summary: str,
    url: str,
    target: Model | None = None,
    actor=None,
    collapse: bool = False,
    once: bool = False,
) -> list[Notification]:
    """Notify each recipient once (never the actor), then queue their e-mails after
    the transaction commits. Callers pass only recipients who may see the target: the
    content app's visibility function decides that, not this one.

    ``collapse``: a recipient who has not yet read a notification of the same verb
    about the same target gets that one counted up and brought to the top instead of
    a new one (and no second e-mail): a busy thread makes one notification per
    follower until they read it.

    ``once``: a recipient who already has a notification of the same verb and summary
    about the same target, read or not, gets no second one (e.g. one refresh request
    per learner and major version)."""
    content_type = ContentType.objects.get_for_model(target) if target else None
    wanted = {}
    for recipient in recipients:
        if actor is None or recipient.pk != actor.pk:
            wanted.setdefault(recipient.pk, recipient)
    if once and target is not None:
        already = Notification.objects.filter(
            recipient_id__in=list(wanted),
            content_type=content_type,
            object_id=str(target.pk),
            verb=verb,
            summary=summary[:300],
        ).values_list("recipient_id", flat=True)
        for recipient_id in set(already):
            del wanted[recipient_id]
    if collapse and target is not None:
        counted_up = _notification_count_up(
            Notification.objects.filter(
                recipient_id__in=list(wanted),
                content_type=content_type,
                object_id=str(target.pk),
                verb=verb,
                read_at__isnull=True,
            ),
            actor=actor,
            summary=summary,
            url=url,
        )
        wanted = {pk: r for pk, r in wanted.items() if pk not in counted_up}
    notifications = [
        Notification(
            recipient=recipient,
            actor=actor,
            verb=verb,
            summary=summary[:300],
            url=url,
            content_type=content_type,
            object_id=str(target.pk) if target else "",
        )
        for recipient in wanted.values()
    ]
    created = Notification.objects.bulk_create(notifications)
    unread.forget_counts(wanted)
    immediate = [
        n.pk
        for n in created
        if n.recipient.notification_email == EmailFrequency.IMMEDIATE
    ]
    if immediate:
        transaction.on_commit(
            lambda: [send_notification_email.enqueue(pk) for pk in immediate]
        )
    return created


def _notification_count_up(pending, *, actor, summary, url) -> set[int]:
    """Count ``pending`` notifications up once more, with the newest text; the ids of
    their recipients (who get no new notification)."""
    pending = list(pending)
    for notification in pending:
        notification.count += 1
        notification.actor = actor
        notification.summary = summary[:300]
        notification.url = url
        notification.created_at = timezone.now()
    Notification.objects.bulk_update(
        pending, ["count", "actor", "summary", "url", "created_at"]
    )
    return {n.recipient_id for n in pending}


def notification_mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        unread.forget_counts([notification.recipient_id])


def notification_mark_all_read(*, user) -> int:
    marked = Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    unread.forget_counts([user.pk])
    return marked


def notification_summaries_rewrite(*, target: Model, url: str, rewrite) -> int:
    """Rewrite the stored summary of every notification about ``target`` or linking
    to ``url`` (e.g. to redact a phrase a thread's title or a post copied into them).
    ``rewrite(summary, max_length=…)`` returns the new summary and how many changes it
    made; returns the changes in all."""
    notifications = list(
        Notification.objects.filter(
            Q(
                content_type=ContentType.objects.get_for_model(target),
                object_id=str(target.pk),
            )
            | Q(url=url)
        )
    )
    max_length = Notification._meta.get_field("summary").max_length
    changed = 0
    for notification in notifications:
        notification.summary, count = rewrite(
            notification.summary, max_length=max_length
        )
        changed += count
    Notification.objects.bulk_update(notifications, ["summary"])
    return changed
