"""Writes: one function per action. Each validates, saves in a transaction, then tells
the people who follow or are mentioned (only those who may see the thread)."""

import hashlib
import json
import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from core.selectors import followers_of
from core.services import (
    audit_record,
    follow_create,
    notification_create,
    notification_summaries_rewrite,
)

from . import permissions
from .case_safety import Finding, find_identifying_details
from .models import (
    CaseSafetyFlag,
    Category,
    Post,
    PostReaction,
    PostReport,
    PostRevision,
    Thread,
    ThreadRead,
    shown_name,
)
from .rendering import MENTION_RE, render_markdown
from .selectors import user_moderates, users_who_may_see_thread

BODY_MAX_LENGTH = 20_000
EMPTY_BODY = "Write your post."
EMPTY_TITLE = "Give your thread a title."
MENTIONS_MAX = 20
ANSWER_NOT_IN_THREAD = "That reply is not part of this thread."


class PostingTooFast(Exception):
    """The author has hit the posting rate limit; the message says when to retry."""


RATE_LIMITED = (
    "You are posting very quickly. You can post again after {at:%H:%M:%S}. Your text "
    "is kept below."
)
# (posts, seconds): at most this many new posts in this window, moderators exempt.
DEFAULT_POST_RATE_LIMIT = (10, 300)


def _check_can_post(author, *, new_post: bool = True) -> None:
    """Suspended users cannot post (they are told why); others are rate limited."""
    import datetime

    from django.conf import settings

    from .selectors import user_sees_everything

    permissions.check_post_permission(author)
    if not new_post or user_sees_everything(author):
        return
    limit, window = getattr(settings, "FORUMS_POST_RATE_LIMIT", DEFAULT_POST_RATE_LIMIT)
    since = timezone.now() - datetime.timedelta(seconds=window)
    recent = list(
        Post.objects.filter(author=author, created_at__gte=since)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:limit]
    )
    if len(recent) >= limit:
        retry = recent[-1] + datetime.timedelta(seconds=window)
        raise PostingTooFast(RATE_LIMITED.format(at=timezone.localtime(retry)))


class IdentifyingDetailsFound(Exception):
    """The checker found likely identifying details the author has not confirmed.
    ``findings`` maps a field ("title", "body") to its findings; ``digest`` is what
    the author sends back to confirm exactly these."""

    def __init__(self, findings: dict[str, list[Finding]]):
        self.findings = findings
        self.digest = findings_digest(findings)
        super().__init__("Likely identifying details found.")


def findings_digest(findings: dict[str, list[Finding]]) -> str:
    """A fingerprint of what the author was shown, so that confirming covers exactly
    those details and not new ones typed afterwards."""
    payload = json.dumps(
        {field: [(f.kind, f.text) for f in items] for field, items in findings.items()},
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def _check_case_safety(texts: dict[str, str], confirmed_digest: str) -> dict:
    findings = {
        field: found
        for field, text in texts.items()
        if (found := find_identifying_details(text))
    }
    if findings and findings_digest(findings) != confirmed_digest:
        raise IdentifyingDetailsFound(findings)
    return findings


def _record_findings(*, post: Post, author, findings: dict) -> None:
    if findings:
        CaseSafetyFlag.objects.create(
            post=post,
            author=author,
            findings=[
                {**finding.as_dict(), "field": field}
                for field, items in findings.items()
                for finding in items
            ],
        )


WATCHED_BLOCKED = (
    "Your post contains “{word}”, which cannot be posted here. Remove it and try again."
)
HELD_FOR_APPROVAL = (
    "Your post is waiting for a moderator's approval. Only you and the moderators "
    "can see it until then."
)


def _watched_words(texts: list[str]) -> dict[str, list[str]]:
    """The watched words in ``texts`` by action; a blocking one raises at once."""
    from .models import WatchedWord

    found: dict[str, list[str]] = {}
    for word in WatchedWord.objects.all():
        pattern = word.compiled()
        for text in texts:
            if match := pattern.search(text):
                found.setdefault(word.action, []).append(match.group())
                break
    if WatchedWord.Action.BLOCK in found:
        raise ValidationError(WATCHED_BLOCKED.format(word=found["block"][0]))
    return found


NEW_ACCOUNT_LINKS = (
    "New members can include at most {links} link{plural} in a post until they have "
    "{posts} posts on the network. Remove a link and try again."
)
NEW_ACCOUNT_HELD = "first posts of a new account"
LINK_RE = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)


