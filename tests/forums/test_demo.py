"""The demo forum content: enough to explore, across national and private categories,
and safe to seed twice."""

import pytest

from accounts.demo import seed_demo_accounts
from forums.demo import seed_forums
from forums.models import Post, PostReaction, Thread
from forums.selectors import thread_list_visible_to

pytestmark = pytest.mark.django_db


def test_seed_forums_creates_40_threads_with_replies_answers_and_reactions_once():
    accounts = seed_demo_accounts()

    seed_forums()
    seed_forums()

    threads = Thread.objects.all()
    assert threads.count() >= 40
    assert threads.filter(category__force__isnull=False).count() >= 5
    assert threads.filter(category__force__isnull=True).count() >= 30
    assert all(t.reply_count >= 2 for t in threads)
    assert threads.filter(answer__isnull=False).count() >= 10
    assert PostReaction.objects.count() >= 10
    assert Post.objects.count() == sum(t.reply_count + 1 for t in threads)
    officer, officer2 = accounts["officer"], accounts["officer2"]
    avon = set(thread_list_visible_to(officer).values_list("pk", flat=True))
    west = set(thread_list_visible_to(officer2).values_list("pk", flat=True))
    assert avon - west and west - avon  # each force has threads the other cannot see


def test_the_demo_moderator_has_a_report_and_a_confirmed_name_to_work_on():
    from forums.selectors import moderation_queue

    seed_demo_accounts()
    seed_forums()
    seed_forums()

    sources = sorted(item["source"] for item in moderation_queue())
    assert sources == ["case_safety", "reports"]
