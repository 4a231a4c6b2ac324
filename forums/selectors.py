"""Reads: what a user may see in the forums.

One visibility function per content type (categories, threads, posts). Every view, list,
count, "latest" panel, notification and search in the project filters through these,
so a force-private or role-restricted thread can never leak through a side door.
"""

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Subquery, Sum

from accounts import roles
from core.generations import versioned

from .generations import FORUMS, TTL
from .models import Category, CategoryRole, Post, PostReaction, Thread, ThreadRead

SEES_EVERYTHING_GROUPS = (roles.MODERATORS, roles.ADMINISTRATORS)


def user_sees_everything(user) -> bool:
    """Moderators and administrators see every category, hidden posts included.
    Cached on the user object for the request."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or roles.has_role(user, *SEES_EVERYTHING_GROUPS)


def moderated_category_ids(user) -> set[int] | None:
    """The categories a moderator is scoped to; None means every category (an
    unscoped moderator or an administrator). Cached on the user for the request."""
    if not hasattr(user, "_forums_moderated_ids"):
        if user.is_superuser or roles.has_role(user, roles.ADMINISTRATORS):
            scope = None
        else:
            scope = (
                set(user.moderated_categories.values_list("category_id", flat=True))
                or None
            )
        user._forums_moderated_ids = scope
    return user._forums_moderated_ids


def user_moderates(user, category) -> bool:
    """Moderators and administrators moderate a category unless scoped elsewhere."""
    if not user_sees_everything(user):
        return False
    scope = moderated_category_ids(user)
    return scope is None or category.pk in scope


def category_list_visible_to(user) -> QuerySet[Category]:
    """National categories; private ones of the user's own force; role-restricted ones
    for the user's job role. Anonymous users see nothing: forums are never public."""
    ids = _category_ids_open_to(user)
    categories = Category.objects.all()
    return categories if ids is None else categories.filter(pk__in=ids)


def _category_ids_open_to(user) -> list[int] | None:
    """category_list_visible_to's rule as the ids of the categories (None: every
    one), for queries that filter on them."""
    if not user.is_authenticated:
        return []
    if user_sees_everything(user):
        return None
    return _visible_category_ids(user.force_id, user.job_role)


def _visible_category_ids(force_id, job_role) -> list[int]:
    """The categories open to a force and job role, kept in the cache under the
    forums generation (a category, its force or its roles changing moves it on): every
    forum query then filters on a short list of ids."""

    def build():
        restricted = CategoryRole.objects.filter(category=OuterRef("pk"))
        return list(
            Category.objects.filter(
                Q(force__isnull=True) | Q(force_id=force_id),
                ~Exists(restricted) | Exists(restricted.filter(job_role=job_role)),
            ).values_list("pk", flat=True)
        )

    return versioned(
        f"ln:forums:categories:{FORUMS.current()}:{force_id}:{job_role}", build, TTL
    )


def _shown_to(user) -> Q:
    """Not hidden, and not held for approval unless the user wrote it (a held new
    thread or post, or a held edit: then the post is left out, not its older text)."""
    return (Q(held_at__isnull=True) | Q(author_id=user.pk)) & Q(hidden_at__isnull=True)


def thread_list_visible_to(user) -> QuerySet[Thread]:
    """Threads in visible categories; hidden ones, and ones held for approval (except
    to their author), only for moderators."""
    ids = _category_ids_open_to(user)
    if ids is None:
        return Thread.objects.all()
    return Thread.objects.filter(_shown_to(user), category_id__in=ids)


def post_list_visible_to(user) -> QuerySet[Post]:
    """Posts in visible threads; hidden ones, and ones held for approval (except to
    their author), only for moderators. Everything that shows a post's text (the
    thread page, the marked-answer box, search results and snippets) goes through
    this or a function built on it."""
    posts = Post.objects.filter(thread__in=thread_list_visible_to(user))
    if not user_sees_everything(user):
        posts = posts.filter(_shown_to(user))
    return posts


def _posts_shown_to(user) -> QuerySet[Post]:
    """post_list_visible_to's rule for the posts themselves, for a caller that has
    established already that their thread is visible."""
    posts = Post.objects.all()
    if not user_sees_everything(user):
        posts = posts.filter(_shown_to(user))
    return posts


def posts_of_visible_thread(user, thread: Thread) -> QuerySet[Post]:
    """The posts of ``thread`` the user may see, for a thread just fetched through
    thread_list_visible_to (or a function built on it): post_list_visible_to's rule
    without asking again whether the thread is visible."""
    return _posts_shown_to(user).filter(thread=thread)


