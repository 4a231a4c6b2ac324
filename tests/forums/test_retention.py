"""Retention: threads past their category's retention period are removed by the
scheduled command, and nothing else; threads due soon say so."""

import datetime

import pytest

from django.core.management import call_command
from django.utils import timezone

from core.models import AuditEvent
from forums.models import Post, Thread
from tests.factories.forums import make_category, make_thread, national_category

pytestmark = pytest.mark.django_db


def age(thread, days):
    Thread.objects.filter(pk=thread.pk).update(
        last_post_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_the_command_removes_expired_threads_and_nothing_else(officer):
    short = make_category(slug="short", name="Short")
    short.retention_days = 90
    short.save()
    expired = make_thread(category=short, author=officer, title="Old")
    recent = make_thread(category=short, author=officer, title="Recent")
    kept_forever = make_thread(category=national_category(), author=officer, title="K")
    age(expired, 91)
    age(recent, 89)
    age(kept_forever, 3000)

    call_command("remove_expired_threads")

    assert set(Thread.objects.values_list("title", flat=True)) == {"Recent", "K"}
    assert not Post.objects.filter(thread_id=expired.pk).exists()
    event = AuditEvent.objects.get(action="forums.thread_expired")
    assert event.object_id == str(expired.pk)


def test_a_thread_due_within_30_days_says_so(client_for, officer):
    category = make_category(slug="yearly", name="Yearly")
    category.retention_days = 365
    category.save()
    soon = make_thread(category=category, author=officer, title="Soon")
    later = make_thread(category=category, author=officer, title="Later")
    age(soon, 350)
    age(later, 100)
    client = client_for(officer)

    soon_page = client.get(soon.get_absolute_url()).content.decode()
    later_page = client.get(later.get_absolute_url()).content.decode()
    listing = client.get(category.get_absolute_url()).content.decode()

    assert "This thread will be removed on" in soon_page
    assert "This thread will be removed on" not in later_page
    assert listing.count("Removed ") == 1
