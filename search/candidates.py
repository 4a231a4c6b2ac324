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

from modelsearch import index
from modelsearch.conf import get_app_config

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


def _walk_ids(source, qs, query_obj, backend, limit, vector) -> list | None:
    """Walk the matching entries newest first, keeping what the user may see, until
    there are ``limit + 1``; None if that would take more than the walk budget.

    The first batch is the newest ``limit + 1`` matches (the planner walks the
    ``(content_type_id, id)`` index for a common word, or reads the GIN index for a
    rare one). Later batches are id ranges sized from the match density and visible
    share seen so far, so their cost is bounded whichever plan PostgreSQL picks (its
    estimates for phrases are often far off)."""
    entries = _matching_entries(source, qs, query_obj, backend, vector)
    to_pk = source.model._meta.pk.to_python
    visible_qs = qs.order_by()
    budget = WALK_FACTOR * limit
    rows = list(entries.values_list("id", "object_id")[: limit + 1])
    if not rows:
        return []
    newest_id, cursor = rows[0][0], rows[-1][0]  # every entry from cursor up is seen
    exhausted = len(rows) <= limit
    found: list = []
    matches = 0
    while True:
        matches += len(rows)
        pks = [to_pk(object_id) for _id, object_id in rows]
        visible = set(filter_pks(visible_qs, pks).values_list("pk", flat=True))
        found.extend(pk for pk in pks if pk in visible)
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
        rows = list(
            entries.filter(id__lt=cursor, id__gte=start).values_list("id", "object_id")
        )
        if not rows and start:
            # Matches are sparse below here: the GIN index finds the rest at once.
            start = 0
            rows = list(entries.filter(id__lt=cursor).values_list("id", "object_id"))
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
