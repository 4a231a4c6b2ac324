"""The case-safety checker: likely identifying details in a forum post.

Officers discuss real cases; a post must never identify a victim, witness or suspect.
Before a post is saved, ``find_identifying_details`` looks for the kinds of detail that
identify people and the author sees them highlighted, then edits or confirms. It is a
pattern checker tuned for recall (a false alarm costs the author one click; a miss can
identify a victim), measured on the labelled corpus in tests/forums/case_safety_corpus.py
(results: docs/case-safety.md).

Each detector is a small function returning ``Finding``s; contextual detectors (names,
dates of birth, reference numbers, addresses) only fire next to the words that make a
string identifying ("the victim, Sarah Jones"), so "R v Turnbull", "Avon and Somerset"
or "the Sexual Offences Act 2003" do not.
"""

import re
from dataclasses import asdict, dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .rendering import MENTION_RE

KIND_LABELS = {
    "name": "Personal name",
    "dob": "Date of birth",
    "phone": "Phone number",
    "email": "E-mail address",
    "postcode": "Postcode",
    "address": "Street address",
    "vehicle": "Vehicle registration",
    "reference": "Crime or incident reference",
    "ni_number": "National Insurance number",
}
KINDS = list(KIND_LABELS)


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    def as_dict(self) -> dict:
        return {**asdict(self), "label": self.label}


# --- Names in context -------------------------------------------------------------

