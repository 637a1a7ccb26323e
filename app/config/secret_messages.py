"""The sentences of the keyring (app.config.secrets): why a secret could not be kept or found,
and the next step. Coded messages (app.messages); the French is in resources/locale/."""

from __future__ import annotations

from app.messages import message

_ENV = (
    "the Webex token in the environment variable WEBEX_PROVISIONER_TOKEN (and an Entra "
    "client secret in WEBEX_PROVISIONER_CLIENT_SECRET) instead."
)

WHAT = {
    "webex-token": message("secrets.what.webex_token", "Webex token"),
    "entra-client-secret": message("secrets.what.client_secret", "Entra client secret"),
    "smtp-password": message("secrets.what.smtp_password", "SMTP password"),
    "msal-cache": message("secrets.what.msal_cache", "Microsoft sign-in cache"),
}
NO_KEYRING = message("secrets.no_keyring", "This machine has no keyring service to keep secrets.")
ENV_STEP = message("secrets.env_step", "Give " + _ENV)
PLAIN_TEXT_FILE = message(
    "secrets.plain_text_file",
    "The keyring in use ({backend}) would write secrets to a file in plain text, so this "
    "program does not use it.",
)
UNCHOSEN_FILE = message(
    "secrets.unchosen_file",
    "The keyring in use ({backend}) would write secrets to a file without your explicit "
    "choice, so this program does not use it.",
)
FILE_NEXT = message(
    "secrets.file.next",
    "Use the desktop's keyring (uninstall keyrings.alt, or choose one with "
    "PYTHON_KEYRING_BACKEND), or give " + _ENV,
)
EMPTY = message("secrets.empty", "The {what} is empty.")
EMPTY_NEXT = message("secrets.empty.next", "Give a non-empty value.")
LOCKED = {
    "read": message(
        "secrets.locked.read", "The keyring is locked, so the {what} could not be read there."
    ),
    "save": message(
        "secrets.locked.save", "The keyring is locked, so the {what} could not be saved there."
    ),
    "delete": message(
        "secrets.locked.delete",
        "The keyring is locked, so the {what} could not be deleted there.",
    ),
}
LOCKED_NEXT = message(
    "secrets.locked.next",
    "Unlock the keyring (sign in to the desktop session) and try again, or give " + _ENV,
)
REFUSED = {
    "read": message("secrets.refused.read", "The keyring refused to read the {what} ({error})."),
    "save": message("secrets.refused.save", "The keyring refused to save the {what} ({error})."),
    "delete": message(
        "secrets.refused.delete", "The keyring refused to delete the {what} ({error})."
    ),
}
REFUSED_NEXT = message(
    "secrets.refused.next",
    "Check that the desktop's keyring service runs and is unlocked, or give " + _ENV,
)
MISSING_BECAUSE = message(
    "secrets.missing.because",
    "No {what} for profile {profile}: {problem}, and {env} is not set.",
)
MISSING_BECAUSE_NEXT = message(
    "secrets.missing.because.next",
    "Set {env}, or make a keyring available and store it with "
    "`webex-provisioner profile set {profile} {option}`.",
)
MISSING = message(
    "secrets.missing", "No {what} is stored for profile {profile}, and {env} is not set."
)
MISSING_NEXT = message(
    "secrets.missing.next",
    "Either store it with `webex-provisioner profile set {profile} {option}`, or set {env}.",
)
