"""One search across every source a user may see.

Permissions are filters in the query: each source's queryset comes from its app's
visibility selector and the backend searches *within* it, so totals, facets and pages
only ever count what the user may see. Only the slice a page shows is fetched.
"""

import logging
import math
from dataclasses import dataclass, field
from datetime import timedelta

from modelsearch.backends import get_search_backend
from modelsearch.query import And, Or

from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from . import query as q
from . import vocabulary
from .candidates import candidate_ids, filter_pks
from .glossary import ACRONYMS, EXPANSIONS
from .highlight import highlight
from .sources import Source, get_sources, snippet_text

logger = logging.getLogger(__name__)

PER_PAGE = 20
MAX_PAGES = 50
# Each type counts and facets at most this many matches: on the database backends its
# newest (plus its newest title matches), which are also the ones it ranks; on an
# engine its best. Beyond that the page says "more than" and marks counts with "+".
CANDIDATES = 100
ENGINE_ID_LIMIT = 20_000
DATE_BUCKETS = [
    ("month", "Past month", 31),
    ("year", "Past year", 365),
    ("older", "Older than a year", None),
]
SORTS = {"relevance": "Relevance", "newest": "Newest"}
# Relative weight of each type when results of several types are merged by relevance.
TYPE_WEIGHTS = {
    "guidance": 1.5,
    "module": 1.3,
    "lesson": 1.0,
    "thread": 0.9,
    "post": 0.7,
}


@dataclass
class Filters:
    types: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    forces: list[str] = field(default_factory=list)
    date: str = ""

    @property
    def active(self) -> bool:
        return bool(self.types or self.themes or self.forces or self.date)


@dataclass
class Result:
    source: Source
    obj: object
    score: float
    date: object = None
    title: str = ""
    url: str = ""
    themes: list = field(default_factory=list)
    force: object = None
    snippet: str = ""
    # Under a forum thread: how many of its replies (not its opening post) match.
    matching_replies: int = 0

    @property
    def type_key(self):
        return self.source.key

    @property
    def type_label(self):
        return self.source.label


@dataclass
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool = False
    at_least: bool = False  # counted from capped candidates: at least this many


@dataclass
class Outcome:
    query: str
    parsed: q.ParsedQuery | None = None
    results: list[Result] = field(default_factory=list)
    total: int = 0
    page: int = 1
    num_pages: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    did_you_mean: str = ""
    degraded: bool = False
    relaxed: bool = False
    showing_for: str = ""  # the corrected query whose results are shown
    promotions: list = field(default_factory=list)
    sort: str = "relevance"
    capped: bool = False  # some type matched more than CANDIDATES: total is "more than"
    # The database ranks only the candidates of a capped type; an engine ranks all.
    ranked_among_candidates: bool = False


def _vendor(backend) -> str:
    return getattr(backend, "vendor", "") or connection.vendor


def _is_database(backend) -> bool:
    return _vendor(backend) in ("postgresql", "sqlite", "mysql")


def _date_cutoff(days):
    return timezone.now() - timedelta(days=days)


def _filtered_queryset(source: Source, user, filters: Filters):
    """The source's visible queryset narrowed by the chosen facets, or None when a
    facet excludes the whole source."""
    if filters.types and source.key not in filters.types:
        return None
    qs = source.visible_to(user)
    model = source.model
    if filters.themes:
        if not source.theme_path:
            return None
        qs = qs.filter(
            pk__in=model.objects.filter(
                **{f"{source.theme_path}__slug__in": filters.themes}
            ).values("pk")
        )
    if filters.forces:
        if not source.force_path:
            return None
        qs = qs.filter(**{f"{source.force_path}__slug__in": filters.forces})
    if filters.date:
        days = {"month": 31, "year": 365}.get(filters.date)
        if days:
            qs = qs.filter(**{f"{source.date_field}__gte": _date_cutoff(days)})
        elif filters.date == "older":
            qs = qs.filter(**{f"{source.date_field}__lt": _date_cutoff(365)})
    return qs


def _engine_can_filter_by_id(model) -> bool:
    from modelsearch.index import FilterField

    return any(
        isinstance(field, FilterField) and field.field_name in ("id", "pk")
        for field in model.get_search_fields()
    )


