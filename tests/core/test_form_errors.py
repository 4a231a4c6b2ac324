"""Every form on the site names the field it is missing: submitted empty, no form
answers with Django's "This field is required." (issue 14). The site's forms are found
by walking every form class its apps define, so a new form is checked without being
listed here; allauth's are those the settings point at."""

import importlib
from types import SimpleNamespace

import pytest

from django import forms
from django.conf import settings
from django.utils.module_loading import import_string

from core.base_forms import GENERIC_REQUIRED, SiteForm, SiteModelForm
from tests.factories import make_user

pytestmark = pytest.mark.django_db

APPS = ["accounts", "assessments", "core", "forums", "guidance", "search", "training"]
# Modules that define forms the site's own pages render (Wagtail's admin forms, in
# admin_forms.py and subclasses of Wagtail's, render Wagtail's own way).
FORM_MODULES = [f"{app}.forms" for app in APPS] + ["forums.moderation_views"]
WAGTAIL_ADMIN_BASES = (
    "wagtail.admin.forms",
    "wagtail.documents.forms",
    "wagtail.images.forms",
)


def site_form_classes() -> list[type]:
    for module in FORM_MODULES:
        importlib.import_module(module)
    found, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        admin = any(
            base.__module__.startswith(WAGTAIL_ADMIN_BASES) for base in cls.__mro__
        )
        base = cls in (SiteForm, SiteModelForm)
        if cls.__module__ in FORM_MODULES and not (admin or base) and cls not in found:
            found.append(cls)
    return found


def allauth_form_classes() -> list[type]:
    names = {*settings.ACCOUNT_FORMS.values(), *settings.MFA_FORMS.values()}
    from allauth.account.forms import SignupForm  # built on accounts.forms

    return [SignupForm, *(import_string(name) for name in sorted(names))]


def arguments(user) -> dict:
    """What a form needs beyond its data, by class name."""
    from accounts.models import User
    from guidance.models import GuidancePage

    question = {
        "question": "When is early advice sought?",
        "answer_type": "single",
        "answers": [{"text": "Before arrest"}, {"text": "After charge"}],
    }
    return {
        "KnowledgeCheckForm": {"questions": [("q-early", question)]},
        "CompareForm": {"numbers": ["1.0", "2.0"]},
        "SuggestGuidanceForm": {"pages": GuidancePage.objects.none()},
        "MemberForm": {"colleagues": User.objects.none()},
        "ActionForm": {"colleagues": User.objects.none()},
        "ResponseForm": {"statement": SimpleNamespace(rating_scale=["Not met", "Met"])},
        "AddEmailForm": {"user": user},
        "ChangePasswordForm": {"user": user},
        "SetPasswordForm": {"user": user},
        "ResetPasswordKeyForm": {"user": user, "temp_key": "key"},
        "ReauthenticateForm": {"user": user},
        "AuthenticateForm": {"user": user},
        "ActivateTOTPForm": {"user": user},
        "AddWebAuthnForm": {"user": user},
        "EditWebAuthnForm": {
            "instance": SimpleNamespace(wrap=lambda: SimpleNamespace(name="Phone"))
        },
    }


def required_errors(form_class, user) -> list[str]:
    kwargs = arguments(user).get(form_class.__name__, {})
    form = form_class(data={}, files={}, **kwargs)
    form.is_valid()
    return [
        message
        for field, errors in form.errors.as_data().items()
        if field != "__all__"
        for error in errors
        if error.code == "required"
        for message in error.messages
    ]


def test_the_walk_finds_the_sites_forms():
    names = {cls.__name__ for cls in site_form_classes()}

    assert {"ThreadForm", "ActionForm", "ProfileForm", "SuspendForm"} <= names
    assert "GuidancePageForm" not in names


@pytest.mark.parametrize(
    "form_class", site_form_classes(), ids=lambda cls: cls.__qualname__
)
def test_no_site_form_answers_with_djangos_generic_required_message(form_class):
    user = make_user(email="forms@avon-and-somerset.police.uk")

    errors = required_errors(form_class, user)

    assert str(GENERIC_REQUIRED) not in errors


def test_allauths_forms_name_the_missing_field(rf):
    from allauth.core import context

    from django.contrib.sessions.backends.db import SessionStore

    user = make_user(email="forms@avon-and-somerset.police.uk")
    request = rf.post("/")
    request.user, request.session = user, SessionStore()

    for form_class in allauth_form_classes():
        with context.request_context(request):  # allauth's TOTP form reads it
            errors = required_errors(form_class, user)

        assert str(GENERIC_REQUIRED) not in errors, form_class
        assert errors, form_class  # each has a required field, now named


def test_a_missing_field_is_named_in_its_message():
    from assessments.forms import ActionUpdateForm, EditionCopyForm

    form = EditionCopyForm(data={})
    update = ActionUpdateForm(data={})

    assert form.errors["name"] == ["Enter name of the new edition"]
    assert update.errors == {
        "status": ["Select status"],
        "text": ["Enter progress update"],
    }
