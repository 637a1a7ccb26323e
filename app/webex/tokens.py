"""Checks on a pasted access token before anything is sent with it."""

from __future__ import annotations

from app.errors import InputError


def clean_token(token: str | None) -> str:
    """The token without the blanks around it; refused when empty or broken inside.

    A token copied across two lines, or with a space inside, would be refused by Webex as
    "not valid" (or, with a line break, not be sendable at all): say what is wrong instead.
    """
    value = (token or "").strip()
    if not value:
        raise InputError("No token was given.", "Paste the admin's Webex access token.")
    if any(ch.isspace() for ch in value):
        raise InputError(
            "The token contains spaces or line breaks.",
            "Copy the token again, in one piece, and paste it.",
        )
    return value
