import datetime
import re

import pytest
from playwright.sync_api import expect

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection

from core.services import follow_create
from tests.e2e.conftest import sign_in
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.guidance import make_guidance, publish_version

EMAIL = "dc.jones@avon-and-somerset.police.uk"


@pytest.fixture(autouse=True)
def _reset_sequences(_restore_reference_data):
    """The reference data goes back with its own keys but the sequences stay reset by
    the flush, so the next page would reuse key 1. Move the sequences past the data.
    (Belongs in tests/conftest.py's restore; kept here until the lead moves it.)"""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def library():
    page = make_guidance(
        title="Planning the first 48 hours",
        themes=["victim-engagement", "suspect-focused-investigations"],
        paragraphs=["Offer the victim an ISVA.", "Record the first account."],
    )
    page = publish_version(
        page,
        major=True,
        note="ISVA referral is now mandatory.",
        paragraphs=["Refer the victim to an ISVA.", "Record the first account."],
    )
    make_guidance(title="Working with ISVAs", themes=["victim-engagement"])
    return page


def test_an_officer_reads_guidance_opens_the_history_and_compares_two_versions(page):
    user = make_user(email=EMAIL, display_name="DC Jones")
    guidance = library()
    follow_create(user=user, target=guidance)

    sign_in(page, EMAIL, TEST_PASSWORD)
    page.wait_for_url("**/")
    page.goto("/guidance/")
    page.get_by_role("link", name="Planning the first 48 hours").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Planning the first 48 hours"
    )
    expect(page.locator(".ln-version-line")).to_contain_text("Version 2.0")
    expect(page.get_by_text("ISVA referral is now mandatory.")).to_be_visible()
    expect(
        page.get_by_role("button", name=re.compile("Stop following"))
    ).to_be_visible()

    page.get_by_role("link", name="Version history").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Version history")
    page.get_by_role("link", name="Version 1.0").click()
    expect(page.get_by_role("region", name="Superseded version")).to_be_visible()
    page.get_by_role("link", name="Read the current version (2.0)").click()
    expect(page).to_have_url(re.compile(r"/guidance/planning-the-first-48-hours/$"))

    page.get_by_role("link", name="Compare versions").click()
    expect(page.locator(".ln-diff del.ln-del").first).to_contain_text("Offer")
    expect(page.locator(".ln-diff ins.ln-ins").first).to_contain_text("Refer")

    page.get_by_label("Compare version").select_option("2.0")
    page.get_by_label("with version").select_option("1.0")
    page.get_by_role("button", name="Compare").click()
    expect(page.locator(".ln-diff del.ln-del").first).to_contain_text("Refer")


def test_guidance_pages_have_no_wcag_22_aa_violations(page, assert_accessible):
    make_user(email=EMAIL)
    guidance = library()
    overdue = make_guidance(
        title="Overdue guidance",
        review_by=datetime.date(2020, 1, 1),
        protective_marking="OFFICIAL-SENSITIVE",
    )

    sign_in(page, EMAIL, TEST_PASSWORD)
    page.wait_for_url("**/")
    page.goto("/guidance/")
    assert_accessible(page, "guidance index")
    page.goto("/guidance/?theme=victim-engagement")
    assert_accessible(page, "guidance index filtered")
    page.goto(guidance.url)
    assert_accessible(page, "guidance page")
    page.get_by_role("button", name="Send feedback").click()
    assert_accessible(page, "guidance page with feedback errors")
    page.goto(overdue.url)
    expect(page.get_by_text("Review overdue")).to_be_visible()
    assert_accessible(page, "sensitive guidance overdue for review")
    page.goto(guidance.url + "versions/")
    assert_accessible(page, "history")
    page.goto(guidance.url + "versions/1-0/")
    assert_accessible(page, "superseded version")
    page.goto(guidance.url + "compare/?from=1.0&to=2.0")
    assert_accessible(page, "compare")
    page.goto(guidance.url + "compare/?from=1.0&to=1.0")
    assert_accessible(page, "compare with an error")
    page.goto(guidance.url + "as-it-stood-on/")
    assert_accessible(page, "as it stood on")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Show the guidance").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter a real date")
    assert_accessible(page, "as it stood on with an error")
    page.goto("/themes/victim-engagement/")
    assert_accessible(page, "theme page with guidance")
    page.get_by_role("button", name="Follow this theme").click()
    expect(page.get_by_role("button", name="Stop following this theme")).to_be_visible()
    assert_accessible(page, "theme page after following")
