import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

logger = logging.getLogger("search.index")


def queue_pending(obj, action: str, error: Exception | str) -> None:
    """Remember an index write that failed so search_catch_up can replay it."""
    from search.models import PendingIndexUpdate

    try:
        with transaction.atomic():
            PendingIndexUpdate.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(
                    obj, for_concrete_model=False
                ),
                object_id=str(obj.pk),
                defaults={"action": action, "last_error": str(error)[:2000]},
            )
    except Exception:  # the database is down too: nothing more we can do here
        logger.exception("Could not queue the index update for %r", obj)


class ResilientIndexingMixin:
    """Index writes never break the content write: failures are logged and queued."""

    catch_indexing_errors = True

    def add(self, obj):
        try:
            with transaction.atomic():
                super().add(obj)
        except Exception as error:
            logger.exception("Search index update failed for %r; queued", obj)
            queue_pending(obj, "index", error)
            return
        from search.vocabulary import record

        record([obj])

    def delete(self, obj):
        try:
            with transaction.atomic():
                super().delete(obj)
        except Exception as error:
            logger.exception("Search index delete failed for %r; queued", obj)
            queue_pending(obj, "delete", error)
