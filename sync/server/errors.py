"""Refusals the server answers with, as JSON :class:`sync.protocol.ErrorBody`."""

from __future__ import annotations


class SyncError(Exception):
    def __init__(
        self,
        status: int,
        error: str,
        message: str,
        change_id: str | None = None,
        permanent: bool = False,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.change_id = change_id
        self.permanent = permanent

    def body(self) -> dict:
        return {
            "error": self.error,
            "message": self.message,
            "change_id": self.change_id,
            "permanent": self.permanent,
        }
