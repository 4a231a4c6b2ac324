"""Editors' picks for a query (wagtail.contrib.search_promotions)."""

from core.generations import versioned

from ..generations import PROMOTIONS, TTL
from ..sources import get_sources


def _promoted_queries() -> frozenset[str]:
    """Every query that has editors' picks: the same for every reader, kept until a
    pick or a query changes (search.generations)."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    return versioned(
        f"ln:search:promoted-queries:{PROMOTIONS.current()}",
        lambda: frozenset(
            SearchPromotion.objects.values_list("query__query_string", flat=True)
        ),
        TTL,
    )


def promotions_for(user, query: str, *, request=None) -> list[dict]:
    """Editors' picks (wagtail.contrib.search_promotions) for this query that the user
    may see. Reads only: Query.get() would create a row, so it is not used here."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    normalised = " ".join(query.lower().split())
    if not normalised or normalised not in _promoted_queries():
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page")
        .order_by("sort_order")
    )
    by_model = {s.model: s for s in get_sources()}
    found = []
    for pick in picks:
        if pick.page_id:
            page = pick.page.specific
            source = by_model.get(type(page))
            if source is not None:
                if not source.visible_to(user).filter(pk=page.pk).exists():
                    continue
            elif not page.live:
                continue
            found.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "description": pick.description,
                }
            )
        elif pick.external_link_url:
            found.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
    return found
