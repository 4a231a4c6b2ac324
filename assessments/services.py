"""Writes for the self-assessment app: one function per action, validating first, then
recording what follows (notifications, the audit log)."""

import datetime
from collections import defaultdict
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.models import Theme
from core.services import audit_record, notification_create
from core.validators import validate_upload_content

from . import selectors
from .models import (
    EDITION_FROZEN,
    EVIDENCE_EXTENSIONS,
    EVIDENCE_MAX_BYTES,
    EVIDENCE_TOO_LARGE,
    Action,
    ActionUpdate,
    Assessment,
    AssessmentMember,
    Edition,
    Evidence,
    Pillar,
    Response,
    Statement,
)

ALREADY_OPEN = "Your force already has an assessment for this edition."
NOT_PUBLISHED = "Assessments can only be opened against a published edition."
SIGNED_OFF = "This assessment is signed off and read-only."
NOT_IN_FORCE = "Choose someone in your force."
NOT_A_RATING = "Choose a rating from the scale."
LINK_NOT_ON_SITE = "Enter a link to a page on this site, starting with /, e.g. /guidance/first-48-hours/"
EVIDENCE_EMPTY = "Give a link or choose a file."
EVIDENCE_BOTH = "Give a link or a file, not both."
NOT_A_GAP = "Actions come from statements rated below Met."
NOT_ALL_RATED = "Rate every statement before you sign off."
EVIDENCE_MISSING = (
    "Add evidence to every statement that needs it before you sign off: {}."
)
MEMBER_OWNS_ACTIONS = "They own actions in the plan: give those to someone else first."
NAME_TAKEN = "There is already an edition with that name."
DUE_DATE_PAST = "The due date must be today or later."


def _require_unfrozen(edition: Edition) -> None:
    if edition.is_published:
        raise ValidationError(EDITION_FROZEN)


def edition_is_frozen(edition: Edition | None) -> bool:
    """Whether the stored edition is published (the admin forms ask this)."""
    if edition is None or edition.pk is None:
        return False
    return Edition.objects.filter(
        pk=edition.pk, status=Edition.Status.PUBLISHED
    ).exists()


@transaction.atomic
def edition_create(*, name: str, introduction: str = "") -> Edition:
    """A draft edition with one empty pillar per theme."""
    if Edition.objects.filter(name=name).exists():
        raise ValidationError(NAME_TAKEN)
    edition = Edition.objects.create(name=name, introduction=introduction)
    edition_ensure_pillars(edition=edition)
    return edition


def edition_ensure_pillars(*, edition: Edition) -> None:
    for theme in Theme.objects.all():
        Pillar.objects.get_or_create(edition=edition, theme=theme)


@transaction.atomic
def statement_create(
    *,
    edition: Edition,
    theme: Theme,
    number: str,
    text: str,
    guidance: str = "",
    evidence_required: bool = True,
    rating_scale: list[str] | None = None,
    met_level: int | None = None,
) -> Statement:
    _require_unfrozen(edition)
    pillar, _ = Pillar.objects.get_or_create(edition=edition, theme=theme)
    statement = Statement(
        pillar=pillar,
        number=number,
        text=text,
        guidance=guidance,
        evidence_required=evidence_required,
        position=pillar.statements.count(),
    )
    if rating_scale is not None:
        statement.rating_scale = rating_scale
    if met_level is not None:
        statement.met_level = met_level
    statement.full_clean()
    statement.save()
    return statement


@transaction.atomic
def statement_update(*, statement: Statement, **fields) -> Statement:
    _require_unfrozen(statement.pillar.edition)
    for name, value in fields.items():
        setattr(statement, name, value)
    statement.full_clean()
    statement.save()
    return statement


@transaction.atomic
def edition_publish(*, edition: Edition, actor: User | None = None) -> Edition:
    _require_unfrozen(edition)
    edition.status = Edition.Status.PUBLISHED
    edition.published_at = timezone.now()
    edition.save(update_fields=["status", "published_at"])
    audit_record(action="assessment.edition_published", actor=actor, obj=edition)
    return edition


