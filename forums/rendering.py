"""Markdown to safe HTML for forum posts.

Markdown (https://python-markdown.github.io/) turns the author's text into HTML; nh3
(https://nh3.readthedocs.io/, the Rust ammonia sanitiser) then keeps only an allowlist of
tags, attributes and URL schemes. Raw HTML in a post never survives as markup, script and
event-handler attributes are dropped, only http(s) and mailto links remain, and every
link gets rel="nofollow noopener" (on a site with no outbound advertising the internal
links carrying it too costs nothing, and no link can slip through unmarked).
"""

import re

import markdown
import nh3

ALLOWED_TAGS = {
    "a",
    "blockquote",
    "br",
    "code",
    "em",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener"
ALLOWED_CLASSES = {"span": {"ln-mention"}}
# Dropped with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = {"script", "style"}

# @[Display Name]: how a post mentions someone (see forums.services.posting.mentioned_users).
MENTION_RE = re.compile(r"@\[([^\[\]\n<>]{1,80})\]")


def sanitise_html(html: str) -> str:
    """Keep only allowlisted markup; everything else becomes text or disappears."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        allowed_classes=ALLOWED_CLASSES,
        clean_content_tags=DROPPED_WITH_CONTENT,
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """The post's Markdown as sanitised HTML, with @[Name] mentions marked up."""
    html = markdown.markdown(
        text,
        extensions=["fenced_code", "sane_lists"],
        output_format="html",
    )
    html = MENTION_RE.sub(r'<span class="ln-mention">@\1</span>', html)
    return sanitise_html(html)


def quote_markdown(*, author_name: str, body: str) -> str:
    """A post's text as a Markdown quote, attributed, for the start of a reply."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in body.splitlines())
    return f"> **{author_name} wrote:**\n>\n{quoted}\n\n"
