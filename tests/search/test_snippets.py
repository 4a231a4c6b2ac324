"""Snippets are the text a reader sees: no block labels from the page editor, no
Markdown or mention syntax from forum posts, everything still escaped (issue 14)."""

import pytest

from search.selectors import search_site
from tests.factories.forums import make_category, make_thread
from tests.factories.guidance import make_guidance

pytestmark = pytest.mark.django_db


def snippet_for(user, query, title):
    outcome = search_site(user, query)
    return next(str(r.snippet) for r in outcome.results if r.title == title)


def test_guidance_snippet_has_no_block_labels(officer):
    make_guidance(
        title="Kiosk examinations",
        summary="When a kiosk examination is enough.",
        paragraphs=("A <b>kiosk</b> examination takes minutes, not weeks.",),
    )
    snippet = snippet_for(officer, "kiosk", "Kiosk examinations")
    assert "Section heading" not in snippet and "(h2)" not in snippet
    assert "What to do." in snippet  # the heading's own text is kept
    assert "<mark>kiosk</mark> examination takes minutes" in snippet
    assert "&lt;b&gt;" not in snippet and "<b>" not in snippet


def test_forum_snippet_is_rendered_markdown_as_text(officer, officer_b):
    category = make_category(slug="peer", name="Peer support")
    make_thread(
        category=category,
        author=officer,
        title="Pangolin evidence",
        body="Has anyone used **pangolin** tracing?",
        replies=[
            (
                officer_b,
                "> **DC Alex Morgan wrote:**\n>\n> Has anyone used pangolin tracing?\n\n"
                "Yes, ask @[DC Alex Morgan] about the _pangolin_ pilot.",
            )
        ],
    )
    outcome = search_site(officer, "pangolin pilot")
    (result,) = outcome.results
    snippet = str(result.snippet)
    assert "Yes, ask @DC Alex Morgan about the <mark>pangolin</mark>" in snippet
    for syntax in ("**", "&gt;", "@[", "_pangolin_"):
        assert syntax not in snippet, syntax
    opening = snippet_for(officer, "tracing", "Pangolin evidence")
    assert "Has anyone used pangolin <mark>tracing</mark>?" in opening


def test_hostile_markup_in_a_post_is_text_in_the_snippet(officer):
    make_thread(
        category=make_category(slug="hostile", name="Hostile"),
        author=officer,
        title="Wombat question",
        body='Wombat <script>alert("x")</script> <img src=x onerror=alert(1)> here',
    )
    snippet = snippet_for(officer, "wombat", "Wombat question")
    assert "<script" not in snippet and "<img" not in snippet
    assert "<mark>Wombat</mark>" in snippet
