"""The base of every error the program shows to an admin, and the command exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes shared by the commands (each command's --help says which it uses)."""

    OK = 0
    FAILURES = 1  # sync: some operations failed
    BAD_INPUT = 2  # bad input or configuration; nothing was sent
    AUTH = 3  # whoami/test-connection: authentication or permission
    HELD = 3  # sync: held by the deletion threshold or quarantined
    UNREACHABLE = 4  # network, server, or (sync) target authentication
    LOCKED = 5  # another process runs a cycle of this profile


class UserFacingError(Exception):
    """An error with a one-line message for the admin and the next step to take.

    `str(error)` is the message followed by the next step. Subclasses never put a
    secret in either: messages are built from fixed text and non-secret values.
    """

    exit_code: ExitCode = ExitCode.BAD_INPUT
    severity: str = "error"

    def __init__(self, message: str, next_step: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.next_step = next_step

    def __str__(self) -> str:
        if not self.next_step:
            return self.message
        separator = "\n" if "\n" in self.message else " "
        return f"{self.message}{separator}{self.next_step}"


class InputError(UserFacingError):
    """Bad input from the admin (a URL, a file, an option): nothing was sent anywhere."""

    exit_code = ExitCode.BAD_INPUT
