"""Who may do what to forum content that they can already see (forums.selectors
decides what they can see; anything outside that answers 404 before these run)."""

from django.core.exceptions import PermissionDenied

from .models import Post, Thread
from .selectors import user_moderates, user_sees_everything

THREAD_LOCKED = "This thread is locked: it takes no more replies."
NOT_YOUR_POST = "You can only edit your own posts."
NOT_YOUR_THREAD = (
    "Only the person who started the thread or a moderator can mark the answer."
)


def check_reply_thread_permission(user, thread: Thread) -> None:
    if thread.is_locked and not user_moderates(user, thread.category):
        raise PermissionDenied(THREAD_LOCKED)


def check_edit_post_permission(user, post: Post) -> None:
    if user_moderates(user, post.thread.category):
        return
    if post.author_id != user.pk:
        raise PermissionDenied(NOT_YOUR_POST)
    if post.thread.is_locked:
        raise PermissionDenied(THREAD_LOCKED)


def check_mark_answer_permission(user, thread: Thread) -> None:
    if thread.author_id != user.pk and not user_moderates(user, thread.category):
        raise PermissionDenied(NOT_YOUR_THREAD)


def can(check, *args) -> bool:
    """A check as a yes/no, for deciding which buttons a view shows."""
    try:
        check(*args)
    except PermissionDenied:
        return False
    return True


OUTSIDE_YOUR_CATEGORIES = "You moderate other categories, not this one."


def user_may_moderate(user) -> bool:
    """Whether the moderation pages are open to ``user`` (moderators and
    administrators): the rule check_moderate_permission applies and the header's
    Moderation link follows."""
    return user_sees_everything(user)


def check_moderate_permission(user, category=None) -> None:
    """Moderation pages and actions exist only for moderators and administrators
    (anyone else gets a 404, as for content outside their access); a moderator scoped
    to some categories may act only there."""
    from django.http import Http404

    if not user_may_moderate(user):
        raise Http404("No such page.")
    if category is not None and not user_moderates(user, category):
        raise PermissionDenied(OUTSIDE_YOUR_CATEGORIES)


NOT_YOURS_TO_REDACT = "Only the author of a post or a moderator can redact it."


def check_redact_post_permission(user, post: Post) -> None:
    if post.author_id != user.pk and not user_moderates(user, post.thread.category):
        raise PermissionDenied(NOT_YOURS_TO_REDACT)


SUSPENDED = (
    "A moderator has suspended you from posting until {until:%-d %B %Y, %H:%M}. "
    "Reason: {reason}"
)


def check_post_permission(user) -> None:
    """Anyone may post unless a moderator has suspended them; they are told why."""
    from .selectors import active_suspension_for

    suspension = active_suspension_for(user)
    if suspension is not None:
        from django.utils import timezone

        raise PermissionDenied(
            SUSPENDED.format(
                until=timezone.localtime(suspension.ends_at), reason=suspension.reason
            )
        )


def check_moderate_everything_permission(user) -> None:
    """Site-wide moderation (suspensions, watched words): unscoped moderators and
    administrators only."""
    from .selectors import moderated_category_ids

    check_moderate_permission(user)
    if moderated_category_ids(user) is not None:
        raise PermissionDenied(OUTSIDE_YOUR_CATEGORIES)


NOT_A_SUGGESTER = "Only moderators and guidance editors can send threads to guidance."
NOT_ANSWERED = "Only a thread with a marked answer can be sent to guidance."
SUGGEST_PERMISSION = "guidance.add_guidancesuggestion"


def check_suggest_guidance_permission(user, thread: Thread) -> None:
    """Moderators and guidance editors (guidance migration 0004 grants the permission)
    send answered threads to guidance owners. The permission is read from the cache
    Django fills once per request, so the check adds no query to the thread page."""
    if thread.answer_id is None:
        raise PermissionDenied(NOT_ANSWERED)
    if not user.has_perm(SUGGEST_PERMISSION):
        raise PermissionDenied(NOT_A_SUGGESTER)
