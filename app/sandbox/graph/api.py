"""The Graph sandbox's Graph side: the v1.0 reads the Entra source makes.

/users, /users/{id}, /users/delta, /groups, /groups/delta, /groups/{id}/members,
/servicePrincipals and /servicePrincipals/{id}/appRoleAssignedTo, each a named handler in a
routing table. A request passes, in order: throttling (429 or 503 with Retry-After every Nth
request), the access token, the method (reads only), the token's permissions (roles or scp),
the query options ($top, unknown ones), the route; then the handler pages its collection
(@odata.nextLink with a $skiptoken holding the request's options) or a delta round
(@odata.nextLink, then @odata.deltaLink).

The delta functions track one navigation property through $select (`manager` on /users/delta
gives `manager@delta`, `members` on /groups/delta gives `members@delta`) and refuse $expand;
/users and /users/{id} take $expand=manager (or manager($select=...)). Group members are users,
groups, devices, organizational contacts and service principals. An expired delta link is
answered as the config says: 400 syncStateNotFound, 410 Gone with a Location header, or 410
without one.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from app.sandbox.graph.data import GraphTenant
from app.sandbox.graph.metadata import DIRECTORY_OBJECT, EntityMembers, GraphMetadata
from app.sandbox.graph.oauth import AccessToken, Authority
from app.sandbox.graph.properties import DEFAULT_USER_SELECT, GROUP_PROPERTIES, project
from app.sandbox.graph.query import (
    MANAGER,
    MAX_TOP,
    OPTIONS,
    expand_manager,
    order,
    select,
    where,
)
from app.sandbox.graph.responses import (
    Response,
    b64,
    graph_error,
    json_response,
    not_found,
    unb64,
)

if TYPE_CHECKING:  # the sandbox's settings, read at each request (tests change them)
    from app.sandbox.graph.server import GraphSandboxConfig

# Permissions that also grant a read (Directory.Read.All covers the three).
_COVERED_BY = {
    "User.Read.All": {
        "User.Read.All",
        "User.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    },
    "Group.Read.All": {
        "Group.Read.All",
        "Group.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    },
    "Application.Read.All": {
        "Application.Read.All",
        "Application.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    },
}
# The navigation property each delta function accepts in $select.
_DELTA_NAVIGATION = {"user": MANAGER, "group": "members"}
_DELTA_DEFAULT_SELECT = {
    "users": (
        "displayName",
        "givenName",
        "surname",
        "userPrincipalName",
        "mail",
        "jobTitle",
        "accountEnabled",
    ),
    "groups": ("displayName", "description", "members"),
}


@dataclass(frozen=True)
class Endpoint:
    """A Graph path the sandbox serves: its name, the entity its answers hold, an object id."""

    name: str
    entity: str
    object_id: str = ""
    delta: bool = False

    @property
    def expands_manager(self) -> bool:
        return self.name in ("users", "user")


_ENDPOINTS = (
    (re.compile(r"/users"), "users", "user", False),
    (re.compile(r"/users/delta(?:\(\))?"), "usersDelta", "user", True),
    (re.compile(r"/users/([^/]+)"), "user", "user", False),
    (re.compile(r"/groups"), "groups", "group", False),
    (re.compile(r"/groups/delta(?:\(\))?"), "groupsDelta", "group", True),
    (re.compile(r"/groups/([^/]+)/members"), "members", DIRECTORY_OBJECT, False),
    (re.compile(r"/servicePrincipals"), "servicePrincipals", "servicePrincipal", False),
    (
        re.compile(r"/servicePrincipals/([^/]+)/appRoleAssignedTo"),
        "appRoleAssignedTo",
        "appRoleAssignment",
        False,
    ),
)


def endpoint_of(path: str) -> Endpoint | None:
    for pattern, name, entity, delta in _ENDPOINTS:
        match = pattern.fullmatch(path)
        if match:
            return Endpoint(name, entity, match[1] if match.groups() else "", delta)
    return None


@dataclass(frozen=True)
class _Read:
    """One read, once it has passed the checks: where, what it asks, the entity it reads."""

    path: str
    endpoint: Endpoint
    query: dict[str, str]
    entity: EntityMembers
    manager_select: list[str] | None  # $expand=manager: the manager's properties


class GraphApi:
    """Microsoft Graph v1.0 over a GraphTenant, for the tokens an Authority handed out."""

    def __init__(
        self,
        tenant: GraphTenant,
        authority: Authority,
        metadata: GraphMetadata,
        config: GraphSandboxConfig,
        base_url: Callable[[], str],
    ) -> None:
        self.tenant = tenant
        self.authority = authority
        self.metadata = metadata
        self.config = config
        self._base_url = base_url  # known once the sandbox listens
        self._delta_sessions: dict[str, list[dict[str, Any]]] = {}
        self._requests = 0
        self._handlers: dict[str, Callable[[_Read], Response]] = {
            "user": self._user,
            "users": self._users,
            "groups": self._groups,
            "servicePrincipals": self._service_principals,
            "members": self._members,
            "appRoleAssignedTo": self._app_role_assigned_to,
        }

    def answer(
        self, method: str, path: str, query: dict[str, str], headers: dict[str, str]
    ) -> Response:
        """The answer to a request for `path` (under /v1.0)."""
        refused = self._throttled() or self._unauthorized(method, path, headers)
        if refused is not None:
            return refused
        refused = _bad_options(query)
        if refused is not None:
            return refused
        endpoint = endpoint_of(path)
        if endpoint is None:
            return graph_error(
                400,
                "BadRequest",
                f"Resource not found for the segment '{path.strip('/').split('/')[-1]}'.",
            )
        entity = self.metadata.entity(endpoint.entity)
        if endpoint.delta:
            return _delta_refusal(endpoint, query) or self._delta(endpoint.entity, query, entity)
        manager_select: list[str] | None = None
        if "$expand" in query and "$skiptoken" not in query:
            expanded = expand_manager(query["$expand"], entity, endpoint.expands_manager)
            if isinstance(expanded, Response):
                return expanded
            manager_select = expanded
        return self._handlers[endpoint.name](_Read(path, endpoint, query, entity, manager_select))

    # ----- the checks before a read -------------------------------------------------

    def _throttled(self) -> Response | None:
        """Every Nth request refused with 429 (or 503), as Graph throttles."""
        self._requests += 1
        every = self.config.throttle_every
        if not every or self._requests % every:
            return None
        extra = (
            {}
            if self.config.retry_after is None
            else {"Retry-After": _seconds(self.config.retry_after)}
        )
        if self.config.throttle_status == 503:
            return graph_error(
                503, "serviceNotAvailable", "The service is temporarily unavailable.", extra
            )
        return graph_error(
            429, "TooManyRequests", "Too many requests. Please try again later.", extra
        )

    def _unauthorized(self, method: str, path: str, headers: dict[str, str]) -> Response | None:
        """Graph's 401 for a missing, unknown or expired token, 405 for a write, 403 for a
        token without the permission the path needs."""
        authorization = headers.get("authorization", "")
        token = (
            self.authority.token_for(authorization.removeprefix("Bearer ").strip())
            if authorization.startswith("Bearer ")
            else None
        )
        if token is None:
            message = (
                "Access token is empty."
                if not authorization
                else "Access token validation failure. Invalid audience."
            )
            return graph_error(
                401, "InvalidAuthenticationToken", message, {"WWW-Authenticate": 'Bearer realm=""'}
            )
        if token.expires_at < time.time():
            return graph_error(
                401,
                "InvalidAuthenticationToken",
                "Lifetime validation failed, the token is expired.",
            )
        if method != "GET":
            return graph_error(405, "Request_BadRequest", "The sandbox only serves reads.")
        if not _permitted(token, path):
            return graph_error(
                403,
                "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.",
            )
        return None

    # ----- the handlers, one per endpoint -------------------------------------------

    def _user(self, read: _Read) -> Response:
        object_id = read.endpoint.object_id
        user = self.tenant.user(unquote(object_id))
        if user is None:
            return not_found(object_id)
        chosen = select(read.query, DEFAULT_USER_SELECT, read.entity)
        if isinstance(chosen, Response):
            return chosen
        return json_response(
            200,
            {
                "@odata.context": f"{self._base_url()}/v1.0/$metadata#users/$entity",
                **self._user_entity(user, chosen, read.manager_select),
            },
        )

    def _users(self, read: _Read) -> Response:
        return self._page(read, self.tenant.live_users, DEFAULT_USER_SELECT)

    def _groups(self, read: _Read) -> Response:
        return self._page(read, self.tenant.live_groups, GROUP_PROPERTIES)

    def _service_principals(self, read: _Read) -> Response:
        return self._page(read, lambda: list(self.tenant.service_principals.values()), ())

    def _members(self, read: _Read) -> Response:
        group_id = read.endpoint.object_id
        if group_id not in {g["id"] for g in self.tenant.live_groups()}:
            return not_found(group_id)
        return self._page(read, lambda: self.tenant.member_objects(group_id), ("displayName",))

    def _app_role_assigned_to(self, read: _Read) -> Response:
        sp_id = read.endpoint.object_id
        if sp_id not in self.tenant.service_principals:
            return not_found(sp_id)
        return self._page(read, lambda: [dict(a) for a in self.tenant.assignments_to(sp_id)], ())

    def _user_entity(
        self, user: dict[str, Any], chosen: list[str], manager_select: list[str] | None
    ) -> dict[str, Any]:
        """A user as /users and /users/{id} return it; `manager` when expanded and set."""
        entity = project(user, chosen)
        if manager_select is not None:
            manager = self.tenant.manager_object(user["id"], manager_select)
            if manager is not None:
                entity["manager"] = manager
        return entity

    # ----- collections: one page at a time ------------------------------------------

    def _page(
        self,
        read: _Read,
        objects: Callable[[], list[dict[str, Any]]],
        default_select: tuple[str, ...],
    ) -> Response:
        """One page of a collection: $filter, $orderby, $select, $top, then $skiptoken."""
        query, manager_select = read.query, read.manager_select
        skip = query.get("$skiptoken")
        if skip:
            try:
                state = unb64(skip)
            except ValueError:
                return graph_error(400, "Request_BadRequest", "The skip token is not valid.")
            chosen, offset, size = list(state["s"]), int(state["o"]), int(state["n"])
            manager_select = state.get("x")
            filter_text, order_text = str(state.get("f") or ""), str(state.get("ob") or "")
        else:
            selected = select(query, default_select, read.entity)
            if isinstance(selected, Response):
                return selected
            chosen = selected
            offset, size = 0, int(query.get("$top") or self.config.page_size)
            filter_text, order_text = query.get("$filter", ""), query.get("$orderby", "")
        everything = _filtered_and_ordered(objects(), filter_text, order_text, read.entity)
        if isinstance(everything, Response):
            return everything
        page = everything[offset : offset + size]
        body: dict[str, Any] = {
            "@odata.context": f"{self._base_url()}/v1.0/$metadata#{read.path.strip('/')}",
            "value": self._page_values(read.path, page, chosen, manager_select),
        }
        if offset + size < len(everything):
            token = b64(
                {
                    "s": chosen,
                    "o": offset + size,
                    "n": size,
                    "x": manager_select,
                    "f": filter_text,
                    "ob": order_text,
                }
            )
            body["@odata.nextLink"] = f"{self._base_url()}/v1.0{read.path}?$skiptoken={token}"
        return json_response(200, body)

    def _page_values(
        self,
        path: str,
        page: list[dict[str, Any]],
        chosen: list[str],
        manager_select: list[str] | None,
    ) -> list[dict[str, Any]]:
        if path == "/users":
            return [self._user_entity(u, chosen, manager_select) for u in page]
        if not chosen:  # servicePrincipals and appRoleAssignedTo: every property
            return [dict(item) for item in page]
        return [
            ({"@odata.type": item["@odata.type"]} if "@odata.type" in item else {})
            | project(item, chosen)
            for item in page
        ]

    # ----- delta rounds -------------------------------------------------------------

    def _delta(self, entity_name: str, query: dict[str, str], entity: EntityMembers) -> Response:
        kind = "users" if entity_name == "user" else "groups"
        path = f"/{kind}/delta"
        skip, delta = query.get("$skiptoken"), query.get("$deltatoken")
        try:
            state = unb64(skip) if skip else unb64(delta) if delta else None
        except ValueError:
            return graph_error(400, "Request_BadRequest", "Badly formed delta token.")
        if state is not None and state.get("k") != kind:
            return graph_error(400, "Request_BadRequest", "The token is for another resource.")
        if skip and state is not None:
            session = self._delta_sessions.get(state["sid"])
            if session is None:
                return self._expired(kind)
            return self._delta_page(
                kind,
                path,
                state["sid"],
                int(state["o"]),
                list(state["s"]),
                int(state["u"]),
                bool(state.get("x")),
            )
        if state is not None and int(state["g"]) != self.tenant.delta_generation:
            return self._expired(kind)
        if state is not None:
            chosen, manager = list(state["s"]), bool(state.get("x"))
        else:
            selected = select(
                query,
                _DELTA_DEFAULT_SELECT[kind],
                entity,
                navigation=_DELTA_NAVIGATION[entity_name],
            )
            if isinstance(selected, Response):
                return selected
            # The link keeps what the round's first request selected, the manager included.
            manager = kind == "users" and MANAGER in selected
            chosen = [name for name in selected if not (kind == "users" and name == MANAGER)]
        since = int(state["since"]) if state is not None else None
        upto = self.tenant.seq
        entries = (
            self.tenant.users_delta(since, upto, chosen, manager=manager)
            if kind == "users"
            else self.tenant.groups_delta(since, upto, chosen)
        )
        session_id = secrets.token_urlsafe(8)
        self._delta_sessions[session_id] = entries
        return self._delta_page(kind, path, session_id, 0, chosen, upto, manager)

    def _delta_page(
        self,
        kind: str,
        path: str,
        session_id: str,
        offset: int,
        chosen: list[str],
        upto: int,
        manager: bool = False,
    ) -> Response:
        entries = self._delta_sessions[session_id]
        size = self.config.delta_page_size
        body: dict[str, Any] = {
            "@odata.context": f"{self._base_url()}/v1.0/$metadata#{kind}",
            "value": entries[offset : offset + size],
        }
        if offset + size < len(entries):
            token = b64(
                {
                    "k": kind,
                    "sid": session_id,
                    "o": offset + size,
                    "s": chosen,
                    "u": upto,
                    "x": manager,
                }
            )
            body["@odata.nextLink"] = f"{self._base_url()}/v1.0{path}?$skiptoken={token}"
        else:
            del self._delta_sessions[session_id]
            token = b64(
                {
                    "k": kind,
                    "since": upto,
                    "s": chosen,
                    "g": self.tenant.delta_generation,
                    "x": manager,
                }
            )
            body["@odata.deltaLink"] = f"{self._base_url()}/v1.0{path}?$deltatoken={token}"
        return json_response(200, body)

    def _expired(self, kind: str) -> Response:
        """Graph's answer to a delta link it no longer knows; which one is a setting, as
        Microsoft's own answers differ: 400 syncStateNotFound, 410 Gone with a Location
        header (where to start again), or 410 Gone without one."""
        status = self.config.expired_delta_status
        code = self.config.expired_delta_code or (
            "syncStateNotFound" if status == 410 else "SyncStateNotFound"
        )
        headers = (
            {"Location": f"{self._base_url()}/v1.0/{kind}/delta"}
            if status == 410 and self.config.expired_delta_location
            else None
        )
        return graph_error(
            status,
            code,
            "The sync state was not found or has expired. Start a new round of synchronization.",
            headers,
        )


def _permitted(token: AccessToken, path: str) -> bool:
    """Whether the token's roles (or delegated scopes) grant the read of `path`."""
    needed = (
        "Application.Read.All"
        if path.startswith("/servicePrincipals")
        else "Group.Read.All"
        if path.startswith("/groups")
        else "User.Read.All"
    )
    granted = set(token.roles) | set(token.scopes)
    return bool(granted & _COVERED_BY[needed])


