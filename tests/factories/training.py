"""Training modules for tests: published through Wagtail revisions, as a trainer would."""

from core.models import Theme
from training.models import LessonPage, ModulePage, TrainingIndexPage

QUESTIONS = [
    {
        "type": "question",
        "id": "q-charge",
        "value": {
            "question": "Who makes the charging decision in a RASSO case?",
            "answer_type": "single",
            "answers": [
                {"text": "The Crown Prosecution Service", "correct": True},
                {"text": "The officer in the case", "correct": False},
                {"text": "The victim", "correct": False},
            ],
            "explanation": "The CPS decides on charge after an MG3 submission.",
        },
    },
    {
        "type": "question",
        "id": "q-early",
        "value": {
            "question": "Which are early evidence opportunities?",
            "answer_type": "multiple",
            "answers": [
                {
                    "text": "Forensic medical examination at a SARC",
                    "correct": True,
                },
                {
                    "text": "Waiting for the suspect to volunteer an account",
                    "correct": False,
                },
                {
                    "text": "Securing the victim's first account",
                    "correct": True,
                },
            ],
            "explanation": "Forensic and first-account evidence are lost if not secured early.",
        },
    },
]
# What a learner posts to the knowledge-check form.
RIGHT_ANSWERS = {"question_1": "0", "question_2": ["0", "2"]}
WRONG_ANSWERS = {"question_1": "1", "question_2": ["0"]}
HALF_RIGHT = {"question_1": "0", "question_2": ["1"]}
CORRECT_TEXTS = ["The Crown Prosecution Service", "Securing the victim's first account"]


def training_index() -> TrainingIndexPage:
    """The training section that migration 0002 creates under the home page."""
    return TrainingIndexPage.objects.get()


def make_module(
    *,
    title: str = "Suspect interviews",
    lessons: int = 2,
    questions=None,
    themes=("suspect-focused-investigations",),
    owner=None,
    pass_mark: int = 80,
    version: tuple[int, int] = (1, 0),
    parent=None,
    **fields,
) -> ModulePage:
    parent = parent or training_index()
    module = ModulePage(
        title=title,
        summary=f"How to approach {title.lower()}.",
        learning_objectives="Plan the work.\nRecord decisions.",
        audience="Investigators",
        estimated_minutes=45,
        pass_mark=pass_mark,
        version_major=version[0],
        version_minor=version[1],
        questions=QUESTIONS if questions is None else questions,
        owner=owner,
        **fields,
    )
    parent.add_child(instance=module)
    module.themes.set(Theme.objects.filter(slug__in=themes))
    module.save_revision(user=owner).publish()
    for number in range(1, lessons + 1):
        make_lesson(module, title=f"Lesson {number}", owner=owner)
    return ModulePage.objects.get(pk=module.pk)


def make_lesson(module: ModulePage, *, title: str, body=None, owner=None) -> LessonPage:
    lesson = LessonPage(
        title=title,
        owner=owner,
        body=body
        or [
            {"type": "paragraph", "value": f"<p>The content of {title}.</p>"},
            {
                "type": "key_points",
                "value": {"heading": "Key points", "points": ["Focus on the suspect."]},
            },
        ],
    )
    module.add_child(instance=lesson)
    lesson.save_revision(user=owner).publish()
    return lesson


def publish_revision(module: ModulePage, *, user=None, **changes) -> ModulePage:
    """Publish a new revision of ``module`` with ``changes`` (e.g. version_major=2)."""
    module = ModulePage.objects.get(pk=module.pk)
    for name, value in changes.items():
        setattr(module, name, value)
    module.save_revision(user=user).publish()
    return ModulePage.objects.get(pk=module.pk)
