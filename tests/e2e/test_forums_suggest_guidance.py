import re

from playwright.sync_api import expect

from forums.models import Post
from forums.services import posting
from tests.e2e.conftest import sign_in
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.forums import make_thread, national_category
from tests.factories.guidance import make_guidance
from tests.helpers import enrol_totp, totp_code_to_type


def test_a_moderator_sends_an_answered_thread_to_guidance(page, assert_accessible):
    officer = make_user(email="dc.one@avon-and-somerset.police.uk")
    peer = make_user(email="dc.two@west-yorkshire.police.uk", force="west-yorkshire")
    owner = make_user(email="owner@college.police.uk", groups=["Guidance editors"])
    moderator = make_user(email="mod@gmp.police.uk", groups=["Moderators"])
    secret = enrol_totp(moderator)
    make_guidance(title="Working with ISVAs", content_owner=owner)
    thread = make_thread(
        category=national_category(),
        author=officer,
        title="When do you refer to the ISVA?",
        replies=[(peer, "At first contact, with the victim's consent.")],
    )
    reply = Post.objects.filter(thread=thread).order_by("-id").first()
    posting.thread_answer_set(user=officer, thread=thread, post=reply)
    sign_in(page, moderator.email, TEST_PASSWORD)
    page.get_by_label("Code").fill(totp_code_to_type(secret))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"://[^/]+/$"))

    page.goto(thread.get_absolute_url())
    page.get_by_role("link", name="Send to guidance").click()
    assert_accessible(page, "send to guidance")
    page.get_by_role("button", name="Send suggestion").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose a guidance page.")
    assert_accessible(page, "send to guidance with an error")
    page.get_by_label("Guidance page").select_option(label="Working with ISVAs")
    page.get_by_label("Note for the page's owner").fill("Referral at first contact")
    page.get_by_role("button", name="Send suggestion").click()

    expect(page.get_by_text("has been sent to the owner")).to_be_visible()
