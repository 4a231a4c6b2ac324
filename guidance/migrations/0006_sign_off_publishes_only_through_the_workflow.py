"""No guidance group holds the publish permission on any page any more.

Members of "Guidance sign-off" held it so that approving the workflow's last step could
publish; it also gave them Wagtail's Publish button (and bulk publish), which skips
specialist review. Approving the last step now publishes without that permission
(guidance/workflows.py), so only the workflow puts guidance live."""

from django.db import migrations

GUIDANCE_GROUPS = ["Guidance editors", "Specialist reviewers", "Guidance sign-off"]


def revoke_publish(apps, schema_editor):
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(
        group__name__in=GUIDANCE_GROUPS,
        permission__content_type__app_label="wagtailcore",
        permission__codename="publish_page",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0005_related_guidance_chooser"),
    ]

    operations = [migrations.RunPython(revoke_publish, migrations.RunPython.noop)]
