"""Views parse input, ask selectors and services, and render. Guidance page views are
reached through GuidancePage's RoutablePageMixin routes (models.py), the index through
GuidanceIndexPage.serve; Wagtail only routes to live pages, and every view checks the
one visibility rule again."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST

from core.models import Theme
from core.selectors import user_follows

from .diff import collapse_unchanged, diff_counts, diff_pages
from .forms import CompareForm, DateForm, FeedbackForm
from .fragments import body_cache_key
from .permissions import check_follow_permission, check_view_guidance_permission
from .selectors import (
    guidance_index_facets,
    guidance_list_filtered,
    guidance_list_visible_to,
    guidance_version_get,
    guidance_version_on,
    guidance_versions,
)
from .services import (
    guidance_as_it_stood_on_record,
    guidance_feedback_create,
    guidance_follow_set,
)

GUIDANCE_PER_PAGE = 20
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
FEEDBACK_THANKS = "Thank you. Your feedback has been sent to the guidance editors."
FOLLOWING = "You are following {name}. We will tell you about major changes."
NOT_FOLLOWING = "You no longer follow {name}."


def guidance_index(request, index_page):
    theme = request.GET.get("theme", "")
    audience = request.GET.get("audience", "")
    letter = request.GET.get("letter", "").upper()[:1]
    facets = guidance_index_facets(request.user)
    theme_obj = next((t for t in facets["themes"] if t.slug == theme), None)
    audience_obj = next((a for a in facets["audiences"] if a.slug == audience), None)
    if letter not in LETTERS:
        letter = ""
    pages = guidance_list_filtered(
        request.user,
        theme=theme_obj.slug if theme_obj else "",
        audience=audience_obj.slug if audience_obj else "",
        letter=letter,
    )
    page_obj = Paginator(pages, GUIDANCE_PER_PAGE).get_page(request.GET.get("page"))
    filters = {
        key: value
        for key, value in (
            ("theme", theme_obj.slug if theme_obj else ""),
            ("audience", audience_obj.slug if audience_obj else ""),
            ("letter", letter),
        )
        if value
    }
    return TemplateResponse(
        request,
        "guidance/guidance_index_page.html",
        {
            "page": index_page,
            "page_obj": page_obj,
            "themes": facets["themes"],
            "audiences": facets["audiences"],
            "letters": [(c, facets["letters"].get(c, 0)) for c in LETTERS],
            "theme": theme_obj,
            "audience": audience_obj,
            "letter": letter,
            "filters": filters,
            "page_query": urlencode(filters),
        },
    )


def _related(request, shown_page):
    """The related guidance the editor chose for the version shown, in their order,
    leaving out any the reader may not see (or that is no longer published)."""
    ids = list(
        dict.fromkeys(
            link.target_id
            for link in shown_page.related_links.all()
            if link.target_id != shown_page.pk
        )
    )
    if not ids:
        return []
    visible = guidance_list_visible_to(request.user).in_bulk(ids)
    return [visible[pk] for pk in ids if pk in visible]


def _page_context(request, page, *, shown_page, version, current_version, **extra):
    """What the guidance page template shows. Everything the cached body holds is
    lazy, so a cached page reads none of it."""
    context = {
        "page": shown_page,
        "live_page": page,
        "version": version,
        "current_version": current_version,
        "is_superseded": version is not None
        and current_version is not None
        and version.pk != current_version.pk,
        "themes": shown_page.themes.all(),
        "audiences": shown_page.audiences.all(),
        "related": SimpleLazyObject(lambda: _related(request, shown_page)),
        "printed_on": timezone.localdate(),
    }
    context.update(extra)
    return context


def guidance_detail(request, page, *, feedback_form=None, status=200):
    # Editors preview drafts through the admin (Wagtail sets is_preview); readers never.
    if not getattr(request, "is_preview", False):
        check_view_guidance_permission(request.user, page)
    version = SimpleLazyObject(lambda: page.current_version)
    cache_key = body_cache_key(request, page)
    context = _page_context(
        request,
        page,
        shown_page=page,
        version=version,
        current_version=None,  # the version shown is the current one
        following=user_follows(request.user, page),
        feedback_form=feedback_form or FeedbackForm(),
        body_cache_key=cache_key,
        # An empty feedback form's fields are the same for every reader; a form
        # sent back with errors shows what its sender typed, so is never kept.
        feedback_fields_key="" if feedback_form is not None else cache_key,
    )
    return TemplateResponse(
        request, "guidance/guidance_page.html", context, status=status
    )


def guidance_history(request, page):
    check_view_guidance_permission(request.user, page)
    versions = list(guidance_versions(page))
    current = page.current_version
    for index, version in enumerate(versions):
        version.page = page  # one page object for every link: no query per row
        older = versions[index + 1] if index + 1 < len(versions) else None
        version.compare_link = version.compare_url(previous=older) if older else None
    return TemplateResponse(
        request,
        "guidance/guidance_history.html",
        {"page": page, "versions": versions, "current_version": current},
    )


def guidance_version_detail(request, page, number):
    check_view_guidance_permission(request.user, page)
    version = guidance_version_get(page, number)
    if version is None:
        raise Http404
    current = page.current_version
    context = _page_context(
        request,
        page,
        shown_page=version.revision.as_object(),
        version=version,
        current_version=current,
        read_only=True,
    )
    return TemplateResponse(request, "guidance/guidance_page.html", context)


def guidance_compare(request, page):
    check_view_guidance_permission(request.user, page)
    versions = list(guidance_versions(page).select_related("revision"))
    by_number = {v.number: v for v in versions}
    numbers = [v.number for v in reversed(versions)]
    data = None
    if "from" in request.GET or "to" in request.GET:
        data = {
            "from_version": request.GET.get("from", ""),
            "to_version": request.GET.get("to", ""),
        }
    elif len(versions) >= 2:
        data = {"from_version": versions[1].number, "to_version": versions[0].number}
    form = CompareForm(data, numbers=numbers)
    context = {"page": page, "form": form, "versions": versions, "lines": None}
    status = 200
    if data is not None:
        if form.is_valid():
            old = by_number[form.cleaned_data["from_version"]]
            new = by_number[form.cleaned_data["to_version"]]
            lines = diff_pages(old.revision.as_object(), new.revision.as_object())
            context.update(
                old=old,
                new=new,
                lines=lines,
                shown=collapse_unchanged(lines),
                counts=diff_counts(lines),
            )
        else:
            status = 400
    return TemplateResponse(
        request, "guidance/guidance_compare.html", context, status=status
    )


def guidance_as_it_stood_on(request, page):
    check_view_guidance_permission(request.user, page)
    submitted = any(key in request.GET for key in ("day", "month", "year"))
    form = DateForm(request.GET if submitted else None)
    context = {"page": page, "form": form, "live_page": page}
    if not submitted:
        return TemplateResponse(
            request, "guidance/guidance_as_it_stood_on.html", context
        )
    if not form.is_valid():
        return TemplateResponse(
            request, "guidance/guidance_as_it_stood_on.html", context, status=400
        )
    date = form.cleaned_data["date"]
    version = guidance_version_on(page, date)
    guidance_as_it_stood_on_record(
        page=page, date=date, version=version, request=request
    )
    first = guidance_versions(page).order_by("published_at", "id").first()
    context.update(
        date=date,
        version=version,
        first_version=first,
        before_first=first is None
        or date < timezone.localtime(first.published_at).date(),
    )
    if version is not None:
        context.update(
            _page_context(
                request,
                page,
                shown_page=version.revision.as_object(),
                version=version,
                current_version=page.current_version,
                read_only=True,
                stood_on=date,
            )
        )
        context["form"] = form
    return TemplateResponse(request, "guidance/guidance_as_it_stood_on.html", context)


def guidance_follow(request, page):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    check_follow_permission(request.user)
    check_view_guidance_permission(request.user, page)
    follow = request.POST.get("follow") == "1"
    guidance_follow_set(user=request.user, target=page, follow=follow)
    messages.success(
        request, (FOLLOWING if follow else NOT_FOLLOWING).format(name=page.title)
    )
    return redirect(page.url)


def guidance_feedback(request, page):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    check_view_guidance_permission(request.user, page)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return guidance_detail(request, page, feedback_form=form, status=400)
    guidance_feedback_create(
        page=page,
        user=request.user,
        useful=form.cleaned_data["useful"],
        comment=form.cleaned_data["comment"],
    )
    messages.success(request, FEEDBACK_THANKS)
    return redirect(page.url + "#feedback")


@require_POST
def theme_follow(request, slug):
    check_follow_permission(request.user)
    theme = get_object_or_404(Theme, slug=slug)
    follow = request.POST.get("follow") == "1"
    guidance_follow_set(user=request.user, target=theme, follow=follow)
    messages.success(
        request, (FOLLOWING if follow else NOT_FOLLOWING).format(name=theme.name)
    )
    return redirect("theme_detail", slug=theme.slug)
