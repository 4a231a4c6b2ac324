from tests.factories.training import make_module
from training.models import Enrolment, LessonProgress
from training.selectors import progress_for


def lessons(module):
    return progress_for(module.owner, module).lessons


def test_starting_a_module_enrols_the_learner_and_opens_the_first_lesson(
    client_for, officer, module
):
    client = client_for(officer)
    first = lessons(module)[0]

    response = client.post(module.url + "start/")

    assert response.status_code == 302
    assert response["Location"] == first.url
    assert Enrolment.objects.filter(user=officer, module=module).exists()


def test_completing_a_lesson_records_it_and_goes_to_the_next_lesson(
    client_for, officer, module
):
    client = client_for(officer)
    first, second, _ = lessons(module)

    response = client.post(f"{module.url}lessons/{first.pk}/complete/")

    assert response["Location"] == second.url
    assert LessonProgress.objects.filter(enrolment__user=officer, lesson=first).exists()


def test_completing_the_same_lesson_twice_records_it_once(client_for, officer, module):
    client = client_for(officer)
    first = lessons(module)[0]

    client.post(f"{module.url}lessons/{first.pk}/complete/")
    client.post(f"{module.url}lessons/{first.pk}/complete/")

    assert LessonProgress.objects.filter(enrolment__user=officer).count() == 1


def test_the_last_lesson_leads_to_the_knowledge_check(client_for, officer, module):
    client = client_for(officer)

    for lesson in lessons(module):
        response = client.post(f"{module.url}lessons/{lesson.pk}/complete/")

    assert response["Location"] == module.url + "check/"


def test_a_lesson_of_another_module_cannot_be_completed_here(
    client_for, officer, module, trainer
):
    other = make_module(title="Other", owner=trainer)
    stranger = lessons(other)[0]

    response = client_for(officer).post(f"{module.url}lessons/{stranger.pk}/complete/")

    assert response.status_code == 404
    assert not LessonProgress.objects.exists()


def test_completing_a_lesson_needs_a_post(client_for, officer, module):
    first = lessons(module)[0]

    response = client_for(officer).get(f"{module.url}lessons/{first.pk}/complete/")

    assert response.status_code == 405


def test_progress_counts_lessons_and_the_check_as_steps(client_for, officer, module):
    client = client_for(officer)
    first, second, third = lessons(module)
    client.post(f"{module.url}lessons/{first.pk}/complete/")
    client.post(f"{module.url}lessons/{second.pk}/complete/")

    progress = progress_for(officer, module)

    assert (progress.steps_done, progress.steps_total) == (2, 4)
    assert progress.percent == 50
    assert progress.status == "in_progress"


def test_resume_goes_to_the_first_lesson_not_yet_done(client_for, officer, module):
    client = client_for(officer)
    first, second, third = lessons(module)
    client.post(f"{module.url}lessons/{first.pk}/complete/")
    client.post(f"{module.url}lessons/{third.pk}/complete/")

    response = client.get(module.url)

    assert progress_for(officer, module).resume_url == second.url
    assert "Continue where you left off" in response.text
    assert f'href="{second.url}"' in response.text
    assert "2 of 4 steps done (50%)" in response.text


def test_the_lesson_page_shows_the_body_the_progress_and_a_completion_button(
    client_for, officer, module
):
    first = lessons(module)[0]

    response = client_for(officer).get(first.url)

    assert response.status_code == 200
    assert "The content of Lesson 1." in response.text
    assert "Mark as complete and continue" in response.text
    assert "Lesson 1 of 3" in response.text


def test_a_module_with_no_progress_offers_to_start(client_for, officer, module):
    response = client_for(officer).get(module.url)

    assert "Start this module" in response.text
    assert "Not started" in response.text


def test_signed_out_visitors_are_sent_to_sign_in(client, module):
    response = client.get(module.url)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
