"""Wagtail's database backend (PostgreSQL full-text / SQLite FTS5), made resilient.

The database backends apply a queryset's filters as plain SQL, so any visibility rule an
app's selector expresses works inside the search query. Wagtail still checks every
filter against the model's FilterFields (a rule written for Elasticsearch); we skip
that check here so the apps' own visibility selectors can be used unchanged.

On SQLite (the embedded default) two things of Wagtail's FTS5 compiler are replaced:

- FTS5 has no English stemmer (PostgreSQL stems with ``english_unaccent``), so each
  plain word matches its stem as a prefix: "interview" and "interviews" both search
  ``interview*``, "booking" searches ``book*``. (FTS5's porter tokenizer would stem
  too, but it also stems what is typed into the autocomplete, which then stops
  matching part-way through a word.)
- Wagtail multiplies one ``bm25()`` per word, and ``bm25()`` is negative, so a query
  of two words ranked backwards. The rank is one ``bm25()`` of the whole match
  instead, with a title worth ``TITLE_WEIGHT`` times the body (as the PostgreSQL
  backend weights a title above the body).
"""

from modelsearch.backends.database import SearchBackend as _vendor_backend
from modelsearch.query import PlainText

from django.db import connection

from search.highlight import stem

from .resilience import ResilientIndexingMixin

_classes: dict[type, type] = {}
# Shorter stems would match too much as prefixes ("cas*": cases and casualty).
MIN_PREFIX_STEM = 4
TITLE_WEIGHT = 5.0


def prefix_stem(word: str) -> str:
    """The stem searched as a prefix on SQLite: suffixes off ("applications" →
    "application", "booking" → "book"); if that leaves too little, only a plural
    "s" ("cases" → "case")."""
    stemmed = stem(word)
    if len(stemmed) >= MIN_PREFIX_STEM:
        return stemmed
    if word.endswith("s") and len(word) > MIN_PREFIX_STEM:
        return word[:-1]
    return word


class SQLiteEnglishMixin:
    """For SQLite's query compiler: plain words match their stems as prefixes, and
    the rank is one weighted ``bm25()`` of the whole match."""

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        from modelsearch.backends.database.sqlite.query import SQLiteFTSIndexEntry

        from django.db.models import FloatField
        from django.db.models.expressions import RawSQL

        # Columns in the order the FTS5 table declares them: autocomplete, body, title.
        table = SQLiteFTSIndexEntry._meta.db_table
        sql = f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT})"
        return RawSQL(sql, [], output_field=FloatField()) * boost

    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        from modelsearch.backends.database.sqlite.query import (
            Lexeme,
            SearchQueryExpression,
        )

        lexemes = None
        for word in query.query_string.split():
            lexeme = Lexeme(prefix_stem(word.lower()), prefix=True)
            if lexemes is None:
                lexemes = lexeme
            elif query.operator.upper() == "AND":
                lexemes &= lexeme
            else:
                lexemes |= lexeme
        if lexemes is None:
            return None
        return SearchQueryExpression(lexemes, config=config)


def _unchecked(compiler_class, *mixins):
    return type(
        f"Unchecked{compiler_class.__name__}",
        (*mixins, compiler_class),
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
                "query_compiler_class": _unchecked(
                    base.query_compiler_class,
                    *([SQLiteEnglishMixin] if connection.vendor == "sqlite" else []),
                ),
                "autocomplete_query_compiler_class": _unchecked(
                    base.autocomplete_query_compiler_class
                ),
            },
        )
        _classes[base] = cls
    backend.__class__ = cls
    backend.vendor = connection.vendor
    return backend
