"""The judged query set over the demo content: what an officer would type, and the
results that should come first. Grades: 2 = the answer, 1 = also relevant. Keys are
(result type, title). Forum threads join once the forums demo content exists."""

G, M, L, T = "guidance", "module", "lesson", "thread"

ISVAS = {(G, "Working with ISVAs"): 2, (L, "Working with ISVAs"): 2}
ABE = {(G, "Achieving Best Evidence interviews with adult victims"): 2}
DFU = {
    (G, "Requesting digital forensic work"): 2,
    (L, "Working with the DFU"): 2,
    (M, "Digital forensics for investigators"): 1,
}
CPS = {(G, "Working with the CPS on early advice"): 2}
RSO = {(G, "Managing registered sex offenders who come to notice"): 2}
NFA = {
    (G, "Outcome decisions and the right to review"): 2,
    (T, "Intelligence submissions after NFA"): 1,
}
REPEAT = {
    (M, "Recognising repeat and serial offending"): 2,
    (L, "Why repeat offending matters"): 2,
    (G, "Linking reports to identify serial offenders"): 1,
}
WELLBEING = {
    (G, "Wellbeing for RASSO investigators"): 2,
    (M, "Wellbeing for RASSO investigators"): 2,
    (L, "Looking after yourself"): 1,
    (L, "Vicarious trauma"): 1,
}
WITHDRAWAL = {(G, "Victim withdrawal and victimless prosecutions"): 2}
SUSPECT_INTERVIEW = {
    (G, "Suspect interview planning"): 2,
    (L, "Planning the suspect interview"): 2,
    (M, "Suspect-focused investigation essentials"): 1,
}

