"""A trainer publishes a module with a knowledge check and a lesson through the
Wagtail admin, as in the issue's "done when"."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.models import Theme
from tests.factories.training import training_index
from training.models import LessonPage, ModulePage


def list_block(values):
    """ListBlock form data: a count, then each item's value, id, order and deleted."""
    data = {"count": len(values)}
    for index, value in enumerate(values):
        data[str(index)] = {"value": value, "id": "", "order": index, "deleted": ""}
    return data


def test_a_trainer_publishes_a_module_with_a_check_and_a_lesson(client_for, trainer):
    client = client_for(trainer)
    theme = Theme.objects.get(slug="victim-engagement")
    data = nested_form_data(
        {
            "title": "Keeping victims informed",
            "slug": "keeping-victims-informed",
            "summary": "Updating victims well.",
            "learning_objectives": "Agree update arrangements.",
            "audience": "Investigators",
            "estimated_minutes": 30,
            "prerequisites": "",
            "themes": [theme.pk],
            "version_major": 1,
            "version_minor": 0,
            "pass_mark": 50,
            "check_intro": "",
            "questions": streamfield(
                [
                    (
                        "question",
                        {
                            "question": "Who supports the victim independently?",
                            "answer_type": "single",
                            "answers": list_block(
                                [
                                    {"text": "An ISVA", "correct": "on"},
                                    {"text": "The suspect's solicitor"},
                                ]
                            ),
                            "explanation": "ISVAs are independent advisers.",
                        },
                    )
                ]
            ),
            "action-publish": "publish",
        }
    )

    response = client.post(
        f"/admin/pages/add/training/modulepage/{training_index().pk}/", data
    )

    assert response.status_code == 302, response.context["form"].errors
    module = ModulePage.objects.get(slug="keeping-victims-informed")
    assert module.live
    assert module.question_list[0][1]["answers"][0]["correct"] is True
    lesson = nested_form_data(
        {
            "title": "Agreeing updates",
            "slug": "agreeing-updates",
            "estimated_minutes": "",
            "body": streamfield([("paragraph", rich_text("<p>Agree how often.</p>"))]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/training/lessonpage/{module.pk}/", lesson)
    assert response.status_code == 302
    assert LessonPage.objects.child_of(module).live().count() == 1


def test_a_single_answer_question_needs_exactly_one_correct_answer(client_for, trainer):
    data = nested_form_data(
        {
            "title": "Broken check",
            "slug": "broken-check",
            "summary": "x",
            "learning_objectives": "x",
            "audience": "x",
            "estimated_minutes": 30,
            "version_major": 1,
            "version_minor": 0,
            "pass_mark": 50,
            "questions": streamfield(
                [
                    (
                        "question",
                        {
                            "question": "Which?",
                            "answer_type": "single",
                            "answers": list_block(
                                [
                                    {"text": "A", "correct": "on"},
                                    {"text": "B", "correct": "on"},
                                ]
                            ),
                            "explanation": "x",
                        },
                    )
                ]
            ),
            "action-publish": "publish",
        }
    )

    response = client_for(trainer).post(
        f"/admin/pages/add/training/modulepage/{training_index().pk}/", data
    )

    assert response.status_code == 200
    assert not ModulePage.objects.filter(slug="broken-check").exists()
