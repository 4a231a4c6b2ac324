"""Bounded candidates (search/candidates.py): each source ranks, counts and facets at
most CANDIDATES matches, found by walking index entries newest first; the page says
"more than" and marks facet counts "+" when a type has more. The walk must find exactly
what the permission-filtered backend query finds, never anything the user may not see.
"""

import pytest

from django.utils import timezone

from search import candidates
from search.selectors import ranking, results, search_site
from search.sources import get_source
from tests.factories.guidance import make_guidance

pytest.importorskip("forums.models")
pytestmark = pytest.mark.django_db


def _category(slug, force=None):
    from accounts.models import Force
    from core.models import Theme
    from forums.models import Category

    return Category.objects.create(
        name=slug.title(),
        slug=slug,
        theme=Theme.objects.get(slug="data"),
        force=Force.objects.get(slug=force) if force else None,
    )


def _threads(category, n, word="quokka"):
    from forums.models import Post, Thread

    made = []
    for i in range(n):
        thread = Thread.objects.create(
            category=category,
            title=f"{word.title()} case {i}",
            last_post_at=timezone.now(),
        )
        Post.objects.create(
            thread=thread, body=f"About the {word} {i}.", body_html=f"<p>{word}</p>"
        )
        made.append(thread)
    return made


def _query(text):
    from search import query as q

    return q.build(q.parse(text))


def _backend():
    from modelsearch.backends import get_search_backend

    return get_search_backend()


@pytest.fixture
def mixed_forum():
    """Threads the Avon and Somerset officer may see, interleaved with private ones
    of West Yorkshire, so a walk has to skip rows it may not return."""
    national, private = _category("national"), _category("wy", "west-yorkshire")
    visible, hidden = [], []
    for _ in range(4):
        visible += _threads(national, 2)
        hidden += _threads(private, 3)
    return visible, hidden


@pytest.mark.parametrize("key", ["thread", "post"])
def test_walk_finds_exactly_what_the_backend_query_finds(officer, mixed_forum, key):
    source = get_source(key)
    qs = source.visible_to(officer)
    args = (source, qs, _query("quokka"), _backend())
    vector, _title = candidates._vectors(source.model)
    walked = candidates._walk_ids(*args, 100, vector)
    planned = candidates._planner_ids(
        source, qs, _query("quokka"), "relevance", _backend(), 100
    )
    assert walked is not None
    assert sorted(walked) == sorted(planned)
    assert len(walked) == 8
    assert walked == sorted(walked, reverse=True)  # newest first
    private = {t.pk for t in mixed_forum[1]}
    if key == "thread":
        assert not private & set(walked)


def test_walk_hands_over_to_the_planner_when_little_is_visible(
    officer, mixed_forum, monkeypatch
):
    monkeypatch.setattr(candidates, "WALK_FACTOR", 1)
    source = get_source("thread")
    qs = source.visible_to(officer)
    vector, _title = candidates._vectors(source.model)
    # A budget of 2 matching entries, of which the newest 2 or 3 are private.
    assert (
        candidates._walk_ids(source, qs, _query("quokka"), _backend(), 2, vector)
        is None
    )
    ids, capped = candidates.candidate_ids(
        source, qs, _query("quokka"), "relevance", _backend(), 2
    )
    assert capped and len(ids) == 2
    assert set(ids) <= {t.pk for t in mixed_forum[0]}


def test_more_matches_than_candidates_says_more_than(
    officer, mixed_forum, search_for, monkeypatch
):
    monkeypatch.setattr(ranking, "CANDIDATES", 3)
    outcome = search_site(officer, "quokka")
    assert outcome.capped
    types = {f.key: f for f in outcome.facets["type"]}
    assert types["thread"].count == 3 and types["thread"].at_least
    assert types["post"].count == 3 and types["post"].at_least
    # The three newest threads and the three newest posts, which are theirs: each
    # thread is one result.
    assert outcome.total == 3
    assert all(f.at_least for f in outcome.facets["date"])
    titles = {r.title for r in outcome.results}
    assert titles <= {t.title for t in mixed_forum[0]}
    html = search_for(officer, "quokka").content.decode()
    assert "More than 3 results" in html
    assert "at least </span>3" in html
    assert "ranked among the 3 newest matches" in html


