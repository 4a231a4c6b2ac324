"""Writes for guidance: one function per action.

Wagtail publishes pages along several paths (the editor's Publish button, the last
approval of a workflow, ``publish_scheduled`` for scheduled pages, reverting to an old
revision, code). All of them send ``page_published``, so guidance/receivers.py hands
that signal to ``guidance_version_record`` here and every path numbers versions the
same way.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from wagtail import hooks
from wagtail.models import PageLogEntry, Revision, TaskState

from core.hooks import GUIDANCE_MAJOR_VERSION_PUBLISHED
from core.services import (
    audit_record,
    follow_create,
    follow_delete,
    notification_create,
)

from .models import (
    GuidanceFeedback,
    GuidancePage,
    GuidanceSuggestion,
    GuidanceVersion,
)
from .selectors import guidance_followers, guidance_review_due
from .tasks import send_review_reminder

logger = logging.getLogger(__name__)

AS_IT_STOOD_ON_ACTION = "guidance.viewed_as_it_stood_on"
SIGNED_OFF_ACTION = "guidance.version_published"
NO_CHANGE_NOTE = "Published without a change note."
REPUBLISHED_NOTE = "Republished without changes after it was withdrawn."
MAJOR_VERB = "published a major version"


def _next_number(page: GuidancePage, is_major: bool) -> tuple[int, int]:
    last = (
        GuidanceVersion.objects.filter(page=page).order_by("-major", "-minor").first()
    )
    if last is None:
        return 1, 0
    if is_major:
        return last.major + 1, 0
    return last.major, last.minor + 1


def _publisher_of(revision: Revision):
    """Who signed this revision off: the last workflow approver, or whoever scheduled
    it. A direct publish is attributed when Wagtail logs it (receivers.py)."""
    task_state = (
        TaskState.objects.filter(revision=revision, status=TaskState.STATUS_APPROVED)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    if task_state is not None and task_state.finished_by is not None:
        return task_state.finished_by
    scheduled = (
        PageLogEntry.objects.filter(
            revision=revision, action="wagtail.publish.schedule"
        )
        .select_related("user")
        .order_by("-timestamp")
        .first()
    )
    return scheduled.user if scheduled is not None else None


@transaction.atomic
def guidance_version_record(
    *, page: GuidancePage, revision: Revision, signed_off_by=None
) -> GuidanceVersion:
    """Number and record the version that just went live, then (after commit) tell
    followers and other apps about a major one."""
    published = revision.as_object()
    already = GuidanceVersion.objects.filter(revision=revision).exists()
    is_major = bool(published.change_is_major) and not already
    change_note = (published.change_note or "").strip() or NO_CHANGE_NOTE
    if already:
        change_note = REPUBLISHED_NOTE
    major, minor = _next_number(page, is_major)
    if (major, minor) == (1, 0):
        is_major = True
    # A version still standing is superseded, not withdrawn: close nothing here.
    version = GuidanceVersion.objects.create(
        page=page,
        major=major,
        minor=minor,
        is_major=is_major,
        change_note=change_note,
        published_at=page.last_published_at or timezone.now(),
        signed_off_by=signed_off_by or _publisher_of(revision),
        revision=revision,
    )
    if version.signed_off_by is not None:
        _audit_sign_off(version)
    if is_major:
        transaction.on_commit(lambda: guidance_major_version_announce(version=version))
    return version


def _audit_sign_off(version: GuidanceVersion) -> None:
    audit_record(
        action=SIGNED_OFF_ACTION,
        actor=version.signed_off_by,
        obj=version.page,
        details={"version": version.number, "revision": version.revision_id},
    )


@transaction.atomic
def guidance_version_attribute(*, revision_id: int, user) -> int:
    """Name the person who published a revision once Wagtail has logged it (a direct
    publish from the editor), and record the sign-off in the audit log."""
    versions = list(
        GuidanceVersion.objects.select_related("page").filter(
            revision_id=revision_id, signed_off_by__isnull=True
        )
    )
    for version in versions:
        version.signed_off_by = user
        version.save(update_fields=["signed_off_by"])
        _audit_sign_off(version)
    return len(versions)


@transaction.atomic
def guidance_version_withdraw(*, page: GuidancePage) -> int:
    """The page was unpublished: its standing version no longer applies from now."""
    return GuidanceVersion.objects.filter(page=page, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )


def guidance_major_version_announce(*, version: GuidanceVersion) -> None:
    """Run every function registered under the ``guidance_major_version_published``
    hook, then notify followers of the page and of its themes (in-site and e-mail).
    A hook may return the users it told about this version (e.g. the trainers of
    modules citing the page): one event, one notification each, so followers among
    them are not told again."""
    version = GuidanceVersion.objects.select_related("page", "signed_off_by").get(
        pk=version.pk
    )
    page = version.page
    told = set()
    for fn in hooks.get_hooks(GUIDANCE_MAJOR_VERSION_PUBLISHED):
        try:
            told.update(user.pk for user in fn(page=page, version=version) or ())
        except Exception:  # one app's failure must not hide the others' notices
            logger.exception("%s hook %r failed", GUIDANCE_MAJOR_VERSION_PUBLISHED, fn)
    with transaction.atomic():
        notification_create(
            recipients=guidance_followers(page).exclude(pk__in=told),
            verb=MAJOR_VERB,
            summary=f"{page.title}: version {version.number} published. "
            f"{version.change_note}",
            url=version.compare_url(),
            target=page,
            actor=version.signed_off_by,
        )


def guidance_as_it_stood_on_record(
    *, page: GuidancePage, date: datetime.date, version, request
) -> None:
    audit_record(
        action=AS_IT_STOOD_ON_ACTION,
        obj=page,
        details={
            "date": date.isoformat(),
            "version": version.number if version is not None else None,
        },
        request=request,
    )


def guidance_follow_set(*, user, target, follow: bool) -> None:
    """Follow or stop following a guidance page or a theme."""
    if follow:
        follow_create(user=user, target=target)
    else:
        follow_delete(user=user, target=target)


@transaction.atomic
def guidance_feedback_create(
    *, page: GuidancePage, user, useful: bool, comment: str = ""
) -> GuidanceFeedback:
    version = page.current_version
    return GuidanceFeedback.objects.create(
        page=page,
        user=user if user is not None and user.is_authenticated else None,
        useful=useful,
        comment=comment.strip(),
        version_number=version.number if version else "",
    )


def guidance_review_reminders_send() -> int:
    """Queue one e-mail per owner listing the guidance they own that is overdue or
    due within 30 days. Returns the number queued. Meant for a daily scheduler."""
    by_owner: dict[int, list[int]] = {}
    for page in guidance_review_due():
        if page.content_owner_id is not None:
            by_owner.setdefault(page.content_owner_id, []).append(page.pk)
    for owner_id, page_ids in by_owner.items():
        send_review_reminder.enqueue(owner_id, page_ids)
    return len(by_owner)


SUGGESTION_VERB = "suggested a forum answer for guidance"


@transaction.atomic
def guidance_suggestion_create(
    *, page: GuidancePage, title: str, source_url: str, note: str, suggested_by
) -> GuidanceSuggestion:
    """Send an answered forum thread to the page's owner as a suggestion. The owner is
    notified with a link to the thread; the editors' dashboard lists it."""
    suggestion = GuidanceSuggestion.objects.create(
        page=page,
        title=title[:255],
        source_url=source_url,
        note=note,
        suggested_by=suggested_by,
    )
    if page.content_owner_id and page.content_owner.is_active:
        notification_create(
            recipients=[page.content_owner],
            verb=SUGGESTION_VERB,
            summary=f"Suggested for “{page.title}”: {title}",
            url=source_url,
            target=page,
            actor=suggested_by,
        )
    audit_record(
        action="guidance.suggestion_sent",
        actor=suggested_by,
        obj=page,
        details={"source_url": source_url, "title": title},
    )
    return suggestion


def guidance_suggestion_resolve(*, suggestion: GuidanceSuggestion, user) -> None:
    if suggestion.resolved_at is None:
        suggestion.resolved_at = timezone.now()
        suggestion.save(update_fields=["resolved_at"])
        audit_record(action="guidance.suggestion_resolved", actor=user, obj=suggestion)


def guidance_suggestions_redact(*, source_url: str, redact) -> int:
    """Apply a forum redaction to the suggestions sent from ``source_url`` (they copy
    the thread's title, and the note may repeat it). ``redact(text, max_length=…)``
    returns the new text and how many copies it removed. Returns the copies removed."""
    max_length = GuidanceSuggestion._meta.get_field("title").max_length
    suggestions = list(GuidanceSuggestion.objects.filter(source_url=source_url))
    changed = 0
    for suggestion in suggestions:
        suggestion.title, in_title = redact(suggestion.title, max_length=max_length)
        suggestion.note, in_note = redact(suggestion.note)
        changed += in_title + in_note
    GuidanceSuggestion.objects.bulk_update(suggestions, ["title", "note"])
    return changed
