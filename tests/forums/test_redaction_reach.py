"""Redaction reaches every copy of the text: replies that quoted the post (their
Markdown, rendered HTML, edit history, findings, reports and search entries), the
thread title (a phrase only in the title is redacted through the opening post), and
the stored texts derived from the title. A failure part-way saves nothing."""

import pytest

from django.db import models
from django.urls import reverse

from core.models import AuditEvent, Notification
from core.services import follow_create
from forums import views
from forums.models import (
    CaseSafetyFlag,
    Post,
    PostReport,
    PostRevision,
    Thread,
    WatchedWordFlag,
)
from forums.services import moderation, posting, redaction
from search.selectors import search_site
from tests.factories.forums import national_category

pytestmark = pytest.mark.django_db

NAME = "Sarah Jones"


@pytest.fixture(autouse=True)
def _people_not_named_like_the_redacted_name(request):
    """Factory names are random: a "Matthew Jones" quoting the post would keep "jones"
    in the quote's attribution. Give the people here names apart from NAME."""
    for number, fixture in enumerate(
        ("officer", "officer_b", "moderator", "supervisor")
    ):
        if fixture in request.fixturenames:
            user = request.getfixturevalue(fixture)
            user.display_name = f"Member {number + 1}"
            user.save(update_fields=["display_name"])


OPERATION = "Operation Kestrel"


def confirmed(create, **kwargs):
    """Run a write, confirming whatever the case-safety checker finds."""
    try:
        return create(**kwargs)
    except posting.IdentifyingDetailsFound as found:
        return create(**kwargs, confirmed_digest=found.digest)


def stored_texts_of(post_pk: int) -> str:
    """Every text column of every row kept for a post (the post, its edit history,
    findings, reports, watched-word flags) and its search entry, lower-cased."""
    from wagtail.search.models import IndexEntry

    rows = [
        *Post.objects.filter(pk=post_pk),
        *PostRevision.objects.filter(post_id=post_pk),
        *CaseSafetyFlag.objects.filter(post_id=post_pk),
        *PostReport.objects.filter(post_id=post_pk),
        *WatchedWordFlag.objects.filter(post_id=post_pk),
    ]
    texts = [
        str(getattr(row, field.attname))
        for row in rows
        for field in row._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField | models.JSONField)
    ]
    texts += [
        f"{entry.title} {entry.body} {entry.autocomplete}"
        for entry in IndexEntry.objects.filter(
            content_type__model="post", object_id=str(post_pk)
        )
    ]
    return " ".join(texts).lower()


@pytest.fixture
def quoted(client_for, officer, officer_b):
    """Officer A's opening post names someone; officer B quotes it in a reply (through
    the Quote link), edits the reply once and it is reported."""
    thread = confirmed(
        posting.thread_create,
        author=officer,
        category=national_category(),
        title="Withdrawal at charge",
        body=f"The victim, {NAME}, withdrew at charge.\n\nWhat would you do?",
    )
    original = thread.posts.get()
    form = client_for(officer_b).get(
        reverse("forums:post_create", args=[thread.pk]), {"quote": original.pk}
    )
    quote = form.context["form"].initial["body"]
    assert NAME in quote
    reply = confirmed(
        posting.post_create,
        author=officer_b,
        thread=thread,
        body=f"{quote}Ask the ISVA to stay in touch.",
    )
    reply = confirmed(
        posting.post_update,
        editor=officer_b,
        post=reply,
        body=f"{quote}Ask the ISVA to stay in touch every week.",
    )
    moderation.post_report_create(
        reporter=officer, post=reply, reason="identifying", details=f"Quotes {NAME}."
    )
    return Post.objects.get(pk=original.pk), Post.objects.get(pk=reply.pk)


def test_the_fixture_really_puts_the_name_in_every_part_of_the_reply(quoted):
    _, reply = quoted

    stored = stored_texts_of(reply.pk)

    assert stored.count("sarah") >= 4  # body, html, revision, findings, report
    assert PostRevision.objects.filter(post=reply, body__contains=NAME).exists()


def test_redacting_a_post_removes_the_text_from_replies_that_quoted_it(
    client_for, moderator, officer, officer_b, quoted
):
    original, reply = quoted

    redaction.post_redact(actor=moderator, post=original, text=NAME)

    assert "sarah" not in stored_texts_of(reply.pk)
    assert "jones" not in stored_texts_of(reply.pk)
    reply.refresh_from_db()
    assert "> The victim, [redacted], withdrew at charge." in reply.body
    assert "Ask the ISVA to stay in touch every week." in reply.body
    page = client_for(officer).get(original.thread.get_absolute_url())
    assert NAME not in page.content.decode()
    assert "Ask the ISVA to stay in touch every week." in page.content.decode()
    assert search_site(officer_b, "Sarah").results == []
    assert search_site(officer_b, "Jones").results == []


