"""Views parse input, call a service or selector, and render. Page views are reached
through the pages' serve() and RoutablePageMixin routes (see models.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from core.exports import csv_download
from core.models import Theme
from core.services import audit_record
from core.suppression import SUPPRESSED, SUPPRESSION_THRESHOLD

from . import selectors, services
from .forms import KnowledgeCheckForm, VerifyForm
from .models import GuidanceChangeFlag, LessonPage, ModulePage
from .permissions import (
    check_review_guidance_flag_permission,
    check_view_reports_permission,
)

ATTEMPT_PASSED = "You passed the knowledge check. Your completion is recorded."
ATTEMPT_FAILED = (
    "You did not reach the pass mark this time. Read the explanations, then try again."
)
FLAG_REVIEWED = "Marked as reviewed."
LESSON_DONE = "Lesson marked as complete."


def _check_url(module) -> str:
    return module.url + module.reverse_subpage("check_view")


def _trail(module) -> list[tuple[str, str]]:
    """Breadcrumbs for a module's routed views (the module's own page has Wagtail's)."""
    index = module.get_parent()
    return [(index.title, index.url), (module.title, module.url)]


# --- Pages --------------------------------------------------------------------------


def training_index(request, page):
    modules = list(
        selectors.module_list_visible_to(request.user)
        .child_of(page)
        .prefetch_related("themes")
        .order_by("title")
    )
    progress = selectors.progress_for_modules(request.user, modules)
    themes = list(Theme.objects.all())
    selected = request.GET.get("theme", "")
    if selected and selected not in {t.slug for t in themes}:
        raise Http404("No such theme.")
    sections = []
    for theme in themes:
        if selected and theme.slug != selected:
            continue
        items = [progress[m.pk] for m in modules if theme in m.themes.all()]
        if items:
            sections.append({"theme": theme, "items": items})
    return TemplateResponse(
        request,
        "training/training_index_page.html",
        {
            "page": page,
            "self": page,
            "sections": sections,
            "themes": themes,
            "selected": selected,
            "can_see_reports": _can_see_reports(request.user),
        },
    )


def _can_see_reports(user) -> bool:
    try:
        check_view_reports_permission(user)
    except Http404:
        return False
    return True


def module_detail(request, module):
    progress = selectors.progress_for(request.user, module)
    can_edit = selectors.user_can_edit_module(request.user, module)
    flags = list(selectors.guidance_flags_open(module)) if can_edit else []
    for flag in flags:
        flag.review_url = module.url + module.reverse_subpage(
            "flag_review_view", args=[flag.pk]
        )
    return TemplateResponse(
        request,
        "training/module_page.html",
        {
            "page": module,
            "self": module,
            "progress": progress,
            "themes": list(module.themes.all()),
            "check_url": _check_url(module),
            "start_url": module.url + module.reverse_subpage("start_view"),
            "question_count": len(module.question_list),
            "flags": flags,
            "can_edit": can_edit,
        },
    )


@require_POST
def module_start(request, module):
    services.enrolment_start(user=request.user, module=module)
    progress = selectors.progress_for(request.user, module)
    return redirect(progress.resume_url)


def lesson_detail(request, lesson):
    module = lesson.get_parent().specific
    if not isinstance(module, ModulePage):
        raise Http404("Lesson outside a module.")
    progress = selectors.progress_for(request.user, module)
    lessons = progress.lessons
    ids = [item.pk for item in lessons]
    position = ids.index(lesson.pk) if lesson.pk in ids else None
    previous_lesson = lessons[position - 1] if position else None
    next_lesson = (
        lessons[position + 1]
        if position is not None and position + 1 < len(lessons)
        else None
    )
    return TemplateResponse(
        request,
        "training/lesson_page.html",
        {
            "page": lesson,
            "self": lesson,
            "module": module,
            "progress": progress,
            "position": (position or 0) + 1,
            "is_done": lesson.pk in progress.done_lesson_ids,
            "previous_lesson": previous_lesson,
            "next_lesson": next_lesson,
            "complete_url": module.url
            + module.reverse_subpage("lesson_complete_view", args=[lesson.pk]),
            "check_url": _check_url(module),
        },
    )


