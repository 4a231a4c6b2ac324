import factory
from allauth.account.models import EmailAddress
from factory.django import DjangoModelFactory
from faker import Faker

from django.contrib.auth.models import Group

from accounts.models import Force, JobRole, User

TEST_PASSWORD = "correct-horse-battery-staple-42"
_FAKE = Faker("en_GB")


class UserFactory(DjangoModelFactory):
    """A verified member of a force. Pass ``groups=["Moderators"]`` for a role and
    ``force__slug`` or ``force=`` for another force."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"officer{n}@avon-and-somerset.police.uk")
    # Realistic names without apostrophes, so pages' HTML escaping never makes a
    # name-matching assertion flaky.
    display_name = factory.LazyFunction(lambda: _FAKE.name().replace("'", ""))
    force = factory.LazyFunction(lambda: Force.objects.get(slug="avon-and-somerset"))
    job_role = JobRole.INVESTIGATOR
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if not create:
            return
        names = ["Officers", *(extracted or [])]
        self.groups.set(Group.objects.filter(name__in=names))

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(
                user=self, email=self.email, verified=True, primary=True
            )
        self.save()


def make_user(*, force: str = "avon-and-somerset", groups=(), **kwargs) -> User:
    return UserFactory(
        force=Force.objects.get(slug=force), groups=list(groups), **kwargs
    )
