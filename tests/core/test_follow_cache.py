"""The follow buttons read what the reader follows from the cache
(``core.follows``): every way a follow is written or deleted shows at once."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import Follow, Theme
from core.selectors import user_follows
from core.services import follow_create, follow_delete
from tests.factories.guidance import make_guidance

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes():
    return Theme.objects.get(slug="data"), Theme.objects.get(slug="digital-forensics")


def _follow(user, target) -> Follow:
    return Follow(
        user=user,
        content_type=ContentType.objects.get_for_model(target),
        object_id=str(target.pk),
    )


def test_the_follow_button_asks_the_database_once(client_for, officer):
    page = make_guidance(title="Followed once")
    follow_create(user=officer, target=page)
    client = client_for(officer)
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(page.url).content.decode()
    assert "Stop following" in html
    assert not [q for q in queries.captured_queries if "core_follow" in q["sql"]]


def test_following_and_unfollowing_one_at_a_time_shows_at_once(officer, themes):
    data, _ = themes
    assert not user_follows(officer, data)
    follow_create(user=officer, target=data)
    assert user_follows(officer, data)
    follow_delete(user=officer, target=data)
    assert not user_follows(officer, data)


def test_bulk_writes_show_at_once(officer, officer_b, themes):
    data, forensics = themes
    Follow.objects.bulk_create([_follow(officer, data)])
    assert user_follows(officer, data)

    Follow.objects.filter(user=officer).update(object_id=str(forensics.pk))
    assert not user_follows(officer, data)
    assert user_follows(officer, forensics)

    Follow.objects.filter(user=officer).update(user=officer_b)
    assert not user_follows(officer, forensics)
    assert user_follows(officer_b, forensics)

    follow = Follow.objects.get(user=officer_b)
    follow.user = officer
    Follow.objects.bulk_update([follow], ["user"])
    assert not user_follows(officer_b, forensics)
    assert user_follows(officer, forensics)

    Follow.objects.filter(user=officer).delete()
    assert not user_follows(officer, forensics)


def test_a_deleted_users_follows_go_with_them(officer, themes):
    data, _ = themes
    follow_create(user=officer, target=data)
    pk = officer.pk
    assert user_follows(officer, data)
    get_user_model().objects.filter(pk=pk).delete()
    assert not Follow.objects.filter(user_id=pk).exists()


def test_one_readers_follows_are_not_anothers(officer, officer_b, themes):
    data, _ = themes
    follow_create(user=officer, target=data)
    assert user_follows(officer, data)
    assert not user_follows(officer_b, data)
