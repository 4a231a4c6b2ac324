"""Index settings for Elasticsearch/OpenSearch: English stemming everywhere and the
glossary as search-time synonyms (synonym_graph), merged into Wagtail's own settings."""

from search.glossary import synonym_rules

ENGLISH_FILTERS = ["english_possessive_stemmer", "lowercase", "english_stop"]


def index_settings() -> dict:
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "english_stop": {"type": "stop", "stopwords": "_english_"},
                    "english_stemmer": {"type": "stemmer", "language": "english"},
                    "english_possessive_stemmer": {
                        "type": "stemmer",
                        "language": "possessive_english",
                    },
                    "glossary_synonyms": {
                        "type": "synonym_graph",
                        "synonyms": synonym_rules(),
                        "lenient": True,
                    },
                },
                "analyzer": {
                    # Used for every text field Wagtail maps without its own analyzer.
                    "default": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [*ENGLISH_FILTERS, "english_stemmer"],
                    },
                    # Query time: acronym <-> expansion before stemming.
                    "default_search": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            *ENGLISH_FILTERS,
                            "glossary_synonyms",
                            "english_stemmer",
                        ],
                    },
                },
            }
        }
    }


class EnglishGlossaryIndexMixin:
    """For Wagtail's Elasticsearch/OpenSearch backends: merge our analysis settings
    under any INDEX_SETTINGS given in WAGTAILSEARCH_BACKENDS."""

    def __init__(self, params):
        from modelsearch.utils import deep_update

        params = dict(params)
        params["INDEX_SETTINGS"] = deep_update(
            index_settings(), params.get("INDEX_SETTINGS", {})
        )
        super().__init__(params)
