"""PostgreSQL only: let the join from an index entry to its row use an index.

Wagtail's database backend joins wagtailsearch_indexentry.object_id (text) to the
content's primary key cast to text, so without an index on that cast PostgreSQL hashes
the whole content table (every forum post) for every search. One expression index per
searched table, matching the backend's cast exactly, turns that into index lookups for
just the matching rows (docs/search.md shows the plans). Additive: it creates indexes
only, on tables that exist."""

from django.db import migrations

# (table, primary key column) of every model search reads.
TABLES = [
    ("forums_post", "id"),
    ("forums_thread", "id"),
    ("guidance_guidancepage", "page_ptr_id"),
    ("training_modulepage", "page_ptr_id"),
    ("training_lessonpage", "page_ptr_id"),
]


def _name(table):
    return f"site_search_{table}_pk_text"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in TABLES:
        schema_editor.execute(
            f"""
            DO $$ BEGIN
                IF to_regclass('{table}') IS NOT NULL THEN
                    CREATE INDEX IF NOT EXISTS {_name(table)}
                        ON {table} (((({column})::character varying(50))::text));
                END IF;
            END $$
            """
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, _column in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {_name(table)}")


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0004_content_type_expression_index"),
        ("forums", "0001_initial"),
        ("guidance", "0001_initial"),
        ("training", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, backward)]
