"""Test connection: the named checks the wizard and `webex-provisioner test-connection` show.

Each check is passed, failed, unknown or skipped, with a plain reason and, for a failure, the
next step. Nothing is guessed: what cannot be told (write permission from unknown roles) is
"unknown". Failing checks stop the checks that depend on them, which are "skipped".
"""

from __future__ import annotations

import asyncio
import contextlib
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from app.checks import CheckResult
from app.errors import ExitCode, InputError, UserFacingError
from app.net import make_async_client
from app.webex.client import WebexClient
from app.webex.errors import (
    AuthError,
    NotFound,
    PermissionDenied,
    WebexError,
    network_error,
)
from app.webex.people import (
    ROLES_THAT_WRITE_GROUPS,
    ROLES_THAT_WRITE_USERS,
    PeopleMe,
    fetch_people_me,
)
from app.webex.tokens import clean_token
from app.webex.urls import TenantTarget, parse_tenant_url, people_me_url_for

REACHABILITY_TIMEOUT = httpx.Timeout(10.0, connect=10.0)


@dataclass
class ConnectionReport:
    tenant_url: str
    target: TenantTarget | None = None
    checks: list[CheckResult] = field(default_factory=list)
    me: PeopleMe | None = None
    user_count: int | None = None

    @property
    def ok(self) -> bool:
        return bool(self.checks) and not any(c.status == "failed" for c in self.checks)

    @property
    def exit_code(self) -> int:
        for check in self.checks:
            if check.status == "failed":
                return check.exit_code or int(ExitCode.UNREACHABLE)
        return int(ExitCode.OK)

    def check(self, check_id: str) -> CheckResult:
        for check in self.checks:
            if check.id == check_id:
                return check
        raise KeyError(check_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "tenant_url": self.target.scim_base_url if self.target else self.tenant_url,
            "kind": self.target.kind if self.target else None,
            "org_uuid": self.target.org_uuid if self.target else None,
            "checks": [c.to_dict() for c in self.checks],
            "me": self.me.to_dict() if self.me else None,
            "user_count": self.user_count,
        }

    def render_text(self) -> str:
        marks = {"passed": "ok", "failed": "FAILED", "unknown": "unknown", "skipped": "skipped"}
        url = self.target.scim_base_url if self.target else self.tenant_url
        lines = [f"Test connection: {url or '(no tenant URL)'}"]
        width = max(len(m) for m in marks.values())
        for c in self.checks:
            lines.append(f"  [{marks[c.status]:<{width}}] {c.title}: {c.reason}")
            if c.status == "failed" and c.next_step:
                lines.append(f"  {'':<{width + 2}} Next: {c.next_step}")
        failed = sum(1 for c in self.checks if c.status == "failed")
        if failed:
            lines.append(f"Result: {failed} check{'s' if failed > 1 else ''} failed.")
        else:
            lines.append("Result: the connection works.")
        return "\n".join(lines)


def _failed(check_id: str, title: str, error: UserFacingError) -> CheckResult:
    return CheckResult(
        check_id, title, "failed", error.message, error.next_step, int(error.exit_code)
    )


TITLES = {
    "url": "Tenant URL",
    "reachable": "Network (DNS, TCP, TLS)",
    "token": "Token accepted (people/me)",
    "person": "Token of a person, not a bot",
    "org": "Token of the URL's organisation",
    "discovery": "SCIM discovery (ServiceProviderConfig)",
    "scim_read": "SCIM read (Users)",
    "write": "Permission to create and change users",
    "write_groups": "Permission to create and change groups",
    "token_expiry": "Token lifetime",
}


# The checks after the URL's, in order: what is skipped when an early one fails.
_WEBEX_CHECKS = ["token", "person", "org", "scim_read", "write", "write_groups", "token_expiry"]
_OTHER_APP_CHECKS = ["token", "person", "org", "discovery", "scim_read", "write", "write_groups"]


