"""Safety: the accidental-deletion threshold, and quarantine after failures no retry can mend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.sync.state import Quarantine
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
    held: bool
    removals: int
    linked: int
    reason: str = ""
    next_step: str = ""


def check_deletion_threshold(
    removals: int, linked: int, settings: SafetySettings, *, allow_deletes: bool = False
) -> ThresholdVerdict:
    """Whether this cycle's disables and deletes of users go beyond what the admin allows."""
    if removals == 0 or allow_deletes:
        return ThresholdVerdict(held=False, removals=removals, linked=linked)
    limit = settings.deletion_threshold_count
    over_count = limit > 0 and removals > limit
    percent = 100.0 * removals / linked if linked else 100.0
    percent_limit = settings.deletion_threshold_percent
    over_percent = (
        percent_limit > 0 and removals >= PERCENT_RULE_MINIMUM and percent > percent_limit
    )
    if not (over_count or over_percent):
        return ThresholdVerdict(held=False, removals=removals, linked=linked)
    if over_count:
        why = f"more than the threshold of {limit}"
    else:
        why = f"{percent:.0f} % of the {linked} provisioned users, above the threshold of {percent_limit:g} %"
    return ThresholdVerdict(
        held=True,
        removals=removals,
        linked=linked,
        reason=(
            f"This cycle would disable or delete {removals} users, {why}; "
            "no user was disabled or deleted."
        ),
        next_step=(
            "Check the source (a wrong file or filter removes many users at once). If the "
            "removals are intended, run `webex-provisioner sync --allow-deletes` or press "
            "Allow deletions in the wizard."
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
    reason: str,
    next_step: str,
    cause: str,
    now: datetime,
) -> Quarantine:
    """The quarantine after one more failed cycle: each repeat waits longer."""
    level = previous.level + 1 if previous else 1
    since = previous.since if previous else now
    return Quarantine(
        reason=reason,
        next_step=next_step,
        cause=cause,
        since=since,
        next_attempt=now + quarantine_delay(level),
        level=level,
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
    when = quarantine.next_attempt.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
    return f"The profile is quarantined: {quarantine.reason} The next attempt is at {when}."
