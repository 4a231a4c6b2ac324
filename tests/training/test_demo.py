from accounts.demo import seed_demo_accounts
from core.models import Theme
from training.demo import seed_training
from training.models import Attempt, Completion, LessonPage, ModulePage
from training.selectors import learning_record_for


def test_the_demo_has_a_module_per_theme_with_lessons_and_a_check_and_runs_twice(db):
    users = seed_demo_accounts()

    seed_training()
    counts = (ModulePage.objects.count(), Attempt.objects.count())
    seed_training()

    assert (ModulePage.objects.count(), Attempt.objects.count()) == counts
    assert counts[0] >= 6
    for theme in Theme.objects.all():
        assert ModulePage.objects.filter(themes=theme).exists(), theme
    for module in ModulePage.objects.all():
        assert 3 <= LessonPage.objects.child_of(module).live().count() <= 6
        assert len(module.question_list) >= 3
    officer = learning_record_for(users["officer"])
    assert len(officer.completed) == 2 and len(officer.in_progress) == 1
    assert Completion.objects.filter(enrolment__user=users["officer2"]).exists()
    assert Completion.objects.filter(enrolment__user=users["supervisor"]).exists()
