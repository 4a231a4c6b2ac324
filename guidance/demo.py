"""Demo guidance: 31 synthetic pages across the six themes, written for the demo (no
real cases or people). Six have several published versions; one is overdue for
review, two are due within 30 days. Safe to run again: existing pages are left alone.

Also gives the demo editor sign-off rights and has the demo officer follow one page
and one theme, so the story in issue 3 can be walked through end to end."""

import datetime

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model

from core.models import Theme
from core.services import follow_create

from .models import Audience, GuidanceIndexPage, GuidancePage, GuidanceVersion
from .roles import SIGN_OFF_GROUP

SUS, REP, VIC, LDW, DATA, DF = (
    "suspect-focused-investigations",
    "repeat-and-serial-offenders",
    "victim-engagement",
    "learning-development-and-wellbeing",
    "data",
    "digital-forensics",
)
INV, SUP, ANA, DFX, VLO, FR, SL = (
    "investigators",
    "supervisors",
    "analysts",
    "digital-forensics",
    "victim-liaison",
    "first-responders",
    "senior-leaders",
)

# (title, themes, audiences, summary, why, key points, steps, dos, don'ts, reference)
PAGES = [
    (
        "Planning the first 48 hours of a RASSO investigation",
        [SUS, VIC],
        [INV, SUP, FR],
        "What an officer in the case should secure in the first two days after a "
        "report of rape, built around the suspect's actions rather than the victim's "
        "credibility.",
        "Early evidence is lost quickly: forensic windows close, CCTV is overwritten "
        "and the suspect has time to prepare an account. A plan made on day one keeps "
        "the investigation focused on what the suspect did.",
        [
            "Identify and locate the suspect early; record the grounds for arrest.",
            "Secure forensic opportunities within their windows, through the SARC.",
            "Keep the victim informed and offer an ISVA at the first contact.",
        ],
        [
            "Record the first account as close to verbatim as possible.",
            "Agree forensic strategy with the SARC and the crime scene manager.",
            "Start a suspect profile: previous reports, intelligence, RSO status.",
            "Set actions for CCTV, digital opportunities and witnesses.",
        ],
        [
            "Record your decisions and the reasons for them in the policy file.",
            "Brief the supervisor on the plan before the end of the first tour.",
        ],
        [
            "Ask the victim why they delayed reporting.",
            "Seize the victim's phone by default.",
        ],
        (
            "legislation",
            "Police and Criminal Evidence Act 1984, section 24",
            "Sets "
            "out when a constable may arrest without warrant, including the necessity "
            "test to be recorded.",
        ),
    ),
    (
        "Suspect interview planning",
        [SUS],
        [INV, SUP],
        "How to plan a suspect interview that tests the suspect's account against the "
        "evidence, using the PEACE model.",
        "A planned interview gives the suspect the opportunity to account for the "
        "evidence and gives the CPS the material it needs for a charging decision.",
        [
            "Plan the interview around the points to prove and the evidence.",
            "Disclose in phases and record what was disclosed and when.",
            "Challenge inconsistencies with evidence, not opinion.",
        ],
        [
            "List the points to prove for each offence.",
            "Map each piece of evidence to a topic.",
            "Agree a disclosure strategy with the supervisor.",
            "Prepare special warnings where inferences may be drawn.",
        ],
        ["Use open questions first.", "Summarise the account back to the suspect."],
        [
            "Put the victim's sexual history to the suspect.",
            "Interview before the key evidence is secured unless you must.",
        ],
        (
            "legislation",
            "Criminal Justice and Public Order Act 1994, sections 34 to 37",
            "When a court may draw inferences from silence, and the special "
            "warnings that must be given first.",
        ),
    ),
    (
        "Investigating consent: a suspect-focused approach",
        [SUS],
        [INV, SUP],
        "How to investigate whether the suspect reasonably believed the victim "
        "consented, focusing on the steps the suspect took.",
        "The question for the investigation is what the suspect did to ascertain "
        "consent, not what the victim did to resist.",
        [
            "Consent means agreeing by choice with the freedom and capacity to choose.",
            "Ask what steps the suspect took to find out whether the victim agreed.",
            "Capacity can be affected by drink, drugs, age or mental health.",
        ],
        [
            "Establish the circumstances before, during and after the offence.",
            "Gather evidence of the suspect's behaviour towards the victim.",
            "Consider evidence of capacity: witnesses, CCTV, toxicology.",
        ],
        ["Look for controlling or coercive behaviour.", "Record the context."],
        ["Treat a lack of injury as a lack of evidence.", "Rely on myths."],
        (
            "legislation",
            "Sexual Offences Act 2003, section 74",
            "Defines consent for the purposes of the Act.",
        ),
    ),
    (
        "Bail, release under investigation and conditions",
        [SUS, VIC],
        [INV, SUP],
        "Choosing between pre-charge bail and release under investigation, and "
        "setting conditions that protect the victim.",
        "Conditions can protect the victim while the investigation continues; the "
        "victim must be told what they are.",
        [
            "Consider bail with conditions wherever a victim needs protection.",
            "Tell the victim the conditions and what to do if they are broken.",
            "Review bail before it expires and record the decision.",
        ],
        [
            "Assess risk to the victim and witnesses.",
            "Set conditions that are necessary and proportionate.",
            "Diarise the review date.",
        ],
        ["Tell the victim within one working day.", "Record the risk assessment."],
        ["Let bail lapse without a review.", "Set conditions nobody can enforce."],
        None,
    ),
    (
        "Working with the CPS on early advice",
        [SUS],
        [INV, SUP],
        "When to seek early investigative advice from the CPS in a RASSO case and "
        "how to prepare for it.",
        "Early advice agrees the lines of enquiry before effort is spent in the wrong "
        "place, and shortens the time to a charging decision.",
        [
            "Seek early advice in complex or serious cases.",
            "Bring a clear case summary and the key evidence.",
            "Record the advice and the actions agreed.",
        ],
        [
            "Prepare a summary of the allegation and the evidence so far.",
            "List the questions you want the prosecutor to answer.",
            "Agree timescales for the actions that follow.",
        ],
        ["Use the joint national RASSO protocol.", "Keep the victim informed."],
        ["Wait for a full file before asking for advice.", "Skip the action log."],
        None,
    ),
    (
        "Linking reports to identify serial offenders",
        [REP, DATA],
        [INV, ANA, SUP],
        "How to search across reports and intelligence for links that suggest the "
        "same suspect has offended before.",
        "A significant share of RASSO suspects are linked to other reports. Finding "
        "them early changes the investigation and protects others.",
        [
            "Search for the suspect on local and national systems at the outset.",
            "Look for similar methods, places and victim profiles.",
            "Refer possible series to the analyst and the supervisor.",
        ],
        [
            "Run the suspect through PNC, PND and local intelligence.",
            "Ask the analyst for a comparative case analysis.",
            "Record the searches and their results.",
        ],
        ["Check other forces' records through PND.", "Share findings promptly."],
        ["Assume a first report means a first offence.", "Search only your force."],
        None,
    ),
    (
        "Managing registered sex offenders who come to notice",
        [REP],
        [INV, SUP],
        "What to do when an RSO is named as a suspect in a new report, working with "
        "the management of sexual or violent offenders team.",
        "Information held by offender managers can be central to a new investigation "
        "and to keeping others safe.",
        [
            "Tell the offender manager as soon as an RSO is named.",
            "Consider notification requirements and breaches.",
            "Share relevant information through the agreed channels.",
        ],
        [
            "Confirm RSO status and the managing force.",
            "Contact the offender manager and record the exchange.",
            "Review risk to others with MAPPA partners.",
        ],
        ["Use the offender manager's knowledge.", "Record what you shared and why."],
        ["Delay telling the offender manager.", "Share more than is necessary."],
        None,
    ),
    (
        "Repeat victimisation: recognising and responding",
        [REP, VIC],
        [INV, VLO, FR],
        "How to recognise when a victim has been targeted before and adjust the "
        "response, including safeguarding.",
        "Victims targeted more than once are at higher risk; their previous contact "
        "with police shapes their confidence in reporting again.",
        [
            "Check for previous reports by the same victim at the outset.",
            "Adjust safeguarding to the level of risk.",
            "Acknowledge previous contact and what happened.",
        ],
        [
            "Search victim records on local systems.",
            "Complete a risk assessment and safeguarding referral.",
            "Agree contact arrangements with the victim.",
        ],
        ["Offer specialist support.", "Share the plan with partners."],
        ["Ask the victim to repeat everything from the start.", "Blame the victim."],
        None,
    ),
    (
        "Offender disruption tactics",
        [REP, SUS],
        [INV, SUP, ANA],
        "Civil orders, ancillary orders and other tactics that disrupt offending "
        "while a criminal investigation continues.",
        "Where a prosecution is not yet possible, disruption can still protect "
        "victims and the public.",
        [
            "Consider sexual harm prevention and sexual risk orders.",
            "Work with partners on licensing, housing and online platforms.",
            "Record the tactics used and review their effect.",
        ],
        [
            "Assess the risk the suspect poses.",
            "Choose proportionate tactics with the supervisor.",
            "Review after 28 days.",
        ],
        ["Involve legal services early for orders.", "Record the rationale."],
        ["Use disruption instead of investigating.", "Forget to review."],
        (
            "legislation",
            "Sentencing Act 2020, section 343",
            "Sexual harm prevention orders on conviction.",
        ),
    ),
    (
        "Recognising linked online offending",
        [REP, DF],
        [INV, DFX, ANA],
        "How online accounts and platforms can link offences and suspects across "
        "reports.",
        "Suspects often use the same accounts, usernames or devices to approach "
        "different victims.",
        [
            "Record usernames, handles and platforms exactly as given.",
            "Search intelligence systems for the same identifiers.",
            "Ask the DFU about platform data requests.",
        ],
        [
            "Capture identifiers in the crime record.",
            "Run identifier searches locally and nationally.",
            "Consider communications data applications.",
        ],
        ["Preserve the data quickly.", "Record how each identifier was obtained."],
        ["Ask the victim to screenshot everything.", "Contact the suspect online."],
        None,
    ),
    (
        "Keeping victims informed: the Victims' Code",
        [VIC],
        [INV, VLO],
        "What the Code of Practice for Victims of Crime requires at each stage of a "
        "RASSO investigation, and how to meet it.",
        "Victims who are kept informed are more likely to stay engaged with the "
        "investigation and the prosecution.",
        [
            "Agree how and how often the victim wants to be contacted.",
            "Tell the victim about key decisions within the Code's timescales.",
            "Explain the right to review decisions such as NFA.",
        ],
        [
            "Record the contact plan in the crime record.",
            "Update the victim after each key decision.",
            "Offer the VPS and explain how it is used.",
        ],
        ["Use the victim's preferred contact method.", "Explain next steps."],
        ["Leave the victim without an update for weeks.", "Use jargon."],
        (
            "legislation",
            "Victims and Prisoners Act 2024, Part 1",
            "Puts the "
            "Victims' Code on a statutory footing and adds duties on agencies.",
        ),
    ),
    (
        "Working with ISVAs",
        [VIC],
        [INV, VLO],
        "How investigators and independent sexual violence advisers work together, "
        "and what each can and cannot do.",
        "ISVAs provide independent support; a good working relationship helps the "
        "victim stay engaged.",
        [
            "Offer a referral to an ISVA at first contact and again later.",
            "Respect the ISVA's independence.",
            "Agree how you will share updates with the victim's consent.",
        ],
        [
            "Make the referral and record it.",
            "Agree a contact point with the ISVA.",
            "Share updates with the victim's consent.",
        ],
        ["Explain the ISVA role to the victim.", "Keep the ISVA informed."],
        ["Ask the ISVA to take evidence.", "Treat the ISVA as a witness."],
        None,
    ),
    (
        "Achieving Best Evidence interviews with adult victims",
        [VIC, SUS],
        [INV, VLO],
        "Planning and conducting a visually recorded interview (VRI) with an adult "
        "victim under the Achieving Best Evidence guidance.",
        "A well-planned ABE interview gives the victim the best chance to give their "
        "account and the court the best evidence.",
        [
            "Plan the interview with the victim's needs in mind.",
            "Consider special measures and intermediaries.",
            "Use the phased approach: rapport, free recall, questioning, closure.",
        ],
        [
            "Agree the interview plan with the supervisor.",
            "Check the suite and equipment.",
            "Explain the process to the victim and their ISVA.",
        ],
        ["Let the victim give their account in their words.", "Take breaks."],
        ["Ask leading questions.", "Interview a victim who is not ready."],
        (
            "legislation",
            "Youth Justice and Criminal Evidence Act 1999, section 27",
            "Allows a video-recorded interview to stand as evidence in chief.",
        ),
    ),
    (
        "Victim withdrawal and victimless prosecutions",
        [VIC],
        [INV, SUP, VLO],
        "What to do when a victim wants to withdraw support, and when a case can "
        "proceed without the victim's evidence.",
        "Withdrawal is often about fear, pressure or the length of the process; "
        "understanding why can change the outcome.",
        [
            "Find out why the victim wants to withdraw.",
            "Consider support that addresses the reasons.",
            "Discuss with the CPS whether the case can proceed.",
        ],
        [
            "Take a withdrawal statement that records the reasons.",
            "Review safeguarding.",
            "Seek CPS advice.",
        ],
        ["Record the reasons in the victim's words.", "Review the risk."],
        ["Pressure the victim.", "Close the case without a review."],
        None,
    ),
    (
        "Supporting victims with additional needs",
        [VIC],
        [INV, VLO],
        "Adjusting the investigation for victims with learning disabilities, mental "
        "ill health or limited English.",
        "Adjustments help victims give their best evidence and keep them engaged.",
        [
            "Ask the victim what would help.",
            "Consider a registered intermediary.",
            "Use professional interpreters, never family members.",
        ],
        [
            "Identify needs at first contact.",
            "Book the intermediary or interpreter.",
            "Plan the interview around the victim's needs.",
        ],
        ["Ask, do not assume.", "Record the adjustments made."],
        ["Use a family member to interpret.", "Rush the process."],
        None,
    ),
    (
        "Trauma-informed practice for investigators",
        [LDW, VIC],
        [INV, SUP, VLO],
        "How trauma affects memory and behaviour, and what that means for how "
        "officers interview and support victims.",
        "Trauma can affect how a victim remembers and describes events; "
        "understanding this avoids wrong conclusions about credibility.",
        [
            "Inconsistent or fragmented accounts are common after trauma.",
            "Give the victim choice and control where possible.",
            "Look after yourself: exposure to trauma affects officers too.",
        ],
        [
            "Explain what will happen and why.",
            "Offer breaks and check in.",
            "Record the account without judgement.",
        ],
        ["Be patient with gaps in memory.", "Use the victim's words."],
        ["Treat a calm manner as a sign of lying.", "Interrupt the account."],
        None,
    ),
    (
        "Wellbeing for RASSO investigators",
        [LDW],
        [INV, SUP],
        "Recognising the effect of RASSO work on officers and staff, and where to "
        "get support.",
        "Sustained exposure to distressing material and high caseloads affect "
        "wellbeing; early support keeps people well and in role.",
        [
            "Know the signs of vicarious trauma and burnout.",
            "Use psychological screening and supervision.",
            "Supervisors should check in regularly.",
        ],
        [
            "Book your psychological screening.",
            "Talk to your supervisor about workload.",
            "Use the force's occupational health service.",
        ],
        ["Take your rest days.", "Talk to someone."],
        ["Work through every break.", "Keep it to yourself."],
        None,
    ),
    (
        "Supervising RASSO investigations",
        [LDW, SUS],
        [SUP],
        "What good supervision of a RASSO investigation looks like: reviews, "
        "decisions and support for the officer in the case.",
        "Regular, recorded supervision improves the quality and timeliness of "
        "investigations.",
        [
            "Review each investigation at set points.",
            "Record supervisory decisions and rationale.",
            "Support the OIC's wellbeing and development.",
        ],
        [
            "Review within 24 hours of allocation.",
            "Set actions and deadlines.",
            "Review again before key decisions.",
        ],
        ["Use a structured review template.", "Recognise good work."],
        ["Review only when a file is due.", "Skip the rationale."],
        None,
    ),
    (
        "Becoming a specialist RASSO investigator",
        [LDW],
        [INV],
        "The learning pathway for officers joining a RASSO team, from induction to "
        "accreditation.",
        "A clear pathway helps new investigators build skills and confidence.",
        [
            "Complete the national specialist course.",
            "Work with a mentor for your first cases.",
            "Keep a record of your development.",
        ],
        [
            "Book the course through your training unit.",
            "Agree a mentor with your supervisor.",
            "Complete the workbook.",
        ],
        ["Ask questions.", "Reflect on each case."],
        ["Take on complex cases alone too early.", "Skip the mentoring."],
        None,
    ),
    (
        "Learning from case reviews",
        [LDW, DATA],
        [SUP, SL, INV],
        "How to run a structured review of a closed case so the team learns from it, "
        "without blame.",
        "Reviews of closed cases find patterns that improve future investigations.",
        [
            "Review a sample of closed cases each quarter.",
            "Focus on learning, not blame.",
            "Share the learning across the team.",
        ],
        [
            "Select cases with a mix of outcomes.",
            "Use a standard review template.",
            "Record actions and owners.",
        ],
        ["Include the OIC in the review.", "Follow up actions."],
        ["Use reviews for performance management.", "Keep findings private."],
        None,
    ),
    (
        "Recording RASSO crimes accurately",
        [DATA],
        [INV, ANA, SUP],
        "How accurate crime recording supports victims and gives a true picture of "
        "demand.",
        "Accurate records are the basis of every performance measure and of the "
        "victim's access to services.",
        [
            "Record the crime when the report is made.",
            "Classify according to the Home Office counting rules.",
            "Record outcomes accurately.",
        ],
        [
            "Create the record within 24 hours.",
            "Check the classification with the crime registrar if unsure.",
            "Update the record as the investigation develops.",
        ],
        ["Record what was reported.", "Ask the registrar."],
        ["Wait for corroboration before recording.", "Downgrade without a reason."],
        None,
    ),
    (
        "Using performance data in RASSO teams",
        [DATA],
        [SUP, SL, ANA],
        "Which measures help a RASSO team understand its work, and how to use them "
        "without distorting practice.",
        "Good measures show where cases stall and where victims disengage.",
        [
            "Look at timeliness, attrition and victim engagement together.",
            "Use data to ask questions, not to judge individuals.",
            "Compare with similar forces.",
        ],
        [
            "Agree a small set of measures.",
            "Review monthly with the team.",
            "Act on what the data shows.",
        ],
        ["Explain the measures to the team.", "Look at trends."],
        ["Set targets on charge rates.", "Publish league tables of officers."],
        None,
    ),
    (
        "Understanding attrition",
        [DATA, VIC],
        [ANA, SUP, SL],
        "Where and why RASSO cases drop out between report and court, and what the "
        "data can tell you.",
        "Knowing where cases leave the system points to where practice can improve.",
        [
            "Measure attrition at each stage.",
            "Record the reasons for victim withdrawal.",
            "Look at outcomes by victim characteristics.",
        ],
        [
            "Extract outcome data by stage.",
            "Analyse reasons for withdrawal.",
            "Share findings with the team and partners.",
        ],
        ["Use consistent definitions.", "Include partners' data."],
        ["Draw conclusions from small numbers.", "Ignore data quality."],
        None,
    ),
    (
        "Data protection in RASSO investigations",
        [DATA, DF],
        [INV, DFX, SUP],
        "Handling victims' personal data lawfully, proportionately and securely "
        "during an investigation.",
        "Victims are entitled to privacy; requests for their data must be necessary "
        "and proportionate.",
        [
            "Only request third-party material where it is a reasonable line of "
            "enquiry.",
            "Explain to the victim what you are asking for and why.",
            "Store and share personal data securely.",
        ],
        [
            "Record the line of enquiry the request supports.",
            "Use the approved request forms.",
            "Review what you hold at each stage.",
        ],
        ["Tell the victim.", "Record your reasons."],
        ["Ask for all records by default.", "Share by personal e-mail."],
        (
            "legislation",
            "Data Protection Act 2018, Part 3",
            "Law enforcement processing of personal data.",
        ),
    ),
    (
        "Digital evidence from victims' phones",
        [DF, VIC],
        [INV, DFX, VLO],
        "When to examine a victim's phone, how to limit the examination and how to "
        "explain it to the victim.",
        "Requests for victims' digital devices must be based on a reasonable line "
        "of enquiry and limited to what is needed.",
        [
            "Only examine a victim's device for a reasonable line of enquiry.",
            "Limit the examination by date, data type and contact.",
            "Return devices as soon as possible.",
        ],
        [
            "Record the line of enquiry.",
            "Agree parameters with the DFU.",
            "Explain the process and the victim's rights.",
        ],
        ["Consider selective extraction.", "Offer a replacement phone."],
        ["Take the phone by default.", "Download everything."],
        (
            "legislation",
            "Police, Crime, Sentencing and Courts Act 2022, sections 37 to 44",
            "The power to extract information from electronic devices with "
            "agreement, and its limits.",
        ),
    ),
    (
        "Suspects' devices: seizure and examination",
        [DF, SUS],
        [INV, DFX],
        "Seizing and examining suspects' devices quickly to secure evidence of "
        "offending and of other victims.",
        "Suspects' devices often hold evidence of the offence and of other offending.",
        [
            "Seize devices at arrest where there are grounds.",
            "Prioritise examination with the DFU.",
            "Look for evidence of other victims.",
        ],
        [
            "Record the grounds for seizure.",
            "Submit to the DFU with clear questions.",
            "Review results promptly.",
        ],
        ["Ask for PINs at interview.", "Prioritise by risk."],
        ["Submit without questions.", "Let devices sit unexamined."],
        None,
    ),
    (
        "Requesting digital forensic work",
        [DF],
        [INV, DFX],
        "How to write a good request to the digital forensics unit so the work is "
        "focused and timely.",
        "Clear questions help the DFU prioritise and avoid unnecessary extraction.",
        [
            "Ask specific questions linked to lines of enquiry.",
            "Give date ranges and contacts of interest.",
            "Agree priorities with the DFU.",
        ],
        [
            "Complete the request form in full.",
            "Attach the investigation plan.",
            "Agree a timescale.",
        ],
        ["Be specific.", "Update the DFU if priorities change."],
        ["Ask for 'everything'.", "Submit without supervisor approval."],
        None,
    ),
    (
        "Communications data in RASSO cases",
        [DF, SUS],
        [INV, DFX, ANA],
        "Using communications data to corroborate accounts and identify suspects.",
        "Communications data can show contact, location and timing without "
        "examining content.",
        [
            "Consider communications data early.",
            "Apply through the single point of contact.",
            "Keep the request necessary and proportionate.",
        ],
        [
            "Discuss with the SPoC.",
            "Complete the application.",
            "Analyse results with the analyst.",
        ],
        ["Act before retention periods expire.", "Record your rationale."],
        ["Apply for more than you need.", "Skip the SPoC."],
        (
            "legislation",
            "Investigatory Powers Act 2016, Part 3",
            "Authorisations for obtaining communications data.",
        ),
    ),
    (
        "Image-based sexual abuse",
        [DF, VIC, SUS],
        [INV, DFX, VLO],
        "Investigating the sharing of intimate images without consent, including "
        "threats to share.",
        "Image-based abuse causes serious harm; quick action can limit the spread.",
        [
            "Act quickly to have images removed.",
            "Preserve evidence without re-sharing images.",
            "Consider the full range of offences.",
        ],
        [
            "Record where the images were shared.",
            "Contact platforms through the agreed routes.",
            "Refer the victim to specialist support.",
        ],
        ["Reassure the victim.", "Use hash-matching services."],
        ["Forward images by e-mail.", "Ask the victim to collect evidence."],
        (
            "legislation",
            "Sexual Offences Act 2003, section 66B",
            "Sharing or threatening to share intimate photographs or film.",
        ),
    ),
    (
        "Responding to a first report of rape",
        [VIC, SUS],
        [FR, INV],
        "What the first officer at a report of rape should do, and what to leave to "
        "the specialist investigator.",
        "The first response shapes the victim's confidence and the evidence available.",
        [
            "Make the victim safe and get medical help if needed.",
            "Take a brief first account: what, where, when, who.",
            "Preserve evidence and call the SOIT or specialist team.",
        ],
        [
            "Ensure safety.",
            "Take the first account.",
            "Identify scenes and preserve them.",
            "Hand over to the specialist team.",
        ],
        ["Believe and reassure.", "Record the first account."],
        ["Take a full statement at the scene.", "Let the victim wash if avoidable."],
        None,
    ),
    (
        "Outcome decisions and the right to review",
        [VIC, DATA],
        [INV, SUP],
        "Making and explaining outcome decisions, including no further action, and "
        "the victim's right to review.",
        "Victims are entitled to understand decisions and to ask for a review.",
        [
            "Record the decision and reasons.",
            "Tell the victim in person where possible.",
            "Explain the right to review and the timescales.",
        ],
        [
            "Agree the decision with the supervisor.",
            "Plan how to tell the victim.",
            "Send the written explanation.",
        ],
        ["Explain in plain language.", "Offer support."],
        ["Send a letter without a conversation.", "Delay telling the victim."],
        None,
    ),
]

