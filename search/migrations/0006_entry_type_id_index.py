"""PostgreSQL only: a btree on (content_type_id, id) of Wagtail's index entries, so a
search can walk one content type's entries newest first and stop early (see
search/candidates.py). Without it, walking the table's primary key for guidance means
passing every forum post's entry first, and PostgreSQL instead tests every guidance
entry."""

from django.db import migrations

NAME = "site_search_entry_type_id"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} "
        "ON wagtailsearch_indexentry (content_type_id, id)"
    )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0005_join_indexes")]

    operations = [migrations.RunPython(forward, backward)]