def _new_account_rules(author, body: str) -> dict[str, list[str]]:
    """New accounts (fewer than FORUMS_NEW_ACCOUNT_POSTS visible posts) may include
    only FORUMS_NEW_ACCOUNT_LINKS links, and, where FORUMS_HOLD_FIRST_POSTS is set,
    their first posts are held for approval. Moderators are exempt."""
    from django.conf import settings

    from .selectors import user_sees_everything

    if user_sees_everything(author):
        return {}
    threshold = getattr(settings, "FORUMS_NEW_ACCOUNT_POSTS", 3)
    hold_first = getattr(settings, "FORUMS_HOLD_FIRST_POSTS", 0)
    counted = max(threshold, hold_first)
    posts = Post.objects.filter(author=author, held_at__isnull=True)[:counted].count()
    if posts < threshold:
        links = getattr(settings, "FORUMS_NEW_ACCOUNT_LINKS", 1)
        if len(LINK_RE.findall(body)) > links:
            raise ValidationError(
                NEW_ACCOUNT_LINKS.format(
                    links=links, plural="" if links == 1 else "s", posts=threshold
                )
            )
    if posts < hold_first:
        return {"hold": [NEW_ACCOUNT_HELD]}
    return {}


def _record_watched(*, post: Post, watched: dict) -> bool:
    """Queue the post for moderators; True if it is held for approval."""
    from .models import WatchedWord, WatchedWordFlag

    held = WatchedWord.Action.HOLD in watched
    if watched:
        WatchedWordFlag.objects.create(
            post=post,
            words=sorted({w for words in watched.values() for w in words}),
            action=WatchedWord.Action.HOLD if held else WatchedWord.Action.FLAG,
        )
    return held


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": EMPTY_BODY})
    if len(body) > BODY_MAX_LENGTH:
        raise ValidationError(
            {"body": f"Keep a post under {BODY_MAX_LENGTH} characters."}
        )
    return body


def mentioned_users(body: str) -> list:
    """Active users named in ``body`` as @[Display name] (case-insensitive; at most
    MENTIONS_MAX names per post)."""
    names = list({name.strip().lower() for name in MENTION_RE.findall(body)})
    if not names:
        return []
    query = Q()
    for name in names[:MENTIONS_MAX]:
        query |= Q(display_name__iexact=name)
    return list(get_user_model().objects.filter(query, is_active=True))


def _notify_mentions(*, post: Post, actor, previous_body: str = "") -> None:
    before = {n.strip().lower() for n in MENTION_RE.findall(previous_body)}
    new_users = [
        u for u in mentioned_users(post.body) if u.display_name.lower() not in before
    ]
    recipients = users_who_may_see_thread(post.thread, new_users)
    _notify(
        recipients=recipients,
        thread=post.thread,
        actor=actor,
        verb="mentioned you",
        summary=f"{shown_name(actor, post.thread.category)} mentioned you in "
        f"“{post.thread.title}”",
        url=post.get_absolute_url(),
    )


def _notify_followers(
    *, followed, thread: Thread, actor, verb: str, summary: str, url: str, exclude=()
) -> None:
    """Tell the followers of ``followed`` (the thread or its category) who may see
    the thread, except those in ``exclude`` (told another way, e.g. mentioned).
    Replies collapse: one notification per follower until they read it."""
    excluded = {u.pk for u in exclude}
    followers = [u for u in followers_of(followed) if u.pk not in excluded]
    _notify(
        recipients=users_who_may_see_thread(thread, followers),
        thread=thread,
        actor=actor,
        verb=verb,
        summary=summary,
        url=url,
        collapse=followed == thread,
    )


def _notify(
    *, recipients, thread: Thread, actor, verb, summary, url, collapse=False
) -> None:
    """Notify about ``thread``; in an anonymous category the notification does not
    record who acted (the summary already says "An officer"). ``collapse``: see
    core.services.notification_create."""
    if thread.category.is_anonymous:
        recipients = [u for u in recipients if actor is None or u.pk != actor.pk]
        actor = None
    notification_create(
        recipients=recipients,
        actor=actor,
        verb=verb,
        summary=summary,
        url=url,
        target=thread,
        collapse=collapse,
    )


