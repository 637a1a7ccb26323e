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
import sys
from typing import TYPE_CHECKING, Any

from app.language import cli_text
from app.messages import message

if TYPE_CHECKING:
    from app.directory.entra.auth import DeviceCodePrompt

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


def run_whoami(args: argparse.Namespace) -> int:
    # deferred: httpx and pydantic load only when the command runs, not for --help
    from app.commands.whoami import whoami

    return whoami(args)


def run_test_connection(args: argparse.Namespace) -> int:
    # deferred: the SCIM libraries, msal and pydantic load only when the checks run
    from app.commands.connection_checks import check_connection

    return check_connection(args)


OPEN_AND_ENTER = message("sign_in.device_code.open", "Open {url} and enter {code}.")
WAITING_FOR_SIGN_IN = message("sign_in.device_code.waiting", "Waiting for the sign-in...")


def print_prompt(prompt: DeviceCodePrompt) -> None:
    """The CLI's device-code callback: the URL and the code on stderr (stdout may be JSON).

    The sign-in then waits, polling, until the admin has entered the code or it expires.
    """
    opening = OPEN_AND_ENTER(url=prompt.verification_uri, code=prompt.user_code)
    print(prompt.message or cli_text(opening), file=sys.stderr, flush=True)
    print(cli_text(WAITING_FOR_SIGN_IN()), file=sys.stderr, flush=True)


__all__ = ["ENV_VAR", "EXIT_CODES_HELP", "print_prompt", "register"]
