"""A moderator's redaction deals with what was waiting about the post: its open
reports are closed (outcome "Text redacted by a moderator") and its confirmed
case-safety findings marked reviewed, so the queue only shows open work. An author
redacting their own post closes nothing."""

import pytest

from django.urls import reverse

from core.models import AuditEvent
from forums import selectors
from forums.models import CaseSafetyFlag, Post, PostReport
from forums.services import moderation, posting, redaction
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db

NAME = "Sarah Jones"


@pytest.fixture
def leaked(officer, officer_b, national_thread):
    """A reply naming someone (the author confirmed the finding), reported twice."""
    body = f"In our case the victim, {NAME}, withdrew."
    try:
        post = posting.post_create(author=officer, thread=national_thread, body=body)
    except posting.IdentifyingDetailsFound as found:
        post = posting.post_create(
            author=officer,
            thread=national_thread,
            body=body,
            confirmed_digest=found.digest,
        )
    moderation.post_report_create(reporter=officer_b, post=post, reason="identifying")
    return post


@pytest.fixture
def other_report(officer, officer_b, national_thread):
    """An open report about another post in the same thread."""
    return moderation.post_report_create(
        reporter=officer, post=national_thread.posts.first(), reason="wrong"
    )


def test_a_moderator_redaction_closes_the_posts_reports_and_findings(
    moderator, leaked, other_report
):
    redaction.post_redact(actor=moderator, post=leaked, text=NAME)

    report = PostReport.objects.get(post=leaked)
    flag = CaseSafetyFlag.objects.get(post=leaked)
    assert report.resolved_at is not None
    assert (report.resolved_by, report.outcome) == (
        moderator,
        PostReport.Outcome.REDACTED,
    )
    assert (flag.reviewed_at is not None, flag.reviewed_by) == (True, moderator)
    assert PostReport.objects.get(pk=other_report.pk).resolved_at is None
    assert [e["item"] for e in selectors.moderation_queue(user=moderator)] == [
        other_report
    ]
    details = AuditEvent.objects.get(action="forums.post_redacted").details
    assert (details["reports_closed"], details["findings_reviewed"]) == (1, 1)


def test_an_author_redacting_their_own_post_leaves_the_queue_alone(
    moderator, officer, leaked
):
    redaction.post_redact(actor=officer, post=leaked, text=NAME)

    assert PostReport.objects.get(post=leaked).resolved_at is None
    assert CaseSafetyFlag.objects.get(post=leaked).reviewed_at is None
    assert len(selectors.moderation_queue(user=moderator)) == 2


def test_redacting_from_the_queue_goes_back_to_a_queue_without_the_item(
    client, moderator, leaked
):
    enrol_totp(moderator)
    client.force_login(moderator)
    queue = client.get(reverse("moderation:queue")).content.decode()
    redact_url = reverse("forums:post_redact", args=[leaked.pk]) + "?next=queue"
    assert redact_url in queue

    response = client.post(redact_url, {"text": NAME}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("moderation:queue")
    assert response.context["page_obj"].paginator.count == 0
    assert "The queue is empty." in response.content.decode()


def test_redaction_reaches_the_moderators_note_on_a_hidden_post(moderator, leaked):
    moderation.post_hide(
        moderator=moderator, post=leaked, reason="identifying", note=f"Names {NAME}."
    )

    redaction.post_redact(actor=moderator, post=leaked, text=NAME)

    assert Post.objects.get(pk=leaked.pk).hidden_note == "Names [redacted]."
