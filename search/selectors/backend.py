"""Each source's visible queryset narrowed by the chosen facets, and made fit for the
backend: database backends search inside the queryset; an engine gets its ids."""

import logging
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from ..sources import Source
from .outcome import Filters

logger = logging.getLogger(__name__)


ENGINE_ID_LIMIT = 20_000


def vendor(backend) -> str:
    return getattr(backend, "vendor", "") or connection.vendor


def is_database(backend) -> bool:
    return vendor(backend) in ("postgresql", "sqlite", "mysql")


def date_cutoff(days):
    return timezone.now() - timedelta(days=days)


def filtered_queryset(source: Source, user, filters: Filters):
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
            qs = qs.filter(**{f"{source.date_field}__gte": date_cutoff(days)})
        elif filters.date == "older":
            qs = qs.filter(**{f"{source.date_field}__lt": date_cutoff(365)})
    return qs


def _engine_can_filter_by_id(model) -> bool:
    from modelsearch.index import FilterField

    return any(
        isinstance(field, FilterField) and field.field_name in ("id", "pk")
        for field in model.get_search_fields()
    )


def for_backend(source: Source, qs, backend):
    """Elasticsearch/OpenSearch can only filter on indexed FilterFields, so the
    visibility rules are resolved to ids in SQL and sent as a terms filter inside the
    engine query (bounded; see docs/search.md). Database backends take the queryset as
    it is."""
    if is_database(backend):
        return qs
    if not _engine_can_filter_by_id(source.model):
        logger.warning(
            "%s has no FilterField('id'): left out of engine search", source.model
        )
        return None
    ids = list(qs.order_by().values_list("pk", flat=True)[:ENGINE_ID_LIMIT])
    return source.model._default_manager.filter(pk__in=ids).order_by(*qs.query.order_by)
