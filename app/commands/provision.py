"""`provision`: one user now, step by step (provisioning on demand), from the command line."""

from __future__ import annotations

import argparse
import asyncio
import json
from typing import TYPE_CHECKING, Any

from app.commands.engine_args import EXIT_CODES, device_code_prompt, load_profile
from app.errors import ExitCode
from app.language import cli_text
from app.sync.events import Status, SyncEvent

if TYPE_CHECKING:
    from app.config.profile import Profile


def register(subparsers: Any) -> None:
    provision = subparsers.add_parser(
        "provision",
        help="provision one user now, showing each step (provisioning on demand)",
        epilog=EXIT_CODES,
    )
    provision.add_argument("--profile", required=True, metavar="NAME")
    provision.add_argument("--user", required=True, metavar="USERNAME")
    provision.add_argument(
        "--dry-run", action="store_true", help="show the steps and the action; send nothing"
    )
    provision.add_argument("--json", action="store_true", help="machine-readable output")
    provision.set_defaults(handler=_provision)


def _provision(args: argparse.Namespace) -> int:
    # deferred: keyring loads for a command, not for --help
    from app.config.secrets import resolve_webex_token

    profile = load_profile(args.profile)
    token = resolve_webex_token(profile.name)
    event = asyncio.run(_provision_one(profile, token, args))
    _print_steps(event, as_json=args.json)
    if event.status == Status.FAILURE:
        return int(ExitCode.FAILURES)
    if event.status == Status.SKIPPED and not event.source_id:
        return int(ExitCode.BAD_INPUT)  # not in the source
    return int(ExitCode.OK)


async def _provision_one(profile: Profile, token: str, args: argparse.Namespace) -> SyncEvent:
    # deferred: the engine (httpx, pydantic, SCIM models) loads for a command, not --help
    from app.run.cycle import ProfileEngine
    from app.run.signin import SignInHooks  # deferred: as above, the Entra sign-in's libraries

    hooks = SignInHooks(device_code=device_code_prompt(args))
    async with ProfileEngine(profile, token=token, sign_in=hooks) as opened:
        return await opened.engine.provision_one(args.user, apply=not args.dry_run)


def _print_steps(event: SyncEvent, *, as_json: bool) -> None:
    if as_json:
        print(
            json.dumps(
                {
                    "user_name": event.user_name,
                    "action": event.action,
                    "status": event.status.value if event.status else "",
                    "target_id": event.target_id,
                    "steps": list(event.steps),
                    "message": event.message,
                    "next_step": event.next_step,
                },
                ensure_ascii=False,
            )
        )
    else:
        steps = _steps_in_language(event)
        for number, step in enumerate(steps, start=1):
            print(step if step.startswith("  ") else f"{number}. {step}")


def _steps_in_language(event: SyncEvent) -> list[str]:
    """The steps in the reader's language when the engine coded them all (a coded step keeps
    the indent of its plain text), else as they are."""
    coded = getattr(event, "coded_steps", ())
    if len(coded) != len(event.steps):
        return list(event.steps)
    steps = []
    for plain, said in zip(event.steps, coded, strict=True):
        text = cli_text(said)
        indent = plain[: len(plain) - len(plain.lstrip())]
        steps.append(text if text.startswith(indent) else indent + text)
    return steps
