"""The rows a result page shows, loaded again through the visibility queryset, with
their snippets: the text a reader sees, the query's words highlighted
(search.highlight)."""

from ..highlight import highlight
from ..sources import Source, snippet_text
from .outcome import Result


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


def build_results(groups, parsed, request, user) -> list[Result]:
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
