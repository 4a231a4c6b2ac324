"""One search across every source a user may see.

Permissions are filters in the query: each source's queryset comes from its app's
visibility selector (the content sources in core.hooks) and the backend searches
*within* it, so totals, facets and pages only ever count what the user may see. Only
the slice a page shows is fetched.

By task:

| module | what it does |
| --- | --- |
| ``site`` | ``search_site``: the query, its corrected and relaxed retries, the fallback |
| ``backend`` | each source's visible queryset, narrowed by facets, fit for the backend |
| ``ranking`` | each source's candidates ranked and counted; hits grouped into results |
| ``facets`` | the counts by type, theme, force and date |
| ``results`` | the page's rows, loaded through the visibility queryset, and snippets |
| ``spelling`` | did you mean |
| ``suggestions`` | autocomplete and "before asking" |
| ``promotions`` | editors' picks |
| ``outcome`` | what a search returns (filters, results, facets, the page) |
"""

from .outcome import (
    DATE_BUCKETS,
    MAX_PAGES,
    PER_PAGE,
    SORTS,
    FacetValue,
    Filters,
    Outcome,
    Result,
)
from .promotions import promotions_for
from .site import search_site
from .spelling import did_you_mean
from .suggestions import autocomplete, suggest_before_asking

__all__ = [
    "DATE_BUCKETS",
    "MAX_PAGES",
    "PER_PAGE",
    "SORTS",
    "FacetValue",
    "Filters",
    "Outcome",
    "Result",
    "autocomplete",
    "did_you_mean",
    "promotions_for",
    "search_site",
    "suggest_before_asking",
]
