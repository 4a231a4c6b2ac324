"""The training section under the home page, and the Trainers group's permissions on
it (and only on it): add, edit and publish modules and lessons, and upload videos."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]
STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _next_child_path(Page, parent):
    """The path treebeard would give the parent's next child (historical models have
    no treebeard methods)."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    if last is None:
        return parent.path + "0001"
    number = 0
    for char in last[-STEPLEN:]:
        number = number * 36 + ALPHABET.index(char)
    number += 1
    suffix = ""
    for _ in range(STEPLEN):
        number, digit = divmod(number, 36)
        suffix = ALPHABET[digit] + suffix
    return last[:-STEPLEN] + suffix


def create_training_index(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TrainingIndexPage = apps.get_model("training", "TrainingIndexPage")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    Collection = apps.get_model("wagtailcore", "Collection")

    home = Page.objects.filter(depth=2).order_by("path").first()
    if home is None:
        return
    index = TrainingIndexPage.objects.first()
    if index is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="training", model="trainingindexpage"
        )
        index = TrainingIndexPage.objects.create(
            title="Training",
            draft_title="Training",
            slug="training",
            content_type=content_type,
            path=_next_child_path(Page, home),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}training/",
            locale_id=home.locale_id,
            live=True,
            intro="Modules written by specialist trainers. Work through them at your "
            "own pace; your progress and completions are kept in My learning.",
        )
        Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)

    trainers, _ = Group.objects.get_or_create(name="Trainers")
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=trainers,
            page_id=index.pk,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for codename in DOCUMENT_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=trainers,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label="wagtaildocs", codename=codename
                ),
            )


def remove_training_index(apps, schema_editor):
    apps.get_model("training", "TrainingIndexPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("accounts", "0003_create_role_groups"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_training_index, remove_training_index)]
