import re

from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.helpers import totp_code_to_type


def test_a_new_editor_is_sent_to_enrol_then_reaches_the_admin(page, assert_accessible):
    make_user(email="new.editor@college.police.uk", groups=["Guidance editors"])
    sign_in(page, "new.editor@college.police.uk", TEST_PASSWORD)
    page.wait_for_url(re.compile(r"://[^/]+/$"))

    page.goto("/admin/")

    expect(page).to_have_url(re.compile(r"/accounts/2fa/$"))
    expect(page.get_by_text("Set up an authenticator app or a passkey")).to_be_visible()
    assert_accessible(page, "MFA overview")
    page.get_by_role("button", name="Activate").click()
    # allauth asks for the password again before a security change.
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Authenticator")
    assert_accessible(page, "activate authenticator app")
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code_to_type(secret))
    page.get_by_role("button", name="Activate").click()

    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("link", name="Dashboard")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Learning Network")
