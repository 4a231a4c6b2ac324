"""Forum threads and posts as search sources, wired to forums.selectors once the forums
app has them (thread_list_visible_to, post_list_visible_to, and for a thread's snippet
opening_posts_visible_to, built on post_list_visible_to: a held or hidden opening post
is never a snippet for anyone who may not see it)."""


def sources(selector, model) -> list:
    from django.db.models import OuterRef, Subquery

    from .sources import Source

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
                summary=lambda obj: getattr(obj, "_opening_post", "") or "",
                annotations=lambda user: {
                    "_opening_post": Subquery(
                        opening_visible(user)
                        .filter(thread=OuterRef("pk"))
                        .values("body")[:1]
                    )
                },
                select_related=("category__force", "category__theme"),
                autocomplete_via_backend=False,
                single_valued_facets=True,
                dated_by_creation=True,
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
                summary=lambda obj: obj.body,
                select_related=(
                    "thread__category__force",
                    "thread__category__theme",
                ),
                autocomplete_via_backend=False,
                single_valued_facets=True,
                dated_by_creation=True,
            )
        )
    return found
