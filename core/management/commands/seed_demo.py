from django.core.management.base import BaseCommand

from wagtail import hooks

from core.hooks import DEMO_SEED


class Command(BaseCommand):
    """Runs each app's demo seed, registered with the ``demo_seed`` hook
    (``@hooks.register(DEMO_SEED, order=…)``, lowest order first: an app's content
    comes after the content it refers to). A seed is called with ``stdout`` and may
    return lines to print at the end (the accounts app lists the demo accounts), so
    this command knows no app."""

    help = (
        "Create synthetic demo content and one demo account per role. Safe to run again. "
        "Never real cases or people."
    )

    def handle(self, *args, **options):
        notes = []
        for seed in hooks.get_hooks(DEMO_SEED):
            notes += seed(stdout=self.stdout) or []
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        for line in notes:
            self.stdout.write(line)
