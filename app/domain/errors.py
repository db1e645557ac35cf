"""Errors as codes with parameters: the core names what went wrong, the UI chooses the words.

``DomainError("amount.too_many_decimals", places=3)``: ``code`` is a dotted key that
``ui.messages`` turns into a sentence in the user's language (placeholders ``{name}``,
filled from ``params``); synced rows store the code and its parameters, never a sentence.
"""

from __future__ import annotations

from typing import Any


class DomainError(ValueError):
    """A rule of the trade or of the data refused something; ``code`` says which."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        shown = ", ".join(f"{k}={v!r}" for k, v in params.items())
        super().__init__(f"{code}({shown})" if shown else code)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, DomainError)
            and (self.code, self.params) == (other.code, other.params)
            and type(self) is type(other)
        )

    def __hash__(self) -> int:
        return hash((type(self), self.code))


class FieldErrors(DomainError):
    """Several form fields refused at once: field name -> the DomainError for it."""

    def __init__(self, errors: dict[str, DomainError]) -> None:
        self.errors = errors
        super().__init__("form.invalid", fields=sorted(errors))


class Cancelled(DomainError):
    """The user cancelled a long operation between two of its steps; nothing was kept."""

    def __init__(self) -> None:
        super().__init__("operation.cancelled")