# Later versions for six pages: (title, [(is_major, change note, extra key point)]).
REVISIONS = {
    "Planning the first 48 hours of a RASSO investigation": [
        (False, "Corrected the SARC referral wording.", None),
        (
            True,
            "Added suspect profiling in the first 24 hours, following the "
            "national operating model.",
            "Start the suspect profile within 24 hours.",
        ),
        (False, "Updated the link to the joint RASSO protocol.", None),
    ],
    "Digital evidence from victims' phones": [
        (
            True,
            "Rewritten for the extraction powers in the Police, Crime, Sentencing "
            "and Courts Act 2022.",
            "Give the victim the written notice required.",
        ),
        (False, "Clarified selective extraction.", None),
    ],
    "Keeping victims informed: the Victims' Code": [
        (
            True,
            "Updated for the Victims and Prisoners Act 2024.",
            "Agencies must now keep to the Code as a statutory duty.",
        ),
    ],
    "Suspect interview planning": [
        (False, "Added a note on special warnings.", None),
        (False, "Fixed typos.", None),
        (
            True,
            "New section on phased disclosure agreed with the CPS.",
            "Agree phased disclosure with the CPS where the case is complex.",
        ),
    ],
    "Linking reports to identify serial offenders": [
        (
            True,
            "Added national searches through PND.",
            "Always search PND, not only local systems.",
        ),
    ],
    "Wellbeing for RASSO investigators": [
        (False, "Updated occupational health contact routes.", None),
        (
            True,
            "Psychological screening is now annual for all RASSO staff.",
            "Screening is annual for everyone in a RASSO role.",
        ),
    ],
}
OVERDUE = "Recording RASSO crimes accurately"
DUE_SOON = ["Understanding attrition", "Offender disruption tactics"]
SENSITIVE = ["Offender disruption tactics", "Communications data in RASSO cases"]
PUBLIC = ["Trauma-informed practice for investigators"]
CONTENT_WARNING = {
    "Trauma-informed practice for investigators": (
        "Describes a victim's account of a sexual assault",
        "<p>This anonymised account was written for training. The victim describes "
        "freezing during the assault and not remembering the order of events. Later "
        "she remembered details when she smelled the same aftershave.</p>",
    )
}
# A video needs a file or a link (core.blocks.VideoBlock): the demo links to a
# placeholder, as the training demo does.
VIDEO_LINK = "https://video.college.police.example/learning-network/demo"
VIDEO = {
    "Suspect interview planning": (
        "Planning a suspect interview",
        "<p>Narrator: Start with the points to prove. For each point, list the "
        "evidence and decide when you will disclose it.</p><p>Detective sergeant: We "
        "plan in phases, so the suspect has a fair chance to account for each piece "
        "of evidence.</p>",
    )
}


