"""Words that may be offered as spelling corrections, and how near a misspelling must
be to one.

Candidates come from the titles in the search index (pg_trgm on PostgreSQL) and from
the words of editorial content (``VocabularyWord``, recorded whenever a page of a
source with ``spelling_words`` is indexed). A candidate is only a candidate: search
offers it only if it finds something the user may see (search.selectors).

A correction is at most one edit away for words of five to seven letters and two for
longer ones (an edit: a letter added, removed, changed, or two swapped), and keeps the
first letter: "disclosre" → "disclosure", "consnet" → "consent", but "Megan" is not
"means" and "Soteria" is not "serial". Words under five letters are never corrected.
"""

import difflib
import logging
import re

from modelsearch.conf import get_app_config

from django.db import connection
from django.db.models.functions import Length

logger = logging.getLogger(__name__)

MIN_LENGTH = 5
_WORD = re.compile(r"[^\W\d_]+")
_RECORDED_LENGTH = (4, 40)


def words_in(text: str) -> set[str]:
    """The words of ``text`` worth keeping: letters only, lower case."""
    low, high = _RECORDED_LENGTH
    return {w for w in _WORD.findall((text or "").casefold()) if low <= len(w) <= high}


def record(objs) -> None:
    """Keep the words of these objects, if their source offers its words as
    corrections. Never fails the index write that called it."""
    from .models import VocabularyWord
    from .sources import get_sources, snippet_text

    by_model = {s.model: s for s in get_sources() if s.spelling_words}
    words = set()
    for obj in objs:
        source = by_model.get(type(obj))
        if source is not None:
            words |= words_in(f"{source.title(obj)} {snippet_text(source, obj)}")
    if not words:
        return
    try:
        VocabularyWord.objects.bulk_create(
            [VocabularyWord(word=w) for w in sorted(words)], ignore_conflicts=True
        )
    except Exception:
        logger.exception("Could not record the words of %r", objs)


def record_all(chunk: int = 200) -> int:
    """Record the words of every live object of every source that offers its words
    (``manage.py search_vocabulary``: after ``update_index``, which writes the index
    in bulk without passing through the backend's ``add``). Returns how many objects
    were read."""
    from .sources import get_sources

    read = 0
    for source in get_sources():
        if not source.spelling_words:
            continue
        objs = source.model._default_manager.all()
        if hasattr(objs, "live"):
            objs = objs.live()
        batch = []
        for obj in objs.iterator(chunk_size=chunk):
            batch.append(obj)
            if len(batch) == chunk:
                record(batch)
                read, batch = read + len(batch), []
        record(batch)
        read += len(batch)
    return read


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and
    swaps of two neighbouring letters each count one."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost
            )
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def max_edits(term: str) -> int:
    if len(term) < MIN_LENGTH:
        return 0
    return 1 if len(term) < 8 else 2


def _title_words(term: str) -> set[str]:
    """Words of index titles that look like ``term`` (trigram word similarity on
    PostgreSQL, GIN-indexed; the newest titles elsewhere)."""
    IndexEntry = get_app_config().get_model("IndexEntry")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL pg_trgm.word_similarity_threshold = 0.35")
            cursor.execute(
                f"SELECT title_text FROM {IndexEntry._meta.db_table} "  # noqa: S608
                "WHERE %s <%% title_text "
                "ORDER BY word_similarity(%s, title_text) DESC LIMIT 25",
                [term, term],
            )
            titles = [row[0] for row in cursor.fetchall()]
    else:
        titles = IndexEntry.objects.values_list("title", flat=True).order_by("-pk")
        titles = list(titles[:5000])
    words = set()
    for title in titles:
        words |= words_in(title)
    return words


def _recorded_words(term: str) -> set[str]:
    """Recorded words that look like ``term`` (trigram similarity on PostgreSQL,
    GIN-indexed; words of a near length starting with the same letter elsewhere)."""
    from .models import VocabularyWord

    if connection.vendor == "postgresql":
        table = VocabularyWord._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL pg_trgm.similarity_threshold = 0.3")
            cursor.execute(
                f"SELECT word FROM {table} WHERE word %% %s "  # noqa: S608
                "ORDER BY similarity(word, %s) DESC LIMIT 25",
                [term, term],
            )
            return {row[0] for row in cursor.fetchall()}
    edits = max_edits(term)
    near = VocabularyWord.objects.annotate(length=Length("word")).filter(
        word__startswith=term[0],
        length__gte=len(term) - edits,
        length__lte=len(term) + edits,
    )
    return set(near.values_list("word", flat=True)[:20_000])


def corrections(term: str, extra=()) -> list[str]:
    """Words near enough to ``term`` to be its correction, nearest first (ties: the
    more similar, then alphabetical). ``extra``: more words to consider (the
    glossary)."""
    edits = max_edits(term)
    if not edits:
        return []
    found = []
    for word in _title_words(term) | _recorded_words(term) | set(extra):
        if word == term or word[0] != term[0]:
            continue
        distance = edit_distance(term, word)
        if distance <= edits:
            similarity = difflib.SequenceMatcher(None, term, word).ratio()
            found.append((distance, -similarity, word))
    return [word for _d, _s, word in sorted(found)]
