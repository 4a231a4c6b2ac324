"""The hooks through which apps offer each other what they own, so that no app imports
another's internals (DESIGN.md: content apps import from ``core``, never from each
other). Each hook is a name here and a typed contract: register with
``@hooks.register(CONTENT_SOURCES)`` in the app's ``wagtail_hooks.py`` (Wagtail's hook
registry, https://docs.wagtail.org/en/stable/reference/hooks.html) and read through
the functions below or ``hooks.get_hooks(NAME)``. Wagtail's own hooks
(``register_admin_urls`` and the like) keep their names.

| hook | a registered function | who reads it |
| --- | --- | --- |
| ``CONTENT_SOURCES`` | ``() -> Iterable[ContentSource]``, one per content type | search, notifications (``content_sources``) |
| ``VISIBILITY_INPUTS`` | ``() -> Iterable[type[Model]]``: rows deciding who sees what | the unread-count cache (``core.receivers``) |
| ``THEME_SECTIONS`` | ``ThemeSectionHook``: a theme landing page's section | home |
| ``THEME_RESOURCES`` | ``ThemeResourcesHook``: a theme's pages for a plan | assessments |
| ``GUIDANCE_MAJOR_VERSION_PUBLISHED`` | ``MajorVersionHook``: after a major version | guidance calls, training answers |
| ``GUIDANCE_SUGGESTION_CREATE`` | ``SuggestionCreate`` (exactly one: guidance) | forums (``single_hook``) |
| ``FORUM_COPIES_REDACT`` | ``ForumCopiesRedact``: copies of a thread's text | forums, on a redaction |
| ``DEMO_SEED`` | ``DemoSeed``, registered with ``order=``: an app's demo content | ``manage.py seed_demo`` |
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from wagtail import hooks

# --- Names --------------------------------------------------------------------------

CONTENT_SOURCES = "content_sources"
VISIBILITY_INPUTS = "visibility_inputs"
THEME_SECTIONS = "theme_sections"
THEME_RESOURCES = "theme_resources"
GUIDANCE_MAJOR_VERSION_PUBLISHED = "guidance_major_version_published"
GUIDANCE_SUGGESTION_CREATE = "guidance_suggestion_create"
FORUM_COPIES_REDACT = "forum_copies_redact"
DEMO_SEED = "demo_seed"

UNKNOWN_SOURCE = "No content source is registered under the key {key!r}."
DUPLICATE_SOURCE = "Two content sources are registered under the key {key!r}."
NOT_ONE = "The {name!r} hook needs exactly one registered function; found {count}."


# --- Contracts ----------------------------------------------------------------------


class VisibleTo(Protocol):
    """An app's one visibility function: everything of its type ``user`` may see
    (anonymous users included), as a queryset filtered in SQL."""

    def __call__(self, user) -> QuerySet: ...


def _title_of(obj) -> str:
    return obj.title


def _page_url(obj, request: HttpRequest | None) -> str:
    return obj.get_url(request)


@dataclass(frozen=True, eq=False)
class ContentSource:
    """One type of content, described once by the app that owns it and used by every
    app that lists, searches or notifies about it. ``visible_to`` is always the owning
    app's own visibility function (the one its views use), so search results, facet
    counts and notifications apply exactly its rules, inside the query.

    Search reads the fields after ``notification_target`` when ``in_search`` is set;
    paths are Django lookups from the model."""

    key: str  # unique; search uses it in URLs: ?type=guidance
    label: str  # shown on search results: "Guidance"
    model: type[Model]
    visible_to: VisibleTo
    # A notification about a row of this type is listed, counted and opened only
    # while its recipient may see the row (core.selectors.notifications_visible_to).
    notification_target: bool = False
    # Searched by the site search (search.sources).
    in_search: bool = False
    date_field: str | None = None  # the result's date, e.g. "last_published_at"
    theme_path: str | None = None  # lookup to Theme, e.g. "themes"
    force_path: str | None = None  # lookup to Force, e.g. "category__force"
    title: Callable[[Any], str] = _title_of
    url: Callable[[Any, HttpRequest | None], str] = _page_url
    # fn(row) -> the HTML a reader sees, for the result's snippet; None: the page's
    # own text fields and StreamField text (search.text.indexed_text).
    snippet_html: Callable[[Any], str] | None = None
    # The model field holding the title, compared with the query ("exact title
    # first"); None when the model has no title of its own.
    title_field: str | None = "title"
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    autocomplete_via_backend: bool = True  # False: title__icontains in the queryset
    # True when theme_path and force_path are foreign-key chains (one value per row):
    # facets and counts then come from one grouped query.
    single_valued_facets: bool = False
    # fn(user) -> annotations for the rows a result page shows, built from the
    # user's visibility (a thread's opening post as the user may see it).
    annotations: Callable[[Any], dict] | None = None
    # True when date_field is the creation time, so the newest index entries are the
    # newest rows and "Newest first" can use the candidate walk (forum content; a
    # page's last_published_at moves when it is republished).
    dated_by_creation: bool = False
    # (source key, field): this source's matches are listed under that source's
    # result for the row the field points to, e.g. a forum reply under its thread, so
    # a thread is one result however many of its posts match.
    parent: tuple[str, str] | None = None
    # For a parent: fn(row) -> the key of the child whose text is the parent's own
    # (a thread's opening post), not counted as a matching reply.
    lead_child: Callable[[Any], Any] | None = None
    # Its words may be offered as spelling corrections (search.vocabulary): editorial
    # content yes; forum posts no (thread titles are offered from the index's titles).
    spelling_words: bool = True

    def __post_init__(self):
        if self.in_search and not self.date_field:
            raise ImproperlyConfigured(f"Content source {self.key!r}: no date_field.")


class ThemeSection(TypedDict):
    title: str
    template: str
    context: dict
    order: int  # sections are shown in this order (guidance 10, training 20, ...)


class ThemeSectionHook(Protocol):
    """A theme landing page's section for this app, or None to show none."""

    def __call__(self, request: HttpRequest, theme) -> ThemeSection | None: ...


