"""Content as a reader sees it, in plain text, for result snippets.

Wagtail's index text is built for matching: it holds every block's searchable content,
including the labels of choices ("Section heading (h2)"), and a forum post's raw
Markdown. Snippets come from here instead: a page's text fields and its StreamField's
text (rich text rendered to text; choices, links, references and other non-text
values left out), and a forum post's rendered HTML as text.
"""

import re
from html import unescape

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

# After the end of each block element a space, so "<p>a</p><p>b</p>" reads "a b".
_BLOCK_END = re.compile(
    r"(</(?:p|li|h[1-6]|blockquote|pre|div|td|th)>|<br\s*/?>)", re.I
)
_ENDS_SENTENCE = tuple(".!?:;…")


def html_to_text(html: str) -> str:
    """The text a reader sees in an HTML fragment, whitespace collapsed."""
    if not html:
        return ""
    return " ".join(unescape(strip_tags(_BLOCK_END.sub(r"\1 ", html))).split())


def _block_texts(block, raw):
    """The readable text in one block's raw (JSON) value: no database queries."""
    if raw is None or not getattr(block, "search_index", True):
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                yield from _block_texts(child_block, child.get("value"))
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child_block in block.child_blocks.items():
                yield from _block_texts(child_block, raw.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            if isinstance(item, dict) and item.get("type") == "item":
                item = item.get("value")
            yield from _block_texts(block.child_block, item)
    elif isinstance(block, blocks.RichTextBlock):
        yield html_to_text(raw)
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        yield str(raw)
    # Choices, URLs, dates, page and document choosers: labels and references, not
    # text a reader reads in place.


def join_texts(pieces) -> str:
    """Pieces of text as one, each ending a sentence (headings and list items often
    have no full stop of their own)."""
    out = []
    for piece in pieces:
        piece = " ".join(str(piece).split())
        if piece:
            out.append(piece if piece.endswith(_ENDS_SENTENCE) else f"{piece}.")
    return " ".join(out)


def _field_texts(obj, name):
    value = getattr(obj, name, None)
    if callable(value):
        value = value()
    if not value:
        return
    try:
        field = obj._meta.get_field(name)
    except FieldDoesNotExist:
        field = None
    if isinstance(field, StreamField):
        yield from _block_texts(field.stream_block, list(value.raw_data))
    elif isinstance(field, RichTextField):
        yield html_to_text(value)
    else:
        yield str(value)


def indexed_text(obj) -> str:
    """The text of every field search indexes for ``obj`` except its title, as a
    reader sees it."""
    from modelsearch import index

    pieces = []
    for search_field in obj.get_search_fields():
        if (
            isinstance(search_field, index.SearchField)
            and search_field.field_name != "title"
        ):
            pieces.extend(_field_texts(obj, search_field.field_name))
    return join_texts(pieces)
