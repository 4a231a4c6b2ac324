"""Writing posts: the case-safety check, confirmed findings, edit history, answers,
helpful reactions, counts and locks."""

import pytest

from django.core.exceptions import PermissionDenied, ValidationError

from forums.models import CaseSafetyFlag, Post, PostRevision, Thread
from forums.services import posting
from tests.factories.forums import national_category

pytestmark = pytest.mark.django_db

IDENTIFYING = "The victim, Sarah Jones, lives at 14 Acacia Avenue, BS5 9QT."


def test_a_post_with_identifying_details_is_refused_until_confirmed(
    officer, national_thread
):
    with pytest.raises(posting.IdentifyingDetailsFound) as raised:
        posting.post_create(author=officer, thread=national_thread, body=IDENTIFYING)

    kinds = {f.kind for f in raised.value.findings["body"]}
    assert kinds == {"name", "address", "postcode"}
    assert national_thread.posts.count() == 1  # nothing half-saved


def test_a_confirmed_post_keeps_its_findings_for_the_moderators(
    officer, national_thread
):
    with pytest.raises(posting.IdentifyingDetailsFound) as raised:
        posting.post_create(author=officer, thread=national_thread, body=IDENTIFYING)

    post = posting.post_create(
        author=officer,
        thread=national_thread,
        body=IDENTIFYING,
        confirmed_digest=raised.value.digest,
    )

    flag = CaseSafetyFlag.objects.get(post=post)
    assert flag.author == officer
    assert {(f["kind"], f["text"]) for f in flag.findings} == {
        ("name", "Sarah Jones"),
        ("address", "14 Acacia Avenue"),
        ("postcode", "BS5 9QT"),
    }


def test_confirming_does_not_cover_details_added_afterwards(officer, national_thread):
    with pytest.raises(posting.IdentifyingDetailsFound) as first:
        posting.post_create(author=officer, thread=national_thread, body=IDENTIFYING)

    with pytest.raises(posting.IdentifyingDetailsFound):
        posting.post_create(
            author=officer,
            thread=national_thread,
            body=IDENTIFYING + " Her number is 07700 900123.",
            confirmed_digest=first.value.digest,
        )


def test_a_thread_title_is_checked_too(officer):
    with pytest.raises(posting.IdentifyingDetailsFound) as raised:
        posting.thread_create(
            author=officer,
            category=national_category(),
            title="Advice on suspect Darren Price",
            body="Nothing else here.",
        )

    assert list(raised.value.findings) == ["title"]
    assert not Thread.objects.filter(title__contains="Darren").exists()


def test_a_clean_post_records_no_flag(officer, national_thread):
    post = posting.post_create(author=officer, thread=national_thread, body="Fine.")

    assert not CaseSafetyFlag.objects.filter(post=post).exists()


def test_editing_keeps_the_previous_text_as_a_revision(officer, national_thread):
    post = national_thread.posts.get()
    before = post.body

    posting.post_update(editor=officer, post=post, body="A clearer question.")

    post.refresh_from_db()
    assert post.body == "A clearer question."
    assert post.edited_at is not None
    assert list(
        PostRevision.objects.filter(post=post).values_list("body", flat=True)
    ) == [before]


def test_an_edit_that_adds_identifying_details_is_checked(officer, national_thread):
    post = national_thread.posts.get()

    with pytest.raises(posting.IdentifyingDetailsFound):
        posting.post_update(editor=officer, post=post, body=IDENTIFYING)

    assert not PostRevision.objects.exists()


def test_only_the_author_or_a_moderator_may_edit(
    officer, officer_b, moderator, national_thread
):
    post = national_thread.posts.get()

    with pytest.raises(PermissionDenied):
        posting.post_update(editor=officer_b, post=post, body="Changed.")
    posting.post_update(editor=moderator, post=post, body="Tidied by a moderator.")

    assert PostRevision.objects.get().edited_by == moderator


def test_replies_update_the_count_and_last_activity(
    officer, officer_b, national_thread
):
    reply = posting.post_create(author=officer_b, thread=national_thread, body="One.")

    thread = Thread.objects.get(pk=national_thread.pk)
    assert thread.reply_count == 1
    assert thread.last_post_at == reply.created_at


def test_a_locked_thread_takes_no_replies_except_from_moderators(
    officer, moderator, national_thread
):
    Thread.objects.filter(pk=national_thread.pk).update(is_locked=True)
    national_thread.refresh_from_db()

    with pytest.raises(PermissionDenied):
        posting.post_create(author=officer, thread=national_thread, body="More.")
    posting.post_create(author=moderator, thread=national_thread, body="Locked now.")


def test_an_empty_post_is_refused(officer, national_thread):
    with pytest.raises(ValidationError):
        posting.post_create(author=officer, thread=national_thread, body="   ")


def test_helpful_toggles_and_never_counts_your_own_post(
    officer, officer_b, national_thread
):
    reply = posting.post_create(author=officer_b, thread=national_thread, body="Tip.")

    assert posting.post_helpful_toggle(user=officer, post=reply) is True
    assert Post.objects.get(pk=reply.pk).helpful_count == 1
    assert posting.post_helpful_toggle(user=officer_b, post=reply) is False
    assert posting.post_helpful_toggle(user=officer, post=reply) is False
    assert Post.objects.get(pk=reply.pk).helpful_count == 0


def test_only_the_thread_author_or_a_moderator_marks_the_answer(
    officer, officer_b, moderator, national_thread
):
    reply = posting.post_create(author=officer_b, thread=national_thread, body="Tip.")

    with pytest.raises(PermissionDenied):
        posting.thread_answer_set(user=officer_b, thread=national_thread, post=reply)
    posting.thread_answer_set(user=officer, thread=national_thread, post=reply)
    assert Thread.objects.get(pk=national_thread.pk).answer == reply
    posting.thread_answer_set(user=moderator, thread=national_thread, post=None)
    assert Thread.objects.get(pk=national_thread.pk).answer is None


def test_an_answer_must_belong_to_the_thread(officer, national_thread, avon_thread):
    other = avon_thread.posts.get()

    with pytest.raises(ValidationError):
        posting.thread_answer_set(user=officer, thread=national_thread, post=other)
