"""`profile export` and `profile import`: a profile as TOML to copy elsewhere, never with a
secret."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.errors import InputError
from app.paths import write_private_text
from app.run.profiles import profile_store


def export(args: argparse.Namespace) -> int:
    text = profile_store().export(args.name)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_private_text(args.output, text)
    print(f"Profile {args.name} exported to {args.output} (secrets are not included).")
    return 0


def import_profile(args: argparse.Namespace) -> int:
    store = profile_store()
    if args.file == "-":
        text, origin = sys.stdin.read(), "standard input"
    else:
        path = Path(args.file).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(
                f"The file {path} does not exist.", "Check the path of the exported profile."
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                f"The file {path} cannot be read as text ({type(exc).__name__}).",
                "Give the TOML file written by `webex-provisioner profile export`.",
            ) from None
        origin = str(path)
    base_dir = None if args.file == "-" else Path(args.file).expanduser().absolute().parent
    profile = store.import_text(
        text, args.name, replace=args.replace, origin=origin, base_dir=base_dir
    )
    print(f"Profile {profile.name} imported.")
    print(
        f"Secrets are not part of an export: store the token with `webex-provisioner profile "
        f"set {profile.name} --token-stdin` (or set WEBEX_PROVISIONER_TOKEN)."
    )
    return 0
