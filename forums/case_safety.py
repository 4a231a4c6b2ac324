"""The case-safety checker: likely identifying details in a forum post.

Officers discuss real cases; a post must never identify a victim, witness or suspect.
Before a post is saved, ``find_identifying_details`` looks for the kinds of detail that
identify people and the author sees them highlighted, then edits or confirms. It is a
pattern checker tuned for recall (a false alarm costs the author one click; a miss can
identify a victim), measured on the labelled corpus in tests/forums/case_safety_corpus.py
(results: docs/case-safety.md).

Each detector is a small function returning ``Finding``s; contextual detectors (names,
dates of birth, reference numbers, addresses, children's ages, workplaces) only fire next
to the words that make a string identifying ("the victim, Sarah Jones", "she is 15",
"her mum works at"), so "R v Turnbull", "Avon and Somerset", "the Sexual Offences Act
2003", "children aged 13 to 15" or "the College of Policing" do not. Each kind has a
label and an explanation the author sees with the warning.
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
    "school": "School, college or nursery",
    "child_age": "Child's age or school year",
    "workplace": "Workplace",
}
KINDS = list(KIND_LABELS)
# Why each kind can identify someone, and what to write instead: shown to the author
# once per kind found.
KIND_EXPLANATIONS = {
    "name": "Even a first name can identify someone to a colleague who knows the "
    "case. Use their role instead: the victim, the suspect, a witness.",
    "dob": "A date of birth picks out one person. Give an age range if age matters.",
    "phone": "A phone number leads straight to one person.",
    "email": "An e-mail address leads straight to one person.",
    "postcode": "A full postcode covers a handful of homes. Name the force area "
    "instead.",
    "address": "A street or house number shows where someone lives or where it "
    "happened. Say a residential street instead.",
    "vehicle": "A registration leads to the vehicle's keeper.",
    "reference": "A crime or incident reference opens the case record for anyone who "
    "can search your force's systems.",
    "ni_number": "A National Insurance number identifies one person.",
    "school": "A named school, college or nursery narrows a child down to a few "
    "hundred pupils, and anyone there may recognise them. Say a local secondary "
    "school instead.",
    "child_age": "A child's exact age or school year, with a town or a school, can "
    "pick out one child. Give a range instead, such as under 16.",
    "workplace": "A named workplace, especially with a street or town, tells people "
    "where to find someone or their family. Say a local supermarket instead.",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def explanation(self) -> str:
        return KIND_EXPLANATIONS[self.kind]

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
        # groups, not people: "Children aged 12 and under"
        "Children",
        "Pupils",
        "Girls",
        "Boys",
        "People",
        "Teenagers",
        "Students",
        "Survivors",
        "Health",
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


# --- Schools, colleges and nurseries ------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SCHOOL_NAME_WORD = (
    r"(?:St\.?|CofE|[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?:['’]s|s['’])?|[A-Z]{1,4}(?![a-z]))"
)
SCHOOL_TYPE = (
    r"(?:[Ss]chool|[Aa]cademy|[Cc]ollege|[Nn]ursery|Pre-?[Ss]chool|Primary|High|"
    r"Grammar|Infants?|Juniors?|Sixth\s+[Ff]orm)"
)
# "St Mary's Catholic School", "Saltford C of E Primary School", "Ridgeway High",
# "Oakfield school": capitalised words ending in a kind of school.
NAMED_SCHOOL_RE = re.compile(
    rf"\b(?P<name>{SCHOOL_NAME_WORD}(?:\s+(?:of\s+)?{SCHOOL_NAME_WORD}){{0,5}}?"
    rf"\s+{SCHOOL_TYPE}(?:\s+{SCHOOL_TYPE})*)(?![\w-])"
)
# ... unless it is a street, a building or a body: "School Lane", "the Old School
# House", "the College of Policing", "the High Court".
SCHOOL_NOT_BEFORE_RE = re.compile(
    rf"\s+(?:of\b|{STREET_SUFFIX}\b|House\b|Court\b|Sheriff\b|Commission|Care\b)"
)
# "she attends Kingsfield", "a pupil at St Brendan's": a school named by what is said
# about it.
SCHOOL_CUE_RE = re.compile(
    rf"\b(?i:attends|pupils?\s+at|students?\s+at|studies\s+at|enrolled\s+at|"
    rf"excluded\s+from|sixth\s+form\s+at|nursery\s+at|school\s+at)\s+(?:the\s+)?"
    rf"(?P<name>{SCHOOL_NAME_WORD}(?:\s+{SCHOOL_NAME_WORD}){{0,3}})"
)
# "St Mary's Catholic School in Keynsham", "a 15-year-old from Keynsham": the town
# goes in the highlight too.
PLACE_AFTER_RE = re.compile(
    r"\s+(?:in|from|near)\s+(?P<place>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2})"
)
# Words before a school's name that are never part of it ("Ask the ...", "On Monday
# ..."): sentence words, days and months.
NOT_SCHOOL_LEADS = _words(
    "A After All Also Although An And Any As Ask At Because Before Both But By Call "
    "Check Contact During Each Every For From He Her His How However I If In Into It "
    "Its Later Like Many Me Most My No Not Now Of On Or Our Ring She Since So Some "
    "Speak Tell That The Their Them Then There These They This Those To Today Tomorrow "
    "Until Us We What When Where Which While Who Why With Yes Yesterday You Your "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December"
)
# Training and professional bodies named like schools ("the Police Academy", "the
# Crime Academy course", "the Royal College of Nursing"): never a child's school.
NOT_SCHOOL_WORDS = _words(
    "Ambulance Army Command CPS Court Crime Crown Custody Cyber Defence Detective "
    "Detectives Digital Driving Emergency Fire Forensic Health Intelligence "
    "Investigation Investigative Investigators Judicial Law Leadership Learning "
    "Liaison Medical Midwives Military National Nursing Offences Officers Online Open "
    "Police Policing Prison Probation Protection Public RASSO Royal Safeguarding Schools "
    "Sexual SOIT Staff Sunday Training Wellbeing Home"
)
# Words that say what sort of school it is without saying which one.
SCHOOL_QUALIFIERS = _words(
    "Boys C Catholic Church CofE Community E England Faith Form Free Girls Grammar "
    "High Independent Infant Infants Junior Juniors Local Prep Preparatory Primary RC "
    "Secondary Sixth Special State Village of"
)


def _bare(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def _names_one_school(words: list[str]) -> bool:
    """More than "Catholic Primary School": a word that says which school."""
    return any(
        not (w in SCHOOL_QUALIFIERS or re.fullmatch(SCHOOL_TYPE, w)) for w in words
    )


def _school_finding(text: str, start: int, end: int) -> Finding | None:
    """The finding for a candidate school name at text[start:end], without the
    sentence words before it ("On Monday Oakfield Academy"); None if it names no
    particular school ("Catholic Primary School", "the Police Academy")."""
    words = [
        (m.start(), _bare(m.group())) for m in re.finditer(r"\S+", text[start:end])
    ]
    while words and words[0][1] in NOT_SCHOOL_LEADS:
        words.pop(0)
    bare = [w for _, w in words]
    if not _names_one_school(bare) or any(w in NOT_SCHOOL_WORDS for w in bare):
        return None
    start += words[0][0]
    place = PLACE_AFTER_RE.match(text, end)
    if place and place.group("place").split()[0] not in NOT_NAMES:
        end = place.end()
    return Finding("school", start, end, text[start:end])


def _school_findings(text: str) -> list[Finding]:
    findings = [
        _school_finding(text, m.start("name"), m.end("name"))
        for m in NAMED_SCHOOL_RE.finditer(text)
        if not SCHOOL_NOT_BEFORE_RE.match(text, m.end())
    ]
    findings += [
        _school_finding(text, m.start("name"), m.end("name"))
        for m in SCHOOL_CUE_RE.finditer(text)
    ]
    return [f for f in findings if f]


# --- A child's age or school year ---------------------------------------------------

CHILD_AGE_MAX = 17
# One person, not a group: "she", "the victim", "her daughter".
ONE_PERSON = rf"(?i:she|he|{PERSON_WORDS})"
# What follows a number that makes it something other than an age, or a range
# ("15 minutes", "5 foot 10", "2 streets", "1 of 3", "13 to 15", "15 or under").
NOT_AN_AGE_AFTER_RE = re.compile(
    r"\s*(?:%|-?\s*(?:per\s?cent|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|"
    r"miles?|metres?|m|km|kg|stone|st|foot|feet|ft|inch(?:es)?|cm|times|o'clock|am|"
    r"pm|points?|pages?|of|out|(?:years?|yrs?)(?!\s+old))\b|[:.,/]\d|[-–+]|"
    r"(?:or|and|to)\s+(?:under|over|older|younger|below|above|\d)|"
    r"(?!(?:was|has|his|hers|this|is|as|us)\b)[a-z]{2,}s\b)",
    re.IGNORECASE,
)
# "she is 15", "the victim was 13", "he's 16", "the witness is only 14"
AGE_STATED_RE = re.compile(
    rf"\b{ONE_PERSON}(?:['’]s|\s+(?:is|was|turned|turns|has\s+turned|had\s+turned|"
    rf"will\s+be))(?:\s+(?:now|only|just|still|barely|already))?\s+"
    rf"(?P<age>(?P<n>\d{{1,2}})(?:\s+(?:years?|yrs?)\s+old)?)\b"
)
# "the boy (12)", "the boy, 14,", "her sister, aged 15"
AGE_BESIDE_PERSON_RE = re.compile(
    rf"\b{ONE_PERSON}(?:\s*\((?:aged\s+)?(?P<bracketed>(?P<n>\d{{1,2}}))\)|"
    rf",\s*(?:aged\s+)?(?P<age>(?P<n2>\d{{1,2}}))(?=,|\s+and\b))"
)
# "aged 14" after one person, not a group ("children aged 13", "survivors aged 14")
AGED_RE = re.compile(r"\b(?i:aged)\s+(?P<age>(?P<n>\d{1,2}))\b")
GROUP_BEFORE_RE = re.compile(
    r"\b(?:(?i:people|children|men|women|anyone|all|those|young)|"
    r"(?!(?:was|has|his|this|is|as|us)\b)[a-z]+s)\W+$"
)
# "a 15-year-old", "her 11-year-old son", "the 14 year old", "a 13yo"
YEAR_OLD_RE = re.compile(
    r"\b(?P<age>(?P<n>\d{1,2})(?:\s*-\s*|\s+)(?:year|yr)s?(?:\s*-\s*|\s+)old(?!s)|"
    r"(?P<n2>\d{1,2})\s?yo)\b"
)
# Words before "N-year-old" that make it a range or any child ("under 16 years old",
# "any 13-year-old", "when a 14-year-old discloses").
NOT_ONE_CHILD_BEFORE_RE = re.compile(
    r"\b(?i:under|over|below|above|than|least|and|or|to|between|any|every|each|no|"
    r"(?:if|when|whenever|where|unless|once)\s+an?)\s+$"
)
# "a 15-year-old cannot consent": a rule about any child, not one child.
RULE_AFTER_RE = re.compile(
    r"(?:\s+[a-z]+)?\s+(?i:can|cannot|can't|could|may|might|must|should|would|will|"
    r"does|is\s+(?:not\s+)?(?:able|unable|legally|deemed|presumed))\b"
)
INDEFINITE_BEFORE_RE = re.compile(r"\b(?i:a|an|one)\s+$")
# "a 10-year-old car", "a 10-year-old case": the age of a thing.
THING_AFTER_RE = re.compile(
    r"(?:\s+[a-z]+)?\s+(?i:car|van|vehicle|bike|motorbike|case|conviction|caution|"
    r"allegation|offence|report|review|policy|system|phone|laptop|computer|house|flat|"
    r"building|law|guidance|investigation|record|dog|photo|image|video|account|"
    r"relationship|marriage|order)\b"
)
PERSON_NOUN_AFTER_RE = re.compile(
    r"\s+(?i:girl|boy|child|son|daughter|victim|lad|pupil|student|witness|suspect)\b"
)
SCHOOL_YEAR = (
    r"(?P<age>(?:[Yy]ear\s?|[Yy]r\s?|Y)(?P<n>1[0-3]|[1-9]))\b"
    r"(?!\s*(?:-|–|to|and|or)\s*\d|\s+of\b)"
)
# "she is in Year 10", "the victim is a Year 9 pupil", "her year 7 form tutor"
SCHOOL_YEAR_RES = [
    re.compile(
        rf"\b{ONE_PERSON}(?:['’]s|\s+(?:is|was))(?:\s+(?:now|only|just|still|"
        rf"currently))?(?:\s+in)?(?:\s+an?)?\s+{SCHOOL_YEAR}"
    ),
    re.compile(rf"\b(?i:her|his|their)\s+{SCHOOL_YEAR}"),
    re.compile(
        rf"\b(?i:a|an|the|one)\s+{SCHOOL_YEAR}\s+(?i:{PERSON_WORDS}|pupil|lad|kid)\b"
    ),
]
CONDITION_BEFORE_RE = re.compile(r"\b(?i:if|unless|whether|where)\s+(?:\S+\s+){0,2}$")


def _child_age(text: str, m: re.Match, group: str = "age") -> Finding | None:
    """The finding for the age in ``group`` of ``m``, if it is a child's age in a
    sentence about one child (not a rule: "if the child is 15 or under")."""
    n = int(m.group("n") or m.groupdict().get("n2") or 0)
    if not 0 < n <= CHILD_AGE_MAX or NOT_AN_AGE_AFTER_RE.match(text, m.end(group)):
        return None
    if CONDITION_BEFORE_RE.search(text[max(0, m.start() - 40) : m.start()]):
        return None
    return Finding("child_age", m.start(group), m.end(group), m.group(group))


def _years_old_finding(text: str, m: re.Match) -> Finding | None:
    before = text[max(0, m.start() - 20) : m.start()]
    if NOT_ONE_CHILD_BEFORE_RE.search(before) or THING_AFTER_RE.match(text, m.end()):
        return None
    after = m.end()
    if person := PERSON_NOUN_AFTER_RE.match(text, after):
        after = person.end()
    if INDEFINITE_BEFORE_RE.search(before) and RULE_AFTER_RE.match(text, after):
        return None
    finding = _child_age(text, m)
    place = PLACE_AFTER_RE.match(text, after)
    if finding and place and place.group("place").split()[0] not in NOT_NAMES:
        end = place.end()
        return Finding("child_age", m.start(), end, text[m.start() : end])
    return finding


def _child_age_findings(text: str) -> list[Finding]:
    findings = [_child_age(text, m) for m in AGE_STATED_RE.finditer(text)]
    findings += [
        _child_age(text, m, "bracketed" if m.group("bracketed") else "age")
        for m in AGE_BESIDE_PERSON_RE.finditer(text)
    ]
    findings += [
        _child_age(text, m)
        for m in AGED_RE.finditer(text)
        if not GROUP_BEFORE_RE.search(text[max(0, m.start() - 30) : m.start()])
    ]
    findings += [_years_old_finding(text, m) for m in YEAR_OLD_RE.finditer(text)]
    for pattern in SCHOOL_YEAR_RES:
        findings += [_child_age(text, m) for m in pattern.finditer(text)]
    return [f for f in findings if f]


# --- Workplaces ---------------------------------------------------------------------

# "works at", "worked with her at", "has a Saturday job at", "is employed by",
# "is a cleaner at", "drives for"
WORK_CUE = (
    r"(?i:work(?:s|ed|ing)?|jobs?|shifts?|employed|volunteers?|volunteering|drives|"
    r"drove|driving)(?:\s+[a-z-]+){0,3}?\s+(?:at|for|by|in\s+the)|(?i:is|was|['’]s)"
    r"\s+(?:an?|the)\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?:at|for)"
)
# "Tesco", "Marks & Spencer", "Sainsbury's", "B&Q", "Co-op" (no full stop at the end)
EMPLOYER_WORD = r"[A-Z](?:[\w'’&-]|\.(?=\w))*"
WORKPLACE_NOUNS = (
    r"garage|store|shop|branch|depot|warehouse|factory|site|office|hospital|hotel|"
    r"pub|cafe|café|restaurant|salon|surgery|gym|centre|club|care\s+home|takeaway|"
    r"bakery|cinema|practice|station|yard"
)
WORKPLACE_RE = re.compile(
    rf"\b(?:{WORK_CUE})\s+(?:the\s+)?"
    rf"(?P<employer>{EMPLOYER_WORD}(?:\s+(?:&\s+|and\s+)?{EMPLOYER_WORD}){{0,3}})"
    rf"(?P<area>\s+(?i:area|region|district|county|patch)\b)?"
    rf"(?:\s+(?i:{WORKPLACE_NOUNS})\b)?"
    rf"(?:(?:\s+(?:on|in|at|near|off)\s+(?:the\s+)?|,\s+)"
    rf"(?P<place>{EMPLOYER_WORD}(?:\s+{EMPLOYER_WORD}){{0,3}}))?"
)
# Who works there: the last person-word before the cue. Someone in the case or their
# relative makes even a bare employer identifying; the poster or a professional does
# not.
WORKER_RE = re.compile(
    rf"\b(?P<case>{ONE_PERSON}|(?i:him|her|his))\b|"
    r"\b(?P<professional>I|I'm|I've|(?i:we|we're|we've|us|ISVAs?|IDVAs?|officers?|"
    r"detectives?|sergeant|inspector|analyst|colleagues?|trainers?|lawyer|"
    r"prosecutor|counsel|barrister|intermediary|supervisor|investigators?|examiners?)|"
    r"OIC|SOIT|DC|DS|DI|DCI|PC|PS|DFU)\b"
)


def _worker(text: str, cue_start: int) -> str | None:
    """Whose workplace it is ("case", "professional" or None), from the words before
    the cue in the same sentence."""
    before = re.split(r"[.!?;]", text[max(0, cue_start - 60) : cue_start])[-1]
    kinds = [m.lastgroup for m in WORKER_RE.finditer(before)]
    return kinds[-1] if kinds else None


def _workplace_findings(text: str) -> list[Finding]:
    findings = []
    for m in WORKPLACE_RE.finditer(text):
        if m.group("employer").split()[0] in NOT_NAMES or m.group("area"):
            continue
        place = m.group("place")
        if place and place.split()[0] in NOT_NAMES:
            place = None
        worker = _worker(text, m.start())
        if worker == "professional" or not (place or worker == "case"):
            continue
        start, end = m.start("employer"), m.end() if place else m.end("employer")
        findings.append(Finding("workplace", start, end, text[start:end]))
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
    _school_findings,
    _workplace_findings,
    _child_age_findings,
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