@require_POST
def lesson_complete(request, module, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live().child_of(module), pk=lesson_id)
    try:
        services.lesson_complete(user=request.user, module=module, lesson=lesson)
    except ValidationError as error:
        raise Http404(error.messages[0]) from error
    messages.success(request, LESSON_DONE)
    progress = selectors.progress_for(request.user, module)
    lessons = progress.lessons
    ids = [item.pk for item in lessons]
    position = ids.index(lesson.pk)
    if position + 1 < len(lessons):
        return redirect(lessons[position + 1].url)
    return redirect(progress.resume_url)


def knowledge_check(request, module):
    if request.method not in ("GET", "POST"):
        return HttpResponse(status=405)
    questions = module.question_list
    form = KnowledgeCheckForm(
        request.POST if request.method == "POST" else None, questions=questions
    )
    if request.method == "POST" and questions and form.is_valid():
        try:
            attempt = services.attempt_submit(
                user=request.user, module=module, answers=form.answers()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if attempt.passed:
                messages.success(request, ATTEMPT_PASSED)
            return redirect(
                module.url + module.reverse_subpage("attempt_view", args=[attempt.pk])
            )
    return TemplateResponse(
        request,
        "training/knowledge_check.html",
        {
            "page": module,
            "self": module,
            "form": form,
            "question_count": len(questions),
            "breadcrumb_trail": _trail(module),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_GET
def attempt_detail(request, module, attempt_id):
    attempt = selectors.attempt_get_for(request.user, module, attempt_id)
    explanations = {qid: value for qid, value in module.question_list}
    items = []
    for number, answer in enumerate(attempt.answers, start=1):
        value = explanations.get(answer["id"])
        items.append(
            {
                "number": number,
                "answer": answer,
                "explanation": value["explanation"] if value else "",
                "correct_answers": [a["text"] for a in value["answers"] if a["correct"]]
                if value and attempt.passed
                else [],
            }
        )
    completion = getattr(attempt, "completion", None) if attempt.passed else None
    return TemplateResponse(
        request,
        "training/attempt_result.html",
        {
            "page": module,
            "self": module,
            "attempt": attempt,
            "items": items,
            "completion": completion,
            "check_url": _check_url(module),
            "failed_message": ATTEMPT_FAILED,
            "breadcrumb_trail": _trail(module),
        },
    )


@require_POST
def guidance_flag_review(request, module, flag_id):
    check_review_guidance_flag_permission(request.user, module)
    flag = get_object_or_404(GuidanceChangeFlag, pk=flag_id, module=module)
    services.guidance_flag_review(user=request.user, flag=flag)
    messages.success(request, FLAG_REVIEWED)
    return redirect(module.url)


# --- My learning and certificates ---------------------------------------------------


@require_GET
def my_learning(request):
    record = selectors.learning_record_for(request.user)
    return TemplateResponse(
        request,
        "training/my_learning.html",
        {"record": record, "can_see_reports": _can_see_reports(request.user)},
    )


@require_GET
def record_csv(request):
    response, writer = csv_download(
        f"learning-record-{timezone.localdate():%Y-%m-%d}.csv"
    )
    audit_record(action="training.record_exported", request=request)
    writer.writerow(
        [
            "Module",
            "Version",
            "Started",
            "Completed",
            "Score (%)",
            "Hours",
            "Verification code",
        ]
    )
    for completion in selectors.completion_history_for(request.user):
        writer.writerow(
            [
                completion.module_title,
                completion.version,
                timezone.localtime(completion.enrolment.started_at).date().isoformat(),
                timezone.localtime(completion.completed_at).date().isoformat(),
                completion.attempt.score,
                completion.hours,
                completion.verification_code,
            ]
        )
    return response


@require_GET
def certificate(request, code):
    completion = selectors.completion_get_own(request.user, code)
    return TemplateResponse(
        request,
        "training/certificate.html",
        {
            "completion": completion,
            "trail": [("My learning", reverse("training:my_learning"))],
        },
    )


@require_GET
def verify(request):
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        return redirect("training:verify_code", code=form.cleaned_data["code"])
    return TemplateResponse(
        request,
        "training/verify.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@require_GET
def verify_code(request, code):
    completion = selectors.completion_get_by_code(code)
    return TemplateResponse(
        request,
        "training/verify_result.html",
        {
            "completion": completion,
            "trail": [("Check a certificate", reverse("training:verify"))],
        },
    )


# --- Reports ------------------------------------------------------------------------


SUPPRESSION_NOTE = (
    f"Figures from fewer than {SUPPRESSION_THRESHOLD} learners are suppressed (shown "
    "as 'suppressed'), as are those of a second group when only one would be, so they "
    "cannot be worked out from the total."
)


@require_GET
def report_index(request):
    force = check_view_reports_permission(request.user)
    modules = selectors.report_module_list(request.user, force=force)
    return TemplateResponse(
        request,
        "training/report_index.html",
        {"modules": modules, "force": force, "suppression_note": SUPPRESSION_NOTE},
    )


def _chart(rows, attr: str, *, suffix: str = "") -> list[dict]:
    """Bars for the SVG chart: label, value and width as a share of the widest. A
    suppressed row gets no bar, only the word."""
    values = [getattr(row, attr) or 0 for row in rows]
    top = max(values, default=0) or 1
    return [
        {
            "label": row.label if hasattr(row, "label") else f"Q{row.number}",
            "value": value,
            "text": SUPPRESSED if row.suppressed else f"{value}{suffix}",
            "width": round(55 * value / top, 1),
            "value_x": round(36 + 55 * value / top, 1),
            "y": 10 + index * 30,
            "text_y": 25 + index * 30,
        }
        for index, (row, value) in enumerate(zip(rows, values, strict=True))
    ]


@require_GET
def report_detail(request, module_id):
    force = check_view_reports_permission(request.user)
    module = selectors.module_get_visible(request.user, module_id)
    report = selectors.module_report(module, force=force)
    charts = [
        {
            "id": "chart-force",
            "title": "Learners who completed the module, by force",
            "bars": _chart(report.by_force, "completed"),
        },
        {
            "id": "chart-role",
            "title": "Pass rate by role (%)",
            "bars": _chart(report.by_role, "pass_rate", suffix="%"),
        },
        {
            "id": "chart-questions",
            "title": "How often each question is answered wrongly (%)",
            "bars": _chart(report.questions, "wrong_rate", suffix="%"),
        },
    ]
    for chart in charts:
        chart["height"] = 20 + 30 * len(chart["bars"])
    return TemplateResponse(
        request,
        "training/report_detail.html",
        {
            "report": report,
            "module": module,
            "force": force,
            "charts": charts,
            "suppression_note": SUPPRESSION_NOTE,
            "trail": [("Training reports", reverse("training:report_index"))],
        },
    )


def _csv_figure(value, row) -> str | int | float:
    if row.suppressed:
        return SUPPRESSED
    return "" if value is None else value


@require_GET
def report_csv(request, module_id):
    force = check_view_reports_permission(request.user)
    module = selectors.module_get_visible(request.user, module_id)
    report = selectors.module_report(module, force=force)
    response, writer = csv_download(f"training-report-{module.slug}.csv")
    audit_record(
        action="training.report_exported",
        obj=module,
        details={"force": force.name if force else "all"},
        request=request,
    )
    writer.writerow([SUPPRESSION_NOTE])
    writer.writerow(["Module", module.title, "Version", module.version])
    writer.writerow(["Force", force.name if force else "All forces"])
    median = report.totals.median_hours
    writer.writerow(
        ["Median time to complete (hours)", _csv_figure(median, report.totals)]
    )
    writer.writerow([])
    writer.writerow(
        [
            "Group",
            "Name",
            "Started",
            "Attempted",
            "Completed",
            "Pass rate (%)",
            "Median time to complete (hours)",
        ]
    )
    for group, rows in (
        ("All", [report.totals]),
        ("Force", report.by_force),
        ("Role", report.by_role),
    ):
        for row in rows:
            writer.writerow(
                [
                    group,
                    row.label,
                    *(
                        _csv_figure(value, row)
                        for value in (
                            row.started,
                            row.attempted,
                            row.completed,
                            row.pass_rate,
                            row.median_hours,
                        )
                    ),
                ]
            )
    writer.writerow([])
    writer.writerow(["Question", "Text", "Answered", "Wrong", "Wrong (%)"])
    for row in report.questions:
        writer.writerow(
            [
                row.number,
                row.question,
                *(
                    _csv_figure(value, row)
                    for value in (row.answered, row.wrong, row.wrong_rate)
                ),
            ]
        )
    return response