@transaction.atomic
def edition_copy(*, edition: Edition, name: str, actor: User | None = None) -> Edition:
    """A new draft edition with the same pillars and statements, to change for next
    year; each statement remembers the one it was copied from."""
    if Edition.objects.filter(name=name).exists():
        raise ValidationError(NAME_TAKEN)
    copy = Edition.objects.create(
        name=name, introduction=edition.introduction, copied_from=edition
    )
    for pillar in edition.pillars.select_related("theme"):
        new_pillar = Pillar.objects.create(
            edition=copy, theme=pillar.theme, introduction=pillar.introduction
        )
        Statement.objects.bulk_create(
            Statement(
                pillar=new_pillar,
                number=s.number,
                text=s.text,
                guidance=s.guidance,
                evidence_required=s.evidence_required,
                rating_scale=list(s.rating_scale),
                met_level=s.met_level,
                position=s.position,
                copied_from=s,
            )
            for s in pillar.statements.all()
        )
    edition_ensure_pillars(edition=copy)
    audit_record(
        action="assessment.edition_copied",
        actor=actor,
        obj=copy,
        details={"from": edition.name},
    )
    return copy


# --- Assessments ----------------------------------------------------------------------


def _assessment_url(assessment: Assessment) -> str:
    return reverse("assessments:assessment_detail", args=[assessment.pk])


def _require_open(assessment: Assessment) -> None:
    if assessment.is_signed_off:
        raise ValidationError(SIGNED_OFF)


def _require_colleague(assessment: Assessment, user: User) -> None:
    if user.force_id != assessment.force_id or not user.is_active:
        raise ValidationError(NOT_IN_FORCE)


@transaction.atomic
def assessment_create(*, edition: Edition, lead: User) -> Assessment:
    """Open the lead's force's assessment: one response per statement of the edition."""
    if not edition.is_published:
        raise ValidationError(NOT_PUBLISHED)
    if Assessment.objects.filter(force_id=lead.force_id, edition=edition).exists():
        raise ValidationError(ALREADY_OPEN)
    assessment = Assessment.objects.create(
        force_id=lead.force_id, edition=edition, opened_by=lead
    )
    Response.objects.bulk_create(
        Response(assessment=assessment, statement=statement)
        for statement in Statement.objects.filter(pillar__edition=edition)
    )
    audit_record(action="assessment.opened", actor=lead, obj=assessment)
    return assessment


@transaction.atomic
def assessment_member_add(
    *, assessment: Assessment, user: User, actor: User | None = None
) -> AssessmentMember:
    _require_colleague(assessment, user)
    member, created = AssessmentMember.objects.get_or_create(
        assessment=assessment, user=user, defaults={"added_by": actor}
    )
    if created:
        notification_create(
            recipients=[user],
            verb="added you to a self-assessment",
            summary=f"You were added to {assessment.force}'s self-assessment "
            f"for {assessment.edition}.",
            url=_assessment_url(assessment),
            target=assessment,
            actor=actor,
        )
    return member


@transaction.atomic
def assessment_member_remove(*, assessment: Assessment, user: User) -> None:
    if Action.objects.filter(assessment=assessment, owner=user).exists():
        raise ValidationError(MEMBER_OWNS_ACTIONS)
    Response.objects.filter(assessment=assessment, assignee=user).update(assignee=None)
    AssessmentMember.objects.filter(assessment=assessment, user=user).delete()


@transaction.atomic
def responses_assign(
    *, assignments: list[tuple[Response, User | None]], actor: User | None = None
) -> None:
    """Give statements to colleagues (``None`` takes a statement back), who become
    members if they were not. One submission is one event: each colleague is notified
    once, however many statements they were given."""
    given = defaultdict(list)
    for response, assignee in assignments:
        _require_open(response.assessment)
        if assignee is not None:
            _require_colleague(response.assessment, assignee)
            AssessmentMember.objects.get_or_create(
                assessment=response.assessment,
                user=assignee,
                defaults={"added_by": actor},
            )
            given[assignee].append(response)
        response.assignee = assignee
        response.save(update_fields=["assignee"])
    for assignee, responses in given.items():
        _notify_assignee(assignee, responses, actor)


