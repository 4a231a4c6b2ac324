"""Words of editorial content, kept for spelling corrections (search.vocabulary): the
table; on PostgreSQL a trigram index on it; and the words of the guidance and
training pages already in the database search index (the title and body text the
backend stored), so corrections work before any page is published again."""

import re

from django.db import migrations, models

PAGE_TYPES = [
    ("guidance", "guidancepage"),
    ("training", "modulepage"),
    ("training", "lessonpage"),
]
WORD = re.compile(r"[^\W\d_]+")


def record_indexed_pages(apps, schema_editor):
    connection = schema_editor.connection
    text = "title_text, body_text" if connection.vendor == "postgresql" else "title, body"
    types = " OR ".join("(ct.app_label = %s AND ct.model = %s)" for _ in PAGE_TYPES)
    words = set()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {text} FROM wagtailsearch_indexentry e "  # noqa: S608
            f"JOIN django_content_type ct ON ct.id = e.content_type_id WHERE {types}",
            [part for pair in PAGE_TYPES for part in pair],
        )
        for row in cursor.fetchall():
            for value in row:
                words.update(
                    w
                    for w in WORD.findall((value or "").casefold())
                    if 4 <= len(w) <= 40
                )
    VocabularyWord = apps.get_model("site_search", "VocabularyWord")
    VocabularyWord.objects.using(connection.alias).bulk_create(
        [VocabularyWord(word=w) for w in sorted(words)],
        ignore_conflicts=True,
        batch_size=1000,
    )


def trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS site_search_vocabularyword_trgm "
            "ON site_search_vocabularyword USING GIN (word gin_trgm_ops) "
            "WITH (fastupdate = off)"
        )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS site_search_vocabularyword_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0007_gin_without_pending_list"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="VocabularyWord",
            fields=[
                (
                    "word",
                    models.CharField(max_length=40, primary_key=True, serialize=False),
                ),
            ],
        ),
        migrations.RunPython(trigram_index, drop_trigram_index),
        migrations.RunPython(record_indexed_pages, migrations.RunPython.noop),
    ]
