"""Replay index writes the backend refused (PendingIndexUpdate rows)."""

import logging

from django_tasks import task
from modelsearch import index
from modelsearch.backends import get_search_backends

from django.db import transaction

from core.tasks import BACKGROUND

from .models import PendingIndexUpdate

logger = logging.getLogger("search.index")


def catch_up(*, limit: int = 1000) -> tuple[int, int]:
    """Returns (done, still failing)."""
    done = failed = 0
    backends = list(get_search_backends(with_auto_update=True))
    for pending in PendingIndexUpdate.objects.select_related("content_type")[:limit]:
        model = pending.content_type.model_class()
        obj = None
        if model is not None and pending.action == PendingIndexUpdate.INDEX:
            obj = model._default_manager.filter(pk=pending.object_id).first()
        try:
            for backend in backends:
                with transaction.atomic():
                    if obj is not None:
                        indexed = index.get_indexed_instance(obj)
                        if indexed is not None:
                            _raw(backend, "add", indexed)
                    elif model is not None:
                        stub = model(pk=pending.object_id)
                        _raw(backend, "delete", stub)
        except Exception as error:
            failed += 1
            PendingIndexUpdate.objects.filter(pk=pending.pk).update(
                attempts=pending.attempts + 1, last_error=str(error)[:2000]
            )
            logger.warning("Index catch-up still failing for %s: %s", pending, error)
            continue
        pending.delete()
        done += 1
    return done, failed


def _raw(backend, method: str, obj):
    """Call the backend's own add/delete, not our error-swallowing wrapper, so a
    failure here is seen and the row stays queued."""
    from .backends.resilience import ResilientIndexingMixin

    if isinstance(backend, ResilientIndexingMixin):
        return getattr(super(ResilientIndexingMixin, backend), method)(obj)
    return getattr(backend, method)(obj)


@task(backend=BACKGROUND)
def catch_up_task():
    return catch_up()
