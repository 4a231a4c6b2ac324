"""Redaction leaves no trace of the removed text: not in the post, its edit history,
its thread title, case-safety findings, reports, stored notifications, the e-mails
sent from them, or the search index (checked in the database, not only the page)."""

import pytest

from django.core import mail
from django.urls import reverse

from core.models import AuditEvent, Notification
from core.services import follow_create
from core.tasks import send_notification_email
from forums.models import CaseSafetyFlag, Post, PostReport, PostRevision, Thread
from forums.services import moderation, posting, redaction
from tests.factories.forums import national_category
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db

NAME = "Sarah Jones"


def confirmed(create, **kwargs):
    """Run a write, confirming whatever the case-safety checker finds."""
    try:
        return create(**kwargs)
    except posting.IdentifyingDetailsFound as found:
        return create(**kwargs, confirmed_digest=found.digest)


@pytest.fixture
def leaked(officer, officer_b):
    """A thread whose title and opening post name someone, edited once, reported and
    notified about: the name is everywhere it could be."""
    follow_create(user=officer_b, target=national_category())
    thread = confirmed(
        posting.thread_create,
        author=officer,
        category=national_category(),
        title=f"Advice: victim {NAME} withdrew",
        body=f"The victim, {NAME}, withdrew at charge.",
    )
    post = thread.posts.get()
    confirmed(
        posting.post_update,
        editor=officer,
        post=post,
        body=f"The victim, {NAME}, withdrew at charge. What would you do?",
    )
    moderation.post_report_create(
        reporter=officer_b, post=post, reason="identifying", details=f"Names {NAME}."
    )
    return Post.objects.get(pk=post.pk)


def traces(text: str) -> list[str]:
    """Every stored place the text still appears (case-insensitive)."""
    from wagtail.search.models import IndexEntry

    needle = text.lower()
    found = []
    for post in Post.objects.all():
        if needle in post.body.lower() or needle in post.body_html.lower():
            found.append(f"post {post.pk}")
    found += [
        f"revision {r.pk}"
        for r in PostRevision.objects.all()
        if needle in r.body.lower()
    ]
    found += [
        f"thread {t.pk}" for t in Thread.objects.all() if needle in t.title.lower()
    ]
    found += [
        f"flag {f.pk}"
        for f in CaseSafetyFlag.objects.all()
        if needle in str(f.findings).lower()
    ]
    found += [
        f"report {r.pk}"
        for r in PostReport.objects.all()
        if needle in r.details.lower()
    ]
    found += [
        f"notification {n.pk}"
        for n in Notification.objects.all()
        if needle in n.summary.lower()
    ]
    # The index stores words (PostgreSQL: lexemes such as 'sarah':4); look for each.
    for entry in IndexEntry.objects.filter(content_type__app_label="forums"):
        stored = f"{entry.title} {entry.body} {entry.autocomplete}".lower()
        if any(word.lower()[:4] in stored for word in text.split()):
            found.append(f"index entry {entry.pk}")
    return found


def test_the_fixture_really_puts_the_name_everywhere(leaked):
    places = traces(NAME)

    for kind in ["post", "revision", "thread", "flag", "report", "notification"]:
        assert any(p.startswith(kind) for p in places), kind
    assert any(p.startswith("index entry") for p in places)


def test_a_moderator_redaction_leaves_no_trace_anywhere(moderator, leaked):
    changed = redaction.post_redact(actor=moderator, post=leaked, text="sarah jones")

    assert changed >= 6
    assert traces(NAME) == []
    assert traces("Sarah") == []
    post = Post.objects.get(pk=leaked.pk)
    assert "[redacted]" in post.body
    assert post.redacted_by_moderator is True


def test_a_redacted_name_is_gone_from_search(client_for, moderator, officer, leaked):
    from wagtail.search.backends import get_search_backend

    redaction.post_redact(actor=moderator, post=leaked, text=NAME)

    assert list(get_search_backend().search("Sarah", Post)) == []
    assert list(get_search_backend().search("Sarah", Thread)) == []
    response = client_for(officer).get("/search/", {"q": "Sarah"})
    assert "withdrew" not in response.content.decode()


def test_emails_sent_after_a_redaction_do_not_carry_the_text(
    officer_b, moderator, leaked
):
    note = Notification.objects.filter(recipient=officer_b).first()
    Notification.objects.filter(pk=note.pk).update(emailed_at=None)
    mail.outbox.clear()

    redaction.post_redact(actor=moderator, post=leaked, text=NAME)
    send_notification_email.enqueue(note.pk)  # as the queue would, later

    assert len(mail.outbox) == 1
    assert NAME.lower() not in (mail.outbox[0].subject + mail.outbox[0].body).lower()


def test_the_audit_entry_records_the_redaction_but_never_the_text(moderator, leaked):
    redaction.post_redact(actor=moderator, post=leaked, text=NAME)

    event = AuditEvent.objects.get(action="forums.post_redacted")
    assert event.actor == moderator
    assert "sarah" not in (str(event.details) + event.object_repr).lower()


def test_an_author_redacts_their_own_post_through_the_page(client_for, officer, leaked):
    response = client_for(officer).post(
        reverse("forums:post_redact", args=[leaked.pk]), {"text": NAME}
    )

    assert response.status_code == 302
    page = client_for(officer).get(leaked.thread.get_absolute_url())
    assert "Redacted by the author" in page.content.decode()
    assert traces(NAME) == []


def test_text_not_in_the_post_is_refused_and_kept_in_the_form(
    client_for, officer, leaked
):
    response = client_for(officer).post(
        reverse("forums:post_redact", args=[leaked.pk]), {"text": "Nowhere Here"}
    )

    assert response.status_code == 400
    assert redaction.REDACT_NOT_FOUND_OPENING in response.content.decode()
    assert 'value="Nowhere Here"' in response.content.decode()


def test_another_officer_cannot_redact_and_outsiders_get_404(
    client_for, officer_b, supervisor, avon_thread, leaked
):
    url = reverse("forums:post_redact", args=[leaked.pk])
    private = reverse("forums:post_redact", args=[avon_thread.posts.get().pk])

    assert client_for(supervisor).get(url).status_code == 403
    assert client_for(officer_b).get(private).status_code == 404


def test_a_moderator_redacts_from_the_page_and_sees_the_marker(
    client, moderator, leaked
):
    enrol_totp(moderator)
    client.force_login(moderator)

    client.post(reverse("forums:post_redact", args=[leaked.pk]), {"text": NAME})

    html = client.get(leaked.thread.get_absolute_url()).content.decode()
    assert "Redacted by a moderator" in html
    assert NAME not in html
