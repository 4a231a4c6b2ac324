"""Query counts on the forum index, category, thread and notification pages are
pinned and do not grow with more categories, threads, posts or notifications."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.services import follow_create
from forums.services import posting
from tests.factories.forums import make_category, make_thread, national_category

pytestmark = pytest.mark.django_db

# Measured on PostgreSQL, warm: session and user (the header's unread count, themes,
# roles and permissions come from the cache), then the view's own reads. The thread
# page reads the thread with its read marker in one query (its posts, opening post and
# answer come from forums.thread_cache, the reader's suspension from the cache) and
# writes the marker, in one statement, only when there is something new; the pin is
# for the first view after the replies, when the thread's posts are read afresh.
# Before issue 13: index 12, category 11, thread 17, notifications 8.
MAX_INDEX_QUERIES = 8
MAX_CATEGORY_QUERIES = 7
MAX_THREAD_QUERIES = 11
MAX_NOTIFICATION_QUERIES = 5


def count(client, url) -> int:
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_index_query_count_is_pinned_and_flat(
    client_for, officer, officer_b, django_assert_max_num_queries
):
    client = client_for(officer)
    make_thread(category=national_category(), author=officer)
    few = count(client, reverse("forums:index"))

    for n in range(6):
        category = make_category(slug=f"extra-{n}", roles=["investigator"])
        make_thread(category=category, author=officer, replies=[(officer_b, "Yes.")])

    with django_assert_max_num_queries(MAX_INDEX_QUERIES):
        client.get(reverse("forums:index"))
    assert count(client, reverse("forums:index")) == few


def test_the_category_query_count_is_pinned_and_flat(
    client_for, officer, officer_b, django_assert_max_num_queries
):
    client = client_for(officer)
    category = national_category()
    make_thread(category=category, author=officer)
    few = count(client, category.get_absolute_url())

    for n in range(12):
        make_thread(
            category=category,
            author=officer_b,
            title=f"Thread {n}",
            replies=[(officer, "Reply.")],
        )

    with django_assert_max_num_queries(MAX_CATEGORY_QUERIES):
        client.get(category.get_absolute_url())
    assert count(client, category.get_absolute_url()) == few


def test_the_thread_query_count_is_pinned_and_flat(
    client_for, officer, officer_b, supervisor, django_assert_max_num_queries
):
    client = client_for(officer)
    thread = make_thread(
        category=national_category(), author=officer, replies=[(officer_b, "First.")]
    )
    # A helpful mark on the page: which posts the reader marked is then read (a
    # page with no marks skips that query).
    posting.post_helpful_toggle(user=officer, post=thread.posts.last())
    few = count(client, thread.get_absolute_url())

    for n in range(12):
        reply = posting.post_create(
            author=[officer_b, supervisor][n % 2], thread=thread, body=f"Reply {n}"
        )
        posting.post_helpful_toggle(user=officer, post=reply)
    posting.thread_answer_set(user=officer, thread=thread, post=reply)

    with django_assert_max_num_queries(MAX_THREAD_QUERIES):
        client.get(thread.get_absolute_url())
    assert count(client, thread.get_absolute_url()) == few


def test_the_notification_page_with_forum_notifications_is_pinned_and_flat(
    client_for, officer, officer_b, django_assert_max_num_queries
):
    client = client_for(officer)
    thread = make_thread(category=national_category(), author=officer)
    posting.post_create(author=officer_b, thread=thread, body="First.")
    few = count(client, reverse("core:notifications"))

    for n in range(15):
        posting.post_create(
            author=officer_b, thread=thread, body=f"@[{officer.display_name}] {n}"
        )

    with django_assert_max_num_queries(MAX_NOTIFICATION_QUERIES):
        client.get(reverse("core:notifications"))
    assert count(client, reverse("core:notifications")) == few


def test_a_moderators_thread_page_is_flat_too(
    client_for, officer, moderator, django_assert_max_num_queries
):
    thread = make_thread(category=national_category(), author=officer)
    follow_create(user=moderator, target=thread)
    client = client_for(moderator)
    few = count(client, thread.get_absolute_url())

    for n in range(8):
        posting.post_create(author=officer, thread=thread, body=f"Reply {n}")

    assert count(client, thread.get_absolute_url()) == few