def _for_backend(source: Source, qs, backend):
    """Elasticsearch/OpenSearch can only filter on indexed FilterFields, so the
    visibility rules are resolved to ids in SQL and sent as a terms filter inside the
    engine query (bounded; see docs/search.md). Database backends take the queryset as
    it is."""
    if _is_database(backend):
        return qs
    if not _engine_can_filter_by_id(source.model):
        logger.warning(
            "%s has no FilterField('id'): left out of engine search", source.model
        )
        return None
    ids = list(qs.order_by().values_list("pk", flat=True)[:ENGINE_ID_LIMIT])
    return source.model._default_manager.filter(pk__in=ids).order_by(*qs.query.order_by)


@dataclass
class _SourceRun:
    source: Source
    results: object
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


def _run_source(source, qs, query_obj, sort, backend, title_words=()) -> _SourceRun:
    if sort == "newest":
        qs = qs.order_by(f"-{source.date_field}", "-pk")
    qs = _for_backend(source, qs, backend)
    if qs is None:
        return None
    capped = False
    ranked = []
    if _is_database(backend):
        # Rank, count and facet the candidates only: a plain primary-key filter.
        ids, capped = candidate_ids(source, qs, query_obj, sort, backend, CANDIDATES)
        if capped and sort != "newest":
            seen = set(ids)
            ids += [
                p for p in _exact_title_pks(source, qs, title_words) if p not in seen
            ]
        matched = filter_pks(source.model._default_manager.all(), ids)
        if sort == "newest":
            results = matched.order_by(f"-{source.date_field}", "-pk")
        else:
            results = backend.search(query_obj, matched).annotate_score("_score")
    else:
        results = backend.search(
            query_obj, qs, order_by_relevance=(sort != "newest")
        ).annotate_score("_score")
        ranked = list(results[: CANDIDATES + 1])
        capped = len(ranked) > CANDIDATES
        ranked = ranked[:CANDIDATES]
        if capped and sort != "newest":
            seen = {obj.pk for obj in ranked}
            extra = [
                p for p in _exact_title_pks(source, qs, title_words) if p not in seen
            ]
            ranked += list(source.model._default_manager.filter(pk__in=extra))
        matched = source.model._default_manager.filter(
            pk__in=[obj.pk for obj in ranked]
        )
    month, year = _date_cutoff(31), _date_cutoff(365)
    date = source.date_field
    buckets = {
        "total": Count("pk"),
        "month": Count("pk", filter=Q(**{f"{date}__gte": month})),
        "year": Count("pk", filter=Q(**{f"{date}__gte": year})),
    }
    run = _SourceRun(
        source=source, results=results, matched=matched, capped=capped, ranked=ranked
    )
    if source.single_valued_facets:
        # One pass: every matching row falls in exactly one (theme, force) group.
        group = [
            f"{path}__{attr}"
            for path in (source.theme_path, source.force_path)
            if path
            for attr in ("slug", "name")
        ]
        counts = {"total": 0, "month": 0, "year": 0}
        for row in matched.values(*group).annotate(**buckets).order_by():
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
        counts = matched.aggregate(**buckets)
    run.total = counts["total"]
    run.date_counts = {
        "month": counts["month"],
        "year": counts["year"],
        "older": counts["total"] - counts["year"],
    }
    return run


