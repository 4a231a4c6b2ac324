"""The programme's six themes, as data."""

from django.db import migrations

THEMES = [
    (
        "suspect-focused-investigations",
        "Suspect-focused investigations",
        "Building the case around the suspect's behaviour, history and opportunity, "
        "rather than testing the victim's credibility.",
    ),
    (
        "repeat-and-serial-offenders",
        "Repeat and serial offenders",
        "Recognising, linking and pursuing offenders who harm more than one person, "
        "across reports, places and forces.",
    ),
    (
        "victim-engagement",
        "Victim engagement",
        "Keeping victims informed, supported and safe from first report to court, "
        "working with ISVAs and SARCs.",
    ),
    (
        "learning-development-and-wellbeing",
        "Learning, development and wellbeing",
        "Specialist skills for RASSO investigators and supervisors, and looking after "
        "the people who do this work.",
    ),
    (
        "data",
        "Data",
        "Using performance and case data to understand demand, find gaps and show "
        "what improves outcomes.",
    ),
    (
        "digital-forensics",
        "Digital forensics",
        "Proportionate, timely and lawful handling of phones and other digital "
        "evidence, with victims' privacy respected.",
    ),
]


def load_themes(apps, schema_editor):
    Theme = apps.get_model("core", "Theme")
    for position, (slug, name, summary) in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(
            slug=slug, defaults={"name": name, "summary": summary, "position": position}
        )


def unload_themes(apps, schema_editor):
    apps.get_model("core", "Theme").objects.filter(
        slug__in=[slug for slug, _, _ in THEMES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(load_themes, unload_themes)]
