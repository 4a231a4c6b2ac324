"""Publishing, editing, unpublishing and deleting update the index at once; when the
backend fails the write still succeeds and search_catch_up replays it."""

from django.core.management import call_command

from search.models import PendingIndexUpdate
from search.selectors import search_site
from tests.factories.guidance import make_guidance, publish_version


def titles(user, query):
    return [r.title for r in search_site(user, query).results]


def test_publish_edit_unpublish_delete(officer, db):
    page = make_guidance(title="Early evidence kits", paragraphs=("Swabs and kits.",))
    assert titles(officer, "swabs") == ["Early evidence kits"]

    publish_version(page, major=False, note="Tidy", paragraphs=("Forensic lockers.",))
    assert titles(officer, "lockers") == ["Early evidence kits"]
    assert titles(officer, "swabs") == []  # the superseded text is gone

    page.refresh_from_db()
    page.unpublish()
    assert titles(officer, "lockers") == []

    page.refresh_from_db()
    page.save_revision().publish()
    assert titles(officer, "lockers") == ["Early evidence kits"]


def test_deleting_removes_from_the_index(officer, db):
    from tests.factories.training import make_module

    module = make_module(title="Disposable module about otters", lessons=0)
    assert titles(officer, "otters") == ["Disposable module about otters"]
    module.delete()
    assert titles(officer, "otters") == []


def test_draft_changes_are_not_searchable(officer, db):
    page = make_guidance(title="Draft check", paragraphs=("Published words.",))
    draft = page.get_latest_revision_as_object()
    draft.summary = "Secret flamingo"
    draft.save_revision()
    assert titles(officer, "flamingo") == []
    assert titles(officer, "published words") == ["Draft check"]


def test_backend_failure_keeps_the_write_and_catches_up(officer, db, monkeypatch):
    from search.backends.database import SearchBackend
    from search.backends.resilience import ResilientIndexingMixin
    from search.catchup import catch_up

    backend_cls = type(SearchBackend({}))
    base = backend_cls.__mro__[backend_cls.__mro__.index(ResilientIndexingMixin) + 1]

    def broken(self, obj):
        raise ConnectionError("search backend is down")

    monkeypatch.setattr(base, "add", broken)
    page = make_guidance(title="Written while down", paragraphs=("Outage words.",))
    page.refresh_from_db()
    assert page.live  # the write succeeded
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()
    assert titles(officer, "outage") == []
    outcome = search_site(officer, "outage")
    assert not outcome.degraded  # searching still works; the page just isn't there

    # Still down: catch-up keeps the row.
    done, failed = catch_up()
    assert failed >= 1 and PendingIndexUpdate.objects.exists()

    monkeypatch.undo()
    call_command("search_catch_up")
    assert not PendingIndexUpdate.objects.exists()
    assert titles(officer, "outage") == ["Written while down"]


def test_search_page_says_when_search_is_degraded(officer, client_for, db, monkeypatch):
    make_guidance(title="Degraded mode title", paragraphs=("Words.",))
    from search.selectors import site

    def down(*args, **kwargs):
        raise ConnectionError("down")

    monkeypatch.setattr(site, "search_all", down)
    response = client_for(officer).get("/search/", {"q": "degraded"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Search is not working fully" in html
    assert "Degraded mode title" in html  # title fallback, still permission-filtered


def test_failed_delete_is_queued_and_caught_up(officer, db, monkeypatch):
    from wagtail.search.models import IndexEntry

    from search.backends.database import SearchBackend
    from search.backends.resilience import ResilientIndexingMixin
    from search.catchup import catch_up
    from tests.factories.training import make_module

    module = make_module(title="Module about pangolins", lessons=0)
    pk = module.pk
    backend_cls = type(SearchBackend({}))
    base = backend_cls.__mro__[backend_cls.__mro__.index(ResilientIndexingMixin) + 1]

    def broken(self, obj):
        raise ConnectionError("search backend is down")

    monkeypatch.setattr(base, "delete", broken)
    module.delete()
    pending = PendingIndexUpdate.objects.get(object_id=str(pk))
    assert pending.action == "delete"
    # The row is gone, so search cannot return it even before the catch-up...
    assert titles(officer, "pangolins") == []
    monkeypatch.undo()
    assert catch_up() == (1, 0)
    # ...and afterwards the stale index entry is gone too.
    assert not IndexEntry.objects.filter(object_id=str(pk)).exists()
