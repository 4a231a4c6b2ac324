"""Reads for training: what a user may see, where they are in it, and the reports."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.http import Http404

from wagtail.models import Page, Revision

from accounts import roles
from accounts.models import JobRole
from core.suppression import is_small, with_complement

from .models import (
    Attempt,
    Completion,
    Enrolment,
    GuidanceChangeFlag,
    LessonPage,
    LessonProgress,
    ModulePage,
)

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETED = "completed"
COMPLETED_EARLIER = "completed_earlier"
REFRESH_NEEDED = "refresh_needed"

STATUS_LABELS = {
    NOT_STARTED: "Not started",
    IN_PROGRESS: "In progress",
    COMPLETED: "Completed",
    COMPLETED_EARLIER: "Completed an earlier version",
    REFRESH_NEEDED: "Refresh needed",
}


# --- Visibility ---------------------------------------------------------------------


def module_list_visible_to(user) -> QuerySet:
    """The one visibility rule for modules: live ones, to signed-in users (public
    ones only to anyone else). Views, lists, the theme hooks and search use it."""
    modules = ModulePage.objects.live()
    if not user.is_authenticated:
        modules = modules.filter(is_public=True)
    return modules


def lesson_list_visible_to(user) -> QuerySet:
    """Live lessons of the modules module_list_visible_to lets the user see (public
    ones only to anyone not signed in): search lists lessons through this."""
    modules = module_list_visible_to(user).values("path")
    lessons = (
        LessonPage.objects.live()
        .annotate(_parent_path=Substr("path", 1, Length("path") - LessonPage.steplen))
        .filter(_parent_path__in=modules)
    )
    if not user.is_authenticated:
        lessons = lessons.filter(is_public=True)
    return lessons


def module_get_visible(user, module_id: int) -> ModulePage:
    module = module_list_visible_to(user).filter(pk=module_id).first()
    if module is None:
        raise Http404("No such module.")
    return module


def lessons_of(module: ModulePage) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(module).live().order_by("path"))


def lessons_by_module(modules) -> dict[int, list[LessonPage]]:
    """Live lessons of several modules in one query, keyed by module id."""
    modules = list(modules)
    if not modules:
        return {}
    by_path = {m.path: m.pk for m in modules}
    query = Q()
    for module in modules:
        query |= Q(path__startswith=module.path, depth=module.depth + 1)
    result = {m.pk: [] for m in modules}
    lessons = LessonPage.objects.live().filter(query).order_by("path")
    for lesson in lessons.only("id", "title", "path", "depth", "url_path"):
        result[by_path[lesson.path[: -Page.steplen]]].append(lesson)
    return result


# --- Progress -----------------------------------------------------------------------


@dataclass
class ModuleProgress:
    """Where one learner is in one module."""

    module: ModulePage
    lessons: list
    enrolment: Enrolment | None = None
    done_lesson_ids: set = field(default_factory=set)
    completion: Completion | None = None
    completions: list = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.completion is not None:
            if self.completion.version_major >= self.module.version_major:
                return COMPLETED
            return REFRESH_NEEDED if self.module.requires_refresh else COMPLETED_EARLIER
        return IN_PROGRESS if self.enrolment else NOT_STARTED

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def is_complete(self) -> bool:
        return self.status in (COMPLETED, COMPLETED_EARLIER)

    @property
    def lessons_done(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.pk in self.done_lesson_ids)

    @property
    def steps_total(self) -> int:
        """Each lesson is a step, and so is the knowledge check."""
        return len(self.lessons) + 1

    @property
    def steps_done(self) -> int:
        return self.lessons_done + (1 if self.is_complete else 0)

    @property
    def percent(self) -> int:
        return round(100 * self.steps_done / self.steps_total)

    @property
    def next_lesson(self):
        for lesson in self.lessons:
            if lesson.pk not in self.done_lesson_ids:
                return lesson
        return None

    @property
    def resume_url(self) -> str:
        lesson = self.next_lesson
        if lesson is not None:
            return lesson.url
        return self.module.url + self.module.reverse_subpage("check_view")


def progress_for_modules(user, modules) -> dict[int, ModuleProgress]:
    """Progress of ``user`` in each module, in four queries however many modules."""
    modules = list(modules)
    lessons = lessons_by_module(modules)
    progress = {m.pk: ModuleProgress(module=m, lessons=lessons[m.pk]) for m in modules}
    if not user.is_authenticated or not modules:
        return progress
    enrolments = Enrolment.objects.filter(user=user, module__in=progress.keys())
    by_enrolment = {}
    for enrolment in enrolments:
        progress[enrolment.module_id].enrolment = enrolment
        by_enrolment[enrolment.pk] = progress[enrolment.module_id]
    if not by_enrolment:
        return progress
    for enrolment_id, lesson_id in LessonProgress.objects.filter(
        enrolment__in=by_enrolment.keys()
    ).values_list("enrolment_id", "lesson_id"):
        by_enrolment[enrolment_id].done_lesson_ids.add(lesson_id)
    for completion in Completion.objects.filter(enrolment__in=by_enrolment.keys()):
        item = by_enrolment[completion.enrolment_id]
        item.completions.append(completion)
        if item.completion is None:  # newest first
            item.completion = completion
    return progress


def progress_for(user, module: ModulePage) -> ModuleProgress:
    return progress_for_modules(user, [module])[module.pk]


@dataclass
class LearningRecord:
    in_progress: list
    completed: list
    total_hours: float


def learning_record_for(user) -> LearningRecord:
    """My learning: every module the user has started, in progress or completed;
    hours count each module's latest completion once."""
    modules = module_list_visible_to(user).filter(enrolments__user=user)
    progress = progress_for_modules(user, modules.order_by("title"))
    items = sorted(
        progress.values(),
        key=lambda p: p.enrolment.last_activity_at,
        reverse=True,
    )
    completed = [p for p in items if p.is_complete]
    in_progress = [p for p in items if not p.is_complete]
    total_minutes = sum(c.minutes for p in items for c in p.completions[:1])
    return LearningRecord(
        in_progress=in_progress,
        completed=completed,
        total_hours=round(total_minutes / 60, 1),
    )


