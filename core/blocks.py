"""The StreamField block library every page type shares (home, guidance, training).

Each block has an icon, a template under templates/blocks/, a description and a
preview value, as in Wagtail's bakerydemo.
"""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

VIDEO_NEEDS_A_SOURCE = "Upload the video as a document or give a link to it."

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(help_text="e.g. 'Early evidence opportunities'")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (h2)"), ("h3", "Sub-heading (h3)")],
        default="h2",
        help_text="Section headings appear in the page's contents list.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = "A section heading; section headings feed the contents list."
        preview_value = {"text": "Early evidence opportunities", "level": "h2"}


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "openquote"
        template = "blocks/inset_text_block.html"
        description = "Text set apart from the body, e.g. a definition or an aside."
        preview_value = {"text": "<p>ABE stands for Achieving Best Evidence.</p>"}


class WarningBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        help_text="e.g. 'Do not disclose the victim's address to the suspect.'"
    )

    class Meta:
        icon = "warning"
        template = "blocks/warning_block.html"
        description = "A warning the reader must not miss."
        preview_value = {"text": "Never record a victim's address in a forum post."}


class KeyPointsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="Key points", help_text="e.g. 'Key points'")
    points = blocks.ListBlock(
        blocks.CharBlock(help_text="e.g. 'Secure first-account evidence early.'")
    )

    class Meta:
        icon = "list-ul"
        template = "blocks/key_points_block.html"
        description = "A short list of the points a reader should take away."
        preview_value = {
            "heading": "Key points",
            "points": ["Focus on the suspect's behaviour.", "Record decisions."],
        }


class VideoBlock(blocks.StructBlock):
    """A video as an uploaded file or a link, always with its transcript (guidance
    pages and lessons alike). No oEmbed: the site never fetches anything from the
    internet."""

    title = blocks.CharBlock(help_text="e.g. 'Planning the suspect interview'")
    document = DocumentChooserBlock(
        required=False, help_text="The uploaded video file, e.g. an MP4."
    )
    link = blocks.URLBlock(
        required=False,
        help_text="Or a link to the video on the force intranet, e.g. "
        "'https://video.college.police.uk/abc'.",
    )
    duration = blocks.CharBlock(required=False, help_text="e.g. '6 minutes'")
    transcript = blocks.RichTextBlock(
        features=["bold", "italic", "ol", "ul"],
        help_text="Everything said and shown, e.g. 'Narrator: Before the interview…'",
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        description = "A video (uploaded or linked) with its transcript."
        preview_value = {
            "title": "Planning the suspect interview",
            "link": "https://video.example/planning",
            "duration": "6 minutes",
            "transcript": "<p>Narrator: Before the interview, the officer in the case "
            "reviews every account.</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("document") and not value.get("link"):
            raise StructBlockValidationError(
                block_errors={"link": ValidationError(VIDEO_NEEDS_A_SOURCE)}
            )
        return value


class BaseStreamBlock(blocks.StreamBlock):
    """The shared body: every page type's StreamField starts from this."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description="Body text with links and lists.",
    )
    inset = InsetTextBlock()
    warning = WarningBlock()
    key_points = KeyPointsBlock()
