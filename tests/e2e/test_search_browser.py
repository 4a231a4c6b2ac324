"""Search in the browser: from the header, filtering by a facet, autocomplete by
keyboard; axe-core on results, no results and the open combobox."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.guidance import make_guidance
from tests.factories.training import make_module

EMAIL = "dc.search@avon-and-somerset.police.uk"


@pytest.fixture(autouse=True)
def _reset_sequences(live_server):
    """The shared harness restores reference rows with their ids after a flush but
    leaves PostgreSQL's sequences at 1; move them past the restored rows."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


@pytest.fixture
def signed_in(page):
    make_user(email=EMAIL)
    make_guidance(
        title="Referring a victim to an ISVA",
        themes=("victim-engagement",),
        paragraphs=("Offer a referral to an independent sexual violence adviser.",),
    )
    make_guidance(
        title="Consent for a victim's phone download",
        themes=("digital-forensics",),
        paragraphs=("Only download what is strictly necessary from the victim.",),
    )
    make_module(
        title="Victim engagement essentials",
        lessons=0,
        themes=("victim-engagement",),
    )
    sign_in(page, EMAIL, TEST_PASSWORD)
    page.wait_for_url("**/")
    return page


def test_search_from_the_header_and_filter_by_a_facet(signed_in, assert_accessible):
    page = signed_in
    header_box = page.get_by_role("combobox", name="Search the Learning Network")
    header_box.fill("victim")
    header_box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=victim"))
    expect(page.locator("#search-status")).to_have_text("3 results for ‘victim’")
    expect(
        page.get_by_role("link", name="Referring a victim to an ISVA")
    ).to_be_visible()
    expect(page.locator(".ln-result__snippet mark").first).to_have_text(
        re.compile("victim", re.I)
    )
    assert_accessible(page, "search results")

    page.get_by_label(re.compile(r"^Digital forensics")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#search-status")).to_have_text("1 result for ‘victim’")
    expect(page.locator(".ln-result")).to_have_count(1)
    expect(
        page.get_by_role("link", name="Consent for a victim's phone download")
    ).to_be_visible()
    expect(page.get_by_label(re.compile(r"^Digital forensics"))).to_be_checked()


def test_no_results_page(signed_in, assert_accessible):
    page = signed_in
    page.goto("/search/?q=qwertyuiop")
    expect(
        page.get_by_role("heading", name="No results for ‘qwertyuiop’")
    ).to_be_visible()
    assert_accessible(page, "no results")


def test_autocomplete_by_keyboard(signed_in, assert_accessible):
    page = signed_in
    page.goto("/search/")
    box = page.get_by_role("combobox", name="Search guidance, training and forums")
    box.press_sequentially("Refer", delay=50)
    listbox = page.get_by_role("listbox", name="Suggested titles")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    option = listbox.get_by_role("option").first
    expect(option).to_contain_text("Referring a victim to an ISVA")
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    assert_accessible(page, "combobox open")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("r", delay=50)
    expect(listbox).to_be_visible()
    box.press("ArrowDown")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/guidance/referring-a-victim-to-an-isva/"))


def test_search_works_without_javascript(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    make_user(email=EMAIL)
    make_guidance(title="Referring a victim to an ISVA", paragraphs=("ISVA.",))
    sign_in(page, EMAIL, TEST_PASSWORD)
    page.wait_for_url("**/")
    page.get_by_label("Search the Learning Network").fill("ISVA")
    page.get_by_role("button", name="Search", exact=True).first.click()
    expect(
        page.get_by_role("link", name="Referring a victim to an ISVA")
    ).to_be_visible()
    context.close()


def test_more_matches_than_candidates(signed_in, assert_accessible, monkeypatch):
    """With more matches of a type than the candidates, the page says "more than",
    explains why, and marks facet counts as lower bounds; still accessible."""
    from search.selectors import ranking

    monkeypatch.setattr(ranking, "CANDIDATES", 1)
    page = signed_in
    page.goto("/search/?q=victim")
    expect(page.locator("#search-status")).to_have_text(
        "More than 2 results for ‘victim’"
    )
    expect(page.locator("#search-capped")).to_contain_text(
        "ranked among the 1 newest matches of each type"
    )
    guidance = page.get_by_label(re.compile(r"^Guidance"))
    expect(guidance).to_be_visible()
    expect(page.locator("label[for='facet-type-guidance']")).to_contain_text(
        "(at least 1+)"
    )
    assert_accessible(page, "search results, more than the candidates")


def test_a_thread_is_one_result_with_its_matching_replies(signed_in, assert_accessible):
    """Issue 14: a thread and its replies are one result, with the best-matching
    post's words as the snippet, as text (no Markdown), and the number of matching
    replies; still accessible."""
    from tests.factories.forums import make_category, make_thread

    colleague = make_user(email="dc.colleague@avon-and-somerset.police.uk")
    make_thread(
        category=make_category(slug="evidence", name="Evidence"),
        author=colleague,
        title="Third-party material requests",
        body="How are others keeping **third-party material** requests proportionate?",
        replies=[
            (colleague, "The CPS guidance on third-party material is clear on this."),
            (colleague, "We log each third-party material request."),
        ],
    )
    page = signed_in
    page.goto("/search/?q=third+party+material")
    expect(page.locator("#search-status")).to_have_text(
        "1 result for ‘third party material’"
    )
    result = page.locator(".ln-result")
    expect(result).to_have_count(1)
    expect(result.locator(".ln-result__replies")).to_have_text(
        "2 matching replies in this thread"
    )
    expect(result.locator(".ln-result__snippet")).not_to_contain_text("**")
    assert_accessible(page, "a thread with matching replies")
