"""Every upload is checked by what it contains, not by what its name says."""

import io
import zipfile

import pytest

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from assessments.models import EVIDENCE_EXTENSIONS
from core.validators import (
    CONTENT_MISMATCH,
    DETECTED_AS,
    TEXT_EXTENSIONS,
    TYPE_NOT_TAKEN,
    validate_upload_content,
)
from tests.factories import make_user
from tests.factories.uploads import (
    HTML_PAGE,
    MINIMAL_PDF,
    SVG_IMAGE,
    WINDOWS_PROGRAM,
    docx_bytes,
    png_bytes,
)
from tests.helpers import enrol_totp

EVERYTHING = ["pdf", "docx", "xlsx", "png", "jpg", "txt", "csv"]


def mismatch(name, expected, actual):
    return CONTENT_MISMATCH.format(name=name, expected=expected, actual=actual)


def refusal(name, content, extensions=EVERYTHING) -> str:
    with pytest.raises(ValidationError) as caught:
        validate_upload_content(
            SimpleUploadedFile(name, content), extensions=extensions
        )
    return caught.value.messages[0]


# --- The validator ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected", "actual"),
    [
        ("minutes.pdf", HTML_PAGE, "a PDF", "an HTML page"),
        ("logo.png", SVG_IMAGE, "a PNG image", "an SVG image"),
        ("plan.docx", WINDOWS_PROGRAM, "a Word document", "a Windows program (EXE)"),
        ("photo.jpg", MINIMAL_PDF, "a JPEG image", "a PDF"),
        ("notes.txt", HTML_PAGE, "a text file", "an HTML page"),
        ("data.csv", SVG_IMAGE, "a CSV file", "an SVG image"),
        ("data.csv", b"a,b\n\x00\x01\x02\x03", "a CSV file", "binary data, not text"),
        ("notes.txt", WINDOWS_PROGRAM, "a text file", "a Windows program (EXE)"),
        ("run.txt", b"#!/bin/sh\nrm -rf /\n", "a text file", "a script"),
        ("plan.docx", b"just some words", "a Word document", "plain text"),
    ],
)
def test_content_that_is_not_what_its_name_says_is_refused_naming_both(
    name, content, expected, actual
):
    assert refusal(name, content) == mismatch(name, expected, actual)


def test_a_plain_zip_named_docx_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.js", "alert(1)")

    assert refusal("plan.docx", buffer.getvalue()) == mismatch(
        "plan.docx", "a Word document", "a ZIP archive"
    )


def test_an_extension_outside_the_list_is_refused_saying_what_is_taken():
    assert refusal("setup.exe", WINDOWS_PROGRAM, ["pdf", "docx"]) == (
        TYPE_NOT_TAKEN.format(name="setup.exe", types="PDF, DOCX")
    )


def test_a_type_without_a_content_check_cannot_be_switched_on():
    with pytest.raises(ImproperlyConfigured):
        validate_upload_content(
            SimpleUploadedFile("logo.svg", SVG_IMAGE), extensions=["svg"]
        )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", MINIMAL_PDF),
        ("chart.png", png_bytes()),
        ("plan.docx", docx_bytes()),
        ("PLAN.DOCX", docx_bytes()),
        ("notes.txt", b"Dip sample: 10 plans, 8 met.\n"),
        ("data.csv", "force,score\nAvon,3\n".encode("utf-8-sig")),
        ("excel.csv", "name,note\nSiân,café\n".encode("cp1252")),
        ("unicode.txt", "force\tscore\n".encode("utf-16")),
        ("sums.csv", b"a,b\n=IF(A1<B2,1,0),x < b\n"),
    ],
)
def test_a_real_file_is_accepted_and_left_ready_to_read(name, content):
    upload = SimpleUploadedFile(name, content)

    validate_upload_content(upload, extensions=EVERYTHING)

    assert upload.read() == content