@transaction.atomic
def thread_create(
    *,
    author,
    category: Category,
    title: str,
    body: str,
    confirmed_digest: str = "",
) -> Thread:
    """Start a thread with its opening post. Raises IdentifyingDetailsFound until the
    author has removed or confirmed what the case-safety checker found."""
    _check_can_post(author)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": EMPTY_TITLE})
    body = _clean_body(body)
    findings = _check_case_safety({"title": title, "body": body}, confirmed_digest)
    watched = _watched_words([title, body])
    for action, words in _new_account_rules(author, body).items():
        watched.setdefault(action, []).extend(words)
    now = timezone.now()
    thread = Thread.objects.create(
        category=category, title=title[:150], author=author, last_post_at=now
    )
    post = Post.objects.create(
        thread=thread, author=author, body=body, body_html=render_markdown(body)
    )
    thread.last_post_at = post.created_at
    thread.save(update_fields=["last_post_at"])
    _record_findings(post=post, author=author, findings=findings)
    follow_create(user=author, target=thread)
    ThreadRead.objects.update_or_create(
        user=author, thread=thread, defaults={"read_at": post.created_at}
    )
    if _record_watched(post=post, watched=watched):
        Thread.objects.filter(pk=thread.pk).update(held_at=now)
        Post.objects.filter(pk=post.pk).update(held_at=now)
        thread.held_at = now
        return thread
    _announce_thread(thread=thread, post=post)
    return thread


def _announce_thread(*, thread: Thread, post: Post) -> None:
    """Tell the category's followers and the people mentioned about a new thread."""
    author, category, body = post.author, thread.category, post.body
    _notify_followers(
        followed=category,
        thread=thread,
        actor=author,
        verb="started a thread",
        summary=f"{shown_name(author, category)} started “{thread.title}” in "
        f"{category.name}",
        url=thread.get_absolute_url(),
        exclude=mentioned_users(body),
    )
    _notify_mentions(post=post, actor=author)


@transaction.atomic
def post_create(
    *, author, thread: Thread, body: str, confirmed_digest: str = ""
) -> Post:
    """Reply to a thread; the author follows it from then on."""
    permissions.check_reply_thread_permission(author, thread)
    _check_can_post(author)
    body = _clean_body(body)
    findings = _check_case_safety({"body": body}, confirmed_digest)
    watched = _watched_words([body])
    for action, words in _new_account_rules(author, body).items():
        watched.setdefault(action, []).extend(words)
    post = Post.objects.create(
        thread=thread, author=author, body=body, body_html=render_markdown(body)
    )
    _record_findings(post=post, author=author, findings=findings)
    follow_create(user=author, target=thread)
    ThreadRead.objects.update_or_create(
        user=author, thread=thread, defaults={"read_at": post.created_at}
    )
    if _record_watched(post=post, watched=watched):
        post.held_at = timezone.now()
        post.save(update_fields=["held_at"])
        return post
    _announce_reply(post=post)
    return post


def _announce_reply(*, post: Post) -> None:
    """Count a visible reply and tell the thread's followers and those mentioned."""
    thread, author, body = post.thread, post.author, post.body
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_post_at=post.created_at
    )
    thread.refresh_from_db(fields=["reply_count", "last_post_at"])
    _notify_followers(
        followed=thread,
        thread=thread,
        actor=author,
        verb="replied",
        summary=f"{shown_name(author, thread.category)} replied to “{thread.title}”",
        url=post.get_absolute_url(),
        exclude=mentioned_users(body),
    )
    _notify_mentions(post=post, actor=author)


