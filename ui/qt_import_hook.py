"""A cheaper answer to PySide6's question about every module imported after it.

PySide6 (PYSIDE-2029) asks of each module imported once it is loaded whether its source
mentions "PySide6", with ``inspect.getsource``: for the 500 modules of the database layer
(SQLAlchemy and the models) that is a tenth of the start page's start-up. The same
question is answered here by reading the file's bytes; anything else (no source file, an
extension, the bundle's compiled modules) still goes to PySide6's own answer. PropDesk
uses no ``__feature__`` switching, whose defaults this answer sets.
"""

from __future__ import annotations

import sys


def speed_up_pyside_import_hook() -> None:
    import PySide6.QtCore  # noqa: F401  (loads the hook's module)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "read_as_bytes", False):
        return  # another PySide6 version, or done already

    def mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    mod_uses_pyside.read_as_bytes = True
    mod_uses_pyside.original = original
    feature._mod_uses_pyside = mod_uses_pyside
