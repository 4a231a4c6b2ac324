"""Blocks for lessons and knowledge checks, on top of core's shared body blocks."""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from core.blocks import BaseStreamBlock, VideoBlock

SINGLE = "single"
MULTIPLE = "multiple"
SINGLE_NEEDS_ONE_CORRECT = "A single-answer question needs exactly one correct answer."
MULTIPLE_NEEDS_A_CORRECT = "Mark at least one answer as correct."


class ScenarioBlock(blocks.StructBlock):
    title = blocks.CharBlock(help_text="e.g. 'A report made three years later'")
    situation = blocks.RichTextBlock(
        features=["bold", "italic", "ol", "ul"],
        help_text="What happened, with no real names, e.g. 'A woman in her 30s "
        "reports that a colleague raped her after a work event…'",
    )
    question = blocks.CharBlock(
        required=False,
        help_text="What the learner should think about, e.g. 'What are your first "
        "three actions?'",
    )

    class Meta:
        icon = "group"
        template = "training/blocks/scenario_block.html"
        description = "A fictional case for the learner to think through."
        preview_value = {
            "title": "A report made three years later",
            "situation": "<p>A woman reports that a former partner raped her.</p>",
            "question": "What are your first three actions?",
        }


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(
        help_text="e.g. 'Think of a case where the first account was delayed.'"
    )
    guidance = blocks.TextBlock(
        required=False,
        help_text="Optional pointers, e.g. 'Consider what the delay told you.'",
    )

    class Meta:
        icon = "help"
        template = "training/blocks/reflection_block.html"
        description = "A question the learner answers for themselves (not marked)."
        preview_value = {
            "prompt": "Think of a case where the first account was delayed.",
            "guidance": "What did the delay tell you about the victim's situation?",
        }


class CiteGuidanceBlock(blocks.StructBlock):
    """A link to a guidance page showing its current version. When that guidance gets
    a major version, the module's trainers are told (wagtail_hooks.py)."""

    page = blocks.PageChooserBlock(
        page_type="guidance.GuidancePage",
        help_text="The guidance this lesson relies on, e.g. 'Planning the first 48 "
        "hours'",
    )
    note = blocks.CharBlock(
        required=False,
        help_text="Why to read it, e.g. 'Read section 2 before the next lesson.'",
    )

    class Meta:
        icon = "doc-full"
        template = "training/blocks/cite_guidance_block.html"
        description = "Cite a guidance page; readers see its current version."
        preview_value = {"note": "Read the section on early evidence."}


class LessonStreamBlock(BaseStreamBlock):
    """A lesson's body: the shared blocks plus scenarios, reflections, videos and
    guidance citations (key points come from the shared library)."""

    scenario = ScenarioBlock()
    reflection = ReflectionBlock()
    video = VideoBlock()
    cite_guidance = CiteGuidanceBlock()


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(help_text="e.g. 'Record the first account verbatim.'")
    correct = blocks.BooleanBlock(required=False, help_text="Tick if this is correct.")

    class Meta:
        icon = "tick"
        label = "Answer"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        help_text="e.g. 'Which of these should happen before the suspect interview?'"
    )
    answer_type = blocks.ChoiceBlock(
        choices=[(SINGLE, "One correct answer"), (MULTIPLE, "Select all that apply")],
        default=SINGLE,
    )
    answers = blocks.ListBlock(AnswerBlock(), min_num=2)
    explanation = blocks.TextBlock(
        help_text="Shown after the learner submits, e.g. 'The plan must cover…'"
    )

    class Meta:
        icon = "help"
        template = "training/blocks/question_block.html"
        description = "A marked question with its answers and an explanation."
        preview_value = {
            "question": "Who decides whether to charge?",
            "answer_type": SINGLE,
            "answers": [
                {"text": "The Crown Prosecution Service", "correct": True},
                {"text": "The officer in the case", "correct": False},
            ],
            "explanation": "The CPS makes charging decisions in RASSO cases.",
        }

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for answer in value["answers"] if answer["correct"])
        if value["answer_type"] == SINGLE and correct != 1:
            raise StructBlockValidationError(
                block_errors={"answer_type": ValidationError(SINGLE_NEEDS_ONE_CORRECT)}
            )
        if correct == 0:
            raise StructBlockValidationError(
                block_errors={"answers": ValidationError(MULTIPLE_NEEDS_A_CORRECT)}
            )
        return value


class KnowledgeCheckBlock(blocks.StreamBlock):
    question = QuestionBlock()
