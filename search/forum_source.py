"""Forum threads and posts as search sources, wired to forums.selectors once the forums
app has them (thread_list_visible_to, post_list_visible_to, and for a thread's snippet
opening_posts_visible_to, built on post_list_visible_to: a held or hidden opening post
is never a snippet for anyone who may not see it).

A reply is listed under its thread (``parent``): one result per thread, whichever of
its posts match. Snippets are the posts' rendered HTML as text, never raw Markdown."""


def sources(selector, model) -> list:
    from django.db.models import OuterRef, Subquery

    from .sources import Source
    from .text import html_to_text

    found = []
    thread_visible = selector("forums.selectors", "thread_list_visible_to")
    opening_visible = selector("forums.selectors", "opening_posts_visible_to")
    thread_model = model("forums", "Thread")
    if thread_visible and opening_visible and thread_model:
        found.append(
            Source(
                key="thread",
                label="Forum thread",
                model=thread_model,
                visible_to=thread_visible,
                date_field="created_at",
                force_path="category__force",
                theme_path="category__theme",
                title=lambda obj: obj.title,
                url=lambda obj, request: obj.get_absolute_url(),
                text=lambda obj: html_to_text(getattr(obj, "_opening_post_html", "")),
                lead_child=lambda obj: getattr(obj, "_opening_post_id", None),
                annotations=lambda user: {
                    name: Subquery(
                        opening_visible(user)
                        .filter(thread=OuterRef("pk"))
                        .values(column)[:1]
                    )
                    for name, column in (
                        ("_opening_post_id", "pk"),
                        ("_opening_post_html", "body_html"),
                    )
                },
                select_related=("category__force", "category__theme"),
                autocomplete_via_backend=False,
                single_valued_facets=True,
                dated_by_creation=True,
                spelling_words=False,
            )
        )
    post_visible = selector("forums.selectors", "post_list_visible_to")
    post_model = model("forums", "Post")
    if post_visible and post_model:
        found.append(
            Source(
                key="post",
                label="Forum reply",
                model=post_model,
                visible_to=post_visible,
                date_field="created_at",
                force_path="thread__category__force",
                theme_path="thread__category__theme",
                title=lambda obj: obj.thread.title,
                url=lambda obj, request: obj.get_absolute_url(),
                text=lambda obj: html_to_text(obj.body_html),
                title_field=None,
                parent=("thread", "thread_id"),
                select_related=(
                    "thread__category__force",
                    "thread__category__theme",
                ),
                autocomplete_via_backend=False,
                single_valued_facets=True,
                dated_by_creation=True,
                spelling_words=False,
            )
        )
    return found
