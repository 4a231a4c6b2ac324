"""manage.py seed_demo knows no app: each app registers its demo seed through the
``demo_seed`` hook, in the order their content depends on each other."""

import ast
from io import StringIO
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command

from wagtail import hooks

from core.hooks import DEMO_SEED

APPS = {"accounts", "home", "guidance", "training", "forums", "search", "assessments"}
COMMAND = Path(__file__).resolve().parents[2] / "core/management/commands/seed_demo.py"


def test_the_seed_demo_command_imports_no_app():
    tree = ast.parse(COMMAND.read_text())
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        for name in (
            [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else [alias.name for alias in getattr(node, "names", [])]
            if isinstance(node, ast.Import)
            else []
        )
    }

    assert imported & APPS == set()


def test_apps_seed_their_demo_content_in_the_order_it_depends_on():
    seeds = [seed.__module__ for seed in hooks.get_hooks(DEMO_SEED)]

    # Accounts first (everything is written by the demo people); training after
    # guidance (lessons cite guidance pages); assessments need the demo force lead.
    assert seeds == [
        "accounts.wagtail_hooks",
        "home.wagtail_hooks",
        "guidance.wagtail_hooks",
        "training.wagtail_hooks",
        "forums.wagtail_hooks",
        "assessments.wagtail_hooks",
    ]


@pytest.mark.django_db
def test_seed_demo_ends_by_listing_the_demo_accounts():
    from accounts.demo import DEMO_ACCOUNTS

    out = StringIO()

    call_command("seed_demo", stdout=out, no_color=True)

    lines = out.getvalue().splitlines()
    ready = lines.index("Demo content is ready.")
    assert lines[ready + 1] == f"Demo accounts (password: {settings.DEMO_PASSWORD}):"
    assert lines[ready + 2 :] == [
        f"  {account.email}"
        + ("  (TOTP: manage.py demo_totp)" if account.is_staff_role else "")
        for account in DEMO_ACCOUNTS
    ]
