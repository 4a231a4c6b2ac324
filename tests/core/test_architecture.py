"""No app imports another app's modules (DESIGN.md, STYLE.md): apps offer each other
what they own through ``core`` (its hooks, core/hooks.py, and the content sources
registered there). ``accounts`` is the shared home of people (the user, roles,
forces), which every app may read. Read from the source with ``ast``, migrations and
imports inside functions included, so a lazy import is caught too;
``learning_network/`` is the project's configuration (its URLs include every app)
and is not an app."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
# The project's own apps: the installed ones that are folders of this repository.
APPS = tuple(app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir())
SHARED = ("core", "accounts")

# Known exceptions, each to be deleted when the change named beside it is merged:
# (importing file, imported module; a trailing "*" matches any app in its place).
ALLOWED: set[tuple[str, str]] = set()


def _imported_modules(tree: ast.AST):
    """(line, module) for every absolute import, and every import_module("...")."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def _allowed(path: str, module: str) -> bool:
    for allowed_path, pattern in ALLOWED:
        if path != allowed_path:
            continue
        app, _, rest = pattern.partition(".")
        if pattern == module or (
            app == "*" and module.partition(".")[2] == rest and module != pattern
        ):
            return True
    return False


def _cross_app_imports():
    """(file, line, module) for each import of another app's module."""
    for app in APPS:
        for file in sorted((ROOT / app).rglob("*.py")):
            path = file.relative_to(ROOT).as_posix()
            tree = ast.parse(file.read_text(), filename=path)
            for line, module in _imported_modules(tree):
                other = module.partition(".")[0]
                if other in APPS and other != app and other not in SHARED:
                    yield path, line, module


def test_no_app_imports_another_apps_modules():
    assert {"core", "accounts", "guidance", "forums", "search"} <= set(APPS)
    found = [
        f"{path}:{line} imports {module}"
        for path, line, module in _cross_app_imports()
        if not _allowed(path, module)
    ]

    assert found == []


def test_every_allowed_exception_is_still_needed():
    """Delete an ALLOWED entry once nothing needs it (after the merge named there)."""
    used = {
        entry
        for path, _line, module in _cross_app_imports()
        for entry in ALLOWED
        if _allowed(path, module) and entry[0] == path
    }

    assert ALLOWED - used == set()


def test_the_check_sees_a_lazy_import_of_another_app():
    tree = ast.parse("def view():\n    from guidance.selectors import x\n")

    assert list(_imported_modules(tree)) == [(2, "guidance.selectors")]
