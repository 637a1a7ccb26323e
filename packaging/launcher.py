"""The bundle's entry point: the same as `python -m app` (the `webex-provisioner` command)."""

from app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
