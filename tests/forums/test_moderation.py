"""Moderation: every queue source reaches the queue; each action does what it says
and leaves an audit entry; nobody but moderators reaches the tools."""

import pytest

from django.urls import reverse
from django.utils.html import escape

from core.models import AuditEvent
from forums import selectors
from forums.models import Post, PostReport, Thread
from forums.services import moderation, posting
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db

# The queue for a moderator, warm: session, user, the queue and its counts, and the
# header's open-item count.
QUEUE_QUERIES = 8

IDENTIFYING = "The victim, Sarah Jones, was seen at 14 Acacia Avenue."


@pytest.fixture
def mod_client(moderator):
    """A separate client: tests sign officers in on the default one at the same time."""
    from django.test import Client

    enrol_totp(moderator)  # staff must enrol MFA before the moderation tools
    client = Client()
    client.force_login(moderator)
    return client


@pytest.fixture
def reply(officer_b, national_thread):
    return posting.post_create(author=officer_b, thread=national_thread, body="Tip.")


def audit_actions():
    return list(
        AuditEvent.objects.filter(action__startswith="forums.").values_list(
            "action", flat=True
        )
    )


def test_an_officer_reports_a_post_and_it_reaches_the_queue(
    client_for, officer, reply, mod_client
):
    response = client_for(officer).post(
        reverse("forums:post_report", args=[reply.pk]),
        {"reason": "inappropriate", "details": "Tone."},
    )

    assert response.status_code == 302
    queue = mod_client.get(reverse("moderation:queue"))
    assert [e["post"] for e in queue.context["page_obj"]] == [reply]
    assert "It is offensive or inappropriate" in queue.content.decode()


def test_reporting_without_a_reason_keeps_the_details_and_says_why(
    client_for, officer, reply
):
    response = client_for(officer).post(
        reverse("forums:post_report", args=[reply.pk]), {"details": "Typed this."}
    )

    assert response.status_code == 400
    assert "Choose why you are reporting the post." in response.content.decode()
    assert "Typed this." in response.content.decode()


def test_reporting_twice_is_refused_with_a_message(client_for, officer, reply):
    client = client_for(officer)
    url = reverse("forums:post_report", args=[reply.pk])
    client.post(url, {"reason": "wrong"})

    response = client.post(url, {"reason": "wrong"})

    assert response.status_code == 400
    assert "You have already reported this post." in response.content.decode()
    assert PostReport.objects.count() == 1


def test_a_confirmed_case_safety_post_reaches_the_queue_with_its_findings(
    officer, national_thread, mod_client
):
    with pytest.raises(posting.IdentifyingDetailsFound) as raised:
        posting.post_create(author=officer, thread=national_thread, body=IDENTIFYING)
    posting.post_create(
        author=officer,
        thread=national_thread,
        body=IDENTIFYING,
        confirmed_digest=raised.value.digest,
    )

    everything = mod_client.get(reverse("moderation:queue"))
    reports_only = mod_client.get(reverse("moderation:queue"), {"source": "reports"})

    html = everything.content.decode()
    assert "Case-safety findings confirmed" in html
    assert "Personal name: <strong>Sarah Jones</strong>" in html
    assert reports_only.context["page_obj"].paginator.count == 0


def test_hiding_a_reported_post_closes_the_report_and_is_audited(
    client_for, officer, moderator, reply, mod_client
):
    moderation.post_report_create(reporter=officer, post=reply, reason="wrong")

    mod_client.post(
        reverse("moderation:post_hide", args=[reply.pk]),
        {"next": "queue", "reason": "unsafe"},
    )

    reply.refresh_from_db()
    assert reply.hidden_at is not None
    assert PostReport.objects.get().outcome == PostReport.Outcome.HIDDEN
    assert audit_actions() == ["forums.post_hidden"]
    assert AuditEvent.objects.get(action="forums.post_hidden").actor == moderator
    assert Thread.objects.get(pk=reply.thread_id).reply_count == 0
    assert client_for(officer).get(reply.get_absolute_url()).status_code == 404
    assert not selectors.post_list_visible_to(officer).filter(pk=reply.pk).exists()


def test_a_moderator_sees_a_hidden_post_with_a_marker_and_can_restore_it(
    moderator, reply, mod_client
):
    moderation.post_hide(moderator=moderator, post=reply, reason="inappropriate")

    page = mod_client.get(reply.thread.get_absolute_url())
    mod_client.post(reverse("moderation:post_restore", args=[reply.pk]))

    assert "ln-post--hidden" in page.content.decode()
    assert Post.objects.get(pk=reply.pk).hidden_at is None
    assert audit_actions()[0] == "forums.post_restored"
    assert Thread.objects.get(pk=reply.thread_id).reply_count == 1


