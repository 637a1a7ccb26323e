"""`test-connection` run: the tenant URL and the token checked step by step against Webex,
then, for a profile whose source is Microsoft Entra ID, the source (network, sign-in, Graph
permissions, the enterprise application)."""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from app.checks import CheckResult
from app.commands.connection import print_prompt
from app.commands.whoami import print_error, read_token, tenant_url_of
from app.config.profile import EntraSettings, Profile
from app.config.secrets import SecretStore
from app.config.store import ProfileStore
from app.directory.entra_checks import check_source, skipped_checks
from app.errors import ExitCode, UserFacingError
from app.language import current_language, translator
from app.messages import message
from app.net import make_async_client
from app.webex.checks import ConnectionReport, test_connection
from app.webex.errors import network_error

if TYPE_CHECKING:
    from app.directory.entra.auth import DeviceCodeCallback


def check_connection(args: argparse.Namespace) -> int:
    profile: Profile | None = None
    try:
        if args.profile:
            profile = ProfileStore().load(args.profile)
        url_text = args.tenant_url or (
            profile.target.tenant_url if profile else tenant_url_of(args, required=True)
        )
        token = read_token(args)
    except UserFacingError as error:
        return print_error(args, error)

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
        print(report.render_text(translator(current_language())))
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


async def source_checks(
    profile: Profile,
    *,
    secrets: SecretStore | None = None,
    device_code_callback: DeviceCodeCallback | None = None,
) -> list[CheckResult]:
    """The Entra source's named checks, after one of the network: DNS, TCP and TLS to the
    sign-in authority and to Microsoft Graph. When those cannot be reached, the other checks
    are skipped and the command exits 4 (network) rather than 3 (sign-in refused)."""
    settings = profile.source.entra
    assert settings is not None  # the Profile model requires it for entra
    reachable = await _check_entra_reachable(settings)
    if reachable.status == "failed":
        return [reachable, *skipped_checks(NEEDS_ENTRA())]
    checks = await check_source(
        settings,
        profile_name=profile.name,
        secrets=secrets or SecretStore(),
        scope=profile.scope,
        device_code_callback=device_code_callback,
    )
    return [reachable, *checks]


ENTRA_REACHABLE_TITLE = message(
    "check.entra.title.reachable", "Network to Microsoft Entra ID (DNS, TCP, TLS)"
)
NEEDS_ENTRA = message("check.entra.skip.reachable", "Needs Microsoft Entra ID to be reachable.")
NOT_HTTPS = message("check.entra.reachable.not_https", "{root} is not an https:// address.")
USE_HTTPS = message(
    "check.entra.reachable.not_https.next",
    "Use https:// for the authority and Microsoft Graph "
    "(`webex-provisioner profile set NAME --authority URL --graph-url URL`).",
)
ANSWERED = message("check.entra.reachable.passed", "{hosts} answered over TLS.")
ANSWERED_TWO = message(
    "check.entra.reachable.passed_two", "{first} and {second} answered over TLS."
)


async def _check_entra_reachable(settings: EntraSettings) -> CheckResult:
    """One plain GET (no credentials) to the root of the authority and of Graph."""
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
                return CheckResult.of(
                    "entra.reachable",
                    ENTRA_REACHABLE_TITLE(),
                    "failed",
                    NOT_HTTPS(root=root),
                    USE_HTTPS(),
                    int(ExitCode.BAD_INPUT),
                )
            try:
                response = await http.get(root)
            except httpx.HTTPError as exc:
                error = network_error(exc, url=root)
                step = _NETWORK_NEXT_STEPS.get(error.kind)
                return CheckResult.of(
                    "entra.reachable",
                    ENTRA_REACHABLE_TITLE(),
                    "failed",
                    error.message,
                    step() if step is not None else error.next_step,
                    int(ExitCode.UNREACHABLE),
                )
            answered.append(f"{httpx.URL(root).host} ({response.http_version})")
    if len(answered) == 2:
        reached = ANSWERED_TWO(first=answered[0], second=answered[1])
    else:
        reached = ANSWERED(hosts=" and ".join(answered))
    return CheckResult.of("entra.reachable", ENTRA_REACHABLE_TITLE(), "passed", reached)


_NETWORK_NEXT_STEPS = {
    "tls": message(
        "check.entra.reachable.tls.next",
        "If your network inspects TLS, give the profile your company's CA bundle "
        "(--entra-ca-file PEM) or set SSL_CERT_FILE and REQUESTS_CA_BUNDLE to it.",
    ),
    "dns": message(
        "check.entra.reachable.dns.next",
        "Check the authority and Graph addresses of the profile, the network and the DNS settings.",
    ),
    "refused": message(
        "check.entra.reachable.refused.next",
        "Check the authority and Graph addresses (and ports) of the profile, and the "
        "proxy settings (HTTPS_PROXY).",
    ),
}


__all__ = ["check_connection", "source_checks"]
