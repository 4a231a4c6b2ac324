"""A new moderator finds the moderation tools from the header, hides a post with a
reason (and undoes it), and sees a redaction close the report in the queue; an
officer sees no Moderation link. axe-core checks each new page state."""

import re

import pytest
from playwright.sync_api import expect

from core.models import AuditEvent
from forums.models import Post, PostReport
from forums.services import moderation, posting
from tests.e2e.conftest import sign_in
from tests.e2e.test_forums_browser import reset_sequences
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.forums import make_thread, national_category
from tests.helpers import enrol_totp, totp_code_to_type

NAME = "Sarah Jones"


@pytest.fixture
def people():
    reset_sequences()
    alex = make_user(
        email="alex@avon-and-somerset.police.uk", display_name="DC Alex Ray"
    )
    priya = make_user(
        email="priya@west-yorkshire.police.uk",
        display_name="DC Priya Noor",
        force="west-yorkshire",
    )
    kerry = make_user(
        email="kerry@college.police.uk",
        display_name="Kerry Nolan",
        force="greater-manchester",
        groups=["Moderators"],
    )
    return alex, priya, kerry


def sign_in_as_moderator(page, moderator):
    secret = enrol_totp(moderator)
    sign_in(page, moderator.email, TEST_PASSWORD)
    page.locator("input[name=code]").fill(totp_code_to_type(secret))
    page.locator("input[name=code]").press("Enter")
    page.wait_for_url(re.compile(r"://[^/]+/$"))


def account_nav(page):
    return page.get_by_role("navigation", name="Account")


def test_a_moderator_finds_the_queue_from_the_header_and_an_officer_does_not(
    page, people, assert_accessible
):
    alex, priya, kerry = people
    thread = make_thread(category=national_category(), author=alex, title="Disclosure")
    moderation.post_report_create(
        reporter=priya, post=thread.posts.get(), reason="wrong"
    )

    sign_in(page, alex.email, TEST_PASSWORD)
    page.wait_for_url(re.compile(r"://[^/]+/$"))
    expect(
        account_nav(page).get_by_role("link", name=re.compile("Moderation"))
    ).to_have_count(0)
    menu = page.get_by_role("navigation", name="Menu")
    for section in ("Guidance", "Training", "Forums", "Search"):
        expect(menu.get_by_role("link", name=section, exact=True)).to_be_visible()
    menu.get_by_role("link", name="Forums", exact=True).click()
    expect(menu.get_by_role("link", name="Forums", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    assert_accessible(page, "forums with the section marked")
    page.context.clear_cookies()

    sign_in_as_moderator(page, kerry)
    link = account_nav(page).get_by_role("link", name="Moderation 1 open item")
    expect(link).to_be_visible()
    assert_accessible(page, "home page with the Moderation link")
    link.click()
    expect(page.get_by_role("heading", name="Moderation queue")).to_be_visible()
    expect(
        account_nav(page).get_by_role("link", name=re.compile("^Moderation"))
    ).to_have_attribute("aria-current", "page")
    expect(page.get_by_text("It gives wrong or unsafe advice")).to_be_visible()


def test_hiding_needs_a_reason_and_can_be_undone(page, people, assert_accessible):
    alex, priya, kerry = people
    thread = make_thread(category=national_category(), author=alex, title="Disclosure")
    reply = posting.post_create(author=priya, thread=thread, body="Ask for it all.")

    sign_in_as_moderator(page, kerry)
    page.goto(thread.get_absolute_url())
    page.get_by_role("link", name="Hide post by DC Priya Noor").click()
    page.get_by_role("button", name="Hide post").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select why you are hiding the post.")
    assert_accessible(page, "hide a post with an error")
    summary.get_by_role("link", name="Select why you are hiding the post.").click()
    expect(
        page.get_by_label("It identifies a victim, witness or suspect")
    ).to_be_focused()

    page.get_by_label("It gives wrong or unsafe advice").check()
    page.get_by_label("Note for other moderators (optional)").fill("Out of date.")
    page.get_by_role("button", name="Hide post").click()
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text(
        "The post is hidden (It gives wrong or unsafe advice)"
    )
    post = page.locator(f"#post-{reply.pk}")
    expect(post).to_contain_text("Hidden by Kerry Nolan")
    expect(post).to_contain_text(
        "It gives wrong or unsafe advice. Note: “Out of date.”"
    )
    expect(
        post.get_by_role("button", name="Unhide post by DC Priya Noor")
    ).to_be_visible()
    assert_accessible(page, "a hidden post with the Undo message")

    banner.get_by_role("button", name="Undo").click()
    expect(page.get_by_text("The post is visible again.")).to_be_visible()
    expect(page.locator(f"#post-{reply.pk}")).not_to_contain_text("Hidden by")
    assert Post.objects.get(pk=reply.pk).hidden_at is None
    assert list(
        AuditEvent.objects.filter(
            action__in=["forums.post_hidden", "forums.post_restored"]
        )
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["forums.post_hidden", "forums.post_restored"]


def test_redacting_the_reported_text_closes_the_report_in_the_queue(
    page, people, assert_accessible
):
    alex, priya, kerry = people
    thread = make_thread(category=national_category(), author=alex, title="Withdrawal")
    body = f"In our case the victim, {NAME}, withdrew."
    try:
        leak = posting.post_create(author=priya, thread=thread, body=body)
    except posting.IdentifyingDetailsFound as found:
        leak = posting.post_create(
            author=priya, thread=thread, body=body, confirmed_digest=found.digest
        )
    moderation.post_report_create(reporter=alex, post=leak, reason="identifying")

    sign_in_as_moderator(page, kerry)
    account_nav(page).get_by_role("link", name="Moderation 2 open items").click()
    page.get_by_role("link", name="Redact the post in Withdrawal").first.click()
    page.get_by_label("Text to remove").fill(NAME)
    page.get_by_role("button", name="Redact").click()

    expect(page.get_by_role("heading", name="Moderation queue")).to_be_visible()
    expect(
        page.get_by_text("Its open reports and confirmed case-safety")
    ).to_be_visible()
    expect(page.get_by_text("The queue is empty.")).to_be_visible()
    expect(
        account_nav(page).get_by_role("link", name="Moderation", exact=True)
    ).to_be_visible()
    assert_accessible(page, "the queue after a redaction")
    report = PostReport.objects.get(post=leak)
    assert report.outcome == PostReport.Outcome.REDACTED
