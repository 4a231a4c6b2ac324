"""The thread page's posts, kept in the cache.

A long thread is read far more often than it is written, and every reader who sees
the same posts sees them the same way: the posts a moderator sees (all of them), or
the posts every other reader sees (none held or hidden). Those lists, a page at a
time, and each post's rendered header and body (``post.render_key``, read by
``forums/includes/post.html``) are kept under two generations:

- the thread's own, moved on by any change to the thread or to any of its posts,
  however it is written (a save, a delete, or a bulk ``update`` through
  ``PostQuerySet``): a reply, an edit, hiding, holding, approving, a redaction, a
  helpful mark (``forums.receivers``);
- the forums', moved on by what every thread shows of other things: a category (its
  anonymity), a person's name or force.

What a reader may see is still decided on every request: the thread through
``thread_list_visible_to``, the reader's class here. A reader whose own post in the
thread is held for approval (only they see it) reads the posts from the database.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q

from core.generations import versioned

from .generations import FORUMS, TTL, thread_generation
from .models import Post
from .selectors import (
    posts_every_reader_sees,
    posts_of_visible_thread,
    user_sees_everything,
)


def _readers_count_and_held_authors(thread) -> tuple[int, list[int]]:
    """In one query: how many posts every reader sees, and who has a post held there
    (each of them also sees their own)."""
    rows = (
        Post.objects.filter(thread=thread, hidden_at__isnull=True)
        .values("author_id")
        .annotate(
            shown=Count("pk", filter=Q(held_at__isnull=True)),
            held=Count("pk", filter=Q(held_at__isnull=False)),
        )
        .order_by()
    )
    rows = list(rows)
    return (
        sum(row["shown"] for row in rows),
        [row["author_id"] for row in rows if row["held"]],
    )


def _generations(thread) -> str:
    """Both generations, read once per thread object (so once a request)."""
    if not hasattr(thread, "_cache_generations"):
        thread._cache_generations = (
            f"{thread_generation(thread.pk).current()}:{FORUMS.current()}"
        )
    return thread._cache_generations


def answer_render_key(thread, answer) -> str:
    """The ``render_key`` of the answer shown under the question."""
    return f"answer:{answer.pk}:{_generations(thread)}"


def _in_reading_order(posts):
    return (
        posts.select_related("author", "author__force", "hidden_by")
        .defer("author__password", "hidden_by__password")
        .order_by("created_at", "id")
    )


def page_of_posts(user, thread, number, per_page: int):
    """(page, posts): ``thread``'s posts that ``user`` may see, the page asked for
    (Paginator.get_page's rules), with each post's ``render_key`` set. ``thread`` has
    been fetched through thread_list_visible_to (or a function built on it)."""
    generations = _generations(thread)
    if user_sees_everything(user):
        reader, shared = "all", posts_of_visible_thread(user, thread)
    else:
        reader, shared = "readers", posts_every_reader_sees(thread)
    base = f"ln:forums:posts:{thread.pk}:{generations}:{reader}"
    if reader == "all":
        count, held_authors = versioned(f"{base}:count", shared.count, TTL), []
    else:
        count, held_authors = versioned(
            f"{base}:count-held", lambda: _readers_count_and_held_authors(thread), TTL
        )
    if user.pk in held_authors:
        # Only this reader sees their held post: nothing shared to keep.
        posts = _in_reading_order(posts_of_visible_thread(user, thread))
        page = Paginator(posts, per_page).get_page(number)
        page_posts = list(page.object_list)
    else:
        posts = _in_reading_order(shared)
        paginator = Paginator(posts, per_page)
        paginator.count = count
        page = paginator.get_page(number)
        page_posts = versioned(
            f"{base}:page:{page.number}", lambda: list(page.object_list), TTL
        )
        page.object_list = page_posts
    for post in page_posts:
        post.thread = thread  # the permission checks read post.thread
        post.render_key = f"{post.pk}:{generations}"
    return page, page_posts