def test_dismissing_a_report_leaves_the_post_and_is_audited(officer, reply, mod_client):
    report = moderation.post_report_create(reporter=officer, post=reply, reason="other")

    mod_client.post(reverse("moderation:report_dismiss", args=[report.pk]))

    assert Post.objects.get(pk=reply.pk).hidden_at is None
    assert PostReport.objects.get().outcome == PostReport.Outcome.DISMISSED
    assert audit_actions() == ["forums.report_dismissed"]
    assert (
        mod_client.get(reverse("moderation:queue")).context["page_obj"].paginator.count
        == 0
    )


def test_reviewing_a_case_safety_flag_is_audited(officer, national_thread, mod_client):
    with pytest.raises(posting.IdentifyingDetailsFound) as raised:
        posting.post_create(author=officer, thread=national_thread, body=IDENTIFYING)
    post = posting.post_create(
        author=officer,
        thread=national_thread,
        body=IDENTIFYING,
        confirmed_digest=raised.value.digest,
    )

    mod_client.post(
        reverse("moderation:flag_review", args=[post.case_safety_flags.get().pk])
    )

    assert post.case_safety_flags.get().reviewed_at is not None
    assert audit_actions() == ["forums.case_safety_reviewed"]


@pytest.mark.parametrize(
    "action, field, value, audited",
    [
        ("lock", "is_locked", True, "forums.thread_locked"),
        ("pin", "is_pinned", True, "forums.thread_pinned"),
    ],
)
def test_lock_and_pin_change_the_thread_and_are_audited(
    national_thread, mod_client, action, field, value, audited
):
    mod_client.post(
        reverse("moderation:thread_moderate", args=[national_thread.pk, action])
    )

    assert getattr(Thread.objects.get(pk=national_thread.pk), field) is value
    assert audit_actions() == [audited]


def test_a_locked_thread_refuses_an_officers_reply(
    client_for, officer, moderator, national_thread
):
    moderation.thread_moderate(
        moderator=moderator, thread=national_thread, action="lock"
    )

    client = client_for(officer)
    page = client.get(national_thread.get_absolute_url())
    reply = client.post(
        reverse("forums:post_create", args=[national_thread.pk]),
        {"body": "More.", "action": "post"},
    )

    assert "This thread is locked" in page.content.decode()
    assert reply.status_code == 403


def test_the_edit_history_shows_each_earlier_version_with_who_and_when(
    officer, moderator, national_thread, mod_client
):
    post = national_thread.posts.get()
    first = post.body
    posting.post_update(editor=officer, post=post, body="Second version.")
    posting.post_update(editor=moderator, post=post, body="Third version.")

    response = mod_client.get(reverse("moderation:post_history", args=[post.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert first in html and "Second version." in html and "Third version." in html
    # Faker names can hold an apostrophe ("O'Neill"), which the page escapes.
    assert f"Before the edit by {escape(moderator.display_name)}" in html
    assert f"Before the edit by {escape(officer.display_name)}" in html


@pytest.mark.parametrize("who", ["officer", "supervisor"])
def test_nobody_but_moderators_reaches_the_moderation_tools(
    client_for, request, who, reply, national_thread
):
    client = client_for(request.getfixturevalue(who))

    urls = [
        ("get", reverse("moderation:queue")),
        ("get", reverse("moderation:post_history", args=[reply.pk])),
        ("get", reverse("moderation:post_hide", args=[reply.pk])),
        ("post", reverse("moderation:post_hide", args=[reply.pk])),
        ("post", reverse("moderation:post_restore", args=[reply.pk])),
        (
            "post",
            reverse("moderation:thread_moderate", args=[national_thread.pk, "lock"]),
        ),
    ]

    for method, url in urls:
        assert getattr(client, method)(url).status_code == 404, url
    assert audit_actions() == []


def test_a_moderator_without_mfa_is_sent_to_enrol_first(client_for, moderator):
    response = client_for(moderator).get(reverse("moderation:queue"))

    assert response.status_code == 302
    assert "/accounts/2fa/" in response.url


def test_the_queue_query_count_does_not_grow(
    officer, officer_b, national_thread, mod_client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as ctx:
            mod_client.get(reverse("moderation:queue"))
        return len(ctx.captured_queries)

    moderation.post_report_create(
        reporter=officer_b, post=national_thread.posts.get(), reason="wrong"
    )
    count()  # warm the per-person caches (roles, permissions, unread count)
    few = count()
    assert few <= QUEUE_QUERIES
    for n in range(6):
        post = posting.post_create(author=officer, thread=national_thread, body=f"{n}")
        moderation.post_report_create(reporter=officer_b, post=post, reason="other")

    count()
    assert count() == few
