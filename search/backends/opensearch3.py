"""Wagtail's opensearch3 backend with our analysis settings (client opensearch-py)."""

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend
from modelsearch.utils import deep_update

from .analysis import index_settings
from .resilience import ResilientIndexingMixin


class SearchBackend(ResilientIndexingMixin, OpenSearch3SearchBackend):
    vendor = "opensearch"

    def __init__(self, params):
        params = dict(params)
        params["INDEX_SETTINGS"] = deep_update(
            index_settings(), params.get("INDEX_SETTINGS", {})
        )
        super().__init__(params)
