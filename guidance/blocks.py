"""Blocks a guidance editor needs on top of the shared body (core.blocks): checklist,
do / do not, legislation or case-law reference, document download, a video with its
transcript (core's, as in lessons) and a content warning that keeps distressing
material collapsed."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, VideoBlock


class ChecklistBlock(blocks.StructBlock):
    heading = blocks.CharBlock(help_text="e.g. 'Before the ABE interview'")
    items = blocks.ListBlock(
        blocks.CharBlock(help_text="e.g. 'Confirm the ISVA has been offered.'")
    )

    class Meta:
        icon = "tasks"
        template = "guidance/blocks/checklist_block.html"
        description = "Steps a reader ticks off, in order."
        preview_value = {
            "heading": "Before the ABE interview",
            "items": ["Agree the interview plan", "Offer an ISVA"],
        }


class DoDontBlock(blocks.StructBlock):
    do = blocks.ListBlock(
        blocks.CharBlock(help_text="e.g. 'Record the first account verbatim.'"),
        label="Do",
    )
    do_not = blocks.ListBlock(
        blocks.CharBlock(help_text="e.g. 'Ask the victim why they did not report.'"),
        label="Do not",
    )

    class Meta:
        icon = "list-ul"
        template = "guidance/blocks/do_dont_block.html"
        description = "Two lists side by side: what to do and what not to do."
        preview_value = {
            "do": ["Record the first account verbatim."],
            "do_not": ["Question the delay in reporting."],
        }


class LegislationBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("legislation", "Legislation"), ("case_law", "Case law")],
        default="legislation",
    )
    citation = blocks.CharBlock(
        help_text="e.g. 'Sexual Offences Act 2003, section 1' or 'R v A [2001] UKHL 25'"
    )
    summary = blocks.TextBlock(
        help_text="What it means for the investigator, e.g. 'Defines rape…'"
    )
    url = blocks.URLBlock(
        required=False, help_text="e.g. https://www.legislation.gov.uk/ukpga/2003/42"
    )

    class Meta:
        icon = "doc-full"
        template = "guidance/blocks/legislation_block.html"
        description = "A reference to an Act, a section or a judgment, explained."
        preview_value = {
            "kind": "legislation",
            "citation": "Sexual Offences Act 2003, section 74",
            "summary": "Defines consent: agreeing by choice with freedom and capacity.",
        }


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    description = blocks.CharBlock(
        required=False, help_text="e.g. 'Editable MG3 checklist (Word, 2 pages)'"
    )

    class Meta:
        icon = "download"
        template = "guidance/blocks/document_download_block.html"
        description = "A document to download, e.g. a template or a checklist."


class ContentWarningBlock(blocks.StructBlock):
    warning = blocks.CharBlock(
        help_text="What the reader is about to see, e.g. 'Describes a sexual assault'"
    )
    content = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "guidance/blocks/content_warning_block.html"
        description = "Distressing material kept collapsed until the reader opens it."
        preview_value = {
            "warning": "Describes a sexual assault",
            "content": "<p>An anonymised account used in training.</p>",
        }


class GuidanceStreamBlock(BaseStreamBlock):
    """The shared body plus guidance blocks."""

    checklist = ChecklistBlock()
    do_dont = DoDontBlock()
    legislation = LegislationBlock()
    document = DocumentDownloadBlock()
    video = VideoBlock()
    content_warning = ContentWarningBlock()
