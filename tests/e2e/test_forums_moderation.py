"""An officer reports a post; the moderator (signed in with an authenticator app)
handles it in the queue, reads the edit history, hides it for a reason and redacts
another; axe-core checks the report form, the queue and the history page."""

import re

from playwright.sync_api import expect

from core.models import AuditEvent
from forums.models import Post
from forums.services import posting
from tests.e2e.conftest import sign_in
from tests.e2e.test_forums_browser import new_page, reset_sequences
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.forums import make_category, make_thread
from tests.helpers import enrol_totp, totp_code_to_type


def test_report_a_post_and_handle_it_in_the_queue(
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
    kerry = make_user(
        email="kerry@college.police.uk",
        display_name="Kerry Nolan",
        force="greater-manchester",
        groups=["Moderators"],
    )
    secret = enrol_totp(kerry)
    thread = make_thread(
        category=make_category(slug="national", name="National"),
        author=alex,
        title="Handling third-party material",
    )
    reply = posting.post_create(author=priya, thread=thread, body="First wording.")
    posting.post_update(editor=priya, post=reply, body="We ask for everything.")
    other = make_thread(
        category=thread.category, author=priya, title="Victim withdrawal at charge"
    )
    leak = "In our case the victim, Sarah Jones, withdrew."
    try:
        posting.post_create(author=alex, thread=other, body=leak)
    except posting.IdentifyingDetailsFound as found:
        posting.post_create(
            author=alex, thread=other, body=leak, confirmed_digest=found.digest
        )

    # The officer reports the reply.
    sign_in(page, alex.email, TEST_PASSWORD)
    page.goto(thread.get_absolute_url())
    page.get_by_role("link", name=re.compile("^Report post by DC Priya Noor")).click()
    page.get_by_role("button", name="Report post").click()
    expect(
        page.get_by_text("Choose why you are reporting the post.").first
    ).to_be_visible()
    assert_accessible(page, "report form with an error")
    page.get_by_label("It gives wrong or unsafe advice").check()
    page.get_by_role("button", name="Report post").click()
    expect(page.get_by_text("A moderator will look at the post.")).to_be_visible()

    # The moderator signs in with an authenticator code and works the queue.
    mod = new_page(chromium, live_server)
    sign_in(mod, kerry.email, TEST_PASSWORD)
    mod.locator("input[name=code]").fill(totp_code_to_type(secret))
    mod.locator("input[name=code]").press("Enter")
    mod.wait_for_url(re.compile(r"://[^/]+/$"))
    mod.goto("/moderation/")
    expect(mod.get_by_role("heading", name="Moderation queue")).to_be_visible()
    expect(mod.get_by_text("It gives wrong or unsafe advice")).to_be_visible()
    assert_accessible(mod, "moderation queue")
    mod.get_by_role(
        "link", name=re.compile("^Edit history.*Handling third-party material")
    ).click()
    expect(mod.get_by_text("First wording.")).to_be_visible()
    assert_accessible(mod, "edit history")
    mod.go_back()
    mod.get_by_role(
        "link", name=re.compile("^Hide post in Handling third-party material")
    ).click()
    mod.get_by_label("It gives wrong or unsafe advice").check()
    mod.get_by_role("button", name="Hide post").click()
    expect(mod.get_by_role("heading", name="Moderation queue")).to_be_visible()
    expect(mod.get_by_text("Personal name:")).to_be_visible()

    # A name got through with the author's confirmation: redact it.
    mod.get_by_role(
        "link", name=re.compile("^Redact the post in Victim withdrawal")
    ).click()
    assert_accessible(mod, "redact a post")
    mod.get_by_label("Text to remove").fill("Sarah Jones")
    mod.get_by_role("button", name="Redact").click()
    # The redaction dealt with the confirmed findings: back to an empty queue.
    expect(mod.get_by_text("The queue is empty.")).to_be_visible()
    assert_accessible(mod, "empty queue")
    mod.goto(other.get_absolute_url())
    expect(mod.get_by_text("Redacted by a moderator")).to_be_visible()
    expect(mod.get_by_text("Sarah Jones")).to_have_count(0)
    mod.goto("/search/?q=Sarah")
    expect(mod.get_by_text("Victim withdrawal at charge")).to_have_count(0)
    assert not Post.objects.filter(body__icontains="sarah").exists()

    assert Post.objects.get(pk=reply.pk).hidden_at is not None
    assert AuditEvent.objects.filter(action="forums.post_hidden", actor=kerry).exists()
    page.goto(thread.get_absolute_url())
    expect(page.get_by_text("We ask for everything.")).to_have_count(0)
    mod.goto(thread.get_absolute_url())
    expect(
        mod.locator(f"#post-{reply.pk}").get_by_text("Hidden", exact=True)
    ).to_be_visible()
    assert_accessible(mod, "thread with a hidden post (moderator)")
    mod.get_by_role("link", name="Move thread").click()
    assert_accessible(mod, "move a thread")
    mod.goto(f"/moderation/users/{priya.pk}/suspend/")
    mod.get_by_role("button", name="Suspend").click()
    expect(mod.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(mod, "suspend with errors")
    mod.goto("/moderation/words/")
    mod.get_by_label("Hold the post for approval").check()
    mod.get_by_role("button", name="Add").click()
    expect(mod.get_by_text("Enter a word, phrase or pattern.").first).to_be_visible()
    assert_accessible(mod, "watched words with an error")
    mod.get_by_label("Word, phrase or pattern").fill("burner phone")
    mod.get_by_role("button", name="Add").click()
    expect(mod.get_by_role("cell", name="burner phone", exact=True)).to_be_visible()
    assert_accessible(mod, "watched words")
    mod.context.close()
