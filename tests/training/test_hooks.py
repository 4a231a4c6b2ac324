from wagtail import hooks

from core.hooks import THEME_RESOURCES
from core.models import Theme
from tests.factories.training import make_module, publish_revision
from training.services import attempt_submit


def theme_resources(user, theme):
    return [item for fn in hooks.get_hooks(THEME_RESOURCES) for item in fn(user, theme)]


def test_theme_resources_lists_live_modules_tagged_with_the_theme(officer, trainer):
    theme = Theme.objects.get(slug="victim-engagement")
    module = make_module(
        title="Keeping victims informed", themes=[theme.slug], owner=trainer
    )
    make_module(title="Suspect interviews", owner=trainer)
    draft = make_module(title="Draft module", themes=[theme.slug], owner=trainer)
    draft.unpublish()

    items = [
        i for i in theme_resources(officer, theme) if i["kind"] == "Training module"
    ]

    assert items == [
        {
            "title": "Keeping victims informed",
            "url": module.url,
            "kind": "Training module",
            "summary": module.summary,
        }
    ]


def test_theme_resources_returns_at_most_ten_modules(officer, trainer):
    for number in range(12):
        make_module(title=f"Module {number:02}", owner=trainer, lessons=0)

    items = theme_resources(
        officer, Theme.objects.get(slug="suspect-focused-investigations")
    )

    assert len([i for i in items if i["kind"] == "Training module"]) == 10


def test_the_theme_page_lists_its_modules_with_the_users_progress(
    client_for, officer, trainer
):
    module = make_module(title="Suspect interviews", owner=trainer)
    attempt_submit(
        user=officer, module=module, answers={"q-charge": [0], "q-early": [0, 2]}
    )

    response = client_for(officer).get("/themes/suspect-focused-investigations/")

    assert "Training modules" in response.text
    assert "Suspect interviews" in response.text
    assert "Completed" in response.text


def test_the_training_index_groups_modules_by_theme_with_status(
    client_for, officer, trainer
):
    make_module(title="Suspect interviews", owner=trainer)
    make_module(title="Digital first", themes=["digital-forensics"], owner=trainer)
    client = client_for(officer)

    everything = client.get("/training/")
    digital = client.get("/training/?theme=digital-forensics")

    assert everything.status_code == 200
    assert (
        "Suspect interviews" in everything.text and "Digital first" in everything.text
    )
    assert "About 45 minutes" in everything.text
    assert "Not started" in everything.text
    assert "Suspect interviews" not in digital.text
    assert client.get("/training/?theme=nonsense").status_code == 404


def test_an_unpublished_module_is_a_404_for_learners(client_for, officer, trainer):
    module = make_module(owner=trainer)
    url = module.url
    module.unpublish()

    assert client_for(officer).get(url).status_code == 404


def test_a_module_version_shows_on_its_page(client_for, officer, module):
    module = publish_revision(module, version_major=2, version_minor=1)

    response = client_for(officer).get(module.url)

    assert "version 2.1" in response.text
