"""Wagtail's database backend (PostgreSQL full-text / SQLite FTS5), made resilient.

The database backends apply a queryset's filters as plain SQL, so any visibility rule an
app's selector expresses works inside the search query. Wagtail still checks every
filter against the model's FilterFields (a rule written for Elasticsearch); we skip
that check here so the apps' own visibility selectors can be used unchanged.
"""

from modelsearch.backends.database import SearchBackend as _vendor_backend

from django.db import connection

from .resilience import ResilientIndexingMixin

_classes: dict[type, type] = {}


def _unchecked(compiler_class):
    return type(
        f"Unchecked{compiler_class.__name__}",
        (compiler_class,),
        {"check": lambda self: None},
    )


def SearchBackend(params):  # noqa: N802 (Wagtail looks this name up)
    backend = _vendor_backend(params)
    base = type(backend)
    cls = _classes.get(base)
    if cls is None:
        cls = type(
            f"Resilient{base.__name__}",
            (ResilientIndexingMixin, base),
            {
                "query_compiler_class": _unchecked(base.query_compiler_class),
                "autocomplete_query_compiler_class": _unchecked(
                    base.autocomplete_query_compiler_class
                ),
            },
        )
        _classes[base] = cls
    backend.__class__ = cls
    backend.vendor = connection.vendor
    return backend
