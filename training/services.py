"""Writes for training: one function per action, validating, then saving in one
transaction, then notifying."""

from collections import defaultdict
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.services import audit_record, notification_create

from .blocks import SINGLE
from .models import (
    Attempt,
    Completion,
    Enrolment,
    GuidanceChangeFlag,
    LessonPage,
    LessonProgress,
    ModulePage,
)
from .selectors import module_trainers, modules_citing_guidance

if TYPE_CHECKING:
    from core.models import Notification

NO_QUESTIONS = "This module has no knowledge check yet."
ANSWER_EVERY_QUESTION = "Answer every question."
UNKNOWN_ANSWER = "That answer is not one of the choices."
ONE_ANSWER_ONLY = "Choose one answer."
LESSON_NOT_IN_MODULE = "That lesson is not part of this module."
GUIDANCE_CHANGED_VERB = "cited guidance changed"
REFRESH_VERB = "asks you to refresh"


@transaction.atomic
def enrolment_start(*, user, module: ModulePage) -> Enrolment:
    enrolment, _ = Enrolment.objects.get_or_create(user=user, module=module)
    return enrolment


@transaction.atomic
def lesson_complete(*, user, module: ModulePage, lesson: LessonPage) -> LessonProgress:
    """Mark a lesson done (starting the module if need be). Doing it twice is fine."""
    if lesson.depth != module.depth + 1 or not lesson.path.startswith(module.path):
        raise ValidationError(LESSON_NOT_IN_MODULE)
    enrolment = enrolment_start(user=user, module=module)
    progress, _ = LessonProgress.objects.get_or_create(
        enrolment=enrolment, lesson=lesson
    )
    enrolment.save(update_fields=["last_activity_at"])
    return progress


def _mark(value, chosen: list[int]) -> bool:
    correct = {i for i, answer in enumerate(value["answers"]) if answer["correct"]}
    return set(chosen) == correct


@transaction.atomic
def attempt_submit(
    *, user, module: ModulePage, answers: dict[str, list[int]]
) -> Attempt:
    """Mark a knowledge check and store the attempt as it stood: questions, the
    answers chosen and whether each was right. A pass records a completion with the
    module's version and duration at this moment."""
    questions = module.question_list
    if not questions:
        raise ValidationError(NO_QUESTIONS)
    record = []
    for question_id, value in questions:
        chosen = sorted(set(answers.get(question_id) or []))
        if not chosen:
            raise ValidationError(ANSWER_EVERY_QUESTION)
        if any(i < 0 or i >= len(value["answers"]) for i in chosen):
            raise ValidationError(UNKNOWN_ANSWER)
        if value["answer_type"] == SINGLE and len(chosen) != 1:
            raise ValidationError(ONE_ANSWER_ONLY)
        record.append(
            {
                "id": question_id,
                "question": value["question"],
                "chosen": chosen,
                "chosen_text": [value["answers"][i]["text"] for i in chosen],
                "correct": _mark(value, chosen),
            }
        )
    correct_count = sum(1 for item in record if item["correct"])
    score = round(100 * correct_count / len(record))
    enrolment = enrolment_start(user=user, module=module)
    attempt = Attempt.objects.create(
        enrolment=enrolment,
        module_version=module.version,
        answers=record,
        correct_count=correct_count,
        question_count=len(record),
        score=score,
        pass_mark=module.pass_mark,
        passed=score >= module.pass_mark,
    )
    if attempt.passed:
        Completion.objects.create(
            enrolment=enrolment,
            attempt=attempt,
            module_title=module.title,
            version_major=module.version_major,
            version_minor=module.version_minor,
            minutes=module.estimated_minutes,
        )
    enrolment.save(update_fields=["last_activity_at"])
    return attempt


@transaction.atomic
def guidance_flags_create(*, page, version) -> list["Notification"]:
    """Called through the ``guidance_major_version_published`` hook: flag every
    module with a lesson citing ``page`` and tell each of their trainers once, naming
    all of that trainer's modules. Returns the notifications, so the guidance app does
    not tell the same people again as followers."""
    compare_url = version.compare_url() if hasattr(version, "compare_url") else ""
    modules_of = defaultdict(list)
    for module in modules_citing_guidance(page.pk):
        GuidanceChangeFlag.objects.create(
            module=module,
            guidance_page_id=page.pk,
            guidance_title=page.title,
            version_number=version.number,
            compare_url=compare_url or "",
        )
        for trainer in module_trainers(module):
            modules_of[trainer].append(module)
    notifications = []
    for trainer, modules in modules_of.items():
        titles = [f"'{module.title}'" for module in modules]
        which = (
            f"the module {titles[0]} cites it"
            if len(titles) == 1
            else f"the modules {', '.join(titles[:-1])} and {titles[-1]} cite it"
        )
        notifications += notification_create(
            recipients=[trainer],
            verb=GUIDANCE_CHANGED_VERB,
            summary=f"'{page.title}' has a major version ({version.number}); "
            f"{which}. Check the lessons still match.",
            url=modules[0].url,
            target=modules[0],
        )
    return notifications


@transaction.atomic
def guidance_flag_review(*, user, flag: GuidanceChangeFlag) -> GuidanceChangeFlag:
    if flag.reviewed_at is None:
        flag.reviewed_at = timezone.now()
        flag.reviewed_by = user
        flag.save(update_fields=["reviewed_at", "reviewed_by"])
        audit_record(
            action="training.guidance_change_reviewed",
            actor=user,
            obj=flag.module,
            details={"guidance": flag.guidance_title, "version": flag.version_number},
        )
    return flag


@transaction.atomic
def module_refresh_request(*, module: ModulePage, actor=None) -> list:
    """After a major revision that requires a refresh, tell each learner whose latest
    completion is of an earlier major version, once per major version."""
    if not module.requires_refresh:
        return []
    summary = (
        f"'{module.title}' is now at version {module.version_major}.0 and asks "
        "learners of earlier versions to take the knowledge check again."
    )
    latest = {}
    for user_id, major in (
        Completion.objects.filter(enrolment__module=module)
        .order_by("completed_at")
        .values_list("enrolment__user_id", "version_major")
    ):
        latest[user_id] = major
    behind = [uid for uid, major in latest.items() if major < module.version_major]
    recipients = get_user_model().objects.filter(pk__in=behind, is_active=True)
    return notification_create(
        recipients=recipients,
        verb=REFRESH_VERB,
        summary=summary,
        url=module.url,
        target=module,
        actor=actor,
        once=True,
    )
