"""A notification lasts only as long as its recipient may see what it is about: a
thread moved into another force's private category, a hidden thread or an unpublished
page drops out of the list, the unread count and the digest, and opening it is a 404
(each app registers its visibility function as a content source, core.hooks).
"""

from io import StringIO

import pytest

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core.models import Notification
from core.selectors import notification_list_for, notification_unread_count
from core.services import notification_create
from tests.factories.guidance import make_guidance

forums_models = pytest.importorskip("forums.models")
pytestmark = pytest.mark.django_db


@pytest.fixture
def thread():
    from core.models import Theme
    from forums.models import Category, Thread

    national = Category.objects.create(
        name="National", slug="national", theme=Theme.objects.get(slug="data")
    )
    return Thread.objects.create(
        category=national, title="Cell site analysis", last_post_at=timezone.now()
    )


def _notify(user, target, summary):
    return notification_create(
        recipients=[user], verb="replied", summary=summary, url="/", target=target
    )[0]


def _move_to_another_forces_private_category(thread):
    from accounts.models import Force
    from forums.models import Category

    thread.category = Category.objects.create(
        name="West Yorkshire only",
        slug="wy-only",
        theme=thread.category.theme,
        force=Force.objects.get(slug="west-yorkshire"),
    )
    thread.save()


def test_a_thread_moved_out_of_sight_leaves_the_list_count_and_link(
    client, officer, thread
):
    notification = _notify(officer, thread, "New reply in Cell site analysis")
    assert list(notification_list_for(officer)) == [notification]
    assert notification_unread_count(officer) == 1

    _move_to_another_forces_private_category(thread)

    assert list(notification_list_for(officer)) == []
    assert notification_unread_count(officer) == 0
    client.force_login(officer)
    page = client.get("/notifications/")
    assert "Cell site analysis" not in page.content.decode()
    assert client.post(f"/notifications/{notification.pk}/open/").status_code == 404
    assert Notification.objects.get(pk=notification.pk).read_at is None


def test_a_hidden_thread_and_an_unpublished_page_drop_out(officer, thread):
    page = make_guidance(title="Outcome decisions")
    _notify(officer, thread, "Reply in the thread")
    _notify(officer, page, "New version of Outcome decisions")
    assert notification_unread_count(officer) == 2

    thread.hidden_at = timezone.now()
    thread.save()
    page.unpublish()

    assert notification_unread_count(officer) == 0


def test_notifications_about_other_things_are_untouched(officer, thread):
    from core.models import Theme

    _notify(officer, Theme.objects.get(slug="data"), "Theme news")
    _notify(officer, None, "No target at all")
    _move_to_another_forces_private_category(thread)
    assert notification_unread_count(officer) == 2


def test_the_digest_leaves_out_what_the_recipient_may_no_longer_see(
    officer, thread, django_capture_on_commit_callbacks
):
    officer.notification_email = "daily"
    officer.save()
    with django_capture_on_commit_callbacks(execute=True):
        _notify(officer, thread, "Reply in Cell site analysis")
        _notify(officer, make_guidance(title="Early advice"), "New: Early advice")
    _move_to_another_forces_private_category(thread)

    call_command("send_notification_digests", stdout=StringIO())

    assert len(mail.outbox) == 1
    assert "Early advice" in mail.outbox[0].body
    assert "Cell site analysis" not in mail.outbox[0].body


def test_an_immediate_email_is_not_sent_once_out_of_sight(
    officer, thread, django_capture_on_commit_callbacks
):
    from core.tasks import send_notification_email

    notification = _notify(officer, thread, "Reply in Cell site analysis")
    mail.outbox.clear()
    _move_to_another_forces_private_category(thread)
    send_notification_email.call(notification.pk)
    assert mail.outbox == []
