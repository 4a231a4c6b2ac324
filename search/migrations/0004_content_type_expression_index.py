"""PostgreSQL only: one GIN index over (content_type_id, title || body) through the
btree_gin extension, so a search within one content type (forum posts, say) is a single
bitmap index scan instead of a scan of every entry of that type."""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS site_search_entry_ct_title_body_gin "
        "ON wagtailsearch_indexentry USING GIN (content_type_id, (title || body))"
    )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS site_search_entry_ct_title_body_gin")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0003_report_permissions")]

    operations = [migrations.RunPython(forward, backward)]
