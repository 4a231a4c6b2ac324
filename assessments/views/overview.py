"""Where a force lead starts: their assessments, opening one for the current
edition, and the framework it follows."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from .. import permissions, selectors, services
from ..models import Edition
from .common import index_trail


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
            "trail": index_trail(),
        },
    )
