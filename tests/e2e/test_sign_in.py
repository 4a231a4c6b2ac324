import re

from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD


def test_an_officer_signs_in_through_the_form_and_sees_the_home_page_and_themes(page):
    make_user(email="dc.jones@avon-and-somerset.police.uk", display_name="DC Jones")

    sign_in(page, "dc.jones@avon-and-somerset.police.uk", TEST_PASSWORD)

    expect(page).to_have_url(re.compile(r"://[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Learning Network")
    themes = page.get_by_role("navigation", name="Themes")
    expect(themes.get_by_role("link")).to_have_count(6)
    expect(themes.get_by_role("link", name="Digital forensics")).to_be_visible()


def test_a_wrong_password_keeps_the_address_and_says_what_is_wrong(page):
    make_user(email="dc.jones@avon-and-somerset.police.uk")

    sign_in(page, "dc.jones@avon-and-somerset.police.uk", "not-the-password")

    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page.get_by_label("Email")).to_have_value(
        "dc.jones@avon-and-somerset.police.uk"
    )


def test_sign_in_sign_up_and_home_pages_have_no_wcag_22_aa_violations(
    page, assert_accessible
):
    make_user(email="dc.jones@avon-and-somerset.police.uk")

    page.goto("/accounts/login/")
    assert_accessible(page, "sign-in")
    page.goto("/accounts/signup/")
    assert_accessible(page, "sign-up")
    page.get_by_role("button", name="Create account").click()
    assert_accessible(page, "sign-up with errors")
    sign_in(page, "dc.jones@avon-and-somerset.police.uk", TEST_PASSWORD)
    page.wait_for_url("**/")
    assert_accessible(page, "home")
    page.goto("/accessibility/")
    assert_accessible(page, "accessibility statement")
    page.goto("/themes/victim-engagement/")
    assert_accessible(page, "theme")
    page.goto("/accounts/profile/")
    assert_accessible(page, "profile")
    page.goto("/notifications/")
    assert_accessible(page, "notifications")
