"""Running each source: its candidates, ranked, counted by type, theme, force and date
(search.candidates), and its hits grouped into results (a forum thread and its
matching replies are one result)."""

from dataclasses import dataclass, field

from modelsearch.query import And, Or

from django.db.models import Count, Q
from django.utils import timezone

from .. import query as q
from ..candidates import candidate_ids, filter_pks, matching_pks, ranked
from ..sources import Source
from .backend import date_cutoff, filtered_queryset, for_backend, is_database, vendor

# Each type counts and facets at most this many matches: on the database backends its
# newest (plus its newest title matches), which are also the ones it ranks; on an
# engine its best. Beyond that the page says "more than" and marks counts with "+".
CANDIDATES = 100
# Relative weight of each type when results of several types are merged by relevance.
TYPE_WEIGHTS = {
    "guidance": 1.5,
    "module": 1.3,
    "lesson": 1.0,
    "thread": 0.9,
    "post": 0.7,
}


@dataclass
class _SourceRun:
    source: Source
    matched: object
    total: int = 0
    # More than CANDIDATES matched: the total and the facet counts are "at least".
    capped: bool = False
    date_counts: dict = field(default_factory=dict)
    grouped: bool = False
    theme_counts: dict = field(default_factory=dict)
    force_counts: dict = field(default_factory=dict)
    # On an engine: the ranked rows fetched (with ``_score``), best first.
    ranked: list = field(default_factory=list)
    # On a database: every candidate's key, score and sort and facet values.
    rows: list = field(default_factory=list)


def _exact_title_pks(source, qs, title_words) -> list:
    """Rows of ``qs`` whose whole title is the query's words (any case, any
    punctuation around them). Looked up when a source has more matches than it has
    candidates, so the page whose title was typed is never left out of them."""
    if not (title_words and source.title_field):
        return []
    # Words are letters and digits only (query.words), so nothing needs escaping.
    pattern = r"^\W*" + r"\W+".join(title_words) + r"\W*$"
    exact = qs.filter(**{f"{source.title_field}__iregex": pattern}).order_by()
    return list(exact.values_list("pk", flat=True)[:CANDIDATES])


def _facet_fields(source) -> list[str]:
    """The theme and force of a row whose facets are single-valued, as lookups."""
    if not source.single_valued_facets:
        return []
    return [
        f"{path}__{attr}"
        for path in (source.theme_path, source.force_path)
        if path
        for attr in ("slug", "name")
    ]


def _ranked_rows(source, matched, query_obj, sort, backend) -> list[dict]:
    """Every candidate, ranked (or newest first), with what ranking, counting and
    faceting need: key, score, date, parent, title and, where single-valued, theme
    and force. One query: the database ranks every candidate whatever the page, so
    taking them all costs no more than a page, and counts need no query of their
    own."""
    fields = [source.date_field]
    fields += [f for f in (source.parent and source.parent[1], source.title_field) if f]
    fields += _facet_fields(source)
    if sort == "newest":
        return list(
            matched.order_by(f"-{source.date_field}", "-pk").values("pk", *fields)
        )
    if vendor(backend) == "postgresql":
        rows = ranked(matched, query_obj, backend)
    else:
        results = backend.search(query_obj, matched).annotate_score("_score")
        rows = results[: 3 * CANDIDATES].get_queryset()
    return list(rows.values("pk", "_score", *fields))


def _count_rows(run, rows) -> None:
    """The run's total and its date, theme and force counts, from its rows."""
    source = run.source
    month, year = date_cutoff(31), date_cutoff(365)
    dates = [row[source.date_field] for row in rows]
    run.total = len(rows)
    in_year = sum(1 for d in dates if d is not None and d >= year)
    run.date_counts = {
        "month": sum(1 for d in dates if d is not None and d >= month),
        "year": in_year,
        "older": run.total - in_year,
    }
    if not source.single_valued_facets:
        return
    for path, target in (
        (source.theme_path, run.theme_counts),
        (source.force_path, run.force_counts),
    ):
        if not path:
            continue
        for row in rows:
            slug = row[f"{path}__slug"]
            if slug is not None:
                name, n = target.get(slug, (row[f"{path}__name"], 0))
                target[slug] = (name, n + 1)
    run.grouped = True


