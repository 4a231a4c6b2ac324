import pytest

from django.contrib.auth.models import Group
from django.db.models import Count
from django.utils import timezone

from accounts.demo import seed_demo_accounts
from core.models import Follow, Theme
from guidance.demo import seed_guidance
from guidance.models import GuidancePage
from guidance.roles import SIGN_OFF_GROUP

pytestmark = pytest.mark.django_db


def test_the_demo_library_is_realistic_and_seeding_twice_changes_nothing():
    seed_demo_accounts()

    seed_guidance()
    seed_guidance()

    pages = GuidancePage.objects.live().annotate(n=Count("versions"))
    assert pages.count() >= 30
    assert sum(1 for p in pages if p.n >= 2) >= 5
    assert pages.filter(review_by__lt=timezone.localdate()).count() == 1
    for theme in Theme.objects.all():
        assert pages.filter(themes=theme).exists(), theme
    assert (
        Group.objects.get(name=SIGN_OFF_GROUP)
        .user_set.filter(email="editor@demo.police.uk")
        .exists()
    )
    assert Follow.objects.filter(user__email="officer@demo.police.uk").count() == 2
