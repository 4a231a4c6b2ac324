"""Take away what Wagtail's own migrations gave its default groups.

Wagtail creates "Moderators" (add, edit, publish, lock and unlock on the root page, so
on every page; documents and images; the admin) and "Editors" (add and edit on every
page; documents and images; the admin), and a "Moderators approval" workflow on the
root page whose one task the Moderators approve (and so publish). The site's
Moderators are forum moderators: their tools are under /moderation/, outside the admin,
so they keep only their own rights (suggesting guidance). The site has no use for
"Editors": guidance and training have their own groups.

Wagtail also lets every group that had admin access when its migrations ran choose
documents and images; which groups that was depended on the order migrations ran in.
Every group with admin access now holds both, whatever the order."""

from django.db import migrations

MODERATORS = "Moderators"
WAGTAIL_EDITORS = "Editors"
WAGTAIL_WORKFLOW = "Moderators approval"
ADMIN_APPS = ["wagtailadmin", "wagtailcore", "wagtaildocs", "wagtailimages"]
CHOOSE_MEDIA = [("wagtaildocs", "choose_document"), ("wagtailimages", "choose_image")]


def strip_default_rights(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    apps.get_model("wagtailcore", "Workflow").objects.filter(
        name=WAGTAIL_WORKFLOW
    ).delete()
    apps.get_model("wagtailcore", "GroupApprovalTask").objects.filter(
        name=WAGTAIL_WORKFLOW
    ).delete()
    Group.objects.filter(name=WAGTAIL_EDITORS).delete()
    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators is None:
        return
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(
        group=moderators
    ).delete()
    apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(
        group=moderators
    ).delete()
    moderators.permissions.remove(
        *moderators.permissions.filter(content_type__app_label__in=ADMIN_APPS)
    )


def let_admin_groups_choose_media(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    root = apps.get_model("wagtailcore", "Collection").objects.get(depth=1)
    choose = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in CHOOSE_MEDIA
    ]
    for group in apps.get_model("auth", "Group").objects.filter(
        permissions__content_type__app_label="wagtailadmin",
        permissions__codename="access_admin",
    ):
        group.permissions.add(*choose)
        for permission in choose:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_notifications"),
        # The last group to come: guidance sign-off.
        ("guidance", "0002_library_audiences_workflow"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(strip_default_rights, migrations.RunPython.noop),
        migrations.RunPython(let_admin_groups_choose_media, migrations.RunPython.noop),
    ]