def _group_counts(runs, path_attr) -> dict[str, tuple[str, int]]:
    totals: dict[str, list] = {}
    for run in runs:
        path = getattr(run.source, path_attr)
        if not path or not run.total:
            continue
        if run.grouped:
            done = run.theme_counts if path_attr == "theme_path" else run.force_counts
            for slug, (name, n) in done.items():
                entry = totals.setdefault(slug, [name, 0])
                entry[1] += n
            continue
        rows = (
            run.matched.values(f"{path}__slug", f"{path}__name")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        for row in rows:
            slug = row[f"{path}__slug"]
            if slug is None:
                continue
            entry = totals.setdefault(slug, [row[f"{path}__name"], 0])
            entry[1] += row["n"]
    return {slug: (name, n) for slug, (name, n) in totals.items()}


def _facets(runs, all_sources, filters: Filters) -> dict[str, list[FacetValue]]:
    by_key = {run.source.key: run for run in runs}

    def capped(path_attr=None):
        return any(
            run.capped and (path_attr is None or getattr(run.source, path_attr))
            for run in runs
        )

    facets = {
        "type": [
            FacetValue(
                s.key,
                s.label,
                by_key[s.key].total if s.key in by_key else 0,
                s.key in filters.types,
                at_least=s.key in by_key and by_key[s.key].capped,
            )
            for s in all_sources
        ]
    }
    for name, path_attr, chosen in (
        ("theme", "theme_path", filters.themes),
        ("force", "force_path", filters.forces),
    ):
        counts = _group_counts(runs, path_attr)
        facets[name] = [
            FacetValue(slug, label, n, slug in chosen, at_least=capped(path_attr))
            for slug, (label, n) in sorted(counts.items(), key=lambda kv: kv[1][0])
        ]
    facets["date"] = [
        FacetValue(
            key,
            label,
            sum(run.date_counts.get(key, 0) for run in runs),
            filters.date == key,
            at_least=capped(),
        )
        for key, label, _days in DATE_BUCKETS
    ]
    return facets


def _follow(obj, path: str | None) -> list:
    """The objects at the end of a lookup path (a foreign key chain or a many-to-many
    relation), as a list."""
    if not path:
        return []
    value = obj
    for part in path.split("__"):
        if value is None:
            return []
        value = getattr(value, part, None)
    if value is None:
        return []
    if hasattr(value, "all"):
        return list(value.all())
    return [value]


def _load(source: Source, pks, user) -> dict:
    """The rows a page shows, with what their results need: one query per source (and
    its prefetches) whatever the page. Loaded through the visibility queryset again, so
    a row hidden since it was ranked is never shown."""
    rows = source.visible_to(user).filter(pk__in=list(pks))
    if source.select_related:
        rows = rows.select_related(*source.select_related)
    if source.prefetch_related:
        rows = rows.prefetch_related(*source.prefetch_related)
    if source.annotations:
        rows = rows.annotate(**source.annotations(user))
    return {obj.pk: obj for obj in rows}


@dataclass
class _Hit:
    """One matching row, with what ranking needs: its weighted score, date, title
    and, for a child source, its parent's key."""

    source: Source
    pk: object
    score: float
    date: object
    parent_pk: object = None
    title: str = ""


@dataclass
class _Group:
    """One result: a row and the matching rows of child sources listed under it (a
    forum thread and its matching replies), ranked once by its best hit."""

    source: Source
    pk: object
    hits: list = field(default_factory=list)
    score: float = float("-inf")
    date: object = None
    exact_title: bool = False

    def add(self, hit: _Hit, title_words: tuple) -> None:
        self.hits.append(hit)
        self.score = max(self.score, hit.score)
        if hit.date is not None and (self.date is None or hit.date > self.date):
            self.date = hit.date
        if hit.source is self.source and title_words:
            self.exact_title = q.words(hit.title) == title_words

    def best_child(self) -> _Hit | None:
        children = [hit for hit in self.hits if hit.source is not self.source]
        return max(children, key=lambda hit: hit.score) if children else None


def _load_for(groups, user) -> dict:
    """The rows the page shows (each group's own row, and its best child's for the
    snippet): one query per source whatever the page."""
    pks_by_source: dict[Source, set] = {}
    for group in groups:
        pks_by_source.setdefault(group.source, set()).add(group.pk)
        child = group.best_child()
        if child is not None:
            pks_by_source.setdefault(child.source, set()).add(child.pk)
    return {source: _load(source, pks, user) for source, pks in pks_by_source.items()}


def _build_results(groups, parsed, request, user) -> list[Result]:
    loaded = _load_for(groups, user)
    terms = parsed.highlight_terms() if parsed else []
    results = []
    for group in groups:
        source = group.source
        obj = loaded[source].get(group.pk)
        if obj is None:  # deleted or hidden since it was ranked
            continue
        url = source.url(obj, request)
        text = snippet_text(source, obj)
        lead_child = source.lead_child(obj) if source.lead_child else None
        child_hit = group.best_child()
        child = loaded[child_hit.source].get(child_hit.pk) if child_hit else None
        if child is not None:
            # The best-matching post's words, and a link to it when it is a reply
            # that matched better than the thread itself.
            text = snippet_text(child_hit.source, child)
            if child_hit.pk != lead_child and child_hit.score >= max(
                (h.score for h in group.hits if h.source is source), default=0.0
            ):
                url = child_hit.source.url(child, request)
        themes = _follow(obj, source.theme_path)
        forces = _follow(obj, source.force_path)
        results.append(
            Result(
                source=source,
                obj=obj,
                score=group.score,
                date=getattr(obj, source.date_field, None),
                title=source.title(obj),
                url=url,
                themes=themes,
                force=forces[0] if forces else None,
                snippet=highlight(text, terms),
                matching_replies=len(
                    {
                        hit.pk
                        for hit in group.hits
                        if hit.source is not source and hit.pk != lead_child
                    }
                ),
            )
        )
    return results


def _top(run, sort, backend) -> list[_Hit]:
    """A source's ranked candidates (at most a few hundred): keys and sort values
    only, so no row is built that the page will not show. The database ranks every
    candidate whatever the page, so taking them all costs no more than a page."""
    source = run.source
    date = source.date_field
    extra = [f for f in (source.parent and source.parent[1], source.title_field) if f]
    if not _is_database(backend):
        rows = [
            (
                obj.pk,
                float(getattr(obj, "_score", 0) or 0),
                getattr(obj, date, None),
                *(getattr(obj, name, None) for name in extra),
            )
            for obj in run.ranked
        ]
    elif sort == "newest":
        rows = [
            (pk, 0.0, when, *rest)
            for pk, when, *rest in run.results.values_list("pk", date, *extra)
        ]
    else:
        ranked = run.results[: 3 * CANDIDATES].get_queryset()
        rows = ranked.values_list("pk", "_score", date, *extra)
    # SQLite FTS5's bm25() is lower-is-better; every other backend higher-is-better.
    weight = TYPE_WEIGHTS.get(source.key, 1.0)
    weight *= -1.0 if _vendor(backend) == "sqlite" else 1.0
    hits = []
    for pk, score, when, *rest in rows:
        values = dict(zip(extra, rest, strict=True))
        hits.append(
            _Hit(
                source=source,
                pk=pk,
                score=float(score or 0) * weight,
                date=when,
                parent_pk=values.get(source.parent[1]) if source.parent else None,
                title=values.get(source.title_field) or "",
            )
        )
    return hits


def _grouping(sources) -> set[str]:
    """Keys of the sources whose results are grouped: parents, and children whose
    parent is searched too (forum threads and replies)."""
    keys = {source.key for source in sources}
    children = {s.key for s in sources if s.parent and s.parent[0] in keys}
    return children | {s.parent[0] for s in sources if s.key in children}


def _grouped(runs, sources, sort, backend, title_words) -> list[_Group]:
    """Every run's best hits as results: a child source's hits under their parent's
    result (one forum thread, however many of its posts match), ranked."""
    by_key = {source.key: source for source in sources}
    grouping = _grouping(sources)
    groups: dict[tuple, _Group] = {}
    for run in runs:
        source = run.source
        if not run.total:
            continue
        # A thread's rank and the number of threads depend on all of its matches,
        # and an exact title may be any candidate: every candidate is taken.
        for hit in _top(run, sort, backend):
            if source.key in grouping and source.parent:
                key = (source.parent[0], hit.parent_pk)
            else:
                key = (source.key, hit.pk)
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(source=by_key[key[0]], pk=key[1])
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


def _search_all(
    user, query_obj, filters, sort, page, per_page, backend, sources, title_words=()
):
    runs = []
    for source in sources:
        qs = _filtered_queryset(source, user, filters)
        if qs is None:
            continue
        run = _run_source(source, qs, query_obj, sort, backend, title_words)
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


def _relaxed(query_obj):
    """All words required found nothing: accept any of them (ranked by how many)."""
    if isinstance(query_obj, And):
        return Or(query_obj.subqueries)
    return None


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
        return _search_all(
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
    speller = _Speller(
        user, backend, sources, absent=() if filters.active else one_word
    )
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
                relaxed = _relaxed(query_obj)
                if relaxed is not None:
                    runs, total, picked = search(relaxed, parsed.raw)
                    outcome.relaxed = bool(total)
            outcome.total = total
            outcome.capped = any(run.capped for run in runs)
            outcome.ranked_among_candidates = outcome.capped and _is_database(backend)
            outcome.facets = _facets(runs, sources, filters)
            outcome.results = _build_results(picked, parsed, request, user)
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
        qs = _filtered_queryset(source, user, filters)
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


# --- Did you mean -------------------------------------------------------------------


def _any_match(backend, query_obj, qs) -> bool:
    """Whether anything matches: the first row in key order, not a count of them all."""
    found = backend.search(query_obj, qs.order_by("-pk"), order_by_relevance=False)
    return bool(list(found[:1]))


def _glossary_words() -> set[str]:
    words = set(ACRONYMS)
    for expansion in EXPANSIONS:
        words.update(expansion.split())
    return words


class _Speller:
    """Spelling corrections for one search, each word worked out once however many
    times the search asks."""

    def __init__(self, user, backend, sources, *, absent=()):
        self.user, self.backend, self.sources = user, backend, sources
        self.glossary = _glossary_words()
        # Words already known to find nothing the user may see (the search just ran).
        self.found = dict.fromkeys(absent, False)
        self.corrected = {}

    def finds_something(self, word) -> bool:
        """Whether ``word`` alone finds anything the user may see."""
        if word not in self.found:
            query_obj = q.build(q.parse(word))
            self.found[word] = any(
                qs is not None and _any_match(self.backend, query_obj, qs)
                for qs in (
                    _for_backend(source, source.visible_to(self.user), self.backend)
                    for source in self.sources
                )
            )
        return self.found[word]

    def correct(self, term) -> str:
        """``term`` itself when it is in the glossary or in anything the user may see
        (a real word or a name is never changed), otherwise the nearest word that
        finds something the user may see, if any."""
        if term not in self.corrected:
            self.corrected[term] = self._correct(term)
        return self.corrected[term]

    def _correct(self, term) -> str:
        if term in self.glossary or len(term) < vocabulary.MIN_LENGTH:
            return term
        if self.finds_something(term):
            return term
        for word in vocabulary.corrections(term, self.glossary)[:3]:
            if word in self.glossary or self.finds_something(word):
                return word
        return term


def did_you_mean(speller, parsed: q.ParsedQuery, *, require_all: bool = False) -> str:
    """Another spelling of a misspelt query, offered only when it finds something
    (with ``require_all``, something with every word). Each corrected word finds
    something the user may see on its own, so nothing they may not see is ever
    suggested."""
    if not parsed or not parsed.terms:
        return ""
    try:
        with transaction.atomic():
            corrected = [speller.correct(term) for term in parsed.terms]
            if corrected == parsed.terms:
                return ""
            suggestion = " ".join(
                corrected + [f'"{phrase}"' for phrase in parsed.phrases]
            )
            query_obj = q.build(q.parse(suggestion))
            relaxed = None if require_all else _relaxed(query_obj)
            backend = speller.backend
            for source in speller.sources:
                qs = _for_backend(source, source.visible_to(speller.user), backend)
                if qs is None:
                    continue
                if _any_match(backend, query_obj, qs):
                    return suggestion
                if relaxed is not None and _any_match(backend, relaxed, qs):
                    return suggestion
    except Exception:
        logger.exception("Did-you-mean failed for %r", parsed.raw)
    return ""


# --- Autocomplete and "before asking" ----------------------------------------------


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
                        backend.autocomplete(prefix, _for_backend(source, qs, backend))[
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
        query_obj = _relaxed(q.build(parsed))
        if query_obj is not None:
            backend = get_search_backend()
            with transaction.atomic():
                sources = [s for s in get_sources() if s.key in filters.types]
                runs, total, picked = _search_all(
                    user, query_obj, filters, "relevance", 1, limit, backend, sources
                )
                outcome.total = total
                outcome.results = _build_results(picked, parsed, request, user)
    return outcome


# --- Promoted results ---------------------------------------------------------------


def promotions_for(user, query: str, *, request=None) -> list[dict]:
    """Editors' picks (wagtail.contrib.search_promotions) for this query that the user
    may see. Reads only: Query.get() would create a row, so it is not used here."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    normalised = " ".join(query.lower().split())
    if not normalised:
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
