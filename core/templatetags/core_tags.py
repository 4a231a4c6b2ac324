from django import template
from django.utils.safestring import mark_safe

from core.generations import versioned
from core.messages import undo_url_of
from core.urls_fast import reverse_pk

register = template.Library()

FRAGMENT_TTL = 60 * 60


@register.simple_tag
def pk_url(name: str, pk) -> str:
    """``{% pk_url "forums:post_edit" post.pk %}``: ``{% url %}`` for a URL whose one
    argument is an integer key, without a full reverse each time (long lists)."""
    return reverse_pk(name, pk)


@register.simple_tag
def page_numbers(page_obj) -> list[dict | None]:
    """The pages a pagination bar links to, None for a gap: the first and last pages
    and two each side of the current one, each as {"number": "4", "current": bool}."""
    paginator = page_obj.paginator
    numbers = paginator.get_elided_page_range(
        page_obj.number, on_each_side=2, on_ends=1
    )
    return [
        None
        if n == paginator.ELLIPSIS
        else {"number": str(n), "current": n == page_obj.number}
        for n in numbers
    ]


@register.simple_tag
def page_breadcrumbs(page):
    """The page's ancestors from the home page down, as (title, url) crumbs. One query."""
    if page is None or page.depth <= 2:
        return []
    ancestors = page.get_ancestors().filter(depth__gte=2).specific(defer=True)
    return [
        {"title": "Home" if a.depth == 2 else a.title, "url": a.url} for a in ancestors
    ]


WIDGET_KINDS = {
    "checkboxinput": "checkbox",
    "select": "select",
    "selectmultiple": "select",
    "textarea": "textarea",
    "radioselect": "radio",
    "checkboxselectmultiple": "checkboxes",
}
WIDGET_CLASSES = {
    "checkbox": "govuk-checkboxes__input",
    "select": "govuk-select",
    "textarea": "govuk-textarea",
    "input": "govuk-input",
}


@register.filter
def widget_type(bound_field) -> str:
    """'checkbox', 'select', 'textarea' or 'input': which GOV.UK pattern a field uses."""
    name = type(bound_field.field.widget).__name__.lower()
    return WIDGET_KINDS.get(name, "input")


@register.filter
def error_target(bound_field) -> str:
    """The id an error summary links to: the field's, or for radios and checkboxes
    (whose label has no ``for`` since Django 4) their first option's (GOV.UK)."""
    if bound_field.id_for_label:
        return bound_field.id_for_label
    options = bound_field.subwidgets
    return options[0].id_for_label if options else bound_field.auto_id


@register.simple_tag
def field_widget(bound_field, css_class: str = ""):
    """Render a field's widget with GOV.UK classes and aria-describedby for its hint and
    error, so a screen reader announces both."""
    kind = widget_type(bound_field)
    classes = [css_class or WIDGET_CLASSES[kind]]
    if bound_field.errors and kind != "checkbox":
        classes.append(f"{WIDGET_CLASSES[kind]}--error")
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-error")
    attrs = {"class": " ".join(classes)}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(attrs=attrs)


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, key, name):
        self.nodelist, self.key, self.name = nodelist, key, name

    def render(self, context):
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        html = versioned(
            f"ln:fragment:{self.name}:{key}",
            lambda: str(self.nodelist.render(context)),
            FRAGMENT_TTL,
        )
        return mark_safe(html)


@register.tag
def cached_fragment(parser, token):
    """``{% cached_fragment key "name" %}…{% endcached_fragment %}``: the block's HTML
    from the cache under ``key`` (the view's, naming everything the block shows), or
    rendered and stored; rendered every time when ``key`` is empty (a preview)."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError("cached_fragment takes a key and a name")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist, parser.compile_filter(bits[1]), bits[2].strip("\"'")
    )


@register.filter
def undo_url(message) -> str:
    """Where a success message's Undo button posts (core.messages.success_with_undo)."""
    return undo_url_of(message)