async def test_connection(
    tenant_url: str,
    token: str,
    *,
    extra_ca: Path | None = None,
    http_timeout: httpx.Timeout | None = None,
    provisions_groups: bool | None = None,
) -> ConnectionReport:
    """Run the checks in order; never raises for a failed check (it is in the report).

    `provisions_groups`: the profile provisions groups (True: a token that may not write
    them fails the groups check; False: it is only said; None: not known, said as unknown).
    """
    report = ConnectionReport(tenant_url=tenant_url)
    target = _check_url(report, tenant_url)
    if target is None:
        return report
    later = _WEBEX_CHECKS if target.is_webex else _OTHER_APP_CHECKS
    has_token = bool(token and token.strip())
    if has_token:
        try:
            token = clean_token(token)
        except InputError as exc:  # refused before any request is sent
            report.checks.append(_failed("token", TITLES["token"], exc))
            _skip(report, [c for c in later if c != "token"], "Needs a valid token.")
            return report
    client_options: dict[str, Any] = {"extra_ca": extra_ca}
    if http_timeout is not None:
        client_options["timeout"] = http_timeout
    async with contextlib.AsyncExitStack() as stack:
        # One httpx client (one TLS context) for all the checks; the reachability probe
        # sends no token.
        client: WebexClient | None = None
        if has_token:
            client = await stack.enter_async_context(WebexClient(target, token, **client_options))
            http = client.http
        else:
            http = await stack.enter_async_context(
                make_async_client(timeout=REACHABILITY_TIMEOUT, extra_ca=extra_ca)
            )
        reachable = await _check_reachable(target, http)
        report.checks.append(reachable)
        if reachable.status == "failed":
            _skip(report, later, "Needs the target to be reachable.")
        elif client is None:
            _no_token(report, later)
        else:
            await _checks_with_token(client, target, report, provisions_groups)
    return report


def _skip(report: ConnectionReport, ids: list[str], why: str) -> None:
    for check_id in ids:
        report.checks.append(CheckResult(check_id, TITLES[check_id], "skipped", why))


def _check_url(report: ConnectionReport, tenant_url: str) -> TenantTarget | None:
    """The tenant URL read: a Webex tenant or another SCIM app (None: not a valid URL)."""
    try:
        target = parse_tenant_url(tenant_url)
    except InputError as exc:
        report.checks.append(_failed("url", TITLES["url"], exc))
        _skip(
            report,
            ["reachable", "token", "scim_read", "write", "write_groups"],
            "Needs a valid tenant URL.",
        )
        return None
    report.target = target
    if target.is_webex:
        reason = f"Webex tenant, organisation {target.org_uuid}."
    else:
        reason = "Another SCIM 2.0 app (not Webex): the orgId checks do not apply."
    report.checks.append(CheckResult("url", TITLES["url"], "passed", reason))
    return target


def _no_token(report: ConnectionReport, later: list[str]) -> None:
    report.checks.append(
        CheckResult(
            "token",
            TITLES["token"],
            "failed",
            "No token was given.",
            "Paste the access token of a Webex admin.",
            int(ExitCode.BAD_INPUT),
        )
    )
    _skip(report, later[1:], "Needs a token.")


async def _checks_with_token(
    client: WebexClient,
    target: TenantTarget,
    report: ConnectionReport,
    provisions_groups: bool | None,
) -> None:
    """Who the token is (Webex) or what the app offers (another app), then SCIM read, the
    permissions to write, and (Webex) the token's lifetime."""
    add = report.checks.append
    if target.is_webex:
        await _webex_identity_checks(client, target, report)
        if report.checks[-1].status == "failed" and report.checks[-1].id == "token":
            _skip(
                report,
                ["person", "org", "scim_read", "write", "write_groups", "token_expiry"],
                "Needs an accepted token.",
            )
            return
    else:
        _skip(
            report,
            ["token", "person", "org"],
            "Another SCIM app has no people/me; the SCIM read below tests the token.",
        )
        add(await _check_discovery(client))
        if report.checks[-1].status == "failed":
            _skip(report, ["scim_read", "write", "write_groups"], "Needs SCIM access.")
            return
    read = await _check_scim_read(client, report)
    add(read)
    add(_check_write(target, report.me, read))
    add(_check_write_groups(target, report.me, read, provisions_groups))
    if target.is_webex:
        add(await _check_token_expiry(client))


