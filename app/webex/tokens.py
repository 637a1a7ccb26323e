"""Checks on a pasted access token before anything is sent with it.

`clean_token` is the one check, shared by the command line (--token-stdin,
WEBEX_PROVISIONER_TOKEN, the keyring) and the wizard's token field; it has no Qt.
"""

from __future__ import annotations

from app.errors import InputError

# A Webex access token is about 100 characters, an OAuth JWT a few KB at most: anything
# longer is a file or a page pasted by mistake, and would be refused by the server anyway.
MAX_TOKEN_LENGTH = 8192


def clean_token(token: str | None, *, what: str = "The token") -> str:
    """The token without the blanks around it; refused when empty or broken inside.

    A token copied across two lines, or with a space inside, would be refused by Webex as
    "not valid" (or, with a line break, not be sendable at all): say what is wrong instead.
    Only visible ASCII (what an HTTP header and an OAuth bearer token can hold) is accepted,
    up to MAX_TOKEN_LENGTH characters. The messages never show the token. `what` names the
    token in the message (e.g. "The token in WEBEX_PROVISIONER_TOKEN").
    """
    value = (token or "").strip()
    if not value:
        raise InputError("No token was given.", "Paste the admin's Webex access token.")
    if any(ch.isspace() for ch in value):
        raise InputError(
            f"{what} contains spaces or line breaks.",
            "Copy the token again, in one piece, and paste it.",
        )
    if len(value) > MAX_TOKEN_LENGTH:
        raise InputError(
            f"{what} is {len(value):,} characters long; an access token has at most "
            f"{MAX_TOKEN_LENGTH:,}.",
            "Copy only the token (not a file or a whole page) and paste it again.",
        )
    for position, ch in enumerate(value, start=1):
        if not "!" <= ch <= "~":
            kind = (
                "a control character"
                if ch.isascii() or not ch.isprintable()
                else ("a character that is not plain ASCII")
            )
            raise InputError(
                f"{what} contains {kind} at position {position}, which a token cannot hold.",
                "Copy the token again from where it was made (developer.webex.com or your "
                "integration); an editor or a chat may have changed a character.",
            )
    return value