def test_an_author_redacting_their_post_also_clears_the_quotes_of_it(
    client_for, officer, officer_b, quoted
):
    original, reply = quoted

    response = client_for(officer).post(
        reverse("forums:post_redact", args=[original.pk]), {"text": NAME}
    )

    assert response.status_code == 302
    assert "sarah" not in stored_texts_of(reply.pk)
    assert search_site(officer_b, "Sarah").results == []


def test_only_quoted_text_in_another_post_is_changed(officer, officer_b, quoted):
    original, _ = quoted
    own_words = confirmed(
        posting.post_create,
        author=officer_b,
        thread=original.thread,
        body=f"I met {NAME} at the conference.",
    )

    redaction.post_redact(actor=officer, post=original, text=NAME)

    assert Post.objects.get(pk=own_words.pk).body == f"I met {NAME} at the conference."


@pytest.fixture
def titled(officer, officer_b):
    """A thread whose title, and only its title, names an operation; followers of the
    category were notified with the title."""
    follow_create(user=officer_b, target=national_category())
    thread = confirmed(
        posting.thread_create,
        author=officer,
        category=national_category(),
        title=f"Disclosure problems on {OPERATION}",
        body="The third-party material arrived late. How did you chase it?",
    )
    assert Notification.objects.filter(summary__contains=OPERATION).exists()
    return thread


def test_a_moderator_redacts_a_phrase_that_is_only_in_the_title(
    client_for, moderator, officer_b, titled
):
    opening = titled.posts.get()
    client = client_for(moderator)

    response = client.post(
        reverse("forums:post_redact", args=[opening.pk]), {"text": OPERATION}
    )

    assert response.status_code == 302
    followed = client.get(response["Location"])
    assert views.REDACTED_DONE in followed.content.decode()
    thread = Thread.objects.get(pk=titled.pk)
    assert thread.title == "Disclosure problems on [redacted]"
    page = client_for(officer_b).get(thread.get_absolute_url()).content.decode()
    assert "Kestrel" not in page
    assert search_site(officer_b, "Kestrel").results == []
    assert not Notification.objects.filter(summary__icontains="kestrel").exists()
    event = AuditEvent.objects.get(action="forums.post_redacted")
    assert event.actor == moderator
    assert event.details["title"] is True
    assert "kestrel" not in (str(event.details) + event.object_repr).lower()


def test_a_reply_cannot_be_used_to_change_the_title(client_for, officer_b, titled):
    reply = posting.post_create(author=officer_b, thread=titled, body="Chase weekly.")

    response = client_for(officer_b).post(
        reverse("forums:post_redact", args=[reply.pk]), {"text": OPERATION}
    )

    assert response.status_code == 400
    assert Thread.objects.get(pk=titled.pk).title.endswith(OPERATION)


def test_a_redaction_that_lengthens_the_title_still_fits(moderator, officer):
    title = "AB " * 49 + "end"
    assert len(title) == 150
    thread = posting.thread_create(
        author=officer, category=national_category(), title=title, body="AB here."
    )

    redaction.post_redact(actor=moderator, post=thread.posts.get(), text="AB")

    thread.refresh_from_db()
    assert "AB" not in thread.title
    assert len(thread.title) <= 150


def test_a_failure_part_way_saves_nothing(monkeypatch, moderator, quoted):
    original, reply = quoted
    thread_title = original.thread.title
    original_body, reply_body, reply_html = original.body, reply.body, reply.body_html

    def fail(**kwargs):
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(redaction, "audit_record", fail)
    with pytest.raises(RuntimeError):
        redaction.post_redact(actor=moderator, post=original, text=NAME)

    assert Post.objects.get(pk=original.pk).body == original_body
    assert Post.objects.get(pk=reply.pk).body == reply_body
    assert Post.objects.get(pk=reply.pk).body_html == reply_html
    assert PostRevision.objects.filter(post=reply, body__contains=NAME).exists()
    assert Thread.objects.get(pk=original.thread_id).title == thread_title
    assert Post.objects.get(pk=original.pk).redacted_at is None


def test_a_title_redaction_reaches_guidance_suggestions_sent_from_the_thread(
    moderator, editor, titled
):
    from guidance.models import GuidanceSuggestion
    from guidance.services import guidance_suggestion_create
    from tests.factories.guidance import make_guidance

    page = make_guidance(content_owner=editor)
    guidance_suggestion_create(
        page=page,
        title=titled.title,
        source_url=titled.get_absolute_url(),
        note=f"See what {OPERATION} found.",
        suggested_by=moderator,
    )

    redaction.post_redact(actor=moderator, post=titled.posts.get(), text=OPERATION)

    suggestion = GuidanceSuggestion.objects.get()
    assert "kestrel" not in f"{suggestion.title} {suggestion.note}".lower()
    assert Notification.objects.filter(recipient=editor).exists()
    assert not Notification.objects.filter(summary__icontains="kestrel").exists()
