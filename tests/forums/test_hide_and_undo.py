"""Hiding a post takes a reason (and an optional note) that is audited and shown to
moderators on the post; the hide can be undone ("Unhide") from the post or the
success message, which is audited too and puts back in the queue the reports the
hide had closed."""

import pytest
from bs4 import BeautifulSoup

from django.core.exceptions import ValidationError
from django.urls import reverse

from core.models import AuditEvent
from forums.models import Post, PostReport, Thread
from forums.services import moderation, posting
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db

REASON_MISSING = "Select why you are hiding the post."


@pytest.fixture
def mod_client(moderator):
    from django.test import Client

    enrol_totp(moderator)
    client = Client()
    client.force_login(moderator)
    return client


@pytest.fixture
def reply(officer_b, national_thread):
    return posting.post_create(author=officer_b, thread=national_thread, body="Tip.")


def hide_url(post, **query):
    url = reverse("moderation:post_hide", args=[post.pk])
    return url + ("?next=queue" if query.get("from_queue") else "")


def test_the_hide_page_asks_why(mod_client, reply):
    response = mod_client.get(hide_url(reply))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Why are you hiding this post?" in html
    assert "It identifies a victim, witness or suspect" in html
    assert "Note for other moderators (optional)" in html


def test_hiding_without_a_reason_is_refused_naming_the_field(mod_client, reply):
    response = mod_client.post(hide_url(reply), {"note": "Typed this."})

    html = response.content.decode()
    summary = BeautifulSoup(html, "html.parser").find(class_="govuk-error-summary")
    assert response.status_code == 400
    assert summary.find("a", href="#id_reason_0").get_text() == REASON_MISSING
    assert "Typed this." in html
    assert Post.objects.get(pk=reply.pk).hidden_at is None
    assert not AuditEvent.objects.filter(action="forums.post_hidden").exists()


def test_the_service_refuses_to_hide_without_a_known_reason(moderator, reply):
    for reason in ("", "because"):
        with pytest.raises(ValidationError) as raised:
            moderation.post_hide(moderator=moderator, post=reply, reason=reason)

        assert raised.value.message_dict == {"reason": [REASON_MISSING]}
    assert Post.objects.get(pk=reply.pk).hidden_at is None


def test_hiding_with_a_reason_records_it_on_the_post_and_in_the_audit_log(
    moderator, mod_client, reply
):
    mod_client.post(
        hide_url(reply), {"reason": "unsafe", "note": "Out of date on disclosure."}
    )

    reply.refresh_from_db()
    event = AuditEvent.objects.get(action="forums.post_hidden")
    assert reply.hidden_at is not None
    assert (reply.hidden_reason, reply.hidden_note, reply.hidden_by) == (
        Post.HideReason.UNSAFE,
        "Out of date on disclosure.",
        moderator,
    )
    assert event.actor == moderator
    assert event.details["reason"] == "unsafe"
    assert event.details["note"] == "Out of date on disclosure."


def test_moderators_see_why_a_post_is_hidden_and_can_unhide_it(
    moderator, mod_client, reply
):
    moderation.post_hide(
        moderator=moderator, post=reply, reason="inappropriate", note="Second warning."
    )

    html = mod_client.get(reply.thread.get_absolute_url()).content.decode()

    article = BeautifulSoup(html, "html.parser").find(id=f"post-{reply.pk}")
    text = article.get_text(" ", strip=True)
    assert f"Hidden by {moderator.display_name}" in text
    assert "It is offensive or inappropriate" in text
    assert "Second warning." in text
    unhide = article.find(
        "form", action=reverse("moderation:post_restore", args=[reply.pk])
    )
    assert unhide.find("button").get_text(" ", strip=True).startswith("Unhide")


def test_the_success_message_offers_undo(mod_client, reply):
    response = mod_client.post(hide_url(reply), {"reason": "unsafe"}, follow=True)

    banner = BeautifulSoup(response.content.decode(), "html.parser").find(
        class_="govuk-notification-banner--success"
    )
    assert "The post is hidden" in banner.get_text()
    undo = banner.find("form")
    assert undo["method"] == "post"
    assert undo["action"] == reverse("moderation:post_restore", args=[reply.pk])
    assert undo.find("button").get_text(" ", strip=True).startswith("Undo")


def test_hiding_from_the_queue_goes_back_there_and_so_does_undo(mod_client, reply):
    hidden = mod_client.post(
        hide_url(reply, from_queue=True), {"reason": "unsafe", "next": "queue"}
    )
    queue = mod_client.get(hidden.url)
    undo_url = (
        BeautifulSoup(queue.content.decode(), "html.parser")
        .find(class_="govuk-notification-banner--success")
        .find("form")["action"]
    )
    undone = mod_client.post(undo_url)

    assert hidden.url == reverse("moderation:queue")
    assert undone.url == reverse("moderation:queue")


def test_undo_shows_the_post_again_is_audited_and_reopens_the_reports_it_closed(
    officer, moderator, mod_client, reply
):
    moderation.post_report_create(reporter=officer, post=reply, reason="wrong")
    moderation.post_hide(moderator=moderator, post=reply, reason="unsafe", note="Old.")
    assert PostReport.objects.get().outcome == PostReport.Outcome.HIDDEN

    mod_client.post(reverse("moderation:post_restore", args=[reply.pk]))

    reply.refresh_from_db()
    report = PostReport.objects.get()
    event = AuditEvent.objects.get(action="forums.post_restored")
    assert reply.hidden_at is None
    assert (reply.hidden_reason, reply.hidden_note, reply.hidden_by) == ("", "", None)
    assert (report.resolved_at, report.outcome) == (None, "")
    assert event.actor == moderator and event.details["reports_reopened"] == 1
    assert Thread.objects.get(pk=reply.thread_id).reply_count == 1
    queue = mod_client.get(reverse("moderation:queue"))
    assert [e["item"] for e in queue.context["page_obj"]] == [report]


def test_undo_is_a_post_action(mod_client, moderator, reply):
    moderation.post_hide(moderator=moderator, post=reply, reason="unsafe")

    response = mod_client.get(reverse("moderation:post_restore", args=[reply.pk]))

    assert response.status_code == 405
    assert Post.objects.get(pk=reply.pk).hidden_at is not None


@pytest.mark.parametrize("method", ["get", "post"])
def test_officers_cannot_reach_the_hide_page(client_for, officer, reply, method):
    response = getattr(client_for(officer), method)(
        hide_url(reply), {"reason": "unsafe"} if method == "post" else None
    )

    assert response.status_code == 404
    assert Post.objects.get(pk=reply.pk).hidden_at is None
