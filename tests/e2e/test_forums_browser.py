"""Two officers from different forces use the forums in a real browser: one starts a
thread, the other replies with a quote and a mention, meets the case-safety warning
and fixes the text; the private force category stays invisible to the other force.
axe-core checks every forum page type."""

import re

from playwright.sync_api import expect

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection

from core.models import Notification
from forums.models import CaseSafetyFlag, Post
from tests.e2e.conftest import sign_in
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.forums import make_category, make_thread


def reset_sequences():
    """The reference data comes back with its ids but PostgreSQL's sequences do not:
    move them past those ids before creating rows."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def new_page(chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1200, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def test_start_a_thread_reply_with_quote_and_mention_and_fix_a_case_safety_warning(
    page, chromium, live_server, assert_accessible
):
    reset_sequences()
    alex = make_user(
        email="alex@avon-and-somerset.police.uk", display_name="DC Alex Ray"
    )
    priya = make_user(
        email="priya@west-yorkshire.police.uk",
        display_name="DC Priya Noor",
        force="west-yorkshire",
    )
    private = make_category(
        slug="avon-rasso", name="Avon RASSO team", force="avon-and-somerset"
    )
    make_thread(category=private, author=alex, title="Local rota changes")

    # Officer A starts a thread in a national category.
    sign_in(page, alex.email, TEST_PASSWORD)
    page.goto("/forums/")
    expect(page.get_by_role("heading", name="Forums", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Avon RASSO team")).to_be_visible()
    assert_accessible(page, "forum index")
    page.locator("#main-content").get_by_role("link", name="Data", exact=True).click()
    expect(page.get_by_role("heading", name="Data", level=1)).to_be_visible()
    assert_accessible(page, "category page")
    page.get_by_role("link", name="Start a thread").click()
    assert_accessible(page, "start a thread")
    page.get_by_role("button", name="Post thread").click()  # empty: errors
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page, "start a thread with errors")
    page.get_by_label("Title", exact=True).fill("Measuring attrition by stage")
    page.get_by_label("Your post").fill(
        "How do you measure **attrition** so teams can act on it?"
    )
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".ln-preview strong")).to_have_text("attrition")
    assert_accessible(page, "preview")
    page.get_by_role("button", name="Post thread").click()
    expect(
        page.get_by_role("heading", name="Measuring attrition by stage", level=1)
    ).to_be_visible()
    assert_accessible(page, "thread page")
    page.goto("/themes/data/")
    expect(
        page.get_by_role("link", name="Measuring attrition by stage")
    ).to_be_visible()
    assert_accessible(page, "theme page with the forums section")

    # Officer B (another force) sees the national thread but not A's private one.
    other = new_page(chromium, live_server)
    sign_in(other, priya.email, TEST_PASSWORD)
    other.goto("/forums/")
    expect(
        other.get_by_role("link", name="Measuring attrition by stage")
    ).to_be_visible()
    expect(other.get_by_text("Avon RASSO team")).to_have_count(0)
    expect(other.get_by_text("Local rota changes")).to_have_count(0)
    response = other.goto("/forums/categories/avon-rasso/")
    assert response.status == 404

    # B quotes A's post, mentions A, and writes a detail that identifies someone.
    other.goto("/forums/")
    other.get_by_role("link", name="Measuring attrition by stage").click()
    other.get_by_role("link", name=re.compile("^Quote")).click()
    body = other.get_by_label("Your reply")
    expect(body).to_have_value(re.compile(r"^> \*\*DC Alex Ray wrote:\*\*"))
    assert_accessible(other, "reply with a quote")
    body.press("End")
    body.press("Control+End")
    body.type(
        "@[DC Alex Ray] we track it monthly. In one case the victim, Sarah Jones, "
        "withdrew at charge."
    )
    other.get_by_role("button", name="Post reply").click()
    warning = other.locator("#case-safety")
    expect(warning).to_be_visible()
    expect(warning.locator("mark")).to_contain_text("Sarah Jones")
    assert_accessible(other, "case-safety warning")
    assert Post.objects.count() == 2  # nothing saved yet

    # B fixes the text rather than confirming.
    text = other.get_by_label("Your reply").input_value()
    other.get_by_label("Your reply").fill(text.replace(", Sarah Jones,", ""))
    other.get_by_role("button", name="Post reply").click()
    expect(other.get_by_text("Your reply is posted.")).to_be_visible()
    reply = Post.objects.latest("created_at")
    expect(other.locator(f"#post-{reply.pk} blockquote")).to_contain_text(
        "How do you measure"
    )
    expect(other.locator(f"#post-{reply.pk} .ln-mention")).to_have_text("@DC Alex Ray")
    assert "Sarah Jones" not in reply.body
    assert not CaseSafetyFlag.objects.exists()

    # A is told about the mention; the reply can be marked helpful and as the answer.
    assert Notification.objects.filter(recipient=alex, verb="mentioned you").exists()
    assert not Notification.objects.filter(recipient=priya).exists()
    page.goto("/notifications/")
    expect(page.get_by_text("DC Priya Noor mentioned you")).to_be_visible()
    assert_accessible(page, "notifications")
    page.get_by_role("button", name=re.compile("DC Priya Noor mentioned you")).click()
    page.get_by_role("button", name=re.compile("^Helpful")).last.click()
    page.get_by_role("button", name=re.compile("^Mark as the answer")).click()
    expect(page.get_by_role("heading", name="Marked answer")).to_be_visible()
    assert_accessible(page, "thread with an answer")

    # A edits the opening post.
    page.get_by_role("link", name=re.compile("^Edit")).first.click()
    assert_accessible(page, "edit a post")
    other.context.close()


def test_a_draft_survives_leaving_the_page(page, live_server, assert_accessible):
    reset_sequences()
    alex = make_user(
        email="alex@avon-and-somerset.police.uk", display_name="DC Alex Ray"
    )
    thread = make_thread(
        category=make_category(slug="drafts", name="Drafts"), author=alex
    )
    sign_in(page, alex.email, TEST_PASSWORD)

    page.goto(thread.get_absolute_url())
    page.get_by_label("Your reply").fill("Half a thought I have not posted yet")
    page.wait_for_timeout(500)
    page.goto("/forums/")
    page.goto(thread.get_absolute_url())

    expect(page.get_by_label("Your reply")).to_have_value(
        "Half a thought I have not posted yet"
    )
    expect(
        page.get_by_text("We restored the text you had not posted yet.")
    ).to_be_visible()
    assert_accessible(page, "thread with a restored draft")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_text("Your reply is posted.")).to_be_visible()
    page.goto(thread.get_absolute_url())
    expect(page.get_by_label("Your reply")).to_have_value("")
