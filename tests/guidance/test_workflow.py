"""Publishing goes through the workflow: specialist review, then sign-off."""

import pytest

from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from wagtail.models import WorkflowState

from core.models import Notification, Theme
from core.services import follow_create
from guidance.models import GuidancePage
from guidance.roles import SIGN_OFF_GROUP, WORKFLOW_NAME
from guidance.selectors import guidance_list_visible_to
from guidance.wagtail_hooks import guidance_theme_resources
from tests.factories import make_user
from tests.factories.guidance import edit_data, make_guidance
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db


def staff(email, *groups):
    user = make_user(email=email, groups=groups)
    enrol_totp(user)
    return user


@pytest.fixture
def writer():
    return staff("writer@college.police.uk", "Guidance editors")


@pytest.fixture
def reviewer():
    return staff("reviewer@thames-valley.police.uk", "Specialist reviewers")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_the_library_uses_the_review_and_sign_off_workflow():
    page = make_guidance()

    workflow = page.get_workflow()

    assert workflow.name == WORKFLOW_NAME
    assert [t.name for t in workflow.tasks] == [
        "Specialist review",
        "Sign-off by a guidance editor",
    ]


# The demo editor is in both groups: neither may publish from the editor.
EDITOR_GROUPINGS = {
    "editor": ("Guidance editors",),
    "editor-with-sign-off": ("Guidance editors", SIGN_OFF_GROUP),
    "sign-off": (SIGN_OFF_GROUP,),
}


@pytest.fixture(params=sorted(EDITOR_GROUPINGS))
def any_editor(request):
    return staff("any.editor@college.police.uk", *EDITOR_GROUPINGS[request.param])


def test_an_editor_is_offered_no_publish_button_only_review(client, any_editor):
    page = make_guidance(publish=False)
    client.force_login(any_editor)

    html = client.get(edit_url(page)).content.decode()

    assert 'name="action-submit"' in html
    assert "action-publish" not in html


def test_publishing_from_the_editor_publishes_nothing(client, any_editor):
    page = make_guidance(paragraphs=["Draft advice."], publish=False)
    client.force_login(any_editor)

    client.post(
        edit_url(page),
        edit_data(page, paragraph="Skipped review.", **{"action-publish": "1"}),
    )

    page = GuidancePage.objects.get(pk=page.pk)
    assert page.live is False
    assert page.live_revision is None
    assert not page.versions.exists()
    assert not page.permissions_for_user(any_editor).can_publish()
    with pytest.raises(PermissionDenied):
        page.get_latest_revision().publish(user=any_editor)


def test_a_new_version_from_the_editor_leaves_the_live_one_standing(client, any_editor):
    page = make_guidance(paragraphs=["Old advice."])
    live_revision = page.live_revision
    client.force_login(any_editor)

    client.post(
        edit_url(page),
        edit_data(page, paragraph="New advice.", **{"action-publish": "1"}),
    )

    page = GuidancePage.objects.get(pk=page.pk)
    assert page.live_revision == live_revision
    assert [v.number for v in page.versions.all()] == ["1.0"]
    assert "Old advice." in str(page.body)


def test_an_editor_submits_to_specialist_review(client, any_editor):
    page = make_guidance(publish=False)
    client.force_login(any_editor)

    client.post(
        edit_url(page),
        edit_data(page, paragraph="For review.", **{"action-submit": "1"}),
    )

    state = WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.current_task_state.task.name == "Specialist review"
    assert GuidancePage.objects.get(pk=page.pk).live is False


def test_sending_for_review_without_a_change_note_is_refused(client, writer):
    page = make_guidance()
    client.force_login(writer)

    response = client.post(
        edit_url(page),
        edit_data(page, paragraph="New.", note="", **{"action-submit": "1"}),
    )

    assert response.status_code == 200
    assert "Enter a change note" in response.content.decode()
    assert not WorkflowState.objects.exists()


