"""Guidance pages and lessons share core's VideoBlock: one definition, one template,
one rule (a file or a link). Guidance bodies written with guidance's own block keep
their uploaded file (migration 0007)."""

import importlib
import json

import pytest

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import connection

from wagtail.blocks import StructBlockValidationError
from wagtail.documents import get_document_model

from core.blocks import VIDEO_NEEDS_A_SOURCE, VideoBlock
from guidance.blocks import GuidanceStreamBlock
from guidance.models import GuidancePage
from tests.factories.guidance import make_guidance
from training.blocks import LessonStreamBlock

pytestmark = pytest.mark.django_db

TRANSCRIPT = "<p>Narrator: Start with what the suspect did.</p>"


def test_guidance_and_lessons_use_the_one_video_block():
    assert type(GuidanceStreamBlock().child_blocks["video"]) is VideoBlock
    assert type(LessonStreamBlock().child_blocks["video"]) is VideoBlock


def test_a_guidance_video_needs_a_file_or_a_link():
    block = GuidanceStreamBlock().child_blocks["video"]
    value = block.to_python({"title": "Planning", "link": "", "transcript": TRANSCRIPT})

    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)

    assert raised.value.block_errors["link"].messages == [VIDEO_NEEDS_A_SOURCE]


def test_a_guidance_page_shows_a_linked_video_with_its_transcript(client_for, officer):
    page = make_guidance()
    page.body = [
        {
            "type": "video",
            "value": {
                "title": "Planning the interview",
                "link": "https://video.example/planning",
                "duration": "4 minutes",
                "transcript": TRANSCRIPT,
            },
        }
    ]
    page.save_revision().publish()

    html = client_for(officer).get(page.url).content.decode()

    assert 'href="https://video.example/planning"' in html
    assert "Watch ‘Planning the interview’ (4 minutes)" in html
    assert "Narrator: Start with what the suspect did." in html


def test_the_migration_keeps_the_uploaded_file_of_a_guidance_video():
    document = get_document_model().objects.create(
        title="Interview", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", "a.mp4")
    )
    page = make_guidance()
    old_body = [
        {
            "type": "video",
            "id": "5d0c3f4e-0000-4000-8000-000000000001",
            "value": {
                "title": "Planning",
                "video": document.pk,
                "link": "",
                "transcript": TRANSCRIPT,
            },
        }
    ]
    GuidancePage.objects.filter(pk=page.pk).update(body=old_body)
    revision = page.latest_revision
    revision.content["body"] = json.dumps(old_body)
    revision.save(update_fields=["content"])
    migration = importlib.import_module(
        "guidance.migrations.0007_video_block_from_core"
    )
    (data_migration,) = [
        op for op in migration.Migration.operations if hasattr(op, "code")
    ]

    with connection.schema_editor() as schema_editor:
        data_migration.code(apps, schema_editor)

    page = GuidancePage.objects.get(pk=page.pk)
    assert page.body[0].value["document"] == document
    stored = json.loads(page.latest_revision.content["body"])
    assert stored[0]["value"]["document"] == document.pk
    assert "video" not in stored[0]["value"]
