"""Demo content for the home page."""

from .models import HomePage

INTRO = (
    "Guidance, training and peer support for police officers and staff in England and "
    "Wales who investigate rape and serious sexual offences."
)

BODY = [
    {
        "type": "paragraph",
        "value": (
            "<p>The Learning Network brings together the specialist knowledge of all 43 "
            "forces. Read current guidance, work through training modules at your own "
            "pace and ask colleagues in other forces how they handled a situation like "
            "yours.</p>"
        ),
    },
    {
        "type": "warning",
        "value": {
            "text": "Never post anything that could identify a victim, witness or "
            "suspect: no names, dates of birth, addresses or reference numbers."
        },
    },
    {
        "type": "key_points",
        "value": {
            "heading": "On the network",
            "points": [
                "Guidance with a clear version, owner and review date",
                "Training modules with a record of what you completed",
                "Forums for national discussion and for your own force",
            ],
        },
    },
]


def seed_home_page(stdout=None) -> HomePage:
    page = HomePage.objects.get(depth=2)
    page.title = "Learning Network"
    page.intro = INTRO
    page.body = BODY
    page.save_revision().publish()
    return page
