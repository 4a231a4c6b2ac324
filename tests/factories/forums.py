"""Forum categories, threads and posts for tests. Threads and replies go through the
services (as an author would), so counts, follows and read markers are real."""

from accounts.models import Force
from core.models import Theme
from forums.models import Category, CategoryRole, Thread
from forums.services import posting


def make_category(
    *,
    slug: str,
    name: str | None = None,
    force: str | None = None,
    roles=(),
    theme: str | None = None,
) -> Category:
    category = Category.objects.create(
        slug=slug,
        name=name or slug.replace("-", " ").capitalize(),
        force=Force.objects.get(slug=force) if force else None,
        theme=Theme.objects.get(slug=theme) if theme else None,
    )
    for role in roles:
        CategoryRole.objects.create(category=category, job_role=role)
    return category


def national_category() -> Category:
    """The national category migration 0002 made for the Data theme."""
    return Category.objects.get(slug="data")


def make_thread(
    *,
    category: Category,
    author,
    title: str = "How do you plan early CPS advice?",
    body: str = "We are looking at when to ask for early advice. What works?",
    replies=(),
) -> Thread:
    """``replies``: [(author, body), …] posted in order."""
    thread = posting.thread_create(
        author=author, category=category, title=title, body=body
    )
    for reply_author, reply_body in replies:
        posting.post_create(author=reply_author, thread=thread, body=reply_body)
    return Thread.objects.get(pk=thread.pk)
