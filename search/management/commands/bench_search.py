"""Benchmark search on a large synthetic corpus (not a test; run it on a scratch
database, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/ln_bench).

    python manage.py bench_search                      # 100,000 posts, 5,000 pages
    python manage.py bench_search --posts 20000 --pages 1000 --queries 40

Creates the corpus (marked "bench-", removed afterwards unless --keep), indexes it and
reports the index time, then p50/p95 latency of one-word, three-word, phrase and
filtered queries requested through the search page (Django's test client, whole
request: middleware, permission-filtered querysets, facets, rendering), and how many
of them matched more than the candidates of a type ("capped"). It measures twice with
the same queries: straight after indexing, and after VACUUM ANALYZE (what autovacuum
does within minutes of a bulk load)."""

import itertools
import random
import statistics
import time
import uuid

from modelsearch.backends import get_search_backend
from modelsearch.signal_handlers import (
    post_delete_signal_handler,
    post_save_signal_handler,
)

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.test import Client
from django.utils import timezone

from accounts.models import Force

WORDS = [
    "suspect",
    "victim",
    "consent",
    "interview",
    "evidence",
    "forensic",
    "digital",
    "phone",
    "download",
    "disclosure",
    "referral",
    "adviser",
    "safeguarding",
    "offender",
    "repeat",
    "serial",
    "linked",
    "report",
    "investigation",
    "supervisor",
    "decision",
    "charging",
    "prosecutor",
    "bail",
    "release",
    "conditions",
    "intelligence",
    "analyst",
    "communications",
    "data",
    "devices",
    "examination",
    "proportionate",
    "privacy",
    "wellbeing",
    "trauma",
    "support",
    "withdrawal",
    "outcome",
    "review",
    "attrition",
    "recording",
    "crime",
    "statement",
    "account",
    "witness",
    "timeline",
    "strategy",
    "planning",
    "early",
    "advice",
    "identify",
    "disrupt",
    "order",
    "custody",
    "arrest",
    "search",
    "warrant",
    "seizure",
    "extraction",
    "contact",
    "update",
    "code",
    "rights",
    "special",
    "measures",
    "intermediary",
    "interpreter",
    "learning",
    "training",
    "accreditation",
    "specialist",
    "team",
    "national",
    "force",
    "region",
]
PHRASES = [
    "digital forensic examination",
    "early investigative advice",
    "victim personal statement",
    "special measures",
    "release under investigation",
]
PREFIX = "bench-"


SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "tas",
    "vor",
    "del",
    "pin",
    "sul",
    "bra",
    "gem",
    "hot",
    "nix",
    "per",
    "qua",
    "rol",
    "sten",
    "tir",
    "ul",
    "ve",
]


def rare_vocabulary(size=20_000, seed=11):
    """Made-up words with a long tail, so some terms are rare, as in real text."""
    rng = random.Random(seed)
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


RARE = rare_vocabulary()
# Zipf-like weights: the n-th rare word is about 1/n as common as the first.
RARE_CUM_WEIGHTS = list(itertools.accumulate(1 / (n + 1) for n in range(len(RARE))))


def word(rng):
    if rng.random() < 0.7:
        return rng.choice(WORDS)
    return rng.choices(RARE, cum_weights=RARE_CUM_WEIGHTS)[0]


def sentence(rng, n):
    words = [word(rng) for _ in range(n)]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(PHRASES))
    return " ".join(words).capitalize() + "."


def _forum_models():
    """The forums' models by name (django.apps), so search imports no forums module."""
    return tuple(
        apps.get_model("forums", name) for name in ("Category", "Post", "Thread")
    )


def percentile(values, pct):
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(pct / 100 * (len(values) - 1))))
    return values[k]


