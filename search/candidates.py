"""The rows of one source that a search ranks, counts and facets: at most
``limit + 1`` of them, newest first, all visible to the user.

Ranking and counting every match of a common word is what made search slow on a large
forum (PostgreSQL has to read and ``ts_rank`` tens of thousands of rows for page one).
So each source works on a bounded set of candidates instead; more than ``limit`` means
the page says "more than" (see docs/search.md, "Speed").

On PostgreSQL the candidates come from walking Wagtail's index entries newest first
(the entry's id, which an update keeps, so this is the order content was first indexed)
and keeping the ones the user may see, in batches. The walk stops as soon as it has
enough, so a word in half of all posts costs no more than a rare one; a rare word is
answered from our GIN index (search/migrations/0004). If the user may see so little of
what matches that the walk would be long, the database planner takes over with the
whole permission-filtered query. Other backends ask the backend for the same thing.
"""

import time

from modelsearch import index
from modelsearch.conf import get_app_config
from modelsearch.query import Phrase

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.db.models.expressions import RawSQL

# Most matching index entries one search walks for a source before handing over.
WALK_FACTOR = 20


def filter_pks(qs, pks):
    """The rows of ``qs`` whose primary key is in ``pks``. On PostgreSQL the keys go as
    one array parameter: Django builds a placeholder per key otherwise, and for a
    thousand keys that costs more than running the query."""
    pks = list(pks)
    if not pks:
        return qs.none()
    if connection.vendor == "postgresql":
        return qs.filter(pk__in=RawSQL("SELECT unnest(%s)", [pks]))
    return qs.filter(pk__in=pks)


def _planner_ids(source, qs, query_obj, sort, backend, limit) -> list:
    """The permission-filtered backend query, newest first, first ``limit + 1``."""
    order = (f"-{source.date_field}", "-pk") if sort == "newest" else ("-pk",)
    found = backend.search(query_obj, qs.order_by(*order), order_by_relevance=False)
    return list(found[: limit + 1].get_queryset().values_list("pk", flat=True))


def _search_field_names(fields):
    for field in fields:
        if isinstance(field, index.RelatedFields):
            yield from _search_field_names(field.fields)
        elif isinstance(field, index.SearchField):
            yield field.field_name


def _vectors(model) -> tuple:
    """The vector the backend matches (``title || body``) as cheaply as it can be had,
    and the title alone when the model has both (None otherwise). A model that indexes
    no "title" field has an empty title vector, one that indexes only "title" an empty
    body; matching the one column then finds exactly the same rows without joining two
    vectors on every row (2.5 times faster on a walk of forum posts)."""
    names = set(_search_field_names(model.get_search_fields()))
    if "title" not in names:
        return F("body"), None
    if names == {"title"}:
        return F("title"), None
    return F("title")._combine(F("body"), "||", False), F("title")


def _matching_entries(source, qs, query_obj, backend, vector):
    """Wagtail's index entries of this source's model whose ``vector`` matches the
    query, in the backend's own terms (its tsquery and text search configuration)."""
    IndexEntry = get_app_config().get_model("IndexEntry")
    compiler = backend.query_compiler_class(qs, query_obj)
    tsquery = compiler.build_tsquery(query_obj, config=compiler.get_config(backend))
    return (
        IndexEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(source.model)
        )
        .annotate(_vector_=vector)
        .filter(_vector_=tsquery)
        .order_by("-id")
    )


def _has_phrase(query_obj) -> bool:
    if isinstance(query_obj, Phrase):
        return True
    children = getattr(query_obj, "subqueries", None) or [
        getattr(query_obj, "subquery", None)
    ]
    return any(child is not None and _has_phrase(child) for child in children)


# For a phrase, each content type's "floor" (below), kept in this process for a while:
# any floor finds the same candidates, so one a few minutes old only makes the first
# batch look at a few more entries.
FLOOR_SECONDS = 600
_floors: dict = {}


def _phrase_floor(source, query_obj, window):
    """For a phrase, the id of this source's entry ``window`` from its newest (None
    for other queries, or when it has fewer entries): the first batch is looked for
    at or above it. PostgreSQL underestimates how many entries hold a phrase's words
    together, so for a common phrase it reads every one through the GIN index and
    checks each one's positions (20 ms for 1,800 forum posts of 30,000) where reading
    the newest entries in order stops after a few hundred (4 ms). Whatever the floor,
    the walk finds the same rows: it only bounds the first batch."""
    if not _has_phrase(query_obj):
        return None
    content_type = ContentType.objects.get_for_model(source.model)
    key = (content_type.pk, window)
    expires, floor = _floors.get(key, (0.0, None))
    if expires < time.monotonic():
        IndexEntry = get_app_config().get_model("IndexEntry")
        newest = IndexEntry.objects.filter(content_type=content_type).order_by("-id")
        ids = newest.values_list("id", flat=True)[window : window + 1]
        floor = next(iter(ids), None)
        _floors[key] = (time.monotonic() + FLOOR_SECONDS, floor)
    return floor


