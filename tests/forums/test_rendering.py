"""Posts render safely: hostile Markdown and HTML comes out inert, whatever it is."""

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forums.rendering import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    LINK_REL,
    quote_markdown,
    render_markdown,
)

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src=x onerror="alert(1)">',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '![x](x" onerror="alert(1))',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name="password"></form>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="position:fixed;top:0">overlay</p>',
    "<style>body{display:none}</style>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    "<b onmouseover=alert(1)>hover</b>",
    '<a href="https://ok.example" onclick="alert(1)">ok</a>',
    "<<script>script>alert(1)<</script>/script>",
    "<img src=x onerror=alert(1)//",
    '<a href="https://ok.example"<script>alert(1)</script>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "```\n<script>alert(1)</script>\n```",
    "`<img src=x onerror=alert(1)>`",
    '<span class="ln-mention" onclick="alert(1)">@x</span>',
    "@[<img src=x onerror=alert(1)>]",
    '[a](https://ok.example "title\\" onmouseover=\\"alert(1)")',
    "<textarea><script>alert(1)</script></textarea>",
    '<details open ontoggle="alert(1)">x</details>',
]

DANGEROUS_TAGS = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "form",
    "input",
    "img",
    "svg",
    "math",
    "link",
    "meta",
    "base",
    "textarea",
    "details",
    "noscript",
}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict]]:
    collector = _Collector()
    collector.feed(html)
    return collector.tags


def url_scheme(url: str | None) -> str | None:
    """The scheme a browser would read from ``url`` (WHATWG URL parsing: tabs and
    newlines removed, leading controls and spaces stripped), or None if relative."""
    url = re.sub(r"[\t\n\r]", "", url or "").lstrip("".join(map(chr, range(33))))
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return match.group(1).lower() if match else None


def assert_inert(html: str) -> None:
    for tag, attrs in parse(html):
        assert tag in ALLOWED_TAGS, (tag, html)
        assert tag not in DANGEROUS_TAGS
        for name, value in attrs.items():
            assert not name.startswith("on"), (name, html)
            assert name in ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel", "class"}, html
            if name == "href":
                assert url_scheme(value) in {None, "http", "https", "mailto"}, value
                assert attrs.get("rel") == LINK_REL
            if name == "class":
                assert value == "ln-mention"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_markdown_and_html_render_inert(hostile):
    html = render_markdown(hostile)

    assert_inert(html)
    assert "javascript:" not in html.lower()
    assert "data:" not in html.lower() or "data:" in re.sub(r"<[^>]*>", "", html)


def test_markdown_renders_the_allowed_formatting():
    html = render_markdown("**bold** and *it*\n\n> quoted\n\n- one\n- two\n\n`code`")

    assert "<strong>bold</strong>" in html
    assert "<em>it</em>" in html
    assert "<blockquote>" in html
    assert "<li>one</li>" in html
    assert "<code>code</code>" in html


def test_links_are_marked_nofollow_noopener():
    html = render_markdown("[guidance](https://www.college.police.uk/app)")

    assert (
        '<a href="https://www.college.police.uk/app" rel="nofollow noopener">guidance</a>'
        in html
    )


def test_a_mention_is_marked_up():
    html = render_markdown("Thanks @[DC Sam Patel], that helped.")

    assert '<span class="ln-mention">@DC Sam Patel</span>' in html


def test_a_quote_attributes_the_author_and_quotes_every_line():
    quoted = quote_markdown(author_name="DS Jo Clarke", body="Line one\n\nLine two")

    assert quoted.startswith("> **DS Jo Clarke wrote:**")
    assert "> Line one\n>\n> Line two" in quoted


# --- Property-based: whatever text comes in, nothing executable comes out ----------

FRAGMENTS = st.sampled_from(
    [
        "<",
        ">",
        "<script>",
        "</script>",
        "<img",
        " src=x",
        " onerror=alert(1)",
        "javascript:",
        "JaVaScRiPt:",
        "data:text/html,",
        "&#106;",
        "&#x6A;",
        "[x](",
        ")",
        "](",
        '"',
        "'",
        "`",
        "```",
        "\n",
        "> ",
        "<a href=",
        "<svg",
        "onload=",
        "<style>",
        "@[",
        "]",
        "<!--",
        "-->",
        "&",
        ";",
        "=",
        " ",
        "vbscript:",
    ]
)
HOSTILE_TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=40).map(
    "".join
)


@settings(max_examples=300, deadline=None)
@given(HOSTILE_TEXT)
def test_any_text_renders_to_allowlisted_markup_only(text):
    assert_inert(render_markdown(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_renders_without_error_and_inert(text):
    assert_inert(render_markdown(text))


@settings(max_examples=200, deadline=None)
@given(HOSTILE_TEXT)
def test_rendering_is_stable_when_the_output_is_sanitised_again(text):
    from forums.rendering import sanitise_html

    html = render_markdown(text)

    assert sanitise_html(html) == html
