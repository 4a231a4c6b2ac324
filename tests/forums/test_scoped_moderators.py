"""A moderator scoped to some categories acts only there; the queue shows only
their categories; site-wide tools stay with unscoped moderators."""

import pytest

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from forums.models import CategoryModerator, WatchedWord
from forums.services import moderation, posting, redaction
from tests.factories import make_user
from tests.factories.forums import make_category, make_thread, national_category
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def scoped(db):
    user = make_user(
        email="scoped.mod@college.police.uk",
        force="greater-manchester",
        groups=["Moderators"],
    )
    CategoryModerator.objects.create(category=national_category(), user=user)
    return user


@pytest.fixture
def elsewhere(officer):
    category = make_category(slug="elsewhere", name="Elsewhere")
    return make_thread(category=category, author=officer, title="Elsewhere thread")


def test_a_scoped_moderator_acts_in_their_category(scoped, national_thread):
    post = national_thread.posts.get()

    moderation.post_hide(moderator=scoped, post=post, reason="unsafe")
    moderation.thread_moderate(moderator=scoped, thread=national_thread, action="lock")

    post.refresh_from_db()
    assert post.hidden_at is not None


def test_a_scoped_moderator_cannot_act_outside_their_categories(scoped, elsewhere):
    post = elsewhere.posts.get()

    with pytest.raises(PermissionDenied):
        moderation.post_hide(moderator=scoped, post=post, reason="unsafe")
    with pytest.raises(PermissionDenied):
        moderation.thread_moderate(moderator=scoped, thread=elsewhere, action="pin")
    with pytest.raises(PermissionDenied):
        redaction.post_redact(actor=scoped, post=post, text="early")
    with pytest.raises(PermissionDenied):
        posting.post_update(editor=scoped, post=post, body="Changed.")
    with pytest.raises(PermissionDenied):
        moderation.thread_move(
            moderator=scoped, thread=elsewhere, category=national_category()
        )


def test_site_wide_tools_are_for_unscoped_moderators(scoped, officer_b, moderator):
    with pytest.raises(PermissionDenied):
        moderation.user_suspend(moderator=scoped, user=officer_b, days=1, reason="x")
    with pytest.raises(PermissionDenied):
        moderation.watched_word_create(
            moderator=scoped, pattern="x", is_regex=False, action="flag"
        )
    moderation.watched_word_create(
        moderator=moderator, pattern="x", is_regex=False, action="flag"
    )
    assert WatchedWord.objects.count() == 1


def test_the_queue_shows_a_scoped_moderator_only_their_categories(
    client, scoped, officer_b, national_thread, elsewhere
):
    moderation.post_report_create(
        reporter=officer_b, post=national_thread.posts.get(), reason="other"
    )
    moderation.post_report_create(
        reporter=officer_b, post=elsewhere.posts.get(), reason="other"
    )
    enrol_totp(scoped)
    client.force_login(scoped)

    queue = client.get(reverse("moderation:queue"))
    refused = client.post(
        reverse("moderation:post_hide", args=[elsewhere.posts.get().pk]),
        {"reason": "unsafe"},
    )

    assert [e["post"].thread for e in queue.context["page_obj"]] == [national_thread]
    assert refused.status_code == 403
