"""Redis down: the cache production configures (settings/base.py with REDIS_URL) degrades
to cache misses, so pages, search, sign-in and the second factor keep working."""

import runpy
from pathlib import Path

import pytest

from django.conf import settings as django_settings

from tests.factories.guidance import make_guidance
from tests.factories.training import make_module
from tests.helpers import enrol_totp, totp_code

# Nothing listens on port 1: every connection is refused.
REDIS_DOWN = "redis://127.0.0.1:1/0"
BASE_SETTINGS = Path(django_settings.BASE_DIR) / "learning_network/settings/base.py"


def production_caches(monkeypatch, redis_url: str) -> dict:
    """CACHES as settings/base.py builds it where REDIS_URL is set."""
    monkeypatch.setenv("REDIS_URL", redis_url)
    return runpy.run_path(str(BASE_SETTINGS))["CACHES"]


@pytest.fixture
def pages(db):
    """Addresses of every kind of page, worked out while the cache still answers."""
    guidance = make_guidance(title="Referring a victim to an ISVA")
    module = make_module(title="Investigating repeat offenders", lessons=1)
    return {
        "home": "/",
        "guidance": guidance.url,
        "search": "/search/?q=victim",
        "autocomplete": "/search/autocomplete/?q=refer",
        "suggest": "/search/suggest/?q=referring+a+victim",
        "module": module.url,
        "lesson": module.get_children().live().first().url,
        "my learning": "/learning/",
        "forums": "/forums/",
        "theme": "/themes/suspect-focused-investigations/",
    }


@pytest.fixture
def redis_down(pages, settings, monkeypatch):
    settings.CACHES = production_caches(monkeypatch, REDIS_DOWN)
    return pages


@pytest.mark.parametrize(
    "page",
    [
        "home",
        "guidance",
        "search",
        "autocomplete",
        "suggest",
        "module",
        "lesson",
        "my learning",
        "forums",
        "theme",
    ],
)
def test_every_kind_of_page_answers_while_redis_is_down(
    client_for, officer, redis_down, page
):
    response = client_for(officer).get(redis_down[page])

    assert response.status_code == 200


def test_signing_in_works_while_redis_is_down(client, officer, password, redis_down):
    response = client.post(
        "/accounts/login/", {"login": officer.email, "password": password}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_the_second_factor_works_while_redis_is_down(
    client, officer, password, redis_down
):
    secret = enrol_totp(officer)
    response = client.post(
        "/accounts/login/", {"login": officer.email, "password": password}
    )
    assert response["Location"] == "/accounts/2fa/authenticate/"

    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)
