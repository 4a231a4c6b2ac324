"""A busy thread does not flood its followers: replies make one notification per
follower until they read it (its count grows, one e-mail), and the next reply after
reading starts a new one."""

import pytest

from django.core import mail

from core.models import Notification
from core.selectors import notification_unread_count
from core.services import follow_create, notification_mark_read
from forums.services import posting
from tests.factories.forums import make_thread, national_category

pytestmark = pytest.mark.django_db


def test_replies_collapse_into_one_notification_per_follower_until_read(
    officer, officer_b, supervisor, django_capture_on_commit_callbacks
):
    thread = make_thread(category=national_category(), author=supervisor)
    follow_create(user=officer, target=thread)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            posting.post_create(author=officer_b, thread=thread, body=f"Reply {number}")

    notifications = list(Notification.objects.filter(recipient=officer))
    assert len(notifications) == 1
    assert notifications[0].count == 5
    assert "and 4 more" in notifications[0].shown_summary
    assert notification_unread_count(officer) == 1
    assert [m.to for m in mail.outbox].count([officer.email]) == 1

    notification_mark_read(notification=notifications[0])
    with django_capture_on_commit_callbacks(execute=True):
        posting.post_create(author=officer_b, thread=thread, body="After reading")
    assert Notification.objects.filter(recipient=officer).count() == 2
    assert notification_unread_count(officer) == 1
