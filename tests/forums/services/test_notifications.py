"""Mentions and follows notify the right people, and nobody who may not see the
thread."""

import pytest

from django.core import mail

from core.models import Notification
from core.services import follow_create
from forums.services import posting
from tests.factories import make_user
from tests.factories.forums import make_thread, national_category

pytestmark = pytest.mark.django_db


def recipients(verb=None) -> set:
    notes = Notification.objects.all()
    if verb:
        notes = notes.filter(verb=verb)
    return {n.recipient.email for n in notes}


def test_a_reply_notifies_the_threads_followers_but_not_the_replier(
    officer, officer_b, supervisor, national_thread
):
    follow_create(user=officer_b, target=national_thread)

    posting.post_create(author=supervisor, thread=national_thread, body="Try this.")

    # The thread's author follows it from the start.
    assert recipients("replied") == {officer.email, officer_b.email}


def test_a_reply_in_a_private_thread_never_notifies_a_follower_from_another_force(
    officer, officer_b, supervisor, avon_thread
):
    follow_create(user=officer_b, target=avon_thread)  # e.g. followed before a move

    posting.post_create(author=supervisor, thread=avon_thread, body="Agreed.")

    assert recipients() == {officer.email}


def test_a_mention_notifies_the_person_named(officer, officer_b, national_thread):
    posting.post_create(
        author=officer,
        thread=national_thread,
        body=f"What do you think, @[{officer_b.display_name}]?",
    )

    assert recipients("mentioned you") == {officer_b.email}
    note = Notification.objects.get(verb="mentioned you")
    assert note.url.startswith("/forums/posts/")


def test_a_mention_in_a_private_thread_does_not_reach_someone_outside_the_force(
    officer, officer_b, supervisor, avon_thread
):
    posting.post_create(
        author=supervisor,
        thread=avon_thread,
        body=f"@[{officer_b.display_name}] and @[{officer.display_name}], see this.",
    )

    assert recipients("mentioned you") == {officer.email}
    assert not Notification.objects.filter(recipient=officer_b).exists()


def test_a_mention_in_a_role_restricted_thread_reaches_only_that_role(
    officer, supervisor, moderator, supervisors_thread
):
    posting.post_create(
        author=supervisor,
        thread=supervisors_thread,
        body=f"@[{officer.display_name}] @[{moderator.display_name}] please look.",
    )

    assert recipients("mentioned you") == {moderator.email}


def test_someone_mentioned_and_following_gets_one_notification(
    officer, officer_b, national_thread
):
    follow_create(user=officer_b, target=national_thread)

    posting.post_create(
        author=officer,
        thread=national_thread,
        body=f"@[{officer_b.display_name}] over to you.",
    )

    assert Notification.objects.filter(recipient=officer_b).count() == 1


def test_editing_a_post_notifies_only_people_newly_mentioned(
    officer, officer_b, supervisor, national_thread
):
    post = posting.post_create(
        author=officer, thread=national_thread, body=f"@[{officer_b.display_name}]"
    )
    Notification.objects.all().delete()

    posting.post_update(
        editor=officer,
        post=post,
        body=f"@[{officer_b.display_name}] and @[{supervisor.display_name}]",
    )

    assert recipients() == {supervisor.email}


def test_a_new_thread_notifies_the_categorys_followers_who_may_see_it(
    officer, officer_b, supervisor, avon_category
):
    follow_create(user=supervisor, target=avon_category)
    follow_create(user=officer_b, target=avon_category)

    make_thread(category=avon_category, author=officer, title="New local process")

    assert recipients("started a thread") == {supervisor.email}


def test_marking_the_answer_notifies_the_replys_author(
    officer, officer_b, national_thread
):
    reply = posting.post_create(author=officer_b, thread=national_thread, body="Yes.")
    Notification.objects.all().delete()

    posting.thread_answer_set(user=officer, thread=national_thread, post=reply)

    assert recipients() == {officer_b.email}


def test_immediate_email_goes_through_the_task_queue(
    officer, officer_b, national_thread, django_capture_on_commit_callbacks
):
    follow_create(user=officer_b, target=national_thread)

    with django_capture_on_commit_callbacks(execute=True):
        posting.post_create(author=officer, thread=national_thread, body="Update.")

    assert [m.to for m in mail.outbox] == [[officer_b.email]]
    assert national_thread.title in mail.outbox[0].subject


def test_a_daily_digest_user_gets_no_immediate_email(
    officer, national_thread, django_capture_on_commit_callbacks
):
    reader = make_user(email="digest@avon-and-somerset.police.uk")
    reader.notification_email = "daily"
    reader.save()
    follow_create(user=reader, target=national_thread)

    with django_capture_on_commit_callbacks(execute=True):
        posting.post_create(author=officer, thread=national_thread, body="Update.")

    assert mail.outbox == []
    assert Notification.objects.filter(recipient=reader).exists()


def test_an_inactive_user_is_never_notified(officer, officer_b, national_thread):
    follow_create(user=officer_b, target=national_thread)
    officer_b.is_active = False
    officer_b.save()

    posting.post_create(author=officer, thread=national_thread, body="Update.")

    assert not Notification.objects.filter(recipient=officer_b).exists()


def test_category_followers_do_not_see_a_thread_in_a_category_they_cannot_see(
    officer, officer_b
):
    category = national_category()
    follow_create(user=officer_b, target=category)

    make_thread(category=category, author=officer, title="Open to all")

    assert recipients("started a thread") == {officer_b.email}
