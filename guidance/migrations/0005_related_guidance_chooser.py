"""Related guidance becomes an ordered list edited with Wagtail's page chooser
(MultipleChooserPanel) instead of a multi-select of every page. Existing links are
copied in their old order, in the live pages and in every stored revision, so earlier
versions keep showing the links they had."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def _links(page_id, target_ids):
    return [
        {"pk": None, "page": page_id, "target": target_id, "sort_order": order}
        for order, target_id in enumerate(target_ids)
    ]


def forward(apps, schema_editor):
    GuidancePage = apps.get_model("guidance", "GuidancePage")
    RelatedGuidance = apps.get_model("guidance", "RelatedGuidance")
    Through = GuidancePage.related_guidance.through
    by_page = {}
    for page_id, target_id in Through.objects.order_by("id").values_list(
        "from_guidancepage_id", "to_guidancepage_id"
    ):
        by_page.setdefault(page_id, []).append(target_id)
    RelatedGuidance.objects.bulk_create(
        RelatedGuidance(page_id=page_id, target_id=target_id, sort_order=order)
        for page_id, targets in by_page.items()
        for order, target_id in enumerate(targets)
    )
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(
        app_label="guidance", model="guidancepage"
    ).first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content
        if "related_guidance" not in content:
            continue
        content["related_links"] = _links(
            int(revision.object_id), content.pop("related_guidance") or []
        )
        revision.content = content
        revision.save(update_fields=["content"])


def backward(apps, schema_editor):
    GuidancePage = apps.get_model("guidance", "GuidancePage")
    RelatedGuidance = apps.get_model("guidance", "RelatedGuidance")
    for link in RelatedGuidance.objects.order_by("page_id", "sort_order"):
        GuidancePage.related_guidance.through.objects.get_or_create(
            from_guidancepage_id=link.page_id, to_guidancepage_id=link.target_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0004_suggestions"),
        ("wagtailcore", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="RelatedGuidance",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "sort_order",
                    models.IntegerField(blank=True, editable=False, null=True),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="related_links",
                        to="guidance.guidancepage",
                    ),
                ),
                (
                    "target",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="guidance.guidancepage",
                        verbose_name="guidance",
                    ),
                ),
            ],
            options={
                "verbose_name": "related guidance",
                "verbose_name_plural": "related guidance",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.RunPython(forward, backward),
        migrations.RemoveField(model_name="guidancepage", name="related_guidance"),
    ]
