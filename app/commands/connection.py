"""`webex-provisioner whoami` and `webex-provisioner test-connection`.

The token comes from standard input (--token-stdin), the WEBEX_PROVISIONER_TOKEN variable, or
the profile's keyring entry; never from an option, which would show in the process list.
With --profile NAME whose source is Microsoft Entra ID, the source is checked after the
target: the network to the sign-in authority and Graph, the sign-in (a device-code profile
prints the URL and the code on stderr and waits), each Graph permission, the application.
Exit codes: 0 ok, 2 bad input, 3 authentication or permission (Webex or Entra ID), 4 network
or server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import ExitCode, InputError, UserFacingError

if TYPE_CHECKING:
    from app.checks import CheckResult
    from app.config.profile import EntraSettings, Profile
    from app.config.secrets import SecretStore
    from app.directory.entra.auth import DeviceCodeCallback, DeviceCodePrompt
    from app.webex.checks import ConnectionReport

ENV_VAR = "WEBEX_PROVISIONER_TOKEN"
EXIT_CODES_HELP = (
    "exit codes: 0 ok, 2 bad input, 3 authentication or permission, 4 network or server"
)


def register(subparsers: Any) -> None:
    whoami = subparsers.add_parser(
        "whoami",
        help="show whose token this is (people/me) and the organisation's orgId",
        description=(
            "Ask Webex whose token this is (Get My Own Details, people/me): name, e-mail, "
            "type, roles, and the orgId that goes into the tenant URL."
        ),
        epilog=EXIT_CODES_HELP,
    )
    _common_options(whoami, url_required=False)
    whoami.set_defaults(handler=run_whoami)

    test = subparsers.add_parser(
        "test-connection",
        help="check the tenant URL and the token, step by step",
        description=(
            "Check the tenant URL, the network, the token (people/me), that it is a person's "
            "of the URL's organisation, SCIM read access and, where the roles tell it, write "
            "permission. With --profile NAME whose source is Microsoft Entra ID, also the "
            "sign-in to Entra ID, the Graph permissions User.Read.All, Group.Read.All and "
            "Application.Read.All, and the enterprise application."
        ),
        epilog=EXIT_CODES_HELP,
    )
    _common_options(test, url_required=True)
    test.set_defaults(handler=run_test_connection)


def _common_options(parser: argparse.ArgumentParser, *, url_required: bool) -> None:
    where = "required unless --profile" if url_required else "default: Webex's public API"
    parser.add_argument(
        "--tenant-url",
        metavar="URL",
        help=f"the SCIM tenant URL, e.g. https://webexapis.com/identity/scim/ORGID/v2/ ({where})",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        help="take the tenant URL from this profile and the token from its keyring entry",
    )
    parser.add_argument(
        "--token-stdin",
        action="store_true",
        help=f"read the token from standard input (otherwise from {ENV_VAR})",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def _read_token(args: argparse.Namespace) -> str:
    if args.token_stdin:
        token = sys.stdin.readline().strip()
        if not token:
            raise InputError(
                "--token-stdin was given but standard input held no token.",
                f"Pipe the token in, e.g. `printenv {ENV_VAR} | webex-provisioner ...`.",
            )
        return token
    token = os.environ.get(ENV_VAR, "").strip()
    if token:
        return token
    if args.profile:
        from app.config.secrets import resolve_webex_token

        return resolve_webex_token(args.profile)
    raise InputError(
        "No token was given.",
        f"Pipe it with --token-stdin, set {ENV_VAR}, or use --profile NAME.",
    )


def _tenant_url(args: argparse.Namespace, *, required: bool) -> str:
    if args.tenant_url:
        return str(args.tenant_url)
    if args.profile:
        from app.config.store import ProfileStore

        return ProfileStore().load(args.profile).target.tenant_url
    if required:
        raise InputError(
            "No tenant URL was given.",
            "Add --tenant-url https://webexapis.com/identity/scim/ORGID/v2/ or --profile NAME.",
        )
    return ""


def _print_error(args: argparse.Namespace, error: UserFacingError) -> int:
    if args.json:
        detail: dict[str, Any] = {"message": error.message, "next_step": error.next_step}
        to_dict = getattr(error, "to_dict", None)
        if callable(to_dict):
            detail = to_dict()
        print(json.dumps({"ok": False, "error": detail}, indent=2))
    else:
        print(f"error: {error}", file=sys.stderr)
    return int(error.exit_code)


def run_whoami(args: argparse.Namespace) -> int:
    from app.webex.people import fetch_people_me  # not app.webex.checks: no SCIM libraries
    from app.webex.urls import people_me_url_for, tenant_url_with_org

    try:
        url_text = _tenant_url(args, required=False)
        token = _read_token(args)
        me = asyncio.run(fetch_people_me(people_me_url_for(url_text), token))
        tenant_url = tenant_url_with_org(url_text, me.org_uuid)
    except UserFacingError as error:
        return _print_error(args, error)
    if args.json:
        print(json.dumps({"ok": True, "me": me.to_dict(), "tenant_url": tenant_url}, indent=2))
        return int(ExitCode.OK)
    email = f" <{me.primary_email}>" if me.primary_email else ""
    roles = ", ".join(me.role_names or me.roles) or "none"
    print(f"{me.display_name or me.id}{email}")
    print(f"  type:       {me.type}" + (f", status {me.status}" if me.status else ""))
    print(f"  roles:      {roles}")
    print(f"  orgId:      {me.org_id}")
    print(f"  org UUID:   {me.org_uuid}")
    print(f"  tenant URL: {tenant_url}")
    if me.type == "bot":
        print("  note: a bot cannot provision; use an admin's token.")
    return int(ExitCode.OK)


def run_test_connection(args: argparse.Namespace) -> int:
    profile: Profile | None = None
    try:
        if args.profile:
            from app.config.store import ProfileStore

            profile = ProfileStore().load(args.profile)
        url_text = args.tenant_url or (
            profile.target.tenant_url if profile else _tenant_url(args, required=True)
        )
        token = _read_token(args)
    except UserFacingError as error:
        return _print_error(args, error)
    from app.webex.checks import test_connection  # loads the SCIM libraries: only now

    async def run() -> ConnectionReport:
        report = await test_connection(
            url_text, token, provisions_groups=_provisions_groups(profile)
        )
        if profile is not None and profile.source.kind == "entra":
            report.checks.extend(await source_checks(profile, device_code_callback=print_prompt))
        return report

    report = asyncio.run(run())
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(report.render_text())
    return report.exit_code


def _provisions_groups(profile: Profile | None) -> bool | None:
    """Does the profile provision groups (None without a profile: not known)?"""
    if profile is None:
        return None
    if not profile.mappings.groups:
        return False
    if profile.source.kind == "csv":
        return bool(profile.source.csv and profile.source.csv.group_columns)
    return True


# -- the source's checks (a profile whose source is Microsoft Entra ID) ------------------------


def print_prompt(prompt: DeviceCodePrompt) -> None:
    """The CLI's device-code callback: the URL and the code on stderr (stdout may be JSON).

    The sign-in then waits, polling, until the admin has entered the code or it expires.
    """
    print(
        prompt.message or f"Open {prompt.verification_uri} and enter {prompt.user_code}.",
        file=sys.stderr,
        flush=True,
    )
    print("Waiting for the sign-in...", file=sys.stderr, flush=True)


async def source_checks(
    profile: Profile,
    *,
    secrets: SecretStore | None = None,
    device_code_callback: DeviceCodeCallback | None = None,
) -> list[CheckResult]:
    """The Entra source's named checks, after one of the network: DNS, TCP and TLS to the
    sign-in authority and to Microsoft Graph. When those cannot be reached, the other checks
    are skipped and the command exits 4 (network) rather than 3 (sign-in refused)."""
    from app.checks import CheckResult
    from app.config.secrets import SecretStore
    from app.directory.entra_checks import PERMISSIONS, check_source

    settings = profile.source.entra
    assert settings is not None  # the Profile model requires it for entra
    reachable = await _check_entra_reachable(settings)
    if reachable.status == "failed":
        why = "Needs Microsoft Entra ID to be reachable."
        skipped = [
            CheckResult("entra.sign-in", "Sign-in to Microsoft Entra ID", "skipped", why),
            *(
                CheckResult(
                    "entra.permission." + p.lower().replace(".", "-"),
                    f"Permission {p}",
                    "skipped",
                    why,
                )
                for p in PERMISSIONS
            ),
            CheckResult("entra.application", "Enterprise application", "skipped", why),
        ]
        return [reachable, *skipped]
    checks = await check_source(
        settings,
        profile_name=profile.name,
        secrets=secrets or SecretStore(),
        scope=profile.scope,
        device_code_callback=device_code_callback,
    )
    return [reachable, *checks]


ENTRA_REACHABLE_TITLE = "Network to Microsoft Entra ID (DNS, TCP, TLS)"


async def _check_entra_reachable(settings: EntraSettings) -> CheckResult:
    """One plain GET (no credentials) to the root of the authority and of Graph."""
    import httpx

    from app.checks import CheckResult
    from app.net import make_async_client
    from app.webex.errors import network_error

    hosts: list[str] = []
    for address in (settings.authority, settings.graph_url):
        url = httpx.URL(address.strip())
        root = str(url.copy_with(path="/", query=None, fragment=None))
        if root not in hosts:
            hosts.append(root)
    answered: list[str] = []
    async with make_async_client(
        timeout=httpx.Timeout(10.0), extra_ca=Path(settings.ca_file) if settings.ca_file else None
    ) as http:
        for root in hosts:
            if httpx.URL(root).scheme != "https":
                return CheckResult(
                    "entra.reachable",
                    ENTRA_REACHABLE_TITLE,
                    "failed",
                    f"{root} is not an https:// address.",
                    "Use https:// for the authority and Microsoft Graph "
                    "(`webex-provisioner profile set NAME --authority URL --graph-url URL`).",
                    int(ExitCode.BAD_INPUT),
                )
            try:
                response = await http.get(root)
            except httpx.HTTPError as exc:
                error = network_error(exc, url=root)
                return CheckResult(
                    "entra.reachable",
                    ENTRA_REACHABLE_TITLE,
                    "failed",
                    error.message,
                    _NETWORK_NEXT_STEPS.get(error.kind, error.next_step),
                    int(ExitCode.UNREACHABLE),
                )
            answered.append(f"{httpx.URL(root).host} ({response.http_version})")
    return CheckResult(
        "entra.reachable",
        ENTRA_REACHABLE_TITLE,
        "passed",
        f"{' and '.join(answered)} answered over TLS.",
    )


_NETWORK_NEXT_STEPS = {
    "tls": "If your network inspects TLS, give the profile your company's CA bundle "
    "(--entra-ca-file PEM) or set SSL_CERT_FILE and REQUESTS_CA_BUNDLE to it.",
    "dns": "Check the authority and Graph addresses of the profile, the network and the DNS "
    "settings.",
    "refused": "Check the authority and Graph addresses (and ports) of the profile, and the "
    "proxy settings (HTTPS_PROXY).",
}
