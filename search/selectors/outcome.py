"""What a search returns: the filters asked for, the results, facets and the page."""

from dataclasses import dataclass, field

from .. import query as q
from ..sources import Source

PER_PAGE = 20
MAX_PAGES = 50
DATE_BUCKETS = [
    ("month", "Past month", 31),
    ("year", "Past year", 365),
    ("older", "Older than a year", None),
]
SORTS = {"relevance": "Relevance", "newest": "Newest"}


@dataclass
class Filters:
    types: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    forces: list[str] = field(default_factory=list)
    date: str = ""

    @property
    def active(self) -> bool:
        return bool(self.types or self.themes or self.forces or self.date)


@dataclass
class Result:
    source: Source
    obj: object
    score: float
    date: object = None
    title: str = ""
    url: str = ""
    themes: list = field(default_factory=list)
    force: object = None
    snippet: str = ""
    # Under a forum thread: how many of its replies (not its opening post) match.
    matching_replies: int = 0

    @property
    def type_key(self):
        return self.source.key

    @property
    def type_label(self):
        return self.source.label


@dataclass
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool = False
    at_least: bool = False  # counted from capped candidates: at least this many


@dataclass
class Outcome:
    query: str
    parsed: q.ParsedQuery | None = None
    results: list[Result] = field(default_factory=list)
    total: int = 0
    page: int = 1
    num_pages: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    did_you_mean: str = ""
    degraded: bool = False
    relaxed: bool = False
    showing_for: str = ""  # the corrected query whose results are shown
    promotions: list = field(default_factory=list)
    sort: str = "relevance"
    capped: bool = False  # some type matched more than CANDIDATES: total is "more than"
    # The database ranks only the candidates of a capped type; an engine ranks all.
    ranked_among_candidates: bool = False
