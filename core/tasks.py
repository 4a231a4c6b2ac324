"""Background work through django-tasks (https://github.com/RealOrangeOne/django-tasks):
immediate in tests and on the embedded default, the database backend and its worker
(`manage.py db_worker`) in production."""

from django_tasks import task

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

# Our tasks run on the "background" backend (the worker in production); the
# "default" one is left to Wagtail's index updates, which run at once.
BACKGROUND = "background"

NOTIFICATION_SUBJECT = "[Learning Network] {summary}"
DIGEST_SUBJECT = "[Learning Network] Your daily summary: {count} update{plural}"


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task(backend=BACKGROUND)
def send_notification_email(notification_id: int) -> None:
    from .models import Notification
    from .selectors import notifications_visible_to

    notification = (
        Notification.objects.select_related("recipient")
        .filter(pk=notification_id, emailed_at__isnull=True)
        .first()
    )
    if notification is None or not notification.recipient.is_active:
        return
    visible = notifications_visible_to(notification.recipient)
    if not visible.filter(pk=notification.pk).exists():
        return  # the recipient lost sight of what it is about before it was sent
    context = {"notification": notification, "link": absolute_url(notification.url)}
    send_mail(
        NOTIFICATION_SUBJECT.format(summary=notification.summary)[:200],
        render_to_string("core/email/notification.txt", context),
        None,
        [notification.recipient.email],
    )
    notification.emailed_at = timezone.now()
    notification.save(update_fields=["emailed_at"])


@task(backend=BACKGROUND)
def send_notification_digest(user_id: int) -> None:
    from django.contrib.auth import get_user_model

    from .models import Notification
    from .selectors import notifications_visible_to

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    pending = list(
        notifications_visible_to(user)
        .filter(emailed_at__isnull=True, read_at__isnull=True)
        .order_by("created_at")
    )
    if not pending:
        return
    context = {
        "user": user,
        "items": [(n, absolute_url(n.url)) for n in pending],
        "notifications_link": absolute_url("/notifications/"),
    }
    send_mail(
        DIGEST_SUBJECT.format(
            count=len(pending), plural="" if len(pending) == 1 else "s"
        ),
        render_to_string("core/email/digest.txt", context),
        None,
        [user.email],
    )
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(
        emailed_at=timezone.now()
    )
