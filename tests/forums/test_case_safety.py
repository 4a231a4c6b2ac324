"""The case-safety checker: per-kind floors on the labelled corpus, and the details
of what it finds."""

from html.parser import HTMLParser

import pytest

from forums.case_safety import (
    KIND_EXPLANATIONS,
    KIND_LABELS,
    KINDS,
    find_identifying_details,
    highlight,
)

from .case_safety_corpus import HARD_NEGATIVES, NEGATIVE, POSITIVE
from .case_safety_report import evaluate

pytestmark = pytest.mark.django_db  # the suite-wide reference-data fixture needs it

RECALL_FLOOR = 0.95
PRECISION_FLOOR = 0.85


def test_the_corpus_has_at_least_150_passages_half_with_details():
    assert len(POSITIVE) + len(NEGATIVE) >= 150
    assert abs(len(POSITIVE) - len(NEGATIVE)) <= 10
    assert all(kinds for _, kinds in POSITIVE)
    assert not any(kinds for _, kinds in NEGATIVE)
    for kind in KINDS:
        assert sum(kind in kinds for _, kinds in POSITIVE) >= 6, kind


@pytest.mark.parametrize("kind", ["school", "child_age", "workplace"])
def test_the_child_and_workplace_kinds_have_15_positives_and_15_hard_negatives(kind):
    assert sum(kind in kinds for _, kinds in POSITIVE) >= 15
    assert len(HARD_NEGATIVES[kind]) >= 15
    assert all((text, set()) in NEGATIVE for text in HARD_NEGATIVES[kind])


@pytest.mark.parametrize("kind", [*KINDS, "any"])
def test_the_checker_meets_the_recall_and_precision_floors(kind):
    score = evaluate()[kind]

    assert score.recall >= RECALL_FLOOR, (kind, score)
    assert score.precision >= PRECISION_FLOOR, (kind, score)


@pytest.mark.parametrize(
    "text, kind, found",
    [
        ("the victim, Sarah Jones, said", "name", "Sarah Jones"),
        ("DOB 12/03/2004", "dob", "12/03/2004"),
        ("ring 07700 900123 now", "phone", "07700 900123"),
        ("mail jo@example.com today", "email", "jo@example.com"),
        ("near BS5 9QT", "postcode", "BS5 9QT"),
        ("at 14 Acacia Avenue", "address", "14 Acacia Avenue"),
        ("a Golf, AB12 CDE.", "vehicle", "AB12 CDE"),
        ("crime ref 44/123456/24", "reference", "44/123456/24"),
        ("NI AB 12 34 56 C", "ni_number", "AB 12 34 56 C"),
        (
            "She goes to St Mary's Catholic School in Keynsham.",
            "school",
            "St Mary's Catholic School in Keynsham",
        ),
        ("She moved to Oakfield Academy in September.", "school", "Oakfield Academy"),
        ("The victim says she is in Year 10.", "child_age", "Year 10"),
        ("The victim says she is 15.", "child_age", "15"),
        (
            "A 15-year-old from Keynsham disclosed to a teacher.",
            "child_age",
            "15-year-old from Keynsham",
        ),
        (
            "Her mum works at the Tesco on Gloucester Road.",
            "workplace",
            "Tesco on Gloucester Road",
        ),
        ("Her stepdad works for Bristol Water.", "workplace", "Bristol Water"),
    ],
)
def test_each_kind_is_found_with_its_exact_text(text, kind, found):
    findings = find_identifying_details(text)

    assert [(f.kind, f.text) for f in findings] == [(kind, found)]
    assert text[findings[0].start : findings[0].end] == found


@pytest.mark.parametrize(
    "text",
    [
        "R v Turnbull applies to identification.",
        "Avon and Somerset and West Yorkshire share practice.",
        "The Sexual Offences Act 2003, section 74.",
        "Use the MG3 and the MG11.",
        "The victim said the suspect left.",
        "The College of Policing has updated the APP on child abuse.",
        "New detectives go through the Police Academy before joining us.",
        "Schools must follow Keeping Children Safe in Education.",
        "Year 10 pupils get RSE lessons on consent.",
        "The guidance covers children aged 13 to 15.",
        "A 15-year-old cannot legally consent.",
        "Tesco gave us the CCTV within a day.",
        "I work at Keynsham station, so ring me there.",
        "The ISVA works for Victim Support in Bristol.",
    ],
)
def test_hard_negatives_are_not_flagged(text):
    assert find_identifying_details(text) == []


def test_a_school_year_and_a_named_school_are_two_findings():
    text = "She is in Year 10 at Oakfield Academy."

    findings = find_identifying_details(text)

    assert [(f.kind, f.text) for f in findings] == [
        ("child_age", "Year 10"),
        ("school", "Oakfield Academy"),
    ]


def test_every_kind_has_a_label_and_an_explanation_for_the_poster():
    text = "Her mum works at the Tesco on Gloucester Road."

    [finding] = find_identifying_details(text)

    assert set(KIND_LABELS) == set(KIND_EXPLANATIONS) == set(KINDS)
    assert all(KIND_EXPLANATIONS[kind].endswith(".") for kind in KINDS)
    assert len(set(KIND_EXPLANATIONS.values())) == len(KINDS)
    assert (finding.label, finding.explanation) == (
        "Workplace",
        KIND_EXPLANATIONS["workplace"],
    )


def test_findings_never_overlap():
    text = "The victim, Sarah Jones (sarah.jones@example.com), 07700 900123."

    findings = find_identifying_details(text)

    spans = sorted((f.start, f.end) for f in findings)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert {f.kind for f in findings} == {"name", "email", "phone"}


class _Events(HTMLParser):
    """The parsed HTML as a flat list of tags and text, entities decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, dict(attrs)))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        self.events.append(("text", data))


def parsed(html: str) -> list[tuple]:
    parser = _Events()
    parser.feed(html)
    parser.close()
    return parser.events


def test_highlight_marks_findings_and_escapes_everything_else():
    text = "<b>The victim, Sarah Jones</b>"

    html = highlight(text, find_identifying_details(text))

    # The only elements are the mark around the finding and its screen-reader label:
    # the author's own tags come back as text.
    assert parsed(html) == [
        ("text", "<b>The victim, "),
        ("start", "mark", {"class": "ln-finding"}),
        ("text", "Sarah Jones"),
        ("start", "span", {"class": "govuk-visually-hidden"}),
        ("text", " (Personal name)"),
        ("end", "span"),
        ("end", "mark"),
        ("text", "</b>"),
    ]


def test_the_docs_report_matches_the_current_checker():
    from pathlib import Path

    from .case_safety_report import markdown_report

    docs = Path(__file__).resolve().parents[2] / "docs" / "case-safety.md"

    assert docs.read_text() == markdown_report() + "\n", (
        "Regenerate: .venv/bin/python -m tests.forums.case_safety_report "
        "> docs/case-safety.md"
    )


def test_mentions_of_members_are_not_flagged_as_names():
    text = "Thanks @[Mr Alex Roberts], the victim, Sarah Jones, agreed."

    findings = find_identifying_details(text)

    assert [(f.kind, f.text) for f in findings] == [("name", "Sarah Jones")]


def test_the_checker_stays_fast_on_long_adversarial_text():
    import time

    text = ("The victim Aaaa Bbbb Cccc " * 400) + ("0" * 5000) + (" 1/" * 3000)
    started = time.perf_counter()

    find_identifying_details(text)

    assert time.perf_counter() - started < 2
