"""Views parse input, ask forums.selectors for what the user may see (404 otherwise),
call one service to write, and render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from core.hooks import GUIDANCE_SUGGESTION_CREATE, content_source, single_hook
from core.selectors import user_follows
from core.services import follow_create, follow_delete

from . import permissions, selectors, thread_cache
from .case_safety import highlight
from .forms import (
    AnswerForm,
    EditPostForm,
    PostForm,
    RedactForm,
    ReportForm,
    SuggestGuidanceForm,
    ThreadForm,
)
from .rendering import quote_markdown, render_markdown
from .services import moderation, posting, redaction

THREADS_PER_PAGE = 20
POSTS_PER_PAGE = 15
THREAD_STARTED = "Your thread is posted."
REPLY_POSTED = "Your reply is posted."
POST_UPDATED = "Your changes are saved."
FOLLOWING = "You are following {name}. You will be notified of new posts."
UNFOLLOWED = "You no longer follow {name}."
ANSWER_MARKED = "The reply is marked as the answer."
ANSWER_CLEARED = "The thread no longer has a marked answer."


def _category_or_404(request, slug):
    return get_object_or_404(
        selectors.category_list_visible_to(request.user).select_related(
            "theme", "force"
        ),
        slug=slug,
    )


def _thread_or_404(request, pk):
    return get_object_or_404(
        selectors.thread_list_with_answer(request.user).select_related(
            "category", "author"
        ),
        pk=pk,
    )


def _post_or_404(request, pk):
    return get_object_or_404(
        selectors.post_list_visible_to(request.user).select_related(
            "thread", "thread__category", "author"
        ),
        pk=pk,
    )


# --- Reading -----------------------------------------------------------------------


def forum_index(request):
    """Every category the user may see, grouped (national by theme, their force's,
    role-restricted), with counts, last activity and unread markers."""
    categories = list(
        selectors.category_list_visible_to(request.user)
        .select_related("theme", "force")
        .prefetch_related("roles")
        .order_by("force__name", "theme__position", "position", "name")
    )
    stats = selectors.category_stats_for(request.user, categories)
    groups: dict[tuple, list] = {}
    for category in categories:
        groups.setdefault(_group_of(category), []).append(
            {"category": category, **stats[category.pk]}
        )
    return TemplateResponse(
        request,
        "forums/forum_index.html",
        {
            "groups": [(label, rows) for (_, label), rows in sorted(groups.items())],
            "latest": selectors.latest_threads_for(request.user, limit=8),
        },
    )


def _group_of(category) -> tuple[int, str]:
    """Where the index lists a category: national first, then role-restricted, then
    force-private ones."""
    if category.force_id:
        return (2, f"{category.force.name}: private to the force")
    if category.roles.all():
        return (1, "Role-restricted")
    return (0, "National")


def category_detail(request, slug):
    category = _category_or_404(request, slug)
    threads = selectors.thread_list_with_activity(
        request.user,
        selectors.thread_list_visible_to(request.user).filter(category=category),
    ).order_by("-is_pinned", "-last_post_at", "-id")
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "forums/category_detail.html",
        {
            "category": category,
            "page_obj": page,
            "following": user_follows(request.user, category),
        },
    )


def thread_detail(request, pk):
    thread = get_object_or_404(selectors.thread_for_reading(request.user), pk=pk)
    page, page_posts = thread_cache.page_of_posts(
        request.user, thread, request.GET.get("page"), POSTS_PER_PAGE
    )
    read_at = thread.read_at
    answer = thread_cache.shown_answer(request.user, thread)
    opening = page_posts[0] if page_posts else None
    question = (
        opening
        if opening and opening.pk == thread_cache.opening_post_id(thread)
        else None
    )
    unread_ids = frozenset(
        p.pk for p in page_posts if read_at is None or p.created_at > read_at
    )
    can_reply = permissions.can(
        permissions.check_reply_thread_permission, request.user, thread
    )
    is_moderator = selectors.user_moderates(request.user, thread.category)
    reader = thread_cache.PostReader(
        user_pk=request.user.pk,
        question_pk=question.pk if question else None,
        answer_pk=thread.answer_id,
        can_reply=can_reply,
        can_mark_answer=permissions.can(
            permissions.check_mark_answer_permission, request.user, thread
        ),
        is_moderator=is_moderator,
        helpful_ids=frozenset(selectors.helpful_post_ids_for(request.user, page_posts)),
        editable_ids=frozenset(
            p.pk
            for p in page_posts
            if permissions.can(permissions.check_edit_post_permission, request.user, p)
        ),
        unread_ids=unread_ids,
    )
    posting.thread_mark_read(user=request.user, thread=thread, read_at=read_at)
    return TemplateResponse(
        request,
        "forums/thread_detail.html",
        {
            "thread": thread,
            "category": thread.category,
            "page_obj": page,
            "posts": page_posts,
            "answer": answer,
            "question": question,
            "reader": reader,
            "unread_ids": unread_ids,
            "can_reply": can_reply,
            "following": user_follows(request.user, thread),
            "can_suggest_guidance": permissions.can(
                permissions.check_suggest_guidance_permission, request.user, thread
            ),
            "is_moderator": is_moderator,
            "suspension": selectors.active_suspension_for(request.user),
            "form": PostForm(),
            # The empty reply box is the same on every thread page: kept once.
            "reply_field_key": "empty",
        },
    )


def _post_url(request, post) -> str:
    """The thread page that holds ``post``, anchored at it."""
    earlier = (
        selectors.post_list_visible_to(request.user)
        .filter(thread_id=post.thread_id)
        .filter(
            Q(created_at__lt=post.created_at)
            | Q(created_at=post.created_at, id__lt=post.pk)
        )
        .count()
    )
    page = earlier // POSTS_PER_PAGE + 1
    url = reverse("forums:thread", args=[post.thread_id])
    query = f"?page={page}" if page > 1 else ""
    return f"{url}{query}#post-{post.pk}"


def post_detail(request, pk):
    return HttpResponseRedirect(_post_url(request, _post_or_404(request, pk)))


def thread_first_unread(request, pk):
    """Go to the first post the user has not read (or the last post)."""
    thread = _thread_or_404(request, pk)
    posts = selectors.post_list_visible_to(request.user).filter(thread=thread)
    read_at = selectors.thread_read_at(request.user, thread)
    post = None
    if read_at is not None:
        post = posts.filter(created_at__gt=read_at).order_by("created_at", "id").first()
    if post is None and read_at is None:
        post = posts.order_by("created_at", "id").first()
    if post is None:
        post = posts.order_by("-created_at", "-id").first()
    if post is None:
        return redirect(thread)
    return HttpResponseRedirect(_post_url(request, post))


# --- Writing -----------------------------------------------------------------------


def _findings_context(error, form_data) -> dict:
    fields = {"title": "Title", "body": "Post"}
    explained = {}  # each kind once, in the order the author meets it
    for items in error.findings.values():
        for finding in items:
            explained.setdefault(finding.kind, (finding.label, finding.explanation))
    return {
        "findings": [
            {
                "field": fields[name],
                "items": items,
                "highlighted": highlight(form_data.get(name, "").strip(), items),
            }
            for name, items in error.findings.items()
        ],
        "explained_kinds": list(explained.values()),
    }


def _handle_write(request, *, form_class, save, template, context, initial=None):
    """The shared shape of starting a thread, replying and editing: preview, the
    case-safety check (highlight, then edit or confirm), errors with the text kept."""
    context = {**context, "suspension": selectors.active_suspension_for(request.user)}
    if request.method != "POST":
        form = form_class(initial=initial)
        return TemplateResponse(request, template, {**context, "form": form})
    form = form_class(request.POST)
    extra = {}
    status = 200
    if not form.is_valid():
        status = 400
    elif request.POST.get("action") == "preview":
        extra["preview_html"] = render_markdown(form.cleaned_data["body"])
    else:
        try:
            return save(form)
        except posting.PostingTooFast as error:
            form.add_error(None, str(error))
            status = 429
        except PermissionDenied as error:
            form.add_error(None, str(error))
            status = 403
        except posting.IdentifyingDetailsFound as error:
            data = request.POST.copy()
            data["findings_digest"] = error.digest
            data.pop("confirm_findings", None)
            form = form_class(data)
            form.is_valid()
            extra.update(_findings_context(error, data))
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            status = 400
    return TemplateResponse(
        request, template, {**context, **extra, "form": form}, status=status
    )


@require_http_methods(["GET", "POST"])
def thread_create(request, slug):
    category = _category_or_404(request, slug)

    def save(form):
        thread = posting.thread_create(
            author=request.user,
            category=category,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            confirmed_digest=form.confirmed_digest(),
        )
        messages.success(
            request, posting.HELD_FOR_APPROVAL if thread.held_at else THREAD_STARTED
        )
        return redirect(thread)

    return _handle_write(
        request,
        form_class=ThreadForm,
        save=save,
        template="forums/thread_form.html",
        context={"category": category, "draft_key": f"thread:{category.pk}"},
    )


@require_http_methods(["GET", "POST"])
def post_create(request, pk):
    thread = _thread_or_404(request, pk)
    permissions.check_reply_thread_permission(request.user, thread)
    initial = None
    quote_id = request.GET.get("quote", "")
    if quote_id.isdigit():
        quoted = get_object_or_404(
            selectors.post_list_visible_to(request.user).select_related("author"),
            pk=quote_id,
            thread=thread,
        )
        quoted.thread = thread
        initial = {
            "body": quote_markdown(author_name=quoted.shown_author, body=quoted.body)
        }

    def save(form):
        post = posting.post_create(
            author=request.user,
            thread=thread,
            body=form.cleaned_data["body"],
            confirmed_digest=form.confirmed_digest(),
        )
        messages.success(
            request, posting.HELD_FOR_APPROVAL if post.held_at else REPLY_POSTED
        )
        return HttpResponseRedirect(_post_url(request, post))

    return _handle_write(
        request,
        form_class=PostForm,
        save=save,
        template="forums/post_form.html",
        context={
            "thread": thread,
            "category": thread.category,
            "draft_key": f"reply:{thread.pk}",
        },
        initial=initial,
    )


@require_http_methods(["GET", "POST"])
def post_edit(request, pk):
    post = _post_or_404(request, pk)
    permissions.check_edit_post_permission(request.user, post)

    def save(form):
        posting.post_update(
            editor=request.user,
            post=post,
            body=form.cleaned_data["body"],
            confirmed_digest=form.confirmed_digest(),
        )
        messages.success(
            request, posting.HELD_FOR_APPROVAL if post.held_at else POST_UPDATED
        )
        return HttpResponseRedirect(_post_url(request, post))

    return _handle_write(
        request,
        form_class=EditPostForm,
        save=save,
        template="forums/post_edit.html",
        context={
            "post": post,
            "thread": post.thread,
            "category": post.thread.category,
            "draft_key": f"edit:{post.pk}",
        },
        initial={"body": post.body},
    )


@require_POST
def post_helpful(request, pk):
    post = _post_or_404(request, pk)
    posting.post_helpful_toggle(user=request.user, post=post)
    return HttpResponseRedirect(_post_url(request, post))


@require_POST
def thread_answer(request, pk):
    thread = _thread_or_404(request, pk)
    form = AnswerForm(request.POST)
    post = None
    if form.is_valid() and form.cleaned_data["post"]:
        post = get_object_or_404(
            selectors.post_list_visible_to(request.user),
            pk=form.cleaned_data["post"],
            thread=thread,
        )
    posting.thread_answer_set(user=request.user, thread=thread, post=post)
    messages.success(request, ANSWER_MARKED if post else ANSWER_CLEARED)
    return redirect(thread)


def _toggle_follow(request, target, name):
    if request.POST.get("follow") == "1":
        follow_create(user=request.user, target=target)
        messages.success(request, FOLLOWING.format(name=name))
    else:
        follow_delete(user=request.user, target=target)
        messages.success(request, UNFOLLOWED.format(name=name))
    return redirect(target)


@require_POST
def thread_follow(request, pk):
    thread = _thread_or_404(request, pk)
    return _toggle_follow(request, thread, f"“{thread.title}”")


@require_POST
def category_follow(request, slug):
    category = _category_or_404(request, slug)
    return _toggle_follow(request, category, category.name)


def _form_action(request, *, form, act, template, context):
    """The shape of a one-form action (report, redact, send to guidance): a valid POST
    runs ``act(cleaned_data)``, which returns the success message and the URL to go
    to; a ValidationError from the service lands on the form's fields; any error
    answers 400 with what was typed kept."""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                message, next_url = act(form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, message)
                return HttpResponseRedirect(next_url)
        status = 400
    return TemplateResponse(request, template, {"form": form, **context}, status=status)


def _post_context(post) -> dict:
    return {"post": post, "thread": post.thread, "category": post.thread.category}


REPORT_SENT = "Thank you. A moderator will look at the post."


@require_http_methods(["GET", "POST"])
def post_report(request, pk):
    post = _post_or_404(request, pk)

    def report(data):
        moderation.post_report_create(
            reporter=request.user,
            post=post,
            reason=data["reason"],
            details=data["details"],
        )
        return REPORT_SENT, _post_url(request, post)

    return _form_action(
        request,
        form=ReportForm(request.POST or None),
        act=report,
        template="forums/post_report.html",
        context=_post_context(post),
    )


REDACTED_DONE = (
    "The text is removed from the post, its history, quotes of it, the thread title, "
    "notifications and search."
)
QUEUE_ITEMS_CLOSED = (
    " Its open reports and confirmed case-safety findings are closed as dealt with."
)


@require_http_methods(["GET", "POST"])
def post_redact(request, pk):
    """Authors and moderators remove identifying text from a post, its history, quotes
    of it and the thread title (redaction.post_redact)."""
    post = _post_or_404(request, pk)
    permissions.check_redact_post_permission(request.user, post)

    moderates = selectors.user_moderates(request.user, post.thread.category)

    def redact(data):
        redaction.post_redact(
            actor=request.user, post=post, text=data["text"], request=request
        )
        if not moderates:
            return REDACTED_DONE, _post_url(request, post)
        from_queue = request.GET.get("next") == "queue"
        return REDACTED_DONE + QUEUE_ITEMS_CLOSED, (
            reverse("moderation:queue") if from_queue else _post_url(request, post)
        )

    return _form_action(
        request,
        form=RedactForm(request.POST or None),
        act=redact,
        template="forums/post_redact.html",
        context=_post_context(post),
    )


SUGGESTION_SENT = "The thread has been sent to the owner of “{page}”."


@require_http_methods(["GET", "POST"])
def thread_suggest_guidance(request, pk):
    """A moderator or guidance editor sends an answered thread to a guidance owner:
    the pages are the "guidance" content source's, the sending is guidance's own
    service, both through core.hooks."""
    thread = _thread_or_404(request, pk)
    permissions.check_suggest_guidance_permission(request.user, thread)
    pages = content_source("guidance").visible_to(request.user).order_by("title")
    suggestion_create = single_hook(GUIDANCE_SUGGESTION_CREATE)

    def suggest(data):
        suggestion_create(
            page=data["page"],
            title=thread.title,
            source_url=thread.get_absolute_url(),
            note=data["note"],
            suggested_by=request.user,
        )
        return SUGGESTION_SENT.format(
            page=data["page"].title
        ), thread.get_absolute_url()

    return _form_action(
        request,
        form=SuggestGuidanceForm(request.POST or None, pages=pages),
        act=suggest,
        template="forums/thread_suggest_guidance.html",
        context={"thread": thread, "category": thread.category},
    )
