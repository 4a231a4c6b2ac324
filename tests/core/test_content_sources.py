"""Search and notifications read one registry of content types (core.hooks,
``CONTENT_SOURCES``), each registered once by the app that owns it with its own
visibility function. These lists are exact: a type that drops out of the registry (a
selector renamed, a hook deleted) fails here, not silently in search."""

import pytest

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from wagtail import hooks

from assessments.models import Action, Assessment
from assessments.selectors import action_list_visible_to, assessment_list_visible_to
from core.hooks import (
    CONTENT_SOURCES,
    FORUM_COPIES_REDACT,
    GUIDANCE_SUGGESTION_CREATE,
    ContentSource,
    content_source,
    content_sources,
    single_hook,
)
from core.selectors import notification_targets
from forums.models import Post, Thread
from forums.selectors import post_list_visible_to, thread_list_visible_to
from guidance.models import GuidancePage
from guidance.selectors import guidance_list_visible_to
from guidance.services import guidance_suggestion_create, guidance_suggestions_redact
from search.sources import get_sources
from training.models import LessonPage, ModulePage
from training.selectors import lesson_list_visible_to, module_list_visible_to

pytestmark = pytest.mark.django_db


def test_search_searches_exactly_these_sources_in_this_order():
    sources = [(s.key, s.model, s.visible_to) for s in get_sources()]

    assert sources == [
        ("guidance", GuidancePage, guidance_list_visible_to),
        ("module", ModulePage, module_list_visible_to),
        ("lesson", LessonPage, lesson_list_visible_to),
        ("thread", Thread, thread_list_visible_to),
        ("post", Post, post_list_visible_to),
    ]


def test_notifications_follow_exactly_these_targets():
    assert notification_targets() == {
        GuidancePage: guidance_list_visible_to,
        ModulePage: module_list_visible_to,
        Thread: thread_list_visible_to,
        Assessment: assessment_list_visible_to,
        Action: action_list_visible_to,
    }


def test_every_registered_source_is_listed_once():
    assert [s.key for s in content_sources()] == [
        "guidance",
        "module",
        "lesson",
        "thread",
        "post",
        "assessment",
        "action",
    ]


def test_guidance_answers_the_hooks_the_forums_call():
    assert single_hook(GUIDANCE_SUGGESTION_CREATE) is guidance_suggestion_create
    assert hooks.get_hooks(FORUM_COPIES_REDACT) == [guidance_suggestions_redact]


def test_an_unknown_source_key_is_an_error_not_nothing():
    with pytest.raises(LookupError):
        content_source("nothing-by-this-name")


def test_two_sources_under_one_key_fail_the_start_up_check():
    twin = ContentSource(
        key="guidance", label="Twin", model=Thread, visible_to=thread_list_visible_to
    )

    with hooks.register_temporarily(CONTENT_SOURCES, lambda: [twin]):
        with pytest.raises(ImproperlyConfigured):
            content_sources()
        errors = checks.run_checks()

    assert [e.id for e in errors if e.id.startswith("core.")] == ["core.E001"]


def test_a_searched_source_without_a_date_is_refused():
    with pytest.raises(ImproperlyConfigured):
        ContentSource(
            key="x",
            label="X",
            model=Thread,
            visible_to=thread_list_visible_to,
            in_search=True,
        )


def test_the_start_up_check_passes():
    assert [e for e in checks.run_checks() if e.id.startswith("core.")] == []