def _count_queryset(run) -> None:
    """The run's total and its date, theme and force counts, counted by the database
    (an engine's ranked rows)."""
    source = run.source
    month, year = date_cutoff(31), date_cutoff(365)
    date = source.date_field
    buckets = {
        "total": Count("pk"),
        "month": Count("pk", filter=Q(**{f"{date}__gte": month})),
        "year": Count("pk", filter=Q(**{f"{date}__gte": year})),
    }
    if source.single_valued_facets:
        # One pass: every matching row falls in exactly one (theme, force) group.
        counts = {"total": 0, "month": 0, "year": 0}
        for row in (
            run.matched.values(*_facet_fields(source)).annotate(**buckets).order_by()
        ):
            for key in counts:
                counts[key] += row[key]
            for path, target in (
                (source.theme_path, run.theme_counts),
                (source.force_path, run.force_counts),
            ):
                if path and row[f"{path}__slug"] is not None:
                    name, n = target.get(
                        row[f"{path}__slug"], (row[f"{path}__name"], 0)
                    )
                    target[row[f"{path}__slug"]] = (name, n + row["total"])
        run.grouped = True
    else:
        counts = run.matched.aggregate(**buckets)
    run.total = counts["total"]
    run.date_counts = {
        "month": counts["month"],
        "year": counts["year"],
        "older": counts["total"] - counts["year"],
    }


def run_source(source, qs, query_obj, sort, backend, title_words=()) -> _SourceRun:
    if sort == "newest":
        qs = qs.order_by(f"-{source.date_field}", "-pk")
    qs = for_backend(source, qs, backend)
    if qs is None:
        return None
    if is_database(backend):
        # Rank, count and facet the candidates only: a plain primary-key filter.
        ids, capped = candidate_ids(source, qs, query_obj, sort, backend, CANDIDATES)
        if capped and sort != "newest":
            seen = set(ids)
            extra = [
                p for p in _exact_title_pks(source, qs, title_words) if p not in seen
            ]
            if vendor(backend) == "postgresql":
                # Ranked without checking the match again (candidates.ranked).
                extra = matching_pks(source, qs, query_obj, backend, extra)
            ids += extra
        matched = filter_pks(source.model._default_manager.all(), ids)
        run = _SourceRun(source=source, matched=matched, capped=capped)
        run.rows = (
            _ranked_rows(source, matched, query_obj, sort, backend) if ids else []
        )
        _count_rows(run, run.rows)
        return run
    results = backend.search(
        query_obj, qs, order_by_relevance=(sort != "newest")
    ).annotate_score("_score")
    ranked = list(results[: CANDIDATES + 1])
    capped = len(ranked) > CANDIDATES
    ranked = ranked[:CANDIDATES]
    if capped and sort != "newest":
        seen = {obj.pk for obj in ranked}
        extra = [p for p in _exact_title_pks(source, qs, title_words) if p not in seen]
        ranked += list(source.model._default_manager.filter(pk__in=extra))
    matched = source.model._default_manager.filter(pk__in=[obj.pk for obj in ranked])
    run = _SourceRun(source=source, matched=matched, capped=capped, ranked=ranked)
    _count_queryset(run)
    return run


@dataclass
class Hit:
    """One matching row, with what ranking needs: its weighted score, date, title
    and, for a child source, its parent's key."""

    source: Source
    pk: object
    score: float
    date: object
    parent_pk: object = None
    title: str = ""


@dataclass
class Group:
    """One result: a row and the matching rows of child sources listed under it (a
    forum thread and its matching replies), ranked once by its best hit."""

    source: Source
    pk: object
    hits: list = field(default_factory=list)
    score: float = float("-inf")
    date: object = None
    exact_title: bool = False

    def add(self, hit: Hit, title_words: tuple) -> None:
        self.hits.append(hit)
        self.score = max(self.score, hit.score)
        if hit.date is not None and (self.date is None or hit.date > self.date):
            self.date = hit.date
        if hit.source is self.source and title_words:
            self.exact_title = q.words(hit.title) == title_words

    def best_child(self) -> Hit | None:
        children = [hit for hit in self.hits if hit.source is not self.source]
        return max(children, key=lambda hit: hit.score) if children else None


