"""What training offers other apps through Wagtail's hooks registry, so no app
imports another's internals (https://docs.wagtail.org/en/stable/reference/hooks.html)."""

from django.http import Http404
from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.hooks import (
    CONTENT_SOURCES,
    DEMO_SEED,
    GUIDANCE_MAJOR_VERSION_PUBLISHED,
    THEME_RESOURCES,
    THEME_SECTIONS,
    VISIBILITY_INPUTS,
    ContentSource,
)

from .models import LessonPage, ModulePage
from .permissions import check_view_reports_permission
from .selectors import (
    lesson_list_visible_to,
    module_list_visible_to,
    progress_for_modules,
)
from .services import guidance_flags_create, module_refresh_request

THEME_RESOURCES_LIMIT = 10
THEME_SECTION_LIMIT = 6


@hooks.register(THEME_SECTIONS)
def training_theme_section(request, theme):
    """The theme landing page's "Training modules" section, with the user's progress."""
    modules = list(
        module_list_visible_to(request.user)
        .filter(themes=theme)
        .order_by("title")[:THEME_SECTION_LIMIT]
    )
    if not modules:
        return None
    progress = progress_for_modules(request.user, modules)
    return {
        "title": "Training modules",
        "template": "training/includes/theme_section.html",
        "context": {"items": [progress[m.pk] for m in modules], "theme": theme},
        "order": 20,
    }


@hooks.register(THEME_RESOURCES)
def training_theme_resources(user, theme) -> list[dict]:
    """Modules tagged with ``theme`` that ``user`` may see (the assessments app links
    them from improvement plans)."""
    modules = (
        module_list_visible_to(user)
        .filter(themes=theme)
        .order_by("title")
        .only("id", "title", "summary", "url_path")[:THEME_RESOURCES_LIMIT]
    )
    return [
        {
            "title": module.title,
            "url": module.url,
            "kind": "Training module",
            "summary": module.summary,
        }
        for module in modules
    ]


@hooks.register(GUIDANCE_MAJOR_VERSION_PUBLISHED)
def flag_modules_citing_guidance(page, version):
    """Returns who was told, so guidance does not notify them again as followers."""
    notifications = guidance_flags_create(page=page, version=version)
    return [notification.recipient for notification in notifications]


@hooks.register("after_publish_page")
def ask_learners_to_refresh(request, page):
    """A trainer published a module that asks earlier learners to refresh."""
    if isinstance(page, ModulePage):
        module_refresh_request(module=page, actor=request.user)


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        try:
            check_view_reports_permission(request.user)
        except Http404:
            return False
        return True


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        "Training reports",
        reverse("training:report_index"),
        icon_name="table",
        order=900,
    )


@hooks.register(CONTENT_SOURCES)
def training_content_sources():
    """Modules and lessons, for search; a notification about a module stays only
    while the recipient may see it."""
    return [
        ContentSource(
            key="module",
            label="Training module",
            model=ModulePage,
            visible_to=module_list_visible_to,
            notification_target=True,
            in_search=True,
            date_field="last_published_at",
            theme_path="themes",
            prefetch_related=("themes",),
        ),
        ContentSource(
            key="lesson",
            label="Training lesson",
            model=LessonPage,
            visible_to=lesson_list_visible_to,
            in_search=True,
            date_field="last_published_at",
        ),
    ]


@hooks.register(VISIBILITY_INPUTS)
def training_visibility_inputs():
    return [ModulePage]


# After guidance: lessons cite guidance pages.
@hooks.register(DEMO_SEED, order=40)
def seed_demo_training(stdout) -> None:
    from .demo import seed_training

    seed_training(stdout=stdout)
