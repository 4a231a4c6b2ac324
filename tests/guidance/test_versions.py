import datetime

import pytest

from django.core.management import call_command
from django.utils import timezone

from guidance.forms import GuidancePageForm
from guidance.models import GuidancePage, GuidanceVersion
from guidance.services import REPUBLISHED_NOTE
from tests.factories.guidance import make_guidance, publish_version

pytestmark = pytest.mark.django_db


def numbers(page):
    return [v.number for v in GuidanceVersion.objects.filter(page=page).order_by("id")]


def test_the_first_publish_is_version_1_0_and_is_major():
    page = make_guidance()

    version = page.current_version

    assert version.number == "1.0"
    assert version.is_major
    assert version.change_note == "First published."
    assert version.revision_id == page.live_revision_id


def test_minor_changes_count_up_the_minor_number_and_a_major_change_resets_it():
    page = make_guidance()

    page = publish_version(page, major=False, note="Fixed a typo.")
    page = publish_version(page, major=False, note="Clarified the SARC referral.")
    page = publish_version(page, major=True, note="New disclosure duty.")
    page = publish_version(page, major=False, note="Updated a link.")

    assert numbers(page) == ["1.0", "1.1", "1.2", "2.0", "2.1"]
    assert page.current_version.number == "2.1"
    assert page.current_version.change_note == "Updated a link."


def test_saving_a_draft_records_no_version():
    page = make_guidance()

    draft = page.get_latest_revision_as_object()
    draft.change_note = "Work in progress."
    draft.save_revision()

    assert numbers(page) == ["1.0"]


def test_unpublishing_withdraws_the_version_and_republishing_continues_the_numbers():
    page = make_guidance()
    page = publish_version(page, major=True, note="Rewritten.")

    page.unpublish()
    page = GuidancePage.objects.get(pk=page.pk)
    withdrawn = GuidanceVersion.objects.get(page=page, major=2)

    assert withdrawn.withdrawn_at is not None
    assert page.current_version is None

    page.get_latest_revision().publish()
    page = GuidancePage.objects.get(pk=page.pk)

    assert numbers(page) == ["1.0", "2.0", "2.1"]
    assert page.current_version.number == "2.1"
    assert page.current_version.change_note == REPUBLISHED_NOTE
    assert not page.current_version.is_major


def test_republishing_with_an_edit_after_withdrawal_uses_the_editors_choice():
    page = make_guidance()
    page.unpublish()

    page = publish_version(
        GuidancePage.objects.get(pk=page.pk), major=True, note="Reissued."
    )

    assert numbers(page) == ["1.0", "2.0"]


def test_reverting_to_an_old_revision_publishes_a_new_version_with_the_old_content():
    page = make_guidance(paragraphs=["Original advice."])
    first_revision = page.live_revision
    page = publish_version(page, major=True, note="New advice.", paragraphs=["New."])

    old = first_revision.as_object()
    old.change_is_major = True
    old.change_note = "Reverted to version 1.0: the new advice was withdrawn."
    revision = old.save_revision()
    revision.publish(previous_revision=first_revision)
    page = GuidancePage.objects.get(pk=page.pk)

    assert numbers(page) == ["1.0", "2.0", "3.0"]
    current = page.current_version
    assert "Original advice." in str(current.revision.as_object().body)
    assert current.change_note.startswith("Reverted to version 1.0")


def test_a_scheduled_publish_records_the_version_when_it_goes_live_not_before(signer):
    scheduler = signer
    page = make_guidance()
    draft = page.get_latest_revision_as_object()
    draft.change_is_major = False
    draft.change_note = "Scheduled update."
    draft.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = draft.save_revision(user=scheduler)
    revision.publish(user=scheduler, skip_permission_checks=True)  # the last approval

    assert numbers(page) == ["1.0"]

    # An hour later: the approved time has passed.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")

    page = GuidancePage.objects.get(pk=page.pk)
    assert numbers(page) == ["1.0", "1.1"]
    assert page.current_version.revision_id == revision.pk
    assert page.current_version.signed_off_by == scheduler


def test_scheduling_a_page_that_was_never_live_records_nothing_until_it_goes_live():
    page = make_guidance(publish=False)
    draft = page.get_latest_revision_as_object()
    draft.go_live_at = timezone.now() + datetime.timedelta(days=1)
    draft.save_revision().publish()

    assert numbers(page) == []


def test_the_publisher_is_recorded_as_signing_the_version_off(signer):
    page = make_guidance(user=signer)

    assert page.current_version.signed_off_by == signer


def test_a_change_note_already_published_is_not_offered_for_the_next_version(editor):
    page = make_guidance(change_note="First published.")
    form_class = GuidancePage.get_edit_handler().get_form_class()

    form = form_class(instance=page, for_user=editor, parent_page=page.get_parent())

    assert issubclass(form_class, GuidancePageForm)
    assert form.initial["change_note"] == ""


def test_each_sign_off_is_recorded_once_in_the_audit_log(signer):
    from core.models import AuditEvent
    from guidance.services import SIGNED_OFF_ACTION

    page = make_guidance(user=signer)
    publish_version(page, major=False, note="Typo.", user=signer)

    events = AuditEvent.objects.filter(action=SIGNED_OFF_ACTION).order_by("id")
    assert [e.details["version"] for e in events] == ["1.0", "1.1"]
    assert {e.actor for e in events} == {signer}


def test_an_editor_can_preview_a_draft_that_readers_cannot_see(officer):
    page = make_guidance(title="Draft for preview", publish=False)

    response = page.make_preview_request()

    assert response.status_code == 200
    assert "Draft for preview" in response.content.decode()
