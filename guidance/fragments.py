"""The parts of a guidance page that are the same for every signed-in reader (the
body, its version line, breadcrumbs, themes, related guidance, page tools) are
rendered once per published revision and kept in the cache.

The key names the page's live revision, the reader class (signed in or not: signed-out
visitors see only public related pages), today's date (the "review overdue" tag) and
the library *generation*, which moves on whenever a page, a version, a document, an
image, a theme or an audience is saved or deleted: a link in the body to a page that
moved or was unpublished, or a withdrawn version, is never served stale."""

from django.utils import timezone

from core.generations import Generation

GENERATION = Generation("ln:guidance:generation")


def body_cache_key(request, page) -> str | None:
    """The key for ``page``'s shared parts, or None where nothing may be cached (an
    editor's preview of a draft)."""
    if getattr(request, "is_preview", False) or not page.live_revision_id:
        return None
    reader = "in" if request.user.is_authenticated else "out"
    return (
        f"{page.pk}:{page.live_revision_id}:{reader}:"
        f"{timezone.localdate().isoformat()}:{GENERATION.current()}"
    )


def forget_rendered_pages() -> None:
    """Something a rendered guidance page shows changed: render afresh."""
    GENERATION.advance()
