"""Reads for the self-assessment app. A force's assessment and everything in it (plan,
evidence, exports) is visible only to its force leads, the members they added and
administrators: assessment_list_visible_to is the one rule; the others derive from it."""

from collections import Counter, defaultdict

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from wagtail import hooks

from accounts import roles
from accounts.models import Force
from core.hooks import THEME_RESOURCES
from core.suppression import SUPPRESSION_THRESHOLD, is_small, with_complement

from .models import (
    Action,
    Assessment,
    AssessmentMember,
    Edition,
    Evidence,
    Pillar,
    Response,
    Statement,
)


def user_is_administrator(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return roles.has_role(user, roles.ADMINISTRATORS)


def user_is_force_lead(user) -> bool:
    return bool(
        user.is_authenticated
        and user.force_id
        and roles.has_role(user, roles.FORCE_LEADS)
    )


def user_leads_assessment(user, assessment: Assessment) -> bool:
    return user_is_force_lead(user) and user.force_id == assessment.force_id


def assessment_list_visible_to(user) -> QuerySet:
    """Every assessment ``user`` may see: all for administrators; their own force's for
    its force leads; those they were added to for everyone else."""
    assessments = Assessment.objects.select_related("force", "edition")
    if not user.is_authenticated:
        return assessments.none()
    if user_is_administrator(user):
        return assessments
    visible = Q(pk__in=AssessmentMember.objects.filter(user=user).values("assessment"))
    if user_is_force_lead(user):
        visible |= Q(force_id=user.force_id)
    return assessments.filter(visible)


def assessment_get(user, pk: int) -> Assessment:
    """The assessment, or Assessment.DoesNotExist when ``user`` may not see it."""
    return assessment_list_visible_to(user).get(pk=pk)


def assessment_member_list(assessment: Assessment) -> QuerySet:
    return AssessmentMember.objects.filter(assessment=assessment).select_related("user")


def assessment_users(assessment: Assessment) -> QuerySet:
    """People who may see the assessment apart from administrators: its force's
    leads and the members they added. Notifications go only to these."""
    return (
        get_user_model()
        .objects.filter(
            Q(force_id=assessment.force_id, groups__name=roles.FORCE_LEADS)
            | Q(
                pk__in=AssessmentMember.objects.filter(assessment=assessment).values(
                    "user"
                )
            ),
            is_active=True,
        )
        .distinct()
    )


def user_can_see_assessment(user, assessment: Assessment) -> bool:
    return assessment_list_visible_to(user).filter(pk=assessment.pk).exists()


def force_colleagues(assessment: Assessment) -> QuerySet:
    """Active people of the assessment's force, for the member and owner choices."""
    return (
        get_user_model()
        .objects.filter(force_id=assessment.force_id, is_active=True)
        .order_by("display_name", "email")
    )


def response_list_for(assessment: Assessment) -> list[Response]:
    return list(
        Response.objects.filter(assessment=assessment)
        .select_related("statement__pillar__theme", "assignee")
        .order_by(
            "statement__pillar__theme__position",
            "statement__position",
            "statement__id",
        )
    )


def response_get(assessment: Assessment, statement_pk: int) -> Response:
    """A statement's response within an assessment the caller may already see."""
    return Response.objects.select_related("statement__pillar__theme", "assignee").get(
        assessment=assessment, statement_id=statement_pk
    )


def evidence_list_visible_to(user) -> QuerySet:
    return Evidence.objects.filter(
        response__assessment__in=assessment_list_visible_to(user)
    )


def action_list_visible_to(user) -> QuerySet:
    return Action.objects.filter(
        assessment__in=assessment_list_visible_to(user)
    ).select_related("owner", "response__statement__pillar__theme")


def action_list_for(assessment: Assessment) -> list[Action]:
    """Actions of the plan, overdue ones first, then by due date."""
    actions = list(
        Action.objects.filter(assessment=assessment).select_related(
            "owner", "response__statement__pillar__theme"
        )
    )
    actions.sort(key=lambda a: (not a.is_overdue, a.due_date, a.pk))
    return actions


def progress_of(responses: list[Response]) -> dict:
    rated = sum(1 for r in responses if r.rating is not None)
    total = len(responses)
    return {
        "rated": rated,
        "total": total,
        "percent": round(100 * rated / total) if total else 0,
    }


# --- Framework ------------------------------------------------------------------------


def edition_list_published() -> QuerySet:
    return Edition.objects.filter(status=Edition.Status.PUBLISHED)


def edition_current() -> Edition | None:
    return edition_list_published().order_by("-name").first()


def edition_ids_with_sign_offs() -> list[int]:
    return list(
        Assessment.objects.filter(status=Assessment.Status.SIGNED_OFF)
        .values_list("edition_id", flat=True)
        .distinct()
    )


def framework_of(edition: Edition) -> list[dict]:
    """The edition's pillars with their statements, in theme order (two queries)."""
    pillars = list(
        Pillar.objects.filter(edition=edition)
        .select_related("theme")
        .order_by("theme__position", "theme__name")
    )
    statements = defaultdict(list)
    for statement in Statement.objects.filter(pillar__edition=edition).order_by(
        "position", "number", "id"
    ):
        statements[statement.pillar_id].append(statement)
    return [{"pillar": p, "statements": statements[p.pk]} for p in pillars]


def user_can_see_framework(user) -> bool:
    """The rubric is not public: force leads, administrators and anyone added to an
    assessment may read it."""
    return (
        user_is_administrator(user)
        or user_is_force_lead(user)
        or AssessmentMember.objects.filter(user=user).exists()
    )


# --- Dashboard ------------------------------------------------------------------------


def ratings_by_pillar(assessment: Assessment | None) -> list[dict]:
    """For each pillar: how many statements at each level of the default scale, and
    how many are not rated yet. One query."""
    if assessment is None:
        return []
    rows = (
        Response.objects.filter(assessment=assessment)
        .select_related("statement__pillar__theme")
        .order_by("statement__pillar__theme__position")
    )
    pillars = {}
    for response in rows:
        theme = response.statement.pillar.theme
        entry = pillars.setdefault(
            theme.pk,
            {"theme": theme, "counts": Counter(), "total": 0, "unrated": 0},
        )
        entry["total"] += 1
        if response.rating is None:
            entry["unrated"] += 1
        else:
            entry["counts"][response.statement.rating_label(response.rating)] += 1
    return list(pillars.values())


def previous_assessment(assessment: Assessment) -> Assessment | None:
    """The force's assessment against the latest earlier edition."""
    return (
        Assessment.objects.filter(
            force_id=assessment.force_id, edition__name__lt=assessment.edition.name
        )
        .select_related("edition", "force")
        .order_by("-edition__name")
        .first()
    )


# --- Improvement plan -----------------------------------------------------------------


def theme_resources(user, theme) -> list[dict]:
    """Guidance and modules of a theme that may help, from the apps that register the
    THEME_RESOURCES hook (core.hooks.ThemeResourcesHook)."""
    items = []
    for fn in hooks.get_hooks(THEME_RESOURCES):
        items += fn(user, theme) or []
    return items


def peer_forces_for(statement_ids: list[int]) -> dict[int, list[Force]]:
    """Forces rated Met or Exceeds on each statement (in a signed-off assessment) that
    chose to offer peer support. One query."""
    peers = defaultdict(list)
    rows = (
        Response.objects.filter(
            statement_id__in=statement_ids,
            assessment__status=Assessment.Status.SIGNED_OFF,
            assessment__offers_peer_support=True,
            rating__isnull=False,
        )
        .select_related("statement", "assessment__force")
        .order_by("assessment__force__name")
    )
    for response in rows:
        if response.rating >= response.statement.met_level:
            peers[response.statement_id].append(response.assessment.force)
    return peers


def gap_list_for(responses: list[Response]) -> list[Response]:
    return [r for r in responses if r.is_gap]


def overdue_actions() -> QuerySet:
    return (
        Action.objects.filter(
            due_date__lt=timezone.localdate(),
        )
        .exclude(status=Action.Status.DONE)
        .select_related("owner", "assessment__force")
    )


# --- National view --------------------------------------------------------------------

# The national view may be limited to one kind of force. Territorial forces and national
# organisations partition "all", so any figure in one view could be subtracted from
# another: suppression is decided jointly across the three views (see national_spread).
FORCE_GROUPS = {
    "all": ("All forces and organisations", None),
    "territorial": ("Territorial forces", Force.Kind.TERRITORIAL),
    "national": ("National organisations", Force.Kind.NATIONAL),
}
SUBSETS = ["territorial", "national"]


def _suppression(counts: dict[str, list[int]]) -> tuple[bool, set[int]]:
    """Which cells of one statement's row to hide, the same in every view.

    Returns (subset_rows_hidden, hidden_levels). A subset view's row is hidden when
    either subset has fewer than the threshold (all minus one subset is the other).
    A level is hidden in every view when any shown view has 1 or 2 forces there, and
    a second level is hidden with it when the row total would give it away."""
    subset_rows_hidden = any(is_small(sum(counts[name])) for name in SUBSETS)
    views = ["all"] if subset_rows_hidden else ["all", *SUBSETS]
    levels = range(len(counts["all"]))
    hidden = {
        level for level in levels if any(is_small(counts[v][level]) for v in views)
    }
    return subset_rows_hidden, with_complement(
        hidden, {level: counts["all"][level] for level in levels}
    )


def national_spread(edition: Edition, group: str = "all") -> dict:
    """The spread of ratings per statement across forces that signed off, for one
    group of forces, with small-number suppression. Three queries, whatever the
    number of forces or statements."""
    kind_of = {"territorial": Force.Kind.TERRITORIAL, "national": Force.Kind.NATIONAL}
    framework = framework_of(edition)
    ratings = Response.objects.filter(
        assessment__edition=edition,
        assessment__status=Assessment.Status.SIGNED_OFF,
        rating__isnull=False,
    ).values_list(
        "statement_id",
        "rating",
        "assessment__force__kind",
        "assessment__force__name",
        "assessment__shares_name",
    )
    by_statement = defaultdict(list)
    forces = {name: set() for name in FORCE_GROUPS}
    for statement_id, rating, kind, force_name, shares in ratings:
        by_statement[statement_id].append((rating, kind, force_name, shares))
        forces["all"].add(force_name)
        for name in SUBSETS:
            if kind == kind_of[name]:
                forces[name].add(force_name)
    pillars = []
    for entry in framework:
        rows = []
        for statement in entry["statements"]:
            scale = statement.rating_scale
            counts = {name: [0] * len(scale) for name in FORCE_GROUPS}
            named = []
            for rating, kind, force_name, shares in by_statement[statement.pk]:
                if rating >= len(scale):
                    continue
                counts["all"][rating] += 1
                for name in SUBSETS:
                    if kind == kind_of[name]:
                        counts[name][rating] += 1
                if shares and (group == "all" or kind == kind_of[group]):
                    named.append((force_name, scale[rating]))
            subset_rows_hidden, hidden = _suppression(counts)
            total = sum(counts[group])
            row_hidden = total < SUPPRESSION_THRESHOLD or (
                group != "all" and subset_rows_hidden
            )
            cells = [
                {
                    "label": label,
                    "value": None
                    if row_hidden or level in hidden
                    else counts[group][level],
                }
                for level, label in enumerate(scale)
            ]
            rows.append(
                {
                    "statement": statement,
                    "cells": cells,
                    "total": None if row_hidden else total,
                    "suppressed": row_hidden,
                    "named": sorted(named),
                }
            )
        pillars.append({"pillar": entry["pillar"], "rows": rows})
    return {
        "group": group,
        "group_label": FORCE_GROUPS[group][0],
        "force_count": len(forces[group]),
        "pillars": pillars,
        "threshold": SUPPRESSION_THRESHOLD,
    }
