"""Wagtail's elasticsearch9 backend with our analysis settings (client `elasticsearch`
9.x, whose built-in elasticsearch.dsl replaces the deprecated elasticsearch-dsl)."""

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

from .analysis import EnglishGlossaryIndexMixin
from .resilience import ResilientIndexingMixin


class SearchBackend(
    ResilientIndexingMixin, EnglishGlossaryIndexMixin, Elasticsearch9SearchBackend
):
    vendor = "elasticsearch"
