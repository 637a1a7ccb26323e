"""`profile export` and `profile import`: a profile as TOML to copy elsewhere, never with a
secret."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands import profile_messages as said
from app.errors import InputError
from app.language import cli_text
from app.paths import write_private_text
from app.run.profiles import profile_store


def export(args: argparse.Namespace) -> int:
    text = profile_store().export(args.name)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_private_text(args.output, text)
    print(cli_text(said.EXPORTED(name=args.name, path=str(args.output))))
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
            raise InputError(said.NO_FILE(path=str(path)), said.NO_FILE_NEXT()) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                said.UNREADABLE(path=str(path), error=type(exc).__name__), said.UNREADABLE_NEXT()
            ) from None
        origin = str(path)
    base_dir = None if args.file == "-" else Path(args.file).expanduser().absolute().parent
    profile = store.import_text(
        text, args.name, replace=args.replace, origin=origin, base_dir=base_dir
    )
    print(cli_text(said.IMPORTED(name=profile.name)))
    print(cli_text(said.IMPORT_SECRETS(name=profile.name)))
    return 0
