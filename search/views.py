from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from wagtail.models import Page

RESULTS_PER_PAGE = 20


def search(request):
    """Search the site's live pages. The search issue widens this to training and the
    forums, with facets and permission filters inside the query."""
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        found = Page.objects.live().filter(depth__gte=2).search(query)
        results = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": results, "page_query": urlencode({"q": query})},
    )
