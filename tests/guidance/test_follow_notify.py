import pytest

from django.core import mail

from core.models import Notification, Theme
from core.services import follow_create
from guidance.services import MAJOR_VERB
from tests.factories.guidance import make_guidance, publish_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    return make_guidance(themes=["victim-engagement"])


def test_a_major_version_notifies_page_followers_in_site_and_by_email(
    django_capture_on_commit_callbacks, officer, page
):
    follow_create(user=officer, target=page)

    with django_capture_on_commit_callbacks(execute=True):
        publish_version(page, major=True, note="New guidance on VPS.")

    notification = Notification.objects.get(recipient=officer)
    assert notification.verb == MAJOR_VERB
    assert notification.url == f"{page.url}compare/?from=1.0&to=2.0"
    assert "version 2.0" in notification.summary
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [officer.email]
    assert "/compare/?from=1.0&to=2.0" in mail.outbox[0].body


def test_a_major_version_notifies_followers_of_its_themes_once_each(
    django_capture_on_commit_callbacks, officer, officer_b
):
    page = make_guidance(themes=["victim-engagement", "data"])
    follow_create(user=officer, target=Theme.objects.get(slug="victim-engagement"))
    follow_create(user=officer, target=Theme.objects.get(slug="data"))
    follow_create(user=officer_b, target=page)

    with django_capture_on_commit_callbacks(execute=True):
        publish_version(page, major=True, note="Rewritten.")

    assert Notification.objects.filter(recipient=officer).count() == 1
    assert Notification.objects.filter(recipient=officer_b).count() == 1


def test_a_minor_version_notifies_nobody(
    django_capture_on_commit_callbacks, officer, page
):
    follow_create(user=officer, target=page)

    with django_capture_on_commit_callbacks(execute=True):
        publish_version(page, major=False, note="Typo.")

    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_the_publisher_and_inactive_followers_are_not_notified(
    django_capture_on_commit_callbacks, officer, page, signer
):
    follow_create(user=signer, target=page)
    follow_create(user=officer, target=page)
    officer.is_active = False
    officer.save()

    with django_capture_on_commit_callbacks(execute=True):
        publish_version(page, major=True, note="Rewritten.", user=signer)

    assert not Notification.objects.exists()


def test_a_major_version_calls_the_registered_hook_after_commit(
    django_capture_on_commit_callbacks, page
):
    from wagtail import hooks

    from core.hooks import GUIDANCE_MAJOR_VERSION_PUBLISHED

    calls = []
    with hooks.register_temporarily(
        GUIDANCE_MAJOR_VERSION_PUBLISHED,
        lambda page, version: calls.append((page.pk, version.number)),
    ):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            publish_version(page, major=True, note="Rewritten.")
        assert calls == []
        for callback in callbacks:
            callback()

    assert calls == [(page.pk, "2.0")]


def test_following_and_unfollowing_a_page_through_the_button(client_for, officer, page):
    client = client_for(officer)

    client.post(page.url + "follow/", {"follow": "1"})
    assert "Stop following" in client.get(page.url).content.decode()

    client.post(page.url + "follow/", {"follow": "0"})
    assert "Stop following" not in client.get(page.url).content.decode()


def test_following_a_theme_from_its_landing_page(client_for, officer):
    client = client_for(officer)

    response = client.post("/themes/data/follow/", {"follow": "1"})

    assert response.status_code == 302
    assert "Stop following this theme" in client.get("/themes/data/").content.decode()


def test_follow_needs_post_and_a_known_theme(client_for, officer, page):
    client = client_for(officer)

    assert client.get(page.url + "follow/").status_code == 405
    assert (
        client.post("/themes/no-such-theme/follow/", {"follow": "1"}).status_code == 404
    )