class ThemeResource(TypedDict):
    title: str
    url: str
    kind: str  # "Guidance", "Training module"
    summary: str


class ThemeResourcesHook(Protocol):
    """What of ``theme`` the user may see that could help with it (improvement
    plans link them)."""

    def __call__(self, user, theme) -> list[ThemeResource]: ...


class MajorVersionHook(Protocol):
    """A guidance page published a major version. Returns the users the app told
    about it (guidance does not notify them again as followers), or None."""

    def __call__(self, *, page, version) -> Iterable | None: ...


class SuggestionCreate(Protocol):
    """Send ``title`` (an answered forum thread at ``source_url``) to the owner of
    the guidance page ``page`` (a row of the "guidance" content source). Returns the
    saved suggestion."""

    def __call__(
        self, *, page, title: str, source_url: str, note: str, suggested_by
    ) -> Model: ...


class Redact(Protocol):
    """Removes the redacted words from ``text`` (cut to ``max_length``); returns the
    new text and how many copies it removed."""

    def __call__(self, text: str, max_length: int | None = None) -> tuple[str, int]: ...


class ForumCopiesRedact(Protocol):
    """A moderator redacted a forum thread: apply ``redact`` to the copies of its
    text this app keeps about the thread at ``source_url``. Returns the copies
    removed."""

    def __call__(self, *, source_url: str, redact: Redact) -> int: ...


class DemoSeed(Protocol):
    """Create or refresh the app's synthetic demo content (safe to run again).
    Registered with ``order=`` after the apps whose content it refers to (accounts
    10, home 20, guidance 30, training 40, forums 50, assessments 60). Returns lines
    for ``seed_demo`` to print when everything is seeded, or None."""

    def __call__(self, *, stdout) -> list[str] | None: ...


# --- Lookups ------------------------------------------------------------------------


def content_sources() -> list[ContentSource]:
    """Every registered content source, in the apps' order (INSTALLED_APPS, then the
    order each app lists them). An app whose visibility function moved fails here, on
    importing its wagtail_hooks (and ``manage.py check`` runs this at start-up)."""
    sources = [source for fn in hooks.get_hooks(CONTENT_SOURCES) for source in fn()]
    seen = set()
    for source in sources:
        if source.key in seen:
            raise ImproperlyConfigured(DUPLICATE_SOURCE.format(key=source.key))
        seen.add(source.key)
    return sources


def content_source(key: str) -> ContentSource:
    """The content source registered under ``key``; LookupError if there is none."""
    for source in content_sources():
        if source.key == key:
            return source
    raise LookupError(UNKNOWN_SOURCE.format(key=key))


def single_hook(name: str) -> Callable:
    """The one function registered under hook ``name`` (a hook that one app answers,
    such as ``GUIDANCE_SUGGESTION_CREATE``); ImproperlyConfigured if none or several."""
    found = hooks.get_hooks(name)
    if len(found) != 1:
        raise ImproperlyConfigured(NOT_ONE.format(name=name, count=len(found)))
    return found[0]