@transaction.atomic
def post_update(*, editor, post: Post, body: str, confirmed_digest: str = "") -> Post:
    """Edit a post, keeping the text it had before as a revision."""
    permissions.check_edit_post_permission(editor, post)
    _check_can_post(editor, new_post=False)
    body = _clean_body(body)
    if body == post.body:
        return post
    findings = _check_case_safety({"body": body}, confirmed_digest)
    watched = _watched_words([body])
    previous = post.body
    PostRevision.objects.create(post=post, body=previous, edited_by=editor)
    post.body = body
    post.body_html = render_markdown(body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    _record_findings(post=post, author=editor, findings=findings)
    if _record_watched(post=post, watched=watched):
        post.held_at = timezone.now()
        post.save(update_fields=["held_at"])
        return post
    _notify_mentions(post=post, actor=editor, previous_body=previous)
    return post


@transaction.atomic
def post_helpful_toggle(*, user, post: Post) -> bool:
    """Mark a post helpful, or take the mark back. Returns whether it is now marked.
    Nobody marks their own post."""
    if post.author_id == user.pk:
        return False
    reaction = PostReaction.objects.filter(
        post=post, user=user, kind=PostReaction.Kind.HELPFUL
    )
    if reaction.exists():
        reaction.delete()
        Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") - 1)
        return False
    PostReaction.objects.create(post=post, user=user, kind=PostReaction.Kind.HELPFUL)
    Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") + 1)
    return True


@transaction.atomic
def thread_answer_set(*, user, thread: Thread, post: Post | None) -> Thread:
    """Mark one reply as the thread's answer (``None`` clears it) and tell its author."""
    permissions.check_mark_answer_permission(user, thread)
    if post is not None and post.thread_id != thread.pk:
        raise ValidationError(ANSWER_NOT_IN_THREAD)
    thread.answer = post
    thread.save(update_fields=["answer"])
    if post is not None and post.author is not None:
        notification_create(
            recipients=users_who_may_see_thread(thread, [post.author]),
            actor=user,
            verb="marked your reply as the answer",
            summary=f"Your reply was marked as the answer to “{thread.title}”",
            url=post.get_absolute_url(),
            target=thread,
        )
    return thread


def thread_mark_read(*, user, thread: Thread, read_at=None) -> None:
    """Record that ``user`` has read ``thread`` up to its last post. ``read_at`` is
    when they last read it, if the caller knows: nothing is written when nothing new
    was read (the thread page calls this on every view)."""
    if read_at is not None and read_at >= thread.last_post_at:
        return
    ThreadRead.objects.update_or_create(
        user=user, thread=thread, defaults={"read_at": thread.last_post_at}
    )


# --- Reports and moderation ---------------------------------------------------------

ALREADY_REPORTED = "You have already reported this post. A moderator will look at it."


@transaction.atomic
def post_report_create(*, reporter, post: Post, reason: str, details: str = ""):
    """Report a post to the moderators (once per reporter while it is open)."""
    if PostReport.objects.filter(
        post=post, reporter=reporter, resolved_at__isnull=True
    ).exists():
        raise ValidationError(ALREADY_REPORTED)
    return PostReport.objects.create(
        post=post, reporter=reporter, reason=reason, details=details.strip()[:2000]
    )


def _resolve_reports(*, post: Post, moderator, outcome: str) -> int:
    return PostReport.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator, outcome=outcome
    )


def _is_opening_post(post: Post) -> bool:
    first = Post.objects.filter(thread_id=post.thread_id).order_by("created_at", "id")
    return first.values_list("pk", flat=True).first() == post.pk


HIDE_REASON_MISSING = "Select why you are hiding the post."
HIDE_NOTE_MAX_LENGTH = 300


@transaction.atomic
def post_hide(
    *, moderator, post: Post, reason: str, note: str = "", request=None
) -> Post:
    """Hide a post from everyone but moderators (it stays in the database), for one of
    Post.HideReason (and an optional note, both shown to moderators on the post and
    kept in the audit log), and close the open reports about it."""
    permissions.check_moderate_permission(moderator, post.thread.category)
    if reason not in Post.HideReason.values:
        raise ValidationError({"reason": HIDE_REASON_MISSING})
    note = note.strip()[:HIDE_NOTE_MAX_LENGTH]
    newly_hidden = post.hidden_at is None
    if newly_hidden:
        post.hidden_at = timezone.now()
    post.hidden_reason, post.hidden_note, post.hidden_by = reason, note, moderator
    post.save(update_fields=["hidden_at", "hidden_reason", "hidden_note", "hidden_by"])
    if newly_hidden and not _is_opening_post(post):
        Thread.objects.filter(pk=post.thread_id).update(
            reply_count=F("reply_count") - 1
        )
    closed = _resolve_reports(
        post=post, moderator=moderator, outcome=PostReport.Outcome.HIDDEN
    )
    audit_record(
        action="forums.post_hidden",
        actor=moderator,
        obj=post,
        details={
            "thread": post.thread_id,
            "reason": reason,
            "note": note,
            "reports_closed": closed,
        },
        request=request,
    )
    return post


