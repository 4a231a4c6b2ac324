"""Turn what an officer typed into a Wagtail search query.

- "quoted words" are a phrase;
- every glossary acronym also matches its expansion, and a typed expansion also matches
  its acronym (query expansion, so the database backend needs no synonym dictionary);
- everything else is plain text, all words required, stemmed by the backend's English
  configuration.
"""

import re
from dataclasses import dataclass, field

from modelsearch.query import And, Or, Phrase, PlainText

from .glossary import ACRONYMS, EXPANSIONS

MAX_QUERY_LENGTH = 200
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"[\w']+", re.UNICODE)


@dataclass
class ParsedQuery:
    raw: str
    terms: list[str] = field(default_factory=list)  # plain words, lower case
    phrases: list[str] = field(default_factory=list)
    synonyms: list[str] = field(default_factory=list)  # extra words/phrases matched

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.phrases

    def highlight_terms(self) -> list[str]:
        """Words and phrases to mark in snippets."""
        return [*self.phrases, *self.synonyms, *self.terms]


def normalise(query: str) -> str:
    return " ".join(query.split())[:MAX_QUERY_LENGTH]


_PLAIN_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> tuple[str, ...]:
    """The words of a title or a query, lower case, punctuation and apostrophes
    ignored: "Victims' phones" and "victims phones" have the same words."""
    return tuple(_PLAIN_WORD.findall((text or "").casefold()))


def parse(query: str) -> ParsedQuery:
    parsed = ParsedQuery(raw=normalise(query))
    for phrase, word in _TOKEN.findall(parsed.raw):
        if phrase:
            words = _WORD.findall(phrase.lower())
            if len(words) == 1:
                parsed.terms.append(words[0])
            elif words:
                parsed.phrases.append(" ".join(words))
        else:
            parsed.terms.extend(_WORD.findall(word.lower()))
    return parsed


def _expansion_spans(terms: list[str]) -> list[tuple[int, int, str]]:
    """Where a glossary expansion appears as consecutive plain words."""
    spans = []
    for expansion, acronym in EXPANSIONS.items():
        words = expansion.split()
        n = len(words)
        for start in range(len(terms) - n + 1):
            if terms[start : start + n] == words:
                spans.append((start, start + n, acronym))
    return spans


def build(parsed: ParsedQuery):
    """The modelsearch query object for a parsed query, or None when empty."""
    parts = []
    terms = parsed.terms
    spans = _expansion_spans(terms)
    covered: set[int] = set()
    for start, stop, acronym in spans:
        if covered.intersection(range(start, stop)):
            continue
        covered.update(range(start, stop))
        expansion = " ".join(terms[start:stop])
        parts.append(Or([Phrase(expansion), PlainText(acronym)]))
        parsed.synonyms.append(acronym)
    for index, term in enumerate(terms):
        if index in covered:
            continue
        if term in ACRONYMS:
            parts.append(Or([PlainText(term), Phrase(ACRONYMS[term])]))
            parsed.synonyms.append(ACRONYMS[term])
        else:
            parts.append(PlainText(term))
    parts.extend(Phrase(phrase) for phrase in parsed.phrases)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)
