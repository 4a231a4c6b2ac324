from io import StringIO

import pytest

from django.core import mail
from django.core.management import call_command

from core.models import Notification, Theme
from core.selectors import followers_of, notification_unread_count, user_follows
from core.services import (
    follow_create,
    follow_delete,
    notification_create,
    notification_summaries_rewrite,
)

pytestmark = pytest.mark.django_db


def notify(recipients, actor=None):
    theme = Theme.objects.get(slug="data")
    return notification_create(
        recipients=recipients,
        verb="published",
        summary="New guidance on data quality",
        url="/themes/data/",
        target=theme,
        actor=actor,
    )


def test_each_recipient_is_notified_once_and_never_the_actor(
    officer, officer_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify([officer, officer, officer_b], actor=officer_b)

    assert list(Notification.objects.values_list("recipient", flat=True)) == [
        officer.pk
    ]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [officer.email]
    assert "/themes/data/" in mail.outbox[0].body


def test_daily_digest_users_get_no_immediate_email_but_one_digest(
    officer, django_capture_on_commit_callbacks
):
    officer.notification_email = "daily"
    officer.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify([officer])
        notify([officer])
    assert mail.outbox == []

    call_command("send_notification_digests", stdout=StringIO())
    call_command("send_notification_digests", stdout=StringIO())

    assert len(mail.outbox) == 1
    assert "2 updates" in mail.outbox[0].subject


def test_follow_and_unfollow_a_theme(officer):
    theme = Theme.objects.get(slug="data")

    follow_create(user=officer, target=theme)
    follow_create(user=officer, target=theme)

    assert list(followers_of(theme)) == [officer]
    assert user_follows(officer, theme)
    follow_delete(user=officer, target=theme)
    assert not user_follows(officer, theme)


def test_the_notification_list_shows_only_my_notifications_and_counts_unread(
    client, officer, officer_b
):
    notify([officer, officer_b])
    client.force_login(officer)

    response = client.get("/notifications/")

    assert response.status_code == 200
    assert response.content.decode().count("New guidance on data quality") == 1
    assert notification_unread_count(officer) == 1
    assert b'1<span class="govuk-visually-hidden"> unread' in response.content


def test_opening_a_notification_marks_it_read_and_goes_to_its_link(client, officer):
    (notification,) = notify([officer])
    client.force_login(officer)

    response = client.post(f"/notifications/{notification.pk}/open/")

    assert response["Location"] == "/themes/data/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_nobody_can_open_someone_elses_notification(client, officer, officer_b):
    (notification,) = notify([officer])
    client.force_login(officer_b)

    assert client.post(f"/notifications/{notification.pk}/open/").status_code == 404


def test_the_notification_list_query_count_does_not_grow(
    client, officer, django_assert_num_queries
):
    client.force_login(officer)
    notify([officer])
    client.get("/notifications/")
    with django_assert_num_queries(4):
        client.get("/notifications/")
    for _ in range(20):
        notify([officer])
    client.get("/notifications/")  # the new notifications make the count stale once

    # session, user, page count, page (group names, permissions, themes and the unread
    # count come from the cache): the same 4 queries however many notifications
    with django_assert_num_queries(4):
        client.get("/notifications/")


def test_notify_once_skips_whoever_already_has_the_same_notification(
    officer, officer_b
):
    theme = Theme.objects.get(slug="data")
    notify([officer])
    Notification.objects.update(read_at="2025-01-01T00:00Z")

    created = notification_create(
        recipients=[officer, officer_b],
        verb="published",
        summary="New guidance on data quality",
        url="/themes/data/",
        target=theme,
        once=True,
    )

    assert [n.recipient for n in created] == [officer_b]
    assert Notification.objects.filter(recipient=officer).count() == 1


def test_rewriting_summaries_reaches_the_target_s_notifications_and_its_links(
    officer, officer_b
):
    theme, other = (
        Theme.objects.get(slug="data"),
        Theme.objects.get(slug="victim-engagement"),
    )
    notify([officer])
    notification_create(
        recipients=[officer_b],
        verb="linked",
        summary="See New guidance on data quality",
        url="/themes/data/",
    )
    notification_create(
        recipients=[officer_b],
        verb="published",
        summary="New guidance on victims",
        url="/themes/victim-engagement/",
        target=other,
    )

    changed = notification_summaries_rewrite(
        target=theme,
        url="/themes/data/",
        rewrite=lambda text, max_length: (
            text.replace("data quality", "[redacted]")[:max_length],
            text.count("data quality"),
        ),
    )

    assert changed == 2
    assert sorted(Notification.objects.values_list("summary", flat=True)) == [
        "New guidance on [redacted]",
        "New guidance on victims",
        "See New guidance on [redacted]",
    ]
