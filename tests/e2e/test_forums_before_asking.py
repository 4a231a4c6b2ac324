import re

from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.forums import make_category, make_thread
from tests.factories.guidance import make_guidance


def test_typing_a_title_shows_answers_that_may_already_exist(page, assert_accessible):
    officer = make_user(email="dc.one@avon-and-somerset.police.uk")
    other_force = make_user(email="dc.two@kent.police.uk", force="kent")
    make_guidance(
        title="Referring victims to an ISVA",
        paragraphs=("Offer an independent sexual violence adviser at first contact.",),
    )
    kent_room = make_category(slug="kent-room", name="Kent room", force="kent")
    make_thread(
        category=kent_room, author=other_force, title="ISVA referral backlog in Kent"
    )
    sign_in(page, officer.email, TEST_PASSWORD)
    page.wait_for_url(re.compile(r"://[^/]+/$"))

    page.goto("/forums/categories/victim-engagement/new/")
    page.get_by_role("textbox", name="Title").fill(
        "How quickly do you make an ISVA referral?"
    )

    suggestions = page.locator("#before-asking")
    expect(
        suggestions.get_by_role("link", name="Referring victims to an ISVA")
    ).to_be_visible()
    expect(suggestions.get_by_text("ISVA referral backlog in Kent")).to_have_count(0)
    assert_accessible(page, "new thread with suggestions")
