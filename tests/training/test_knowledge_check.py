from html import unescape

import pytest

from django.core.exceptions import PermissionDenied

from core.models import Notification
from tests.factories.training import (
    CORRECT_TEXTS,
    HALF_RIGHT,
    RIGHT_ANSWERS,
    WRONG_ANSWERS,
    publish_revision,
)
from training.models import IMMUTABLE_ATTEMPT, Attempt, Completion
from training.selectors import learning_record_for, progress_for
from training.services import attempt_submit, module_refresh_request


def test_the_check_page_lists_the_questions_but_never_the_correct_answers(
    client_for, officer, module
):
    response = client_for(officer).get(module.url + "check/")

    html = response.text
    assert response.status_code == 200
    assert "Who makes the charging decision in a RASSO case?" in html
    assert "The Crown Prosecution Service" in html  # as a choice, nothing more
    assert "correct" not in html.lower()
    assert "The CPS decides on charge" not in html  # explanations wait too
    assert 'value="0"' in html and 'value="1"' in html


def test_passing_the_check_records_an_attempt_and_a_completion(
    client_for, officer, module
):
    client = client_for(officer)

    response = client.post(module.url + "check/", RIGHT_ANSWERS)

    attempt = Attempt.objects.get(enrolment__user=officer)
    assert response.status_code == 302
    assert response["Location"] == f"{module.url}check/attempts/{attempt.pk}/"
    assert (attempt.score, attempt.passed, attempt.correct_count) == (100, True, 2)
    assert attempt.answers[1]["chosen"] == [0, 2]
    completion = Completion.objects.get(enrolment__user=officer)
    assert completion.attempt == attempt
    assert progress_for(officer, module).status == "completed"


def test_the_result_page_after_a_pass_shows_explanations_and_correct_answers(
    client_for, officer, module
):
    client = client_for(officer)
    response = client.post(module.url + "check/", RIGHT_ANSWERS, follow=True)

    assert "You passed" in response.text
    assert "The CPS decides on charge" in response.text
    for text in CORRECT_TEXTS:
        assert text in unescape(response.text)
    assert "View and print your certificate" in response.text


def test_failing_the_check_records_the_attempt_without_a_completion(
    client_for, officer, module
):
    client = client_for(officer)

    response = client.post(module.url + "check/", HALF_RIGHT, follow=True)

    attempt = Attempt.objects.get(enrolment__user=officer)
    assert (attempt.score, attempt.passed) == (50, False)
    assert not Completion.objects.exists()
    assert "You did not pass this time" in response.text
    assert "Try the knowledge check again" in response.text
    assert "Securing the victim" not in response.text.split("Your answers")[1]


def test_a_learner_can_fail_then_pass_and_both_attempts_are_kept(
    client_for, officer, module
):
    client = client_for(officer)

    client.post(module.url + "check/", WRONG_ANSWERS)
    client.post(module.url + "check/", RIGHT_ANSWERS)

    assert list(
        Attempt.objects.filter(enrolment__user=officer)
        .order_by("id")
        .values_list("passed", flat=True)
    ) == [False, True]
    assert Completion.objects.count() == 1


def test_an_unanswered_question_keeps_the_other_answers_and_says_which(
    client_for, officer, module
):
    response = client_for(officer).post(module.url + "check/", {"question_1": "0"})

    assert response.status_code == 400
    assert "Choose at least one answer to question 2." in response.text
    assert 'value="0" checked' in response.text
    assert not Attempt.objects.exists()


def test_an_answer_that_is_not_a_choice_is_a_400(client_for, officer, module):
    response = client_for(officer).post(
        module.url + "check/", {"question_1": "7", "question_2": ["0"]}
    )

    assert response.status_code == 400
    assert not Attempt.objects.exists()


def test_a_submitted_attempt_cannot_be_changed_or_deleted(officer, module):
    attempt = attempt_submit(
        user=officer, module=module, answers={"q-charge": [1], "q-early": [0]}
    )

    attempt.score = 100
    with pytest.raises(PermissionDenied, match=IMMUTABLE_ATTEMPT):
        attempt.save()
    with pytest.raises(PermissionDenied):
        Attempt.objects.filter(pk=attempt.pk).update(passed=True)
    with pytest.raises(PermissionDenied):
        attempt.delete()
    with pytest.raises(PermissionDenied):
        Attempt.objects.all().delete()
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (0, False)


