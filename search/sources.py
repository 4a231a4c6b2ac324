"""The registry of what search searches.

Each Source names a content type and how to get the queryset a user may see: always the
owning app's public visibility selector, so search applies exactly the rules the app's
own views do, inside the query (counts and facets are computed from the same filtered
querysets). A source whose app is not installed or has no selector yet is left out, so
search works with whatever apps exist.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Length, Substr

from .text import indexed_text

logger = logging.getLogger(__name__)


@dataclass(eq=False)
class Source:
    key: str  # used in URLs: ?type=guidance
    label: str  # shown on results: "Guidance"
    model: type
    visible_to: Callable  # fn(user) -> QuerySet of what the user may see
    date_field: str
    theme_path: str | None = None  # lookup to Theme, e.g. "themes"
    force_path: str | None = None  # lookup to Force, e.g. "category__force"
    title: Callable = field(default=lambda obj: obj.title)
    url: Callable = field(default=lambda obj, request: obj.get_url(request))
    # fn(obj) -> plain text as a reader sees it, for the snippet (search.text)
    text: Callable = field(default=indexed_text)
    # The model field holding the title, compared with the query ("exact title
    # first"); None when the model has no title of its own.
    title_field: str | None = "title"
    select_related: tuple = ()
    prefetch_related: tuple = ()
    autocomplete_via_backend: bool = True  # False: title__icontains in the queryset
    # True when theme_path and force_path are foreign-key chains (one value per row):
    # facets and counts then come from one grouped query.
    single_valued_facets: bool = False
    # fn(user) -> dict of annotations for results, built from the user's visibility
    annotations: Callable | None = None
    # True when date_field is the creation time, so the newest index entries are the
    # newest rows and "Newest first" can use the candidate walk (forum content; a
    # page's last_published_at moves when it is republished).
    dated_by_creation: bool = False
    # (source key, field): this source's matches are listed under that source's
    # result for the row the field points to, e.g. a forum reply under its thread, so
    # a thread is one result however many of its posts match.
    parent: tuple[str, str] | None = None
    # For a parent: fn(obj) -> the key of the child whose text is the parent's own
    # (a thread's opening post), not counted as a matching reply.
    lead_child: Callable | None = None
    # Its words may be offered as spelling corrections (search.vocabulary): editorial
    # content yes; forum posts no (thread titles are offered from the index's titles).
    spelling_words: bool = True

    def queryset(self, user) -> QuerySet:
        return self.visible_to(user)


def _selector(module_path: str, name: str):
    """The named function of an app's selectors module, or None if not there yet."""
    app_label = module_path.split(".")[0]
    if not apps.is_installed(app_label):
        return None
    try:
        return getattr(import_module(module_path), name)
    except (ImportError, AttributeError):
        return None


def _model(app_label: str, name: str):
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def _guidance() -> list[Source]:
    visible = _selector("guidance.selectors", "guidance_list_visible_to")
    model = _model("guidance", "GuidancePage")
    if not (visible and model):
        return []
    return [
        Source(
            key="guidance",
            label="Guidance",
            model=model,
            visible_to=visible,
            date_field="last_published_at",
            theme_path="themes",
            prefetch_related=("themes",),
        )
    ]


def _lessons_visible(module_visible, lesson_model):
    def visible(user):
        steplen = lesson_model.steplen
        modules = module_visible(user).values("path")
        lessons = (
            lesson_model.objects.live()
            .annotate(
                _parent_path=Substr("path", 1, Length("path") - steplen),
            )
            .filter(_parent_path__in=modules)
        )
        if not user.is_authenticated:
            lessons = lessons.filter(is_public=True)
        return lessons

    return visible


def _training() -> list[Source]:
    module_visible = _selector("training.selectors", "module_list_visible_to")
    module_model = _model("training", "ModulePage")
    if not (module_visible and module_model):
        return []
    sources = [
        Source(
            key="module",
            label="Training module",
            model=module_model,
            visible_to=module_visible,
            date_field="last_published_at",
            theme_path="themes",
            prefetch_related=("themes",),
        )
    ]
    lesson_model = _model("training", "LessonPage")
    if lesson_model is not None:
        lesson_visible = _selector(
            "training.selectors", "lesson_list_visible_to"
        ) or _lessons_visible(module_visible, lesson_model)
        sources.append(
            Source(
                key="lesson",
                label="Training lesson",
                model=lesson_model,
                visible_to=lesson_visible,
                date_field="last_published_at",
            )
        )
    return sources


def _forums() -> list[Source]:
    from . import forum_source

    return forum_source.sources(_selector, _model)


def get_sources() -> list[Source]:
    """Every source that exists in this deployment, in display order."""
    from modelsearch.index import class_is_indexed

    sources = [*_guidance(), *_training(), *_forums()]
    return [s for s in sources if class_is_indexed(s.model)]


def get_source(key: str) -> Source | None:
    return next((s for s in get_sources() if s.key == key), None)


__all__ = ["Source", "get_sources", "get_source", "F", "Q"]
