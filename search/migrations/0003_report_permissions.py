"""Guidance editors and administrators may read the search report and manage promoted
results (Wagtail's search promotions)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Guidance editors", "Administrators"]
PERMISSIONS = [
    ("site_search", "view_search_report"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
]


def forward(apps, schema_editor):
    for label in ("site_search", "wagtailsearchpromotions"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = [
        Permission.objects.filter(content_type__app_label=app, codename=code).first()
        for app, code in PERMISSIONS
    ]
    perms = [p for p in perms if p is not None]
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0002_postgres_search_indexes"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("accounts", "0003_create_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
