"""The accidental-deletion threshold and the quarantine's back-off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.sync.safety import (
    SafetySettings,
    check_deletion_guard,
    check_deletion_threshold,
    failure_rate_exceeded,
    next_quarantine,
    quarantine_delay,
    quarantine_message,
    unmendable_cause,
)
from app.webex.errors import ExpiredToken, NetworkError, NotAdmin, ServerError

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def test_a_few_removals_pass() -> None:
    verdict = check_deletion_threshold(5, 1000, SafetySettings())
    assert not verdict.held


def test_more_than_the_count_holds_the_cycle_and_says_why() -> None:
    verdict = check_deletion_threshold(501, 100_000, SafetySettings(deletion_threshold_count=500))
    assert verdict.held
    assert "501 of 100000 provisioned users" in verdict.reason
    assert "the threshold is more than 500" in verdict.reason
    assert "--allow-deletes" in verdict.next_step
    assert "Allow the removals and run" in verdict.next_step


def test_more_than_the_percentage_holds_the_cycle() -> None:
    verdict = check_deletion_threshold(300, 1000, SafetySettings())
    assert verdict.held
    assert "30 %" in verdict.reason


def test_exactly_at_the_count_is_not_held_one_more_is() -> None:
    # Entra's semantics: held only when the removals exceed the threshold.
    settings = SafetySettings(deletion_threshold_count=10, deletion_threshold_percent=0)
    assert not check_deletion_threshold(10, 20, settings).held
    assert check_deletion_threshold(11, 20, settings).held


def test_exactly_at_the_per_cent_is_not_held_one_more_is() -> None:
    settings = SafetySettings(deletion_threshold_count=0, deletion_threshold_percent=20)
    at = check_deletion_threshold(20, 100, settings)
    assert not at.held and at.percent == 20.0
    over = check_deletion_threshold(21, 100, settings)
    assert over.held
    assert "21 of 100 provisioned users (21 %)" in over.reason
    assert "more than 20 %" in over.reason


def test_the_share_is_of_what_was_provisioned_before_the_cycle() -> None:
    # 60 provisioned, 60 disabled: 100 %, whatever the new source adds (issue 23).
    verdict = check_deletion_threshold(60, 60, SafetySettings())
    assert verdict.held
    assert verdict.reason.startswith(
        "This cycle would disable or delete 60 of 60 provisioned users (100 %); "
        "the threshold is more than 500 or more than 20 %"
    )


def test_groups_are_measured_on_their_own() -> None:
    settings = SafetySettings(deletion_threshold_count=0, deletion_threshold_percent=20)
    # 10 of 50 groups is exactly 20 %: not held; 11 of 50 (22 %) is, even when the users
    # are far below the threshold.
    at = check_deletion_guard(1, 1000, 10, 50, settings)
    assert not at.held
    over = check_deletion_guard(1, 1000, 11, 50, settings)
    assert over.held and over.groups.held and not over.users.held
    assert "11 of 50 provisioned groups (22 %)" in over.reason
    assert "users" not in over.reason
    counted = SafetySettings(deletion_threshold_count=10, deletion_threshold_percent=0)
    assert not check_deletion_guard(0, 0, 10, 10, counted).held
    assert check_deletion_guard(0, 0, 11, 11, counted).groups.held
    assert not check_deletion_guard(0, 0, 11, 11, counted, allow_deletes=True).held


def test_the_percentage_needs_a_minimum_of_removals_in_a_small_profile() -> None:
    # Three people leaving a ten-user profile is a normal day.
    assert not check_deletion_threshold(3, 10, SafetySettings()).held


def test_allow_deletes_lifts_the_threshold() -> None:
    assert not check_deletion_threshold(900, 1000, SafetySettings(), allow_deletes=True).held


def test_zero_means_no_limit() -> None:
    settings = SafetySettings(deletion_threshold_count=0, deletion_threshold_percent=0)
    assert not check_deletion_threshold(5000, 5000, settings).held


def test_settings_come_from_the_profile() -> None:
    from app.config.profile import SafetySettings as ProfileSafety

    class FakeProfile:
        safety = ProfileSafety(deletion_threshold_count=7, allow_hard_delete=True)

    settings = SafetySettings.from_profile(FakeProfile())
    assert settings.deletion_threshold_count == 7
    assert settings.allow_hard_delete
    assert settings.deletion_threshold_percent == 20


@pytest.mark.parametrize(
    ("failed", "attempted", "exceeded"),
    [(20, 49, False), (20, 50, False), (21, 50, True), (400, 1000, False), (401, 1000, True)],
)
def test_failure_rate_counts_only_from_fifty_operations(
    failed: int, attempted: int, exceeded: bool
) -> None:
    assert failure_rate_exceeded(failed, attempted) is exceeded


def test_quarantine_waits_longer_each_time_then_daily() -> None:
    assert [quarantine_delay(level) for level in (1, 2, 3, 4, 9)] == [
        timedelta(hours=6),
        timedelta(hours=12),
        timedelta(hours=24),
        timedelta(hours=24),
        timedelta(hours=24),
    ]
    first = next_quarantine(
        None, reason="Token expired.", next_step="New token.", cause="auth", now=NOW
    )
    assert (first.level, first.next_attempt) == (1, NOW + timedelta(hours=6))
    later = NOW + timedelta(hours=6)
    second = next_quarantine(
        first, reason="Token expired.", next_step="New token.", cause="auth", now=later
    )
    assert (second.level, second.next_attempt, second.since) == (
        2,
        later + timedelta(hours=12),
        NOW,
    )


def test_only_token_and_permission_failures_are_unmendable() -> None:
    assert unmendable_cause(ExpiredToken()) == "auth"
    assert unmendable_cause(NotAdmin()) == "permission"
    assert unmendable_cause(ServerError()) == ""
    assert unmendable_cause(NetworkError()) == ""


def test_the_quarantine_message_says_why_and_when() -> None:
    quarantine = next_quarantine(
        None, reason="The token has expired.", next_step="", cause="auth", now=NOW
    )
    text = quarantine_message(quarantine)
    assert "quarantined" in text and "The token has expired." in text
    local = quarantine.next_attempt.astimezone().strftime("%Y-%m-%d %H:%M")
    assert local in text
