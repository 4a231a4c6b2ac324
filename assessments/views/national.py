"""The national view: how every force rated each statement, small groups
suppressed."""

from django.http import Http404
from django.template.response import TemplateResponse

from .. import permissions, selectors
from ..models import Edition


def national_params(request) -> tuple[Edition | None, list[Edition], str]:
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
    edition, editions, group = national_params(request)
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
