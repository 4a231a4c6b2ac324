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

from dataclasses import dataclass, field

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


def _readers_posts(user, thread):
    """(base key, posts, count, own_only): the posts of ``thread`` the user sees, as
    the shared list of their class of reader (moderators: all; everyone else: none
    held or hidden), or, for a reader with a post of their own held there, their own
    list (``own_only``: nothing of it is kept). Worked out once per thread object."""
    if hasattr(thread, "_cache_readers_posts"):
        return thread._cache_readers_posts
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
        result = (base, posts_of_visible_thread(user, thread), None, True)
    else:
        result = (base, shared, count, False)
    thread._cache_readers_posts = result
    return result


def page_of_posts(user, thread, number, per_page: int):
    """(page, posts): ``thread``'s posts that ``user`` may see, the page asked for
    (Paginator.get_page's rules), with each post's ``render_key`` set. ``thread`` has
    been fetched through thread_list_visible_to (or a function built on it)."""
    generations = _generations(thread)
    base, posts, count, own_only = _readers_posts(user, thread)
    paginator = Paginator(_in_reading_order(posts), per_page)
    if own_only:
        page = paginator.get_page(number)
        page_posts = list(page.object_list)
    else:
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


def opening_post_id(thread) -> int | None:
    """The pk of the thread's first post, whoever may see it (the question box shows
    it only where it is on the page)."""

    def build():
        return (
            Post.objects.filter(thread=thread)
            .order_by("created_at", "id")
            .values_list("pk", flat=True)
            .first()
        )

    return versioned(
        f"ln:forums:opening:{thread.pk}:{_generations(thread)}", build, TTL
    )


def shown_answer(user, thread):
    """The thread's marked answer, with its author and force, if ``user`` may see it
    (else None), ready for the thread page (``render_key`` set)."""
    if thread.answer_id is None:
        return None
    base, posts, _count, own_only = _readers_posts(user, thread)
    answer_of = (
        posts.filter(pk=thread.answer_id)
        .select_related("author", "author__force")
        .defer("author__password")
        .first
    )
    answer = answer_of() if own_only else versioned(f"{base}:answer", answer_of, TTL)
    if answer is not None:
        answer.thread = thread  # shown_author reads the category
        answer.render_key = answer_render_key(thread, answer)
    return answer


@dataclass(frozen=True)
class PostReader:
    """What the reader of a thread page may do with its posts, worked out once by the
    view. ``facts`` is all that makes one reader's copy of a post differ from
    another's, so a post is rendered once for each set of facts and kept
    (``{% thread_post %}``); every reader with the same facts gets the same HTML, with
    their own CSRF token put in."""

    user_pk: int | None
    question_pk: int | None
    answer_pk: int | None
    can_reply: bool
    can_mark_answer: bool
    is_moderator: bool
    helpful_ids: frozenset = field(default_factory=frozenset)
    editable_ids: frozenset = field(default_factory=frozenset)
    unread_ids: frozenset = field(default_factory=frozenset)

    def facts(self, post, *, as_answer: bool) -> dict[str, bool]:
        return {
            "as_answer": as_answer,
            "own": post.author_id == self.user_pk,
            "marked_helpful": post.pk in self.helpful_ids,
            "unread": post.pk in self.unread_ids,
            "editable": post.pk in self.editable_ids,
            "is_question": post.pk == self.question_pk,
            "is_answer": post.pk == self.answer_pk,
            "can_reply": self.can_reply,
            "can_mark_answer": self.can_mark_answer,
            "is_moderator": self.is_moderator,
        }


def post_render_key(post, facts: dict[str, bool]) -> str | None:
    """The cache key of ``post`` rendered for a reader with ``facts``; None for a post
    without a ``render_key`` (rendered every time)."""
    if not getattr(post, "render_key", None):
        return None
    flags = "".join("1" if value else "0" for value in facts.values())
    return f"ln:forums:post:{post.render_key}:{flags}"
