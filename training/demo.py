"""Demo training: one module per theme, with lessons, a knowledge check and some
progress for the demo officers. Synthetic text; no real people or cases. Safe to run
again: modules are found by slug and progress is only added where there is none."""

from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.models import Page

from core.models import Theme

from .models import Attempt, LessonPage, ModulePage, TrainingIndexPage
from .services import attempt_submit, enrolment_start, lesson_complete


def q(qid, question, answers, explanation, multiple=False):
    """A question; answers are (text, correct) pairs."""
    return {
        "type": "question",
        "id": qid,
        "value": {
            "question": question,
            "answer_type": "multiple" if multiple else "single",
            "answers": [{"text": t, "correct": c} for t, c in answers],
            "explanation": explanation,
        },
    }


def para(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def key_points(*points):
    return {"type": "key_points", "value": {"heading": "Key points", "points": points}}


def scenario(title, situation, question):
    return {
        "type": "scenario",
        "value": {
            "title": title,
            "situation": f"<p>{situation}</p>",
            "question": question,
        },
    }


def reflection(prompt, guidance=""):
    return {"type": "reflection", "value": {"prompt": prompt, "guidance": guidance}}


def video(title, transcript):
    return {
        "type": "video",
        "value": {
            "title": title,
            "link": "https://video.college.police.example/learning-network/demo",
            "duration": "5 minutes",
            "transcript": f"<p>{transcript}</p>",
        },
    }


MODULES = [
    {
        "slug": "suspect-focused-investigation-essentials",
        "title": "Suspect-focused investigation essentials",
        "theme": "suspect-focused-investigations",
        "minutes": 60,
        "summary": "Why a RASSO investigation should test the suspect's behaviour and "
        "account rather than the victim's credibility, and how to plan for it.",
        "objectives": "Explain what a suspect-focused investigation means.\n"
        "Plan early lines of enquiry about the suspect.\n"
        "Prepare a suspect interview that tests the account.",
        "audience": "Investigators and supervisors in RASSO teams",
        "lessons": [
            (
                "What suspect-focused means",
                [
                    para(
                        "A suspect-focused investigation asks what the suspect did "
                        "before, during and after the offence, and how they chose and "
                        "isolated the victim."
                    ),
                    key_points(
                        "Test the suspect's account against the evidence.",
                        "Avoid unnecessary scrutiny of the victim's history.",
                    ),
                ],
            ),
            (
                "Early lines of enquiry",
                [
                    para(
                        "In the first 48 hours, secure the suspect's phone data, CCTV "
                        "and witness accounts of the suspect's behaviour."
                    ),
                    scenario(
                        "A report after a night out",
                        "A woman in her twenties reports that a man she met in a "
                        "bar raped her at his flat. She knows only his first name.",
                        "Which three enquiries about the suspect come first?",
                    ),
                ],
            ),
            (
                "Planning the suspect interview",
                [
                    video(
                        "Planning the interview",
                        "Narrator: The officer in the case lists every point in the "
                        "suspect's expected account and the evidence that tests it.",
                    ),
                    reflection(
                        "Think of an interview where the suspect's account went "
                        "untested. What would you plan differently?"
                    ),
                ],
            ),
        ],
        "questions": [
            q(
                "sf-1",
                "What is the focus of a suspect-focused investigation?",
                [
                    ("The suspect's behaviour and account", True),
                    ("The victim's previous relationships", False),
                    ("The victim's delay in reporting", False),
                ],
                "The investigation tests the suspect's behaviour and account.",
            ),
            q(
                "sf-2",
                "Which are early lines of enquiry about the suspect?",
                [
                    ("Securing the suspect's phone data", True),
                    ("CCTV of the suspect's movements", True),
                    ("Requesting the victim's full medical history", False),
                ],
                "Phone data and CCTV are lost quickly; medical records need a clear "
                "reason and proportionality.",
                True,
            ),
            q(
                "sf-3",
                "Who decides whether to charge in a RASSO case?",
                [
                    ("The Crown Prosecution Service", True),
                    ("The officer in the case", False),
                ],
                "The CPS makes the charging decision after an MG3 submission.",
            ),
        ],
    },
    {
        "slug": "recognising-repeat-and-serial-offending",
        "title": "Recognising repeat and serial offending",
        "theme": "repeat-and-serial-offenders",
        "minutes": 45,
        "summary": "How to look for other offences by the same suspect and link "
        "reports across forces.",
        "objectives": "Search for linked reports.\nRecognise patterns of offending.\n"
        "Share intelligence with other forces.",
        "audience": "Investigators and analysts",
        "lessons": [
            (
                "Why repeat offending matters",
                [
                    para(
                        "A large share of reported rapes are committed by people who have "
                        "offended before."
                    ),
                    key_points("Always search for linked reports."),
                ],
            ),
            (
                "Searching across forces",
                [
                    para(
                        "Use national systems to search for the suspect's name, vehicles and "
                        "addresses."
                    ),
                    scenario(
                        "Two reports, two forces",
                        "Two forces each hold a report naming a man with the same "
                        "unusual tattoo.",
                        "How would you confirm a link?",
                    ),
                ],
            ),
            (
                "Working with analysts",
                [
                    reflection("When did an analyst last help you see a pattern?"),
                    key_points("Share early.", "Record the rationale for links."),
                ],
            ),
        ],
        "questions": [
            q(
                "rs-1",
                "What should you do at the start of every RASSO investigation?",
                [
                    ("Search for linked reports about the suspect", True),
                    ("Wait for the victim to name other victims", False),
                ],
                "Searching for linked reports is a core early action.",
            ),
            q(
                "rs-2",
                "Which details help link reports?",
                [
                    ("Distinctive marks such as tattoos", True),
                    ("Vehicle details", True),
                    ("The weather on the day", False),
                ],
                "Identifying features and vehicles are strong linking details.",
                True,
            ),
            q(
                "rs-3",
                "Who can help identify patterns across reports?",
                [("An intelligence analyst", True), ("The suspect's solicitor", False)],
                "Analysts work across systems to find patterns.",
            ),
        ],
    },
    {
        "slug": "engaging-victims-throughout-the-investigation",
        "title": "Engaging victims throughout the investigation",
        "theme": "victim-engagement",
        "minutes": 50,
        "summary": "Keeping victims informed and supported, working with ISVAs, and "
        "meeting the Victims' Code.",
        "objectives": "Explain the Victims' Code duties.\nWork with an ISVA.\n"
        "Agree how and when to update the victim.",
        "audience": "Investigators, SOIT and victim liaison officers",
        "lessons": [
            (
                "The first contact",
                [
                    para(
                        "The first contact shapes the victim's trust in the investigation."
                    ),
                    key_points("Explain what happens next.", "Offer an ISVA referral."),
                ],
            ),
            (
                "Working with ISVAs",
                [
                    para(
                        "An independent sexual violence adviser supports the victim "
                        "throughout; agree how you will share updates."
                    ),
                    reflection("How do you agree update arrangements with a victim?"),
                ],
            ),
            (
                "Updates and decisions",
                [
                    scenario(
                        "A delayed decision",
                        "The charging decision is delayed by three months. The victim "
                        "has heard nothing for six weeks.",
                        "What do you tell the victim, and when?",
                    ),
                    key_points("Agree the update frequency.", "Record every contact."),
                ],
            ),
            (
                "The right to review",
                [para("Victims may ask for a review of a decision not to charge.")],
            ),
        ],
        "questions": [
            q(
                "ve-1",
                "What does ISVA stand for?",
                [
                    ("Independent sexual violence adviser", True),
                    ("Investigating sexual violence assessor", False),
                ],
                "ISVAs are independent advisers who support victims.",
            ),
            q(
                "ve-2",
                "Which should you agree with the victim early?",
                [
                    ("How and how often you will update them", True),
                    ("Whether they will attend court", False),
                ],
                "Agreeing update arrangements early builds trust.",
            ),
            q(
                "ve-3",
                "Which are good practice in victim updates?",
                [
                    ("Recording every contact", True),
                    ("Explaining delays honestly", True),
                    ("Updating only when there is news", False),
                ],
                "Regular, honest and recorded updates are expected.",
                True,
            ),
        ],
    },
    {
        "slug": "wellbeing-for-rasso-investigators",
        "title": "Wellbeing for RASSO investigators",
        "theme": "learning-development-and-wellbeing",
        "minutes": 30,
        "summary": "Recognising the signs of vicarious trauma and where to get "
        "support.",
        "objectives": "Recognise signs of vicarious trauma.\nKnow where to get support.",
        "audience": "Everyone working on RASSO cases",
        "lessons": [
            (
                "Vicarious trauma",
                [
                    para(
                        "Repeated exposure to traumatic accounts affects investigators."
                    ),
                    key_points("It is common.", "It is not a weakness."),
                ],
            ),
            (
                "Looking after yourself",
                [
                    reflection("What helps you switch off after a difficult day?"),
                    para(
                        "Talk to your supervisor, occupational health or your Employee "
                        "Assistance Programme."
                    ),
                ],
            ),
            (
                "Supporting colleagues",
                [
                    scenario(
                        "A quiet colleague",
                        "A colleague who was usually talkative has become withdrawn "
                        "after a difficult case.",
                        "What could you do?",
                    )
                ],
            ),
        ],
        "questions": [
            q(
                "wb-1",
                "Is vicarious trauma a sign of weakness?",
                [
                    ("No, it is a common response to repeated exposure", True),
                    ("Yes", False),
                ],
                "Vicarious trauma is a normal response and support is available.",
            ),
            q(
                "wb-2",
                "Where can you get support?",
                [
                    ("Occupational health", True),
                    ("Your Employee Assistance Programme", True),
                    ("Nowhere until the case ends", False),
                ],
                "Support is available at any time.",
                True,
            ),
            q(
                "wb-3",
                "What can you do for a withdrawn colleague?",
                [("Check in with them privately", True), ("Ignore it", False)],
                "A private, supportive conversation is a good first step.",
            ),
        ],
    },
    {
        "slug": "using-data-to-improve-rasso-outcomes",
        "title": "Using data to improve RASSO outcomes",
        "theme": "data",
        "minutes": 40,
        "summary": "Recording decisions well and reading your force's RASSO data.",
        "objectives": "Record outcomes accurately.\nRead attrition data.",
        "audience": "Supervisors, analysts and force leads",
        "lessons": [
            (
                "Why recording matters",
                [
                    para(
                        "Outcome codes and decision records feed the national picture."
                    ),
                    key_points("Record the outcome code accurately."),
                ],
            ),
            (
                "Reading attrition data",
                [
                    para(
                        "Attrition shows where cases leave the criminal justice process."
                    ),
                    reflection(
                        "Where does your team's data show cases leaving the process?"
                    ),
                ],
            ),
            (
                "Acting on what the data shows",
                [
                    scenario(
                        "A rise in withdrawals",
                        "Your force's data shows more victims withdrawing support "
                        "at the interview stage.",
                        "What would you look at first?",
                    )
                ],
            ),
        ],
        "questions": [
            q(
                "da-1",
                "What does attrition data show?",
                [
                    ("Where cases leave the criminal justice process", True),
                    ("The number of officers in a team", False),
                ],
                "Attrition data follows cases through the process.",
            ),
            q(
                "da-2",
                "Why must outcome codes be accurate?",
                [
                    ("They feed local and national data", True),
                    ("They are only for the officer's notes", False),
                ],
                "Accurate codes make the data trustworthy.",
            ),
            q(
                "da-3",
                "Which could explain more withdrawals at interview stage?",
                [
                    ("Long waits for an interview", True),
                    ("Poor updates to victims", True),
                    ("The colour of the interview room", False),
                ],
                "Delay and poor communication both affect engagement.",
                True,
            ),
        ],
    },
    {
        "slug": "digital-forensics-for-investigators",
        "title": "Digital forensics for investigators",
        "theme": "digital-forensics",
        "minutes": 55,
        "summary": "Proportionate digital enquiries: what to ask for, from whom, and "
        "how to protect the victim's privacy.",
        "objectives": "Make proportionate requests for digital material.\n"
        "Work with the digital forensics unit.\nProtect the victim's privacy.",
        "audience": "Investigators and digital forensic examiners",
        "lessons": [
            (
                "Proportionate requests",
                [
                    para(
                        "Only ask for the digital material a reasonable line of enquiry "
                        "needs, and explain why to the victim."
                    ),
                    key_points(
                        "Reasonable lines of enquiry only.", "Explain the request."
                    ),
                ],
            ),
            (
                "Working with the DFU",
                [
                    para(
                        "Agree a clear examination strategy with the digital forensics "
                        "unit."
                    ),
                    video(
                        "Briefing the DFU",
                        "Narrator: The investigator explains the lines of enquiry and the "
                        "time period that matters.",
                    ),
                ],
            ),
            (
                "The suspect's devices",
                [
                    scenario(
                        "An unlocked phone",
                        "The suspect hands over his phone unlocked at arrest.",
                        "What do you do next?",
                    )
                ],
            ),
        ],
        "questions": [
            q(
                "df-1",
                "When should you ask for a victim's digital material?",
                [
                    ("When a reasonable line of enquiry needs it", True),
                    ("In every case as routine", False),
                ],
                "Requests must be proportionate and necessary.",
            ),
            q(
                "df-2",
                "What should the DFU receive from you?",
                [
                    ("A clear examination strategy", True),
                    ("Every device you seized", False),
                ],
                "A focused strategy gets faster and better results.",
            ),
            q(
                "df-3",
                "Which protect the victim's privacy?",
                [
                    ("Limiting the time period examined", True),
                    ("Explaining the request to the victim", True),
                    ("Downloading everything to be safe", False),
                ],
                "Focus and transparency protect privacy.",
                True,
            ),
        ],
    },
]


def _answers(module: ModulePage, right: bool) -> dict[str, list[int]]:
    answers = {}
    for qid, value in module.question_list:
        correct = [i for i, a in enumerate(value["answers"]) if a["correct"]]
        answers[qid] = (
            correct
            if right
            else [i for i in range(len(value["answers"])) if i not in correct][:1]
        )
    return answers


def _cited_guidance_id():
    """A published guidance page, if the guidance seed made one (found by content
    type, so training never imports guidance's models)."""
    page = (
        Page.objects.live()
        .filter(content_type__app_label="guidance", content_type__model="guidancepage")
        .order_by("path")
        .first()
    )
    return page.pk if page else None


@transaction.atomic
def seed_training(stdout=None) -> list[ModulePage]:
    index = TrainingIndexPage.objects.first()
    if index is None:
        home = Page.objects.get(depth=2)
        index = TrainingIndexPage(title="Training", slug="training")
        home.add_child(instance=index)
        index.save_revision().publish()
    User = get_user_model()
    trainer = User.objects.filter(email="trainer@demo.police.uk").first()
    themes = {t.slug: t for t in Theme.objects.all()}
    guidance_id = _cited_guidance_id()
    modules = []
    for spec in MODULES:
        module = ModulePage.objects.filter(slug=spec["slug"]).first()
        if module is None:
            module = ModulePage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                learning_objectives=spec["objectives"],
                audience=spec["audience"],
                estimated_minutes=spec["minutes"],
                prerequisites="",
                pass_mark=70,
                questions=spec["questions"],
                owner=trainer,
            )
            index.add_child(instance=module)
            module.themes.set([themes[spec["theme"]]])
            module.save_revision(user=trainer).publish()
            for number, (title, body) in enumerate(spec["lessons"]):
                body = list(body)
                if guidance_id and number == 0:
                    body.append(
                        {
                            "type": "cite_guidance",
                            "value": {
                                "page": guidance_id,
                                "note": "Read it alongside this lesson.",
                            },
                        }
                    )
                lesson = LessonPage(title=title, body=body, owner=trainer)
                module.add_child(instance=lesson)
                lesson.save_revision(user=trainer).publish()
            module = ModulePage.objects.get(pk=module.pk)
        modules.append(module)
    _seed_progress(modules)
    if stdout:
        stdout.write(f"Training: {len(modules)} modules.")
    return modules


def _seed_progress(modules):
    """officer: two completed (one after a failed attempt), one in progress;
    officer2: one completed, one in progress; supervisor: one completed."""
    User = get_user_model()
    plans = {
        "officer@demo.police.uk": [(0, "fail-then-pass"), (2, "pass"), (5, "lessons")],
        "officer2@demo.police.uk": [(0, "pass"), (3, "lessons")],
        "supervisor@demo.police.uk": [(4, "pass"), (1, "start")],
    }
    for email, plan in plans.items():
        user = User.objects.filter(email=email).first()
        if user is None:
            continue
        for position, what in plan:
            module = modules[position]
            if Attempt.objects.filter(
                enrolment__user=user, enrolment__module=module
            ).exists():
                continue
            enrolment_start(user=user, module=module)
            lessons = list(LessonPage.objects.child_of(module).live().order_by("path"))
            if what == "start":
                continue
            done = lessons if what != "lessons" else lessons[:2]
            for lesson in done:
                lesson_complete(user=user, module=module, lesson=lesson)
            if what == "fail-then-pass":
                attempt_submit(
                    user=user, module=module, answers=_answers(module, False)
                )
            if what in ("pass", "fail-then-pass"):
                attempt_submit(user=user, module=module, answers=_answers(module, True))
