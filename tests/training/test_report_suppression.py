"""Trainer reports follow the national view's small-number rule (core.suppression): no
figure from a group of fewer than SUPPRESSION_THRESHOLD learners, on the page or in the
CSV, and a second group hidden with a single one so it cannot be worked out from the
total."""

import csv
import io

import pytest

from core.suppression import SUPPRESSION_THRESHOLD
from tests.factories import make_user
from training.selectors import module_report
from training.services import attempt_submit

PASS = {"q-charge": [0], "q-early": [0, 2]}
FAIL = {"q-charge": [1], "q-early": [0]}


def crowd(module, *, force: str, answers: list, job_role: str = "investigator"):
    """One learner per entry of ``answers``, all from ``force`` in ``job_role``."""
    for number, given in enumerate(answers):
        user = make_user(
            email=f"{job_role}{number}@{force}.police.uk",
            force=force,
            job_role=job_role,
        )
        attempt_submit(user=user, module=module, answers=given)


@pytest.fixture
def one_west_yorkshire_supervisor(module):
    """Four Avon and Somerset investigators, three Kent investigators and a single
    West Yorkshire supervisor."""
    crowd(module, force="avon-and-somerset", answers=[PASS, PASS, PASS, FAIL])
    crowd(module, force="kent", answers=[PASS, PASS, FAIL])
    crowd(module, force="west-yorkshire", answers=[PASS], job_role="supervisor")


def test_the_threshold_is_the_national_views():
    from assessments import selectors

    assert SUPPRESSION_THRESHOLD == selectors.SUPPRESSION_THRESHOLD == 3


def test_a_group_of_one_is_suppressed_with_the_next_smallest_group(
    module, one_west_yorkshire_supervisor
):
    report = module_report(module)

    by_force = {row.label: row for row in report.by_force}
    assert by_force["West Yorkshire"].suppressed
    assert by_force["Kent"].suppressed  # else total minus the rest gives it away
    for row in (by_force["West Yorkshire"], by_force["Kent"]):
        assert (row.started, row.attempted, row.completed) == (None, None, None)
        assert (row.pass_rate, row.median_time) == (None, None)
    assert not by_force["Avon and Somerset"].suppressed
    assert by_force["Avon and Somerset"].started == 4
    # Seven investigators and one supervisor: both roles are hidden.
    assert all(row.suppressed for row in report.by_role)
    assert report.totals.started == 8 and not report.totals.suppressed


def test_a_module_with_fewer_learners_than_the_threshold_shows_no_figures(module):
    crowd(module, force="avon-and-somerset", answers=[PASS, FAIL])

    report = module_report(module)

    assert report.totals.suppressed
    assert report.totals.started is None
    assert all(row.suppressed for row in report.by_force + report.by_role)
    assert all(q.suppressed and q.answered is None for q in report.questions)


def test_the_page_shows_suppressed_groups_and_explains_why(
    client_for, trainer, module, one_west_yorkshire_supervisor
):
    page = client_for(trainer).get(f"/learning/reports/{module.pk}/").text

    assert f"fewer than {SUPPRESSION_THRESHOLD} learners" in page
    row = page[page.index(">West Yorkshire</th>") :]
    row = row[: row.index("</tr>")]
    assert "Suppressed" in row
    assert ">1<" not in row


def test_the_csv_applies_the_same_suppression(
    client_for, trainer, module, one_west_yorkshire_supervisor
):
    response = client_for(trainer).get(f"/learning/reports/{module.pk}.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert f"fewer than {SUPPRESSION_THRESHOLD} learners" in rows[0][0]
    by_name = {row[1]: row for row in rows if len(row) == 7}
    assert by_name["West Yorkshire"][2:] == ["suppressed"] * 5
    assert by_name["Kent"][2:] == ["suppressed"] * 5
    assert by_name["Avon and Somerset"][2:5] == ["4", "4", "3"]


def test_the_report_index_suppresses_a_module_with_too_few_learners(
    client_for, trainer, module
):
    crowd(module, force="avon-and-somerset", answers=[PASS])

    page = client_for(trainer).get("/learning/reports/").text

    row = page[page.index(module.title) :]
    row = row[: row.index("</tr>")]
    assert "Suppressed" in row
    assert ">1<" not in row
