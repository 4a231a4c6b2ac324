"""Query statistics without a database write per search.

Each search increments a counter in the cache (Redis in production, shared by every
worker); `manage.py search_flush_stats` (run it every few minutes from cron or the task
worker) moves the counts into QueryStat in one batch.
"""

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

KEYS = "site-search:stat-keys"
PREFIX = "site-search:stat:"
SINCE_FLUSH = "site-search:since-flush"
TIMEOUT = 60 * 60 * 24 * 3


def _key(day: str, query: str, zero: bool) -> str:
    digest = hashlib.sha1(query.encode(), usedforsecurity=False).hexdigest()
    return f"{PREFIX}{day}:{int(zero)}:{digest}"


FLUSH_EVERY = 200  # searches; a batch write, never one per search


def record_search(query: str, *, zero_results: bool) -> None:
    query = " ".join(query.lower().split())[:200]
    if not query:
        return
    day = timezone.localdate().isoformat()
    key = _key(day, query, zero_results)
    if cache.add(key, 1, TIMEOUT):
        known = cache.get(KEYS) or {}
        known[key] = (day, query, zero_results)
        cache.set(KEYS, known, TIMEOUT)
    else:
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, TIMEOUT)
    # Every FLUSH_EVERY searches one request moves the batch (so the report fills even
    # where nobody schedules search_flush_stats, e.g. with the local-memory cache).
    cache.add(SINCE_FLUSH, 0, TIMEOUT)
    try:
        if cache.incr(SINCE_FLUSH) % FLUSH_EVERY == 0:
            flush_stats()
    except ValueError:
        pass


def flush_stats() -> int:
    """Move the cached counters into QueryStat; returns how many searches moved."""
    from .models import QueryStat

    known = cache.get(KEYS) or {}
    if not known:
        return 0
    counts = cache.get_many(list(known))
    moved = 0
    with transaction.atomic():
        for key, (day, query, zero) in known.items():
            n = counts.get(key) or 0
            if not n:
                continue
            stat, _ = QueryStat.objects.get_or_create(query_string=query, date=day)
            QueryStat.objects.filter(pk=stat.pk).update(
                hits=F("hits") + n,
                zero_result_hits=F("zero_result_hits") + (n if zero else 0),
            )
            moved += n
    # Subtract what was moved so searches counted meanwhile are kept for next time.
    for key in known:
        n = counts.get(key) or 0
        if n:
            try:
                remaining = cache.decr(key, n)
            except ValueError:
                remaining = 0
            if remaining <= 0:
                cache.delete(key)
    current = cache.get(KEYS) or {}
    cache.set(KEYS, {k: v for k, v in current.items() if cache.get(k)}, TIMEOUT)
    return moved


def report(*, days: int = 30, limit: int = 50):
    """The most frequent queries and the most frequent queries with no results."""
    from .models import QueryStat

    since = timezone.localdate() - timezone.timedelta(days=days)
    rows = QueryStat.objects.filter(date__gte=since).values("query_string")
    frequent = rows.annotate(total=Sum("hits"), zero=Sum("zero_result_hits")).order_by(
        "-total", "query_string"
    )[:limit]
    zero = (
        rows.annotate(zero=Sum("zero_result_hits"), total=Sum("hits"))
        .filter(zero__gt=0)
        .order_by("-zero", "query_string")[:limit]
    )
    return list(frequent), list(zero)
