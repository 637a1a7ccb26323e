"""The one locked cycle of a profile (app.run.cycle), on the sandbox over loopback: the lock
held for the cycle and refused to a second taker, the failure e-mail per the policy."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.config.profile import NotificationSettings, Profile, SmtpSettings
from app.config.secrets import SecretStore
from app.directory.base import SourceRead
from app.directory.entra.auth import SignInError
from app.run.cycle import LockedCycle, ProfileEngine
from app.run.signin import SignInFailureWatch
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.events import SyncEvent
from app.sync.lock import LockHeld, ProfileLock
from tests.support.mail import PASSWORD, MailServer, starttls_server, tls
from tests.support.sync import make_profile, make_rows, write_csv, writes

__all__ = ["starttls_server", "tls"]  # fixtures used by name


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    async with SandboxServer(SandboxConfig()) as server:
        yield server


def csv_profile(sandbox: SandboxServer, tmp_path: Path, users: int = 5) -> Profile:
    return make_profile(sandbox.tenant_url, write_csv(tmp_path / "users.csv", make_rows(users)))


def with_failure_mail(profile: Profile, server: MailServer) -> Profile:
    SecretStore().set(profile.name, "smtp-password", PASSWORD)
    notifications = NotificationSettings(
        emails=["ops@example.com"],
        send_on_failure=True,
        smtp=SmtpSettings(
            host="127.0.0.1",
            port=server.port,
            user="mailer@example.com",
            sender="provisioning@example.com",
        ),
    )
    return profile.model_copy(update={"notifications": notifications})


async def test_a_cycle_runs_under_the_profile_lock_and_releases_it(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    profile = csv_profile(sandbox, tmp_path)
    lock = ProfileLock(profile.name)
    owners = []

    def seen(event: SyncEvent) -> None:
        owners.append(lock.current_owner())

    async with LockedCycle(
        profile, token=sandbox.tokens.full_admin, purpose="gui", notify=False
    ) as cycle:
        cycle.engine.add_listener(seen)
        result = await cycle.run()
        with pytest.raises(LockHeld):  # a second taker is turned away at once
            async with LockedCycle(profile, token=sandbox.tokens.full_admin, purpose="sync"):
                pass
    assert result.outcome == "completed"
    assert len(sandbox.users()) == 5
    assert owners and all(owner is not None and owner.purpose == "gui" for owner in owners)
    assert lock.current_owner() is None  # released on leaving


async def test_a_held_lock_refuses_the_cycle_and_nothing_is_sent(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    profile = csv_profile(sandbox, tmp_path)
    with ProfileLock(profile.name, purpose="sync"):
        cycle = LockedCycle(profile, token=sandbox.tokens.full_admin, purpose="gui")
        with pytest.raises(LockHeld) as held:
            await cycle.open()
    assert held.value.exit_code == 5
    assert writes(sandbox.requests) == []
    with pytest.raises(RuntimeError):  # no engine was built
        cycle.engine  # noqa: B018
    assert ProfileLock(profile.name).current_owner() is None


async def test_a_failing_cycle_sends_one_failure_mail_per_reason(
    sandbox: SandboxServer,
    starttls_server: MailServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(starttls_server.ca_file))
    profile = with_failure_mail(csv_profile(sandbox, tmp_path), starttls_server)
    outcomes = []
    for _ in range(2):  # the same trouble twice: one mail
        async with LockedCycle(profile, token="refused-" + "x" * 40, purpose="sync") as cycle:
            outcomes.append((await cycle.run()).outcome)
    assert outcomes == ["quarantined", "quarantined"]
    assert len(starttls_server.inbox.mails) == 1
    assert starttls_server.inbox.mails[0].recipients == ["ops@example.com"]


async def test_no_failure_mail_when_the_caller_asks_for_none(
    sandbox: SandboxServer,
    starttls_server: MailServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(starttls_server.ca_file))
    profile = with_failure_mail(csv_profile(sandbox, tmp_path), starttls_server)
    async with LockedCycle(
        profile, token="refused-" + "x" * 40, purpose="gui", notify=False
    ) as cycle:
        assert (await cycle.run()).outcome == "quarantined"
    assert starttls_server.inbox.mails == []


async def test_a_dry_run_engine_takes_no_lock(sandbox: SandboxServer, tmp_path: Path) -> None:
    profile = csv_profile(sandbox, tmp_path)
    with ProfileLock(profile.name, purpose="sync"):  # a cycle runs elsewhere
        async with ProfileEngine(profile, token=sandbox.tokens.full_admin) as opened:
            plan = await opened.engine.dry_run()
    assert plan.users_total() == 5
    assert writes(sandbox.requests) == []


class RefusingSource:
    """A source whose sign-in fails, then works."""

    kind = "entra"

    def __init__(self) -> None:
        self.refuse = True

    async def read(self, watermark: str | None = None) -> SourceRead:
        if self.refuse:
            raise SignInError("The sign-in to Microsoft Entra ID has expired.", "Sign in again.")
        return SourceRead(full=True)

    async def users(self) -> AsyncIterator[object]:  # pragma: no cover - not read here
        return
        yield

    async def groups(self) -> AsyncIterator[object]:  # pragma: no cover - not read here
        return
        yield

    async def aclose(self) -> None:
        pass


async def test_the_sign_in_failure_is_kept_until_a_read_succeeds() -> None:
    inner = RefusingSource()
    source = SignInFailureWatch(inner)  # type: ignore[arg-type]
    with pytest.raises(SignInError):
        await source.read()
    assert isinstance(source.sign_in_error, SignInError)
    inner.refuse = False
    await source.read()
    assert source.sign_in_error is None
