"""Who may do what with a force's self-assessment. Existence stays hidden: anyone who
may not see an assessment gets a 404; those who see it but may not change it get a 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from . import selectors
from .models import Action, Assessment, Response

NOT_FOUND = "No such assessment."
LEAD_ONLY = "Only the force lead can do that."
READ_ONLY = "This assessment is signed off and read-only."
NOT_YOUR_STATEMENT = (
    "Only the colleague it is assigned to, or the force lead, can rate it."
)
NOT_YOUR_ACTION = "Only the action's owner or the force lead can update it."
ADMINS_ONLY = "Only administrators can see the national view."


def check_view_assessment_permission(user, assessment_pk: int) -> Assessment:
    try:
        return selectors.assessment_get(user, assessment_pk)
    except Assessment.DoesNotExist:
        raise Http404(NOT_FOUND) from None


def check_open_assessment_permission(user) -> None:
    if not selectors.user_is_force_lead(user):
        raise PermissionDenied(LEAD_ONLY)


def check_lead_assessment_permission(user, assessment: Assessment) -> None:
    if not selectors.user_leads_assessment(user, assessment):
        raise PermissionDenied(LEAD_ONLY)


def check_rate_statement_permission(user, response: Response) -> None:
    if response.assessment.is_signed_off:
        raise PermissionDenied(READ_ONLY)
    if selectors.user_leads_assessment(user, response.assessment):
        return
    if response.assignee_id != user.pk:
        raise PermissionDenied(NOT_YOUR_STATEMENT)


def check_update_action_permission(user, action: Action) -> None:
    if selectors.user_leads_assessment(user, action.assessment):
        return
    if action.owner_id != user.pk:
        raise PermissionDenied(NOT_YOUR_ACTION)


def check_view_framework_permission(user) -> None:
    if not selectors.user_can_see_framework(user):
        raise Http404("No such page.")


def check_view_national_permission(user) -> None:
    if not selectors.user_is_administrator(user):
        raise Http404(ADMINS_ONLY)
