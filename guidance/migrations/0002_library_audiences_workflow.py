"""What the guidance library needs on first run: the audiences, the /guidance/ index
page, the sign-off group, the groups' page permissions on the library and the review
workflow (specialist review, then sign-off by a guidance editor).

Guidance editors may add and edit but not publish: their changes go through the
workflow. Members of "Guidance sign-off" hold the publish permission the workflow's
last approval uses (wagtail.workflows.publish_workflow_state)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone

AUDIENCES = [
    ("investigators", "Investigators"),
    ("supervisors", "Supervisors"),
    ("analysts", "Analysts"),
    ("digital-forensics", "Digital forensic examiners"),
    ("victim-liaison", "Victim liaison and SOIT officers"),
    ("first-responders", "First responders"),
    ("senior-leaders", "Senior leaders"),
]
SIGN_OFF_GROUP = "Guidance sign-off"
PAGE_PERMISSIONS = {
    "Guidance editors": ["add_page", "change_page"],
    "Specialist reviewers": ["change_page"],
    SIGN_OFF_GROUP: ["add_page", "change_page", "publish_page"],
}
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _next_child_path(Page, parent):
    last = (
        Page.objects.filter(depth=parent.depth + 1, path__startswith=parent.path)
        .order_by("-path")
        .first()
    )
    number = int(last.path[-4:], 36) + 1 if last else 1
    segment = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        segment = ALPHABET[digit] + segment
    return parent.path + segment


def setup(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Audience = apps.get_model("guidance", "Audience")
    for position, (slug, name) in enumerate(AUDIENCES, start=1):
        Audience.objects.update_or_create(
            slug=slug, defaults={"name": name, "position": position}
        )

    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GuidanceIndexPage = apps.get_model("guidance", "GuidanceIndexPage")
    home = Page.objects.filter(depth=2).order_by("path").first()
    if home is None:
        return
    index = GuidanceIndexPage.objects.filter(slug="guidance").first()
    if index is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="guidance", model="guidanceindexpage"
        )
        now = timezone.now()
        index = GuidanceIndexPage.objects.create(
            title="Guidance",
            draft_title="Guidance",
            slug="guidance",
            content_type=content_type,
            path=_next_child_path(Page, home),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}guidance/",
            locale_id=home.locale_id,
            live=True,
            first_published_at=now,
            last_published_at=now,
            intro="Specialist guidance for RASSO investigation, reviewed by "
            "specialists and signed off by the network's guidance editors.",
        )
        Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    sign_off, _ = Group.objects.get_or_create(name=SIGN_OFF_GROUP)
    sign_off.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    feedback = Permission.objects.get(
        content_type__app_label="guidance", codename="view_guidancefeedback"
    )
    for name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        if name != "Specialist reviewers":
            group.permissions.add(feedback)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page_id=index.pk,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    workflow, _ = Workflow.objects.get_or_create(
        name="Guidance review and sign-off", defaults={"active": True}
    )
    for order, (task_name, group_name) in enumerate(
        [
            ("Specialist review", "Specialist reviewers"),
            ("Sign-off by a guidance editor", SIGN_OFF_GROUP),
        ]
    ):
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(
                name=task_name, active=True, content_type=task_type
            )
        task.groups.add(Group.objects.get(name=group_name))
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": order}
        )
    WorkflowPage.objects.update_or_create(
        page_id=index.pk, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("accounts", "0003_create_role_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
