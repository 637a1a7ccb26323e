"""Checks on a pasted access token before anything is sent with it.

`clean_token` is the one check, shared by the command line (--token-stdin,
WEBEX_PROVISIONER_TOKEN, the keyring) and the wizard's token field; it has no Qt.
"""

from __future__ import annotations

from app.errors import InputError
from app.messages import Message
from app.webex import url_messages as M

# A Webex access token is about 100 characters, an OAuth JWT a few KB at most: anything
# longer is a file or a page pasted by mistake, and would be refused by the server anyway.
MAX_TOKEN_LENGTH = 8192


def clean_token(token: str | None, *, what: str | Message | None = None) -> str:
    """The token without the blanks around it; refused when empty or broken inside.

    A token copied across two lines, or with a space inside, would be refused by Webex as
    "not valid" (or, with a line break, not be sendable at all): say what is wrong instead.
    Only visible ASCII (what an HTTP header and an OAuth bearer token can hold) is accepted,
    up to MAX_TOKEN_LENGTH characters. The messages never show the token. `what` names the
    token in the message (e.g. "The token in WEBEX_PROVISIONER_TOKEN"; a Message to be said
    in the reader's language).
    """
    what = M.THE_TOKEN() if what is None else what
    value = (token or "").strip()
    if not value:
        raise InputError(M.NO_TOKEN(), M.NO_TOKEN_STEP())
    if any(ch.isspace() for ch in value):
        raise InputError(
            M.TOKEN_SPACES(what=what),
            M.TOKEN_SPACES_STEP(),
        )
    if len(value) > MAX_TOKEN_LENGTH:
        raise InputError(
            M.TOKEN_TOO_LONG(what=what, length=f"{len(value):,}", most=f"{MAX_TOKEN_LENGTH:,}"),
            M.TOKEN_TOO_LONG_STEP(),
        )
    for position, ch in enumerate(value, start=1):
        if not "!" <= ch <= "~":
            kind = M.CONTROL_CHARACTER() if ch.isascii() or not ch.isprintable() else M.NOT_ASCII()
            raise InputError(
                M.TOKEN_BAD_CHARACTER(what=what, kind=kind, position=position),
                M.TOKEN_BAD_CHARACTER_STEP(),
            )
    return value
