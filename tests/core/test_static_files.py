"""The static files the site ships are whole: every url() in its CSS points at a file that
exists, and collectstatic with production's storage (hashed, compressed names, which
fails on a missing url() target) succeeds on a clean checkout."""

import posixpath
import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

from tests.core.test_deploy import PRODUCTION_ENV, run_manage

SHIPPED = Path(settings.BASE_DIR) / "learning_network" / "static"
CSS_URL = re.compile(r"""url\(\s*(["']?)(?P<target>[^"')]*)\1\s*\)""")
NOT_A_FILE = ("data:", "#", "http:", "https:", "//", "about:")


def static_name(css_file: Path, target: str) -> str:
    """The static-file name a url() in ``css_file`` refers to."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    if path.startswith("/"):
        return path.removeprefix(settings.STATIC_URL)
    folder = posixpath.dirname(css_file.relative_to(SHIPPED).as_posix())
    return posixpath.normpath(posixpath.join(folder, path))


def missing_url_targets(css_file: Path) -> list[str]:
    text = css_file.read_text()
    return [
        f"{css_file.relative_to(SHIPPED)}: url({match['target']})"
        for match in CSS_URL.finditer(text)
        if match["target"]
        and not match["target"].startswith(NOT_A_FILE)
        and finders.find(static_name(css_file, match["target"])) is None
    ]


def test_every_url_in_the_shipped_css_points_at_a_file_that_exists():
    css_files = sorted(SHIPPED.rglob("*.css"))
    assert css_files, "no CSS found under learning_network/static"

    missing = [line for css in css_files for line in missing_url_targets(css)]

    assert missing == []


def test_collectstatic_with_production_storage_succeeds(tmp_path):
    result = run_manage(
        "collectstatic",
        "--noinput",
        env={**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)},
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "staticfiles.json").exists()
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "govuk/govuk-frontend.min.css" in manifest
