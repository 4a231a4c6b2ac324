"""What the home app gives the rest of the site through Wagtail's hooks
(https://docs.wagtail.org/en/stable/reference/hooks.html)."""

from wagtail import hooks

from core.hooks import DEMO_SEED


@hooks.register(DEMO_SEED, order=20)
def seed_demo_home_page(stdout) -> None:
    from .demo import seed_home_page

    seed_home_page(stdout=stdout)
