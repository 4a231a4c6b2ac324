"""Demo forum content: 46 synthetic threads across the national categories, two
force-private categories (Avon and Somerset, West Yorkshire), two role-restricted
ones and an anonymous wellbeing category, with replies, marked answers and "helpful" reactions. Written for the demo: no
real cases or people, and nothing the case-safety checker would flag. Safe to run
again: a thread that exists (same category and title) is left alone.

So the two demo officers have colleagues to talk to in their private categories, two
synthetic forum members are added to each force (they cannot sign in). The demo
moderator finds two items in the queue: a report, and a reply whose author confirmed
a (synthetic) name the case-safety checker found."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts.models import Force, JobRole
from core.services import follow_create

from .models import Category, CategoryRole, Post, PostReaction, Thread
from .rendering import render_markdown

SUS, REP, VIC, LDW, DATA, DF = (
    "suspect-focused-investigations",
    "repeat-and-serial-offenders",
    "victim-engagement",
    "learning-development-and-wellbeing",
    "data",
    "digital-forensics",
)
AVON, WY, SUPS, DFX, WELL = (
    "avon-and-somerset-rasso-team",
    "west-yorkshire-rasso-unit",
    "supervisors-room",
    "digital-forensic-examiners",
    "wellbeing-peer-support",
)
# Anonymous: posts show as "An officer" (see forums.models.Category.is_anonymous).
ANONYMOUS_CATEGORIES = {WELL}

EXTRA_CATEGORIES = [
    # slug, name, description, force name, roles
    (
        AVON,
        "Avon and Somerset RASSO team",
        "For Avon and Somerset officers and staff only: local processes and cases.",
        "Avon and Somerset",
        (),
    ),
    (
        WY,
        "West Yorkshire RASSO unit",
        "For West Yorkshire officers and staff only: local processes and cases.",
        "West Yorkshire",
        (),
    ),
    (
        SUPS,
        "Supervisors' room",
        "For supervisors: case reviews, workload and looking after the team.",
        None,
        (JobRole.SUPERVISOR,),
    ),
    (
        WELL,
        "Wellbeing: peer support",
        "Talk to peers anonymously: posts show as 'an officer'. Support is also there "
        "from your force's occupational health team and the national police "
        "wellbeing service.",
        None,
        (),
    ),
    (
        DFX,
        "Digital forensic examiners",
        "For digital forensic examiners: triage, tools and backlogs.",
        None,
        (JobRole.DIGITAL_FORENSIC_EXAMINER,),
    ),
]

# key, display name, force, job role
FORUM_MEMBERS = [
    ("avon.analyst", "Chris Bennett", "Avon and Somerset", JobRole.ANALYST),
    (
        "avon.dfx",
        "Lena Fischer",
        "Avon and Somerset",
        JobRole.DIGITAL_FORENSIC_EXAMINER,
    ),
    ("wy.investigator", "DC Ben Hartley", "West Yorkshire", JobRole.INVESTIGATOR),
    ("wy.supervisor", "DS Maria Lopes", "West Yorkshire", JobRole.SUPERVISOR),
]

# Authors by key: demo accounts (accounts.demo) and the forum members above.
# category, author, title, question, [(author, reply)], answer index or None,
# helpful (reply index, by whom)
THREADS = [
    (
        SUS,
        "officer",
        "Planning the suspect interview when the account is delayed",
        "We have a report made several months after the offence. How are others "
        "structuring the suspect interview plan so it focuses on the suspect's "
        "behaviour rather than the delay?",
        [
            (
                "officer2",
                "We map the suspect's behaviour before, during and after, and "
                "keep the delay out of the plan unless the suspect raises it.",
            ),
            (
                "reviewer",
                "The College guidance on suspect-focused investigations has a "
                "good planning template. Start with opportunity and grooming behaviour.",
            ),
            (
                "supervisor",
                "Get early advice from the CPS on what the key issues will be "
                "before you finalise the plan.",
            ),
        ],
        0,
        [(0, "supervisor"), (1, "officer")],
    ),
    (
        SUS,
        "officer2",
        "Bad character applications in RASSO cases",
        "When do you start gathering material for a bad character application? We "
        "keep finding it too late in the process.",
        [
            (
                "officer",
                "From the first week. We check intelligence, previous reports and "
                "other forces' systems as part of the suspect profile.",
            ),
            (
                "reviewer",
                "Build it into the investigation plan as its own strand with an owner.",
            ),
            (
                "wy.investigator",
                "Our unit has a checklist the supervisor signs off at "
                "the 28-day review.",
            ),
        ],
        1,
        [(1, "officer2")],
    ),
    (
        SUS,
        "supervisor",
        "Using the suspect's digital footprint early",
        "What digital lines of enquiry do you prioritise about the suspect in the "
        "first 48 hours?",
        [
            (
                "officer",
                "Communications data and social media accounts, before anything "
                "is deleted.",
            ),
            (
                "trainer",
                "The digital forensics module covers a proportionate strategy for "
                "suspect devices; worth a look.",
            ),
            (
                "officer2",
                "We always consider location data to test the account of opportunity.",
            ),
        ],
        None,
        [(0, "supervisor")],
    ),
    (
        SUS,
        "reviewer",
        "Challenging rape myths in the MG3",
        "How do you make sure the MG3 addresses likely myths and stereotypes head-on?",
        [
            (
                "officer",
                "We add a short section on the context of the victim's "
                "behaviour, with research references.",
            ),
            ("supervisor", "Our reviewers check for it before submission."),
            (
                "officer2",
                "Expert evidence on trauma responses has helped us in two "
                "recent cases.",
            ),
        ],
        0,
        [],
    ),
    (
        SUS,
        "officer",
        "Arrest or voluntary interview?",
        "What factors push you towards arrest rather than a voluntary attendance in "
        "RASSO cases?",
        [
            (
                "supervisor",
                "Safeguarding and the need to secure evidence usually decide "
                "it. Record the necessity test clearly.",
            ),
            (
                "officer2",
                "Search powers on arrest are often the deciding factor for us.",
            ),
            ("reviewer", "Think about bail conditions to protect the victim too."),
        ],
        0,
        [(0, "officer"), (1, "officer")],
    ),
    (
        SUS,
        "trainer",
        "Training idea: suspect-focused case studies",
        "I am building a case study exercise for new investigators. What would you "
        "want it to cover?",
        [
            ("officer", "How to spot and evidence controlling behaviour."),
            ("officer2", "Writing the investigation plan and revisiting it."),
            ("supervisor", "How supervisors should challenge a victim-focused plan."),
        ],
        None,
        [],
    ),
    (
        SUS,
        "officer2",
        "Third-party material requests",
        "How are others keeping third-party material requests proportionate?",
        [
            (
                "reviewer",
                "Only request what is relevant to a reasonable line of enquiry "
                "and record why.",
            ),
            ("officer", "We explain to the victim what we are asking for and why."),
            (
                "supervisor",
                "The CPS guidance on third-party material is clear on this.",
            ),
        ],
        0,
        [(0, "officer2")],
    ),
    (
        REP,
        "officer",
        "Linking reports across force borders",
        "How do you check whether a suspect has been reported in other forces?",
        [
            (
                "officer2",
                "The national database searches first, then a direct request to "
                "the other force's RASSO unit.",
            ),
            (
                "avon.analyst",
                "Analysts can run a pattern search on modus operandi as well as names.",
            ),
            (
                "reviewer",
                "Record the searches and the results in the plan, even when "
                "nothing comes back.",
            ),
        ],
        1,
        [(1, "officer")],
    ),
    (
        REP,
        "officer2",
        "Serial offender profiles: what works?",
        "Has anyone built a profile for a suspected serial offender that the CPS "
        "found useful?",
        [
            ("officer", "Keep it factual: dates, places, methods and links."),
            (
                "avon.analyst",
                "A timeline chart alongside the narrative makes it easier.",
            ),
            ("supervisor", "Ask the CPS early how they want it presented."),
        ],
        2,
        [],
    ),
    (
        REP,
        "supervisor",
        "Managing registered sex offenders who reoffend",
        "How do your offender managers and RASSO teams share information when an "
        "RSO is a suspect?",
        [
            (
                "officer",
                "A joint briefing within a day of the report, with a shared "
                "action log.",
            ),
            ("officer2", "We have a named contact in the offender management unit."),
            ("forcelead", "We put it into our force process after a review last year."),
        ],
        None,
        [(0, "supervisor")],
    ),
    (
        REP,
        "reviewer",
        "Repeat victims: how do you spot them?",
        "What flags do you use to identify repeat victimisation?",
        [
            ("officer2", "Our system flags repeat addresses and repeat callers."),
            (
                "avon.analyst",
                "We run a monthly report of repeat victims for the supervisors.",
            ),
            (
                "officer",
                "Ask directly in the first account whether it has happened before.",
            ),
        ],
        1,
        [],
    ),
    (
        REP,
        "officer",
        "Intelligence submissions after NFA",
        "Do you submit intelligence when a case is closed with no further action?",
        [
            ("supervisor", "Always. The next report might make the pattern."),
            ("officer2", "Yes, with a note on why it was closed."),
            ("reviewer", "It is part of our closure checklist."),
        ],
        0,
        [(0, "officer")],
    ),
    (
        REP,
        "wy.investigator",
        "Linked series: who leads?",
        "When three forces have linked reports, how do you decide who leads?",
        [
            (
                "officer",
                "Usually the force with the most serious offence or the "
                "suspect's home force.",
            ),
            ("officer2", "Agree it in writing at the first joint meeting."),
            (
                "reviewer",
                "National guidance on cross-border investigations covers this.",
            ),
        ],
        1,
        [],
    ),
    (
        VIC,
        "officer2",
        "Keeping victims updated during long waits",
        "Our charging decisions can take months. How do you keep victims updated "
        "without repeating the same message?",
        [
            (
                "officer",
                "We agree a contact plan with the victim and the ISVA at the start.",
            ),
            ("supervisor", "Even 'no news yet' calls matter. Put them in the diary."),
            (
                "reviewer",
                "The Victims' Code sets minimum update times; we go beyond them.",
            ),
        ],
        0,
        [(0, "officer2"), (1, "officer2")],
    ),
    (
        VIC,
        "officer",
        "Working with ISVAs from day one",
        "How early do you bring in the ISVA?",
        [
            ("officer2", "At first contact where the victim agrees."),
            ("supervisor", "Our ISVAs join the case review meetings."),
            ("trainer", "There is a module on joint working with ISVAs coming soon."),
        ],
        0,
        [],
    ),
    (
        VIC,
        "supervisor",
        "Victim withdrawal: what helped?",
        "What have you done that made a difference when a victim was thinking about "
        "withdrawing?",
        [
            (
                "officer",
                "Listening to why, and explaining what support and special "
                "measures are available.",
            ),
            ("officer2", "A meeting with the ISVA and the OIC together."),
            ("reviewer", "Record the reasons; they tell us what to fix."),
        ],
        0,
        [(0, "supervisor")],
    ),
    (
        VIC,
        "reviewer",
        "Special measures: explaining the options",
        "How do you explain special measures so victims can make a real choice?",
        [
            ("officer", "We use a leaflet with pictures of the courtroom options."),
            ("officer2", "A court visit helps if they want one."),
            ("supervisor", "Pre-recorded cross-examination is worth explaining early."),
        ],
        None,
        [],
    ),
    (
        VIC,
        "officer",
        "Victim personal statements",
        "When do you take the VPS in RASSO cases?",
        [
            (
                "officer2",
                "We explain it early and take it when the victim is ready, "
                "often nearer trial.",
            ),
            ("reviewer", "The victim can update it, so an early one is not the end."),
            ("supervisor", "Make sure they know it can be read out by someone else."),
        ],
        0,
        [(0, "officer")],
    ),
    (
        VIC,
        "trainer",
        "First account: body-worn video or not?",
        "What is your practice on recording the first account on body-worn video?",
        [
            ("officer", "We record the initial account where the victim agrees."),
            ("officer2", "Only the brief first account; the full account is the ABE."),
            ("supervisor", "Make sure responders know to keep it brief."),
        ],
        1,
        [],
    ),
    (
        VIC,
        "officer2",
        "Interpreters for ABE interviews",
        "Any tips on working with interpreters in ABE interviews?",
        [
            (
                "officer",
                "Brief the interpreter beforehand on the process, not the facts.",
            ),
            ("reviewer", "Plan extra time and breaks."),
            ("trainer", "The ABE guidance has a section on this."),
        ],
        0,
        [],
    ),
    (
        LDW,
        "supervisor",
        "Team wellbeing after a difficult trial",
        "What do you do for the team after a hard trial, whatever the verdict?",
        [
            ("officer", "A structured debrief, and time off the rota if needed."),
            ("officer2", "Our occupational health team run a session."),
            (
                "forcelead",
                "We track wellbeing check-ins as part of the supervision meeting.",
            ),
        ],
        2,
        [(2, "supervisor"), (0, "supervisor")],
    ),
    (
        LDW,
        "officer",
        "Getting onto the specialist course",
        "How long did you wait for the specialist RASSO investigator course?",
        [
            ("officer2", "About four months."),
            ("trainer", "Places are released quarterly; ask your training unit."),
            ("supervisor", "We mentor new investigators while they wait."),
        ],
        1,
        [],
    ),
    (
        LDW,
        "trainer",
        "Mentoring new RASSO investigators",
        "What does a good mentoring arrangement look like for someone new to RASSO?",
        [
            ("officer", "Shadowing an experienced investigator for the first cases."),
            ("supervisor", "Regular check-ins, not just case reviews."),
            ("officer2", "A named mentor outside the line management chain."),
        ],
        0,
        [(0, "trainer")],
    ),
    (
        LDW,
        "officer2",
        "Caseloads: how many is too many?",
        "What caseload per investigator does your force aim for?",
        [
            ("supervisor", "We aim for under 12 live cases."),
            ("forcelead", "We review caseloads monthly at the performance meeting."),
            ("officer", "It depends on complexity more than numbers."),
        ],
        None,
        [],
    ),
    (
        LDW,
        "reviewer",
        "Continuing professional development ideas",
        "What CPD has been most useful to you?",
        [
            ("officer", "Court observation days."),
            ("officer2", "Sessions with the CPS on charging decisions."),
            ("trainer", "The network's training modules on suspect focus."),
        ],
        None,
        [],
    ),
    (
        DATA,
        "forcelead",
        "Measuring victim attrition",
        "How are forces measuring attrition in a way that helps the teams?",
        [
            ("avon.analyst", "We measure by stage so teams see where cases drop out."),
            ("officer2", "Our dashboard shows it monthly by team."),
            ("reviewer", "Pair the numbers with a sample of case reviews."),
        ],
        0,
        [(0, "forcelead")],
    ),
    (
        DATA,
        "officer",
        "Recording outcome codes correctly",
        "Is there a quick guide to choosing the right outcome code?",
        [
            (
                "avon.analyst",
                "The Home Office counting rules are the source; our data "
                "team has a one-page summary.",
            ),
            ("officer2", "Ask your crime registrar if in doubt."),
            ("supervisor", "We check them at closure."),
        ],
        0,
        [],
    ),
    (
        DATA,
        "avon.analyst",
        "Dashboards for RASSO supervisors",
        "Which measures do supervisors actually use on their dashboards?",
        [
            ("supervisor", "Days since last victim contact, and overdue reviews."),
            ("forcelead", "Charge and summons rate by team."),
            ("officer", "Time waiting for digital forensics."),
        ],
        0,
        [(0, "avon.analyst")],
    ),
    (
        DATA,
        "officer2",
        "Data quality: ethnicity recording",
        "How do you improve ethnicity recording for victims?",
        [
            (
                "avon.analyst",
                "Make it mandatory at the report stage with a 'not stated' option.",
            ),
            ("officer", "Explain to victims why we ask."),
            ("reviewer", "Audit a sample each quarter."),
        ],
        None,
        [],
    ),
    (
        DATA,
        "reviewer",
        "Sharing performance data with partners",
        "What data do you share with ISVA services and how?",
        [
            ("forcelead", "Monthly aggregate figures, no personal data."),
            ("avon.analyst", "Through the local partnership board."),
            ("officer2", "We have a data sharing agreement reviewed yearly."),
        ],
        0,
        [],
    ),
    (
        DF,
        "officer",
        "Phone download backlog",
        "How long is the wait for a phone download in your force?",
        [
            ("officer2", "About ten weeks for a full extraction."),
            ("supervisor", "We triage to get the key data in days."),
            ("reviewer", "Targeted extractions have cut our wait in half."),
        ],
        2,
        [(2, "officer"), (1, "officer")],
    ),
    (
        DF,
        "officer2",
        "Victim devices: proportionate requests",
        "How do you decide whether you need the victim's phone at all?",
        [
            (
                "officer",
                "Only where there is a reasonable line of enquiry, explained to "
                "the victim.",
            ),
            ("reviewer", "Consider screenshots or a targeted extraction first."),
            ("supervisor", "Record the decision and the victim's views."),
        ],
        0,
        [(0, "officer2")],
    ),
    (
        DF,
        "supervisor",
        "Cloud accounts and social media",
        "What works for getting data from social media companies?",
        [
            ("officer", "Preservation requests straight away."),
            ("officer2", "Our digital forensics unit has a single point of contact."),
            ("trainer", "The digital forensics module covers the process."),
        ],
        0,
        [],
    ),
    (
        DF,
        "trainer",
        "Digital awareness for new investigators",
        "What should every new investigator know about digital evidence?",
        [
            ("officer", "How to secure a device and what not to do."),
            ("officer2", "What a proportionate request looks like."),
            ("supervisor", "Who to ask for advice."),
        ],
        None,
        [],
    ),
    (
        AVON,
        "officer",
        "Our new case review process",
        "The new 28-day review starts next month. Any questions before we go live?",
        [
            (
                "supervisor",
                "The template is on the team drive; shout if anything is unclear.",
            ),
            ("forcelead", "We will review how it is going after six weeks."),
            ("avon.analyst", "I will add the review dates to the dashboard."),
        ],
        0,
        [(0, "officer")],
    ),
    (
        AVON,
        "supervisor",
        "Rota for the SOIT on-call",
        "Can everyone check the on-call rota for next quarter and flag clashes?",
        [
            ("officer", "All fine for me."),
            ("forcelead", "Thanks, I will sign it off on Friday."),
            ("avon.dfx", "Can I swap one weekend? I will message you."),
        ],
        None,
        [],
    ),
    (
        AVON,
        "forcelead",
        "Feedback from the inspection visit",
        "The inspectors were positive about our victim contact. Two areas to work "
        "on: supervision records and early CPS advice.",
        [
            ("supervisor", "I will lead on the supervision records."),
            ("officer", "Happy to help with an early advice checklist."),
            ("avon.analyst", "I can track both in the monthly report."),
        ],
        1,
        [],
    ),
    (
        AVON,
        "avon.dfx",
        "Kiosk triage now available in the RASSO office",
        "The triage kiosk is set up. Book it through the usual calendar.",
        [
            ("officer", "Great news, thank you."),
            ("supervisor", "Please make sure everyone does the short training first."),
            ("forcelead", "This should help our waiting times."),
        ],
        None,
        [(0, "avon.dfx")],
    ),
    (
        WY,
        "officer2",
        "Local ISVA referral form has changed",
        "The ISVA service has a new referral form from this month. Old forms will "
        "be returned.",
        [
            ("wy.supervisor", "Thanks. Can you put it on the team page?"),
            ("wy.investigator", "Done, it is in the forms folder."),
        ],
        None,
        [(0, "officer2")],
    ),
    (
        WY,
        "wy.supervisor",
        "Case file quality: common issues",
        "The file quality check found the same issues again: missing disclosure "
        "schedules and late MG3s. Ideas?",
        [
            ("officer2", "A checklist at the file build stage."),
            (
                "wy.investigator",
                "Peer review between investigators before it goes to you.",
            ),
        ],
        0,
        [(0, "wy.supervisor")],
    ),
    (
        WY,
        "wy.investigator",
        "Training day dates",
        "The next unit training day is being planned. Any topics?",
        [
            ("officer2", "Suspect interview planning, please."),
            (
                "wy.supervisor",
                "And wellbeing: we will have someone from occupational health.",
            ),
        ],
        None,
        [],
    ),
    (
        SUPS,
        "supervisor",
        "Supervisory reviews that add value",
        "How do you keep supervisory reviews from becoming a tick-box exercise?",
        [
            (
                "reviewer",
                "Ask three questions: what next, what is missing, how is the victim.",
            ),
            (
                "forcelead",
                "Review a case together with the investigator, not about them.",
            ),
            ("wy.supervisor", "Fewer, deeper reviews work better for us."),
        ],
        0,
        [(0, "supervisor"), (2, "supervisor")],
    ),
    (
        SUPS,
        "forcelead",
        "Supporting an investigator after a complaint",
        "What support do you give an investigator who has received a complaint?",
        [
            ("supervisor", "A conversation straight away and regular check-ins."),
            ("reviewer", "Make sure they know about the welfare service."),
            ("wy.supervisor", "Keep them informed about the process and timescales."),
        ],
        None,
        [],
    ),
    (
        WELL,
        "officer2",
        "Switching off after a difficult case",
        "How do others switch off after a case that stays with you? I keep going "
        "over it at home.",
        [
            ("officer", "A walk before going in the house helps me draw a line."),
            ("supervisor", "Ask your supervisor for a debrief; it is not a weakness."),
            ("reviewer", "Occupational health were quick to help when I asked."),
        ],
        0,
        [(0, "officer2")],
    ),
    (
        WELL,
        "officer",
        "Telling family what the job involves",
        "How much do you tell your partner about the work?",
        [
            ("officer2", "Only how I feel, never the details."),
            ("trainer", "The wellbeing module has a section on this."),
        ],
        None,
        [],
    ),
    (
        DFX,
        "avon.dfx",
        "Triage tools and validation",
        "How are other units validating their triage tools?",
        [
            ("avon.dfx", "We run a validation set each quarter and log the results."),
            ("admin", "The forensic science regulator's codes set the standard."),
        ],
        None,
        [],
    ),
]


def _members(forces) -> dict:
    from accounts.demo import DEMO_DOMAIN

    User = get_user_model()
    users = {
        u.email.split("@")[0]: u
        for u in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
    }
    for key, name, force, role in FORUM_MEMBERS:
        if key not in users:
            user = User(
                email=f"{key}@{DEMO_DOMAIN}",
                display_name=name,
                force=forces[force],
                job_role=role,
            )
            user.set_unusable_password()
            user.save()
            users[key] = user
    return users


def _categories(forces) -> dict:
    categories = {c.slug: c for c in Category.objects.all()}
    for position, (slug, name, description, force, roles) in enumerate(
        EXTRA_CATEGORIES, start=10
    ):
        if slug in categories:
            continue
        category = Category.objects.create(
            slug=slug,
            name=name,
            description=description,
            force=forces[force] if force else None,
            position=position,
            is_anonymous=slug in ANONYMOUS_CATEGORIES,
        )
        for role in roles:
            CategoryRole.objects.create(category=category, job_role=role)
        categories[slug] = category
    return categories


@transaction.atomic
def seed_forums(stdout=None) -> list[Thread]:
    """Create the demo threads; leave any that exist alone."""
    forces = {f.name: f for f in Force.objects.all()}
    users = _members(forces)
    categories = _categories(forces)
    now = timezone.now()
    threads = []
    created = 0
    for number, spec in enumerate(THREADS):
        slug, author, title, question, replies, answer, helpful = spec
        category = categories[slug]
        thread = Thread.objects.filter(category=category, title=title).first()
        if thread is not None:
            threads.append(thread)
            continue
        started = now - datetime.timedelta(days=60 - number, hours=number % 7)
        thread = Thread.objects.create(
            category=category,
            title=title,
            author=users[author],
            last_post_at=started,
        )
        posts = []
        for offset, (who, text) in enumerate([(author, question), *replies]):
            post = Post.objects.create(
                thread=thread,
                author=users[who],
                body=text,
                body_html=render_markdown(text),
            )
            posts.append(post)
            Post.objects.filter(pk=post.pk).update(
                created_at=started + datetime.timedelta(hours=5 * offset)
            )
        replies_made = posts[1:]
        for reply_index, who in helpful:
            post = replies_made[reply_index]
            if users[who].pk != post.author_id:
                PostReaction.objects.get_or_create(post=post, user=users[who])
                Post.objects.filter(pk=post.pk).update(
                    helpful_count=PostReaction.objects.filter(post=post).count()
                )
        Thread.objects.filter(pk=thread.pk).update(
            created_at=started,
            last_post_at=started + datetime.timedelta(hours=5 * len(replies)),
            reply_count=len(replies),
            answer=replies_made[answer] if answer is not None else None,
        )
        follow_create(user=users[author], target=thread)
        threads.append(thread)
        created += 1
    _seed_moderation(users, categories)
    if stdout is not None:
        stdout.write(f"Forums: {created} demo threads created ({len(threads)} in all).")
    return threads


# A synthetic name that "got through": the author confirmed the checker's warning, so
# the demo moderator has something to redact (then search for it to see it gone).
LEAKED_REPLY = (
    "Same here. In our case the complainant, Megan Harlow, withdrew when the trial "
    "date moved for the third time."
)
REPORTED_REPLY = "Honestly, just NFA these and move on, they never get to court."


def _seed_moderation(users, categories) -> None:
    """Two items in the moderation queue and one watched word, once."""
    from .case_safety import find_identifying_details
    from .models import CaseSafetyFlag, PostReport, WatchedWord

    WatchedWord.objects.get_or_create(
        pattern="home address", defaults={"action": WatchedWord.Action.HOLD}
    )
    thread = Thread.objects.filter(
        category=categories[VIC], title="Victim withdrawal: what helped?"
    ).first()
    if thread is None or Post.objects.filter(body=LEAKED_REPLY).exists():
        return
    leaked = Post.objects.create(
        thread=thread,
        author=users["officer2"],
        body=LEAKED_REPLY,
        body_html=render_markdown(LEAKED_REPLY),
    )
    CaseSafetyFlag.objects.create(
        post=leaked,
        author=users["officer2"],
        findings=[
            {**f.as_dict(), "field": "body"}
            for f in find_identifying_details(LEAKED_REPLY)
        ],
    )
    reported = Post.objects.create(
        thread=thread,
        author=users["wy.investigator"],
        body=REPORTED_REPLY,
        body_html=render_markdown(REPORTED_REPLY),
    )
    PostReport.objects.create(
        post=reported,
        reporter=users["officer"],
        reason=PostReport.Reason.WRONG,
        details="Dismissive advice that could lead to poor decisions.",
    )
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=thread.reply_count + 2, last_post_at=reported.created_at
    )
