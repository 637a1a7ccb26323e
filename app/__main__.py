"""`python -m app` is the `webex-provisioner` command."""

from app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
