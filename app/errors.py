"""The base of every error the program shows to an admin, and the command exit codes."""

from __future__ import annotations

from enum import IntEnum

from app.base_messages import ERROR_AND_STEP
from app.messages import Medium, Message, Translate, english


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

    `str(error)` is the message followed by the next step, in English. Each may be a coded
    `Message` (app.messages), which `render()` gives in the reader's language and medium
    (a next step names a button in the window, a command in the CLI); a plain `str` is shown
    as it is. `message` and `next_step` are always the English text. Subclasses never put a
    secret in either: messages are built from fixed text and non-secret values.
    """

    exit_code: ExitCode = ExitCode.BAD_INPUT
    severity: str = "error"

    def __init__(self, message: str | Message, next_step: str | Message = "") -> None:
        super().__init__(str(message))
        self.coded_message = message if isinstance(message, Message) else None
        self.coded_next_step = next_step if isinstance(next_step, Message) else None
        self.message = str(message)
        self.next_step = str(next_step)

    def __str__(self) -> str:
        return self.render()

    def render(self, translate: Translate = english, medium: Medium = "cli") -> str:
        """The message and the next step, in the language of `translate`."""
        message, next_step = self.texts(translate, medium)
        if not next_step:
            return message
        separator = "\n" if "\n" in message else " "
        return f"{message}{separator}{next_step}"

    def said(self) -> Message | str:
        """str(error) (its message, then its next step), as one coded message when the error
        is coded; the English str when it is not or when its message runs over lines."""
        if self.coded_message is None or "\n" in self.message:
            return str(self)
        if not self.next_step:
            return self.coded_message
        step = self.coded_next_step or self.next_step
        return ERROR_AND_STEP(message=self.coded_message, next_step=step)

    def texts(self, translate: Translate = english, medium: Medium = "cli") -> tuple[str, str]:
        """(message, next step) in the language of `translate`; "" when there is no step."""
        message = (
            self.coded_message.render(translate, medium) if self.coded_message else self.message
        )
        next_step = (
            self.coded_next_step.render(translate, medium)
            if self.coded_next_step
            else self.next_step
        )
        return message, next_step


class InputError(UserFacingError):
    """Bad input from the admin (a URL, a file, an option): nothing was sent anywhere."""

    exit_code = ExitCode.BAD_INPUT
