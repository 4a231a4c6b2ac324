"""One national category per programme theme: the forums open with somewhere to post."""

from django.db import migrations


def create(apps, schema_editor):
    Theme = apps.get_model("core", "Theme")
    Category = apps.get_model("forums", "Category")
    for theme in Theme.objects.all():
        Category.objects.get_or_create(
            slug=theme.slug,
            defaults={
                "name": theme.name,
                "description": theme.summary[:300],
                "theme": theme,
                "position": theme.position,
            },
        )


def remove(apps, schema_editor):
    Category = apps.get_model("forums", "Category")
    Category.objects.filter(force__isnull=True, theme__isnull=False).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0001_initial"),
        ("core", "0002_load_themes"),
    ]

    operations = [migrations.RunPython(create, remove)]
