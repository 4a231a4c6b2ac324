"""Wagtail's opensearch3 backend with our analysis settings (client opensearch-py)."""

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend

from .analysis import EnglishGlossaryIndexMixin
from .resilience import ResilientIndexingMixin


class SearchBackend(
    ResilientIndexingMixin, EnglishGlossaryIndexMixin, OpenSearch3SearchBackend
):
    vendor = "opensearch"
