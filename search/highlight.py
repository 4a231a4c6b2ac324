"""Snippets with the matched words marked. Everything that is not a match is escaped,
so hostile content in a post or page can never inject markup."""

import re
from functools import lru_cache
from html import escape

from django.utils.safestring import SafeString, mark_safe

_SPLIT = re.compile(r"([\w']+)", re.UNICODE)
_SUFFIXES = sorted(
    ("ing", "ings", "ed", "es", "s", "ly", "er", "ers"), key=len, reverse=True
)


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    word = word.lower().strip("'")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _match_stems(terms: list[str]) -> set[str]:
    stems = set()
    for term in terms:
        for word in _SPLIT.findall(term):
            if len(word) >= 2:
                stems.add(stem(word))
    return stems


def highlight(text: str, terms: list[str], *, words: int = 40) -> SafeString:
    """Up to ``words`` words of ``text`` around the first match, escaped, with each
    word that matches a query term (after light stemming) in <mark>."""
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")
    stems = _match_stems(terms)
    parts = _SPLIT.split(text)  # odd indexes are words
    word_positions = [i for i in range(1, len(parts), 2)]
    matched = {i for i in word_positions if stem(parts[i]) in stems}
    start_word = 0
    if matched:
        first = word_positions.index(min(matched))
        start_word = max(0, first - 10)
    start = word_positions[start_word] if word_positions and start_word else 0
    stop_word = start_word + words
    stop = word_positions[stop_word] if stop_word < len(word_positions) else len(parts)
    # Escaped a run of pieces at a time (Django's escape() is this, one call each).
    out = ["…" if start_word > 0 else ""]
    run_start = start
    for i in sorted(m for m in matched if start <= m < stop):
        out.append(escape("".join(parts[run_start:i])))
        out.append(f"<mark>{escape(parts[i])}</mark>")
        run_start = i + 1
    out.append(escape("".join(parts[run_start:stop])))
    if stop < len(parts):
        out.append("…")
    return mark_safe("".join(out).strip())  # noqa: S308 (every piece escaped above)
