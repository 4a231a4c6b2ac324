"""Watched words block (with a clear message and the text kept), hold for approval
(visible only to the author and moderators until approved, then announced) and flag
to the queue; moderators maintain them, audited."""

import pytest

from django.urls import reverse

from core.models import AuditEvent, Notification
from core.services import follow_create
from forums import selectors
from forums.models import Thread, WatchedWord, WatchedWordFlag
from forums.services import moderation, posting
from tests.factories.forums import national_category
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def mod_client(moderator):
    from django.test import Client

    enrol_totp(moderator)
    client = Client()
    client.force_login(moderator)
    return client


@pytest.fixture
def words(db):
    WatchedWord.objects.create(pattern="forbidden", action="block")
    WatchedWord.objects.create(pattern="home address", action="hold")
    WatchedWord.objects.create(pattern=r"\bsnap(chat)?\b", is_regex=True, action="flag")


def test_a_blocking_word_stops_the_post_with_a_clear_message_and_keeps_the_text(
    client_for, officer, national_thread, words
):
    response = client_for(officer).post(
        reverse("forums:post_create", args=[national_thread.pk]),
        {"body": "This is Forbidden text.", "action": "post"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Your post contains “Forbidden”, which cannot be posted here." in html
    assert "This is Forbidden text." in html
    assert national_thread.posts.count() == 1


def test_a_holding_word_hides_the_reply_until_a_moderator_approves_it(
    client_for, officer, officer_b, moderator, national_thread, words, mod_client
):
    follow_create(user=officer_b, target=national_thread)
    Notification.objects.all().delete()

    response = client_for(officer).post(
        reverse("forums:post_create", args=[national_thread.pk]),
        {"body": "Do we record the home address here?", "action": "post"},
    )
    post = national_thread.posts.latest("created_at")

    assert response.status_code == 302
    assert post.held_at is not None
    assert not selectors.post_list_visible_to(officer_b).filter(pk=post.pk).exists()
    assert selectors.post_list_visible_to(officer).filter(pk=post.pk).exists()
    assert not Notification.objects.exists()
    assert Thread.objects.get(pk=national_thread.pk).reply_count == 0
    queue = mod_client.get(reverse("moderation:queue"), {"source": "held"})
    assert [e["post"] for e in queue.context["page_obj"]] == [post]

    flag = WatchedWordFlag.objects.get(post=post)
    mod_client.post(reverse("moderation:watched_resolve", args=[flag.pk]))

    post.refresh_from_db()
    assert post.held_at is None
    assert selectors.post_list_visible_to(officer_b).filter(pk=post.pk).exists()
    assert Notification.objects.filter(recipient=officer_b).exists()
    assert Thread.objects.get(pk=national_thread.pk).reply_count == 1
    assert AuditEvent.objects.filter(action="forums.post_approved").exists()


def test_a_held_new_thread_is_invisible_to_others_until_approved(
    officer, officer_b, moderator, words
):
    thread = posting.thread_create(
        author=officer,
        category=national_category(),
        title="Recording the home address",
        body="Where?",
    )

    assert not selectors.thread_list_visible_to(officer_b).filter(pk=thread.pk).exists()
    assert selectors.thread_list_visible_to(officer).filter(pk=thread.pk).exists()
    moderation.watched_word_flag_resolve(
        moderator=moderator, flag=WatchedWordFlag.objects.get()
    )
    assert selectors.thread_list_visible_to(officer_b).filter(pk=thread.pk).exists()


def test_a_flagging_word_posts_and_reaches_the_queue(
    officer, officer_b, national_thread, words, mod_client
):
    post = posting.post_create(
        author=officer, thread=national_thread, body="She used Snapchat."
    )

    queue = mod_client.get(reverse("moderation:queue"), {"source": "watched"})

    assert post.held_at is None
    assert selectors.post_list_visible_to(officer_b).filter(pk=post.pk).exists()
    assert "Snapchat" in queue.content.decode()
    flag = WatchedWordFlag.objects.get(post=post)
    mod_client.post(reverse("moderation:watched_resolve", args=[flag.pk]))
    assert AuditEvent.objects.filter(action="forums.watched_word_reviewed").exists()


def test_words_match_whole_words_only(officer, national_thread, words):
    post = posting.post_create(
        author=officer, thread=national_thread, body="Unforbiddenly fine."
    )

    assert post.pk


def test_moderators_add_and_remove_watched_words_audited(mod_client):
    url = reverse("moderation:watched_words")

    bad = mod_client.post(url, {"pattern": "(", "is_regex": "on", "action": "flag"})
    mod_client.post(url, {"pattern": "burner phone", "action": "hold"})
    word = WatchedWord.objects.get()
    mod_client.post(reverse("moderation:watched_word_delete", args=[word.pk]))

    assert bad.status_code == 400
    assert "That is not a valid regular expression" in bad.content.decode()
    assert not WatchedWord.objects.exists()
    assert list(
        AuditEvent.objects.filter(action__startswith="forums.watched")
        .order_by("created_at")
        .values_list("action", flat=True)
    ) == ["forums.watched_word_added", "forums.watched_word_removed"]


def test_officers_cannot_reach_the_watched_words_page(client_for, officer):
    assert (
        client_for(officer).get(reverse("moderation:watched_words")).status_code == 404
    )
