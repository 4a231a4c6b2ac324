"""Wagtail's elasticsearch9 backend with our analysis settings (client `elasticsearch`
9.x, whose built-in elasticsearch.dsl replaces the deprecated elasticsearch-dsl)."""

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from modelsearch.utils import deep_update

from .analysis import index_settings
from .resilience import ResilientIndexingMixin


class SearchBackend(ResilientIndexingMixin, Elasticsearch9SearchBackend):
    vendor = "elasticsearch"

    def __init__(self, params):
        params = dict(params)
        params["INDEX_SETTINGS"] = deep_update(
            index_settings(), params.get("INDEX_SETTINGS", {})
        )
        super().__init__(params)
