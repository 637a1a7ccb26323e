"""EngineBridge: the only object in the GUI that calls the engine.

Every long call runs as a task on the one qasync loop (kept in the TaskRegistry) and
reports through an Operation's Qt signals; engine events (plain callbacks) become Qt
signals too. Blocking libraries (keyring, file writes) run through asyncio.to_thread so
the window never freezes. The GUI itself never imports httpx.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.config.defaults import default_mapping_set
from app.errors import InputError, UserFacingError
from app.paths import log_dir, write_private_text
from app.ui.tasks import TaskRegistry

if TYPE_CHECKING:
    from app.config.profile import CsvSettings, NotificationSettings, Profile
    from app.config.rules import MappingSet, ScopingFilter
    from app.config.secrets import SecretKind
    from app.directory.base import DirectorySource, SourceUser
    from app.directory.csv import CsvValidation
    from app.run.cycle import LockedCycle, ProfileEngine
    from app.run.signin import SignInHooks
    from app.sync.events import SyncEvent
    from app.sync.expressions import ExpressionError
    from app.sync.plan import Plan
    from app.webex.shapes import ScimUserPayload
    from app.webex.urls import TenantTarget

log = logging.getLogger(__name__)

T = TypeVar("T")


class UnexpectedError(UserFacingError):
    """A failure the program did not foresee: the details are in the log, never on screen."""

    severity = "error"


def _unexpected() -> UnexpectedError:
    return UnexpectedError(
        QCoreApplication.translate("EngineBridge", "Something unexpected went wrong."),
        QCoreApplication.translate(
            "EngineBridge", "The details are in the log file in {folder}; try again."
        ).format(folder=str(log_dir())),
    )


def secret_words(kind: str) -> str:
    """A secret's kind in plain words, in the interface language."""
    words = {
        "webex-token": QCoreApplication.translate("EngineBridge", "Webex token"),
        "entra-client-secret": QCoreApplication.translate("EngineBridge", "Entra client secret"),
        "smtp-password": QCoreApplication.translate("EngineBridge", "SMTP password"),
    }
    return words.get(kind, kind)


