import re

from playwright.sync_api import expect

from core.services import audit_record
from tests.e2e.conftest import sign_in
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.helpers import enrol_totp, totp_code_to_type


def test_an_administrator_filters_the_audit_log(page, assert_accessible):
    admin = make_user(email="admin@college.police.uk", groups=["Administrators"])
    secret = enrol_totp(admin)
    audit_record(action="forums.post_redacted", actor=admin, details={"post": 7})
    audit_record(action="guidance.version_published", actor=admin)
    sign_in(page, admin.email, TEST_PASSWORD)
    page.get_by_label("Code").fill(totp_code_to_type(secret))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"://[^/]+/$"))

    page.get_by_role("link", name="Audit log").click()
    page.get_by_label("Action").select_option("forums.post_redacted")
    page.get_by_role("button", name="Apply filters").click()

    table = page.get_by_role("table")
    expect(table.get_by_text("forums.post_redacted")).to_be_visible()
    expect(table.get_by_text("guidance.version_published")).to_have_count(0)
    assert_accessible(page, "audit log")
    page.get_by_label("From").fill("2026-12-31")
    page.get_by_label("To").fill("2026-01-01")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    assert_accessible(page, "audit log with an error")