def test_a_docx_whose_word_part_comes_late_in_the_archive_is_accepted():
    """LibreOffice and some generators put other parts first; the ZIP's own list of
    parts decides then."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for number in range(6):
            archive.writestr(f"customXml/item{number}.xml", "<x/>")
        archive.writestr("word/document.xml", "<w:document/>")

    validate_upload_content(
        SimpleUploadedFile("plan.docx", buffer.getvalue()), extensions=["docx"]
    )


def test_every_type_the_site_takes_has_a_content_check(settings):
    taken = (
        settings.WAGTAILDOCS_EXTENSIONS
        + settings.WAGTAILIMAGES_EXTENSIONS
        + EVIDENCE_EXTENSIONS
    )

    assert [e for e in taken if e not in DETECTED_AS and e not in TEXT_EXTENSIONS] == []
    assert "svg" not in taken


# --- Wagtail's admin forms ----------------------------------------------------------


@pytest.fixture
def trainer(db):
    """Trainers upload documents (videos, handouts) in the admin."""
    user = make_user(email="trainer@college.police.uk", groups=["Trainers"])
    enrol_totp(user)
    return user


@pytest.fixture
def administrator(db):
    user = make_user(email="admin@college.police.uk", is_superuser=True)
    enrol_totp(user)
    return user


def add_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {"title": "Checklist", "file": SimpleUploadedFile(name, content)},
    )


def add_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {"title": "Chart", "file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "expected", "actual"),
    [
        ("minutes.pdf", HTML_PAGE, "a PDF", "an HTML page"),
        ("plan.docx", WINDOWS_PROGRAM, "a Word document", "a Windows program (EXE)"),
        ("notes.txt", HTML_PAGE, "a text file", "an HTML page"),
    ],
)
def test_the_admin_refuses_a_document_that_is_not_what_its_name_says(
    client, trainer, name, content, expected, actual
):
    client.force_login(trainer)

    response = add_document(client, name, content)

    assert response.status_code == 200
    assert escape(mismatch(name, expected, actual)) in response.text
    assert response.context["form"].errors["file"] == [mismatch(name, expected, actual)]
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", MINIMAL_PDF),
        ("plan.docx", docx_bytes()),
        ("checklist.txt", b"First account recorded\n"),
    ],
)
def test_the_admin_keeps_a_real_document(client, trainer, name, content):
    client.force_login(trainer)

    response = add_document(client, name, content)

    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert document.file.read() == content


@pytest.mark.django_db
def test_the_admin_takes_only_the_document_types_the_site_needs(client, trainer):
    client.force_login(trainer)

    response = add_document(client, "page.html", HTML_PAGE)

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        TYPE_NOT_TAKEN.format(
            name="page.html",
            types="PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, TXT, CSV, MP4",
        )
    ]
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_the_multiple_uploader_refuses_an_impostor_with_the_same_message(
    client, trainer
):
    client.force_login(trainer)

    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("minutes.pdf", HTML_PAGE)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.json() == {
        "success": False,
        "error_message": mismatch("minutes.pdf", "a PDF", "an HTML page"),
    }
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["logo.png", "logo.svg"])
def test_the_admin_refuses_an_svg_as_an_image(client, administrator, name):
    client.force_login(administrator)

    response = add_image(client, name, SVG_IMAGE)

    assert response.status_code == 200
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_the_admin_names_the_file_and_what_it_is_when_refusing_an_svg_as_png(
    client, administrator
):
    client.force_login(administrator)

    response = add_image(client, "logo.png", SVG_IMAGE)

    assert response.context["form"].errors["file"] == [
        mismatch("logo.png", "a PNG image", "an SVG image")
    ]


@pytest.mark.django_db
def test_the_admin_keeps_a_real_image(client, administrator):
    client.force_login(administrator)

    response = add_image(client, "chart.png", png_bytes())

    assert response.status_code == 302
    assert get_image_model().objects.get().file.read() == png_bytes()
