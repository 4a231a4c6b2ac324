import pytest

from django.core.exceptions import PermissionDenied

from core.models import AuditEvent, Notification
from forums.models import Post
from forums.permissions import NOT_ANSWERED, check_suggest_guidance_permission
from forums.services import posting
from guidance.models import GuidanceSuggestion
from tests.factories import make_user
from tests.factories.forums import make_thread, national_category
from tests.factories.guidance import make_guidance
from tests.helpers import enrol_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered_thread(officer, officer_b):
    thread = make_thread(
        category=national_category(),
        author=officer,
        title="When do you refer to the ISVA?",
        replies=[(officer_b, "We refer at first contact, with consent.")],
    )
    reply = Post.objects.filter(thread=thread).order_by("-id").first()
    return posting.thread_answer_set(user=officer, thread=thread, post=reply)


@pytest.fixture
def owned_guidance(editor):
    return make_guidance(title="Working with ISVAs", content_owner=editor)


def test_a_moderator_sends_an_answered_thread_to_the_guidance_owner(
    client, moderator, answered_thread, owned_guidance, editor
):
    enrol_totp(moderator)
    client.force_login(moderator)
    url = f"/forums/threads/{answered_thread.pk}/suggest-guidance/"
    assert client.get(url).status_code == 200

    response = client.post(
        url, {"page": owned_guidance.pk, "note": "First contact now"}
    )

    assert response.status_code == 302
    suggestion = GuidanceSuggestion.objects.get()
    assert suggestion.page == owned_guidance
    assert suggestion.source_url == answered_thread.get_absolute_url()
    assert suggestion.note == "First contact now"
    note = Notification.objects.get(recipient=editor)
    assert note.url == answered_thread.get_absolute_url()
    assert AuditEvent.objects.filter(action="guidance.suggestion_sent").exists()


def test_an_officer_cannot_send_threads_to_guidance(
    client, officer, answered_thread, owned_guidance
):
    client.force_login(officer)
    url = f"/forums/threads/{answered_thread.pk}/suggest-guidance/"

    response = client.post(url, {"page": owned_guidance.pk})

    assert response.status_code == 403
    assert not GuidanceSuggestion.objects.exists()


def test_an_unanswered_thread_cannot_be_sent(moderator, officer):
    thread = make_thread(category=national_category(), author=officer)

    with pytest.raises(PermissionDenied, match=NOT_ANSWERED):
        check_suggest_guidance_permission(moderator, thread)


def test_no_page_chosen_is_a_400_that_keeps_the_note(
    client, moderator, answered_thread
):
    client.force_login(moderator)

    response = client.post(
        f"/forums/threads/{answered_thread.pk}/suggest-guidance/",
        {"page": "", "note": "Worth a look"},
    )

    assert response.status_code == 400
    assert b"Choose a guidance page." in response.content
    assert b"Worth a look" in response.content


def test_open_suggestions_show_on_the_editors_dashboard_until_dealt_with(
    client, moderator, answered_thread, owned_guidance
):
    from guidance.services import guidance_suggestion_create

    suggestion = guidance_suggestion_create(
        page=owned_guidance,
        title=answered_thread.title,
        source_url=answered_thread.get_absolute_url(),
        note="",
        suggested_by=moderator,
    )
    sign_off = make_user(email="signoff@college.police.uk", groups=["Guidance editors"])
    enrol_totp(sign_off)
    client.force_login(sign_off)

    dashboard = client.get("/admin/")
    assert "When do you refer to the ISVA?" in dashboard.content.decode()

    client.post(f"/admin/guidance-suggestions/{suggestion.pk}/resolve/")

    suggestion.refresh_from_db()
    assert suggestion.resolved_at is not None
    assert (
        "When do you refer to the ISVA?" not in client.get("/admin/").content.decode()
    )
