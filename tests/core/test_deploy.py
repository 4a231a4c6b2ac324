import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.db import DatabaseError

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "learning_network.settings.production",
    "SECRET_KEY": "a-real-looking-secret-of-sufficient-length-and-variety-0123456789",
    "ALLOWED_HOSTS": "learning-network.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/learning_network",
}


def outside_env():
    """The environment a deployment has: no test-only switches."""
    skip = {"DJANGO_ALLOW_ASYNC_UNSAFE", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    return {k: v for k, v in os.environ.items() if k not in skip}


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**outside_env(), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_with_production_settings_has_no_warnings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_production_refuses_to_start_without_its_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503


@pytest.mark.django_db
def test_healthz_answers_503_when_pages_cannot_render(client, settings, tmp_path):
    # Hashed static names with nothing collected: every {% static %} on a page fails,
    # as it does when collectstatic did not run or did not finish.
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        },
    }

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"pages cannot render"
    assert response["Content-Type"].startswith("text/plain")