async def _webex_identity_checks(
    client: WebexClient, target: TenantTarget, report: ConnectionReport
) -> None:
    add = report.checks.append
    try:
        me = await client.people_me()
    except WebexError as exc:
        add(_failed("token", TITLES["token"], exc))
        return
    report.me = me
    who = me.display_name or me.primary_email or me.id
    email = f" ({me.primary_email})" if me.primary_email and me.primary_email != who else ""
    add(CheckResult("token", TITLES["token"], "passed", f"The token is {who}'s{email}."))

    if me.type == "person":
        add(CheckResult("person", TITLES["person"], "passed", "The token belongs to a person."))
    elif me.type == "bot":
        add(
            CheckResult(
                "person",
                TITLES["person"],
                "failed",
                "The token belongs to a bot: a bot cannot provision.",
                "Use an admin's token (a full admin or user admin of the organisation).",
                int(ExitCode.AUTH),
            )
        )
    else:
        add(
            CheckResult(
                "person",
                TITLES["person"],
                "unknown",
                f"The token belongs to an account of type {me.type!r}; "
                "it can provision only with the identity:people_rw scope.",
            )
        )

    if me.org_uuid == target.org_uuid:
        add(CheckResult("org", TITLES["org"], "passed", f"Both are organisation {me.org_uuid}."))
    else:
        add(
            CheckResult(
                "org",
                TITLES["org"],
                "failed",
                f"The token belongs to organisation {me.org_uuid}, the tenant URL names "
                f"{target.org_uuid}.",
                f"Use a token of an admin of {target.org_uuid}, or the tenant URL "
                f"of your organisation (…/identity/scim/{me.org_uuid}/v2/).",
                int(ExitCode.AUTH),
            )
        )


async def _check_discovery(client: WebexClient) -> CheckResult:
    title = TITLES["discovery"]
    try:
        config = await client.discover()
    except (AuthError, PermissionDenied) as exc:
        return _failed("discovery", title, exc)
    except WebexError as exc:
        return _failed("discovery", title, exc)
    if config is None:
        return CheckResult(
            "discovery",
            title,
            "unknown",
            "The app publishes no ServiceProviderConfig: the core User and Group schemas are assumed.",
        )
    parts = []
    if config.bulk and config.bulk.supported:
        parts.append(f"bulk up to {config.bulk.max_operations or '?'} operations")
    else:
        parts.append("no bulk")
    parts.append("filtering" if config.filter and config.filter.supported else "no filtering")
    parts.append("PATCH" if config.patch and config.patch.supported else "no PATCH")
    return CheckResult("discovery", title, "passed", "The app offers " + ", ".join(parts) + ".")


async def _check_scim_read(client: WebexClient, report: ConnectionReport) -> CheckResult:
    title = TITLES["scim_read"]
    try:
        count = await client.count("User")
    except NotFound as exc:
        return CheckResult(
            "scim_read",
            title,
            "failed",
            "The target has no SCIM Users endpoint at this URL.",
            "Check the tenant URL." + (f" ({exc.detail})" if exc.detail else ""),
            int(ExitCode.BAD_INPUT),
        )
    except WebexError as exc:
        return _failed("scim_read", title, exc)
    report.user_count = count
    told = f" ({count} in the tenant)" if count is not None else ""
    return CheckResult("scim_read", title, "passed", f"The token can read users{told}.")


def _check_write(target: TenantTarget, me: PeopleMe | None, read: CheckResult) -> CheckResult:
    title = TITLES["write"]
    if read.status != "passed":
        return CheckResult("write", title, "skipped", "Needs SCIM read access first.")
    if not target.is_webex or me is None:
        return CheckResult(
            "write",
            title,
            "unknown",
            "The app does not tell in advance; the first provisioning will show it.",
        )
    allowed = me.can_write_users()
    if allowed is True:
        names = [ROLES_THAT_WRITE_USERS[n] for n in me.role_names if n in ROLES_THAT_WRITE_USERS]
        return CheckResult("write", title, "passed", f"The token's user is a {names[0]}.")
    if allowed is False:
        return CheckResult(
            "write",
            title,
            "failed",
            "The token's user can read users but not create or change them "
            f"(roles: {', '.join(me.role_names)}).",
            "Use the token of a full admin or a user admin.",
            int(ExitCode.AUTH),
        )
    return CheckResult(
        "write",
        title,
        "unknown",
        "The token's roles do not tell whether it may write; the first provisioning will show it.",
    )


