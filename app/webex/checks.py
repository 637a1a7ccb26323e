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
from app.messages import Message, Translate, english
from app.net import make_async_client
from app.webex import check_messages as say
from app.webex.client import WebexClient
from app.webex.errors import (
    NotFound,
    WebexError,
    network_error,
)
from app.webex.people import (
    ROLES_THAT_WRITE_GROUPS,
    ROLES_THAT_WRITE_USERS,
    PeopleMe,
    fetch_people_me,
    role_said,
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

    def render_text(self, translate: Translate = english) -> str:
        """The report as the CLI prints it, in the language of `translate`."""

        def text(said: Message) -> str:
            return said.render(translate, "cli")

        marks = {status: text(mark()) for status, mark in say.REPORT_MARKS.items()}
        url = self.target.scim_base_url if self.target else self.tenant_url
        lines = [text(say.REPORT_HEADING(url=url or text(say.REPORT_NO_URL())))]
        width = max(len(m) for m in marks.values())
        for c in self.checks:
            title, reason, next_step = c.texts(translate, "cli")
            line = text(say.REPORT_LINE(title=title, reason=reason))
            lines.append(f"  [{marks[c.status]:<{width}}] {line}")
            if c.status == "failed" and next_step:
                lines.append(f"  {'':<{width + 2}} {text(say.REPORT_NEXT(step=next_step))}")
        failed = sum(1 for c in self.checks if c.status == "failed")
        if failed:
            lines.append(text(say.REPORT_FAILED(count=failed)))
        else:
            lines.append(text(say.REPORT_WORKS()))
        return "\n".join(lines)


def _failed(check_id: str, error: UserFacingError) -> CheckResult:
    """A check failed with an error's own sentence (its coded message when it has one)."""
    return CheckResult.of(
        check_id,
        say.TITLES[check_id](),
        "failed",
        error.coded_message or error.message,
        error.coded_next_step or error.next_step,
        int(error.exit_code),
    )


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
            report.checks.append(_failed("token", exc))
            _skip(report, [c for c in later if c != "token"], say.NEEDS_VALID_TOKEN())
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
            _skip(report, later, say.NEEDS_REACHABLE())
        elif client is None:
            _no_token(report, later)
        else:
            await _checks_with_token(client, target, report, provisions_groups)
    return report


def _skip(report: ConnectionReport, ids: list[str], why: Message) -> None:
    for check_id in ids:
        report.checks.append(CheckResult.of(check_id, say.TITLES[check_id](), "skipped", why))


def _check_url(report: ConnectionReport, tenant_url: str) -> TenantTarget | None:
    """The tenant URL read: a Webex tenant or another SCIM app (None: not a valid URL)."""
    try:
        target = parse_tenant_url(tenant_url)
    except InputError as exc:
        report.checks.append(_failed("url", exc))
        _skip(
            report,
            ["reachable", "token", "scim_read", "write", "write_groups"],
            say.NEEDS_VALID_URL(),
        )
        return None
    report.target = target
    reason = say.URL_WEBEX(org=str(target.org_uuid)) if target.is_webex else say.URL_OTHER_APP()
    report.checks.append(CheckResult.of("url", say.TITLES["url"](), "passed", reason))
    return target


def _no_token(report: ConnectionReport, later: list[str]) -> None:
    report.checks.append(
        CheckResult.of(
            "token",
            say.TITLES["token"](),
            "failed",
            say.NO_TOKEN(),
            say.PASTE_TOKEN(),
            int(ExitCode.BAD_INPUT),
        )
    )
    _skip(report, later[1:], say.NEEDS_TOKEN())


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
                say.NEEDS_ACCEPTED_TOKEN(),
            )
            return
    else:
        _skip(
            report,
            ["token", "person", "org"],
            say.OTHER_APP_NO_PEOPLE_ME(),
        )
        add(await _check_discovery(client))
        if report.checks[-1].status == "failed":
            _skip(report, ["scim_read", "write", "write_groups"], say.NEEDS_SCIM())
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
        add(_failed("token", exc))
        return
    report.me = me
    who = me.display_name or me.primary_email or me.id
    if me.primary_email and me.primary_email != who:
        owner = say.TOKEN_OWNER_EMAIL(who=who, email=me.primary_email)
    else:
        owner = say.TOKEN_OWNER(who=who)
    add(CheckResult.of("token", say.TITLES["token"](), "passed", owner))

    if me.type == "person":
        add(CheckResult.of("person", say.TITLES["person"](), "passed", say.PERSON()))
    elif me.type == "bot":
        add(
            CheckResult.of(
                "person",
                say.TITLES["person"](),
                "failed",
                say.BOT(),
                say.BOT_NEXT(),
                int(ExitCode.AUTH),
            )
        )
    else:
        add(
            CheckResult.of(
                "person", say.TITLES["person"](), "unknown", say.OTHER_ACCOUNT(kind=me.type)
            )
        )

    if me.org_uuid == target.org_uuid:
        add(
            CheckResult.of("org", say.TITLES["org"](), "passed", say.SAME_ORG(org=str(me.org_uuid)))
        )
    else:
        orgs = {"token_org": str(me.org_uuid), "url_org": str(target.org_uuid)}
        add(
            CheckResult.of(
                "org",
                say.TITLES["org"](),
                "failed",
                say.OTHER_ORG(**orgs),
                say.OTHER_ORG_NEXT(**orgs),
                int(ExitCode.AUTH),
            )
        )