def _top(run, backend) -> list[Hit]:
    """A source's ranked candidates (at most a few hundred) as hits: keys and sort
    values only, so no row is built that the page will not show."""
    source = run.source
    date = source.date_field
    parent = source.parent[1] if source.parent else None
    if is_database(backend):
        rows = run.rows
    else:
        names = [f for f in (parent, source.title_field) if f]
        rows = [
            {
                "pk": obj.pk,
                "_score": getattr(obj, "_score", 0),
                date: getattr(obj, date, None),
                **{name: getattr(obj, name, None) for name in names},
            }
            for obj in run.ranked
        ]
    # SQLite FTS5's bm25() is lower-is-better; every other backend higher-is-better.
    weight = TYPE_WEIGHTS.get(source.key, 1.0)
    weight *= -1.0 if vendor(backend) == "sqlite" else 1.0
    return [
        Hit(
            source=source,
            pk=row["pk"],
            score=float(row.get("_score") or 0) * weight,
            date=row[date],
            parent_pk=row[parent] if parent else None,
            title=(row[source.title_field] if source.title_field else "") or "",
        )
        for row in rows
    ]


def _grouping(sources) -> set[str]:
    """Keys of the sources whose results are grouped: parents, and children whose
    parent is searched too (forum threads and replies)."""
    keys = {source.key for source in sources}
    children = {s.key for s in sources if s.parent and s.parent[0] in keys}
    return children | {s.parent[0] for s in sources if s.key in children}


def _grouped(runs, sources, sort, backend, title_words) -> list[Group]:
    """Every run's best hits as results: a child source's hits under their parent's
    result (one forum thread, however many of its posts match), ranked."""
    by_key = {source.key: source for source in sources}
    grouping = _grouping(sources)
    groups: dict[tuple, Group] = {}
    for run in runs:
        source = run.source
        if not run.total:
            continue
        # A thread's rank and the number of threads depend on all of its matches,
        # and an exact title may be any candidate: every candidate is taken.
        for hit in _top(run, backend):
            if source.key in grouping and source.parent:
                key = (source.parent[0], hit.parent_pk)
            else:
                key = (source.key, hit.pk)
            group = groups.get(key)
            if group is None:
                group = groups[key] = Group(source=by_key[key[0]], pk=key[1])
            group.add(hit, title_words)
    if sort == "newest":
        epoch = timezone.now().replace(year=1970)
        return sorted(groups.values(), key=lambda g: g.date or epoch, reverse=True)

    def rank(group):
        # A query that is a result's whole title puts it first (guidance before
        # other types with the same title), then relevance.
        exact = TYPE_WEIGHTS.get(group.source.key, 1.0) if group.exact_title else 0
        return (exact, group.score)

    return sorted(groups.values(), key=rank, reverse=True)


def search_all(
    user, query_obj, filters, sort, page, per_page, backend, sources, title_words=()
):
    runs = []
    for source in sources:
        qs = filtered_queryset(source, user, filters)
        if qs is None:
            continue
        run = run_source(source, qs, query_obj, sort, backend, title_words)
        if run is not None:
            runs.append(run)
    need = page * per_page
    groups = _grouped(runs, sources, sort, backend, title_words)
    # Every match of an ungrouped source is a result; of the grouped ones, every
    # thread (all their candidates were taken, so all their groups are here).
    grouping = _grouping(sources)
    total = sum(run.total for run in runs if run.source.key not in grouping)
    total += sum(1 for group in groups if group.source.key in grouping)
    picked = groups[(page - 1) * per_page : need]
    return runs, total, picked


def any_words(query_obj):
    """All words required found nothing: accept any of them (ranked by how many)."""
    if isinstance(query_obj, And):
        return Or(query_obj.subqueries)
    return None
