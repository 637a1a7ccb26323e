"""Microsoft Entra ID as the source: msal sign-in (auth) and the users and groups (source),
read from the application's assignments (assignments) and Graph's delta rounds (rounds) into
records (records), remembered between cycles in a watermark (watermark)."""

from __future__ import annotations

from app.directory.entra.assignments import DEFAULT_ACCESS_ROLE_ID
from app.directory.entra.auth import DeviceCodePrompt, EntraSignIn, SignInError
from app.directory.entra.source import EntraSource

__all__ = [
    "DEFAULT_ACCESS_ROLE_ID",
    "DeviceCodePrompt",
    "EntraSignIn",
    "EntraSource",
    "SignInError",
]