async def _check_discovery(client: WebexClient) -> CheckResult:
    title = say.TITLES["discovery"]()
    try:
        config = await client.discover()
    except WebexError as exc:
        return _failed("discovery", exc)
    if config is None:
        return CheckResult.of("discovery", title, "unknown", say.NO_PROVIDER_CONFIG())
    if config.bulk and config.bulk.supported:
        bulk = say.BULK_UP_TO(most=config.bulk.max_operations or "?")
    else:
        bulk = say.NO_BULK()
    filtering = say.FILTERING() if config.filter and config.filter.supported else say.NO_FILTERING()
    patch = say.PATCH() if config.patch and config.patch.supported else say.NO_PATCH()
    offers = say.APP_OFFERS(bulk=bulk, filtering=filtering, patch=patch)
    return CheckResult.of("discovery", title, "passed", offers)


async def _check_scim_read(client: WebexClient, report: ConnectionReport) -> CheckResult:
    title = say.TITLES["scim_read"]()
    try:
        count = await client.count("User")
    except NotFound as exc:
        return CheckResult.of(
            "scim_read",
            title,
            "failed",
            say.NO_USERS_ENDPOINT(),
            say.CHECK_URL_DETAIL(detail=exc.detail) if exc.detail else say.CHECK_URL(),
            int(ExitCode.BAD_INPUT),
        )
    except WebexError as exc:
        return _failed("scim_read", exc)
    report.user_count = count
    reads = say.READS_USERS_COUNT(count=count) if count is not None else say.READS_USERS()
    return CheckResult.of("scim_read", title, "passed", reads)


def _check_write(target: TenantTarget, me: PeopleMe | None, read: CheckResult) -> CheckResult:
    title = say.TITLES["write"]()
    if read.status != "passed":
        return CheckResult.of("write", title, "skipped", say.NEEDS_SCIM_READ())
    if not target.is_webex or me is None:
        return CheckResult.of("write", title, "unknown", say.APP_DOES_NOT_TELL())
    allowed = me.can_write_users()
    if allowed is True:
        names = [role_said(n) for n in me.role_names if n in ROLES_THAT_WRITE_USERS]
        return CheckResult.of("write", title, "passed", say.WRITES_USERS(role=names[0]))
    if allowed is False:
        return CheckResult.of(
            "write",
            title,
            "failed",
            say.CANNOT_WRITE_USERS(roles=", ".join(me.role_names)),
            say.CANNOT_WRITE_USERS_NEXT(),
            int(ExitCode.AUTH),
        )
    return CheckResult.of("write", title, "unknown", say.ROLES_DO_NOT_TELL())