def _batch_checker(source, qs):
    """A function from a batch of matching entries (a queryset of their ids and
    object ids) to its rows as ``(entry id, primary key, visible)``, newest first: the
    batch and the visibility check of its keys in one statement. The visibility
    query's SQL is built once per walk."""
    pk = source.model._meta.pk
    cast = pk.cast_db_type(connection)
    visible = qs.order_by().filter(
        pk__in=RawSQL(f"SELECT object_id::{cast} FROM batch", ())
    )
    visible_sql, visible_params = visible.values_list("pk").query.sql_with_params()
    to_pk = pk.to_python

    def check(batch) -> list[tuple]:
        batch_sql, batch_params = batch.values_list(
            "id", "object_id"
        ).query.sql_with_params()
        sql = (
            f"WITH batch AS MATERIALIZED ({batch_sql}) "
            "SELECT batch.id, batch.object_id, visible.pk IS NOT NULL FROM batch "
            f"LEFT JOIN ({visible_sql}) AS visible (pk) "
            f"ON visible.pk = batch.object_id::{cast} ORDER BY batch.id DESC"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, (*batch_params, *visible_params))
            return [(i, to_pk(key), seen) for i, key, seen in cursor.fetchall()]

    return check


def _walk_ids(source, qs, query_obj, backend, limit, vector) -> list | None:
    """Walk the matching entries newest first, keeping what the user may see, until
    there are ``limit + 1``; None if that would take more than the walk budget.

    The first batch is the newest ``limit + 1`` matches (the planner walks the
    ``(content_type_id, id)`` index for a common word, or reads the GIN index for a
    rare one). Later batches are id ranges sized from the match density and visible
    share seen so far, so their cost is bounded whichever plan PostgreSQL picks (its
    estimates for phrases are often far off). Each batch comes with whether the user
    may see each of its rows (one query a batch)."""
    entries = _matching_entries(source, qs, query_obj, backend, vector)
    check = _batch_checker(source, qs)
    budget = WALK_FACTOR * limit
    floor = _phrase_floor(source, query_obj, budget)
    rows = check(
        (entries if floor is None else entries.filter(id__gte=floor))[: limit + 1]
    )
    if not rows and floor is not None:
        floor = None  # a rare phrase: the GIN indexes find it at once
        rows = check(entries[: limit + 1])
    if not rows:
        return []
    newest_id, cursor = rows[0][0], rows[-1][0]  # every entry from cursor up is seen
    exhausted = len(rows) <= limit and floor is None
    found: list = []
    matches = 0
    while True:
        matches += len(rows)
        found.extend(pk for _id, pk, visible in rows if visible)
        if len(found) > limit or exhausted:
            return found[: limit + 1]
        # Enough matches for what is missing at the visible share seen so far, over an
        # id range as long as the density of matches seen so far says they take.
        share = max(len(found) / matches, 1 / WALK_FACTOR)
        wanted = int((limit + 1 - len(found)) / share * 1.25) + 1
        if matches + wanted > budget:
            return None
        density = matches / (newest_id - cursor + 1)
        start = max(0, cursor - int(wanted / density) - 1)
        rows = check(entries.filter(id__lt=cursor, id__gte=start))
        if not rows and start:
            # Matches are sparse below here: the GIN index finds the rest at once.
            start = 0
            rows = check(entries.filter(id__lt=cursor))
        cursor, exhausted = start, start == 0


def candidate_ids(source, qs, query_obj, sort, backend, limit) -> tuple[list, bool]:
    """Primary keys of matching rows in ``qs``, and whether more than ``limit`` match.

    The candidates are the newest ``limit`` matches and, on PostgreSQL for a model with
    a title and a body, also the newest ``limit`` whose title matches: the backend
    ranks a title match far above a body match, so the best results of a common word
    are among the candidates even when they are older than the newest matches. Sorted
    newest first, a source dated by creation walks too (its newest entries are its
    newest rows); pages, whose date moves on republishing, take the backend query in
    date order."""
    newest = sort == "newest"
    if connection.vendor != "postgresql" or (newest and not source.dated_by_creation):
        found = _planner_ids(source, qs, query_obj, sort, backend, limit)
        return found[:limit], len(found) > limit
    vector, title = _vectors(source.model)
    found = _walk_ids(source, qs, query_obj, backend, limit, vector)
    if found is None:
        found = _planner_ids(source, qs, query_obj, sort, backend, limit)
    capped = len(found) > limit
    found = found[:limit]
    if capped and title is not None and not newest:
        titled = _walk_ids(source, qs, query_obj, backend, limit, title) or []
        seen = set(found)
        found += [pk for pk in titled[:limit] if pk not in seen]
    return found, capped


def matching_pks(source, qs, query_obj, backend, pks) -> list:
    """Those of ``pks`` whose index entry matches the query (PostgreSQL): rows found
    another way (an exact title) checked as the walk checks its candidates."""
    if not pks:
        return []
    vector, _title = _vectors(source.model)
    entries = _matching_entries(source, qs, query_obj, backend, vector)
    keys = {str(pk): pk for pk in pks}
    found = entries.filter(object_id__in=list(keys)).values_list("object_id", flat=True)
    return [keys[key] for key in found]


def ranked(matched, query_obj, backend):
    """Candidates that match (PostgreSQL: the walk's, or the backend query's) ranked
    by the backend's own score, best first, as ``_score``. The backend's query would
    check the match again on every row, which the candidates have passed already: for
    a phrase over 170 guidance pages that check was 3 ms of the ranking's 5."""
    compiler = backend.query_compiler_class(matched, query_obj)
    config = compiler.get_config(backend)
    tsquery = compiler.build_tsquery(query_obj, config=config)
    score = compiler._build_rank_expression(
        compiler.get_search_vectors(tsquery), config
    )
    return matched.annotate(_score=score).order_by("-_score", "-pk")
