"""Pinned query counts: the module page, a lesson, My learning, the training index and
the reports stay the same size however many lessons, learners and modules there are."""

import pytest

from tests.factories import make_user
from tests.factories.training import make_module, training_index
from training.selectors import lessons_of
from training.services import attempt_submit, lesson_complete

PASS = {"q-charge": [0], "q-early": [0, 2]}
FAIL = {"q-charge": [1], "q-early": [0]}

# Wagtail pages route from the cache (issue 13): site, page and view restrictions
# are no longer read on each view (before: module 15, lesson 18, index 17). The
# reports' role check reads the cached groups (issue 15; before: my learning 9,
# index 12, report 8, report index 6).
MODULE_PAGE = 10
LESSON_PAGE = 16
MY_LEARNING = 7
TRAINING_INDEX = 10
REPORT = 7
REPORT_INDEX = 4


def busy(module, learners: int):
    """Learners from several forces, each with lessons done and two attempts."""
    forces = ["avon-and-somerset", "west-yorkshire", "kent", "essex"]
    lessons = lessons_of(module)
    for number in range(learners):
        user = make_user(
            email=f"busy{module.pk}-{number}@police.uk", force=forces[number % 4]
        )
        for lesson in lessons:
            lesson_complete(user=user, module=module, lesson=lesson)
        attempt_submit(user=user, module=module, answers=FAIL)
        attempt_submit(user=user, module=module, answers=PASS)


def learn(user, modules):
    for module in modules:
        for lesson in lessons_of(module)[:1]:
            lesson_complete(user=user, module=module, lesson=lesson)
    for module in modules[::2]:
        attempt_submit(user=user, module=module, answers=PASS)


@pytest.mark.parametrize("lessons, learners", [(2, 0), (6, 5)])
def test_the_module_page_query_count_is_pinned(
    client_for, officer, trainer, django_assert_num_queries, lessons, learners
):
    module = make_module(owner=trainer, lessons=lessons)
    busy(module, learners)
    learn(officer, [module])
    client = client_for(officer)
    client.get(module.url)  # warm the site-root cache

    with django_assert_num_queries(MODULE_PAGE):
        response = client.get(module.url)

    assert response.status_code == 200


@pytest.mark.parametrize("lessons", [2, 6])
def test_the_lesson_page_query_count_is_pinned(
    client_for, officer, trainer, django_assert_num_queries, lessons
):
    module = make_module(owner=trainer, lessons=lessons)
    learn(officer, [module])
    lesson = lessons_of(module)[-1]
    client = client_for(officer)
    client.get(lesson.url)

    with django_assert_num_queries(LESSON_PAGE):
        response = client.get(lesson.url)

    assert response.status_code == 200


@pytest.mark.parametrize("modules", [1, 6])
def test_my_learning_query_count_is_pinned(
    client_for, officer, trainer, django_assert_num_queries, modules
):
    learn(officer, [make_module(title=f"M{n}", owner=trainer) for n in range(modules)])
    client = client_for(officer)
    client.get("/learning/")

    with django_assert_num_queries(MY_LEARNING):
        response = client.get("/learning/")

    assert response.status_code == 200


@pytest.mark.parametrize("modules", [1, 6])
def test_the_training_index_query_count_is_pinned(
    client_for, officer, trainer, django_assert_num_queries, modules
):
    learn(officer, [make_module(title=f"M{n}", owner=trainer) for n in range(modules)])
    client = client_for(officer)
    url = training_index().url
    client.get(url)

    with django_assert_num_queries(TRAINING_INDEX):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("learners", [1, 8])
def test_the_report_query_count_is_pinned(
    client_for, trainer, django_assert_num_queries, learners
):
    module = make_module(owner=trainer, lessons=2)
    busy(module, learners)
    client = client_for(trainer)
    client.get(f"/learning/reports/{module.pk}/")

    with django_assert_num_queries(REPORT):
        response = client.get(f"/learning/reports/{module.pk}/")

    assert response.status_code == 200


@pytest.mark.parametrize("modules", [1, 5])
def test_the_report_index_query_count_is_pinned(
    client_for, force_lead, trainer, django_assert_num_queries, modules
):
    for n in range(modules):
        busy(make_module(title=f"M{n}", owner=trainer, lessons=1), 2)
    client = client_for(force_lead)
    client.get("/learning/reports/")

    with django_assert_num_queries(REPORT_INDEX):
        response = client.get("/learning/reports/")

    assert response.status_code == 200
