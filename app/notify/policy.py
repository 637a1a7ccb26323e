"""When to send failure e-mail: once per new reason, never once per cycle.

A cycle that is quarantined, held by the deletion threshold, fails, or ends with failures
has a *reason key* (its outcome and a stable form of its cause). The key of the last mail
sent is kept in the profile's state; a cycle with the same key sends nothing. A completed
cycle clears it, so the same trouble coming back later is reported again. A mail that
cannot be sent is logged and retried at the next cycle; it never fails the cycle.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from app.config.secrets import aresolve_smtp_password
from app.errors import UserFacingError
from app.notify.mail import MailSettings, send_failure_mail

if TYPE_CHECKING:
    from app.config.profile import Profile
    from app.sync.events import CycleResult

log = logging.getLogger(__name__)

NOTIFIED_OUTCOMES = frozenset({"quarantined", "held", "failed", "completed_with_failures"})
_NUMBER = re.compile(r"\d+")

SendFailureMail = Callable[..., Awaitable[object]]
PasswordProvider = Callable[[], Awaitable[str | None]]


class NotifyOutcome(StrEnum):
    SENT = "sent"
    SAME_REASON = "same_reason"  # already reported; nothing sent
    NOT_NEEDED = "not_needed"  # the cycle went well (or was cancelled)
    DISABLED = "disabled"  # failure e-mail is off for this profile
    MAIL_FAILED = "mail_failed"  # logged; tried again at the next cycle


def reason_key(result: CycleResult) -> str | None:
    """What makes two failing cycles "the same problem"; None for a cycle that went well.

    Numbers are masked ("600 disables exceed 500" stays one reason as the numbers move);
    for failures, the kinds of error count, not which users or how many.
    """
    if result.outcome not in NOTIFIED_OUTCOMES:
        return None
    if result.outcome == "completed_with_failures":
        kinds = sorted(
            {
                event.error_code or _NUMBER.sub("#", event.message) or "unknown"
                for event in result.first_failures
            }
        )
        detail = ",".join(kinds) or _NUMBER.sub("#", result.reason)
    else:
        detail = _NUMBER.sub("#", result.reason)
    return f"{result.outcome}|{result.cause}|{detail}"


class FailureNotifier:
    """Sends one failure mail per new reason; call `notify(result)` after each cycle."""

    def __init__(
        self,
        profile_name: str,
        settings: MailSettings,
        *,
        password: PasswordProvider,
        get_last_reason: Callable[[], str | None],
        set_last_reason: Callable[[str | None], None],
        enabled: bool = True,
        send: SendFailureMail = send_failure_mail,
    ) -> None:
        self.profile_name = profile_name
        self.settings = settings
        self.enabled = enabled
        self._password = password
        self._get_last_reason = get_last_reason
        self._set_last_reason = set_last_reason
        self._send = send

    def __repr__(self) -> str:
        return f"<FailureNotifier {self.profile_name!r} to {len(self.settings.recipients)}>"

    @classmethod
    def for_profile(
        cls,
        profile: Profile,
        *,
        get_last_reason: Callable[[], str | None],
        set_last_reason: Callable[[str | None], None],
    ) -> FailureNotifier:
        """The notifier of a saved profile: its settings, its SMTP password from the keyring."""

        async def password() -> str | None:
            return await aresolve_smtp_password(profile.name)

        return cls(
            profile.name,
            MailSettings.from_profile(profile),
            password=password,
            get_last_reason=get_last_reason,
            set_last_reason=set_last_reason,
            enabled=profile.notifications.send_on_failure,
        )

    async def notify(self, result: CycleResult) -> NotifyOutcome:
        """Send the mail this result calls for, if any. Never raises (except cancellation)."""
        try:
            return await self._notify(result)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("Failure e-mail for profile %s: unexpected error", self.profile_name)
            return NotifyOutcome.MAIL_FAILED

    async def _notify(self, result: CycleResult) -> NotifyOutcome:
        key = reason_key(result)
        if key is None:
            if result.outcome == "completed" and self._get_last_reason() is not None:
                self._set_last_reason(None)  # the trouble is over; a return is news again
            return NotifyOutcome.NOT_NEEDED
        if not self.enabled:
            return NotifyOutcome.DISABLED
        if key == self._get_last_reason():
            log.info(
                "Failure e-mail for profile %s not sent again: the reason is unchanged (%s).",
                self.profile_name,
                result.outcome,
            )
            return NotifyOutcome.SAME_REASON
        try:
            password = await self._password()
            await self._send(self.settings, password, profile_name=self.profile_name, result=result)
        except UserFacingError as exc:
            log.warning(
                "Failure e-mail for profile %s could not be sent: %s", self.profile_name, exc
            )
            return NotifyOutcome.MAIL_FAILED
        self._set_last_reason(key)
        log.info(
            "Failure e-mail for profile %s sent to %s (%s).",
            self.profile_name,
            ", ".join(self.settings.recipients),
            result.outcome,
        )
        return NotifyOutcome.SENT


__all__ = ["NOTIFIED_OUTCOMES", "FailureNotifier", "NotifyOutcome", "reason_key"]
