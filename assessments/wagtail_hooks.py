"""The framework in the Wagtail admin (editions and pillars with their statements, as
snippets: https://docs.wagtail.org/en/stable/topics/snippets/), the "copy to new
edition" action, and the guards that keep a published edition frozen."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.hooks import CONTENT_SOURCES, DEMO_SEED, VISIBILITY_INPUTS, ContentSource
from core.services import audit_record

from . import services
from .forms import EditionAdminForm, EditionCopyForm, PillarAdminForm
from .models import (
    EDITION_FROZEN,
    Action,
    Assessment,
    AssessmentMember,
    Edition,
    Pillar,
)
from .selectors import action_list_visible_to, assessment_list_visible_to


class EditionViewSet(SnippetViewSet):
    model = Edition
    icon = "table"
    menu_label = "Editions"
    list_display = ["name", "status", "published_at"]
    # The built-in copy would copy the edition alone; "Copy to new edition" copies
    # its pillars and statements too.
    copy_view_enabled = False
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("status"), FieldPanel("introduction")],
        base_form_class=EditionAdminForm,
    )


class PillarViewSet(SnippetViewSet):
    model = Pillar
    icon = "list-ol"
    menu_label = "Pillars and statements"
    list_display = ["edition", "theme"]
    list_filter = ["edition"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("edition"),
            FieldPanel("theme"),
            FieldPanel("introduction"),
            InlinePanel("statements", heading="Statements", label="Statement"),
        ],
        base_form_class=PillarAdminForm,
    )


class FrameworkGroup(SnippetViewSetGroup):
    items = (EditionViewSet, PillarViewSet)
    menu_icon = "table"
    menu_label = "Self-assessment"
    menu_name = "self-assessment"


register_snippet(FrameworkGroup)


def edition_copy_view(request, pk):
    if not request.user.has_perm("assessments.add_edition"):
        raise PermissionDenied
    edition = get_object_or_404(Edition, pk=pk)
    form = EditionCopyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.edition_copy(
                edition=edition, name=form.cleaned_data["name"], actor=request.user
            )
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(request, f"Copied to the new draft edition {copy}.")
            return redirect(reverse("wagtailsnippets_assessments_edition:list"))
    return TemplateResponse(
        request,
        "assessments/admin/edition_copy.html",
        {"edition": edition, "form": form},
    )


@hooks.register("register_admin_urls")
def register_copy_url():
    return [
        path(
            "self-assessment/editions/<int:pk>/copy-to-new-edition/",
            edition_copy_view,
            name="assessments_edition_copy",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def edition_copy_button(snippet, user, next_url=None):
    if isinstance(snippet, Edition) and user.has_perm("assessments.add_edition"):
        yield Button(
            "Copy to new edition",
            url=reverse("assessments_edition_copy", args=[snippet.pk]),
            icon_name="copy",
            priority=30,
        )


@hooks.register("after_edit_snippet")
def record_edition_published(request, instance):
    """Publishing through the edit form: date it and record it, as the service does."""
    if not isinstance(instance, Edition) or not instance.is_published:
        return
    if instance.published_at is None:
        instance.published_at = timezone.now()
        instance.save(update_fields=["published_at"])
        audit_record(
            action="assessment.edition_published", obj=instance, request=request
        )


@hooks.register("after_create_snippet")
def add_pillars_to_new_edition(request, instance):
    if isinstance(instance, Edition):
        services.edition_ensure_pillars(edition=instance)


@hooks.register("before_delete_snippet")
def refuse_deleting_frozen_framework(request, instances):
    for instance in instances:
        edition = instance if isinstance(instance, Edition) else None
        if isinstance(instance, Pillar):
            edition = instance.edition
        if edition is not None and services.edition_is_frozen(edition):
            messages.error(request, EDITION_FROZEN)
            return redirect(reverse("wagtailsnippets_assessments_edition:list"))
    return None


@hooks.register(VISIBILITY_INPUTS)
def assessments_visibility_inputs():
    return [Assessment, AssessmentMember, Action]


@hooks.register(CONTENT_SOURCES)
def assessments_content_sources():
    """Notifications about an assessment or an action of its plan stay only while the
    recipient may see the assessment. Not searched."""
    return [
        ContentSource(
            key="assessment",
            label="Self-assessment",
            model=Assessment,
            visible_to=assessment_list_visible_to,
            notification_target=True,
        ),
        ContentSource(
            key="action",
            label="Improvement plan action",
            model=Action,
            visible_to=action_list_visible_to,
            notification_target=True,
        ),
    ]


# After the accounts: the self-assessment needs the demo force lead.
@hooks.register(DEMO_SEED, order=60)
def seed_demo_assessments(stdout) -> None:
    from .demo import seed_assessments

    seed_assessments(stdout=stdout)
