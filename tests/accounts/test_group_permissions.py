"""Exactly what each group holds after the migrations: model permissions, page
permissions (per page) and collection permissions. Wagtail's own migrations create
"Moderators" and "Editors" groups with rights over the whole page tree; accounts 0005
takes those away (forum moderators work under /moderation/, outside the admin)."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Workflow,
)

from guidance.models import GuidancePage
from tests.factories import make_user
from tests.factories.guidance import edit_data, make_guidance
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db

CHOOSE_MEDIA = {"wagtaildocs.choose_document", "wagtailimages.choose_image"}
CHOOSE_MEDIA_IN_ROOT = {("Root", codename) for codename in CHOOSE_MEDIA}
SEARCH_PROMOTIONS = {
    "site_search.view_search_report",
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
}
FRAMEWORK = {
    f"assessments.{verb}_{model}"
    for model in ("edition", "pillar", "statement")
    for verb in ("add", "change", "delete", "view")
}
GUIDANCE = "/home/guidance/"
TRAINING = "/home/training/"
NOTHING = {"model": set(), "pages": set(), "collections": set()}

EXPECTED = {
    "Officers": NOTHING,
    "Trainers": {
        "model": {"wagtailadmin.access_admin", *CHOOSE_MEDIA},
        "pages": {
            (TRAINING, codename)
            for codename in (
                "add_page",
                "change_page",
                "publish_page",
                "lock_page",
                "unlock_page",
            )
        },
        "collections": {
            ("Root", "wagtaildocs.add_document"),
            ("Root", "wagtaildocs.change_document"),
            *CHOOSE_MEDIA_IN_ROOT,
        },
    },
    "Guidance editors": {
        "model": {
            "wagtailadmin.access_admin",
            "guidance.add_guidancesuggestion",
            "guidance.view_guidancefeedback",
            *SEARCH_PROMOTIONS,
            *CHOOSE_MEDIA,
        },
        "pages": {(GUIDANCE, "add_page"), (GUIDANCE, "change_page")},
        "collections": CHOOSE_MEDIA_IN_ROOT,
    },
    "Specialist reviewers": {
        "model": {"wagtailadmin.access_admin", *CHOOSE_MEDIA},
        "pages": {(GUIDANCE, "change_page")},
        "collections": CHOOSE_MEDIA_IN_ROOT,
    },
    # No publish permission: guidance is published only by approving the workflow's
    # last step (guidance/workflows.py).
    "Guidance sign-off": {
        "model": {
            "wagtailadmin.access_admin",
            "guidance.add_guidancesuggestion",
            "guidance.view_guidancefeedback",
            *CHOOSE_MEDIA,
        },
        "pages": {(GUIDANCE, "add_page"), (GUIDANCE, "change_page")},
        "collections": CHOOSE_MEDIA_IN_ROOT,
    },
    # Forum moderation happens under /moderation/: no admin, no pages, no media.
    "Moderators": {
        "model": {"guidance.add_guidancesuggestion"},
        "pages": set(),
        "collections": set(),
    },
    "Force leads": {
        "model": {"assessments.lead_self_assessment"},
        "pages": set(),
        "collections": set(),
    },
    "Administrators": {
        "model": {
            "wagtailadmin.access_admin",
            "accounts.add_user",
            "accounts.change_user",
            "accounts.view_user",
            "auth.add_group",
            "auth.change_group",
            "auth.view_group",
            "accounts.add_force",
            "accounts.change_force",
            "accounts.view_force",
            "core.change_theme",
            "core.view_theme",
            "core.view_auditevent",
            "assessments.lead_self_assessment",
            *FRAMEWORK,
            *SEARCH_PROMOTIONS,
            *CHOOSE_MEDIA,
        },
        "pages": set(),
        "collections": CHOOSE_MEDIA_IN_ROOT,
    },
}


def held_by(group: Group) -> dict[str, set]:
    return {
        "model": {
            f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")
        },
        "pages": {
            (p.page.url_path, p.permission.codename)
            for p in GroupPagePermission.objects.filter(group=group).select_related(
                "page", "permission"
            )
        },
        "collections": {
            (
                p.collection.name,
                f"{p.permission.content_type.app_label}.{p.permission.codename}",
            )
            for p in GroupCollectionPermission.objects.filter(
                group=group
            ).select_related("collection", "permission__content_type")
        },
    }


def test_the_groups_are_the_roles_and_no_others():
    assert set(Group.objects.values_list("name", flat=True)) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_group_holds_exactly_its_permissions(name):
    assert held_by(Group.objects.get(name=name)) == EXPECTED[name]


def test_no_group_holds_site_permissions():
    assert not GroupSitePermission.objects.exists()


def test_the_only_workflow_is_guidance_review_with_its_groups():
    workflows = {
        workflow.name: [
            (task.name, {g.name for g in task.specific.groups.all()})
            for task in workflow.tasks
        ]
        for workflow in Workflow.objects.all()
    }

    assert workflows == {
        "Guidance review and sign-off": [
            ("Specialist review", {"Specialist reviewers"}),
            ("Sign-off by a guidance editor", {"Guidance sign-off"}),
        ]
    }


@pytest.fixture
def moderator():
    user = make_user(email="moderator@gmp.police.uk", groups=["Moderators"])
    enrol_totp(user)
    return user


@pytest.fixture
def draft():
    return make_guidance(title="Awaiting specialist review", publish=False)


def test_a_moderator_cannot_open_a_draft_in_the_admin(client, moderator, draft):
    client.force_login(moderator)
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])

    response = client.get(edit)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={edit}"
    messages = [str(m).strip() for m in response.wsgi_request._messages]
    assert messages == ["You do not have permission to access the admin."]


def test_a_moderator_cannot_publish_a_draft_from_the_editor(client, moderator, draft):
    client.force_login(moderator)

    client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        edit_data(draft, paragraph="Published early.", **{"action-publish": "1"}),
    )

    draft = GuidancePage.objects.get(pk=draft.pk)
    assert draft.live is False
    assert draft.live_revision is None
    assert not draft.versions.exists()


def test_a_moderator_cannot_bulk_publish_drafts(client, moderator, draft):
    client.force_login(moderator)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])

    client.post(f"{url}?id={draft.pk}")

    draft = GuidancePage.objects.get(pk=draft.pk)
    assert draft.live is False
    assert draft.live_revision is None