JUDGED: dict[str, dict] = {
    # The issue's own examples
    "ISVA referral": {
        **ISVAS,
        (M, "Engaging victims throughout the investigation"): 1,
        (T, "Working with ISVAs from day one"): 1,
    },
    "phone download consent": {
        (G, "Digital evidence from victims' phones"): 2,
        (T, "Phone download backlog"): 1,
        (T, "Victim devices: proportionate requests"): 1,
    },
    "repeat offender": {
        **REPEAT,
        (T, "Serial offender profiles: what works?"): 1,
        (T, "Managing registered sex offenders who reoffend"): 1,
    },
    # Acronyms and their expansions, both ways
    "ISVA": ISVAS,
    "independent sexual violence adviser": ISVAS,
    "ABE interview": {**ABE, (T, "Interpreters for ABE interviews"): 1},
    "achieving best evidence": ABE,
    "VRI": ABE,
    "visually recorded interview": ABE,
    "DFU request": DFU,
    "digital forensics unit": DFU,
    "CPS early advice": CPS,
    "crown prosecution service": CPS,
    "RSO": RSO,
    "registered sex offender": RSO,
    "NFA": NFA,
    "no further action": NFA,
    # Topics
    "serial offenders": {
        (G, "Linking reports to identify serial offenders"): 2,
        (M, "Recognising repeat and serial offending"): 2,
        (T, "Serial offender profiles: what works?"): 1,
    },
    "right to review": {
        (G, "Outcome decisions and the right to review"): 2,
        (L, "The right to review"): 2,
    },
    "victims code": {
        (G, "Keeping victims informed: the Victims' Code"): 2,
        (M, "Engaging victims throughout the investigation"): 1,
    },
    "bail conditions": {(G, "Bail, release under investigation and conditions"): 2},
    "release under investigation": {
        (G, "Bail, release under investigation and conditions"): 2
    },
    "pre-charge bail": {(G, "Bail, release under investigation and conditions"): 2},
    "suspect interview": SUSPECT_INTERVIEW,
    "first 48 hours": {(G, "Planning the first 48 hours of a RASSO investigation"): 2},
    "vicarious trauma": {
        (L, "Vicarious trauma"): 2,
        (M, "Wellbeing for RASSO investigators"): 2,
        (G, "Wellbeing for RASSO investigators"): 1,
    },
    "wellbeing": WELLBEING,
    "attrition": {
        (G, "Understanding attrition"): 2,
        (L, "Reading attrition data"): 2,
    },
    "crime recording": {
        (G, "Recording RASSO crimes accurately"): 2,
        (L, "Why recording matters"): 1,
    },
    "data protection": {(G, "Data protection in RASSO investigations"): 2},
    "communications data": {(G, "Communications data in RASSO cases"): 2},
    "intimate images": {(G, "Image-based sexual abuse"): 2},
    "victim withdrawal": WITHDRAWAL,
    "trauma informed": {(G, "Trauma-informed practice for investigators"): 2},
    "case review": {(G, "Learning from case reviews"): 2},
    "learning disabilities": {(G, "Supporting victims with additional needs"): 2},
    "suspect devices": {
        (G, "Suspects' devices: seizure and examination"): 2,
        (L, "The suspect's devices"): 2,
    },
    "supervision": {(G, "Supervising RASSO investigations"): 2},
    "RASSO supervision": {(G, "Supervising RASSO investigations"): 2},
    "linking reports": {
        (G, "Linking reports to identify serial offenders"): 2,
        (M, "Recognising repeat and serial offending"): 1,
    },
    "online offending": {(G, "Recognising linked online offending"): 2},
    "specialist investigator": {(G, "Becoming a specialist RASSO investigator"): 2},
    "performance data": {(G, "Using performance data in RASSO teams"): 2},
    "offender disruption": {(G, "Offender disruption tactics"): 2},
    # Questions as officers type them
    "how do I request digital forensic work": DFU,
    "what should the first officer do at a rape report": {
        (G, "Responding to a first report of rape"): 2
    },
    "how do I keep the victim updated": {
        (G, "Keeping victims informed: the Victims' Code"): 2,
        (L, "Updates and decisions"): 1,
        (M, "Engaging victims throughout the investigation"): 1,
    },
    # Misspellings
    "victm withdrawl": WITHDRAWAL,
    "repeet offending": REPEAT,
    "consnet": {(G, "Investigating consent: a suspect-focused approach"): 2},
    "isva refferal": ISVAS,
    "welbeing": WELLBEING,
    # Peer discussions in the forums
    "phone download backlog": {(T, "Phone download backlog"): 2},
    "voluntary interview": {(T, "Arrest or voluntary interview?"): 2},
    "bad character application": {(T, "Bad character applications in RASSO cases"): 2},
    "rape myths MG3": {(T, "Challenging rape myths in the MG3"): 2},
    "SOIT rota": {(T, "Rota for the SOIT on-call"): 2},
    "kiosk triage": {(T, "Kiosk triage now available in the RASSO office"): 2},
    "interpreter for an ABE interview": {(T, "Interpreters for ABE interviews"): 2},
    "outcome codes": {(T, "Recording outcome codes correctly"): 2},
    "caseloads": {(T, "Caseloads: how many is too many?"): 2},
    "special measures": {(T, "Special measures: explaining the options"): 2},
    # Phrases
    '"digital forensics"': {
        (M, "Digital forensics for investigators"): 2,
        (G, "Requesting digital forensic work"): 1,
    },
    '"suspect interview"': SUSPECT_INTERVIEW,
    # Found by a new user (issue 14): plurals across every type, one result per
    # thread, misspellings of body words, exact guidance titles.
    "digital download consent": {
        (G, "Digital evidence from victims' phones"): 2,
        (T, "Phone download backlog"): 1,
        (T, "Victim devices: proportionate requests"): 1,
    },
    "third party material": {
        (G, "Data protection in RASSO investigations"): 2,
        (T, "Third-party material requests"): 2,
    },
    "bad character": {(T, "Bad character applications in RASSO cases"): 2},
    "ABE interviews": {**ABE, (T, "Interpreters for ABE interviews"): 1},
    "disclosure": {(G, "Suspect interview planning"): 2},
    "disclosre": {(G, "Suspect interview planning"): 2},
    "Suspect interview planning": {
        (G, "Suspect interview planning"): 2,
        (L, "Planning the suspect interview"): 1,
    },
    "working with isvas": {
        (G, "Working with ISVAs"): 2,
        (L, "Working with ISVAs"): 1,
    },
    "digital evidence from victims' phones": {
        (G, "Digital evidence from victims' phones"): 2
    },
}
