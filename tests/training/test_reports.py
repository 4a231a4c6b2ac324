import csv
import io

from core.models import AuditEvent
from tests.factories import make_user
from training.selectors import module_report
from training.services import attempt_submit, enrolment_start

PASS = {"q-charge": [0], "q-early": [0, 2]}
FAIL = {"q-charge": [1], "q-early": [0]}


def learners(module):
    """Four Avon and Somerset learners (two pass, one fails, one has only started) and
    three from West Yorkshire (one passes after failing once, one passes, one fails):
    every force and role a group of at least three, so no figure is suppressed.
    Returns the completers by force."""
    avon = [
        make_user(email=f"a{n}@avon-and-somerset.police.uk", job_role=role)
        for n, role in enumerate(
            ["investigator", "supervisor", "investigator", "investigator"]
        )
    ]
    west = [
        make_user(
            email=f"w{n}@west-yorkshire.police.uk",
            force="west-yorkshire",
            job_role=role,
        )
        for n, role in enumerate(["investigator", "supervisor", "supervisor"])
    ]
    attempt_submit(user=avon[0], module=module, answers=PASS)
    attempt_submit(user=avon[1], module=module, answers=FAIL)
    enrolment_start(user=avon[2], module=module)
    attempt_submit(user=avon[3], module=module, answers=PASS)
    attempt_submit(user=west[0], module=module, answers=FAIL)
    attempt_submit(user=west[0], module=module, answers=PASS)
    attempt_submit(user=west[1], module=module, answers=PASS)
    attempt_submit(user=west[2], module=module, answers=FAIL)
    return {"avon": [avon[0], avon[3]], "west": west[:2]}


def test_the_report_counts_started_completed_and_pass_rate_by_force_and_role(module):
    learners(module)

    report = module_report(module)

    assert (report.totals.started, report.totals.completed) == (7, 4)
    assert report.totals.pass_rate == 67  # 4 of the 6 who took the check
    by_force = {row.label: row for row in report.by_force}
    assert (
        by_force["Avon and Somerset"].started,
        by_force["Avon and Somerset"].completed,
    ) == (4, 2)
    assert by_force["Avon and Somerset"].pass_rate == 67
    assert by_force["West Yorkshire"].pass_rate == 67
    by_role = {row.label: row for row in report.by_role}
    assert by_role["Supervisor"].pass_rate == 33
    assert by_role["Investigator"].completed == 3
    assert report.median_time is not None


def test_the_report_counts_how_often_each_question_is_answered_wrongly(module):
    learners(module)

    report = module_report(module)

    first, second = report.questions
    assert (first.answered, first.wrong, first.wrong_rate) == (7, 3, 43)
    assert (second.answered, second.wrong, second.wrong_rate) == (7, 3, 43)


def test_a_trainer_sees_every_force_with_a_chart_and_a_table(
    client_for, trainer, module
):
    learners(module)

    response = client_for(trainer).get(f"/learning/reports/{module.pk}/")

    assert response.status_code == 200
    assert "Learners in every force" in response.text
    assert "West Yorkshire" in response.text
    assert "Avon and Somerset" in response.text
    assert response.text.count('<svg class="ln-chart__svg" role="img"') == 3
    assert response.text.count('<table class="govuk-table">') == 3


def test_a_force_lead_sees_only_their_own_forces_learners(
    client_for, force_lead, module
):
    learners(module)
    client = client_for(force_lead)

    page = client.get(f"/learning/reports/{module.pk}/")
    download = client.get(f"/learning/reports/{module.pk}.csv")
    index = client.get("/learning/reports/")

    assert page.status_code == 200
    assert "Learners in Avon and Somerset only" in page.text
    assert "West Yorkshire" not in page.text
    assert "West Yorkshire" not in download.content.decode()
    assert module_report(module, force=force_lead.force).totals.started == 4
    assert "Learners in Avon and Somerset only" in index.text


def test_the_csv_export_has_the_rows_of_the_report(client_for, trainer, module):
    learners(module)

    response = client_for(trainer).get(f"/learning/reports/{module.pk}.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    counts = [row[:6] for row in rows]  # the 7th column is the median time
    assert ["All", "All learners", "7", "6", "4", "67"] in counts
    assert ["Force", "West Yorkshire", "3", "3", "2", "67"] in counts
    assert rows[-2][0] == "1" and rows[-2][2:] == ["7", "3", "43"]
    assert AuditEvent.objects.filter(
        action="training.report_exported", actor=trainer, object_id=str(module.pk)
    ).exists()


def test_officers_get_a_404_for_reports(client_for, officer, module):
    client = client_for(officer)

    assert client.get("/learning/reports/").status_code == 404
    assert client.get(f"/learning/reports/{module.pk}/").status_code == 404
    assert client.get(f"/learning/reports/{module.pk}.csv").status_code == 404


def test_a_report_on_a_module_that_does_not_exist_is_a_404(client_for, trainer):
    assert client_for(trainer).get("/learning/reports/999999/").status_code == 404


def test_the_median_time_to_complete_is_given_in_all_and_by_force_and_role(
    module, client_for, trainer
):
    from datetime import timedelta

    from training.models import Completion, Enrolment

    completers = learners(module)
    # Set when each completer started: 2 hours before completing in Avon and
    # Somerset, 4 days before in West Yorkshire.
    for force, before in (("avon", timedelta(hours=2)), ("west", timedelta(days=4))):
        for user in completers[force]:
            enrolment = Enrolment.objects.get(user=user, module=module)
            completed = Completion.objects.get(enrolment=enrolment).completed_at
            Enrolment.objects.filter(pk=enrolment.pk).update(
                started_at=completed - before
            )

    report = module_report(module)

    by_force = {row.label: row for row in report.by_force}
    assert by_force["Avon and Somerset"].median_time == timedelta(hours=2)
    assert by_force["West Yorkshire"].median_time == timedelta(days=4)
    by_role = {row.label: row for row in report.by_role}
    assert by_role["Investigator"].median_time == timedelta(hours=2)
    assert by_role["Supervisor"].median_time == timedelta(days=4)
    assert report.totals.median_time == timedelta(days=2, hours=1)

    page = client_for(trainer).get(f"/learning/reports/{module.pk}/").text
    assert "2 hours" in page and "4 days" in page and "2 days, 1 hour" in page
    rows = list(
        csv.reader(
            io.StringIO(
                client_for(trainer)
                .get(f"/learning/reports/{module.pk}.csv")
                .content.decode()
            )
        )
    )
    by_name = {row[1]: row for row in rows if len(row) == 7}
    assert by_name["West Yorkshire"][6] == "96.0"
    assert by_name["Avon and Somerset"][6] == "2.0"
    assert by_name["Supervisor"][6] == "96.0"
