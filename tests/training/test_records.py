import csv
import io

import pytest

from django.utils.html import escape

from core.models import AuditEvent
from tests.core.test_csv_cells import DANGEROUS
from tests.factories.training import make_module
from training.forms import CODE_FORMAT
from training.models import Completion
from training.services import attempt_submit

PASS = {"q-charge": [0], "q-early": [0, 2]}
FAIL = {"q-charge": [1], "q-early": [0]}


def test_my_learning_lists_modules_in_progress_and_completed_with_hours(
    client_for, officer, module, trainer
):
    other = make_module(title="Victim engagement", owner=trainer)
    attempt_submit(user=officer, module=module, answers=PASS)
    client = client_for(officer)
    client.post(other.url + "start/")

    response = client.get("/learning/")

    html = response.text
    assert response.status_code == 200
    in_progress, completed = (
        html.split('id="completed"')
        if 'id="completed"' in html
        else html.split(">Completed</h2>")
    )
    assert "Victim engagement" in in_progress
    assert "Suspect interviews" in completed
    assert "0.8 hours of learning" in html  # 45 minutes
    assert "1 of 3 steps done" in in_progress or "0 of 3 steps done" in in_progress


def test_my_learning_shows_only_the_signed_in_users_record(
    client_for, officer, officer_b, module
):
    attempt_submit(user=officer_b, module=module, answers=PASS)

    response = client_for(officer).get("/learning/")

    assert "Nothing in progress" in response.text
    assert "You have not completed a module yet" in response.text


def test_the_csv_export_has_one_row_per_completion(client_for, officer, module):
    attempt_submit(user=officer, module=module, answers=FAIL)
    attempt_submit(user=officer, module=module, answers=PASS)
    code = Completion.objects.get().verification_code

    response = client_for(officer).get("/learning/record.csv")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Module"
    assert len(rows) == 2
    assert rows[1][0] == "Suspect interviews"
    assert rows[1][1] == "1.0"
    assert rows[1][4] == "100"
    assert rows[1][6] == code
    assert AuditEvent.objects.filter(
        action="training.record_exported", actor=officer
    ).exists()


@pytest.mark.parametrize("prefix", DANGEROUS)
def test_the_csv_export_neutralises_every_formula_character(
    client_for, officer, trainer, prefix
):
    module = make_module(title=prefix + "1+1 interviews", owner=trainer)
    attempt_submit(user=officer, module=module, answers=PASS)

    response = client_for(officer).get("/learning/record.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][0] == "'" + prefix + "1+1 interviews"


def test_the_certificate_shows_the_learner_module_version_and_code(
    client_for, officer, module
):
    attempt_submit(user=officer, module=module, answers=PASS)
    completion = Completion.objects.get()

    response = client_for(officer).get(
        f"/learning/certificates/{completion.verification_code}/"
    )

    assert response.status_code == 200
    assert "Certificate of completion" in response.text
    assert escape(officer.display_name) in response.text
    assert completion.verification_code in response.text
    assert "js/training.mjs" in response.text


def test_someone_elses_certificate_page_is_a_404(
    client_for, officer, officer_b, module
):
    attempt_submit(user=officer, module=module, answers=PASS)
    code = Completion.objects.get().verification_code

    response = client_for(officer_b).get(f"/learning/certificates/{code}/")

    assert response.status_code == 404


def test_anyone_signed_in_can_verify_a_real_code(
    client_for, officer, officer_b, module
):
    attempt_submit(user=officer, module=module, answers=PASS)
    code = Completion.objects.get().verification_code

    response = client_for(officer_b).get(
        "/learning/verify/", {"code": code.lower().replace("-", "")}, follow=True
    )

    assert response.status_code == 200
    assert "This certificate is genuine" in response.text
    assert escape(officer.display_name) in response.text
    assert "Suspect interviews" in response.text


def test_a_made_up_code_is_a_404(client_for, officer, module):
    attempt_submit(user=officer, module=module, answers=PASS)

    response = client_for(officer).get("/learning/verify/ABCD-EFGH-JKLM/")

    assert response.status_code == 404


def test_a_malformed_code_keeps_what_was_typed_and_says_what_is_wrong(
    client_for, officer
):
    response = client_for(officer).get("/learning/verify/", {"code": "not a code!"})

    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert 'value="not a code!"' in response.text


def test_a_code_with_letters_no_code_uses_is_a_form_error_not_a_redirect(
    client_for, officer
):
    response = client_for(officer).get("/learning/verify/", {"code": "ABCD-EFGH-JKL0"})

    assert response.status_code == 400
    assert CODE_FORMAT in response.text


def test_verification_needs_sign_in(client, officer, module):
    attempt_submit(user=officer, module=module, answers=PASS)
    code = Completion.objects.get().verification_code

    response = client.get(f"/learning/verify/{code}/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