def _body(spec, *, extra_point=None, document=None) -> list[dict]:
    title, _, _, _, why, points, steps, dos, donts, reference = spec
    points = [*points, extra_point] if extra_point else list(points)
    blocks = [
        {"type": "heading", "value": {"text": "Why it matters", "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{why}</p>"},
        {"type": "key_points", "value": {"heading": "Key points", "points": points}},
        {"type": "heading", "value": {"text": "What to do", "level": "h2"}},
        {"type": "checklist", "value": {"heading": "Steps", "items": steps}},
        {"type": "do_dont", "value": {"do": dos, "do_not": donts}},
        {
            "type": "warning",
            "value": {
                "text": "Never record details that identify a victim in a forum "
                "post or a feedback comment."
            },
        },
    ]
    if title in CONTENT_WARNING:
        warning, content = CONTENT_WARNING[title]
        blocks.append(
            {
                "type": "content_warning",
                "value": {"warning": warning, "content": content},
            }
        )
    if title in VIDEO:
        video_title, transcript = VIDEO[title]
        blocks.append(
            {
                "type": "video",
                "value": {
                    "title": video_title,
                    "link": VIDEO_LINK,
                    "duration": "4 minutes",
                    "transcript": transcript,
                },
            }
        )
    if reference:
        kind, citation, summary = reference
        blocks += [
            {"type": "heading", "value": {"text": "Legal basis", "level": "h2"}},
            {
                "type": "legislation",
                "value": {"kind": kind, "citation": citation, "summary": summary},
            },
        ]
    if document is not None:
        blocks.append(
            {
                "type": "document",
                "value": {
                    "document": document.pk,
                    "description": "Printable checklist (text file, 1 page)",
                },
            }
        )
    return blocks


def _checklist_document():
    Document = get_document_model()
    document = Document.objects.filter(title="First 48 hours checklist").first()
    if document is None:
        document = Document(title="First 48 hours checklist")
        document.file.save(
            "first-48-hours-checklist.txt",
            ContentFile(
                b"First 48 hours checklist (demo)\n- First account recorded\n"
                b"- SARC contacted\n- Suspect profile started\n- CCTV actions set\n"
            ),
            save=True,
        )
    return document


def seed_guidance(stdout=None) -> list[GuidancePage]:
    """Not one transaction: each publish commits on its own, so the demo officer's
    follows (made last) get no notifications for the seeded history."""
    from django.contrib.auth import get_user_model

    from accounts.demo import DEMO_DOMAIN

    User = get_user_model()
    index = GuidanceIndexPage.objects.filter(slug="guidance").first()
    if index is None:
        raise RuntimeError("Run migrations first: guidance 0002 creates /guidance/.")
    editor = User.objects.filter(email=f"editor@{DEMO_DOMAIN}").first()
    officer = User.objects.filter(email=f"officer@{DEMO_DOMAIN}").first()
    if editor is not None:
        editor.groups.add(Group.objects.get(name=SIGN_OFF_GROUP))
    themes = {t.slug: t for t in Theme.objects.all()}
    audiences = {a.slug: a for a in Audience.objects.all()}
    today = timezone.localdate()
    document = _checklist_document()
    pages = []
    for position, spec in enumerate(PAGES):
        title = spec[0]
        slug = slugify(title)[:80]
        existing = GuidancePage.objects.filter(slug=slug).first()
        if existing is not None:
            pages.append(existing)
            continue
        if title == OVERDUE:
            review_by = today - datetime.timedelta(days=21)
        elif title in DUE_SOON:
            review_by = today + datetime.timedelta(days=10 + 5 * DUE_SOON.index(title))
        else:
            review_by = today + datetime.timedelta(days=120 + 7 * position)
        page = GuidancePage(
            title=title,
            slug=slug,
            summary=spec[3],
            body=_body(spec, document=document if position == 0 else None),
            review_by=review_by,
            content_owner=editor,
            protective_marking="OFFICIAL-SENSITIVE"
            if title in SENSITIVE
            else "OFFICIAL",
            is_public=title in PUBLIC,
            change_is_major=True,
            change_note="First published.",
            live=False,
        )
        page.themes = [themes[s] for s in spec[1]]
        page.audiences = [audiences[s] for s in spec[2]]
        index.add_child(instance=page)
        page.save_revision(user=editor).publish(
            user=editor, skip_permission_checks=True
        )
        for is_major, note, extra_point in REVISIONS.get(title, []):
            page = GuidancePage.objects.get(pk=page.pk)  # latest_revision moves on
            draft = page.get_latest_revision_as_object()
            draft.change_is_major = is_major
            draft.change_note = note
            if extra_point:
                draft.body = _body(spec, extra_point=extra_point)
            draft.save_revision(user=editor).publish(
                user=editor, skip_permission_checks=True
            )
        _backdate(page)
        pages.append(page)
    if officer is not None and pages:
        follow_create(user=officer, target=pages[0])
        follow_create(user=officer, target=themes["victim-engagement"])
    if stdout is not None:
        stdout.write(f"Guidance: {len(pages)} pages in the library.")
    return pages


def _backdate(page: GuidancePage) -> None:
    """Spread a page's versions over the past year so history reads like real use."""
    versions = list(GuidanceVersion.objects.filter(page=page).order_by("id"))
    now = timezone.now()
    start = now - datetime.timedelta(days=330)
    step = datetime.timedelta(days=300 // max(len(versions), 1))
    for number, version in enumerate(versions):
        GuidanceVersion.objects.filter(pk=version.pk).update(
            published_at=start + step * number
        )
    GuidancePage.objects.filter(pk=page.pk).update(
        first_published_at=start, last_published_at=start + step * (len(versions) - 1)
    )
