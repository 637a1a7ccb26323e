"""The sandbox's generic SCIM 2.0 application ("another SCIM app"), mounted at /scim/v2/.

It is scim2-server as it comes (with the sandbox's cheaper Bulk answers, service.py): full discovery (ServiceProviderConfig with bulk, filter, sort
and ETags; ResourceTypes; Schemas), behind one bearer token of its own.
"""

from __future__ import annotations

import functools
import secrets
from typing import Any

from scim2_models import AuthenticationScheme, ScimProvider, UnauthorizedException
from scim2_server.applications.asgi import ASGIApplication
from scim2_server.requests import ScimRequest
from scim2_server.storage import AsyncScimStorage
from scim2_server.utils import (
    load_default_resource_types,
    load_default_schemas,
    load_default_service_provider_config,
)

from app.sandbox.service import SandboxService
from app.sandbox.webex_tokens import bearer_token

MOUNT = "/scim"  # the application's root: its SCIM base is /scim/v2/


@functools.cache
def generic_provider() -> ScimProvider:
    config = load_default_service_provider_config().model_copy(
        update={
            "authentication_schemes": [
                AuthenticationScheme(
                    type=AuthenticationScheme.Type.oauthbearertoken,
                    name="OAuth Bearer Token",
                    description="The sandbox SCIM application's bearer token",
                )
            ]
        }
    )
    return ScimProvider.from_discovery(
        load_default_schemas().values(), load_default_resource_types().values(), config=config
    )


class GenericScimApplication(ASGIApplication):
    """scim2-server's ASGI application with a single accepted bearer token."""

    def __init__(self, storage: AsyncScimStorage, *, token: str) -> None:
        provider = generic_provider()
        super().__init__(storage, provider, SandboxService(provider))
        self._token = token

    def check_auth(self, request: ScimRequest) -> None:
        token = bearer_token(request.header("Authorization")) or ""
        if not secrets.compare_digest(token, self._token):
            raise UnauthorizedException(detail="A valid bearer token is required.")

    def get_subject(self, request: ScimRequest) -> Any:
        return "sandbox-scim-client"
