from django import forms

from core.base_forms import SiteForm

from .blocks import MULTIPLE
from .models import VERIFICATION_CODE_CHARACTER

CHOOSE_AN_ANSWER = "Choose an answer to question {number}."
CHOOSE_ANSWERS = "Choose at least one answer to question {number}."
ENTER_A_CODE = "Enter the verification code from the certificate."
CODE_FORMAT = "Enter the code as printed, for example ABCD-EFGH-JKLM."


class KnowledgeCheckForm(SiteForm):
    """One field per question. Choices carry only their position and text: which
    answers are correct never reaches the browser before the attempt is submitted."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.question_ids = {}
        for number, (question_id, value) in enumerate(questions, start=1):
            name = f"question_{number}"
            self.question_ids[name] = question_id
            choices = [
                (str(i), answer["text"]) for i, answer in enumerate(value["answers"])
            ]
            label = f"{number}. {value['question']}"
            if value["answer_type"] == MULTIPLE:
                self.fields[name] = forms.MultipleChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    help_text="Select all that apply.",
                    error_messages={"required": CHOOSE_ANSWERS.format(number=number)},
                )
            else:
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": CHOOSE_AN_ANSWER.format(number=number)},
                )

    def answers(self) -> dict[str, list[int]]:
        result = {}
        for name, question_id in self.question_ids.items():
            value = self.cleaned_data[name]
            values = value if isinstance(value, list) else [value]
            result[question_id] = [int(v) for v in values]
        return result


class VerifyForm(SiteForm):
    code = forms.RegexField(
        label="Verification code",
        # The code's own alphabet: what passes here always has a verify URL.
        regex=r"^\s*"
        + "-?".join([f"{VERIFICATION_CODE_CHARACTER}{{4}}"] * 3)
        + r"\s*$",
        max_length=20,
        help_text="It is printed on the certificate, for example ABCD-EFGH-JKLM.",
        error_messages={"required": ENTER_A_CODE, "invalid": CODE_FORMAT},
    )

    def clean_code(self) -> str:
        raw = self.cleaned_data["code"].strip().upper().replace("-", "")
        return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
