"""Relevance, measured: MRR and nDCG@10 over the judged query set and the demo
content, with floors, and no forum thread listed twice for any query. Run with -s to
see the figures and the misses."""

import math

import pytest

from search.selectors import search_site
from tests.search.judged_queries import JUDGED

MRR_FLOOR = 0.8
NDCG_FLOOR = 0.75


@pytest.fixture
def demo(db):
    from accounts.demo import seed_demo_accounts
    from guidance.demo import seed_guidance
    from training.demo import seed_training

    accounts = seed_demo_accounts()
    seed_guidance()
    seed_training()
    try:
        from forums.demo import seed_forums
    except ImportError:
        pass
    else:
        seed_forums()
    return accounts


def _dcg(grades):
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def evaluate(user):
    rows = []
    for query, judgments in JUDGED.items():
        outcome = search_site(user, query, per_page=10)
        # Nothing from another force's private forum, for any query.
        assert all(
            r.force is None or r.force.pk == user.force_id for r in outcome.results
        ), query
        ranked = [(r.type_key, r.title) for r in outcome.results[:10]]
        grades = [judgments.get(key, 0) for key in ranked]
        rank = next((i + 1 for i, g in enumerate(grades) if g == 2), None)
        ideal = _dcg(sorted(judgments.values(), reverse=True)[:10])
        ndcg = _dcg(grades) / ideal if ideal else 0.0
        rows.append((query, 1 / rank if rank else 0.0, ndcg, ranked[:3]))
    return rows


def repeated_threads(user) -> dict[str, list[str]]:
    """Queries whose first ten results show one forum thread more than once (as the
    thread and as its replies), with the repeated titles."""
    repeats = {}
    for query in JUDGED:
        outcome = search_site(user, query, per_page=10)
        titles = [
            r.title for r in outcome.results[:10] if r.type_key in ("thread", "post")
        ]
        twice = sorted({t for t in titles if titles.count(t) > 1})
        if twice:
            repeats[query] = twice
    return repeats


def test_judged_set_floors(demo):
    from accounts.models import User

    officer = User.objects.get(email="officer@demo.police.uk")
    assert len(JUDGED) >= 40
    rows = evaluate(officer)
    mrr = sum(r[1] for r in rows) / len(rows)
    ndcg = sum(r[2] for r in rows) / len(rows)
    print(f"\njudged queries: {len(rows)}  MRR: {mrr:.3f}  nDCG@10: {ndcg:.3f}")
    for query, rr, nd, top in rows:
        if rr < 1:
            print(f"  RR {rr:.2f} nDCG {nd:.2f}  {query!r} -> {top}")
    repeats = repeated_threads(officer)
    print(f"queries listing a thread more than once: {len(repeats)}")
    for query, titles in repeats.items():
        print(f"  {query!r}: {titles}")
    assert mrr >= MRR_FLOOR
    assert ndcg >= NDCG_FLOOR
    assert repeats == {}
