"""Every error code raised in app/ or sync/ has a message in English and Simplified Chinese,
and every message's placeholders are ones its raisers pass."""

import ast
import re
import string
from pathlib import Path

from ui.messages import CATALOGUE, describe, message

ROOT = Path(__file__).resolve().parents[2]
ERROR_CLASSES = {"DomainError"}


def raised_codes() -> dict[str, set[str]]:
    """code -> the keyword parameters passed with it, over every DomainError(...) call."""
    found: dict[str, set[str]] = {}
    for folder in ("app", "sync"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", getattr(node.func, "attr", None)) in ERROR_CLASSES
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    params = {k.arg for k in node.keywords if k.arg}
                    found.setdefault(node.args[0].value, set()).update(params)
    return found


def test_every_raised_code_has_both_languages():
    missing = sorted(code for code in raised_codes() if code not in CATALOGUE)
    assert missing == []
    for code, (en, zh) in CATALOGUE.items():
        assert en.strip() and zh.strip(), code
        assert re.search(r"[\u4e00-\u9fff]", zh), f"{code}: the Chinese message has no Chinese"


def test_both_languages_use_the_same_placeholders():
    for code, (en, zh) in CATALOGUE.items():
        names = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in (en, zh)]
        assert names[0] == names[1], code


def test_a_message_is_filled_from_the_errors_parameters():
    from app.domain.errors import DomainError

    assert "ZeroDivisionError" in describe(ZeroDivisionError(), "en")
    assert message("nope.not_a_code", {}, "zh_CN").startswith("出现错误（nope.not_a_code）")
    assert describe(DomainError("operation.cancelled"), "en") == "Cancelled. Nothing was changed."
