"""Background e-mail for guidance, through django-tasks like every other e-mail."""

from django_tasks import task

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from core.tasks import BACKGROUND, absolute_url

REVIEW_REMINDER_SUBJECT = "[Learning Network] Guidance due for review: {count} page{s}"


@task(backend=BACKGROUND)
def send_review_reminder(owner_id: int, page_ids: list[int]) -> None:
    from .models import GuidancePage

    owner = get_user_model().objects.filter(pk=owner_id, is_active=True).first()
    if owner is None:
        return
    today = timezone.localdate()
    pages = GuidancePage.objects.live().filter(pk__in=page_ids).order_by("review_by")
    items = [
        {
            "title": page.title,
            "review_by": page.review_by,
            "overdue": page.review_by < today,
            "link": absolute_url(page.url or "/"),
            "edit": absolute_url(f"/admin/pages/{page.pk}/edit/"),
        }
        for page in pages
    ]
    if not items:
        return
    send_mail(
        REVIEW_REMINDER_SUBJECT.format(
            count=len(items), s="" if len(items) == 1 else "s"
        ),
        render_to_string(
            "guidance/email/review_reminder.txt", {"owner": owner, "items": items}
        ),
        None,
        [owner.email],
    )
