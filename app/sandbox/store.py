"""Where the sandbox keeps its resources: scim2-server's in-memory storage, optionally written
through to a SQLite file so that a sandbox survives restarts and another process can read it."""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from scim2_models import (
    AttributeBinding,
    Context,
    Meta,
    Resource,
    ResourceType,
    ScimProvider,
    Uniqueness,
)
from scim2_models import Path as ScimPath
from scim2_server.memory import InMemoryStorage
from scim2_server.utils import parametrize

from app.errors import InputError

# Called before a resource is stored: (resource type, the new state, whether it is a creation);
# returns the resource to store or raises a SCIMException. It gets a shallow copy: it may set
# attributes on it, never change the values it holds in place.
ResourceHook = Callable[[ResourceType, Resource[Any], bool], Resource[Any]]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS resources (
    app TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (app, resource_type, id)
);
"""


def _hashable(value: Any) -> Any:
    """A form of a value a dict can hold as a key (as scim2-server's storage indexes it)."""
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


# Write-only attributes are never kept in the file (RFC 7643 "password" is the only one).
_NOT_PERSISTED = ("password",)


class StateFileError(InputError):
    """The sandbox state file cannot be opened or read."""


class StateFile:
    """The SQLite file of a sandbox: its identity (org, tokens) and every resource it holds.

    WAL mode: another process can read it while the sandbox writes. Each write commits at
    once (autocommit), so what a client was told was stored is on disk.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            if read_only:
                uri = f"{path.resolve().as_uri()}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.executescript(_SCHEMA)
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.execute("SELECT count(*) FROM meta").fetchone()
        except (sqlite3.Error, OSError) as exc:
            raise StateFileError(
                f"The sandbox state file {path} cannot be opened ({exc}).",
                "Check the path and its permissions, or choose another file.",
            ) from None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def meta(self) -> dict[str, str]:
        with self._lock:
            return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    def set_meta(self, values: dict[str, str]) -> None:
        with self._lock, self._transaction():
            self._db.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                list(values.items()),
            )

    def rows(self, app: str) -> list[tuple[str, dict[str, Any]]]:
        with self._lock:
            cursor = self._db.execute(
                "SELECT resource_type, body FROM resources WHERE app = ? ORDER BY rowid", (app,)
            )
            return [(rt, json.loads(body)) for rt, body in cursor.fetchall()]

    def put(self, app: str, resource_type: str, resource_id: str, body: dict[str, Any]) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO resources (app, resource_type, id, body) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (app, resource_type, id) DO UPDATE SET body = excluded.body",
                (app, resource_type, resource_id, json.dumps(body, ensure_ascii=False)),
            )

    def delete(self, app: str, resource_type: str, resource_id: str) -> None:
        with self._lock:
            self._db.execute(
                "DELETE FROM resources WHERE app = ? AND resource_type = ? AND id = ?",
                (app, resource_type, resource_id),
            )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")


@dataclass
class StateSnapshot:
    """What a sandbox state file holds, read from another process."""

    meta: dict[str, str]
    resources: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def of(self, app: str, resource_type: str) -> list[dict[str, Any]]:
        return [
            r for r in self.resources.get(app, []) if r["meta"]["resourceType"] == resource_type
        ]


def read_state(path: Path) -> StateSnapshot:
    """Read a sandbox state file (even while a sandbox serves from it)."""
    if not path.is_file():
        raise StateFileError(
            f"There is no sandbox state file at {path}.",
            "Start the sandbox with --state-file pointing there first.",
        )
    with closing(StateFile(path, read_only=True)) as state:
        meta = state.meta()
        resources: dict[str, list[dict[str, Any]]] = {}
        for app in ("webex", "scim"):
            resources[app] = [body for _, body in state.rows(app)]
        return StateSnapshot(meta=meta, resources=resources)


_VERSION = re.compile(r'W/"(\d+)"')


class TenantStorage(InMemoryStorage):
    """scim2-server's in-memory storage, with Webex-style ids, hooks and optional persistence.

    `before_store` sees every resource about to be stored (single requests, bulk operations,
    PUT and PATCH alike, since all of them reach the storage), so the tenant's own rules live
    there. With a state file every write is also written to it, inside the storage lock.
    """

    def __init__(
        self,
        provider: ScimProvider,
        *,
        app: str,
        state_file: StateFile | None = None,
        before_store: ResourceHook | None = None,
    ) -> None:
        super().__init__()
        self._unique_paths: dict[type[Any], list[tuple[AttributeBinding, Any]]] = {}
        self.provider = provider
        self.app = app
        self.state_file = state_file
        self.before_store = before_store
        if state_file is not None:
            self._load(state_file)

    def generate_id(self, resource_type: ResourceType, resource: Resource[Any]) -> str:
        return str(uuid.uuid4())  # Webex ids are dashed UUIDs

    def create(self, resource_type: ResourceType, resource: Resource[Any]) -> Resource[Any]:
        """Store a new resource; returns a shallow copy of what was stored.

        scim2-server's InMemoryStorage.create deep-copies the resource on the way in and on
        the way out (a third of a bulk creation's cost). Here neither: the resource given is
        one the request validated for this call alone, and every caller either reads the
        result (id, meta) or publishes it, which deep-copies it first. The storage keeps a
        shallow copy of its own, so setting an attribute on either side never reaches the
        other; nested values are shared and, as everywhere in the storage, never changed in
        place (get() and search() hand out deep copies).
        """
        with self.lock:
            resource = resource.model_copy()
            if self.before_store is not None:
                resource = self.before_store(resource_type, resource, True)
            resource.id = self.generate_id(resource_type, resource)
            now = self.clock()
            resource.meta = Meta(
                resource_type=resource_type.name,
                created=now,
                last_modified=now,
                version=self.next_version(),
            )
            values = self._values_of(resource)
            self._check_uniqueness(resource, values)
            self._store(resource, values)
            self._persist(resource)
            return resource.model_copy()

    def update(
        self,
        resource_type: ResourceType,
        resource: Resource[Any],
        *,
        expected_version: str | None = None,
    ) -> Resource[Any]:
        with self.lock:
            if self.before_store is not None:
                resource = self.before_store(resource_type, resource.model_copy(), False)
            stored = super().update(resource_type, resource, expected_version=expected_version)
            self._persist(stored)
            return stored

    def _values_of(self, resource: Resource[Any]) -> dict[str, Any]:
        """InMemoryStorage._values_of, with the unique attributes of each model worked out
        once (scim2-server walks the model's paths for every write)."""
        model = type(resource)
        paths = self._unique_paths.get(model)
        if paths is None:
            bound = parametrize(ScimPath, model)
            paths = []
            for path in bound.iter_paths(
                include_subattributes=False, uniqueness=[Uniqueness.server, Uniqueness.global_]
            ):
                attribute = cast(AttributeBinding, path.resolve())
                paths.append((attribute, bound(attribute.urn)))
            self._unique_paths[model] = paths
        values: dict[str, Any] = {}
        for attribute, getter in paths:
            try:
                if attribute.target_model is model and attribute.sub_field_name is None:
                    # A top-level attribute (userName): the field itself, not a path walk
                    # (a tenth of the time to store a bulk of new users, benchmark P1).
                    raw = getattr(resource, attribute.target_field_name)
                else:
                    raw = getter.get(resource, strict=False)
                value = attribute.comparable(raw)
            except ValueError:
                continue  # a value the policy cannot compare is held as missing
            if value is not None:
                values[attribute.urn] = _hashable(value)
        return values

    def delete(
        self,
        resource_type: ResourceType,
        resource_id: str,
        *,
        expected_version: str | None = None,
    ) -> None:
        with self.lock:
            super().delete(resource_type, resource_id, expected_version=expected_version)
            if self.state_file is not None:
                self.state_file.delete(self.app, str(resource_type.name), resource_id)
            self._forget_member(resource_id)

    def _forget_member(self, member_id: str) -> None:
        """A deleted user or group leaves every group it was a member of."""
        group_type = next((rt for rt in self.provider.resource_types if rt.name == "Group"), None)
        if group_type is None:
            return
        for group in self.resources:
            if group.meta is None or group.meta.resource_type != "Group":
                continue
            members = list(getattr(group, "members", None) or [])
            kept = [m for m in members if getattr(m, "value", None) != member_id]
            if len(kept) == len(members):
                continue
            updated = group.model_copy(deep=True)
            updated.members = kept  # type: ignore[attr-defined]
            self._persist(super().update(group_type, updated))

    def peek(self, resource_type_name: str, resource_id: str) -> Resource[Any] | None:
        """The stored resource itself, not a copy: for reading only, without the cost of a copy."""
        with self.lock:
            return self._resources.get(resource_type_name, {}).get(resource_id)

    def snapshot(self, resource_type_name: str) -> list[dict[str, Any]]:
        """Every stored resource of one type, as the JSON a GET would return (no location)."""
        with self.lock, self.provider:
            return [
                resource.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE)
                for resource in self.resources
                if resource.meta is not None and resource.meta.resource_type == resource_type_name
            ]

    def _persist(self, stored: Resource[Any]) -> None:
        if self.state_file is None:
            return
        assert stored.meta is not None and stored.id is not None
        body = stored.model_dump(mode="json")
        for name in _NOT_PERSISTED:
            body.pop(name, None)
        self.state_file.put(self.app, str(stored.meta.resource_type), stored.id, body)

    def _load(self, state_file: StateFile) -> None:
        loaded: list[Resource[Any]] = []
        highest = 0
        with self.provider:
            for resource_type_name, body in state_file.rows(self.app):
                model = self.provider.model_for(resource_type_name)
                if model is None or not issubclass(model, Resource):
                    continue  # a resource type this version of the sandbox no longer serves
                loaded.append(model.model_validate(body))
                match = _VERSION.fullmatch(str(body.get("meta", {}).get("version", "")))
                if match:
                    highest = max(highest, int(match.group(1)))
        with self.lock:
            self.resources = loaded
            # Versions continue after the highest one on file, so an ETag never comes back.
            self.versions = itertools.count(highest + 1)
