"""Anonymous (wellbeing) categories: the author never shows outside moderators'
audited reveals, on pages, notifications, e-mails or search."""

import pytest

from django.core import mail
from django.urls import reverse

from core.models import AuditEvent, Notification
from core.services import follow_create
from forums.services import moderation, posting
from tests.factories import make_user
from tests.factories.forums import make_category, make_thread
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(db):
    return make_user(
        email="quiet.author@avon-and-somerset.police.uk",
        display_name="DC Quentin Quietly",
    )


@pytest.fixture
def wellbeing(db):
    category = make_category(slug="wellbeing", name="Wellbeing peer support")
    category.is_anonymous = True
    category.save()
    return category


@pytest.fixture
def anonymous_thread(author, wellbeing):
    return make_thread(
        category=wellbeing,
        author=author,
        title="Struggling after a long trial",
        body="I am finding it hard to switch off after the verdict.",
    )


@pytest.fixture
def mod_client(moderator):
    from django.test import Client

    enrol_totp(moderator)
    client = Client()
    client.force_login(moderator)
    return client


def exposes(html: str, user) -> bool:
    return any(
        part in html
        for part in [user.display_name, user.email, "Quentin", "Avon and Somerset"]
    )


def test_pages_show_an_officer_and_never_the_author(
    client_for, officer_b, author, anonymous_thread, wellbeing
):
    client = client_for(officer_b)
    reply_url = reverse("forums:post_create", args=[anonymous_thread.pk])
    post = anonymous_thread.posts.get()

    pages = [
        client.get(reverse("forums:index")),
        client.get(wellbeing.get_absolute_url()),
        client.get(anonymous_thread.get_absolute_url()),
        client.get(reply_url, {"quote": post.pk}),
        client.get(reverse("forums:post_report", args=[post.pk])),
        client.get("/search/", {"q": "switch off"}),
    ]

    for response in pages:
        assert response.status_code == 200
        assert not exposes(response.content.decode(), author), response.request
    assert "An officer" in pages[2].content.decode()
    assert (
        pages[3].context["form"]["body"].value().startswith("> **An officer wrote:**")
    )


def test_moderators_pages_stay_anonymous_until_a_reveal(
    author, officer_b, anonymous_thread, mod_client
):
    post = anonymous_thread.posts.get()
    posting.post_update(editor=author, post=post, body="Edited: still hard.")
    moderation.post_report_create(reporter=officer_b, post=post, reason="other")

    pages = [
        mod_client.get(anonymous_thread.get_absolute_url()),
        mod_client.get(reverse("moderation:queue")),
        mod_client.get(reverse("moderation:post_history", args=[post.pk])),
        mod_client.get(reverse("moderation:post_reveal", args=[post.pk])),
    ]

    for response in pages:
        assert response.status_code == 200
        assert not exposes(response.content.decode(), author), response.request


def test_notifications_and_emails_never_name_the_author(
    officer_b, author, anonymous_thread, django_capture_on_commit_callbacks
):
    follow_create(user=officer_b, target=anonymous_thread)

    with django_capture_on_commit_callbacks(execute=True):
        posting.post_create(
            author=author,
            thread=anonymous_thread,
            body=f"Thanks @[{officer_b.display_name}].",
        )

    notes = Notification.objects.filter(recipient=officer_b)
    assert notes.count() == 1
    note = notes.get()
    assert note.actor is None
    assert note.summary.startswith("An officer")
    assert mail.outbox and all(
        not exposes(m.subject + m.body, author) for m in mail.outbox
    )
    assert not Notification.objects.filter(recipient=author).exists()


def test_a_reveal_needs_a_reason_shows_the_author_and_is_audited(
    moderator, author, anonymous_thread, mod_client
):
    post = anonymous_thread.posts.get()
    url = reverse("moderation:post_reveal", args=[post.pk])

    refused = mod_client.post(url, {"reason": ""})
    revealed = mod_client.post(url, {"reason": "Safeguarding: risk to the officer."})

    assert refused.status_code == 400
    assert not exposes(refused.content.decode(), author)
    assert author.display_name in revealed.content.decode()
    event = AuditEvent.objects.get(action="forums.identity_revealed")
    assert event.actor == moderator
    assert event.details["reason"] == "Safeguarding: risk to the officer."


def test_only_moderators_can_reveal_and_only_in_anonymous_categories(
    client_for, officer_b, anonymous_thread, national_thread, mod_client
):
    post = anonymous_thread.posts.get()

    assert (
        client_for(officer_b)
        .get(reverse("moderation:post_reveal", args=[post.pk]))
        .status_code
        == 404
    )
    named = national_thread.posts.get()
    assert (
        mod_client.get(reverse("moderation:post_reveal", args=[named.pk])).status_code
        == 404
    )


def test_a_marked_answer_in_an_anonymous_thread_stays_anonymous(
    client_for, officer_b, author, anonymous_thread
):
    reply = posting.post_create(
        author=author, thread=anonymous_thread, body="What helped me was a debrief."
    )
    posting.thread_answer_set(user=author, thread=anonymous_thread, post=reply)

    html = client_for(officer_b).get(anonymous_thread.get_absolute_url()).content
    html = html.decode()

    assert "Answer from An officer" in html
    assert not exposes(html, author)
