"""The StreamField block library every page type shares (home, guidance, training).

Each block has an icon, a template under templates/blocks/, a description and a
preview value, as in Wagtail's bakerydemo.
"""

from wagtail import blocks

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
