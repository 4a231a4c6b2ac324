import pytest

from tests.factories.guidance import make_guidance
from tests.factories.training import make_lesson, make_module


@pytest.fixture
def search_for(client_for):
    """``search_for(user, "query", **params)``: the search page's context."""

    def run(user, query, **params):
        client = client_for(user)
        response = client.get("/search/", {"q": query, **params})
        assert response.status_code == 200
        return response

    return run


@pytest.fixture
def corpus(db):
    """A little of everything that exists: guidance, a module and a lesson."""
    isva = make_guidance(
        title="Referring a victim to an ISVA",
        themes=("victim-engagement",),
        paragraphs=(
            "Offer every victim a referral to an independent sexual violence adviser "
            "at first contact and record the decision.",
        ),
    )
    phones = make_guidance(
        title="Consent for downloading a victim's phone",
        themes=("digital-forensics",),
        paragraphs=(
            "Only download what is strictly necessary and explain the digital "
            "processing notice before asking for consent.",
        ),
    )
    module = make_module(
        title="Investigating repeat offenders",
        lessons=0,
        themes=("repeat-and-serial-offenders",),
    )
    lesson = make_lesson(
        module,
        title="Linking offences",
        body=[
            {
                "type": "paragraph",
                "value": "<p>Serial offending is found by linking reports across "
                "forces.</p>",
            }
        ],
    )
    return {"isva": isva, "phones": phones, "module": module, "lesson": lesson}
