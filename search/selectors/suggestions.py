"""Autocomplete, and "before asking": what already answers a new thread's title."""

import logging

from modelsearch.backends import get_search_backend

from django.db import transaction

from .. import query as q
from ..sources import get_sources
from .backend import for_backend
from .outcome import Filters, Outcome
from .ranking import any_words, search_all
from .results import build_results
from .site import search_site

logger = logging.getLogger(__name__)


def autocomplete(user, prefix: str, *, limit: int = 8, request=None) -> list[dict]:
    """Titles starting with what was typed, from everything the user may see."""
    prefix = q.normalise(prefix)
    if len(prefix) < 2:
        return []
    backend = get_search_backend()
    found = []
    seen = set()
    for source in get_sources():
        if source.key == "post":
            continue
        qs = source.visible_to(user)
        try:
            with transaction.atomic():
                if source.autocomplete_via_backend:
                    rows = list(
                        backend.autocomplete(prefix, for_backend(source, qs, backend))[
                            :limit
                        ]
                    )
                else:
                    rows = list(
                        qs.filter(title__icontains=prefix).order_by(
                            f"-{source.date_field}"
                        )[:limit]
                    )
        except Exception:
            logger.exception("Autocomplete failed for %s", source.key)
            continue
        for obj in rows:
            title = source.title(obj)
            if title.lower() in seen:
                continue
            seen.add(title.lower())
            found.append(
                {"title": title, "url": source.url(obj, request), "type": source.label}
            )
    lowered = prefix.lower()
    found.sort(key=lambda r: (not r["title"].lower().startswith(lowered), r["title"]))
    return found[:limit]


def suggest_before_asking(user, title: str, *, limit: int = 5, request=None):
    """Guidance and threads matching a new thread's title, for the new-thread form."""
    filters = Filters(types=["guidance", "thread"])
    available = {s.key for s in get_sources()}
    filters.types = [t for t in filters.types if t in available]
    if not filters.types or len(q.normalise(title)) < 3:
        return Outcome(query=title)
    outcome = search_site(user, title, filters=filters, per_page=limit, request=request)
    if not outcome.results and not outcome.degraded:
        # A title is a sentence: any of its words will do, ranked.
        parsed = q.parse(title)
        query_obj = any_words(q.build(parsed))
        if query_obj is not None:
            backend = get_search_backend()
            with transaction.atomic():
                sources = [s for s in get_sources() if s.key in filters.types]
                runs, total, picked = search_all(
                    user, query_obj, filters, "relevance", 1, limit, backend, sources
                )
                outcome.total = total
                outcome.results = build_results(picked, parsed, request, user)
    return outcome
