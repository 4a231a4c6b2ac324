"""The unread count in every page's header is read from the cache: one cache read,
no query, until something it depends on changes. A new notification, reading one,
reading all, and any change that can alter what the recipient may see (a thread
hidden or moved, a page unpublished, a role changed) each make the next page count
again."""

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.selectors import notification_unread_count
from core.services import (
    notification_create,
    notification_mark_all_read,
    notification_mark_read,
)
from tests.factories.guidance import make_guidance

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


def _notify(user, target):
    return notification_create(
        recipients=[user], verb="replied", summary="s", url="/", target=target
    )[0]


def _count_queries(user):
    with CaptureQueriesContext(connection) as queries:
        count = notification_unread_count(user)
    return count, len(queries)


def test_a_second_read_of_the_count_runs_no_query(officer, thread):
    _notify(officer, thread)
    assert _count_queries(officer)[0] == 1
    assert _count_queries(officer) == (1, 0)


def test_a_new_notification_and_reading_one_recount(officer, officer_b, thread):
    first = _notify(officer, thread)
    assert notification_unread_count(officer) == 1
    _notify(officer, thread)
    assert notification_unread_count(officer) == 2
    notification_mark_read(notification=first)
    assert notification_unread_count(officer) == 1
    notification_mark_all_read(user=officer)
    assert notification_unread_count(officer) == 0


def test_a_thread_hidden_or_a_page_unpublished_recounts(officer, thread):
    page = make_guidance(title="Outcome decisions")
    _notify(officer, thread)
    _notify(officer, page)
    assert notification_unread_count(officer) == 2

    thread.hidden_at = timezone.now()
    thread.save()
    assert notification_unread_count(officer) == 1

    page.unpublish()
    assert notification_unread_count(officer) == 0


def test_a_change_of_role_recounts(officer, thread):
    from forums.models import Category

    private = Category.objects.create(
        name="Moderators' room", slug="mods", theme=thread.category.theme
    )
    thread.category = private
    thread.save()
    thread.hidden_at = timezone.now()
    thread.save()
    _notify(officer, thread)
    assert notification_unread_count(officer) == 0

    officer.groups.add(Group.objects.get(name="Moderators"))
    officer = type(officer).objects.get(pk=officer.pk)
    assert notification_unread_count(officer) == 1