class Operation(QObject, Generic[T]):
    """One long call: succeeded(result) or failed(UserFacingError), then finished()."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    # A Microsoft Entra ID sign-in by device code: the prompt (DeviceCodePrompt) to show,
    # then signedIn once the admin entered the code (a failed sign-in fails the operation).
    deviceCodeShown = Signal(object)
    signedIn = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.state = "running"  # running | succeeded | failed | cancelled
        self.result: T | None = None
        self.error: UserFacingError | None = None
        self.task: asyncio.Task[Any] | None = None

    @property
    def running(self) -> bool:
        return self.state == "running"

    def cancel(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    def _succeed(self, result: T) -> None:
        self.state, self.result = "succeeded", result
        self.succeeded.emit(result)
        self.finished.emit()

    def _fail(self, error: UserFacingError) -> None:
        self.state, self.error = "failed", error
        self.failed.emit(error)
        self.finished.emit()

    def _cancelled(self) -> None:
        if self.state == "running":
            self.state = "cancelled"
            self.finished.emit()


class SyncRun(Operation["Any"]):
    """A running sync cycle: its events, pause/resume and a graceful cancel."""

    eventReceived = Signal(object)  # SyncEvent
    pausedChanged = Signal(bool)

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.engine: Any = None
        self.paused = False
        self._cancel_requested = False

    def pause(self) -> None:
        if self.engine is not None and not self.paused:
            self.engine.pause()
            self.paused = True
            self.pausedChanged.emit(True)

    def resume(self) -> None:
        if self.engine is not None and self.paused:
            self.engine.resume()
            self.paused = False
            self.pausedChanged.emit(False)

    def cancel(self) -> None:
        """Ask the engine to stop after the operations in flight; it ends as cancelled."""
        self._cancel_requested = True
        if self.engine is not None:
            if self.paused:
                self.resume()
            self.engine.cancel()
        else:
            super().cancel()


@dataclass
class DraftSecrets:
    """Secrets typed in the wizard, held in memory until Finish (the SecretStore interface).

    What a read sets (the Microsoft sign-in cache) also goes to `kept`, when given: the
    wizard's next read then signs in without asking the admin again.
    """

    profile_name: str
    values: dict[str, str]
    kept: dict[str, str] | None = None

    def get(self, profile: str, kind: str) -> str | None:
        return self.values.get(kind) if profile == self.profile_name else None

    def set(self, profile: str, kind: str, value: str) -> None:
        """Kept in memory only (a sign-in cache, say): nothing reaches the keyring before Finish."""
        if profile == self.profile_name:
            self.values[kind] = value
            if self.kept is not None:
                self.kept[kind] = value

    def delete(self, profile: str, kind: str) -> bool:
        return profile == self.profile_name and self.values.pop(kind, None) is not None

    async def aget(self, profile: str, kind: str) -> str | None:
        return self.get(profile, kind)

    async def aset(self, profile: str, kind: str, value: str) -> None:
        self.set(profile, kind, value)

    async def adelete(self, profile: str, kind: str) -> bool:
        return self.delete(profile, kind)

    def __repr__(self) -> str:  # never show a secret
        return f"DraftSecrets({self.profile_name!r}, kinds={sorted(self.values)})"


def operation_sign_in(secrets: Any, operation: Operation[Any]) -> SignInHooks:
    """A source's sign-in reported through `operation`: deviceCodeShown(prompt) when the
    admin must enter a code, signedIn when it is done. `secrets` None means the keyring (a
    saved profile); the wizard passes its draft."""
    # deferred: the Entra sign-in's libraries load when a source is first read, not at start-up
    from app.run.signin import SignInHooks

    return SignInHooks(
        secrets=secrets,
        device_code=operation.deviceCodeShown.emit,
        signed_in=operation.signedIn.emit,
    )


def open_watched_source(
    profile: Profile, secrets: Any, operation: Operation[Any]
) -> DirectorySource:
    """The profile's source, whose device-code sign-in (if any) reports through `operation`
    (see operation_sign_in). `secrets` None means the keyring (a saved profile)."""
    # deferred: the sources load when one is first read, not at start-up
    from app.run.signin import open_signing_in_source

    return open_signing_in_source(profile, operation_sign_in(secrets, operation))


GUI_SWITCH_INTERVAL = 0.0005  # seconds
# Turns of the Qt event loop a sync waits for before its start-up work (see start_sync):
# a newly shown page is painted within them.
START_AFTER_TURNS = 2


async def qt_turns(count: int) -> None:
    """Return after `count` turns of the Qt event loop: what Qt had pending (a newly shown
    page's first paint) is done by then."""
    loop = asyncio.get_running_loop()
    for _ in range(count):
        turned = loop.create_future()
        QTimer.singleShot(0, lambda future=turned: future.done() or future.set_result(None))
        await turned


class EngineBridge(QObject):
    """Starts engine calls on the loop and reports them with Qt signals."""

    busyChanged = Signal(bool)

    def __init__(self, tasks: TaskRegistry, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._running: set[Operation[Any]] = set()
        # The engine hands SQLite and TLS work to worker threads. Every Qt-to-Python call
        # of the window then waits for the GIL, up to the switch interval (5 ms by default)
        # each time: dozens of such calls in one event-loop turn froze the window for a
        # quarter of a second (benchmark P4). A shorter interval keeps it responsive.
        sys.setswitchinterval(min(sys.getswitchinterval(), GUI_SWITCH_INTERVAL))

    # --- plumbing ---------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def _start(
        self, operation: Operation[T], work: Callable[[], Awaitable[T]], *, busy: bool = True
    ) -> Operation[T]:
        """Run `work` as a task of the registry; `busy` False for a quick look that is no
        engine work (the bridge's `busy`, which the idle collection waits for, ignores it)."""

        async def runner() -> None:
            try:
                result = await work()
            except asyncio.CancelledError:
                operation._cancelled()
                raise
            except UserFacingError as error:
                log.info("%s failed: %s", operation.name, error.message)
                operation._fail(error)
            except Exception:
                log.exception("%s failed unexpectedly", operation.name)
                operation._fail(_unexpected())
            else:
                operation._succeed(result)

        was_busy = self.busy
        if busy:
            self._running.add(operation)
            operation.finished.connect(lambda: self._forget(operation))
        task = self._tasks.start(runner(), name=operation.name)
        # A task cancelled before it ever ran never reaches runner's except clause.
        task.add_done_callback(lambda done: operation._cancelled() if done.cancelled() else None)
        operation.task = task
        if busy and not was_busy:
            self.busyChanged.emit(True)
        return operation

    def _forget(self, operation: Operation[Any]) -> None:
        self._running.discard(operation)
        if not self._running:
            self.busyChanged.emit(False)

    def cancel_all(self) -> None:
        for operation in list(self._running):
            operation.cancel()

    # --- target -----------------------------------------------------------------------

    def parse_tenant_url(self, text: str) -> TenantTarget:
        """Parse a tenant URL (no I/O); raises TenantUrlError saying what to fix."""
        # deferred: the Webex package (httpx): loaded on first use, not at start-up (P5)
        from app.webex.urls import parse_tenant_url

        return parse_tenant_url(text)

    def tenant_url_with_org(self, text: str, org_uuid: str) -> str:
        # deferred: the Webex package (httpx): loaded on first use, not at start-up (P5)
        from app.webex.urls import tenant_url_with_org

        return tenant_url_with_org(text, org_uuid)

    def fetch_org_id(self, tenant_url_text: str, token: str) -> Operation[Any]:
        """people/me with the token; the result is a PeopleMe (orgId and its UUID)."""
        # deferred: httpx and the SCIM libraries load on first use, not at start-up (P5)
        from app.webex.checks import fetch_org_id

        return self._start(Operation("fetch-org-id"), lambda: fetch_org_id(tenant_url_text, token))

    def test_connection(self, tenant_url: str, token: str) -> Operation[Any]:
        """The named checks; the result is a ConnectionReport (never raises for a failed check)."""
        # deferred: httpx and the SCIM libraries load on first use, not at start-up (P5)
        from app.webex.checks import test_connection

        return self._start(Operation("test-connection"), lambda: test_connection(tenant_url, token))

    # --- source -----------------------------------------------------------------------

    def validate_csv(self, path: Path, settings: CsvSettings) -> Operation[CsvValidation]:
        """Read and check a CSV file off the loop; the result is a CsvValidation."""
        # deferred: the CSV reader: loaded on first use, not at start-up (P5)
        from app.directory.csv import validate_csv

        async def work() -> CsvValidation:
            return await asyncio.to_thread(validate_csv, path, settings)

        return self._start(Operation("validate-csv"), work)

    def read_source_users(
        self, profile: Profile, secrets: DraftSecrets, *, limit: int | None = None
    ) -> Operation[list[SourceUser]]:
        """The users the source holds (for the mapping preview and the scoping count)."""
        operation: Operation[list[SourceUser]] = Operation("read-source")

        async def work() -> list[SourceUser]:
            source = open_watched_source(profile, secrets, operation)
            users: list[SourceUser] = []
            try:
                async for user in source.users():
                    users.append(user)
                    if limit is not None and len(users) >= limit:
                        break
            finally:
                await source.aclose()
            return users

        return self._start(operation, work)

    # --- mappings and scoping (pure computation, no I/O) --------------------------------

    def check_expression(
        self, text: str, known_attributes: Sequence[str] | None = None
    ) -> ExpressionError | None:
        """None when the expression parses; else the error, whose `column` points at it."""
        # deferred: the expression language: loaded on first use, not at start-up (P5)
        from app.sync.expressions import ExpressionError, parse

        try:
            parse(text, known_attributes=known_attributes or None)
        except ExpressionError as error:
            return error
        return None

    def check_mappings(
        self, mappings: MappingSet, known_attributes: Sequence[str] | None = None
    ) -> UserFacingError | None:
        """None when the engine accepts the mapping set; else why not (MappingError)."""
        # deferred: the engine's mapper: loaded on first use, not at start-up (P5)
        from app.sync.mapping import Mapper

        try:
            Mapper(mappings, known_source_attributes=known_attributes or None)
        except UserFacingError as error:
            return error
        return None

    def preview_payload(
        self,
        mappings: MappingSet,
        user: SourceUser,
        known_attributes: Sequence[str] | None = None,
    ) -> ScimUserPayload:
        """The SCIM body the target would receive if this user were created now.

        Raises the engine's MappingError when a mapping cannot produce a value for the user.
        """
        # deferred: the engine's mapper: loaded on first use, not at start-up (P5)
        from app.sync.mapping import Mapper

        mapper = Mapper(mappings, known_source_attributes=known_attributes or None)
        return mapper.user_payload(user, creating=True)

    def count_in_scope(self, users: Iterable[SourceUser], filters: Sequence[ScopingFilter]) -> int:
        # deferred: the scoping filters: loaded on first use, not at start-up (P5)
        from app.sync.scoping import in_scope

        return sum(1 for user in users if in_scope(user.attributes, list(filters)))

    def scoping_problem(self, filters: Sequence[ScopingFilter]) -> UserFacingError | None:
        """None when every clause can be evaluated; else the first problem, named."""
        # deferred: the scoping filters: loaded on first use, not at start-up (P5)
        from app.sync.scoping import validate_filters

        try:
            validate_filters(filters)
        except UserFacingError as error:
            return error
        return None

    def default_mappings(self, target_kind: str) -> MappingSet:
        return default_mapping_set("scim" if target_kind == "scim" else "webex")

    def target_attributes(self, target_kind: str) -> list[str]:
        """The target attribute paths the mapping editor offers (the engine's catalogue)."""
        # deferred: the attribute catalogue: loaded on first use, not at start-up (P5)
        from app.sync.attributes import target_attributes

        kind: Literal["webex", "scim"] = "scim" if target_kind == "scim" else "webex"
        return [attribute.path for attribute in target_attributes(kind, "User")]

    # --- notifications ----------------------------------------------------------------

    def send_test_mail(
        self, settings: NotificationSettings, password: str | None, *, profile_name: str = ""
    ) -> Operation[Any]:
        # deferred: the mail library (aiosmtplib): loaded on first use, not at start-up (P5)
        from app.notify.mail import MailSettings, send_test_mail

        mail = MailSettings.from_notifications(settings)
        return self._start(
            Operation("test-mail"),
            lambda: send_test_mail(mail, password, profile_name=profile_name),
        )

    # --- sync -------------------------------------------------------------------------

    def _dry_run_engine(
        self, profile: Profile, token: str, secrets: DraftSecrets, operation: Operation[Any]
    ) -> ProfileEngine:
        """The engine and source of a dry run on the wizard's draft (DraftSecrets offers
        SecretStore's interface: the wizard's secrets are not stored yet). Called in a worker
        thread: the engine's imports would stall the window (benchmark P4)."""
        # deferred: the engine loads in a worker thread when first needed (benchmark P4)
        from app.run.cycle import ProfileEngine

        return ProfileEngine(profile, token=token, sign_in=operation_sign_in(secrets, operation))

    def _locked_cycle(
        self, profile: Profile, token: str, secrets: DraftSecrets, run: SyncRun
    ) -> LockedCycle:
        """The wizard's cycle on its draft, as _dry_run_engine (a worker thread). Its profile
        is not saved yet: no failure e-mail (its mail settings and password are not kept)."""
        # deferred: the engine loads in a worker thread when first needed (benchmark P4)
        from app.run.cycle import LockedCycle

        return LockedCycle(
            profile,
            token=token,
            purpose="gui",
            sign_in=operation_sign_in(secrets, run),
            notify=False,
        )

    def dry_run(self, profile: Profile, token: str, secrets: DraftSecrets) -> Operation[Plan]:
        """Read the source and the target and plan; nothing is written anywhere."""
        operation: Operation[Plan] = Operation("dry-run")

        async def work() -> Plan:
            opened = await asyncio.to_thread(
                self._dry_run_engine, profile, token, secrets, operation
            )
            async with opened:
                plan: Plan = await opened.engine.dry_run()
            return plan

        return self._start(operation, work)

    def start_sync(
        self,
        profile: Profile,
        token: str,
        secrets: DraftSecrets,
        *,
        plan: Plan | None = None,
        allow_deletes: bool = False,
    ) -> SyncRun:
        """Run one cycle; events arrive as run.eventReceived, the CycleResult as succeeded."""
        run = SyncRun("sync")

        def relay(event: SyncEvent) -> None:
            run.eventReceived.emit(event)

        async def work() -> Any:
            # The page that follows the run draws itself first: the engine's start-up
            # (imports, the source read in a worker thread) holds the GIL that every
            # widget's first paint needs, and the two together froze the window 50 ms
            # (benchmark P4).
            await qt_turns(START_AFTER_TURNS)
            cycle = await asyncio.to_thread(self._locked_cycle, profile, token, secrets, run)
            # One cycle per profile: the dashboard or a scheduled sync may run this one.
            async with cycle:
                run.engine = cycle.engine
                remove = cycle.engine.add_listener(relay)
                try:
                    return await cycle.run(allow_deletes=allow_deletes, plan=plan)
                finally:
                    remove()
                    run.engine = None

        self._start(run, work)
        return run

    # --- profiles and secrets ---------------------------------------------------------

    def list_profiles(self) -> Operation[list[str]]:
        # deferred: the profile store: loaded on first use, not at start-up (P5)
        from app.config.store import ProfileStore

        async def work() -> list[str]:
            names: list[str] = await asyncio.to_thread(ProfileStore().list)
            return names

        return self._start(Operation("list-profiles"), work)

    def save_profile(
        self,
        profile: Profile,
        secrets: dict[SecretKind, str],
        *,
        forget: Sequence[SecretKind] = (),
    ) -> Operation[Profile]:
        """Save the profile file and put each secret in the keyring (off the loop); the kinds
        in `forget` are removed from it (a sign-in cache of settings that changed).

        Without a keyring (none on this machine, CI), a secret that its environment variable
        holds is not stored at all: every cycle reads it from there (app.config.secrets).
        A typed secret that no variable holds cannot be kept: the save fails before anything
        is written, saying which variable to set. The Microsoft sign-in cache is then not
        kept (the next sign-in asks for a code again)."""
        # deferred: keyring: loaded on first use, not at start-up (P5)
        from app.config.secrets import ENV_FOR_KIND, SecretStore, keyring_problem

        # deferred: the profile store: loaded on first use, not at start-up (P5)
        from app.run.profiles import profile_store

        async def work() -> Profile:
            store = SecretStore()
            problem = await asyncio.to_thread(keyring_problem)
            if problem is not None:
                environment = self.environment_secrets()
                for kind, value in secrets.items():
                    if not value or kind not in ENV_FOR_KIND or environment.get(kind) == value:
                        continue
                    raise InputError(
                        QCoreApplication.translate(
                            "EngineBridge",
                            "This computer has no keyring, so the {what} typed here cannot "
                            "be saved.",
                        ).format(what=secret_words(kind)),
                        QCoreApplication.translate(
                            "EngineBridge",
                            "Set the environment variable {variable} to it and start the "
                            "program again (every cycle reads it from there), or make a "
                            "keyring available.",
                        ).format(variable=ENV_FOR_KIND[kind]),
                    )
                log.info("no keyring: profile %s saved with its secrets from the environment",
                         profile.name)  # fmt: skip
                await asyncio.to_thread(profile_store().save, profile)
                return profile
            for kind, value in secrets.items():
                if value:
                    await asyncio.to_thread(store.set, profile.name, kind, value)
            for kind in forget:
                await asyncio.to_thread(store.delete, profile.name, kind)
            await asyncio.to_thread(profile_store().save, profile)
            return profile

        return self._start(Operation("save-profile"), work)

    def keyring_status(self) -> Operation[UserFacingError | None]:
        """Whether secrets can be kept in a keyring here: None, or why not (in a thread: the
        keyring library's first look may probe D-Bus)."""
        # deferred: keyring: loaded on first use, not at start-up (P5)
        from app.config.secrets import keyring_problem

        async def work() -> UserFacingError | None:
            return await asyncio.to_thread(keyring_problem)

        return self._start(Operation("keyring-status"), work, busy=False)

    def environment_secrets(self) -> dict[str, str]:
        """The secrets the documented environment variables hold, by kind (no I/O)."""
        # deferred: keyring: loaded on first use, not at start-up (P5)
        from app.config.secrets import environment_secrets

        return {str(kind): value for kind, value in environment_secrets().items()}

    def stored_secrets(self, profile_name: str) -> Operation[dict[str, str]]:
        """The secrets the keyring holds for a profile, by kind (for its Settings).

        A keyring that cannot be read gives an empty result: the wizard then asks for them.
        """
        # deferred: keyring: loaded on first use, not at start-up (P5)
        from app.config.secrets import SecretStore

        kinds: tuple[SecretKind, ...] = (
            "webex-token",
            "entra-client-secret",
            "smtp-password",
            "msal-cache",  # a device-code sign-in: the wizard's reads need not ask again
        )

        async def work() -> dict[str, str]:
            store = SecretStore()
            found: dict[str, str] = {}
            for kind in kinds:
                try:
                    value = await store.aget(profile_name, kind)
                except UserFacingError as error:
                    log.warning("the keyring could not be read: %s", error.message)
                    return {}
                if value:
                    found[kind] = value
            return found

        return self._start(Operation("stored-secrets"), work)

    def write_text(self, path: Path, text: str) -> Operation[Path]:
        """Write an export (a dry run, a log) off the loop, readable by its owner only
        (0600: exports name users, issue 22); errors say what to do."""

        async def work() -> Path:
            try:
                await asyncio.to_thread(write_private_text, path, text)
            except OSError as error:
                raise InputError(
                    QCoreApplication.translate(
                        "EngineBridge", "Could not write {path}: {why}."
                    ).format(path=str(path), why=error.strerror or type(error).__name__),
                    QCoreApplication.translate(
                        "EngineBridge", "Choose another folder or file name."
                    ),
                ) from None
            return path

        return self._start(Operation("write-file"), work)

    def profile_exists(self, name: str) -> bool:
        # deferred: the profile store: loaded on first use, not at start-up (P5)
        from app.config.store import ProfileStore

        return name in ProfileStore().list()