def test_exact_counts_below_the_cap(officer, mixed_forum, search_for):
    outcome = search_site(officer, "quokka")
    assert not outcome.capped
    # 8 visible threads and their 8 posts: each thread is one result.
    assert outcome.total == 8
    types = {f.key: f.count for f in outcome.facets["type"]}
    assert types == {"guidance": 0, "module": 0, "lesson": 0, "thread": 8, "post": 8}
    html = search_for(officer, "quokka").content.decode()
    assert "8 results" in html and "More than" not in html and "at least" not in html


def test_an_older_title_match_is_still_ranked_first(officer, monkeypatch):
    best = make_guidance(
        title="Quokka handling",
        paragraphs=("How to handle the case.",),
    )
    for i in range(4):
        make_guidance(
            title=f"Other guidance {i}",
            paragraphs=(f"A passing mention of a quokka in note {i}.",),
        )
    monkeypatch.setattr(ranking, "CANDIDATES", 2)
    outcome = search_site(officer, "quokka")
    assert outcome.capped
    assert outcome.results[0].obj.pk == best.pk


def test_filter_pks_with_no_keys_is_empty(officer):
    source = get_source("guidance")
    assert list(candidates.filter_pks(source.visible_to(officer), [])) == []


def test_newest_first_walks_forum_content_and_lists_the_newest(
    officer, mixed_forum, monkeypatch
):
    monkeypatch.setattr(ranking, "CANDIDATES", 3)
    outcome = search_site(officer, "quokka", sort="newest", filters=None)
    threads = [r for r in outcome.results if r.type_key == "thread"]
    newest_visible = sorted(mixed_forum[0], key=lambda t: t.pk, reverse=True)[:3]
    assert [r.obj.pk for r in threads] == [t.pk for t in newest_visible]
    assert outcome.capped


def test_a_row_hidden_after_it_was_ranked_is_never_shown(officer, mixed_forum):
    """The page's rows are loaded through the visibility queryset again."""
    thread = mixed_forum[0][0]
    picked = [ranking.Group(source=get_source("thread"), pk=thread.pk)]
    assert len(results.build_results(picked, None, None, officer)) == 1
    thread.hidden_at = timezone.now()
    thread.save()
    assert results.build_results(picked, None, None, officer) == []


@pytest.mark.parametrize("phrase", ['"quokka case"', '"wombat burrow"', '"numbat den"'])
def test_a_phrase_walk_from_the_newest_entries_finds_what_the_backend_finds(
    officer, monkeypatch, phrase
):
    """A phrase's first batch is looked for among the newest entries only (a window of
    WALK_FACTOR x limit): common there, rare there (only an old thread has it) or in
    both the window and below it, the candidates are the backend query's."""
    monkeypatch.setattr(candidates, "WALK_FACTOR", 3)
    monkeypatch.setattr(candidates, "_floors", {})
    national, private = _category("national"), _category("wy", "west-yorkshire")
    _threads(national, 1, word="wombat burrow")  # the oldest, below the window
    _threads(national, 3, word="numbat den")
    for _ in range(4):
        _threads(national, 2)
        _threads(private, 3)
    _threads(national, 2, word="numbat den")  # the newest
    source = get_source("thread")
    qs = source.visible_to(officer)
    ids, capped = candidates.candidate_ids(
        source, qs, _query(phrase), "relevance", _backend(), 3
    )
    planned = candidates._planner_ids(
        source, qs, _query(phrase), "relevance", _backend(), 3
    )
    assert sorted(ids) == sorted(planned[:3])
    assert capped == (len(planned) > 3)
    assert candidates._floors  # the window was used


def test_candidates_are_ranked_as_the_backend_ranks_them(officer):
    for i, body in enumerate(
        ("Quokka.", "Quokka quokka quokka.", "A quokka and a numbat.", "Numbat den.")
    ):
        make_guidance(title=f"Ranked page {i}", paragraphs=(body,))
    make_guidance(title="Quokka", paragraphs=("Title match.",))
    source = get_source("guidance")
    matched = source.visible_to(officer)
    for text in ("quokka", '"quokka and a numbat"', "quokka numbat"):
        query = _query(text)
        ours = list(
            candidates.ranked(matched, query, _backend()).values("pk", "_score")
        )
        backend = _backend().search(query, matched).annotate_score("_score")
        theirs = [{"pk": obj.pk, "_score": obj._score} for obj in backend]
        # Every candidate matches (the walk checked), so only matching rows are given.
        matching = {row["pk"] for row in theirs}
        assert [row for row in ours if row["pk"] in matching] == theirs
