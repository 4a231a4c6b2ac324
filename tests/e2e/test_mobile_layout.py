"""Issue 14: on a 390 px wide phone no page with a table is wider than the screen (wide
tables scroll inside a focusable region instead), search results start within the
first screen with the filters folded away, and buttons and chart labels use the site's
font, not the browser's serif default. axe-core checks each page as it stands."""

import re

import pytest
from playwright.sync_api import expect

from django.conf import settings
from django.test import Client

from assessments import services as assessment_services
from core.services import follow_create
from forums.models import WatchedWord
from forums.services import moderation, posting
from tests.e2e.test_forums_browser import reset_sequences
from tests.factories import make_user
from tests.factories.assessments import (
    make_action,
    make_assessment,
    make_edition,
    make_lead,
    rate_all,
    signed_off,
)
from tests.factories.forums import make_category, make_thread
from tests.factories.guidance import make_guidance, publish_version
from tests.factories.training import make_module
from training.services import attempt_submit

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PASS = {"q-charge": [0], "q-early": [0, 2]}
FAIL = {"q-charge": [1], "q-early": [0]}
LONG_NOTE = (
    "Rewritten after the Court of Appeal's judgment on third-party material requests: "
    "https://www.judiciary.example/judgments/r-v-example-third-party-material-2026"
)
PAGE_WIDTH = "document.documentElement.scrollWidth"
SITE_FONT = "getComputedStyle(document.querySelector('h1')).fontFamily"


def browser_as(chromium, live_server, user, viewport=PHONE):
    """A page signed in as ``user`` (past MFA) through a session cookie, so the test
    spends its time on the pages it checks."""
    client = Client()
    client.force_login(user)
    context = chromium.new_context(base_url=live_server.url, viewport=viewport)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def assert_fits_the_phone(page, assert_accessible, url: str):
    response = page.goto(url)

    assert response.status == 200, url
    assert page.evaluate(PAGE_WIDTH) <= PHONE["width"], f"{url} is wider than 390 px"
    for region in page.locator(".ln-table-scroll").all():
        assert region.get_attribute("tabindex") == "0"
        assert region.get_attribute("role") == "region"
        assert region.get_attribute("aria-label")
    assert_accessible(page, f"{url} at 390 px")


def learners(module):
    """Three learners in each of two forces, so the report shows every figure."""
    for force in ("avon-and-somerset", "hampshire-and-isle-of-wight"):
        for number, answers in enumerate([PASS, PASS, FAIL]):
            user = make_user(
                email=f"learner{number}@{force}.police.uk",
                force=force,
                job_role="digital_forensic_examiner",
            )
            attempt_submit(user=user, module=module, answers=answers)


@pytest.fixture
def world():
    reset_sequences()
    editor = make_user(
        email="editor@college.police.uk",
        display_name="Professor Alexandra Montgomery-Fitzwilliam",
        force="college-of-policing",
        groups=["Guidance editors"],
    )
    guidance = make_guidance(title="Third-party material requests", user=editor)
    for number in range(3):
        guidance = publish_version(
            guidance, major=number % 2 == 0, note=LONG_NOTE, user=editor
        )
    return {"guidance": guidance, "editor": editor}


def test_guidance_history_fits_a_phone(chromium, live_server, world, assert_accessible):
    page = browser_as(chromium, live_server, make_user(email="dc.a@kent.police.uk"))

    assert_fits_the_phone(page, assert_accessible, world["guidance"].url + "versions/")


def test_forum_and_moderation_pages_fit_a_phone(
    chromium, live_server, assert_accessible
):
    reset_sequences()
    officer = make_user(email="dc.ray@avon-and-somerset.police.uk")
    moderator = make_user(
        email="kerry@college.police.uk",
        force="greater-manchester",
        groups=["Moderators"],
    )
    thread = make_thread(
        category=make_category(slug="national", name="National"),
        author=officer,
        title="Handling third-party material requests from the defence",
    )
    reply = posting.post_create(
        author=moderator, thread=thread, body=f"See {LONG_NOTE.split(': ')[1]}"
    )
    moderation.post_report_create(
        reporter=officer,
        post=reply,
        reason="wrong",
        details="The link in this reply goes to " + LONG_NOTE.split(": ")[1],
    )
    WatchedWord.objects.create(
        pattern=r"\b(?:third[- ]party[- ]material[- ]disclosure[- ]schedule)\b",
        is_regex=True,
        action=WatchedWord.Action.FLAG,
    )

    page = browser_as(chromium, live_server, officer)
    assert_fits_the_phone(page, assert_accessible, "/forums/")
    assert_fits_the_phone(page, assert_accessible, f"/forums/posts/{reply.pk}/report/")
    page = browser_as(chromium, live_server, moderator)
    assert_fits_the_phone(page, assert_accessible, "/moderation/")
    assert_fits_the_phone(page, assert_accessible, "/moderation/words/")


