"""A throw-away certificate authority and a loopback server certificate for the sandboxes.

msal refuses plain-http authorities, so the Graph sandbox speaks TLS on 127.0.0.1 with a
certificate issued by a CA made here (trustme). Clients trust that CA the standard way: its
PEM file is handed to httpx (app.net's `extra_ca`) and to msal (`verify=`), or named by
REQUESTS_CA_BUNDLE / SSL_CERT_FILE. Certificate checks stay on everywhere.
"""

from __future__ import annotations

import shutil
import ssl
import tempfile
from pathlib import Path
from types import TracebackType

import trustme

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


class LoopbackTLS:
    """A CA plus a server certificate for the loopback names, written as PEM files.

    `ca_file` is the CA certificate clients trust; `cert_file` (leaf + chain) and `key_file`
    are for the server. The files live in `directory` (a private temporary folder unless
    one is given) until `cleanup()`.
    """

    def __init__(
        self, directory: Path | None = None, *, organization: str = "webex-provisioner sandbox"
    ) -> None:
        self._owns_directory = directory is None
        self.directory = (
            Path(tempfile.mkdtemp(prefix="wp-sandbox-tls-")) if directory is None else directory
        )
        self.directory.mkdir(parents=True, exist_ok=True)
        ca = trustme.CA(organization_name=organization)
        leaf = ca.issue_cert(*LOOPBACK_NAMES, common_name="127.0.0.1")
        self.ca_file = self.directory / "sandbox-ca.pem"
        self.cert_file = self.directory / "sandbox-server.pem"
        self.key_file = self.directory / "sandbox-server.key"
        ca.cert_pem.write_to_path(str(self.ca_file))
        leaf.private_key_pem.write_to_path(str(self.key_file))
        with self.cert_file.open("wb") as chain:
            for blob in leaf.cert_chain_pems:
                chain.write(blob.bytes())
        self.key_file.chmod(0o600)

    def server_context(self) -> ssl.SSLContext:
        """An SSL context for a server presenting the loopback certificate (HTTP/2 and 1.1)."""
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(self.cert_file), str(self.key_file))
        context.set_alpn_protocols(["h2", "http/1.1"])
        return context

    def cleanup(self) -> None:
        if self._owns_directory:
            shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> LoopbackTLS:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.cleanup()
