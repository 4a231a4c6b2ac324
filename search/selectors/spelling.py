"""Did you mean: another spelling of a misspelt query, offered only when it finds
something the user may see."""

import logging

from django.db import transaction

from .. import query as q
from .. import vocabulary
from ..glossary import ACRONYMS, EXPANSIONS
from .backend import for_backend
from .ranking import any_words

logger = logging.getLogger(__name__)


def _any_match(backend, query_obj, qs) -> bool:
    """Whether anything matches: the first row in key order, not a count of them all."""
    found = backend.search(query_obj, qs.order_by("-pk"), order_by_relevance=False)
    return bool(list(found[:1]))


def _glossary_words() -> set[str]:
    words = set(ACRONYMS)
    for expansion in EXPANSIONS:
        words.update(expansion.split())
    return words


class Speller:
    """Spelling corrections for one search, each word worked out once however many
    times the search asks."""

    def __init__(self, user, backend, sources, *, absent=()):
        self.user, self.backend, self.sources = user, backend, sources
        self.glossary = _glossary_words()
        # Words already known to find nothing the user may see (the search just ran).
        self.found = dict.fromkeys(absent, False)
        self.corrected = {}

    def finds_something(self, word) -> bool:
        """Whether ``word`` alone finds anything the user may see."""
        if word not in self.found:
            query_obj = q.build(q.parse(word))
            self.found[word] = any(
                qs is not None and _any_match(self.backend, query_obj, qs)
                for qs in (
                    for_backend(source, source.visible_to(self.user), self.backend)
                    for source in self.sources
                )
            )
        return self.found[word]

    def correct(self, term) -> str:
        """``term`` itself when it is in the glossary or in anything the user may see
        (a real word or a name is never changed), otherwise the nearest word that
        finds something the user may see, if any."""
        if term not in self.corrected:
            self.corrected[term] = self._correct(term)
        return self.corrected[term]

    def _correct(self, term) -> str:
        if term in self.glossary or len(term) < vocabulary.MIN_LENGTH:
            return term
        if self.finds_something(term):
            return term
        for word in vocabulary.corrections(term, self.glossary)[:3]:
            if word in self.glossary or self.finds_something(word):
                return word
        return term


def did_you_mean(speller, parsed: q.ParsedQuery, *, require_all: bool = False) -> str:
    """Another spelling of a misspelt query, offered only when it finds something
    (with ``require_all``, something with every word). Each corrected word finds
    something the user may see on its own, so nothing they may not see is ever
    suggested."""
    if not parsed or not parsed.terms:
        return ""
    try:
        with transaction.atomic():
            corrected = [speller.correct(term) for term in parsed.terms]
            if corrected == parsed.terms:
                return ""
            suggestion = " ".join(
                corrected + [f'"{phrase}"' for phrase in parsed.phrases]
            )
            query_obj = q.build(q.parse(suggestion))
            relaxed = None if require_all else any_words(query_obj)
            backend = speller.backend
            for source in speller.sources:
                qs = for_backend(source, source.visible_to(speller.user), backend)
                if qs is None:
                    continue
                if _any_match(backend, query_obj, qs):
                    return suggestion
                if relaxed is not None and _any_match(backend, relaxed, qs):
                    return suggestion
    except Exception:
        logger.exception("Did-you-mean failed for %r", parsed.raw)
    return ""
