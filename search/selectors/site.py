"""The site search: one query across every source the user may see, then, finding
nothing, the corrected spelling and any of the words; a title search when the
backend is down."""

import logging
import math

from modelsearch.backends import get_search_backend

from django.db import transaction
from django.db.models import Q

from .. import query as q
from ..sources import get_sources
from .backend import filtered_queryset, is_database
from .facets import facet_counts
from .outcome import MAX_PAGES, PER_PAGE, SORTS, Filters, Outcome, Result
from .ranking import any_words, search_all
from .results import build_results
from .spelling import Speller, did_you_mean

logger = logging.getLogger(__name__)


def search_site(
    user,
    query: str,
    *,
    filters: Filters | None = None,
    sort: str = "relevance",
    page: int = 1,
    per_page: int = PER_PAGE,
    request=None,
) -> Outcome:
    filters = filters or Filters()
    sort = sort if sort in SORTS else "relevance"
    page = max(1, min(page, MAX_PAGES))
    outcome = Outcome(query=q.normalise(query), sort=sort, page=page)
    parsed = q.parse(query)
    outcome.parsed = parsed
    query_obj = q.build(parsed)
    sources = get_sources()
    if query_obj is None:
        return outcome
    backend = get_search_backend()

    def search(query_obj, text):
        return search_all(
            user,
            query_obj,
            filters,
            sort,
            page,
            per_page,
            backend,
            sources,
            q.words(text),
        )

    # Unfiltered and finding nothing, a one-word query's word is known to be absent.
    one_word = parsed.terms if len(parsed.terms) == 1 and not parsed.phrases else []
    speller = Speller(user, backend, sources, absent=() if filters.active else one_word)
    try:
        with transaction.atomic():
            runs, total, picked = search(query_obj, parsed.raw)
            if not total and not filters.active:
                # A misspelling? Search for the corrected words when they all match.
                corrected = did_you_mean(speller, parsed, require_all=True)
                if corrected:
                    parsed = q.parse(corrected)
                    runs, total, picked = search(q.build(parsed), corrected)
                    outcome.showing_for = corrected if total else ""
                    outcome.parsed = parsed
            if not total and not filters.active:
                relaxed = any_words(query_obj)
                if relaxed is not None:
                    runs, total, picked = search(relaxed, parsed.raw)
                    outcome.relaxed = bool(total)
            outcome.total = total
            outcome.capped = any(run.capped for run in runs)
            outcome.ranked_among_candidates = outcome.capped and is_database(backend)
            outcome.facets = facet_counts(runs, sources, filters)
            outcome.results = build_results(picked, parsed, request, user)
    except Exception:
        logger.exception("Search backend failed for %r", outcome.query)
        outcome.degraded = True
        _fallback(outcome, user, parsed, filters, sources, request, per_page)
    outcome.num_pages = min(MAX_PAGES, math.ceil(outcome.total / per_page))
    if outcome.total == 0 and not outcome.degraded:
        outcome.did_you_mean = did_you_mean(speller, parsed)
    return outcome


def _fallback(outcome, user, parsed, filters, sources, request, per_page):
    """The backend is down: titles containing every word, still permission-filtered."""
    picked = []
    words = parsed.terms + parsed.phrases
    for source in sources:
        qs = filtered_queryset(source, user, filters)
        if qs is None or not words:
            continue
        title_field = "title" if hasattr(source.model, "title") else None
        if title_field is None:
            continue
        condition = Q()
        for word in words:
            condition &= Q(title__icontains=word)
        try:
            found = list(qs.filter(condition)[:per_page])
        except Exception:
            logger.exception("Fallback search failed for %s", source.key)
            continue
        picked.extend((source, obj, 0.0) for obj in found)
    picked = picked[:per_page]
    outcome.total = len(picked)
    outcome.results = [
        Result(
            source=s,
            obj=o,
            score=0.0,
            date=getattr(o, s.date_field, None),
            title=s.title(o),
            url=s.url(o, request),
        )
        for s, o, _ in picked
    ]
