"""`webex-provisioner sandbox serve`: a local Webex tenant and a generic SCIM app on loopback.

The server modules (hypercorn, scim2-server) are imported inside the handler only, so that
`webex-provisioner --help` stays fast.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.commands import cli_messages as said
from app.errors import ExitCode
from app.language import cli_text
from app.messages import Template

if TYPE_CHECKING:
    from app.sandbox.server import SandboxServer


def register(subparsers: Any) -> None:
    sandbox = subparsers.add_parser(
        "sandbox",
        help="run a local Webex tenant to try the program: nothing leaves this computer",
        description="A local Webex tenant and a generic SCIM 2.0 application, on loopback.",
    )
    commands = sandbox.add_subparsers(dest="sandbox_command", metavar="COMMAND", required=True)
    serve = commands.add_parser(
        "serve",
        help="serve the sandbox until stopped (Ctrl+C)",
        description=(
            "Serve a Webex tenant (people/me and SCIM 2 under /identity/scim/ORGID/v2/) and a "
            "generic SCIM 2.0 application (/scim/v2/) on 127.0.0.1, print their URLs and "
            "sandbox-only tokens, and run until Ctrl+C or SIGTERM."
        ),
        epilog="exit codes: 0 stopped cleanly, 2 bad option or port in use",
    )
    serve.add_argument("--port", type=int, default=0, help="TCP port (default: a free one)")
    serve.add_argument(
        "--seed-users", type=int, default=0, metavar="N", help="start with N sample users"
    )
    serve.add_argument(
        "--seed-groups", type=int, default=0, metavar="N", help="start with N sample groups"
    )
    serve.add_argument(
        "--seed", type=int, default=0, help="seed for sample names and fault draws (default 0)"
    )
    serve.add_argument(
        "--rate-limit",
        type=float,
        metavar="R",
        help="answer 429 with Retry-After beyond R requests per second",
    )
    serve.add_argument(
        "--latency-ms", type=float, default=0.0, metavar="L", help="add L ms to every answer"
    )
    serve.add_argument(
        "--faults",
        metavar="SPEC",
        default="",
        help="inject faults, e.g. 5xx=0.1,reset=0.01,malformed=0.01,429=0.05 (probabilities)",
    )
    serve.add_argument(
        "--state-file",
        type=Path,
        metavar="PATH",
        help="keep the tenant in this SQLite file across restarts (default: in memory)",
    )
    serve.add_argument(
        "--json",
        action="store_true",
        help="print the URLs and tokens as one JSON line (for scripts)",
    )
    serve.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    # deferred: hypercorn and scim2-server load only when the sandbox serves, not for --help
    from app.sandbox.server import SandboxConfig, SandboxServer

    config = SandboxConfig(
        seed_users=args.seed_users,
        seed_groups=args.seed_groups,
        seed=args.seed,
        rate_limit=args.rate_limit,
        latency_ms=args.latency_ms,
        faults=args.faults,
        state_file=args.state_file,
        port=args.port,
    )
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C where signal handlers are missing
        asyncio.run(_serve(SandboxServer(config), as_json=args.json))
    print(cli_text(said.SANDBOX_STOPPED()), file=sys.stderr)
    return int(ExitCode.OK)


async def _serve(server: SandboxServer, *, as_json: bool) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for name in ("SIGINT", "SIGTERM"):
        signum = getattr(signal, name, None)
        if signum is not None:
            with contextlib.suppress(NotImplementedError):  # Windows: Ctrl+C still interrupts
                loop.add_signal_handler(signum, stop.set)
    async with server as sandbox:
        print(describe(sandbox, as_json=as_json), flush=True)
        await stop.wait()


def _column(labels: dict[str, Template], values: dict[str, str], width: int) -> list[str]:
    """`  label value` lines, the labels in a column at least `width` wide."""
    said_labels = {key: cli_text(template()) for key, template in labels.items()}
    width = max([width - 1, *(len(label) for label in said_labels.values())]) + 1
    return [f"  {said_labels[key]:<{width}}{value}" for key, value in values.items()]


def describe(sandbox: SandboxServer, *, as_json: bool = False) -> str:
    """What the admin (or a script) needs to point the program at the sandbox."""
    tokens = sandbox.tokens
    if as_json:
        return json.dumps(
            {
                "base_url": sandbox.base_url,
                "tenant_url": sandbox.tenant_url,
                "people_me_url": sandbox.people_me_url,
                "scim_app_url": sandbox.scim_app_url,
                "org_uuid": sandbox.org_uuid,
                "org_id": sandbox.org_id,
                "tokens": tokens.to_dict(),
                "settings": sandbox.settings,
            }
        )
    settings = sandbox.settings
    rate = settings["rate_limit"]
    addresses = {
        "tenant_url": sandbox.tenant_url,
        "org_id": sandbox.org_id,
        "people_me": sandbox.people_me_url,
        "scim_app": sandbox.scim_app_url,
    }
    tokens_by_name = {
        "full_admin": tokens.full_admin,
        "readonly_admin": tokens.readonly_admin,
        "bot": tokens.bot,
        "expired": tokens.expired,
        "other_org": tokens.other_org,
        "scim_app": tokens.scim_app,
    }
    limit = said.SANDBOX_NO_LIMIT() if rate is None else said.SANDBOX_RATE(rate=f"{rate:g}")
    lines = [
        cli_text(said.SANDBOX_SERVING(url=sandbox.base_url)),
        "",
        *_column(said.SANDBOX_ADDRESSES, addresses, 27),
        "",
        cli_text(said.SANDBOX_TOKENS()),
        *_column(said.SANDBOX_TOKEN_NAMES, tokens_by_name, 28),
        "",
        cli_text(
            said.SANDBOX_SETTINGS(
                rate=limit, latency=f"{settings['latency_ms']:g}", faults=str(settings["faults"])
            )
        ),
        cli_text(said.SANDBOX_CHANGE(url=sandbox.base_url)),
        cli_text(said.SANDBOX_CTRL_C()),
    ]
    return "\n".join(lines)
