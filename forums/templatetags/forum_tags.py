from django import template
from django.utils.safestring import mark_safe

from core.generations import versioned
from forums.generations import TTL
from forums.thread_cache import post_render_key

register = template.Library()

POST_TEMPLATE = "forums/includes/post.html"
# Stands for the reader's CSRF token in a kept post. No stored text holds a NUL
# (PostgreSQL's text cannot, and core.middleware.RefuseNulBytesMiddleware refuses one in
# every request), so nothing a user wrote can be mistaken for it.
CSRF_HOLE = "\x00csrf-token\x00"


@register.simple_tag(takes_context=True)
def thread_post(context, post, as_answer=False):
    """``{% thread_post post %}``: one post on the thread page for this reader
    (``reader``, a forums.thread_cache.PostReader, in the context): kept in the cache
    by the post's ``render_key`` and what the reader may do with it."""
    facts = context["reader"].facts(post, as_answer=as_answer)
    post_template = context.template.engine.get_template(POST_TEMPLATE)
    token = str(context.get("csrf_token", ""))

    def render(csrf_token) -> str:
        values = {"post": post, "thread": context["thread"], **facts}
        return str(
            post_template.render(context.new({**values, "csrf_token": csrf_token}))
        )

    key = post_render_key(post, facts)
    if key is None:
        return mark_safe(render(token))
    return mark_safe(
        versioned(key, lambda: render(CSRF_HOLE), TTL).replace(CSRF_HOLE, token)
    )