def completion_history_for(user) -> QuerySet:
    """Every completion, for the CSV export (CPD records keep earlier ones too)."""
    return (
        Completion.objects.filter(enrolment__user=user)
        .select_related("enrolment", "attempt")
        .order_by("-completed_at")
    )


def attempt_get_for(user, module: ModulePage, attempt_id: int) -> Attempt:
    attempt = Attempt.objects.filter(
        pk=attempt_id, enrolment__user=user, enrolment__module=module
    ).first()
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt


def completion_get_by_code(code: str) -> Completion:
    completion = (
        Completion.objects.filter(verification_code=code.strip().upper())
        .select_related("enrolment__user__force", "attempt")
        .first()
    )
    if completion is None:
        raise Http404("No completion has that verification code.")
    return completion


def completion_get_own(user, code: str) -> Completion:
    completion = completion_get_by_code(code)
    if completion.enrolment.user_id != user.pk:
        raise Http404("No such certificate.")
    return completion


# --- Trainers and guidance ----------------------------------------------------------


def module_trainers(module: ModulePage) -> QuerySet:
    """The module's trainers: its owner and everyone who saved a revision of it or of
    its lessons, if they are still active trainers (or superusers)."""
    page_ids = [
        module.pk,
        *LessonPage.objects.child_of(module).values_list("pk", flat=True),
    ]
    author_ids = Revision.page_revisions.filter(
        object_id__in=[str(pk) for pk in page_ids]
    ).values_list("user_id", flat=True)
    return (
        get_user_model()
        .objects.filter(
            Q(pk=module.owner_id) | Q(pk__in=author_ids),
            Q(groups__name=roles.TRAINERS) | Q(is_superuser=True),
            is_active=True,
        )
        .distinct()
    )


def modules_citing_guidance(guidance_page_id: int) -> list[ModulePage]:
    """Live modules with a lesson whose body cites the guidance page. Run when a major
    guidance version is published, so a scan of lesson bodies is fine."""
    module_paths = set()
    for lesson in LessonPage.objects.live().only("path", "body"):
        for block in lesson.body.raw_data:
            if block["type"] == "cite_guidance" and (
                (block.get("value") or {}).get("page") == guidance_page_id
            ):
                module_paths.add(lesson.path[: -Page.steplen])
    return list(ModulePage.objects.live().filter(path__in=module_paths))


def guidance_flags_open(module: ModulePage) -> QuerySet:
    return GuidanceChangeFlag.objects.filter(module=module, reviewed_at__isnull=True)


def user_can_edit_module(user, module: ModulePage) -> bool:
    return user.is_authenticated and module.permissions_for_user(user).can_edit()


# --- Reports ------------------------------------------------------------------------


