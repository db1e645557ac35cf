"""Why a sync stopped: :class:`SyncFailure`, a ``DomainError`` whose code the desk
translates through ``ui.messages`` and the command line prints in English
(``sync.messages``); and how an outcome is kept in the sync state (code and parameters,
never prose).
"""

from __future__ import annotations

from app.domain.errors import DomainError
from sync.messages import ENGLISH, english

__all__ = ["ENGLISH", "SyncFailure", "decode", "encode", "english"]


class SyncFailure(DomainError):
    """A sync or enrolment that could not finish; ``code`` and ``params`` say why.

    ``str()`` is the English sentence (the command line and the log); screens translate
    the code."""

    def __str__(self) -> str:
        return english(self.code, self.params)


def encode(error: DomainError) -> str:
    """An outcome as stored in the sync state: the code and parameters, never prose."""
    import json

    return json.dumps({"code": error.code, "params": error.params}, ensure_ascii=False)


def decode(text: str | None) -> DomainError | None:
    """The stored outcome back as an error; None when the last sync finished."""
    import json

    if not text:
        return None
    try:
        value = json.loads(text)
        return DomainError(value["code"], **dict(value.get("params") or {}))
    except (ValueError, KeyError, TypeError):
        # written by an older PropDesk as an English sentence
        return DomainError("sync.unexpected", detail=text)
