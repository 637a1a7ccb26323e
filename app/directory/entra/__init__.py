"""Microsoft Entra ID as the source: msal sign-in (auth) and the users and groups (source)."""

from __future__ import annotations

from app.directory.entra.auth import DeviceCodePrompt, EntraSignIn, SignInError
from app.directory.entra.source import DEFAULT_ACCESS_ROLE_ID, EntraSource

__all__ = [
    "DEFAULT_ACCESS_ROLE_ID",
    "DeviceCodePrompt",
    "EntraSignIn",
    "EntraSource",
    "SignInError",
]