def _check_write_groups(
    target: TenantTarget, me: PeopleMe | None, read: CheckResult, provisions_groups: bool | None
) -> CheckResult:
    """Groups are written by a full admin or a group admin (Cisco's spec): a user admin's
    token provisions users and is refused groups (403)."""
    title = say.TITLES["write_groups"]()
    if read.status != "passed":
        return CheckResult.of("write_groups", title, "skipped", say.NEEDS_SCIM_READ())
    if not target.is_webex or me is None:
        return CheckResult.of("write_groups", title, "unknown", say.APP_DOES_NOT_TELL())
    allowed = me.can_write_groups()
    if allowed is True:
        names = [role_said(n) for n in me.role_names if n in ROLES_THAT_WRITE_GROUPS]
        return CheckResult.of("write_groups", title, "passed", say.WRITES_GROUPS(role=names[0]))
    if allowed is None:
        return CheckResult.of("write_groups", title, "unknown", say.ROLES_DO_NOT_TELL_GROUPS())
    reason = say.CANNOT_WRITE_GROUPS(roles=me.roles_said())
    if provisions_groups is False:
        return CheckResult.of(
            "write_groups", title, "skipped", say.NO_GROUPS_PROVISIONED(reason=reason)
        )
    if provisions_groups is None:
        return CheckResult.of(
            "write_groups", title, "unknown", say.GROUPS_MAYBE_PROVISIONED(reason=reason)
        )
    return CheckResult.of(
        "write_groups",
        title,
        "failed",
        say.GROUPS_PROVISIONED(reason=reason),
        say.CANNOT_WRITE_GROUPS_NEXT(),
        int(ExitCode.AUTH),
    )


async def _check_token_expiry(client: WebexClient) -> CheckResult:
    """How long the token has left (GET /v1/authorizations/tokenExpiry), when Webex tells."""
    title = say.TITLES["token_expiry"]()
    try:
        expiry = await client.token_expiry()
    except WebexError as exc:
        return CheckResult.of(
            "token_expiry",
            title,
            "unknown",
            say.EXPIRY_NOT_TOLD(error=exc.coded_message or exc.message),
        )
    if expiry is None:
        return CheckResult.of("token_expiry", title, "unknown", say.EXPIRY_UNKNOWN())
    left = expiry.remaining(datetime.now(UTC))
    when = expiry.expires.strftime("%Y-%m-%d %H:%M UTC")
    if left.total_seconds() <= 0:
        return CheckResult.of("token_expiry", title, "unknown", say.EXPIRED(when=when))
    days, hours = left.days, left.seconds // 3600
    span = (
        say.DAYS_HOURS(days=days, hours=hours)
        if days
        else say.HOURS_MINUTES(hours=hours, minutes=left.seconds // 60 % 60)
    )
    return CheckResult.of("token_expiry", title, "passed", say.WORKS_UNTIL(when=when, span=span))


async def _check_reachable(target: TenantTarget, http: httpx.AsyncClient) -> CheckResult:
    """Name resolution, then a connection and TLS handshake (through the proxy, if any)."""
    url = httpx.URL(target.scim_base_url)
    host, port = url.host, url.port or (443 if url.scheme == "https" else 80)
    proxy = _proxy_for(url)
    if proxy is None:
        try:
            await asyncio.get_running_loop().getaddrinfo(host, port)
        except OSError as exc:
            return _failed("reachable", network_error(exc, url=str(url)))
    root = str(url.copy_with(path="/", query=None))
    try:
        response = await http.get(root, auth=None, timeout=REACHABILITY_TIMEOUT)
    except httpx.HTTPError as exc:
        return _failed("reachable", network_error(exc, url=root))
    how = say.OVER_TLS() if url.scheme == "https" else say.OVER_PLAIN_HTTP()
    reached = (
        say.REACHED_THROUGH_PROXY(host=host, how=how, version=response.http_version, proxy=proxy)
        if proxy
        else say.REACHED(host=host, how=how, version=response.http_version)
    )
    return CheckResult.of("reachable", say.TITLES["reachable"](), "passed", reached)


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
