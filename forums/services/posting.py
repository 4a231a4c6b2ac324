"""Posting: starting threads, replying and editing (with the case-safety check, the
rate limit, watched words and the rules for new accounts), helpful marks, answers,
the read marker, and telling followers and the people mentioned (only those who may
see the thread)."""

import datetime
import hashlib
import json
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from core.selectors import followers_of
from core.services import follow_create, notification_create

from .. import permissions
from ..case_safety import Finding, find_identifying_details
from ..models import (
    CaseSafetyFlag,
    Category,
    Post,
    PostReaction,
    PostRevision,
    Thread,
    ThreadRead,
    WatchedWord,
    WatchedWordFlag,
    shown_name,
)
from ..rendering import MENTION_RE, render_markdown
from ..selectors import user_sees_everything, users_who_may_see_thread

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
    _read_marker_set(user=author, thread=thread, read_at=post.created_at)
    if _record_watched(post=post, watched=watched):
        Thread.objects.filter(pk=thread.pk).update(held_at=now)
        Post.objects.filter(pk=post.pk).update(held_at=now)
        thread.held_at = now
        return thread
    announce_thread(thread=thread, post=post)
    return thread


def announce_thread(*, thread: Thread, post: Post) -> None:
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
    _read_marker_set(user=author, thread=thread, read_at=post.created_at)
    if _record_watched(post=post, watched=watched):
        post.held_at = timezone.now()
        post.save(update_fields=["held_at"])
        return post
    announce_reply(post=post)
    return post


def announce_reply(*, post: Post) -> None:
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
    _read_marker_set(user=user, thread=thread, read_at=thread.last_post_at)


def _read_marker_set(*, user, thread: Thread, read_at) -> None:
    """Insert or move the user's read marker for ``thread``, in one statement."""
    ThreadRead.objects.bulk_create(
        [ThreadRead(user=user, thread=thread, read_at=read_at)],
        update_conflicts=True,
        unique_fields=["user", "thread"],
        update_fields=["read_at"],
    )
