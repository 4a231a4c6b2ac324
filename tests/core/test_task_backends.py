"""Search index updates never wait for a worker: in production they run as the write
happens (Wagtail's index tasks use the immediate backend), while e-mails, digests and
reminders queue in the database for `manage.py db_worker --backend background`."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.core import mail

from core.services import notification_create
from tests.factories.guidance import make_guidance

pytestmark = pytest.mark.django_db

PRODUCTION_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


@pytest.fixture
def production_tasks(settings):
    settings.TASKS = PRODUCTION_TASKS  # django-tasks drops its backends on the change


def test_production_runs_index_updates_at_once_and_queues_the_rest():
    from learning_network.settings import base

    assert base.production_tasks() == PRODUCTION_TASKS


def test_index_updates_run_at_once_and_emails_wait_for_the_worker(
    production_tasks, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_guidance(title="Zanzibar interview planning")
        notification_create(
            recipients=[officer], verb="published", summary="s", url="/", target=page
        )
    assert DBTaskResult.objects.filter(
        task_path__contains="send_notification_email"
    ).exists()
    assert mail.outbox == []
    assert not DBTaskResult.objects.filter(task_path__contains="modelsearch").exists()
