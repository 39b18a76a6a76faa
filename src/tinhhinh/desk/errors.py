"""Desk errors: each is a UserError, so the CLI prints one line and the web app maps it to a status code."""

from __future__ import annotations

from tinhhinh.console import UserError
from tinhhinh.store.desk import NotFound, StaleWrite

Conflict = StaleWrite  # HTTP 409: a second writer gets this, with both versions in the message


class Forbidden(UserError):
    """HTTP 403 (or 404 where the existence itself must not leak)."""


class InvalidTransition(UserError):
    """HTTP 422: the state machine does not allow this move, or a required reason is missing."""


class Invalid(UserError):
    """HTTP 422: a field is missing or malformed. ``field`` names it when one field is at fault (a register
    import reports it as the row's column)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


__all__ = ["Conflict", "Forbidden", "InvalidTransition", "Invalid", "NotFound"]


def check_version(what: str, row: dict, expected_version: int) -> None:
    """Refuse before validating anything else: the second writer must learn that the record moved on."""
    if row["version"] != expected_version:
        raise Conflict(
            f"{what} #{row['id']} was changed by someone else (you had version {expected_version}, it is now "
            f"{row['version']}): reload it and apply your change again"
        )
