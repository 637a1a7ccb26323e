"""Shared by the reliability tests: the chaos script's source and tenant checks, secret scans."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]


def load_chaos() -> ModuleType:
    """scripts/chaos.py as a module (scripts/ is not a package)."""
    name = "webex_provisioner_chaos"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / "chaos.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def secret_forms(secret: str) -> dict[str, bytes]:
    """The byte strings that betray `secret`: as text (UTF-8 and UTF-16) and inside base64.

    For base64 the secret may start at any byte of the encoded data: for each of the three
    alignments, the characters that depend on the secret's bytes alone are searched for, in
    the standard and the URL-safe alphabet (Basic auth, AUTH PLAIN, JWT-like blobs).
    """
    import base64

    raw = secret.encode("utf-8")
    forms = {"text": raw, "utf-16": secret.encode("utf-16-le")}
    for pad in range(3):
        first = -(-8 * pad // 6)
        last = 8 * (pad + len(raw)) // 6
        data = b"\0" * pad + raw
        forms[f"base64+{pad}"] = base64.b64encode(data)[first:last]
        forms[f"base64url+{pad}"] = base64.urlsafe_b64encode(data)[first:last]
    return forms


def find_secrets(data: bytes, secrets: dict[str, str]) -> list[str]:
    """'<secret name> as <form>' for each secret found in `data`."""
    found = []
    for name, secret in secrets.items():
        for form, needle in secret_forms(secret).items():
            if needle and needle in data:
                found.append(f"{name} as {form}")
    return found


def scan_tree(root: Path, secrets: dict[str, str]) -> dict[str, list[str]]:
    """Every file under `root` holding a secret: path -> what was found."""
    hits = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        found = find_secrets(path.read_bytes(), secrets)
        if found:
            hits[str(path.relative_to(root))] = found
    return hits
