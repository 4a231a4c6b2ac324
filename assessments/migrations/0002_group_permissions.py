"""Administrators edit the framework in the Wagtail admin; force leads and
administrators get the self-assessment link in the header."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FRAMEWORK = [
    f"{verb}_{model}"
    for model in ("edition", "pillar", "statement")
    for verb in ("add", "change", "delete", "view")
]
GROUP_PERMISSIONS = {
    "Administrators": [*FRAMEWORK, "lead_self_assessment"],
    "Force leads": ["lead_self_assessment"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("assessments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUP_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="assessments", codename__in=codenames
            )
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(
        name__in=GROUP_PERMISSIONS
    ):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="assessments")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("accounts", "0003_create_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
