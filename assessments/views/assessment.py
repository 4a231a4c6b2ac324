"""One assessment: its statements, rating them with evidence, colleagues and
sharing, assignments and sign-off."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from .. import permissions, selectors, services
from ..forms import (
    MemberForm,
    ResponseForm,
    SharingForm,
    SignOffForm,
)
from ..models import Response
from .common import posted, role_context, trail

SAVED_DRAFT = "Draft saved."
SAVED = "Saved."
SIGNED = "Assessment signed off. It is now read-only."
MEMBER_ADDED = "Colleague added."
MEMBER_REMOVED = "Colleague removed."
ASSIGNED = "Assignments saved."
SHARING_SAVED = "Sharing choices saved."


def assessment_detail(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    responses = selectors.response_list_for(assessment)
    evidence_counts = {}
    for response_id in assessment.responses.filter(evidence__isnull=False).values_list(
        "evidence__response_id", flat=True
    ):
        evidence_counts[response_id] = evidence_counts.get(response_id, 0) + 1
    pillars = []
    for response in responses:
        response.evidence_count = evidence_counts.get(response.pk, 0)
        response.can_rate = not assessment.is_signed_off and (
            response.assignee_id == request.user.pk
            or selectors.user_leads_assessment(request.user, assessment)
        )
        theme = response.statement.pillar.theme
        if not pillars or pillars[-1]["theme"] != theme:
            pillars.append({"theme": theme, "responses": []})
        pillars[-1]["responses"].append(response)
    return TemplateResponse(
        request,
        "assessments/assessment_detail.html",
        {
            "assessment": assessment,
            "pillars": pillars,
            "progress": selectors.progress_of(responses),
            "problems": services.sign_off_problems(assessment)
            if not assessment.is_signed_off
            else [],
            "trail": trail(assessment)[:1],
            **role_context(request.user, assessment),
        },
    )


def response_edit(request, pk, statement_pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    try:
        response = selectors.response_get(assessment, statement_pk)
    except Response.DoesNotExist:
        raise Http404("No such statement.") from None
    response.assessment = assessment
    can_rate = True
    try:
        permissions.check_rate_statement_permission(request.user, response)
    except PermissionDenied:
        can_rate = False
    if request.method == "POST":
        permissions.check_rate_statement_permission(request.user, response)
        form = ResponseForm(request.POST, request.FILES, statement=response.statement)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.response_save(
                    response=response,
                    rating=data["rating"],
                    comment=data["comment"],
                    actor=request.user,
                )
                if data["evidence_link"] or data["evidence_file"]:
                    services.evidence_add(
                        response=response,
                        title=data["evidence_title"],
                        link=data["evidence_link"],
                        document=data["evidence_file"],
                        actor=request.user,
                    )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if request.headers.get("X-Autosave"):
                    return HttpResponse(status=204)
                if "save_draft" in request.POST:
                    messages.success(request, SAVED_DRAFT)
                    return redirect(request.path)
                messages.success(request, SAVED)
                return redirect(
                    reverse("assessments:assessment_detail", args=[assessment.pk])
                    + f"#statement-{response.statement_id}"
                )
    else:
        form = ResponseForm(
            initial={"rating": response.rating, "comment": response.comment},
            statement=response.statement,
        )
    return TemplateResponse(
        request,
        "assessments/response_form.html",
        {
            "assessment": assessment,
            "response": response,
            "statement": response.statement,
            "evidence": list(response.evidence.all()),
            "form": form,
            "can_rate": can_rate,
            "trail": trail(assessment),
            **role_context(request.user, assessment),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def evidence_delete(request, pk, evidence_pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    evidence = get_object_or_404(
        selectors.evidence_list_visible_to(request.user).select_related("response"),
        pk=evidence_pk,
        response__assessment=assessment,
    )
    evidence.response.assessment = assessment
    permissions.check_rate_statement_permission(request.user, evidence.response)
    statement_id = evidence.response.statement_id
    services.evidence_delete(evidence=evidence)
    messages.success(request, "Evidence removed.")
    return redirect("assessments:response_edit", assessment.pk, statement_id)


def evidence_download(request, pk, evidence_pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    evidence = get_object_or_404(
        selectors.evidence_list_visible_to(request.user),
        pk=evidence_pk,
        response__assessment=assessment,
    )
    if not evidence.document:
        raise Http404("No document.")
    return FileResponse(
        evidence.document.open("rb"),
        as_attachment=True,
        filename=evidence.document.name.rsplit("/", 1)[-1],
    )


def members(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    permissions.check_lead_assessment_permission(request.user, assessment)
    colleagues = selectors.force_colleagues(assessment)
    form = MemberForm(posted(request), colleagues=colleagues)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_member_add(
                assessment=assessment,
                user=form.cleaned_data["user"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error("user", error)
        else:
            messages.success(request, MEMBER_ADDED)
            return redirect("assessments:members", assessment.pk)
    return TemplateResponse(
        request,
        "assessments/members.html",
        {
            "assessment": assessment,
            "members": selectors.assessment_member_list(assessment),
            "form": form,
            "sharing_form": SharingForm(
                initial={
                    "offers_peer_support": assessment.offers_peer_support,
                    "shares_name": assessment.shares_name,
                }
            ),
            "trail": trail(assessment),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def member_remove(request, pk, user_pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    permissions.check_lead_assessment_permission(request.user, assessment)
    member = get_object_or_404(assessment.members, user_id=user_pk)
    try:
        services.assessment_member_remove(assessment=assessment, user=member.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, MEMBER_REMOVED)
    return redirect("assessments:members", assessment.pk)


@require_POST
def sharing(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    permissions.check_lead_assessment_permission(request.user, assessment)
    form = SharingForm(request.POST)
    form.is_valid()
    services.assessment_update_sharing(
        assessment=assessment,
        offers_peer_support=form.cleaned_data.get("offers_peer_support", False),
        shares_name=form.cleaned_data.get("shares_name", False),
    )
    messages.success(request, SHARING_SAVED)
    return redirect("assessments:members", assessment.pk)


def assign(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    permissions.check_lead_assessment_permission(request.user, assessment)
    if assessment.is_signed_off:
        raise Http404("Signed off.")
    responses = selectors.response_list_for(assessment)
    colleagues = list(selectors.force_colleagues(assessment))
    by_pk = {c.pk: c for c in colleagues}
    errors = []
    if request.method == "POST":
        changes = []
        for response in responses:
            raw = request.POST.get(f"statement-{response.statement_id}", "")
            if raw == "":
                chosen = None
            elif raw.isdigit() and int(raw) in by_pk:
                chosen = by_pk[int(raw)]
            else:
                errors.append(response)
                continue
            if (chosen.pk if chosen else None) != response.assignee_id:
                changes.append((response, chosen))
        if not errors:
            services.responses_assign(assignments=changes, actor=request.user)
            messages.success(request, ASSIGNED)
            return redirect("assessments:assessment_detail", assessment.pk)
    return TemplateResponse(
        request,
        "assessments/assign.html",
        {
            "assessment": assessment,
            "responses": responses,
            "colleagues": colleagues,
            "errors": errors,
            "trail": trail(assessment),
        },
        status=400 if errors else 200,
    )


def sign_off(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    permissions.check_lead_assessment_permission(request.user, assessment)
    if assessment.is_signed_off:
        return redirect("assessments:assessment_detail", assessment.pk)
    form = SignOffForm(posted(request))
    problems = services.sign_off_problems(assessment)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_sign_off(
                assessment=assessment, lead=request.user, request=request
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, SIGNED)
            return redirect("assessments:assessment_detail", assessment.pk)
    responses = selectors.response_list_for(assessment)
    return TemplateResponse(
        request,
        "assessments/sign_off.html",
        {
            "assessment": assessment,
            "form": form,
            "problems": problems,
            "progress": selectors.progress_of(responses),
            "trail": trail(assessment),
        },
        status=400 if form.errors else 200,
    )
