"""The one check every upload passes: is the file what its name says it is?

A name's extension is only a claim. The first bytes of the file (its "magic number")
say what it really is, read with ``filetype`` (https://github.com/h2non/filetype.py, the
library Wagtail's image handling already uses). Text formats have no magic number: a
``.txt`` or ``.csv`` is taken only if it is text and nothing a browser would run as a
page (HTML, SVG, XML) or a script.
"""

import re
import zipfile
from pathlib import PurePath

import filetype

from django.core.exceptions import ImproperlyConfigured, ValidationError

CONTENT_MISMATCH = '"{name}" is not {expected}: it is {actual}.'
TYPE_NOT_TAKEN = (
    '"{name}" is not a type of file this site takes. Choose one of: {types}.'
)

# What a name's extension promises, as the ``filetype`` extensions that keep the
# promise (the first one names it in messages). Text formats: TEXT_EXTENSIONS.
DETECTED_AS = {
    "pdf": ("pdf",),
    "docx": ("docx",),
    "xlsx": ("xlsx",),
    "pptx": ("pptx",),
    "odt": ("odt",),
    "ods": ("ods",),
    "odp": ("odp",),
    "png": ("png", "apng"),
    "jpg": ("jpg",),
    "jpeg": ("jpg",),
    "gif": ("gif",),
    "webp": ("webp",),
    "mp4": ("mp4", "m4v"),
}
TEXT_EXTENSIONS = {"txt": "a text file", "csv": "a CSV file"}
# Office Open XML files whose parts ``filetype`` could not find in its first look:
# the folder of the main part that makes a ZIP one of them.
OFFICE_PART = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}

# How a kind of file is named in messages, by ``filetype`` extension.
DESCRIPTIONS = {
    "pdf": "a PDF",
    "docx": "a Word document",
    "xlsx": "an Excel workbook",
    "pptx": "a PowerPoint presentation",
    "odt": "an OpenDocument text document",
    "ods": "an OpenDocument spreadsheet",
    "odp": "an OpenDocument presentation",
    "png": "a PNG image",
    "apng": "an animated PNG image",
    "jpg": "a JPEG image",
    "gif": "a GIF image",
    "webp": "a WebP image",
    "mp4": "an MP4 video",
    "m4v": "an MP4 video",
    "exe": "a Windows program (EXE)",
    "elf": "a Linux program (ELF)",
    "zip": "a ZIP archive",
    "doc": "an old Word document (.doc)",
    "xls": "an old Excel workbook (.xls)",
    "ppt": "an old PowerPoint presentation (.ppt)",
}

HEAD_BYTES = 8192
# Tags a browser would render or run, followed by what ends a tag name.
MARKUP = re.compile(
    r"<(?:!doctype|html|head|body|script|iframe|frame|object|embed|style|meta|link"
    r"|base|form|img|a|b|br|p|div|table|title|h1|font)(?=[\s/>])|<!--",
    re.IGNORECASE,
)
SVG = re.compile(r"<svg(?=[\s/>])", re.IGNORECASE)
XML = re.compile(r"<\?xml(?=\s)", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def validate_upload_content(upload, *, extensions) -> None:
    """Refuse ``upload`` unless its extension is one of ``extensions`` and its content
    is what that extension promises. The error names the file and what it really is.
    Every form and service that takes a file calls this."""
    name = PurePath(upload.name).name
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in extensions:
        raise ValidationError(
            TYPE_NOT_TAKEN.format(name=name, types=", ".join(extensions).upper()),
            code="type_not_taken",
        )
    if extension not in DETECTED_AS and extension not in TEXT_EXTENSIONS:
        raise ImproperlyConfigured(f"No content check for .{extension} files.")
    head = _read_head(upload)
    if extension in TEXT_EXTENSIONS:
        actual = _what_text_really_is(head)
        expected = TEXT_EXTENSIONS[extension]
    else:
        actual = _what_binary_really_is(head, extension, upload)
        expected = DESCRIPTIONS[DETECTED_AS[extension][0]]
    if actual is not None:
        raise ValidationError(
            CONTENT_MISMATCH.format(name=name, expected=expected, actual=actual),
            code="content_mismatch",
        )


def _read_head(upload) -> bytes:
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def _what_binary_really_is(head: bytes, extension: str, upload) -> str | None:
    """None when the content keeps the extension's promise, else what it is."""
    kind = filetype.guess(head)
    if kind is None:
        return _what_text_really_is(head) or "plain text"
    if kind.extension in DETECTED_AS[extension]:
        return None
    if (
        kind.extension == "zip"
        and extension in OFFICE_PART
        and _is_office_file(upload, OFFICE_PART[extension])
    ):
        return None
    return _describe(kind)


def _describe(kind) -> str:
    return DESCRIPTIONS.get(kind.extension, f"a {kind.extension.upper()} file")


def _is_office_file(upload, part: str) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and any(n.startswith(part) for n in names)


def _what_text_really_is(head: bytes) -> str | None:
    """None for plain text; otherwise what a browser or a shell would take it for."""
    kind = filetype.guess(head)
    if kind is not None:
        return _describe(kind)
    text = _decode(head)
    if text is None or CONTROL.search(text):
        return "binary data, not text"
    if SVG.search(text):
        return "an SVG image"
    if MARKUP.search(text):
        return "an HTML page"
    if XML.search(text):
        return "an XML document"
    if text.lstrip().startswith("#!"):
        return "a script"
    return None


def _decode(head: bytes) -> str | None:
    """Text as a browser would read it: UTF-16 with its byte-order mark, else UTF-8,
    else Windows-1252 (what Excel writes CSV in). None if it cannot be text."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head.decode("utf-16", errors="replace")
    try:
        # The head may end part-way through a character.
        return head.decode("utf-8-sig", errors="strict")
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3:
            return head[: error.start].decode("utf-8-sig")
    try:
        return head.decode("cp1252")
    except UnicodeDecodeError:
        return None
