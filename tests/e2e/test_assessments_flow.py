"""Browser: a force lead rates a statement with evidence, signs the assessment off and
turns a gap into an action; axe-core checks every self-assessment page type."""

import datetime
import re

from playwright.sync_api import expect

from django.utils import timezone

from assessments.models import Action, Assessment, Response
from core.models import AuditEvent
from tests.e2e.conftest import sign_in
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.assessments import (
    make_assessment,
    make_edition,
    make_lead,
    rate_all,
    signed_off,
)


def prepare():
    """A published edition (one statement per pillar) and the lead's assessment with
    every statement but the first rated."""
    previous = make_edition("2025/26", per_pillar=1)
    edition = make_edition("2026/27", per_pillar=1)
    lead = make_lead(
        email="ruth@avon-and-somerset.police.uk", display_name="DCI Ruth Adeyemi"
    )
    colleague = make_user(
        email="sam@avon-and-somerset.police.uk", display_name="DS Sam Patel"
    )
    rate_all(make_assessment(previous, lead), [1], lead)
    assessment = make_assessment(edition, lead)
    rate_all(assessment, [2, 3], lead)
    first = (
        Response.objects.filter(assessment=assessment)
        .order_by("statement__pillar__theme__position")
        .first()
    )
    first.rating = None
    first.save()
    first.evidence.all().delete()
    return assessment, first, lead, colleague


def test_a_force_lead_assesses_signs_off_and_creates_an_action(page, assert_accessible):
    assessment, first, lead, colleague = prepare()
    sign_in(page, lead.email, TEST_PASSWORD)
    page.wait_for_url("**/")

    page.get_by_role("link", name="Self-assessment").first.click()
    page.get_by_role("link", name=re.compile(r"^Avon and Somerset\s+2026\/27$")).click()
    expect(page.get_by_text("5 of 6 statements rated")).to_be_visible()
    assert_accessible(page, "assessment")

    page.get_by_role("link", name=f"Rate statement {first.statement.number}").click()
    assert_accessible(page, "statement form")
    page.get_by_label("Not met").check()
    page.get_by_label("Comment").fill("No suspect strategy in eight of ten plans.")
    expect(page.locator("[data-autosave-status]")).to_contain_text("Draft saved at")
    first.refresh_from_db()
    assert first.comment == "No suspect strategy in eight of ten plans."
    page.get_by_label("Evidence title").fill("Dip sample notes")
    page.get_by_label("Link to a page on this site").fill("https://elsewhere.example/")
    page.get_by_role("button", name="Save draft and stay").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page.get_by_label("Comment")).to_have_value(
        "No suspect strategy in eight of ten plans."
    )
    assert_accessible(page, "statement form with errors")
    page.get_by_label("Link to a page on this site").fill("/guidance/")
    page.get_by_role("button", name="Save draft and stay").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    expect(page.get_by_role("link", name="Dip sample notes")).to_be_visible()
    page.get_by_role("button", name="Save and return").click()
    expect(page.get_by_text("6 of 6 statements rated")).to_be_visible()

    page.get_by_role("link", name="Sign off the assessment").click()
    assert_accessible(page, "sign-off")
    page.get_by_label("I confirm this assessment is complete and accurate").check()
    page.get_by_role("button", name="Sign off").click()
    expect(page.get_by_text("It is now read-only.")).to_be_visible()
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SIGNED_OFF
    assert AuditEvent.objects.filter(action="assessment.signed_off").exists()

    page.get_by_role("link", name="Improvement plan").click()
    assert_accessible(page, "plan")
    page.get_by_role(
        "link", name=f"Create an action for statement {first.statement.number}"
    ).click()
    assert_accessible(page, "new action")
    page.get_by_label("What will be done").fill("Suspect strategy in every plan")
    page.get_by_label("Owner").select_option(label="DS Sam Patel")
    due = timezone.localdate() + datetime.timedelta(days=60)
    page.get_by_label("Due date").fill(due.isoformat())
    page.get_by_role("button", name="Create action").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Suspect strategy in every plan"
    )
    assert_accessible(page, "action")
    action = Action.objects.get()
    assert action.owner == colleague
    assert colleague.notifications.filter(object_id=str(action.pk)).exists()

    page.get_by_role("link", name="Improvement plan").first.click()
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("img", name="2026/27")).to_be_visible()
    expect(page.get_by_role("img", name="2025/26")).to_be_visible()
    assert_accessible(page, "dashboard")
    page.goto("/assessments/framework/")
    assert_accessible(page, "framework")
    page.goto(f"/assessments/{assessment.pk}/members/")
    assert_accessible(page, "colleagues and sharing")


def test_the_national_view_has_no_wcag_22_aa_violations(page, assert_accessible):
    edition = make_edition("2026/27", per_pillar=1)
    for slug in ["kent", "essex", "surrey", "sussex"]:
        signed_off(edition, slug, [2, 3])
    signed_off(edition, "dorset", [0], shares_name=True)
    admin = make_user(
        email="admin@college.police.uk",
        force="college-of-policing",
        groups=["Administrators"],
    )
    sign_in(page, admin.email, TEST_PASSWORD)
    page.wait_for_url("**/")

    page.goto("/assessments/national/")

    expect(page.get_by_text("fewer than 3 forces").first).to_be_visible()
    expect(page.get_by_text("Suppressed").first).to_be_visible()
    assert_accessible(page, "national view")
    page.goto("/assessments/")
    assert_accessible(page, "self-assessment index")
