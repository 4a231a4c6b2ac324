"""Load the benchmark's content into the scratch database named by DATABASE_URL and
print what run.py needs as JSON: a signed-in officer's session cookie and the URLs.

Run by run.py (production settings); not a test and not part of the site."""

import json
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

from accounts.models import User  # noqa: E402
from core.services import follow_create  # noqa: E402
from forums.models import Category, Thread  # noqa: E402
from forums.services import posting  # noqa: E402
from guidance.models import GuidancePage  # noqa: E402

REPLIES = int(os.environ.get("BENCH_REPLIES", "500"))
TITLE = "Benchmark: a thread with many replies"


def post_without_rate_limit(**kwargs):
    """The demo's few authors post 500 replies in seconds: lift the flood limit."""
    with override_settings(FORUMS_POST_RATE_LIMIT=(10**6, 1)):
        return posting.post_create(**kwargs)


def long_thread() -> Thread:
    thread = Thread.objects.filter(title=TITLE).first()
    if thread is not None:
        return thread
    authors = list(
        User.objects.filter(email__endswith="@demo.police.uk", is_active=True)
        .exclude(is_superuser=True)
        .order_by("pk")
    )
    category = Category.objects.filter(force__isnull=True).order_by("pk").first()
    thread = posting.thread_create(
        author=authors[0],
        category=category,
        title=TITLE,
        body="How does your force plan the first week of a RASSO investigation?",
    )
    for author in authors:
        follow_create(user=author, target=thread)
    for number in range(REPLIES):
        post_without_rate_limit(
            author=authors[number % len(authors)],
            thread=thread,
            body=(
                f"Reply {number}: we brief the **investigation team** on day one, "
                "agree the digital strategy with the victim's consent in mind, "
                "and book the ABE interview within 48 hours."
            ),
        )
    return Thread.objects.get(pk=thread.pk)


def signed_in_cookie(email: str) -> str:
    user = User.objects.get(email=email)
    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def main():
    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", verbosity=0)
    thread = long_thread()
    # A live database's statistics are kept by autovacuum; a scratch one just loaded
    # has none until it runs, and the planner would guess the 500-reply thread small.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    guidance = GuidancePage.objects.live().order_by("pk").first()
    last_page = (thread.posts.count() - 1) // 15 + 1
    print(
        json.dumps(
            {
                "cookie": signed_in_cookie("officer@demo.police.uk"),
                "guidance": guidance.url,
                "thread_first": thread.get_absolute_url(),
                "thread_last": f"{thread.get_absolute_url()}?page={last_page}",
                "posts": thread.posts.count(),
            }
        )
    )


if __name__ == "__main__":
    main()
