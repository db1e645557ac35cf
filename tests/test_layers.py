"""The house rules import-linter cannot see: names that reach ui/ through a re-export, and
units of work opened by screens.

import-linter's contracts (pyproject.toml) stop ``import sqlalchemy`` in ui/; a name taken
from ``app.services`` that *is* SQLAlchemy's (``from app.services.x import text``) or the
store's would slip through them. Here every module of ui/ is imported and each of its
global names is traced to the module that defined it.
"""

import importlib
import pkgutil
import re
from pathlib import Path

import ui

ROOT = Path(__file__).resolve().parents[1]
COMPOSITION_ROOT = "ui.app"
FORBIDDEN_ORIGINS = ("sqlalchemy", "alembic", "app.store")


def ui_modules():
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        yield info.name


def test_no_ui_module_holds_a_name_from_sqlalchemy_or_the_store():
    offenders = []
    for name in ui_modules():
        if name == COMPOSITION_ROOT:
            continue
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            origin = getattr(value, "__module__", None) or ""
            if isinstance(value, type(module)):
                origin = value.__name__
            if origin.startswith(FORBIDDEN_ORIGINS):
                offenders.append(f"{name}.{attr} from {origin}")
    assert offenders == []


def test_no_screen_opens_a_unit_of_work():
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if module == COMPOSITION_ROOT:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\.session\(\)|\bsessions\(\)|\bSession\b", line):
                offenders.append(f"{module}:{number}: {line.strip()}")
    assert offenders == []