PERSON_WORDS = (
    r"victim|suspect|witness|complainant|survivor|offender|defendant|accused|"
    r"perpetrator|informant|mother|father|mum|dad|stepfather|stepmother|partner|"
    r"ex-partner|boyfriend|girlfriend|husband|wife|son|daughter|brother|sister|"
    r"uncle|aunt|cousin|neighbour|friend|flatmate|carer|teacher|child|girl|boy|"
    r"woman|man|lady|youth|teenager|student|patient|client|nominal|subject|"
    r"person|individual|sibling|grandfather|grandmother|stepson|stepdaughter"
)
NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?![A-Za-z])|[A-Z]\.)"
TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master)\.?"
# "the victim, Sarah Jones", "suspect John", "his partner (Dean Walsh)"
NAME_AFTER_ROLE_RE = re.compile(
    rf"\b(?i:{PERSON_WORDS})(?:'s)?(?:\s+(?i:was|is|being))?(?:\s*[,:(]\s*|\s+)"
    rf"(?:(?i:named|called|known as|aka|a\.k\.a\.)\s+)?"
    rf"(?P<name>(?:{TITLE}\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})"
)
# "named Kelly", "called Darren Price", "known as Smithy", "her name is Jo"
NAME_AFTER_CUE_RE = re.compile(
    rf"\b(?i:named|called|known as|aka|a\.k\.a\.|name is|name was|goes by)\s+"
    rf"(?P<name>(?:{TITLE}\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})"
)
# "Mr Hughes", "Mrs D. Evans"
TITLED_NAME_RE = re.compile(rf"\b(?P<name>{TITLE}\s+{NAME_WORD}(?:\s+{NAME_WORD})?)")
# "Sarah (14)", "Jordan, 15," "Amy, aged 16": a first name with an age
NAME_WITH_AGE_RE = re.compile(
    r"\b(?P<name>[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]+)?)(?:,\s*|\s+)"
    r"(?:\((?:aged\s+)?\d{1,2}\)|(?:aged\s+)\d{1,2}\b|\d{1,2},)"
)
# Capitalised words that follow "the victim" etc. without being a name.
NOT_NAMES = set(
    [
        "A",
        "An",
        "And",
        "As",
        "At",
        "But",
        "By",
        "For",
        "From",
        "He",
        "Her",
        "His",
        "How",
        "I",
        "If",
        "In",
        "Into",
        "It",
        "Its",
        "Me",
        "My",
        "No",
        "Not",
        "Now",
        "Of",
        "On",
        "Or",
        "Our",
        "She",
        "So",
        "That",
        "The",
        "Their",
        "Them",
        "Then",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "To",
        "Us",
        "We",
        "What",
        "When",
        "Where",
        "Which",
        "Who",
        "Why",
        "With",
        "You",
        "Your",
        "Yes",
        "After",
        "Before",
        "During",
        "Since",
        "Until",
        "While",
        "Although",
        "Because",
        "Also",
        "However",
        "Later",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Police",
        "Officer",
        "Officers",
        "Court",
        "Crown",
        "Court",
        "Magistrates",
        "CPS",
        "ISVA",
        "ISVAs",
        "SARC",
        "ABE",
        "VRI",
        "DFU",
        "PACE",
        "NFA",
        "VAWG",
        "SOIT",
        "STO",
        "MG3",
        "VPS",
        "DA",
        "OIC",
        "CSE",
        "RSO",
        "RASSO",
        "Act",
        "Section",
        "Unit",
        "Team",
        "Sergeant",
        "Inspector",
        "Constable",
        "DC",
        "DS",
        "DI",
        "DCI",
        "PC",
        "PS",
        "Yorkshire",
        "Somerset",
        "Avon",
        "London",
        "Wales",
        "England",
        "Kent",
        "Essex",
        "Surrey",
        "Sussex",
        "Manchester",
        "Merseyside",
        "Northumbria",
        "Cumbria",
        "Durham",
        "Dorset",
        "Devon",
        "Cornwall",
        "Gwent",
        "Cleveland",
        "Cheshire",
        "Lancashire",
        "Norfolk",
        "Suffolk",
        "Humberside",
        "Staffordshire",
        "Warwickshire",
        "Wiltshire",
        "Hampshire",
        "Hertfordshire",
        "Bedfordshire",
        "Cambridgeshire",
        "Derbyshire",
        "Leicestershire",
        "Lincolnshire",
        "Northamptonshire",
        "Nottinghamshire",
        "Gloucestershire",
        "Thames",
        "Valley",
        "Mercia",
        "Midlands",
        "Metropolitan",
        "Service",
        "Trust",
        "NHS",
        "Team",
        "Review",
        "Guidance",
        "College",
        "Home",
        "Office",
        "Ministry",
        "Justice",
        "Code",
        "Practice",
        "Victims",
        "Liaison",
        "Safeguarding",
        "Hub",
        "Centre",
        "Support",
        "Services",
        "Statement",
        "Interview",
        "Evidence",
        "Achieving",
        "Best",
        "Disclosure",
        "Forensic",
        "Digital",
        "Data",
        "Teams",
        "Unit",
        "Justice",
        "Part",
        "Parts",
        "Rules",
        "Section",
        "Sections",
        "Schedule",
        "Chapter",
        "Page",
        "Paragraph",
        "Version",
        "Stage",
        "Phase",
        "Level",
        "Room",
        "Tier",
        "Year",
        "Years",
        "Week",
        "Weeks",
        "Day",
        "Days",
        "Month",
        "Months",
        "Hour",
        "Hours",
        "Exploitation",
        "Protection",
        "Care",
        "Abuse",
        "Sexual",
        "Online",
        "Google",
        "Googled",
        "Facebook",
        "Instagram",
        "Snapchat",
        "WhatsApp",
        "TikTok",
        "Operation",
    ]
)


def _name_findings(text: str) -> list[Finding]:
    findings = []
    for pattern in (
        NAME_AFTER_ROLE_RE,
        NAME_AFTER_CUE_RE,
        TITLED_NAME_RE,
        NAME_WITH_AGE_RE,
    ):
        for match in pattern.finditer(text):
            words = match.group("name").split()
            # Drop trailing words that are not names ("Sarah Jones Then" → 2 words).
            while words and words[-1].rstrip(".") in NOT_NAMES:
                words.pop()
            if not words:
                continue
            bare = [w for w in words if not re.fullmatch(TITLE, w)]
            if not bare or bare[0].rstrip(".").split("-")[0] in NOT_NAMES:
                continue
            start = match.start("name")
            name = " ".join(words)
            end = start + len(name)
            if text[start:end] != name:  # whitespace other than one space
                end = match.end("name")
            findings.append(Finding("name", start, end, text[start:end]))
    return findings


