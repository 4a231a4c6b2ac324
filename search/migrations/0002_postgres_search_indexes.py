"""PostgreSQL only (a no-op on SQLite): the unaccent and pg_trgm extensions, an
accent-insensitive English text search configuration, and the indexes our queries use.

Wagtail's database backend matches ``title || body`` of wagtailsearch_indexentry while its
GIN indexes are per column, so PostgreSQL could not use an index for our queries and
scanned the whole table. The expression index below matches the backend's query
exactly (see docs/search.md for EXPLAIN before and after). The trigram index on
title_text serves "did you mean" and fuzzy matching.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $func$ SELECT public.unaccent('public.unaccent', $1) $func$
    """,
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'english_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = pg_catalog.english);
            ALTER TEXT SEARCH CONFIGURATION english_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
        END IF;
    END $$
    """,
    "CREATE INDEX IF NOT EXISTS site_search_entry_title_body_gin "
    "ON wagtailsearch_indexentry USING GIN ((title || body))",
    "CREATE INDEX IF NOT EXISTS site_search_entry_title_text_trgm "
    "ON wagtailsearch_indexentry USING GIN (title_text gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS site_search_entry_title_text_trgm",
    "DROP INDEX IF EXISTS site_search_entry_title_body_gin",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in FORWARD:
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in BACKWARD:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forward, backward)]
