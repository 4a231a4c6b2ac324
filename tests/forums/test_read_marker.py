"""Reading a thread records how far the reader got, and writes only when there was
something new: a second view of an unchanged thread writes nothing."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from forums.models import ThreadRead
from forums.services import posting
from tests.factories.forums import make_thread, national_category

pytestmark = pytest.mark.django_db


def _writes(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))
        and "forums_threadread" in q["sql"]
    ]


def test_a_second_view_of_an_unchanged_thread_writes_nothing(
    client_for, officer, officer_b
):
    thread = make_thread(category=national_category(), author=officer_b)
    client = client_for(officer)
    url = thread.get_absolute_url()

    assert _writes(client, url)  # first read: the marker is written
    assert _writes(client, url) == []

    posting.post_create(author=officer_b, thread=thread, body="Something new.")
    assert _writes(client, url)  # a new reply: the marker moves on
    thread.refresh_from_db()
    read = ThreadRead.objects.get(user=officer, thread=thread)
    assert read.read_at == thread.last_post_at
    assert _writes(client, url) == []