@transaction.atomic
def post_restore(*, moderator, post: Post, request=None) -> Post:
    """Unhide a post (undo post_hide): visible again, and the reports the hide closed
    are open again, since nothing was done about them after all."""
    permissions.check_moderate_permission(moderator, post.thread.category)
    if post.hidden_at is not None:
        post.hidden_at, post.hidden_reason, post.hidden_note = None, "", ""
        post.hidden_by = None
        post.save(
            update_fields=["hidden_at", "hidden_reason", "hidden_note", "hidden_by"]
        )
        if not _is_opening_post(post):
            Thread.objects.filter(pk=post.thread_id).update(
                reply_count=F("reply_count") + 1
            )
    reopened = PostReport.objects.filter(
        post=post, outcome=PostReport.Outcome.HIDDEN
    ).update(resolved_at=None, resolved_by=None, outcome="")
    audit_record(
        action="forums.post_restored",
        actor=moderator,
        obj=post,
        details={"thread": post.thread_id, "reports_reopened": reopened},
        request=request,
    )
    return post


@transaction.atomic
def report_dismiss(*, moderator, report, request=None):
    """Close a report with no action on the post."""
    permissions.check_moderate_permission(moderator, report.post.thread.category)
    report.resolved_at = timezone.now()
    report.resolved_by = moderator
    report.outcome = PostReport.Outcome.DISMISSED
    report.save(update_fields=["resolved_at", "resolved_by", "outcome"])
    audit_record(
        action="forums.report_dismissed",
        actor=moderator,
        obj=report.post,
        details={"report": report.pk, "reason": report.reason},
        request=request,
    )
    return report


@transaction.atomic
def case_safety_flag_review(*, moderator, flag: CaseSafetyFlag, request=None):
    """A moderator has read a post saved with confirmed findings and left it up."""
    permissions.check_moderate_permission(moderator, flag.post.thread.category)
    flag.reviewed_at = timezone.now()
    flag.reviewed_by = moderator
    flag.save(update_fields=["reviewed_at", "reviewed_by"])
    audit_record(
        action="forums.case_safety_reviewed",
        actor=moderator,
        obj=flag.post,
        details={"flag": flag.pk, "kinds": sorted({f["kind"] for f in flag.findings})},
        request=request,
    )
    return flag


# action: (field, value, audit action)
THREAD_ACTIONS = {
    "lock": ("is_locked", True, "forums.thread_locked"),
    "unlock": ("is_locked", False, "forums.thread_unlocked"),
    "pin": ("is_pinned", True, "forums.thread_pinned"),
    "unpin": ("is_pinned", False, "forums.thread_unpinned"),
}


@transaction.atomic
def thread_moderate(*, moderator, thread: Thread, action: str, request=None) -> Thread:
    """Lock, unlock, pin or unpin a thread."""
    permissions.check_moderate_permission(moderator, thread.category)
    field, value, audit_action = THREAD_ACTIONS[action]
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    audit_record(
        action=audit_action,
        actor=moderator,
        obj=thread,
        request=request,
    )
    return thread


