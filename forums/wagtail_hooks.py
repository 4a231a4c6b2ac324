"""What the forums offer the rest of the site through Wagtail's hooks registry
(https://docs.wagtail.org/en/stable/reference/hooks.html), and the admin's category
editor."""

from django.db.models import OuterRef, Subquery

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.hooks import (
    CONTENT_SOURCES,
    DEMO_SEED,
    THEME_SECTIONS,
    VISIBILITY_INPUTS,
    ContentSource,
)

from .models import Category, Post, Thread
from .selectors import (
    category_list_visible_to,
    latest_threads_for,
    opening_posts_visible_to,
    post_list_visible_to,
    thread_list_visible_to,
)

THEME_SECTION_THREADS = 5


@hooks.register(THEME_SECTIONS)
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


def _opening_post(user) -> dict:
    """A thread's opening post as ``user`` may see it (opening_posts_visible_to, built
    on post_list_visible_to): its id and HTML, for the thread's search snippet. A held
    or hidden opening post is never a snippet for anyone who may not see it."""
    return {
        name: Subquery(
            opening_posts_visible_to(user)
            .filter(thread=OuterRef("pk"))
            .values(column)[:1]
        )
        for name, column in (
            ("_opening_post_id", "pk"),
            ("_opening_post_html", "body_html"),
        )
    }


@hooks.register(CONTENT_SOURCES)
def forums_content_sources():
    """Threads and replies, for search: a reply is listed under its thread
    (``parent``), one result per thread whichever of its posts match, and snippets
    are the posts' rendered HTML as text, never raw Markdown. A notification about a
    thread stays only while the recipient may see it."""
    return [
        ContentSource(
            key="thread",
            label="Forum thread",
            model=Thread,
            visible_to=thread_list_visible_to,
            notification_target=True,
            in_search=True,
            date_field="created_at",
            force_path="category__force",
            theme_path="category__theme",
            url=lambda obj, request: obj.get_absolute_url(),
            snippet_html=lambda obj: getattr(obj, "_opening_post_html", ""),
            lead_child=lambda obj: getattr(obj, "_opening_post_id", None),
            annotations=_opening_post,
            select_related=("category__force", "category__theme"),
            autocomplete_via_backend=False,
            single_valued_facets=True,
            dated_by_creation=True,
            spelling_words=False,
        ),
        ContentSource(
            key="post",
            label="Forum reply",
            model=Post,
            visible_to=post_list_visible_to,
            in_search=True,
            date_field="created_at",
            force_path="thread__category__force",
            theme_path="thread__category__theme",
            title=lambda obj: obj.thread.title,
            url=lambda obj, request: obj.get_absolute_url(),
            snippet_html=lambda obj: obj.body_html,
            title_field=None,
            parent=("thread", "thread_id"),
            select_related=("thread__category__force", "thread__category__theme"),
            autocomplete_via_backend=False,
            single_valued_facets=True,
            dated_by_creation=True,
            spelling_words=False,
        ),
    ]


@hooks.register(VISIBILITY_INPUTS)
def forums_visibility_inputs():
    from .models import Category, CategoryRole

    return [Thread, Category, CategoryRole]


@hooks.register(DEMO_SEED, order=50)
def seed_demo_forums(stdout) -> None:
    from .demo import seed_forums

    seed_forums(stdout=stdout)
