"""Safety: the accidental-deletion threshold, and quarantine after failures no retry can mend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.messages import Message
from app.sync import outcome_messages as said
from app.sync.plan import Hold
from app.sync.state.records import Quarantine
from app.webex.errors import AuthError, PermissionDenied

# A profile that fails in a way no retry mends waits longer each time: 6 h, 12 h, 24 h,
# then once a day, until the admin restarts it.
QUARANTINE_DELAYS = (timedelta(hours=6), timedelta(hours=12), timedelta(hours=24))
QUARANTINE_DAILY = timedelta(hours=24)

# More than 40 % of at least 50 operations failing means something is wrong with the
# target or the mappings rather than with a few users.
FAILURE_RATE_LIMIT = 0.40
FAILURE_RATE_MINIMUM = 50

# The per-cent rule only counts from this many removals: in a ten-user profile, removing
# three people is a normal day, not an accident.
PERCENT_RULE_MINIMUM = 10


@dataclass(frozen=True, slots=True)
class SafetySettings:
    deletion_threshold_count: int = 500  # 0: no count limit
    deletion_threshold_percent: float = 20.0  # 0: no per-cent limit
    skip_out_of_scope_deletions: bool = False
    allow_hard_delete: bool = False

    @classmethod
    def from_profile(cls, profile: Any) -> SafetySettings:
        """Read a profile's `safety` section; missing fields keep the defaults."""
        safety = getattr(profile, "safety", None)
        if safety is None:
            return cls()
        defaults = cls()
        return cls(
            deletion_threshold_count=int(
                getattr(safety, "deletion_threshold_count", defaults.deletion_threshold_count)
            ),
            deletion_threshold_percent=float(
                getattr(safety, "deletion_threshold_percent", defaults.deletion_threshold_percent)
            ),
            skip_out_of_scope_deletions=bool(
                getattr(safety, "skip_out_of_scope_deletions", defaults.skip_out_of_scope_deletions)
            ),
            allow_hard_delete=bool(
                getattr(safety, "allow_hard_delete", defaults.allow_hard_delete)
            ),
        )


@dataclass(frozen=True, slots=True)
class ThresholdVerdict:
    """The threshold's answer for one object type (users or groups)."""

    held: bool
    removals: int
    linked: int
    reason: str = ""
    next_step: str = ""
    object_type: str = "User"
    coded_reason: Message | None = None  # `reason` as a coded message

    @property
    def percent(self) -> float:
        """The removals' share of what was linked when the cycle began."""
        return 100.0 * self.removals / self.linked if self.linked else 100.0


ALLOW_NEXT_STEP = (
    "Check the source (a wrong file or filter removes many users at once). If the "
    "removals are intended, run `webex-provisioner sync --allow-deletes` or press "
    "Allow the removals and run in the dashboard."
)


def check_deletion_threshold(
    removals: int,
    linked: int,
    settings: SafetySettings,
    *,
    allow_deletes: bool = False,
    object_type: str = "User",
) -> ThresholdVerdict:
    """Whether this cycle's disables and deletes go beyond what the admin allows.

    `linked` is what the profile had provisioned when the cycle began (its links), never
    the total after the cycle's own creations: 60 users provisioned and 60 disabled is
    100 %, however many people the new source adds (issue 23).

    As Microsoft Entra's accidental-deletion threshold, the cycle is held only when the
    removals *exceed* a limit: exactly at the count, or exactly at the per cent, is not
    held. The per-cent rule counts from PERCENT_RULE_MINIMUM removals.
    """
    if removals == 0 or allow_deletes:
        return ThresholdVerdict(
            held=False, removals=removals, linked=linked, object_type=object_type
        )
    limit = settings.deletion_threshold_count
    over_count = limit > 0 and removals > limit
    percent = 100.0 * removals / linked if linked else 100.0
    percent_limit = settings.deletion_threshold_percent
    over_percent = (
        percent_limit > 0 and removals >= PERCENT_RULE_MINIMUM and percent > percent_limit
    )
    if not (over_count or over_percent):
        return ThresholdVerdict(
            held=False, removals=removals, linked=linked, object_type=object_type
        )
    share = said.SHARE["User" if object_type == "User" else "Group"](
        removals=removals, linked=linked, percent=f"{percent:.0f}"
    )
    coded = said.WOULD_REMOVE(share=share, limit=threshold_limit(settings))
    return ThresholdVerdict(
        held=True,
        removals=removals,
        linked=linked,
        object_type=object_type,
        reason=coded.english,
        next_step=ALLOW_NEXT_STEP,
        coded_reason=coded,
    )


def threshold_words(settings: SafetySettings) -> str:
    """ "more than 500 or more than 20 %" (the limits in force, in plain words)."""
    return threshold_limit(settings).english


