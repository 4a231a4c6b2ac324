"""The access matrix through search for forum content: force-private, role-restricted,
hidden and deleted threads and posts are never returned or counted for those who may
not see them (results, totals, type/force/theme facets)."""

import pytest

from django.utils import timezone

from search.selectors import Filters, search_site
from tests.factories import make_user

forums_models = pytest.importorskip("forums.models")
pytestmark = pytest.mark.django_db


def _thread(category, title, body, **fields):
    from forums.models import Post, Thread

    thread = Thread.objects.create(
        category=category, title=title, last_post_at=timezone.now(), **fields
    )
    post = Post.objects.create(thread=thread, body=body, body_html=f"<p>{body}</p>")
    return thread, post


@pytest.fixture
def forum():
    from accounts.models import Force
    from core.models import Theme
    from forums.models import Category, CategoryRole, Post

    data = Theme.objects.get(slug="data")
    national = Category.objects.create(name="National", slug="national", theme=data)
    private = Category.objects.create(
        name="West Yorkshire only",
        slug="wy-private",
        theme=data,
        force=Force.objects.get(slug="west-yorkshire"),
    )
    analysts = Category.objects.create(name="Analysts", slug="analysts", theme=data)
    CategoryRole.objects.create(category=analysts, job_role="analyst")

    t_national, p_national = _thread(
        national, "Zebrafish national thread", "Zebrafish national answer."
    )
    t_private, p_private = _thread(
        private, "Zebrafish private thread", "Zebrafish private answer."
    )
    t_role, p_role = _thread(analysts, "Zebrafish analysts thread", "Zebrafish data.")
    t_hidden, p_hidden = _thread(
        national, "Zebrafish hidden thread", "Zebrafish hidden."
    )
    t_hidden.hidden_at = timezone.now()
    t_hidden.save()
    hidden_reply = Post.objects.create(
        thread=t_national,
        body="Zebrafish hidden reply.",
        body_html="<p>Zebrafish hidden reply.</p>",
        hidden_at=timezone.now(),
    )
    t_deleted, _ = _thread(national, "Zebrafish deleted thread", "Zebrafish gone.")
    t_deleted.delete()
    return {
        "national": (t_national, p_national),
        "private": (t_private, p_private),
        "role": (t_role, p_role),
        "hidden": (t_hidden, p_hidden, hidden_reply),
    }


def found(user, query="zebrafish", **kw):
    outcome = search_site(user, query, **kw)
    return outcome, {r.title for r in outcome.results}


def test_officer_of_another_force_sees_only_national_content(officer, forum):
    outcome, titles = found(officer)
    assert titles == {"Zebrafish national thread"}
    counts = {f.key: f.count for f in outcome.facets["type"]}
    assert counts["thread"] == 1
    assert counts["post"] == 1  # the national answer; not the hidden reply
    assert outcome.total == 1  # the thread and its answer are one result
    assert {f.key for f in outcome.facets["force"]} == set()
    assert sum(f.count for f in outcome.facets["theme"]) == 2


def test_own_force_sees_its_private_forum_with_the_force_facet(officer_b, forum):
    outcome, titles = found(officer_b)
    assert titles == {"Zebrafish national thread", "Zebrafish private thread"}
    assert outcome.total == 2  # two threads, each with its matching post
    counts = {f.key: f.count for f in outcome.facets["type"]}
    assert counts["thread"] == 2 and counts["post"] == 2
    forces = {f.key: f.count for f in outcome.facets["force"]}
    assert forces == {"west-yorkshire": 2}
    narrowed = search_site(
        officer_b, "zebrafish", filters=Filters(forces=["west-yorkshire"])
    )
    assert {r.title for r in narrowed.results} == {"Zebrafish private thread"}


def test_role_restricted_category(forum):
    analyst = make_user(email="analyst@avon-and-somerset.police.uk", job_role="analyst")
    _, titles = found(analyst)
    assert "Zebrafish analysts thread" in titles
    _, titles = found(make_user(email="inv@avon-and-somerset.police.uk"))
    assert "Zebrafish analysts thread" not in titles


def test_hidden_and_deleted_never_returned_or_counted(officer_b, forum):
    outcome, titles = found(officer_b, "hidden")
    assert outcome.total == 0 and not titles
    outcome, titles = found(officer_b, "deleted")
    assert outcome.total == 0


def test_moderators_see_hidden_content(forum):
    moderator = make_user(email="mod@college.police.uk", groups=["Moderators"])
    _, titles = found(moderator, "hidden")
    assert "Zebrafish hidden thread" in titles


def test_hiding_after_indexing_removes_from_results(officer, forum):
    thread, post = forum["national"]
    thread.hidden_at = timezone.now()
    thread.save()
    outcome, titles = found(officer)
    assert outcome.total == 0


def test_suggest_before_asking_offers_visible_threads_only(officer, client_for, forum):
    html = (
        client_for(officer)
        .get("/search/suggest/", {"q": "zebrafish question"})
        .content.decode()
    )
    assert "Zebrafish national thread" in html
    assert "Zebrafish private thread" not in html
