"""What the forums offer the rest of the site through Wagtail's hooks registry
(https://docs.wagtail.org/en/stable/reference/hooks.html), and the admin's category
editor."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.hooks import DEMO_SEED, NOTIFICATION_TARGETS, VISIBILITY_INPUTS

from .models import Category, Thread
from .selectors import (
    category_list_visible_to,
    latest_threads_for,
    thread_list_visible_to,
)

THEME_SECTION_THREADS = 5


@hooks.register("theme_sections")
def forums_theme_section(request, theme):
    """The theme landing page's "Forums" section: the theme's categories the user may
    see and their latest threads."""
    categories = list(category_list_visible_to(request.user).filter(theme=theme))
    if not categories:
        return None
    return {
        "title": "Forums",
        "template": "forums/includes/theme_section.html",
        "context": {
            "categories": categories,
            "threads": latest_threads_for(
                request.user, limit=THEME_SECTION_THREADS, categories=categories
            ),
        },
        "order": 30,
    }


class CategoryViewSet(SnippetViewSet):
    """Administrators add and change forum categories (national, force-private or
    role-restricted) in the Wagtail admin."""

    model = Category
    icon = "group"
    menu_label = "Forum categories"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "theme", "force"]
    list_filter = ["theme", "force"]


register_snippet(CategoryViewSet)


@hooks.register(NOTIFICATION_TARGETS)
def forums_notification_targets():
    """Notifications about a thread stay only while the recipient may see it."""
    return {Thread: thread_list_visible_to}


@hooks.register(VISIBILITY_INPUTS)
def forums_visibility_inputs():
    from .models import Category, CategoryRole

    return [Thread, Category, CategoryRole]


@hooks.register(DEMO_SEED, order=50)
def seed_demo_forums(stdout) -> None:
    from .demo import seed_forums

    seed_forums(stdout=stdout)
