"""Moderation: reports, hiding and restoring posts, case-safety and watched-word
queues, locking, pinning and moving threads, suspensions, watched words, revealing
an anonymous author, and removing threads past their category's retention period.
Every moderator action is audited."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.services import audit_record

from .. import permissions
from ..models import (
    CaseSafetyFlag,
    Category,
    ForumSuspension,
    Post,
    PostReport,
    Thread,
    WatchedWord,
)
from .posting import announce_reply, announce_thread

# --- Reports and hiding ------------------------------------------------------------

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


def post_reports_resolve(*, post: Post, moderator, outcome: str) -> int:
    """Close the open reports about ``post`` with ``outcome`` (part of hiding or
    redacting it: the caller checks permissions and audits)."""
    return PostReport.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator, outcome=outcome
    )


def is_opening_post(post: Post) -> bool:
    """Whether ``post`` opened its thread (it does not count as a reply)."""
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
    if newly_hidden and not is_opening_post(post):
        Thread.objects.filter(pk=post.thread_id).update(
            reply_count=F("reply_count") - 1
        )
    closed = post_reports_resolve(
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
        if not is_opening_post(post):
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


# --- Suspensions and moving threads -------------------------------------------------

SUSPENSION_DAYS = (1, 7, 30)


@transaction.atomic
def user_suspend(*, moderator, user, days: int, reason: str, request=None):
    """Stop ``user`` posting for ``days`` days; they see ``reason``."""
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
        if thread.held_at is not None and is_opening_post(post):
            thread.held_at = None
            thread.save(update_fields=["held_at"])
            announce_thread(thread=thread, post=post)
        elif post.edited_at is None:
            announce_reply(post=post)
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
