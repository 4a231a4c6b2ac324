"""Moderators' pages: the queue, a post's edit history and the actions on posts and
threads. Served under /moderation/, where staff must have enrolled MFA
(settings.STAFF_MFA_REQUIRED_PREFIXES); everyone else gets a 404."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from core.base_forms import SiteForm, SiteModelForm
from core.messages import success_with_undo

from . import permissions, selectors
from .models import (
    FORMER_MEMBER,
    CaseSafetyFlag,
    Category,
    Post,
    PostReport,
    Thread,
    WatchedWord,
    WatchedWordFlag,
)
from .services import moderation

QUEUE_PER_PAGE = 20
POST_HIDDEN = "The post is hidden ({reason}). Moderators can still see it."
POST_RESTORED = "The post is visible again."
REPORT_DISMISSED = "The report is closed with no action."
FLAG_REVIEWED = "Marked as reviewed: the post stays up."
THREAD_DONE = {
    "lock": "The thread is locked.",
    "unlock": "The thread is open for replies again.",
    "pin": "The thread is pinned to the top of its category.",
    "unpin": "The thread is no longer pinned.",
}


class QueueFilterForm(SiteForm):
    source = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("", "Everything"), *selectors.QUEUE_SOURCES.items()],
    )


def _from_queue(request) -> bool:
    """Whether the action started in the queue (``next=queue`` in the form or the
    address), so that it goes back there."""
    return "queue" in (request.POST.get("next"), request.GET.get("next"))


def _back(request, fallback):
    """Back to the queue if the action came from there, else to ``fallback``."""
    if _from_queue(request):
        return redirect("moderation:queue")
    return redirect(fallback)


@require_GET
def queue(request):
    permissions.check_moderate_permission(request.user)
    form = QueueFilterForm(request.GET)
    source = form.cleaned_data["source"] if form.is_valid() else ""
    page = Paginator(
        selectors.moderation_queue(source=source, user=request.user), QUEUE_PER_PAGE
    ).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "forums/moderation_queue.html",
        {
            "form": form,
            "page_obj": page,
            "extra": f"source={source}" if source else "",
        },
    )


@require_GET
def post_history(request, pk):
    permissions.check_moderate_permission(request.user)
    post = get_object_or_404(
        Post.objects.select_related("author", "thread", "thread__category"), pk=pk
    )
    revisions = list(selectors.post_revisions(post))
    for revision in revisions:
        # In an anonymous category the author's own edits stay anonymous here too.
        if revision.edited_by_id == post.author_id:
            revision.shown_editor = post.shown_author
        else:
            revision.shown_editor = str(revision.edited_by or FORMER_MEMBER)
    return TemplateResponse(
        request, "forums/post_history.html", {"post": post, "revisions": revisions}
    )


class RevealForm(SiteForm):
    reason = forms.CharField(
        label="Why do you need to know who wrote this?",
        help_text="Recorded in the audit log, e.g. 'Safeguarding concern: the post "
        "describes a risk to the officer.'",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason for revealing the author."},
    )


@require_http_methods(["GET", "POST"])
def post_reveal(request, pk):
    """Show who wrote an anonymous post, after recording why in the audit log."""
    permissions.check_moderate_permission(request.user)
    post = get_object_or_404(
        Post.objects.select_related("author", "author__force", "thread__category"),
        pk=pk,
        thread__category__is_anonymous=True,
    )
    form = RevealForm(request.POST or None)
    revealed = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            revealed = moderation.post_author_reveal(
                moderator=request.user,
                post=post,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        else:
            status = 400
    return TemplateResponse(
        request,
        "forums/moderation_reveal.html",
        {"form": form, "post": post, "revealed": revealed},
        status=status,
    )


class HideForm(SiteForm):
    reason = forms.ChoiceField(
        label="Why are you hiding this post?",
        choices=Post.HideReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": moderation.HIDE_REASON_MISSING,
            "invalid_choice": moderation.HIDE_REASON_MISSING,
        },
    )
    note = forms.CharField(
        label="Note for other moderators (optional)",
        help_text="Shown to moderators on the post and kept in the audit log, e.g. "
        "'Second warning about case details.' Do not repeat identifying details.",
        required=False,
        max_length=moderation.HIDE_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _moderated_post_or_404(request, pk):
    """A post the user moderates: 404 for anyone who moderates nothing, 403 for a
    moderator scoped to other categories."""
    permissions.check_moderate_permission(request.user)
    post = get_object_or_404(
        Post.objects.select_related("author", "thread", "thread__category"), pk=pk
    )
    permissions.check_moderate_permission(request.user, post.thread.category)
    return post


@require_http_methods(["GET", "POST"])
def post_hide(request, pk):
    """Hide a post for a reason; the success message offers to undo it."""
    post = _moderated_post_or_404(request, pk)
    form = HideForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            moderation.post_hide(
                moderator=request.user,
                post=post,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
                request=request,
            )
            undo_url = reverse("moderation:post_restore", args=[post.pk])
            success_with_undo(
                request,
                POST_HIDDEN.format(reason=post.get_hidden_reason_display()),
                undo_url=f"{undo_url}?next=queue" if _from_queue(request) else undo_url,
            )
            return _back(request, post)
        status = 400
    return TemplateResponse(
        request,
        "forums/moderation_hide.html",
        {"form": form, "post": post, "from_queue": _from_queue(request)},
        status=status,
    )


@require_POST
def post_restore(request, pk):
    """Unhide a post: the Unhide button on the post and the Undo in the message."""
    post = _moderated_post_or_404(request, pk)
    moderation.post_restore(moderator=request.user, post=post, request=request)
    messages.success(request, POST_RESTORED)
    return _back(request, post)


@require_POST
def report_dismiss(request, pk):
    permissions.check_moderate_permission(request.user)
    report = get_object_or_404(
        PostReport.objects.select_related("post"), pk=pk, resolved_at__isnull=True
    )
    moderation.report_dismiss(moderator=request.user, report=report, request=request)
    messages.success(request, REPORT_DISMISSED)
    return redirect("moderation:queue")


@require_POST
def flag_review(request, pk):
    permissions.check_moderate_permission(request.user)
    flag = get_object_or_404(
        CaseSafetyFlag.objects.select_related("post"), pk=pk, reviewed_at__isnull=True
    )
    moderation.case_safety_flag_review(
        moderator=request.user, flag=flag, request=request
    )
    messages.success(request, FLAG_REVIEWED)
    return redirect("moderation:queue")


@require_POST
def thread_moderate(request, pk, action):
    permissions.check_moderate_permission(request.user)
    if action not in moderation.THREAD_ACTIONS:
        raise Http404("No such action.")
    thread = get_object_or_404(Thread, pk=pk)
    moderation.thread_moderate(
        moderator=request.user, thread=thread, action=action, request=request
    )
    messages.success(request, THREAD_DONE[action])
    return redirect(thread)


class SuspendForm(SiteForm):
    days = forms.TypedChoiceField(
        label="How long",
        coerce=int,
        choices=[
            (d, f"{d} day{'s' if d > 1 else ''}") for d in moderation.SUSPENSION_DAYS
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how long the suspension lasts."},
    )
    reason = forms.CharField(
        label="Reason the officer will see",
        help_text="e.g. 'Posted details that identify a victim after a warning.'",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason the officer will see."},
    )


USER_SUSPENDED = "{name} cannot post until {until:%-d %B %Y}."
SUSPENSION_LIFTED = "{name} can post again."


@require_http_methods(["GET", "POST"])
def user_suspend(request, pk):
    permissions.check_moderate_permission(request.user)
    member = get_object_or_404(get_user_model(), pk=pk, is_active=True)
    form = SuspendForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if request.POST.get("lift") == "1":
            moderation.user_suspension_lift(
                moderator=request.user, user=member, request=request
            )
            messages.success(request, SUSPENSION_LIFTED.format(name=member))
            return redirect("moderation:queue")
        if form.is_valid():
            suspension = moderation.user_suspend(
                moderator=request.user,
                user=member,
                days=form.cleaned_data["days"],
                reason=form.cleaned_data["reason"],
                request=request,
            )
            messages.success(
                request, USER_SUSPENDED.format(name=member, until=suspension.ends_at)
            )
            return redirect("moderation:queue")
        status = 400
    return TemplateResponse(
        request,
        "forums/moderation_suspend.html",
        {
            "form": form,
            "member": member,
            "suspension": selectors.active_suspension_for(member),
        },
        status=status,
    )


class MoveForm(SiteForm):
    category = forms.ModelChoiceField(
        label="Move to",
        queryset=None,
        error_messages={"required": "Choose a category."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.order_by("name")


THREAD_MOVED = "The thread is now in {category}."


@require_http_methods(["GET", "POST"])
def thread_move(request, pk):
    permissions.check_moderate_permission(request.user)
    thread = get_object_or_404(Thread.objects.select_related("category"), pk=pk)
    form = MoveForm(request.POST or None, initial={"category": thread.category_id})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            moderation.thread_move(
                moderator=request.user,
                thread=thread,
                category=form.cleaned_data["category"],
                request=request,
            )
            messages.success(
                request, THREAD_MOVED.format(category=form.cleaned_data["category"])
            )
            return redirect(thread)
        status = 400
    return TemplateResponse(
        request,
        "forums/moderation_move.html",
        {"form": form, "thread": thread},
        status=status,
    )


WATCHED_RESOLVED = "Done: the post is approved or marked as reviewed."
WORD_ADDED = "“{pattern}” is now watched."
WORD_REMOVED = "“{pattern}” is no longer watched."


@require_POST
def watched_resolve(request, pk):
    permissions.check_moderate_permission(request.user)
    flag = get_object_or_404(WatchedWordFlag, pk=pk, reviewed_at__isnull=True)
    moderation.watched_word_flag_resolve(
        moderator=request.user, flag=flag, request=request
    )
    messages.success(request, WATCHED_RESOLVED)
    return redirect("moderation:queue")


class WatchedWordForm(SiteModelForm):
    class Meta:
        model = WatchedWord
        fields = ["pattern", "is_regex", "action"]
        widgets = {"action": forms.RadioSelect}
        labels = {
            "pattern": "Word, phrase or pattern",
            "action": "What happens to a post that contains it",
        }
        error_messages = {
            "pattern": {"required": "Enter a word, phrase or pattern."},
            "action": {"required": "Choose what happens to a post that contains it."},
        }


@require_http_methods(["GET", "POST"])
def watched_words(request):
    permissions.check_moderate_permission(request.user)
    form = WatchedWordForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                word = moderation.watched_word_create(
                    moderator=request.user,
                    pattern=form.cleaned_data["pattern"],
                    is_regex=form.cleaned_data["is_regex"],
                    action=form.cleaned_data["action"],
                )
            except ValidationError as error:
                for field, errors in error.error_dict.items():
                    form.add_error(field, errors)
            else:
                messages.success(request, WORD_ADDED.format(pattern=word.pattern))
                return redirect("moderation:watched_words")
        status = 400
    return TemplateResponse(
        request,
        "forums/moderation_watched_words.html",
        {"form": form, "words": list(WatchedWord.objects.all())},
        status=status,
    )


@require_POST
def watched_word_delete(request, pk):
    permissions.check_moderate_permission(request.user)
    word = get_object_or_404(WatchedWord, pk=pk)
    pattern = word.pattern
    moderation.watched_word_delete(moderator=request.user, word=word)
    messages.success(request, WORD_REMOVED.format(pattern=pattern))
    return redirect("moderation:watched_words")