def test_assessment_pages_fit_a_phone(chromium, live_server, assert_accessible):
    reset_sequences()
    previous = make_edition("2025/26", per_pillar=2)
    edition = make_edition("2026/27", per_pillar=2)
    lead = make_lead(
        email="ruth@avon-and-somerset.police.uk",
        display_name="Detective Chief Inspector Ruth Adeyemi-Montgomery",
    )
    rate_all(make_assessment(previous, lead), [1], lead)
    assessment = make_assessment(edition, lead)
    rate_all(assessment, [0, 1, 2, 3], lead)
    assessment_services.assessment_member_add(
        assessment=assessment,
        user=make_user(email="sam.patel-longname@avon-and-somerset.police.uk"),
        actor=lead,
    )
    make_action(assessment, lead, lead)
    for slug in ["kent", "essex", "surrey", "dorset"]:
        signed_off(edition, slug, [1, 2, 3])
    admin = make_user(
        email="admin@college.police.uk",
        force="college-of-policing",
        groups=["Administrators"],
    )

    page = browser_as(chromium, live_server, lead)
    for url in ["", f"{assessment.pk}/", f"{assessment.pk}/dashboard/"]:
        assert_fits_the_phone(page, assert_accessible, f"/assessments/{url}")
    for url in [f"{assessment.pk}/plan/", f"{assessment.pk}/members/"]:
        assert_fits_the_phone(page, assert_accessible, f"/assessments/{url}")
    page = browser_as(chromium, live_server, admin)
    assert_fits_the_phone(page, assert_accessible, "/assessments/national/")
    assert_fits_the_phone(page, assert_accessible, "/audit/")


def test_training_reports_and_my_learning_fit_a_phone(
    chromium, live_server, assert_accessible
):
    reset_sequences()
    trainer = make_user(email="trainer@college.police.uk", groups=["Trainers"])
    module = make_module(
        title="Suspect-focused investigation essentials", owner=trainer, lessons=1
    )
    learners(module)

    page = browser_as(chromium, live_server, trainer)
    assert_fits_the_phone(page, assert_accessible, "/learning/reports/")
    assert_fits_the_phone(page, assert_accessible, f"/learning/reports/{module.pk}/")
    learner = make_user(email="dc.khan@avon-and-somerset.police.uk")
    attempt_submit(user=learner, module=module, answers=PASS)
    page = browser_as(chromium, live_server, learner)
    assert_fits_the_phone(page, assert_accessible, "/learning/")


def search_world():
    reset_sequences()
    for number in range(12):
        make_guidance(
            title=f"Referring a victim to an ISVA, part {number + 1}",
            themes=(["victim-engagement", "data", "digital-forensics"][number % 3],),
            paragraphs=("Offer a referral to an independent sexual violence adviser.",),
        )
    return make_user(email="dc.search@avon-and-somerset.police.uk")


def test_search_results_start_on_the_first_screen_with_filters_folded(
    chromium, live_server, assert_accessible
):
    page = browser_as(chromium, live_server, search_world())

    page.goto("/search/?q=ISVA")

    first = page.locator(".ln-result").first
    expect(first).to_be_visible()
    assert first.bounding_box()["y"] < PHONE["height"]
    assert page.evaluate(PAGE_WIDTH) <= PHONE["width"]
    toggle = page.locator("summary", has_text="Filter results")
    theme = page.get_by_role("checkbox", name=re.compile("^Data"))
    expect(theme).to_be_hidden()
    assert_accessible(page, "search at 390 px, filters folded")
    toggle.click()
    expect(theme).to_be_visible()
    theme.check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"theme=data"))
    expect(page.locator(".ln-result")).to_have_count(4)
    assert_accessible(page, "search at 390 px, filtered")


def test_search_filters_are_open_on_a_desktop(chromium, live_server):
    page = browser_as(chromium, live_server, search_world(), viewport=DESKTOP)

    page.goto("/search/?q=ISVA")

    expect(page.get_by_role("checkbox", name=re.compile("^Data"))).to_be_visible()


def test_buttons_and_chart_labels_use_the_site_font(
    chromium, live_server, assert_accessible
):
    reset_sequences()
    trainer = make_user(email="trainer@college.police.uk", groups=["Trainers"])
    module = make_module(title="Suspect interviews", owner=trainer, lessons=1)
    learners(module)
    officer = make_user(email="dc.ray@avon-and-somerset.police.uk")
    thread = make_thread(
        category=make_category(slug="national", name="National"),
        author=trainer,
        title="Handling third-party material",
    )
    follow_create(user=officer, target=thread)
    posting.post_create(author=trainer, thread=thread, body="We ask early.")
    edition = make_edition("2026/27", per_pillar=2)
    lead = make_lead(email="ruth@avon-and-somerset.police.uk")
    assessment = make_assessment(edition, lead)
    rate_all(assessment, [0, 1, 2, 3], lead)
    assessment_services.assessment_member_add(
        assessment=assessment,
        user=make_user(email="sam@avon-and-somerset.police.uk"),
        actor=lead,
    )
    pages = [
        (officer, thread.get_absolute_url()),
        (officer, "/notifications/"),
        (trainer, f"/learning/reports/{module.pk}/"),
        (lead, f"/assessments/{assessment.pk}/dashboard/"),
        (lead, f"/assessments/{assessment.pk}/members/"),
    ]

    checked = 0
    for user, url in pages:
        page = browser_as(chromium, live_server, user, viewport=DESKTOP)
        page.goto(url)
        site_font = page.evaluate(SITE_FONT)
        fonts = page.evaluate(
            """() => [...document.querySelectorAll('button, svg text')]
                .map(el => [el.outerHTML.slice(0, 80), getComputedStyle(el).fontFamily])"""
        )
        assert site_font == "arial, sans-serif"
        assert fonts, url
        for element, font in fonts:
            assert font == site_font, f"{url}: {element} uses {font}"
        checked += len(fonts)
    assert checked > 10
