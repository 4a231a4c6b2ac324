"""Suspensions and the posting rate limit: people are stopped, told why and when,
and what they typed is kept; moderators' actions are audited."""

import pytest

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from core.models import AuditEvent
from forums.models import Thread
from forums.services import moderation, posting
from tests.factories.forums import make_category, national_category
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db

REASON = "Posted details that identify a victim after a warning."


@pytest.fixture
def mod_client(moderator):
    from django.test import Client

    enrol_totp(moderator)
    client = Client()
    client.force_login(moderator)
    return client


def test_a_suspended_officer_cannot_post_and_sees_why(
    client_for, officer, moderator, national_thread
):
    moderation.user_suspend(moderator=moderator, user=officer, days=7, reason=REASON)
    client = client_for(officer)

    page = client.get(national_thread.get_absolute_url())
    reply = client.post(
        reverse("forums:post_create", args=[national_thread.pk]),
        {"body": "My reply text.", "action": "post"},
    )

    assert REASON in page.content.decode()
    assert 'name="body"' not in page.content.decode()
    assert reply.status_code == 403
    assert REASON in reply.content.decode()
    assert national_thread.posts.count() == 1
    with pytest.raises(PermissionDenied):
        posting.thread_create(
            author=officer, category=national_category(), title="T", body="B"
        )


def test_a_moderator_suspends_and_lifts_through_the_page_and_both_are_audited(
    officer, national_thread, mod_client
):
    url = reverse("moderation:user_suspend", args=[officer.pk])

    empty = mod_client.post(url, {"reason": ""})
    mod_client.post(url, {"days": "7", "reason": REASON})
    mod_client.post(url, {"lift": "1"})

    assert empty.status_code == 400
    assert "Choose how long the suspension lasts." in empty.content.decode()
    assert list(
        AuditEvent.objects.filter(action__startswith="forums.")
        .order_by("created_at")
        .values_list("action", flat=True)
    ) == ["forums.user_suspended", "forums.user_suspension_lifted"]
    posting.post_create(author=officer, thread=national_thread, body="Back.")


def test_the_rate_limit_stops_a_burst_says_when_and_keeps_the_text(
    client_for, officer, national_thread, settings
):
    settings.FORUMS_POST_RATE_LIMIT = (2, 600)  # the opening post counts as one
    client = client_for(officer)
    url = reverse("forums:post_create", args=[national_thread.pk])
    client.post(url, {"body": "Second post.", "action": "post"})

    response = client.post(url, {"body": "Third post, kept.", "action": "post"})

    html = response.content.decode()
    assert response.status_code == 429
    assert "You are posting very quickly. You can post again after" in html
    assert "Third post, kept." in html
    assert national_thread.posts.count() == 2


def test_moderators_are_not_rate_limited(moderator, national_thread, settings):
    settings.FORUMS_POST_RATE_LIMIT = (1, 600)

    for n in range(3):
        posting.post_create(author=moderator, thread=national_thread, body=f"{n}")

    assert national_thread.posts.count() == 4


def test_moving_a_thread_changes_who_can_see_it_and_is_audited(
    client_for, officer_b, national_thread, mod_client
):
    private = make_category(slug="avon-only", force="avon-and-somerset")

    response = mod_client.post(
        reverse("moderation:thread_move", args=[national_thread.pk]),
        {"category": private.pk},
    )

    assert response.status_code == 302
    assert Thread.objects.get(pk=national_thread.pk).category == private
    assert AuditEvent.objects.filter(action="forums.thread_moved").exists()
    assert (
        client_for(officer_b).get(national_thread.get_absolute_url()).status_code == 404
    )


def test_officers_cannot_reach_suspend_or_move(
    client_for, officer, officer_b, national_thread
):
    client = client_for(officer)

    assert (
        client.get(reverse("moderation:user_suspend", args=[officer_b.pk])).status_code
        == 404
    )
    assert (
        client.get(
            reverse("moderation:thread_move", args=[national_thread.pk])
        ).status_code
        == 404
    )


TWO_LINKS = "See https://one.example/a and https://two.example/b for more."


def test_a_new_account_may_include_only_one_link_and_is_told_why(
    client_for, officer_b, national_thread
):
    response = client_for(officer_b).post(
        reverse("forums:post_create", args=[national_thread.pk]),
        {"body": TWO_LINKS, "action": "post"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "New members can include at most 1 link in a post" in html
    assert "https://two.example/b" in html  # the text is kept


def test_the_link_limit_lifts_after_a_few_posts(officer_b, national_thread):
    for n in range(3):
        posting.post_create(author=officer_b, thread=national_thread, body=f"{n}")

    post = posting.post_create(author=officer_b, thread=national_thread, body=TWO_LINKS)

    assert post.held_at is None


def test_first_posts_of_a_new_account_can_be_held_for_approval(
    officer_b, national_thread, settings
):
    settings.FORUMS_HOLD_FIRST_POSTS = 2

    first = posting.post_create(author=officer_b, thread=national_thread, body="1")
    second = posting.post_create(author=officer_b, thread=national_thread, body="2")

    assert first.held_at is not None and second.held_at is not None
    assert first.watched_word_flags.get().words == [posting.NEW_ACCOUNT_HELD]


def test_holding_first_posts_is_off_by_default(officer_b, national_thread):
    post = posting.post_create(author=officer_b, thread=national_thread, body="Hi")

    assert post.held_at is None


def test_a_suspension_and_its_lifting_show_at_once_and_a_warm_page_reads_none(
    client_for, officer, moderator, national_thread
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from forums.models import ForumSuspension

    client = client_for(officer)
    url = national_thread.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert REASON not in client.get(url).content.decode()
    assert not any("forums_forumsuspension" in q["sql"] for q in queries)

    moderation.user_suspend(moderator=moderator, user=officer, days=7, reason=REASON)
    assert REASON in client.get(url).content.decode()
    moderation.user_suspension_lift(moderator=moderator, user=officer)
    assert REASON not in client.get(url).content.decode()
    posting.post_create(author=officer, thread=national_thread, body="Back again.")

    # One that runs out is over when it ends, kept or not.
    suspension = moderation.user_suspend(
        moderator=moderator, user=officer, days=7, reason=REASON
    )
    assert REASON in client.get(url).content.decode()
    ForumSuspension.objects.filter(pk=suspension.pk).update(
        ends_at=suspension.created_at
    )
    assert REASON not in client.get(url).content.decode()
