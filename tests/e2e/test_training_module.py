"""A learner takes a module from start to completion (failing the check once), prints
the certificate, and a trainer's report counts it; axe-core checks every page type."""

import re

from playwright.sync_api import expect

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection

from tests.e2e.conftest import sign_in
from tests.factories import make_user
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.guidance import make_guidance
from tests.factories.training import make_lesson, make_module
from training.services import attempt_submit


def reset_sequences():
    """Serialized rollback reloads migration data (pages, groups) with their ids but
    leaves PostgreSQL's sequences behind; move them past those ids before creating
    pages."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def every_lesson_block(guidance):
    return [
        {"type": "paragraph", "value": "<p>Why the suspect's account matters.</p>"},
        {
            "type": "scenario",
            "value": {
                "title": "A report after a night out",
                "situation": "<p>A woman reports that a man she met raped her.</p>",
                "question": "What are your first three actions?",
            },
        },
        {
            "type": "reflection",
            "value": {"prompt": "Think of a recent case.", "guidance": "What changed?"},
        },
        {
            "type": "video",
            "value": {
                "title": "Planning the interview",
                "link": "https://video.example/planning",
                "duration": "5 minutes",
                "transcript": "<p>Narrator: The officer lists each point.</p>",
            },
        },
        {"type": "key_points", "value": {"heading": "Key points", "points": ["Plan."]}},
        {"type": "cite_guidance", "value": {"page": guidance.pk, "note": "Section 2"}},
    ]


def test_an_officer_takes_a_module_fails_the_check_once_then_passes(
    page, assert_accessible
):
    reset_sequences()
    trainer = make_user(email="trainer@college.police.uk", groups=["Trainers"])
    module = make_module(title="Suspect interviews", owner=trainer, lessons=0)
    make_lesson(module, title="Lesson 1", body=every_lesson_block(make_guidance()))
    make_lesson(module, title="Lesson 2")
    make_user(email="dc.jones@avon-and-somerset.police.uk", display_name="DC Jones")
    sign_in(page, "dc.jones@avon-and-somerset.police.uk", TEST_PASSWORD)
    page.wait_for_url("**/")

    page.goto("/training/")
    assert_accessible(page, "training index")
    page.get_by_role("link", name="Suspect interviews").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Suspect interviews")
    assert_accessible(page, "module")
    page.get_by_role("button", name="Start this module").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 1")
    expect(page.get_by_text("Planning the first 48 hours")).to_be_visible()
    assert_accessible(page, "lesson with every block")
    page.get_by_role("button", name="Mark as complete and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 2")
    expect(page.get_by_text("1 of 3 steps done (33%)")).to_be_visible()
    page.get_by_role("button", name="Mark as complete and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Knowledge check")
    assert_accessible(page, "knowledge check")
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose an answer to question 1.")
    assert_accessible(page, "knowledge check with errors")

    page.get_by_label("The officer in the case").check()
    page.get_by_label("Forensic medical examination at a SARC").check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "You did not pass this time"
    )
    assert_accessible(page, "failed attempt")

    page.get_by_role("link", name="Try the knowledge check again").click()
    page.get_by_label("The Crown Prosecution Service").check()
    page.get_by_label("Forensic medical examination at a SARC").check()
    page.get_by_label("Securing the victim's first account").check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You passed")
    assert_accessible(page, "passed attempt")

    page.get_by_role("link", name="View and print your certificate").click()
    expect(
        page.get_by_role("heading", name="Certificate of completion")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Print this certificate")).to_be_visible()
    assert_accessible(page, "certificate")
    code = page.locator(".ln-certificate__code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)

    page.get_by_role("link", name="My learning").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My learning")
    expect(
        page.get_by_role("row", name=re.compile("Suspect interviews"))
    ).to_be_visible()
    assert_accessible(page, "my learning")

    page.goto("/learning/verify/")
    assert_accessible(page, "verify form")
    page.get_by_label("Verification code").fill(code)
    page.get_by_role("button", name="Check certificate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "This certificate is genuine"
    )
    assert_accessible(page, "verification result")

    page.goto("/themes/suspect-focused-investigations/")
    expect(page.get_by_role("heading", name="Training modules")).to_be_visible()
    assert_accessible(page, "theme page with modules")


def test_a_trainers_report_counts_completions_and_is_accessible(
    page, assert_accessible
):
    reset_sequences()
    trainer = make_user(email="trainer@college.police.uk", groups=["Trainers"])
    module = make_module(title="Suspect interviews", owner=trainer, lessons=1)
    # Three learners: fewer would be suppressed (core.suppression).
    for name in ("dc.jones", "dc.khan", "ds.lee"):
        learner = make_user(email=f"{name}@avon-and-somerset.police.uk")
        attempt_submit(
            user=learner, module=module, answers={"q-charge": [1], "q-early": [0]}
        )
        attempt_submit(
            user=learner, module=module, answers={"q-charge": [0], "q-early": [0, 2]}
        )
    sign_in(page, "trainer@college.police.uk", TEST_PASSWORD)
    page.wait_for_url("**/")

    page.goto("/learning/reports/")
    assert_accessible(page, "report index")
    page.get_by_role("link", name="Suspect interviews").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Suspect interviews")
    expect(
        page.get_by_role("row", name=re.compile("Avon and Somerset"))
    ).to_contain_text("100%")
    expect(page.locator("svg[role=img]")).to_have_count(3)
    assert_accessible(page, "report")
