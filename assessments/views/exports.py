"""CSV exports of an assessment, its plan and the national view; every cell goes
through core.exports.csv_download (every cell made safe) and every export is audited."""

from django.http import Http404

from core.exports import csv_download
from core.services import audit_record
from core.suppression import SUPPRESSED

from .. import permissions, selectors
from .national import national_params


def assessment_csv(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    response, writer = csv_download(
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
                item.statement.pillar.theme.name,
                item.statement.number,
                item.statement.text,
                item.rating_label,
                item.comment,
                item.assignee.display_name if item.assignee else "",
                "; ".join(evidence.get(item.pk, [])),
            ]
        )
    audit_record(action="assessment.exported", obj=assessment, request=request)
    return response


def plan_csv(request, pk):
    assessment = permissions.check_view_assessment_permission(request.user, pk)
    response, writer = csv_download(
        f"plan-{assessment.force.slug}-{assessment.edition.name.replace('/', '-')}.csv"
    )
    writer.writerow(
        ["Statement", "Rating", "Action", "Owner", "Due", "Status", "Overdue"]
    )
    for action in selectors.action_list_for(assessment):
        writer.writerow(
            [
                action.response.statement.number,
                action.response.rating_label,
                action.title,
                action.owner.display_name or action.owner.email,
                action.due_date.isoformat(),
                action.get_status_display(),
                "yes" if action.is_overdue else "no",
            ]
        )
    audit_record(action="assessment.plan_exported", obj=assessment, request=request)
    return response


def national_csv(request):
    edition, _, group = national_params(request)
    if edition is None:
        raise Http404("No published edition.")
    spread = selectors.national_spread(edition, group)
    response, writer = csv_download(
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
                        pillar["pillar"].theme.name,
                        row["statement"].number,
                        cell["label"],
                        SUPPRESSED if cell["value"] is None else cell["value"],
                    ]
                )
    audit_record(
        action="assessment.national_exported",
        request=request,
        details={"edition": edition.name, "forces": group},
    )
    return response
