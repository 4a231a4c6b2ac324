"""Redaction: removing a phrase from a post and everywhere it was copied (earlier
versions, quotes, the thread title, queue items, notifications, guidance
suggestions), in one transaction."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail import hooks

from core.hooks import FORUM_COPIES_REDACT
from core.services import audit_record, notification_summaries_rewrite

from .. import permissions
from ..models import (
    CaseSafetyFlag,
    Post,
    PostReport,
    PostRevision,
    Thread,
    WatchedWordFlag,
)
from ..rendering import render_markdown
from ..selectors import user_moderates
from .moderation import HIDE_NOTE_MAX_LENGTH, is_opening_post, post_reports_resolve

REDACTED = "[redacted]"
REDACT_TOO_SHORT = "Enter at least two characters to remove."
REDACT_NOT_FOUND = "That text is not in the post or its earlier versions."
REDACT_NOT_FOUND_OPENING = (
    "That text is not in the post, its earlier versions or the thread title."
)
# A Markdown quote: a run of lines starting with ">" (how the Quote link copies a post
# into a reply, forums.rendering.quote_markdown).
QUOTE_BLOCK_RE = re.compile(r"(?:^[ \t]{0,3}>.*(?:\n|\Z))+", re.MULTILINE)


class Redaction:
    """The text to remove, any case, its words apart by any whitespace (inside a
    quote also across the quote markers at the start of each line)."""

    def __init__(self, text: str):
        self.words = (text or "").split()
        self.characters = len(" ".join(self.words))
        if self.characters < 2:
            raise ValidationError({"text": REDACT_TOO_SHORT})
        words = [re.escape(word) for word in self.words]
        self.plain = re.compile(r"\s+".join(words), re.IGNORECASE)
        self.quoted = re.compile(r"[\s>]+".join(words), re.IGNORECASE)

    def found_in(self, *values: str) -> bool:
        return any(self.plain.search(value or "") for value in values)

    def apply(self, value: str, *, max_length: int | None = None) -> tuple[str, int]:
        """``value`` without the text, cut to ``max_length`` (the replacement can be
        longer than what it replaces), and how many copies were removed."""
        value, count = self.plain.subn(REDACTED, value or "")
        return value[:max_length] if max_length else value, count

    def apply_to_quotes(self, value: str) -> tuple[str, int]:
        """``value`` with the text removed from its quotes only: a reply's own words
        stay as its author wrote them."""
        count = 0

        def scrub(block):
            nonlocal count
            scrubbed, found = self.quoted.subn(REDACTED, block.group())
            count += found
            return scrubbed

        return QUOTE_BLOCK_RE.sub(scrub, value or ""), count


@transaction.atomic
def post_redact(*, actor, post: Post, text: str, request=None) -> int:
    """Remove ``text`` (any case) from a post, every earlier version of it, the
    quotes of it in the thread's other posts (and their earlier versions), its
    thread's title, the case-safety findings, reports and watched-word flags of every
    post changed, the stored notifications about the thread and the guidance
    suggestions sent from it. On the opening post (the title's author wrote both) a
    phrase that is only in the title is redacted too. E-mails are rendered from
    notifications when the queue sends them, and saving re-indexes each post and the
    thread for search, so the text is gone from both too. All or nothing: one
    transaction. The audit entry records that a redaction happened, never the text.
    Returns how many places were changed."""
    permissions.check_redact_post_permission(actor, post)
    redaction = Redaction(text)
    thread = post.thread
    revisions = list(post.revisions.all())
    in_post = redaction.found_in(post.body, *[r.body for r in revisions])
    opening = is_opening_post(post)
    if not in_post and not (opening and redaction.found_in(thread.title)):
        raise ValidationError(
            {"text": REDACT_NOT_FOUND_OPENING if opening else REDACT_NOT_FOUND}
        )
    changed = 0
    if in_post:
        changed += _redact_post_text(post, revisions, redaction, actor=actor)
    quoting = _redact_quotes(thread, redaction, exclude=post)
    changed += sum(quoting.values())
    changed += _redact_post_records([post.pk, *quoting], redaction)
    title_changed = _redact_thread_title(thread, redaction)
    changed += title_changed + _redact_thread_notices(thread, redaction)
    closed, reviewed = 0, 0
    if user_moderates(actor, thread.category):
        closed, reviewed = _close_queue_items(post=post, moderator=actor)
    audit_record(
        action="forums.post_redacted",
        actor=actor,
        obj=post,
        details={
            "thread": thread.pk,
            "by_author": actor.pk == post.author_id,
            "characters": redaction.characters,
            "places": changed,
            "title": bool(title_changed),
            "quoting_posts": sorted(quoting),
            "reports_closed": closed,
            "findings_reviewed": reviewed,
        },
        request=request,
    )
    return changed


def _close_queue_items(*, post: Post, moderator) -> tuple[int, int]:
    """A moderator who redacts a post has dealt with what waited about it: its open
    reports close as redacted and its confirmed case-safety findings count as
    reviewed. Watched-word flags stay: a held post still needs approving. Returns
    (reports closed, findings reviewed)."""
    closed = post_reports_resolve(
        post=post, moderator=moderator, outcome=PostReport.Outcome.REDACTED
    )
    reviewed = CaseSafetyFlag.objects.filter(
        post=post, reviewed_at__isnull=True
    ).update(reviewed_at=timezone.now(), reviewed_by=moderator)
    return closed, reviewed


def _redact_post_text(post: Post, revisions, redaction: Redaction, *, actor) -> int:
    """The post's own text and every earlier version of it."""
    post.body, changed = redaction.apply(post.body)
    post.body_html = render_markdown(post.body)
    post.redacted_at = timezone.now()
    post.redacted_by_moderator = actor.pk != post.author_id
    post.save(
        update_fields=["body", "body_html", "redacted_at", "redacted_by_moderator"]
    )
    for revision in revisions:
        revision.body, count = redaction.apply(revision.body)
        changed += count
    PostRevision.objects.bulk_update(revisions, ["body"])
    return changed


def _redact_quotes(thread: Thread, redaction: Redaction, *, exclude: Post) -> dict:
    """Remove the text from quotes in the thread's other posts and their earlier
    versions (re-rendered and re-indexed). Returns {post pk: copies removed}."""
    first = redaction.words[0]
    candidates = (
        Post.objects.filter(thread=thread)
        .exclude(pk=exclude.pk)
        .filter(Q(body__icontains=first) | Q(revisions__body__icontains=first))
        .distinct()
        .prefetch_related("revisions")
    )
    changed = {}
    for other in candidates:
        other.body, count = redaction.apply_to_quotes(other.body)
        if count:
            other.body_html = render_markdown(other.body)
            other.save(update_fields=["body", "body_html"])
        revisions = list(other.revisions.all())
        for revision in revisions:
            revision.body, found = redaction.apply_to_quotes(revision.body)
            count += found
        PostRevision.objects.bulk_update(revisions, ["body"])
        if count:
            changed[other.pk] = count
    return changed


def _redact_post_records(post_ids, redaction: Redaction) -> int:
    """The case-safety findings, reports and watched-word flags of these posts, and
    the moderators' notes on them if hidden."""
    changed = 0
    hidden = list(Post.objects.filter(pk__in=post_ids).exclude(hidden_note=""))
    for post in hidden:
        post.hidden_note, count = redaction.apply(
            post.hidden_note, max_length=HIDE_NOTE_MAX_LENGTH
        )
        changed += count
    Post.objects.bulk_update(hidden, ["hidden_note"])

    flags = list(CaseSafetyFlag.objects.filter(post_id__in=post_ids))
    for flag in flags:
        for finding in flag.findings:
            finding["text"], count = redaction.apply(finding["text"])
            changed += count
    CaseSafetyFlag.objects.bulk_update(flags, ["findings"])

    reports = list(PostReport.objects.filter(post_id__in=post_ids))
    for report in reports:
        report.details, count = redaction.apply(report.details)
        changed += count
    PostReport.objects.bulk_update(reports, ["details"])

    watched = list(WatchedWordFlag.objects.filter(post_id__in=post_ids))
    for flag in watched:
        words = [redaction.apply(word) for word in flag.words]
        flag.words = [word for word, _ in words]
        changed += sum(count for _, count in words)
    WatchedWordFlag.objects.bulk_update(watched, ["words"])
    return changed


def _redact_thread_title(thread: Thread, redaction: Redaction) -> int:
    """The title (saving re-indexes the thread)."""
    max_length = Thread._meta.get_field("title").max_length
    thread.title, count = redaction.apply(thread.title, max_length=max_length)
    if count:
        thread.save(update_fields=["title"])
    return count


def _redact_thread_notices(thread: Thread, redaction: Redaction) -> int:
    """The stored notifications about the thread or linking to it, and the copies
    other apps keep of it (the guidance suggestions sent from it copy the title),
    through the ``FORUM_COPIES_REDACT`` hook."""
    url = thread.get_absolute_url()
    changed = notification_summaries_rewrite(
        target=thread, url=url, rewrite=redaction.apply
    )
    for redact_copies in hooks.get_hooks(FORUM_COPIES_REDACT):
        changed += redact_copies(source_url=url, redact=redaction.apply)
    return changed