def _notify_assignee(assignee: User, responses: list[Response], actor) -> None:
    assessment = responses[0].assessment
    numbers = [response.statement.number for response in responses]
    if len(responses) == 1:
        what = f"statement {numbers[0]}"
        url = reverse(
            "assessments:response_edit",
            args=[assessment.pk, responses[0].statement_id],
        )
    else:
        what = f"statements {', '.join(numbers[:-1])} and {numbers[-1]}"
        url = _assessment_url(assessment)
    notification_create(
        recipients=[assignee],
        verb="asked you to rate a statement",
        summary=f"Rate {what} of {assessment.force}'s self-assessment.",
        url=url,
        target=assessment,
        actor=actor,
    )


@transaction.atomic
def response_save(
    *,
    response: Response,
    rating: int | None,
    comment: str,
    actor: User,
) -> Response:
    """Save a rating and comment; a draft may leave the rating empty."""
    _require_open(response.assessment)
    if rating is not None and not 0 <= rating < len(response.statement.rating_scale):
        raise ValidationError(NOT_A_RATING)
    response.rating = rating
    response.comment = comment
    response.updated_by = actor
    response.updated_at = timezone.now()
    response.save(update_fields=["rating", "comment", "updated_by", "updated_at"])
    return response


def validate_site_path(link: str) -> str:
    """A link to a page of this site: a path starting with a single /."""
    link = link.strip()
    parts = urlsplit(link)
    if (
        not link.startswith("/")
        or link.startswith("//")
        or "\\" in link
        or parts.scheme
        or parts.netloc
        or any(ord(ch) < 33 for ch in link)
    ):
        raise ValidationError(LINK_NOT_ON_SITE)
    return link


@transaction.atomic
def evidence_add(
    *,
    response: Response,
    title: str,
    actor: User,
    link: str = "",
    document=None,
) -> Evidence:
    _require_open(response.assessment)
    if link and document:
        raise ValidationError(EVIDENCE_BOTH)
    if not link and not document:
        raise ValidationError(EVIDENCE_EMPTY)
    evidence = Evidence(response=response, title=title.strip(), added_by=actor)
    if link:
        evidence.link = validate_site_path(link)
    else:
        if document.size > EVIDENCE_MAX_BYTES:
            raise ValidationError(EVIDENCE_TOO_LARGE)
        validate_upload_content(document, extensions=EVIDENCE_EXTENSIONS)
        evidence.document = document
    if not evidence.title:
        evidence.title = evidence.link or document.name
    evidence.full_clean()
    evidence.save()
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence) -> None:
    _require_open(evidence.response.assessment)
    if evidence.document:
        evidence.document.delete(save=False)
    evidence.delete()


@transaction.atomic
def assessment_update_sharing(
    *, assessment: Assessment, offers_peer_support: bool, shares_name: bool
) -> Assessment:
    assessment.offers_peer_support = offers_peer_support
    assessment.shares_name = shares_name
    assessment.save(update_fields=["offers_peer_support", "shares_name"])
    return assessment


def sign_off_problems(assessment: Assessment) -> list[str]:
    responses = selectors.response_list_for(assessment)
    problems = []
    if any(r.rating is None for r in responses):
        problems.append(NOT_ALL_RATED)
    with_evidence = set(
        Evidence.objects.filter(response__assessment=assessment).values_list(
            "response_id", flat=True
        )
    )
    missing = [
        r.statement.number
        for r in responses
        if r.statement.evidence_required and r.pk not in with_evidence
    ]
    if missing:
        problems.append(EVIDENCE_MISSING.format(", ".join(missing)))
    return problems


