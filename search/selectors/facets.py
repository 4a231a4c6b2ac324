"""The facets beside the results: counts by type, theme, force and date, of what the
user may see (counted from each source's run)."""

from django.db.models import Count

from .outcome import DATE_BUCKETS, FacetValue, Filters


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


def facet_counts(runs, all_sources, filters: Filters) -> dict[str, list[FacetValue]]:
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