def test_another_learners_attempt_is_a_404(client_for, officer, officer_b, module):
    attempt = attempt_submit(
        user=officer, module=module, answers={"q-charge": [0], "q-early": [0, 2]}
    )

    response = client_for(officer_b).get(f"{module.url}check/attempts/{attempt.pk}/")

    assert response.status_code == 404


def test_a_completion_keeps_the_module_version_it_was_earned_on(officer, module):
    module = publish_revision(module, version_minor=3)
    attempt_submit(
        user=officer, module=module, answers={"q-charge": [0], "q-early": [0, 2]}
    )

    publish_revision(module, version_major=2, version_minor=0, estimated_minutes=90)

    completion = Completion.objects.get()
    assert (completion.version, completion.minutes) == ("1.3", 45)
    assert completion.attempt.module_version == "1.3"


def test_a_major_revision_marks_earlier_completions_but_keeps_them(
    client_for, officer, module
):
    attempt_submit(
        user=officer, module=module, answers={"q-charge": [0], "q-early": [0, 2]}
    )

    module = publish_revision(module, version_major=2, version_minor=0)

    progress = progress_for(officer, module)
    assert progress.status == "completed_earlier"
    assert progress.is_complete
    assert Completion.objects.filter(enrolment__user=officer).count() == 1
    response = client_for(officer).get("/learning/")
    assert "Completed an earlier version" in response.text
    module_page = client_for(officer).get(module.url)
    assert "You completed an earlier version (1.0)" in module_page.text


def test_a_minor_revision_leaves_completions_current(officer, module):
    attempt_submit(
        user=officer, module=module, answers={"q-charge": [0], "q-early": [0, 2]}
    )

    module = publish_revision(module, version_minor=1)

    assert progress_for(officer, module).status == "completed"


def test_a_module_can_ask_learners_of_an_earlier_version_to_refresh(
    client_for, officer, module
):
    attempt_submit(
        user=officer, module=module, answers={"q-charge": [0], "q-early": [0, 2]}
    )

    module = publish_revision(module, version_major=2, requires_refresh=True)

    assert progress_for(officer, module).status == "refresh_needed"
    record = learning_record_for(officer)
    assert [p.module for p in record.in_progress] == [module]
    client = client_for(officer)
    assert "asks you to refresh" in client.get(module.url).text
    client.post(module.url + "check/", RIGHT_ANSWERS)
    assert progress_for(officer, module).status == "completed"
    assert Completion.objects.filter(enrolment__user=officer).count() == 2


def test_learners_of_an_earlier_version_are_told_once_to_refresh(
    officer, officer_b, module
):
    attempt_submit(
        user=officer, module=module, answers={"q-charge": [0], "q-early": [0, 2]}
    )
    module = publish_revision(module, version_major=2, requires_refresh=True)
    attempt_submit(
        user=officer_b, module=module, answers={"q-charge": [0], "q-early": [0, 2]}
    )

    first = module_refresh_request(module=module)
    again = module_refresh_request(module=module)

    assert [n.recipient for n in first] == [officer]
    assert again == []
    assert Notification.objects.get(verb="asks you to refresh").url == module.url


def test_publishing_in_the_admin_asks_earlier_learners_to_refresh(
    client_for, officer, trainer, module
):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    attempt_submit(
        user=officer, module=module, answers={"q-charge": [0], "q-early": [0, 2]}
    )
    data = nested_form_data(
        {
            "title": module.title,
            "slug": module.slug,
            "summary": module.summary,
            "learning_objectives": module.learning_objectives,
            "audience": module.audience,
            "estimated_minutes": 45,
            "themes": [t.pk for t in module.themes.all()],
            "version_major": 2,
            "version_minor": 0,
            "requires_refresh": "on",
            "pass_mark": 80,
            "questions": streamfield([]),
            "action-publish": "publish",
        }
    )

    response = client_for(trainer).post(f"/admin/pages/{module.pk}/edit/", data)

    assert response.status_code == 302
    assert Notification.objects.filter(
        recipient=officer, verb="asks you to refresh"
    ).exists()