class Command(BaseCommand):
    help = "Benchmark search over a large synthetic corpus (writes to the database)."

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=100_000)
        parser.add_argument("--pages", type=int, default=5_000)
        parser.add_argument("--queries", type=int, default=40, help="per class")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--keep", action="store_true")

    def handle(self, *args, posts, pages, queries, seed, keep, **options):
        rng = random.Random(seed)
        self.stdout.write(
            f"Database: {connection.vendor} {connection.settings_dict['NAME']}; "
            f"backend: {type(get_search_backend()).__name__}"
        )
        models = self._disconnect_auto_index()
        try:
            t0 = time.perf_counter()
            created = self._create(rng, posts=posts, pages=pages)
            self.stdout.write(
                f"Created {pages} pages and {posts} posts in "
                f"{time.perf_counter() - t0:.1f}s"
            )
            t0 = time.perf_counter()
            self._index(created)
            index_seconds = time.perf_counter() - t0
            self.stdout.write(
                f"Indexed {sum(len(v) for v in created.values())} objects in "
                f"{index_seconds:.1f}s"
            )
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            self.stdout.write("Straight after indexing (statistics refreshed):")
            self._measure(random.Random(seed), queries)
            if connection.vendor == "postgresql":
                # What autovacuum does within minutes of a bulk load: the norms refresh
                # after indexing rewrote every entry, leaving a dead copy of each.
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")
                self.stdout.write("After VACUUM ANALYZE (the same queries):")
                self._measure(random.Random(seed), queries)
        finally:
            self._reconnect_auto_index(models)
            if not keep:
                self._clean_up()

    # --- corpus ---------------------------------------------------------------------

    def _disconnect_auto_index(self):
        from modelsearch.index import get_indexed_models

        from wagtail.signal_handlers import update_reference_index_on_save

        # Corpus creation only: the index is built (and timed) afterwards in bulk, and
        # synthetic pages need no reference index.
        models = get_indexed_models()
        for model in models:
            post_save.disconnect(post_save_signal_handler, sender=model)
            post_delete.disconnect(post_delete_signal_handler, sender=model)
            post_save.disconnect(update_reference_index_on_save, sender=model)
        return models

    def _reconnect_auto_index(self, models):
        from wagtail.models import ReferenceIndex
        from wagtail.signal_handlers import update_reference_index_on_save

        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
            post_delete.connect(post_delete_signal_handler, sender=model)
            if model in ReferenceIndex.tracked_models:
                post_save.connect(update_reference_index_on_save, sender=model)

    def _create(self, rng, *, posts, pages):
        from core.models import Theme

        created = {}
        themes = list(Theme.objects.all())
        created["pages"] = self._create_pages(rng, pages, themes)
        created.update(self._create_posts(rng, posts, themes))
        return created

    def _create_pages(self, rng, count, themes):
        GuidanceIndexPage = apps.get_model("guidance", "GuidanceIndexPage")
        GuidancePage = apps.get_model("guidance", "GuidancePage")
        parent = GuidanceIndexPage.objects.first()
        run = uuid.uuid4().hex[:8]
        made = []
        review_by = timezone.localdate() + timezone.timedelta(days=365)
        for i in range(count):
            page = GuidancePage(
                title=f"{sentence(rng, 4)[:-1]} {i}",
                slug=f"{PREFIX}{run}-{i}",
                summary=sentence(rng, 25),
                body=[{"type": "paragraph", "value": f"<p>{sentence(rng, 120)}</p>"}],
                review_by=review_by,
                live=True,
            )
            page.themes = [rng.choice(themes)]
            parent.add_child(instance=page)
            made.append(page.pk)
            if i and i % 500 == 0:
                self.stdout.write(f"  {i} pages")
        return made

    def _create_posts(self, rng, count, themes):
        if not apps.is_installed("forums"):
            self.stdout.write("No forums app: pages only.")
            return {}
        Category, Post, Thread = _forum_models()
        if (
            count <= 0
            or Post._meta.db_table not in connection.introspection.table_names()
        ):
            self.stdout.write("No forum tables or no posts asked for: pages only.")
            return {}
        forces = list(Force.objects.all()[:5])
        categories = []
        for i, theme in enumerate(themes):
            category, _ = Category.objects.get_or_create(
                slug=f"{PREFIX}{i}",
                defaults={
                    "name": f"Bench {theme.name}",
                    "theme": theme,
                    "force": rng.choice([None, *forces]),
                },
            )
            categories.append(category)
        now = timezone.now()
        threads_n = max(1, count // 10)
        with transaction.atomic():
            threads = Thread.objects.bulk_create(
                [
                    Thread(
                        category=rng.choice(categories),
                        title=sentence(rng, 6)[:140],
                        last_post_at=now,
                    )
                    for _ in range(threads_n)
                ],
                batch_size=2000,
            )
        post_ids = []
        batch = []
        for i in range(count):
            body = sentence(rng, rng.randint(30, 120))
            batch.append(Post(thread=threads[i % threads_n], body=body, body_html=body))
            if len(batch) == 5000:
                post_ids += [p.pk for p in Post.objects.bulk_create(batch)]
                batch = []
                self.stdout.write(f"  {i + 1} posts")
        if batch:
            post_ids += [p.pk for p in Post.objects.bulk_create(batch)]
        return {"threads": [t.pk for t in threads], "posts": post_ids}

    def _index(self, created):
        backend = get_search_backend()
        plan = [(apps.get_model("guidance", "GuidancePage"), created.get("pages", []))]
        if created.get("posts"):
            _category, Post, Thread = _forum_models()
            plan += [(Thread, created["threads"]), (Post, created["posts"])]
        for model, ids in plan:
            index = backend.get_index_for_model(model)
            for start in range(0, len(ids), 2000):
                chunk = list(model.objects.filter(pk__in=ids[start : start + 2000]))
                index.add_items(model, chunk)
            if hasattr(index, "_refresh_title_norms"):
                index._refresh_title_norms(full=True)

    def _clean_up(self):
        GuidancePage = apps.get_model("guidance", "GuidancePage")
        GuidancePage.objects.filter(slug__startswith=PREFIX).delete()
        if apps.is_installed("forums"):
            Category, _post, _thread = _forum_models()
            if Category._meta.db_table in connection.introspection.table_names():
                Category.objects.filter(slug__startswith=PREFIX).delete()
        try:
            with transaction.atomic():
                get_user_model().objects.filter(email="bench@bench.police.uk").delete()
        except Exception as error:  # e.g. an app's tables not migrated yet
            self.stderr.write(f"Could not delete the bench user: {error}")

    # --- measuring ------------------------------------------------------------------

    def _measure(self, rng, n):
        user, _ = get_user_model().objects.get_or_create(
            email="bench@bench.police.uk",
            defaults={"force": Force.objects.first(), "display_name": "Bench"},
        )
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        classes = {
            "one word": lambda: {"q": word(rng)},
            "three words": lambda: {"q": " ".join(word(rng) for _ in range(3))},
            "phrase": lambda: {"q": f'"{rng.choice(PHRASES)}"'},
            "filtered": lambda: {
                "q": word(rng),
                "type": "post",
                "date": "month",
            },
        }
        for _ in range(3):  # warm up
            client.get("/search/", {"q": "victim"})
        self.stdout.write(
            f"{'class':<12} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'capped':>7}"
        )
        for name, make in classes.items():
            timings = []
            capped = 0
            for _ in range(n):
                params = make()
                t0 = time.perf_counter()
                response = client.get("/search/", params)
                timings.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200, response.status_code
                if b"Search is not working fully" in response.content:
                    raise CommandError(f"Search is degraded for {params}: see the log")
                # "More than N results": some type matched more than the candidates.
                capped += b'id="search-capped"' in response.content
            self.stdout.write(
                f"{name:<12} {n:>4} {statistics.median(timings):>8.1f} "
                f"{percentile(timings, 95):>8.1f} {capped:>7}"
            )
