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
    """HTTP 422: a field is missing or malformed."""


__all__ = ["Conflict", "Forbidden", "InvalidTransition", "Invalid", "NotFound"]
