"""The audit log for administrators: search it, page through it, export it as CSV.
Exports are themselves audited."""

import json

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from .exports import csv_download
from .forms import AuditFilterForm
from .permissions import check_view_audit_log_permission
from .selectors import audit_event_search
from .services import audit_record

EVENTS_PER_PAGE = 50
CSV_COLUMNS = [
    "time",
    "actor",
    "action",
    "object type",
    "object id",
    "object",
    "details",
    "address",
]


def _filtered(request):
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None
    filters = form.cleaned_data if form.is_bound else {}
    return form, audit_event_search(
        **{key: value for key, value in filters.items() if value}
    )


@require_GET
def audit_log(request):
    check_view_audit_log_permission(request.user)
    form, events = _filtered(request)
    if events is None:
        return TemplateResponse(
            request, "core/audit_log.html", {"form": form}, status=400
        )
    page = Paginator(events.select_related(None), EVENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "core/audit_log.html",
        {"form": form, "page_obj": page, "filter_query": query.urlencode()},
    )


@require_GET
def audit_log_export(request):
    check_view_audit_log_permission(request.user)
    form, events = _filtered(request)
    if events is None:
        return TemplateResponse(
            request, "core/audit_log.html", {"form": form}, status=400
        )
    audit_record(
        action="audit.exported",
        request=request,
        details={k: v for k, v in request.GET.items() if k != "page"},
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response, writer = csv_download(f"audit-log-{stamp}.csv")
    writer.writerow(CSV_COLUMNS)
    for event in events.iterator(chunk_size=2000):
        writer.writerow(
            [
                timezone.localtime(event.created_at).isoformat(),
                event.actor_email,
                event.action,
                event.object_type,
                event.object_id,
                event.object_repr,
                json.dumps(event.details, sort_keys=True),
                event.ip_address or "",
            ]
        )
    return response
