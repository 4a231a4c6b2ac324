from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models


class Force(models.Model):
    """A police force or a national organisation taking part. Loaded by migration 0002."""

    class Kind(models.TextChoices):
        TERRITORIAL = "territorial", "Territorial police force"
        NATIONAL = "national", "National organisation"

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(
        max_length=20, choices=Kind.choices, default=Kind.TERRITORIAL
    )
    is_active = models.BooleanField(
        default=True, help_text="Inactive forces are not offered at sign-up."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class JobRole(models.TextChoices):
    INVESTIGATOR = "investigator", "Investigator"
    SUPERVISOR = "supervisor", "Supervisor"
    ANALYST = "analyst", "Analyst"
    DIGITAL_FORENSIC_EXAMINER = "digital_forensic_examiner", "Digital forensic examiner"
    VICTIM_LIAISON = "victim_liaison", "Victim liaison"
    TRAINER = "trainer", "Trainer"
    OTHER = "other", "Other"


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", "Send each notification by e-mail at once"
    DAILY = "daily", "Send a daily digest"
    NEVER = "never", "Do not e-mail me; I will read them on the site"


class UserManager(DjangoUserManager):
    """Users sign in with their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A member of the network. The profile (display name, force, job role) lives here
    so that every visibility rule reads it without a join."""

    username = None
    email = models.EmailField("e-mail address", unique=True)
    display_name = models.CharField(
        max_length=80,
        help_text="How other officers see you, e.g. 'DC Sam Patel'.",
    )
    force = models.ForeignKey(
        Force,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        help_text="The force or organisation you work for.",
    )
    job_role = models.CharField(
        max_length=40, choices=JobRole.choices, default=JobRole.INVESTIGATOR
    )

    notification_email = models.CharField(
        "notification e-mails",
        max_length=10,
        choices=EmailFrequency.choices,
        default=EmailFrequency.IMMEDIATE,
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.display_name or self.email

    def get_full_name(self):
        return self.display_name or super().get_full_name() or self.email

    def get_short_name(self):
        return self.display_name or self.email