def posts_every_reader_sees(thread: Thread) -> QuerySet[Post]:
    """The posts of a visible ``thread`` that post_list_visible_to shows every reader
    who is not a moderator and has no post of their own held there: none held, none
    hidden. What the thread page keeps in the cache for all of them."""
    return Post.objects.filter(
        thread=thread, held_at__isnull=True, hidden_at__isnull=True
    )


def opening_posts_visible_to(user) -> QuerySet[Post]:
    """Each thread's opening post, where post_list_visible_to lets the user see it:
    a held or hidden opening post is left out, never replaced by the next post."""
    first = (
        Post.objects.filter(thread_id=OuterRef("thread_id"))
        .order_by("created_at", "id")
        .values("pk")[:1]
    )
    return post_list_visible_to(user).filter(pk=Subquery(first))


def thread_list_with_answer(user) -> QuerySet[Thread]:
    """Visible threads with their marked answer and its author, ``answer_shown``
    (whether post_list_visible_to lets the user see that answer) and
    ``opening_post_id``; one query."""
    first = (
        Post.objects.filter(thread_id=OuterRef("pk"))
        .order_by("created_at", "id")
        .values("pk")[:1]
    )
    return (
        thread_list_visible_to(user)
        .select_related("answer", "answer__author", "answer__author__force")
        .annotate(
            # The thread is visible already: only the answer's own state is asked.
            answer_shown=Exists(
                _posts_shown_to(user).filter(
                    pk=OuterRef("answer_id"), thread_id=OuterRef("pk")
                )
            ),
            opening_post_id=Subquery(first),
        )
    )


def users_who_may_see_thread(thread: Thread, users) -> list:
    """Of ``users``, those the thread's visibility rules let see it: the only people a
    notification about the thread may go to."""
    return [
        user
        for user in users
        if user.is_active and thread_list_visible_to(user).filter(pk=thread.pk).exists()
    ]


def _last_read(user):
    return ThreadRead.objects.filter(user=user, thread=OuterRef("pk")).values(
        "read_at"
    )[:1]


def thread_list_with_activity(user, threads: QuerySet | None = None) -> QuerySet:
    """Visible threads with their author, category, first-post time and whether the
    user has read the latest post (``last_read_at``); one query for a page."""
    threads = thread_list_visible_to(user) if threads is None else threads
    return threads.select_related("author", "category").annotate(
        last_read_at=Subquery(_last_read(user))
    )


def category_stats_for(user, categories) -> dict[int, dict]:
    """Per category: visible threads, replies, last activity and unread threads."""
    ids = [c.pk for c in categories]
    visible = thread_list_visible_to(user).filter(category_id__in=ids)
    stats = {
        pk: {"threads": 0, "replies": 0, "last_post_at": None, "unread": 0}
        for pk in ids
    }
    rows = visible.values("category_id").annotate(
        threads=Count("id"),
        replies=Sum("reply_count"),
        last_post_at=Max("last_post_at"),
    )
    for row in rows:
        stats[row["category_id"]].update(
            threads=row["threads"],
            replies=row["replies"] or 0,
            last_post_at=row["last_post_at"],
        )
    read = ThreadRead.objects.filter(
        user=user, thread=OuterRef("pk"), read_at__gte=OuterRef("last_post_at")
    )
    unread_rows = (
        visible.filter(~Exists(read))
        .values("category_id")
        .annotate(unread=Count("id"))
        .order_by()
    )
    for row in unread_rows:
        stats[row["category_id"]]["unread"] = row["unread"]
    return stats


def latest_threads_for(user, *, limit: int = 5, categories=None) -> list[Thread]:
    threads = thread_list_with_activity(user)
    if categories is not None:
        threads = threads.filter(category__in=categories)
    return list(threads.order_by("-last_post_at", "-id")[:limit])


def helpful_post_ids_for(user, posts) -> set[int]:
    """Which of ``posts`` the user marked helpful. No query where none has a mark
    (each mark counts in ``helpful_count``, in the same transaction)."""
    posts = list(posts)
    if not any(post.helpful_count for post in posts):
        return set()
    return set(
        PostReaction.objects.filter(
            user=user, post__in=posts, kind=PostReaction.Kind.HELPFUL
        ).values_list("post_id", flat=True)
    )


