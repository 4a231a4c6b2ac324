from urllib.parse import urlencode

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from accounts.models import Force
from core.generations import versioned
from core.models import Theme

from . import selectors
from .forms import SearchForm
from .generations import CHOICES, TTL
from .models import PendingIndexUpdate
from .selectors import ranking
from .sources import get_sources
from .stats import record_search


def _filter_choices() -> dict:
    """Every theme and force as (slug, name): the same for every reader, kept until
    one changes (search.generations)."""
    return versioned(
        f"ln:search:choices:{CHOICES.current()}",
        lambda: {
            "theme_choices": list(Theme.objects.values_list("slug", "name")),
            "force_choices": list(Force.objects.values_list("slug", "name")),
        },
        TTL,
    )


def _form(request):
    return SearchForm(
        request.GET,
        type_choices=[(s.key, s.label) for s in get_sources()],
        **_filter_choices(),
    )


@require_GET
def search(request):
    form = _form(request)
    form.is_valid()  # invalid parts fall back to defaults; bad input is never a 500
    query = form.query()
    filters = form.filters()
    sort = form.value("sort", "relevance")
    outcome = None
    page_obj = None
    promotions = []
    if query:
        outcome = selectors.search_site(
            request.user,
            query,
            filters=filters,
            sort=sort,
            page=form.value("page", 1),
            request=request,
        )
        if outcome.page == 1:
            record_search(query, zero_results=outcome.total == 0)
            if not filters.active:
                promotions = selectors.promotions_for(
                    request.user, query, request=request
                )
        capped = min(outcome.total, selectors.MAX_PAGES * selectors.PER_PAGE)
        page_obj = Paginator(range(capped), selectors.PER_PAGE).get_page(outcome.page)
    params = [("q", query)]
    params += [("type", t) for t in filters.types]
    params += [("theme", t) for t in filters.themes]
    params += [("force", f) for f in filters.forces]
    if filters.date:
        params.append(("date", filters.date))
    if sort != "relevance":
        params.append(("sort", sort))
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query,
            "outcome": outcome,
            "page_obj": page_obj,
            "page_query": urlencode(params),
            "unfiltered_query": urlencode([("q", query)]),
            "filters": filters,
            "sort": sort,
            "sorts": selectors.SORTS.items(),
            "candidates": ranking.CANDIDATES,
            "promotions": promotions,
            "pending_updates": bool(query) and PendingIndexUpdate.objects.exists(),
        },
    )


@require_GET
def autocomplete(request):
    """Titles for the search box's combobox (JSON)."""
    prefix = request.GET.get("q", "")[:100]
    return JsonResponse(
        {"results": selectors.autocomplete(request.user, prefix, request=request)}
    )


@require_GET
def suggest(request):
    """Before asking: guidance and threads matching a new thread's title. An HTML
    fragment for the new-thread form (?format=json for JSON)."""
    title = request.GET.get("q", "")[:200]
    outcome = selectors.suggest_before_asking(request.user, title, request=request)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "results": [
                    {
                        "type": r.type_label,
                        "title": r.title,
                        "url": r.url,
                        "snippet": str(r.snippet),
                    }
                    for r in outcome.results
                ]
            }
        )
    return TemplateResponse(
        request, "search/suggest.html", {"outcome": outcome, "query": title}
    )


@permission_required("site_search.view_search_report", raise_exception=True)
@require_GET
def report(request):
    try:
        days = max(1, min(int(request.GET.get("days", 30)), 365))
    except ValueError:
        days = 30
    from .stats import report as stats_report

    frequent, zero = stats_report(days=days)
    return TemplateResponse(
        request,
        "search/report.html",
        {"frequent": frequent, "zero": zero, "days": days},
    )
