import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .selectors import notification_list_for, notifications_visible_to
from .services import notification_mark_all_read, notification_mark_read

logger = logging.getLogger(__name__)

HEALTH_CHECK_TEMPLATE = "core/healthz.html"


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return False
    return True


def pages_render() -> bool:
    """Render the site's layout as every page does: a static file missing from the
    manifest (collectstatic not run, or failed) or a broken base template shows here."""
    try:
        render_to_string(HEALTH_CHECK_TEMPLATE)
    except Exception:  # whatever stops the layout rendering stops every page
        logger.exception("Health check: the site's layout does not render")
        return False
    return True


def unhealthy(reason: str) -> HttpResponse:
    return HttpResponse(reason, status=503, content_type="text/plain")


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """200 only when the database answers and pages render; load balancers and
    orchestrators poll it."""
    if not database_answers():
        return unhealthy("database unavailable")
    if not pages_render():
        return unhealthy("pages cannot render")
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
@require_GET
def accessibility_statement(request):
    return TemplateResponse(request, "core/accessibility_statement.html")


NOTIFICATIONS_PER_PAGE = 25
ALL_MARKED_READ = "All notifications are marked as read."


@require_GET
def notification_list(request):
    page = Paginator(
        notification_list_for(request.user), NOTIFICATIONS_PER_PAGE
    ).get_page(request.GET.get("page"))
    return TemplateResponse(request, "core/notification_list.html", {"page_obj": page})


@require_POST
def notification_open(request, pk):
    """Mark one notification read and go to what it is about."""
    notification = get_object_or_404(notifications_visible_to(request.user), pk=pk)
    notification_mark_read(notification=notification)
    if not url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        return redirect("core:notifications")
    return redirect(notification.url)


@require_POST
def notification_read_all(request):
    notification_mark_all_read(user=request.user)
    messages.success(request, ALL_MARKED_READ)
    return redirect("core:notifications")