# --- Dates of birth ---------------------------------------------------------------

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATE = (
    rf"(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}"
    rf"\s+\d{{2,4}}|{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
DOB_RE = re.compile(
    rf"\b(?i:d\.?o\.?b\.?|date of birth|born(?:\s+on|\s+in)?|birthday)"
    rf"(?:\s+(?:is|was))?\s*[:\-]?\s*(?P<value>{DATE}|(?:19|20)\d{{2}}\b)",
)


def _dob_findings(text: str) -> list[Finding]:
    return [
        Finding("dob", m.start("value"), m.end("value"), m.group("value"))
        for m in DOB_RE.finditer(text)
    ]


# --- Phone numbers, e-mail, NI numbers ----------------------------------------------

PHONE_RE = re.compile(
    r"(?<![\w/])(?:\+44\s?\(?0?\)?\s?|\(?0)"
    r"(?:\d[\s\-)]{0,2}){8,10}\d(?![\w/])"
)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
NI_RE = re.compile(
    r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-Z]{2}"
    r"\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"
)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _phone_findings(text: str) -> list[Finding]:
    findings = []
    for m in PHONE_RE.finditer(text):
        digits = _digits(m.group())
        if digits.startswith("44"):
            digits = "0" + digits[2:].lstrip("0")
        if len(digits) in (10, 11) and digits[1] in "1237":
            findings.append(Finding("phone", m.start(), m.end(), m.group()))
    return findings


def _email_findings(text: str) -> list[Finding]:
    return [
        Finding("email", m.start(), m.end(), m.group()) for m in EMAIL_RE.finditer(text)
    ]


def _ni_findings(text: str) -> list[Finding]:
    return [
        Finding("ni_number", m.start(), m.end(), m.group())
        for m in NI_RE.finditer(text)
    ]


# --- Postcodes and street addresses -----------------------------------------------

POSTCODE_RE = re.compile(
    r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b"
)
STREET_SUFFIX = (
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Place|"
    r"Gardens|Terrace|Grove|Hill|Row|Walk|Square|Mews|Rise|View|Parade|Estate|"
    r"Park Road|Chase|Vale|Meadows|Fold|Green|Croft|Heights)"
)
NUMBERED_ADDRESS_RE = re.compile(
    rf"\b(?:(?i:flat|apartment|unit)\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+"
    rf"(?:[A-Z][a-z]+\s+){{1,3}}{STREET_SUFFIX}\b"
)
LIVES_ON_RE = re.compile(
    rf"\b(?i:lives|lived|living|resides|resided|staying|stays|address(?:\s+is)?|"
    rf"house|home|flat|property)\s+(?:is\s+)?(?i:on|in|at)\s+(?:the\s+)?"
    rf"(?P<value>(?:[A-Z][a-z]+\s+){{1,3}}{STREET_SUFFIX})\b"
)


def _postcode_findings(text: str) -> list[Finding]:
    return [
        Finding("postcode", m.start(), m.end(), m.group())
        for m in POSTCODE_RE.finditer(text)
    ]


def _address_findings(text: str) -> list[Finding]:
    findings = [
        Finding("address", m.start(), m.end(), m.group())
        for m in NUMBERED_ADDRESS_RE.finditer(text)
    ]
    findings += [
        Finding("address", m.start("value"), m.end("value"), m.group("value"))
        for m in LIVES_ON_RE.finditer(text)
    ]
    return findings


# --- Vehicle registrations ----------------------------------------------------------

# Current format (2001 on): two letters, age identifier, three letters. Police
# acronyms that would otherwise look like the last three letters are not plates.
CURRENT_PLATE_RE = re.compile(
    r"\b(?P<area>[A-HJ-PR-Y][A-HJ-PR-Y])(?P<age>\d{2})\s?(?P<tail>[A-HJ-PR-Z]{3})\b"
)
PREFIX_PLATE_RE = re.compile(r"\b[A-HJ-NPR-Y]\d{1,3}\s?[A-HJ-PR-Y]{3}\b")
SUFFIX_PLATE_RE = re.compile(r"\b[A-HJ-PR-Y]{3}\s?\d{1,3}[A-HJ-NPR-Y]\b")
PLATE_CONTEXT_RE = re.compile(
    r"(?i:\b(?:reg(?:istration)?|vrm|plate|vehicle|car|van|index)\b)"
)
NOT_PLATE_TAILS = {"ABE", "CPS", "NFA", "OIC", "VPS", "DFU", "RSO", "CSE", "STO"}