# --- Redaction ----------------------------------------------------------------------

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
    opening = _is_opening_post(post)
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
    closed = _resolve_reports(
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
    from .models import WatchedWordFlag

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
    """The stored notifications about the thread or linking to it, and the guidance
    suggestions sent from it (they copy the title)."""
    from guidance.services import guidance_suggestions_redact

    url = thread.get_absolute_url()
    changed = notification_summaries_rewrite(
        target=thread, url=url, rewrite=redaction.apply
    )
    return changed + guidance_suggestions_redact(source_url=url, redact=redaction.apply)


# --- Suspensions and moving threads -------------------------------------------------

SUSPENSION_DAYS = (1, 7, 30)


@transaction.atomic
def user_suspend(*, moderator, user, days: int, reason: str, request=None):
    """Stop ``user`` posting for ``days`` days; they see ``reason``."""
    import datetime

    from .models import ForumSuspension

    permissions.check_moderate_everything_permission(moderator)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason the officer will see."})
    if days not in SUSPENSION_DAYS:
        raise ValidationError({"days": "Choose how long the suspension lasts."})
    suspension = ForumSuspension.objects.create(
        user=user,
        reason=reason[:300],
        ends_at=timezone.now() + datetime.timedelta(days=days),
        created_by=moderator,
    )
    audit_record(
        action="forums.user_suspended",
        actor=moderator,
        obj=user,
        details={"days": days, "reason": reason[:300], "suspension": suspension.pk},
        request=request,
    )
    return suspension


@transaction.atomic
def user_suspension_lift(*, moderator, user, request=None) -> int:
    from .models import ForumSuspension

    permissions.check_moderate_everything_permission(moderator)
    lifted = ForumSuspension.objects.filter(
        user=user, lifted_at__isnull=True, ends_at__gt=timezone.now()
    ).update(lifted_at=timezone.now())
    audit_record(
        action="forums.user_suspension_lifted",
        actor=moderator,
        obj=user,
        details={"lifted": lifted},
        request=request,
    )
    return lifted


@transaction.atomic
def thread_move(*, moderator, thread: Thread, category: Category, request=None):
    """Move a thread to another category (its visibility follows the new one)."""
    permissions.check_moderate_permission(moderator, thread.category)
    permissions.check_moderate_permission(moderator, category)
    previous = thread.category_id
    thread.category = category
    thread.save(update_fields=["category"])
    audit_record(
        action="forums.thread_moved",
        actor=moderator,
        obj=thread,
        details={"from": previous, "to": category.pk},
        request=request,
    )
    return thread


# --- Retention ----------------------------------------------------------------------


@transaction.atomic
def threads_remove_expired(*, now=None) -> int:
    """Delete threads whose category's retention period has passed since their last
    post (posts, reactions, flags and search entries go with them). Each removal is
    audited. Returns how many threads were removed."""
    import datetime

    now = now or timezone.now()
    expired = []
    for category in Category.objects.filter(retention_days__isnull=False):
        cutoff = now - datetime.timedelta(days=category.retention_days)
        expired += list(
            Thread.objects.filter(
                category=category, last_post_at__lt=cutoff
            ).select_related("category")
        )
    for thread in expired:
        audit_record(
            action="forums.thread_expired",
            obj=thread,
            details={
                "category": thread.category_id,
                "retention_days": thread.category.retention_days,
                "last_post_at": thread.last_post_at.isoformat(),
            },
        )
        thread.delete()
    return len(expired)


# --- Watched words ------------------------------------------------------------------


@transaction.atomic
def watched_word_flag_resolve(*, moderator, flag, request=None):
    """Approve a held post (it appears and its notifications go out) or mark a
    flagged one as reviewed."""
    from .models import WatchedWord

    permissions.check_moderate_permission(moderator, flag.post.thread.category)
    post = Post.objects.select_related("thread", "thread__category", "author").get(
        pk=flag.post_id
    )
    flag.reviewed_at = timezone.now()
    flag.reviewed_by = moderator
    flag.save(update_fields=["reviewed_at", "reviewed_by"])
    approved = flag.action == WatchedWord.Action.HOLD and post.held_at is not None
    if approved:
        thread = post.thread
        post.held_at = None
        post.save(update_fields=["held_at"])
        if thread.held_at is not None and _is_opening_post(post):
            thread.held_at = None
            thread.save(update_fields=["held_at"])
            _announce_thread(thread=thread, post=post)
        elif post.edited_at is None:
            _announce_reply(post=post)
    audit_record(
        action="forums.post_approved" if approved else "forums.watched_word_reviewed",
        actor=moderator,
        obj=post,
        details={"flag": flag.pk, "words": flag.words},
        request=request,
    )
    return flag


@transaction.atomic
def watched_word_create(*, moderator, pattern: str, is_regex: bool, action: str):

    from .models import WatchedWord

    permissions.check_moderate_everything_permission(moderator)
    pattern = (pattern or "").strip()
    if not pattern:
        raise ValidationError({"pattern": "Enter a word, phrase or pattern."})
    if is_regex:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValidationError(
                {"pattern": f"That is not a valid regular expression: {error}."}
            ) from error
    word = WatchedWord.objects.create(
        pattern=pattern, is_regex=is_regex, action=action, created_by=moderator
    )
    audit_record(
        action="forums.watched_word_added",
        actor=moderator,
        obj=word,
        details={"pattern": pattern, "action": action, "regex": is_regex},
    )
    return word


@transaction.atomic
def watched_word_delete(*, moderator, word) -> None:
    permissions.check_moderate_everything_permission(moderator)
    audit_record(
        action="forums.watched_word_removed",
        actor=moderator,
        obj=word,
        details={"pattern": word.pattern, "action": word.action},
    )
    word.delete()


# --- Anonymous categories -----------------------------------------------------------


@transaction.atomic
def post_author_reveal(*, moderator, post: Post, reason: str, request=None):
    """Who wrote an anonymous post. Every reveal is audited with its reason."""
    permissions.check_moderate_permission(moderator, post.thread.category)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason for revealing the author."})
    audit_record(
        action="forums.identity_revealed",
        actor=moderator,
        obj=post,
        details={"reason": reason[:300], "author": post.author_id},
        request=request,
    )
    return post.author
