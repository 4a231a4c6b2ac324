"""Lessons cite guidance; a major guidance version flags the module for its trainers."""

from core.models import Notification
from core.services import follow_create
from tests.factories import make_user
from tests.factories.guidance import make_guidance, publish_version
from tests.factories.training import make_lesson, make_module
from training.models import GuidanceChangeFlag


def cite(guidance):
    return [
        {"type": "paragraph", "value": "<p>Read the guidance first.</p>"},
        {"type": "cite_guidance", "value": {"page": guidance.pk, "note": "Section 2"}},
    ]


def flagged_module(trainer, capture):
    """A module whose lesson cites guidance that then gets a major version."""
    guidance = make_guidance()
    module = make_module(owner=trainer, lessons=0)
    make_lesson(module, title="Early actions", body=cite(guidance), owner=trainer)
    with capture(execute=True):
        publish_version(guidance, major=True, note="New duty.")
    return module


def test_a_lesson_shows_the_cited_guidance_and_its_current_version(
    client_for, officer, trainer
):
    guidance = make_guidance(title="Planning the first 48 hours")
    module = make_module(owner=trainer, lessons=0)
    lesson = make_lesson(module, title="Early actions", body=cite(guidance))

    response = client_for(officer).get(lesson.url)

    assert "Planning the first 48 hours" in response.text
    assert f'href="{guidance.url}"' in response.text
    assert f"Version {guidance.current_version.number}" in response.text


def test_a_major_guidance_version_notifies_the_modules_trainers_and_flags_it(
    client_for, trainer, django_capture_on_commit_callbacks
):
    guidance = make_guidance(title="Planning the first 48 hours")
    module = make_module(owner=trainer, lessons=0)
    make_lesson(module, title="Early actions", body=cite(guidance), owner=trainer)
    uninvolved = make_user(email="other.trainer@college.police.uk", groups=["Trainers"])

    with django_capture_on_commit_callbacks(execute=True):
        guidance = publish_version(guidance, major=True, note="New disclosure duty.")

    flag = GuidanceChangeFlag.objects.get(module=module)
    version = guidance.current_version
    assert flag.version_number == version.number
    assert flag.compare_url == version.compare_url()
    notice = Notification.objects.get(recipient=trainer, verb="cited guidance changed")
    assert notice.url == module.url
    assert not Notification.objects.filter(recipient=uninvolved).exists()
    response = client_for(trainer).get(module.url)
    assert "Guidance cited here has changed since this module was published" in (
        response.text
    )
    assert flag.compare_url.replace("&", "&amp;") in response.text


def test_a_trainer_who_follows_guidance_cited_in_two_modules_is_told_once(
    trainer, officer, django_capture_on_commit_callbacks
):
    guidance = make_guidance(title="Planning the first 48 hours")
    follow_create(user=trainer, target=guidance)
    follow_create(user=officer, target=guidance)
    modules = [
        make_module(title=title, owner=trainer, lessons=0)
        for title in ("Suspect interviews", "Early disclosure")
    ]
    for module in modules:
        make_lesson(module, title="Early actions", body=cite(guidance), owner=trainer)

    with django_capture_on_commit_callbacks(execute=True):
        publish_version(guidance, major=True, note="New disclosure duty.")

    notice = Notification.objects.get(recipient=trainer)
    assert notice.verb == "cited guidance changed"
    assert "Suspect interviews" in notice.summary
    assert "Early disclosure" in notice.summary
    assert GuidanceChangeFlag.objects.filter(module__in=modules).count() == 2
    # A follower who trains nothing still gets the followers' notice.
    assert Notification.objects.filter(recipient=officer).count() == 1


def test_a_minor_guidance_version_flags_nothing(
    trainer, django_capture_on_commit_callbacks
):
    guidance = make_guidance()
    module = make_module(owner=trainer, lessons=0)
    make_lesson(module, title="Early actions", body=cite(guidance), owner=trainer)

    with django_capture_on_commit_callbacks(execute=True):
        publish_version(guidance, major=False, note="Typo fixed.")

    assert not GuidanceChangeFlag.objects.exists()


def test_modules_that_do_not_cite_the_guidance_are_not_flagged(
    trainer, django_capture_on_commit_callbacks
):
    guidance = make_guidance()
    make_module(owner=trainer, lessons=1)

    with django_capture_on_commit_callbacks(execute=True):
        publish_version(guidance, major=True, note="New duty.")

    assert not GuidanceChangeFlag.objects.exists()
    assert not Notification.objects.filter(verb="cited guidance changed").exists()


def test_learners_never_see_the_flag(
    client_for, officer, trainer, django_capture_on_commit_callbacks
):
    module = flagged_module(trainer, django_capture_on_commit_callbacks)

    response = client_for(officer).get(module.url)

    assert "Guidance cited here has changed" not in response.text


def test_a_trainer_marks_the_change_reviewed_and_the_flag_goes(
    client_for, trainer, django_capture_on_commit_callbacks
):
    module = flagged_module(trainer, django_capture_on_commit_callbacks)
    flag = GuidanceChangeFlag.objects.get()
    client = client_for(trainer)

    response = client.post(f"{module.url}guidance-changes/{flag.pk}/reviewed/")

    flag.refresh_from_db()
    assert response.status_code == 302
    assert flag.reviewed_by == trainer
    assert "Guidance cited here has changed" not in client.get(module.url).text


def test_a_learner_cannot_mark_a_change_reviewed(
    client_for, officer, trainer, django_capture_on_commit_callbacks
):
    module = flagged_module(trainer, django_capture_on_commit_callbacks)
    flag = GuidanceChangeFlag.objects.get()

    response = client_for(officer).post(
        f"{module.url}guidance-changes/{flag.pk}/reviewed/"
    )

    flag.refresh_from_db()
    assert response.status_code == 404
    assert flag.reviewed_at is None
