"""A guidance editor (signed in with an authenticator app) chooses related guidance in
the Wagtail admin with the page chooser, saves a draft, and the links are in it in the
order chosen."""

import re

from playwright.sync_api import expect

from guidance.models import GuidancePage
from tests.e2e.conftest import sign_in
from tests.e2e.test_forums_browser import new_page, reset_sequences
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.guidance import make_guidance
from tests.helpers import enrol_totp, totp_code_to_type


def test_an_editor_chooses_related_guidance_with_the_page_chooser(
    chromium, live_server
):
    reset_sequences()
    editor = make_user(email="editor@college.police.uk", groups=["Guidance editors"])
    secret = enrol_totp(editor)
    page = make_guidance(title="Downloading a victim's phone")
    make_guidance(title="Disclosure of third-party material")
    make_guidance(title="Early investigative advice")

    admin = new_page(chromium, live_server)
    sign_in(admin, editor.email, TEST_PASSWORD)
    admin.locator("input[name=code]").fill(totp_code_to_type(secret))
    admin.locator("input[name=code]").press("Enter")
    admin.wait_for_url(re.compile(r"://[^/]+/$"))

    admin.goto(f"/admin/pages/{page.pk}/edit/")
    admin.get_by_role("button", name=re.compile("related guidance", re.I)).first.click()
    modal = admin.locator(".modal-content")
    expect(modal).to_be_visible()
    # The chooser opens on the guidance library (only guidance pages can be chosen).
    for title in ("Disclosure of third-party material", "Early investigative advice"):
        row = modal.get_by_role("row", name=re.compile(re.escape(title)))
        row.get_by_role("checkbox").check()
    modal.get_by_role("button", name=re.compile("Confirm selection", re.I)).click()
    expect(modal).to_be_hidden()
    admin.get_by_label(re.compile("Change note")).fill("Linked related guidance.")
    admin.get_by_role("button", name="Save draft").click()
    expect(
        admin.get_by_text(re.compile("has been updated|saved", re.I)).first
    ).to_be_visible()

    draft = GuidancePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert [link.target.title for link in draft.related_links.all()] == [
        "Disclosure of third-party material",
        "Early investigative advice",
    ]