def thread_for_reading(user) -> QuerySet[Thread]:
    """A visible thread with its category and ``read_at``: when the user last read
    it (None if never); one short query for the thread page, which takes the opening
    post and the marked answer from forums.thread_cache."""
    return (
        thread_list_visible_to(user)
        .select_related("category")
        .annotate(
            read_at=Subquery(
                ThreadRead.objects.filter(user=user, thread=OuterRef("pk")).values(
                    "read_at"
                )[:1]
            )
        )
    )


def thread_read_at(user, thread):
    return (
        ThreadRead.objects.filter(user=user, thread=thread)
        .values_list("read_at", flat=True)
        .first()
    )


# --- Moderation ---------------------------------------------------------------------

QUEUE_SOURCES = {
    "reports": "Reported posts",
    "case_safety": "Confirmed case-safety findings",
    "held": "Posts held for approval",
    "watched": "Posts with watched words",
}


def moderation_queue(*, source: str = "", user=None) -> list[dict]:
    """Open items for moderators, newest first: reported posts and posts saved with
    case-safety findings their author confirmed. Three queries whatever the size."""
    from .models import CaseSafetyFlag, PostReport

    related = ("post", "post__author", "post__thread", "post__thread__category")
    items = []
    if source in ("", "reports"):
        reports = PostReport.objects.filter(resolved_at__isnull=True).select_related(
            *related, "reporter"
        )
        items += [
            {"source": "reports", "item": r, "post": r.post, "created_at": r.created_at}
            for r in reports
        ]
    if source in ("", "case_safety"):
        flags = CaseSafetyFlag.objects.filter(reviewed_at__isnull=True).select_related(
            *related, "author"
        )
        items += [
            {
                "source": "case_safety",
                "item": f,
                "post": f.post,
                "created_at": f.created_at,
            }
            for f in flags
        ]
    if source in ("", "held", "watched"):
        from .models import WatchedWord, WatchedWordFlag

        flags = WatchedWordFlag.objects.filter(reviewed_at__isnull=True).select_related(
            *related
        )
        if source:
            action = (
                WatchedWord.Action.HOLD if source == "held" else WatchedWord.Action.FLAG
            )
            flags = flags.filter(action=action)
        items += [
            {
                "source": "held" if f.action == WatchedWord.Action.HOLD else "watched",
                "item": f,
                "post": f.post,
                "created_at": f.created_at,
            }
            for f in flags
        ]
    if user is not None and (scope := moderated_category_ids(user)) is not None:
        items = [i for i in items if i["post"].thread.category_id in scope]
    return sorted(items, key=lambda i: i["created_at"], reverse=True)


def moderation_queue_count(user) -> int:
    """How many open items moderation_queue holds for ``user``, in one query (the
    header shows it on every page): a scoped moderator's categories are read inside
    the query, never as a query of their own."""
    from .models import CaseSafetyFlag, CategoryModerator, PostReport, WatchedWordFlag

    scope = Q()
    if not (user.is_superuser or roles.has_role(user, roles.ADMINISTRATORS)):
        scoped_to = CategoryModerator.objects.filter(user=user).values("category_id")
        scope = ~Exists(scoped_to) | Q(post__thread__category_id__in=scoped_to)
    # No ORDER BY inside the UNION (the models' default ordering): SQLite refuses it.
    reports, *others = [
        items.filter(scope).order_by().values("pk")
        for items in (
            PostReport.objects.filter(resolved_at__isnull=True),
            CaseSafetyFlag.objects.filter(reviewed_at__isnull=True),
            WatchedWordFlag.objects.filter(reviewed_at__isnull=True),
        )
    ]
    return reports.union(*others, all=True).count()


def post_revisions(post) -> QuerySet:
    return post.revisions.select_related("edited_by").order_by("-created_at", "-id")


def active_suspension_for(user):
    """The user's current forum suspension, or None. Kept per user under the
    suspensions generation (any suspension made, lifted or removed moves it on); one
    that has run out since is over at once."""
    from django.utils import timezone

    from .generations import SUSPENSIONS
    from .models import ForumSuspension

    if not user.is_authenticated:
        return None

    def build():
        return (
            ForumSuspension.objects.filter(
                user=user, lifted_at__isnull=True, ends_at__gt=timezone.now()
            )
            .order_by("-ends_at")
            .first()
        )

    suspension = versioned(
        f"ln:forums:suspension:{SUSPENSIONS.current()}:{user.pk}", build, TTL
    )
    if suspension is None or suspension.ends_at <= timezone.now():
        return None
    return suspension