def _vehicle_findings(text: str) -> list[Finding]:
    findings = []
    for m in CURRENT_PLATE_RE.finditer(text):
        age = int(m.group("age"))
        if (2 <= age <= 30 or 51 <= age <= 80) and m.group(
            "tail"
        ) not in NOT_PLATE_TAILS:
            findings.append(Finding("vehicle", m.start(), m.end(), m.group()))
    # Older formats look like other codes: only next to a word about vehicles.
    for pattern in (PREFIX_PLATE_RE, SUFFIX_PLATE_RE):
        for m in pattern.finditer(text):
            window = text[max(0, m.start() - 40) : m.start()]
            if PLATE_CONTEXT_RE.search(window):
                findings.append(Finding("vehicle", m.start(), m.end(), m.group()))
    return findings


# --- Crime and incident reference numbers ------------------------------------------

REFERENCE_CUE = (
    r"crime\s+(?:ref(?:erence)?|number|no\.?|report(?:\s+number)?)|incident\s+"
    r"(?:ref(?:erence)?|number|no\.?|log(?:\s+number)?)|occurrence(?:\s+(?:number|"
    r"no\.?|ref(?:erence)?))?|log\s+(?:number|no\.?|ref(?:erence)?)|CAD(?:\s+"
    r"(?:number|no\.?|ref(?:erence)?))?|URN|CRN|case\s+(?:ref(?:erence)?|number|no\.?)|"
    r"job\s+(?:number|no\.?)|ref(?:erence)?(?:\s+(?:number|no\.?))?|storm(?:\s+log)?|"
    r"niche(?:\s+(?:ref|occurrence))?|athena(?:\s+ref(?:erence)?)?"
)
REFERENCE_RE = re.compile(
    rf"\b(?i:{REFERENCE_CUE})\s*(?:is|was)?\s*[:#.\-]?\s*"
    rf"(?P<value>[A-Z0-9][A-Z0-9/\-]*\d[A-Z0-9/\-]*)",
)
# Common shapes even without a cue: 44/123456/24, 1234567/24, CAD 1234-150324.
REFERENCE_SHAPE_RE = re.compile(
    r"\b(?:\d{1,3}/\d{5,8}/\d{2,4}|\d{5,9}/\d{2}|[A-Z]{2,4}-?\d{6,12})\b"
)


def _reference_findings(text: str) -> list[Finding]:
    findings = []
    for m in REFERENCE_RE.finditer(text):
        value = m.group("value")
        if sum(c.isdigit() for c in value) >= 4:
            findings.append(
                Finding("reference", m.start("value"), m.end("value"), value)
            )
    for m in REFERENCE_SHAPE_RE.finditer(text):
        findings.append(Finding("reference", m.start(), m.end(), m.group()))
    return findings


# --- Putting it together ----------------------------------------------------------

DETECTORS = [
    _email_findings,
    _ni_findings,
    _vehicle_findings,
    _postcode_findings,
    _address_findings,
    _dob_findings,
    _reference_findings,
    _phone_findings,
    _name_findings,
]


def find_identifying_details(text: str) -> list[Finding]:
    """Likely identifying details in ``text``, in order, without overlaps (the detector
    listed first in DETECTORS wins a disputed span: an e-mail address is not also a
    name)."""
    # @[Display name] mentions name network members, not people in a case: blank
    # them out (keeping offsets) so they are never flagged.
    checked = MENTION_RE.sub(lambda m: " " * len(m.group()), text)
    chosen: list[Finding] = []
    for detector in DETECTORS:
        for finding in detector(checked):
            if not any(
                finding.start < other.end and other.start < finding.end
                for other in chosen
            ):
                chosen.append(finding)
    return sorted(chosen, key=lambda f: (f.start, f.end))


def highlight(text: str, findings: list[Finding]) -> SafeString:
    """``text`` escaped, with each finding wrapped in <mark> and labelled for screen
    readers."""
    parts = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.start):
        parts.append(escape(text[position : finding.start]))
        parts.append(
            '<mark class="ln-finding">'
            f"{escape(text[finding.start : finding.end])}"
            f'<span class="govuk-visually-hidden"> ({escape(finding.label)})</span>'
            "</mark>"
        )
        position = finding.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