def _bad_options(query: dict[str, str]) -> Response | None:
    """Graph's 400 for a $top out of range or a query option Graph does not know."""
    top = query.get("$top")
    if top is not None and (not top.isdigit() or not 1 <= int(top) <= MAX_TOP):
        return graph_error(
            400,
            "Request_UnsupportedQuery",
            f"Invalid page size specified: '{top}'. Must be between 1 and {MAX_TOP} inclusive.",
        )
    unknown = sorted(k for k in query if k.startswith("$") and k.lower() not in OPTIONS)
    if unknown:
        return graph_error(
            400,
            "Request_BadRequest",
            f"Unrecognized query argument specified: '{unknown[0]}'.",
        )
    return None


def _delta_refusal(endpoint: Endpoint, query: dict[str, str]) -> Response | None:
    """The options a delta function refuses: $expand (Graph's delta functions track a
    navigation property through $select: manager@delta, members@delta), and $filter and
    $orderby (the sandbox's delta serves neither)."""
    if "$expand" in query:
        return graph_error(
            400,
            "Request_UnsupportedQuery",
            "The query option '$expand' is not supported for delta queries: "
            f"select the navigation property instead ($select={_DELTA_NAVIGATION[endpoint.entity]}).",
        )
    if "$filter" in query or "$orderby" in query:
        option = "$filter" if "$filter" in query else "$orderby"
        return graph_error(
            400,
            "Request_UnsupportedQuery",
            f"The query option '{option}' is not supported by the sandbox's delta queries.",
        )
    return None


def _filtered_and_ordered(
    items: list[dict[str, Any]], filter_text: str, order_text: str, entity: EntityMembers
) -> list[dict[str, Any]] | Response:
    if filter_text:
        matches = where(filter_text, entity)
        if isinstance(matches, Response):
            return matches
        items = [item for item in items if matches(item)]
    if order_text:
        return order(order_text, entity, items)
    return items


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


__all__ = ["Endpoint", "GraphApi", "endpoint_of"]