def _check_write_groups(
    target: TenantTarget, me: PeopleMe | None, read: CheckResult, provisions_groups: bool | None
) -> CheckResult:
    """Groups are written by a full admin or a group admin (Cisco's spec): a user admin's
    token provisions users and is refused groups (403)."""
    title = TITLES["write_groups"]
    if read.status != "passed":
        return CheckResult("write_groups", title, "skipped", "Needs SCIM read access first.")
    if not target.is_webex or me is None:
        return CheckResult(
            "write_groups",
            title,
            "unknown",
            "The app does not tell in advance; the first provisioning will show it.",
        )
    allowed = me.can_write_groups()
    if allowed is True:
        names = [ROLES_THAT_WRITE_GROUPS[n] for n in me.role_names if n in ROLES_THAT_WRITE_GROUPS]
        return CheckResult(
            "write_groups",
            title,
            "passed",
            f"The token's user is a {names[0]}: groups can be written.",
        )
    if allowed is None:
        return CheckResult(
            "write_groups",
            title,
            "unknown",
            "The token's roles do not tell whether it may write groups; the first "
            "provisioning of a group will show it.",
        )
    reason = (
        f"Groups cannot be written with this token (roles: {me.role_words()}); only a full "
        "admin or a group admin may write them."
    )
    if provisions_groups is False:
        return CheckResult(
            "write_groups", title, "skipped", reason + " The profile provisions no groups."
        )
    if provisions_groups is None:
        return CheckResult(
            "write_groups",
            title,
            "unknown",
            reason + " Cycles skip the groups, with this reason, if the profile provisions them.",
        )
    return CheckResult(
        "write_groups",
        title,
        "failed",
        reason + " The profile provisions groups: cycles provision the users and skip the groups.",
        "Use the token of a full admin, or turn off group provisioning in the profile.",
        int(ExitCode.AUTH),
    )


async def _check_token_expiry(client: WebexClient) -> CheckResult:
    """How long the token has left (GET /v1/authorizations/tokenExpiry), when Webex tells."""
    title = TITLES["token_expiry"]
    try:
        expiry = await client.token_expiry()
    except WebexError as exc:
        return CheckResult("token_expiry", title, "unknown", f"Webex did not tell ({exc.message}).")
    if expiry is None:
        return CheckResult(
            "token_expiry", title, "unknown", "This service does not tell when tokens expire."
        )
    left = expiry.remaining(datetime.now(UTC))
    when = expiry.expires.strftime("%Y-%m-%d %H:%M UTC")
    if left.total_seconds() <= 0:
        return CheckResult("token_expiry", title, "unknown", f"The token expired on {when}.")
    days, hours = left.days, left.seconds // 3600
    span = (
        f"{days} days {hours} hours" if days else f"{hours} hours {left.seconds // 60 % 60} minutes"
    )
    return CheckResult(
        "token_expiry", title, "passed", f"The token works until {when} ({span} left)."
    )


async def _check_reachable(target: TenantTarget, http: httpx.AsyncClient) -> CheckResult:
    """Name resolution, then a connection and TLS handshake (through the proxy, if any)."""
    title = TITLES["reachable"]
    url = httpx.URL(target.scim_base_url)
    host, port = url.host, url.port or (443 if url.scheme == "https" else 80)
    proxy = _proxy_for(url)
    if proxy is None:
        try:
            await asyncio.get_running_loop().getaddrinfo(host, port)
        except OSError as exc:
            return _failed("reachable", title, network_error(exc, url=str(url)))
    root = str(url.copy_with(path="/", query=None))
    try:
        response = await http.get(root, auth=None, timeout=REACHABILITY_TIMEOUT)
    except httpx.HTTPError as exc:
        return _failed("reachable", title, network_error(exc, url=root))
    how = "TLS" if url.scheme == "https" else "plain HTTP (this computer)"
    via = f" through the proxy {proxy}" if proxy else ""
    return CheckResult(
        "reachable",
        title,
        "passed",
        f"{host} answered over {how}, {response.http_version}{via}.",
    )


def _proxy_for(url: httpx.URL) -> str | None:
    proxies = urllib.request.getproxies()
    if urllib.request.proxy_bypass(url.host):
        return None
    proxy = proxies.get(url.scheme) or proxies.get("all")
    if proxy is None:
        return None
    return str(httpx.URL(proxy).copy_with(username=None, password=None))


# The name starts with "test": tell pytest it is no test when a test module imports it.
test_connection.__test__ = False  # type: ignore[attr-defined]


async def fetch_org_id(
    tenant_url_text: str, token: str, *, extra_ca: Path | None = None
) -> PeopleMe:
    """people/me with the token, to fill the orgId in (works before the URL has one)."""
    return await fetch_people_me(people_me_url_for(tenant_url_text), token, extra_ca=extra_ca)


__all__ = ["ConnectionReport", "fetch_org_id", "test_connection"]