def test_review_then_sign_off_publishes_a_major_version_signed_off_by_the_approver(
    client, writer, reviewer, signer, officer, django_capture_on_commit_callbacks
):
    page = make_guidance(paragraphs=["Old advice."])
    follow_create(user=officer, target=page)
    client.force_login(writer)
    client.post(
        edit_url(page),
        edit_data(page, paragraph="New advice.", **{"action-submit": "1"}),
    )
    state = WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS)

    # In review: officers still read the live version and there is no new version.
    client.force_login(officer)
    assert "Old advice." in client.get(page.url).content.decode()
    assert page.versions.count() == 1

    # A guidance editor cannot approve the specialist review.
    client.force_login(writer)
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    client.post(approve, {"comment": ""})
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"

    client.force_login(reviewer)
    client.post(approve, {"comment": "Legally accurate."})
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Sign-off by a guidance editor"
    assert not GuidancePage.objects.get(pk=page.pk).versions.filter(major=2).exists()

    client.force_login(signer)
    sign_off = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_off, {"comment": ""})

    page = GuidancePage.objects.get(pk=page.pk)
    version = page.current_version
    assert version.number == "2.0"
    assert version.signed_off_by == signer
    assert version.change_note == "Rewritten for the new CPS guidance."
    assert "New advice." in str(page.body)

    # The officer who follows it is told, by notification and e-mail, with the link
    # to what changed, and reads the new version line.
    notification = Notification.objects.get(recipient=officer)
    assert notification.url == f"{page.url}compare/?from=1.0&to=2.0"
    to_officer = [m for m in mail.outbox if m.to == [officer.email]]
    assert len(to_officer) == 1
    assert "/compare/?from=1.0&to=2.0" in to_officer[0].body
    client.force_login(officer)
    assert "<strong>Version 2.0</strong>" in client.get(page.url).content.decode()
    compare = client.get(notification.url)
    assert "[inserted: </span>New" in compare.content.decode()


def test_a_draft_never_published_is_a_404_and_in_no_listing(client_for, officer):
    page = make_guidance(title="Secret draft", publish=False)
    client = client_for(officer)

    assert client.get("/guidance/secret-draft/").status_code == 404
    assert client.get("/guidance/secret-draft/versions/").status_code == 404
    assert "Secret draft" not in client.get("/guidance/").content.decode()
    theme_page = client.get("/themes/suspect-focused-investigations/")
    assert "Secret draft" not in theme_page.content.decode()
    assert page not in guidance_list_visible_to(officer)
    theme = Theme.objects.get(slug="suspect-focused-investigations")
    assert guidance_theme_resources(officer, theme) == []


def test_a_new_page_in_review_is_a_404_to_officers(client, writer, officer):
    page = make_guidance(title="Under review", publish=False)
    page.get_workflow().start(page, writer)

    client.force_login(officer)

    assert client.get("/guidance/under-review/").status_code == 404
    assert "Under review" not in client.get("/guidance/").content.decode()


def test_an_unpublished_page_is_a_404(client_for, officer):
    page = make_guidance(title="Withdrawn advice")
    page.unpublish()

    response = client_for(officer).get("/guidance/withdrawn-advice/")

    assert response.status_code == 404


def test_anonymous_visitors_see_only_public_guidance(client):
    make_guidance(title="Open guidance", is_public=True)
    make_guidance(title="Members only")

    assert client.get("/guidance/open-guidance/").status_code == 200
    assert client.get("/guidance/members-only/").status_code == 302
    titles = [p.title for p in guidance_list_visible_to(None)]
    assert titles == ["Open guidance"]


def test_signing_off_from_the_editor_publishes(client, writer, reviewer, signer):
    page = make_guidance(title="New page", publish=False)
    page.get_workflow().start(page, writer)
    state = WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS)
    state.current_task_state.approve(user=reviewer)
    client.force_login(signer)

    client.post(
        edit_url(page),
        edit_data(
            page,
            paragraph="Signed off.",
            note="First published.",
            **{"action-workflow-action": "1", "workflow-action-name": "approve"},
        ),
    )

    page = GuidancePage.objects.get(pk=page.pk)
    assert page.live is True
    assert "Signed off." in str(page.body)
    assert page.current_version.signed_off_by == signer


def test_the_editor_forms_open_for_a_guidance_editor(client, writer):
    page = make_guidance()
    client.force_login(writer)

    edit = client.get(edit_url(page))
    add = client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=["guidance", "guidancepage", page.get_parent().pk],
        )
    )

    assert edit.status_code == 200
    assert add.status_code == 200
    assert "This version" in edit.content.decode()
    assert edit.context["form"].initial["change_note"] == ""
