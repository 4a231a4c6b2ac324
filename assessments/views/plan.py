"""The improvement plan: the gaps, their actions and progress updates."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .. import permissions, selectors, services
from ..forms import (
    ActionForm,
    ActionUpdateForm,
)
from ..models import Response
from .common import posted, role_context, trail

ACTION_CREATED = "Action added to the plan. The owner has been notified."
UPDATE_ADDED = "Progress update added."
ACTION_CHANGED = "Action changed."


def _resources_by_theme(user, themes) -> dict[int, list[dict]]:
    """Resources per theme, asked of the hook once per theme on the page."""
    return {theme.pk: selectors.theme_resources(user, theme) for theme in themes}


def plan(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    responses = selectors.response_list_for(assessment)
    gaps = selectors.gap_list_for(responses)
    actions = selectors.action_list_for(assessment)
    actions_by_response = {}
    for action in actions:
        actions_by_response.setdefault(action.response_id, []).append(action)
    resources = _resources_by_theme(
        request.user, {gap.statement.pillar.theme for gap in gaps}
    )
    peers = selectors.peer_forces_for([gap.statement_id for gap in gaps])
    for gap in gaps:
        gap.plan_actions = actions_by_response.get(gap.pk, [])
        gap.resources = resources[gap.statement.pillar.theme.pk]
        gap.peers = peers.get(gap.statement_id, [])
    return TemplateResponse(
        request,
        "assessments/plan.html",
        {
            "assessment": assessment,
            "gaps": gaps,
            "actions": actions,
            "today": timezone.localdate(),
            "trail": trail(assessment),
            **role_context(request.user, assessment),
        },
    )


def action_create(request, pk, statement_pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    permissions.check_lead_assessment_permission(request.user, assessment)
    try:
        response = selectors.response_get(assessment, statement_pk)
    except Response.DoesNotExist:
        raise Http404("No such statement.") from None
    if not response.is_gap:
        raise Http404(services.NOT_A_GAP)
    response.assessment = assessment
    form = ActionForm(
        posted(request), colleagues=selectors.force_colleagues(assessment)
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = services.action_create(
                response=response,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, ACTION_CREATED)
            return redirect("assessments:action_detail", assessment.pk, action.pk)
    return TemplateResponse(
        request,
        "assessments/action_form.html",
        {
            "assessment": assessment,
            "response": response,
            "form": form,
            "trail": trail(assessment)
            + [("Improvement plan", reverse("assessments:plan", args=[pk]))],
        },
        status=400 if form.errors else 200,
    )


def action_edit(request, pk, action_pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    permissions.check_lead_assessment_permission(request.user, assessment)
    action = get_object_or_404(
        selectors.action_list_visible_to(request.user),
        pk=action_pk,
        assessment=assessment,
    )
    action.assessment = assessment
    form = ActionForm(
        posted(request),
        instance=action,
        colleagues=selectors.force_colleagues(assessment),
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        action.refresh_from_db()
        action.assessment = assessment
        try:
            services.action_change(action=action, actor=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, ACTION_CHANGED)
            return redirect("assessments:action_detail", assessment.pk, action.pk)
    return TemplateResponse(
        request,
        "assessments/action_form.html",
        {
            "assessment": assessment,
            "response": action.response,
            "action": action,
            "form": form,
            "trail": trail(assessment)
            + [("Improvement plan", reverse("assessments:plan", args=[pk]))],
        },
        status=400 if form.errors else 200,
    )


def action_detail(request, pk, action_pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    action = get_object_or_404(
        selectors.action_list_visible_to(request.user),
        pk=action_pk,
        assessment=assessment,
    )
    action.assessment = assessment
    try:
        permissions.check_update_action_permission(request.user, action)
        can_update = True
    except PermissionDenied:
        can_update = False
    form = ActionUpdateForm(posted(request), initial={"status": action.status})
    if request.method == "POST":
        permissions.check_update_action_permission(request.user, action)
        if form.is_valid():
            services.action_update_add(
                action=action, author=request.user, **form.cleaned_data
            )
            messages.success(request, UPDATE_ADDED)
            return redirect("assessments:action_detail", assessment.pk, action.pk)
    statement = action.response.statement
    theme = statement.pillar.theme
    return TemplateResponse(
        request,
        "assessments/action_detail.html",
        {
            "assessment": assessment,
            "action": action,
            "statement": statement,
            "updates": action.updates.select_related("author"),
            "resources": selectors.theme_resources(request.user, theme),
            "theme": theme,
            "peers": selectors.peer_forces_for([statement.pk]).get(statement.pk, []),
            "form": form,
            "can_update": can_update,
            "can_edit": selectors.user_leads_assessment(request.user, assessment),
            "trail": trail(assessment)
            + [("Improvement plan", reverse("assessments:plan", args=[pk]))],
        },
        status=400 if form.errors else 200,
    )
