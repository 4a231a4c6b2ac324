"""Views parse input, call a permission check, a selector or a service, and render."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.exports import csv_safe
from core.services import audit_record
from core.suppression import SUPPRESSED

from . import permissions, selectors, services
from .forms import (
    ActionForm,
    ActionUpdateForm,
    MemberForm,
    ResponseForm,
    SharingForm,
    SignOffForm,
)
from .models import DEFAULT_RATING_SCALE, Action, Assessment, Edition, Response

SAVED_DRAFT = "Draft saved."
SAVED = "Saved."
SIGNED = "Assessment signed off. It is now read-only."
ACTION_CREATED = "Action added to the plan. The owner has been notified."
UPDATE_ADDED = "Progress update added."
ACTION_CHANGED = "Action changed."
MEMBER_ADDED = "Colleague added."
MEMBER_REMOVED = "Colleague removed."
ASSIGNED = "Assignments saved."
SHARING_SAVED = "Sharing choices saved."


def _trail(assessment: Assessment) -> list[tuple[str, str]]:
    return [
        ("Self-assessment", reverse("assessments:index")),
        (
            f"{assessment.force} {assessment.edition}",
            reverse("assessments:assessment_detail", args=[assessment.pk]),
        ),
    ]


def _posted(request):
    """The submitted data on a POST (even when empty), so the form is bound."""
    return request.POST if request.method == "POST" else None


def _index_trail() -> list[tuple[str, str]]:
    return [("Self-assessment", reverse("assessments:index"))]


def _role_context(user, assessment: Assessment) -> dict:
    return {
        "is_lead": selectors.user_leads_assessment(user, assessment),
        "read_only": assessment.is_signed_off,
    }


# --- Index and framework ------------------------------------------------------------


def index(request):
    user = request.user
    assessments = list(selectors.assessment_list_visible_to(user))
    is_lead = selectors.user_is_force_lead(user)
    current = selectors.edition_current()
    can_open = (
        is_lead
        and current is not None
        and not any(
            a.force_id == user.force_id and a.edition_id == current.pk
            for a in assessments
        )
    )
    return TemplateResponse(
        request,
        "assessments/index.html",
        {
            "assessments": assessments,
            "current_edition": current,
            "can_open": can_open,
            "can_see_framework": selectors.user_can_see_framework(user),
            "is_admin": selectors.user_is_administrator(user),
        },
    )


@require_POST
def assessment_open(request):
    permissions.check_open_assessment_permission(request.user)
    edition = get_object_or_404(
        Edition, pk=request.POST.get("edition"), status=Edition.Status.PUBLISHED
    )
    try:
        assessment = services.assessment_create(edition=edition, lead=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("assessments:index")
    return redirect("assessments:assessment_detail", assessment.pk)


def framework(request, edition_pk=None):
    permissions.check_view_framework_permission(request.user)
    editions = list(selectors.edition_list_published())
    if selectors.user_is_administrator(request.user):
        editions = list(Edition.objects.all())
    if edition_pk is None:
        edition = editions[0] if editions else None
    else:
        edition = next((e for e in editions if e.pk == edition_pk), None)
        if edition is None:
            raise Http404("No such edition.")
    return TemplateResponse(
        request,
        "assessments/framework.html",
        {
            "edition": edition,
            "editions": editions,
            "pillars": selectors.framework_of(edition) if edition else [],
            "trail": _index_trail(),
        },
    )


# --- Assessment ---------------------------------------------------------------------


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
            "trail": _trail(assessment)[:1],
            **_role_context(request.user, assessment),
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
            "trail": _trail(assessment),
            **_role_context(request.user, assessment),
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
    form = MemberForm(_posted(request), colleagues=colleagues)
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
            "trail": _trail(assessment),
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
            "trail": _trail(assessment),
        },
        status=400 if errors else 200,
    )


def sign_off(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    permissions.check_lead_assessment_permission(request.user, assessment)
    if assessment.is_signed_off:
        return redirect("assessments:assessment_detail", assessment.pk)
    form = SignOffForm(_posted(request))
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
            "trail": _trail(assessment),
        },
        status=400 if form.errors else 200,
    )


# --- Improvement plan ---------------------------------------------------------------


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
            "trail": _trail(assessment),
            **_role_context(request.user, assessment),
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
        _posted(request), colleagues=selectors.force_colleagues(assessment)
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
            "trail": _trail(assessment)
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
        _posted(request),
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
            "trail": _trail(assessment)
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
    form = ActionUpdateForm(_posted(request), initial={"status": action.status})
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
            "trail": _trail(assessment)
            + [("Improvement plan", reverse("assessments:plan", args=[pk]))],
        },
        status=400 if form.errors else 200,
    )


# --- Dashboard and exports ----------------------------------------------------------


def _chart(entries: list[dict], scale: list[str]) -> dict:
    """Stacked horizontal bars, one per pillar: geometry for the SVG template."""
    bar_width = 300
    rows = []
    for index, entry in enumerate(entries):
        x = 0
        segments = []
        total = entry["total"] or 1
        for level, label in enumerate(scale):
            count = entry["counts"].get(label, 0)
            width = round(bar_width * count / total, 1)
            if count:
                segments.append(
                    {
                        "x": x,
                        "width": width,
                        "level": level,
                        "count": count,
                        "label": label,
                    }
                )
            x += width
        if entry["unrated"]:
            segments.append(
                {
                    "x": x,
                    "width": round(bar_width * entry["unrated"] / total, 1),
                    "level": "unrated",
                    "count": entry["unrated"],
                    "label": "Not rated",
                }
            )
        rows.append(
            {
                "theme": entry["theme"],
                "y": index * 34,
                "text_y": index * 34 + 17,
                "segments": segments,
                "counts": [entry["counts"].get(label, 0) for label in scale],
                "unrated": entry["unrated"],
                "total": entry["total"],
            }
        )
    return {
        "rows": rows,
        "height": max(len(rows) * 34, 34),
        "scale": scale,
        "legend": [{"level": i, "label": label} for i, label in enumerate(scale)],
    }


def dashboard(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    previous = selectors.previous_assessment(assessment)
    if previous is not None and not selectors.user_can_see_assessment(
        request.user, previous
    ):
        previous = None
    actions = selectors.action_list_for(assessment)
    by_status = []
    for value, label in Action.Status.choices:
        items = [a for a in actions if a.status == value]
        by_status.append({"status": value, "label": label, "actions": items})
    return TemplateResponse(
        request,
        "assessments/dashboard.html",
        {
            "assessment": assessment,
            "previous": previous,
            "chart": _chart(
                selectors.ratings_by_pillar(assessment), DEFAULT_RATING_SCALE
            ),
            "previous_chart": _chart(
                selectors.ratings_by_pillar(previous), DEFAULT_RATING_SCALE
            )
            if previous
            else None,
            "by_status": by_status,
            "overdue_count": sum(1 for a in actions if a.is_overdue),
            "trail": _trail(assessment),
        },
    )


def _csv_response(filename: str) -> tuple[HttpResponse, csv.writer]:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response, csv.writer(response)


def assessment_csv(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    response, writer = _csv_response(
        f"assessment-{assessment.force.slug}-{assessment.edition.name.replace('/', '-')}.csv"
    )
    writer.writerow(
        ["Pillar", "Statement", "Text", "Rating", "Comment", "Assigned to", "Evidence"]
    )
    evidence = {}
    for response_id, title in assessment.responses.filter(
        evidence__isnull=False
    ).values_list("pk", "evidence__title"):
        evidence.setdefault(response_id, []).append(title)
    for item in selectors.response_list_for(assessment):
        writer.writerow(
            [
                csv_safe(v)
                for v in [
                    item.statement.pillar.theme.name,
                    item.statement.number,
                    item.statement.text,
                    item.rating_label,
                    item.comment,
                    item.assignee.display_name if item.assignee else "",
                    "; ".join(evidence.get(item.pk, [])),
                ]
            ]
        )
    audit_record(action="assessment.exported", obj=assessment, request=request)
    return response


def plan_csv(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    response, writer = _csv_response(
        f"plan-{assessment.force.slug}-{assessment.edition.name.replace('/', '-')}.csv"
    )
    writer.writerow(
        ["Statement", "Rating", "Action", "Owner", "Due", "Status", "Overdue"]
    )
    for action in selectors.action_list_for(assessment):
        writer.writerow(
            [
                csv_safe(v)
                for v in [
                    action.response.statement.number,
                    action.response.rating_label,
                    action.title,
                    action.owner.display_name or action.owner.email,
                    action.due_date.isoformat(),
                    action.get_status_display(),
                    "yes" if action.is_overdue else "no",
                ]
            ]
        )
    audit_record(action="assessment.plan_exported", obj=assessment, request=request)
    return response


# --- National view ------------------------------------------------------------------


def _national_params(request) -> tuple[Edition | None, list[Edition], str]:
    permissions.check_view_national_permission(request.user)
    editions = list(selectors.edition_list_published())
    group = request.GET.get("forces", "all")
    if group not in selectors.FORCE_GROUPS:
        raise Http404("No such group of forces.")
    edition_pk = request.GET.get("edition")
    if edition_pk:
        edition = next((e for e in editions if str(e.pk) == edition_pk), None)
        if edition is None:
            raise Http404("No such edition.")
    else:
        # The latest edition with figures to show, else the latest.
        with_figures = set(selectors.edition_ids_with_sign_offs())
        edition = next(
            (e for e in editions if e.pk in with_figures),
            editions[0] if editions else None,
        )
    return edition, editions, group


def national(request):
    edition, editions, group = _national_params(request)
    return TemplateResponse(
        request,
        "assessments/national.html",
        {
            "edition": edition,
            "editions": editions,
            "group": group,
            "groups": [(k, v[0]) for k, v in selectors.FORCE_GROUPS.items()],
            "spread": selectors.national_spread(edition, group) if edition else None,
            "threshold": selectors.SUPPRESSION_THRESHOLD,
        },
    )


def national_csv(request):
    edition, _, group = _national_params(request)
    if edition is None:
        raise Http404("No published edition.")
    spread = selectors.national_spread(edition, group)
    response, writer = _csv_response(
        f"national-{edition.name.replace('/', '-')}-{group}.csv"
    )
    writer.writerow(
        [
            f"Figures from fewer than {spread['threshold']} forces are suppressed "
            f"(shown as 'suppressed'). Forces: {spread['group_label']}."
        ]
    )
    writer.writerow(["Pillar", "Statement", "Rating", "Forces"])
    for pillar in spread["pillars"]:
        for row in pillar["rows"]:
            for cell in row["cells"]:
                writer.writerow(
                    [
                        csv_safe(pillar["pillar"].theme.name),
                        csv_safe(row["statement"].number),
                        csv_safe(cell["label"]),
                        SUPPRESSED if cell["value"] is None else cell["value"],
                    ]
                )
    audit_record(
        action="assessment.national_exported",
        request=request,
        details={"edition": edition.name, "forces": group},
    )
    return response
