"""Guidance in other places: theme landing pages, other apps' theme resources, the
editors' dashboard and the feedback report in the admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from accounts import roles
from core.hooks import (
    CONTENT_SOURCES,
    DEMO_SEED,
    FORUM_COPIES_REDACT,
    GUIDANCE_SUGGESTION_CREATE,
    THEME_RESOURCES,
    THEME_SECTIONS,
    VISIBILITY_INPUTS,
    ContentSource,
)
from core.selectors import user_follows

from .models import GuidanceIndexPage, GuidancePage, GuidanceSuggestion
from .roles import EDITOR_GROUPS
from .selectors import (
    guidance_feedback_for,
    guidance_feedback_report,
    guidance_for_theme,
    guidance_list_visible_to,
    guidance_review_due,
    guidance_suggestions_open,
)
from .services import (
    guidance_suggestion_create,
    guidance_suggestion_resolve,
    guidance_suggestions_redact,
)

THEME_RESOURCES_LIMIT = 10
FEEDBACK_PERMISSION = "guidance.view_guidancefeedback"


def is_guidance_editor(user) -> bool:
    return user.is_superuser or roles.has_role(user, *EDITOR_GROUPS)


@hooks.register(THEME_RESOURCES)
def guidance_theme_resources(user, theme) -> list[dict]:
    """Guidance the user may read, tagged with ``theme`` (for the assessments app)."""
    return [
        {
            "title": page.title,
            "url": page.url,
            "kind": "Guidance",
            "summary": page.summary,
        }
        for page in guidance_for_theme(user, theme, limit=THEME_RESOURCES_LIMIT)
    ]


@hooks.register(THEME_SECTIONS)
def guidance_theme_section(request, theme) -> dict:
    pages = list(guidance_for_theme(request.user, theme, limit=THEME_RESOURCES_LIMIT))
    index = GuidanceIndexPage.objects.live().first()
    return {
        "title": "Guidance",
        "template": "guidance/includes/theme_section.html",
        "context": {
            "theme": theme,
            "pages": pages,
            "following": user_follows(request.user, theme),
            "more_url": f"{index.url}?theme={theme.slug}" if index else None,
        },
        "order": 10,
    }


class ReviewDuePanel(Component):
    """Guidance overdue for review and due within 30 days, for editors."""

    name = "guidance_review_due"
    template_name = "guidance/admin/review_due_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        pages = list(guidance_review_due())
        return {
            "overdue": [p for p in pages if p.review_by < today],
            "due_soon": [p for p in pages if p.review_by >= today],
        }


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if is_guidance_editor(request.user):
        panels.append(ReviewDuePanel())


def feedback_report(request):
    if not request.user.has_perm(FEEDBACK_PERMISSION):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "guidance/admin/feedback_report.html",
        {"rows": guidance_feedback_report(), "header_title": "Guidance feedback"},
    )


def feedback_report_page(request, page_id):
    if not request.user.has_perm(FEEDBACK_PERMISSION):
        raise PermissionDenied
    page = get_object_or_404(GuidancePage, pk=page_id)
    return TemplateResponse(
        request,
        "guidance/admin/feedback_report_page.html",
        {"guidance": page, "feedback": guidance_feedback_for(page)},
    )


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path("guidance-feedback/", feedback_report, name="guidance_feedback_report"),
        path(
            "guidance-feedback/<int:page_id>/",
            feedback_report_page,
            name="guidance_feedback_page",
        ),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(FEEDBACK_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        "Guidance feedback",
        reverse("guidance_feedback_report"),
        icon_name="help",
        order=900,
    )


SUGGESTION_RESOLVED = "The suggestion is marked as dealt with."


class SuggestionsPanel(Component):
    """Answered forum threads sent to guidance owners, for editors to act on."""

    name = "guidance_suggestions"
    template_name = "guidance/admin/suggestions_panel.html"
    order = 160

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {
            "suggestions": guidance_suggestions_open(),
            "csrf_token": parent_context.get("csrf_token"),
        }


@hooks.register("construct_homepage_panels")
def add_suggestions_panel(request, panels):
    if is_guidance_editor(request.user):
        panels.append(SuggestionsPanel(request.user))


@require_POST
def suggestion_resolve(request, pk):
    if not is_guidance_editor(request.user):
        raise PermissionDenied
    suggestion = get_object_or_404(GuidanceSuggestion, pk=pk)
    guidance_suggestion_resolve(suggestion=suggestion, user=request.user)
    messages.success(request, SUGGESTION_RESOLVED)
    return redirect("wagtailadmin_home")


@hooks.register("register_admin_urls")
def register_suggestion_urls():
    return [
        path(
            "guidance-suggestions/<int:pk>/resolve/",
            suggestion_resolve,
            name="guidance_suggestion_resolve",
        )
    ]


@hooks.register(CONTENT_SOURCES)
def guidance_content_sources():
    """Guidance pages, for search and notifications: a notification about a page
    stays only while the recipient may read it."""
    return [
        ContentSource(
            key="guidance",
            label="Guidance",
            model=GuidancePage,
            visible_to=guidance_list_visible_to,
            notification_target=True,
            in_search=True,
            date_field="last_published_at",
            theme_path="themes",
            prefetch_related=("themes",),
        )
    ]


# The forums send answered threads to guidance owners, and redact the copies of a
# thread's text the suggestions keep, through these (core.hooks).
hooks.register(GUIDANCE_SUGGESTION_CREATE, guidance_suggestion_create)
hooks.register(FORUM_COPIES_REDACT, guidance_suggestions_redact)


@hooks.register(VISIBILITY_INPUTS)
def guidance_visibility_inputs():
    from wagtail.models import PageViewRestriction

    return [GuidancePage, PageViewRestriction]


@hooks.register(DEMO_SEED, order=30)
def seed_demo_guidance(stdout) -> None:
    from .demo import seed_guidance

    seed_guidance(stdout=stdout)