def threshold_limit(settings: SafetySettings) -> Message:
    """The limits in force, as a coded message (see threshold_words)."""
    parts = []
    if settings.deletion_threshold_count > 0:
        parts.append(said.LIMIT_COUNT(count=settings.deletion_threshold_count))
    if settings.deletion_threshold_percent > 0:
        parts.append(
            said.LIMIT_PERCENT(
                percent=f"{settings.deletion_threshold_percent:g}", minimum=PERCENT_RULE_MINIMUM
            )
        )
    if len(parts) == 2:
        return said.LIMIT_EITHER(first=parts[0], second=parts[1])
    return parts[0] if parts else said.LIMIT_NONE()


@dataclass(frozen=True, slots=True)
class GuardVerdict:
    """The threshold's answer for a whole cycle: users and groups, each on its own."""

    users: ThresholdVerdict
    groups: ThresholdVerdict

    @property
    def held(self) -> bool:
        return self.users.held or self.groups.held

    @property
    def reason(self) -> str:
        return " ".join(v.reason for v in (self.users, self.groups) if v.held)

    @property
    def coded_reason(self) -> Message | None:
        """`reason` as a coded message (None when nothing is held)."""
        users = self.users.coded_reason if self.users.held else None
        groups = self.groups.coded_reason if self.groups.held else None
        return said.joined(users, groups)

    @property
    def next_step(self) -> str:
        return ALLOW_NEXT_STEP if self.held else ""

    def held_reason(self) -> Message:
        """The reason of a cycle this verdict held (it sent nothing)."""
        return said.HELD_NOW(reason=self.coded_reason or "")

    def plan_hold(self, next_step: Message) -> Hold:
        """The hold a dry run's plan shows: its cycle would send nothing until allowed."""
        coded = said.HELD_PLAN(reason=self.coded_reason or "")
        return Hold(
            reason=coded.english,
            next_step=next_step.english,
            coded_reason=coded,
            coded_next_step=next_step,
            users_removed=self.users.removals,
            users_linked=self.users.linked,
            groups_removed=self.groups.removals,
            groups_linked=self.groups.linked,
        )


def check_deletion_guard(
    user_removals: int,
    users_linked: int,
    group_removals: int,
    groups_linked: int,
    settings: SafetySettings,
    *,
    allow_deletes: bool = False,
) -> GuardVerdict:
    """Users and groups measured separately, each against what was linked at the start."""
    return GuardVerdict(
        users=check_deletion_threshold(
            user_removals, users_linked, settings, allow_deletes=allow_deletes
        ),
        groups=check_deletion_threshold(
            group_removals,
            groups_linked,
            settings,
            allow_deletes=allow_deletes,
            object_type="Group",
        ),
    )


def failure_rate_exceeded(failed: int, attempted: int) -> bool:
    return attempted >= FAILURE_RATE_MINIMUM and failed > FAILURE_RATE_LIMIT * attempted


def quarantine_delay(level: int) -> timedelta:
    """The wait before the next attempt at quarantine level `level` (1-based)."""
    if level <= len(QUARANTINE_DELAYS):
        return QUARANTINE_DELAYS[max(level, 1) - 1]
    return QUARANTINE_DAILY


def next_quarantine(
    previous: Quarantine | None,
    *,
    reason: str | Message,
    next_step: str | Message,
    cause: str,
    now: datetime,
) -> Quarantine:
    """The quarantine after one more failed cycle: each repeat waits longer."""
    level = previous.level + 1 if previous else 1
    since = previous.since if previous else now
    return Quarantine(
        reason=str(reason),
        next_step=str(next_step),
        cause=cause,
        since=since,
        next_attempt=now + quarantine_delay(level),
        level=level,
        coded_reason=reason if isinstance(reason, Message) else None,
        coded_next_step=next_step if isinstance(next_step, Message) else None,
    )


def unmendable_cause(error: BaseException) -> str:
    """ "auth" or "permission" for failures no retry can mend (a revoked or expired token,
    a lost role), "" for anything else."""
    if isinstance(error, AuthError):
        return "auth"
    if isinstance(error, PermissionDenied):
        return "permission"
    return ""


def quarantine_message(quarantine: Quarantine) -> str:
    """Plain words for `sync` while the profile waits: why, and when it tries again."""
    return quarantine_said(quarantine).english


def quarantine_said(quarantine: Quarantine, reason: Message | None = None) -> Message:
    """quarantine_message as a coded message (`reason`: the quarantine's reason, coded)."""
    when = quarantine.next_attempt.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
    said_reason = reason or quarantine.coded_reason or quarantine.reason
    return said.QUARANTINED(reason=said_reason, when=when)
