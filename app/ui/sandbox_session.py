"""`--sandbox`: the Webex sandbox and the Graph sandbox served on loopback, and the wizard's defaults.

Both serve from threads of their own (their `in_thread` context managers) so that the
window's event loop stays free for the program itself.
"""

from __future__ import annotations

import contextlib
import logging

from app.config.profile import EntraSettings
from app.sandbox.graph.server import GraphSandbox
from app.sandbox.server import SandboxConfig, SandboxServer
from app.ui.resources import sample_csv_path
from app.ui.wizard_draft import WizardDefaults

log = logging.getLogger(__name__)

SANDBOX_SEED_USERS = 3  # a few users already in the tenant, so the first sync matches some


def start_sandboxes(stack: contextlib.ExitStack) -> WizardDefaults:
    """Start the sandboxes (stopped when `stack` closes); the wizard's filled-in defaults."""
    server = stack.enter_context(
        SandboxServer.in_thread(SandboxConfig(seed_users=SANDBOX_SEED_USERS))
    )
    defaults = WizardDefaults(
        profile_name="sandbox",
        tenant_url=server.tenant_url,
        token=server.tokens.full_admin,
        csv_path=sample_csv_path(),
        sandbox=True,
    )
    try:
        graph = stack.enter_context(GraphSandbox.in_thread())
    except Exception:  # the Webex sandbox is enough for a first run; say why Entra is missing
        log.exception("the Graph sandbox did not start; the Entra ID source is not prefilled")
        return defaults
    defaults.entra = EntraSettings(
        tenant_id=graph.tenant_id,
        client_id=graph.client_id,
        authority=graph.authority,
        graph_url=graph.graph_url,
        ca_file=graph.ca_file,
    )
    defaults.entra_client_secret = graph.client_secret
    return defaults
