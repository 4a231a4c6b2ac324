"""What search searches: the content sources the apps register (core.hooks, the
``CONTENT_SOURCES`` hook) with ``in_search`` set, each with its app's own visibility
function, so search applies exactly the rules the app's views do, inside the query
(counts and facets are computed from the same filtered querysets). Notifications read
the same registry, so a type is never searched by one rule and notified by another.

An app whose visibility function is renamed fails on importing its wagtail_hooks (and
``manage.py check`` at start-up), never drops out of search silently.
"""

from modelsearch.index import class_is_indexed

from core.hooks import ContentSource, content_sources

from .text import html_to_text, indexed_text

# The registry's descriptor, under the name search's modules use.
Source = ContentSource


def get_sources() -> list[Source]:
    """Every searched source, in display order (the apps' registration order)."""
    return [s for s in content_sources() if s.in_search and class_is_indexed(s.model)]


def get_source(key: str) -> Source | None:
    return next((s for s in get_sources() if s.key == key), None)


def snippet_text(source: Source, obj) -> str:
    """The row's text as a reader sees it, in plain text, for its snippet."""
    if source.snippet_html is not None:
        return html_to_text(source.snippet_html(obj))
    return indexed_text(obj)