@transaction.atomic
def assessment_sign_off(*, assessment: Assessment, lead: User, request=None):
    """The force lead signs the whole assessment off: from then on it is read-only."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _require_open(assessment)
    problems = sign_off_problems(assessment)
    if problems:
        raise ValidationError(problems)
    assessment.status = Assessment.Status.SIGNED_OFF
    assessment.signed_off_by = lead
    assessment.signed_off_at = timezone.now()
    assessment.save(update_fields=["status", "signed_off_by", "signed_off_at"])
    audit_record(
        action="assessment.signed_off",
        actor=lead,
        obj=assessment,
        details={"force": assessment.force.name, "edition": assessment.edition.name},
        request=request,
    )
    return assessment


# --- Improvement plan -----------------------------------------------------------------


def _action_url(action: Action) -> str:
    return reverse("assessments:action_detail", args=[action.assessment_id, action.pk])


@transaction.atomic
def action_create(
    *,
    response: Response,
    title: str,
    owner: User,
    due_date: datetime.date,
    actor: User,
    description: str = "",
) -> Action:
    """An action closing a gap. The owner joins the assessment (so they can see it)
    and is notified."""
    if not response.is_gap:
        raise ValidationError(NOT_A_GAP)
    assessment = response.assessment
    _require_colleague(assessment, owner)
    if due_date < timezone.localdate():
        raise ValidationError(DUE_DATE_PAST)
    action = Action.objects.create(
        assessment=assessment,
        response=response,
        title=title,
        description=description,
        owner=owner,
        due_date=due_date,
        created_by=actor,
    )
    _hand_action_to_owner(action, actor)
    return action


def _hand_action_to_owner(action: Action, actor: User) -> None:
    """The owner joins the assessment (so they can see the plan) and is notified."""
    AssessmentMember.objects.get_or_create(
        assessment=action.assessment, user=action.owner, defaults={"added_by": actor}
    )
    notification_create(
        recipients=[action.owner],
        verb="gave you an improvement action",
        summary=f"{action.title} (due {action.due_date:%-d %B %Y})",
        url=_action_url(action),
        target=action,
        actor=actor,
    )


@transaction.atomic
def action_change(
    *,
    action: Action,
    title: str,
    owner: User,
    due_date: datetime.date,
    actor: User,
    description: str = "",
) -> Action:
    """Change an action; a new owner joins the assessment and is notified."""
    _require_colleague(action.assessment, owner)
    if due_date != action.due_date:
        if due_date < timezone.localdate():
            raise ValidationError(DUE_DATE_PAST)
        action.overdue_notified_on = None
    new_owner = owner.pk != action.owner_id
    action.title = title
    action.description = description
    action.owner = owner
    action.due_date = due_date
    action.save()
    if new_owner:
        _hand_action_to_owner(action, actor)
    return action


@transaction.atomic
def action_update_add(
    *, action: Action, author: User, text: str, status: str
) -> ActionUpdate:
    if status not in Action.Status.values:
        raise ValidationError("Choose a status.")
    update = ActionUpdate.objects.create(
        action=action, author=author, text=text, status=status
    )
    if action.status != status:
        action.status = status
        action.save(update_fields=["status"])
    return update


REMINDER_INTERVAL = datetime.timedelta(days=7)


def overdue_action_reminders_send(*, today: datetime.date | None = None) -> int:
    """Notify the owner of each overdue action, at most once a week per action, and
    only while they may still see the assessment."""
    today = today or timezone.localdate()
    sent = 0
    for action in selectors.overdue_actions().filter(due_date__lt=today):
        if (
            action.overdue_notified_on
            and action.overdue_notified_on > today - REMINDER_INTERVAL
        ):
            continue
        if not selectors.user_can_see_assessment(action.owner, action.assessment):
            continue
        with transaction.atomic():
            notification_create(
                recipients=[action.owner],
                verb="has an overdue improvement action",
                summary=f"Overdue since {action.due_date:%-d %B %Y}: {action.title}",
                url=_action_url(action),
                target=action,
            )
            action.overdue_notified_on = today
            action.save(update_fields=["overdue_notified_on"])
        sent += 1
    return sent
