"""Trainers may create, edit and publish modules only in the training section."""

from home.models import HomePage
from tests.factories.guidance import guidance_index, make_guidance
from tests.factories.training import training_index
from training.models import ModulePage


def test_trainers_can_add_edit_and_publish_in_the_training_section(trainer, module):
    index_perms = training_index().permissions_for_user(trainer)
    module_perms = module.permissions_for_user(trainer)

    assert index_perms.can_add_subpage()
    assert module_perms.can_edit()
    assert module_perms.can_publish()
    assert module_perms.can_add_subpage()


def test_trainers_cannot_edit_guidance_or_the_home_page(trainer):
    guidance = make_guidance()

    for page in (guidance, guidance_index(), HomePage.objects.get()):
        perms = page.permissions_for_user(trainer)
        assert not perms.can_edit(), page
        assert not perms.can_publish(), page
        assert not perms.can_add_subpage(), page


def test_the_admin_refuses_a_trainer_editing_guidance(client_for, trainer):
    guidance = make_guidance()
    client = client_for(trainer)

    edit = client.get(f"/admin/pages/{guidance.pk}/edit/")
    add = client.get(f"/admin/pages/add/guidance/guidancepage/{guidance_index().pk}/")

    # Wagtail sends someone without permission back to the dashboard with a message.
    assert (edit.status_code, edit["Location"]) == (302, "/admin/")
    assert (add.status_code, add["Location"]) == (302, "/admin/")


def test_the_admin_lets_a_trainer_open_a_module_for_editing(
    client_for, trainer, module
):
    client = client_for(trainer)

    response = client.get(f"/admin/pages/{module.pk}/edit/")
    add = client.get(f"/admin/pages/add/training/modulepage/{training_index().pk}/")

    assert response.status_code == 200
    assert add.status_code == 200


def test_an_officer_cannot_edit_modules(officer, module):
    assert not module.permissions_for_user(officer).can_edit()


def test_modules_may_only_live_in_the_training_section(db):
    assert ModulePage.parent_page_types == ["training.TrainingIndexPage"]
    assert ModulePage.can_create_at(training_index())
    assert not ModulePage.can_create_at(guidance_index())