def duration_text(duration: timedelta | None) -> str:
    """ "2 days, 3 hours": the two largest units, for report pages."""
    if duration is None:
        return ""
    minutes = int(duration.total_seconds() // 60)
    days, minutes = divmod(minutes, 60 * 24)
    hours, minutes = divmod(minutes, 60)
    parts = [
        f"{n} {unit}{'' if n == 1 else 's'}"
        for n, unit in ((days, "day"), (hours, "hour"), (minutes, "minute"))
        if n
    ]
    return ", ".join(parts[:2]) or "Under a minute"


@dataclass
class ReportRow:
    """One group of learners. A suppressed row (too few learners, see
    core.suppression) carries no figures at all, so no page or file can show one."""

    label: str
    started: int | None
    attempted: int | None
    completed: int | None
    median_time: timedelta | None = None  # from starting to first completion
    suppressed: bool = False

    @property
    def pass_rate(self) -> int | None:
        if not self.attempted:
            return None
        return round(100 * self.completed / self.attempted)

    @property
    def median_text(self) -> str:
        return duration_text(self.median_time)

    @property
    def median_hours(self) -> float | None:
        if self.median_time is None:
            return None
        return round(self.median_time.total_seconds() / 3600, 1)


@dataclass
class QuestionRow:
    number: int
    question: str
    answered: int | None
    wrong: int | None
    suppressed: bool = False

    @property
    def wrong_rate(self) -> int | None:
        return round(100 * self.wrong / self.answered) if self.answered else None


@dataclass
class ModuleReport:
    module: ModulePage
    force: object
    totals: ReportRow
    by_force: list
    by_role: list
    questions: list
    median_time: timedelta | None


def _suppressed(row: ReportRow) -> ReportRow:
    return ReportRow(
        label=row.label, started=None, attempted=None, completed=None, suppressed=True
    )


def _suppress_small_groups(rows: list[ReportRow]) -> list[ReportRow]:
    """The rows of one breakdown (by force, by role) with every group of too few
    learners suppressed, and a second one with a single one (core.suppression)."""
    sizes = {index: row.started for index, row in enumerate(rows)}
    hidden = with_complement(
        {index for index, size in sizes.items() if is_small(size)}, sizes
    )
    return [
        _suppressed(row) if index in hidden else row for index, row in enumerate(rows)
    ]


def _median(durations) -> timedelta | None:
    return statistics.median(durations) if durations else None


def _rows(enrolments: QuerySet, key: str, durations, labels=None) -> list[ReportRow]:
    """One row per value of ``key``; ``durations`` maps each value to its learners'
    times from starting to first completion."""
    rows = (
        enrolments.values(key)
        .annotate(
            started=Count("id", distinct=True),
            attempted=Count("id", filter=Q(attempts__isnull=False), distinct=True),
            completed=Count("id", filter=Q(completions__isnull=False), distinct=True),
        )
        .order_by(key)
    )
    return [
        ReportRow(
            label=(labels or {}).get(row[key], row[key]) or "No force recorded",
            started=row["started"],
            attempted=row["attempted"],
            completed=row["completed"],
            median_time=_median(durations.get(row[key], [])),
        )
        for row in rows
    ]


def module_report(module: ModulePage, *, force=None) -> ModuleReport:
    """Started, completed, pass rate and median time to complete, in all and by force
    and role, and how often each question is answered wrongly. Five queries for any
    number of learners; ``force`` limits everything to one force's learners. Groups
    of too few learners are suppressed (core.suppression), here where the page and
    the CSV both read them."""
    enrolments = Enrolment.objects.filter(module=module)
    if force is not None:
        enrolments = enrolments.filter(user__force=force)
    durations, by_force_name, by_job_role = [], defaultdict(list), defaultdict(list)
    for started, first, force_name, job_role in (
        enrolments.annotate(first=Min("completions__completed_at"))
        .filter(first__isnull=False)
        .values_list("started_at", "first", "user__force__name", "user__job_role")
    ):
        durations.append(first - started)
        by_force_name[force_name].append(first - started)
        by_job_role[job_role].append(first - started)
    median_time = _median(durations)
    by_force = _rows(enrolments, "user__force__name", by_force_name)
    by_role = _rows(enrolments, "user__job_role", by_job_role, dict(JobRole.choices))
    totals = ReportRow(
        label="All learners",
        started=sum(r.started for r in by_force),
        attempted=sum(r.attempted for r in by_force),
        completed=sum(r.completed for r in by_force),
        median_time=median_time,
    )
    too_few = is_small(totals.started)

    answered = defaultdict(int)
    wrong = defaultdict(int)
    for answers in Attempt.objects.filter(enrolment__in=enrolments).values_list(
        "answers", flat=True
    ):
        for answer in answers:
            answered[answer["id"]] += 1
            wrong[answer["id"]] += 0 if answer["correct"] else 1
    questions = []
    for number, (qid, value) in enumerate(module.question_list, start=1):
        hidden = too_few or is_small(answered[qid])
        questions.append(
            QuestionRow(
                number=number,
                question=value["question"],
                answered=None if hidden else answered[qid],
                wrong=None if hidden else wrong[qid],
                suppressed=hidden,
            )
        )
    return ModuleReport(
        module=module,
        force=force,
        totals=_suppressed(totals) if too_few else totals,
        by_force=_suppress_small_groups(by_force),
        by_role=_suppress_small_groups(by_role),
        questions=questions,
        median_time=None if too_few else median_time,
    )


def report_module_list(user, *, force=None) -> list[ModulePage]:
    """Modules with their started and completed counts (for ``force`` only if given),
    marked ``suppressed`` where too few learners started for the counts to be shown."""
    scope = Q(enrolments__user__force=force) if force is not None else Q()
    modules = list(
        module_list_visible_to(user)
        .annotate(
            started=Count("enrolments", filter=scope, distinct=True),
            completed=Count(
                "enrolments",
                filter=scope & Q(enrolments__completions__isnull=False),
                distinct=True,
            ),
        )
        .order_by("title")
    )
    for module in modules:
        module.suppressed = is_small(module.started)
    return modules
