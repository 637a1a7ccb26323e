"""Tenant URLs: the forms the tutorials print, normalised to the SCIM 2 base Webex serves today."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import SplitResult, unquote, urlsplit

from app.errors import InputError
from app.net import is_loopback_host
from app.webex.orgid import OrgIdError, org_uuid_from_org_id

WEBEX_API_HOST = "webexapis.com"
DEFAULT_PEOPLE_ME_URL = f"https://{WEBEX_API_HOST}/v1/people/me"
# Hosts of Webex's public API: any URL on them must be a tenant URL we know.
WEBEX_HOSTS = frozenset({"webexapis.com", "api.webex.com", "api.ciscospark.com"})
# The 2018 tutorial (api.webex.com) and the current Microsoft tutorial (api.ciscospark.com).
LEGACY_SCIM_HOSTS = frozenset({"api.webex.com", "api.ciscospark.com"})

_LEGACY_PATH = re.compile(r"^/v1/scim/(?P<org>[^/]*)/?$", re.IGNORECASE)
_IDENTITY_PATH = re.compile(r"^/identity/scim/(?P<org>[^/]*)/v2/?$", re.IGNORECASE)
_IDENTITY_PREFIX = re.compile(r"^/identity/scim(/|$)", re.IGNORECASE)
# "[Tenant ID]", "{orgId}", "<OrgId>" or a bare "TenantID" left where the orgId goes.
_PLACEHOLDER_MARKS = re.compile(r"[\[\]{}<>]")
_PLACEHOLDER_WORDS = re.compile(r"^(tenant|org|organi[sz]ation)[\s_-]*id$", re.IGNORECASE)
_BRACKETED = re.compile(r"\[[^\]/]*\]|\{[^}/]*\}|<[^>/]*>")
_PLACEHOLDER_IN_TEXT = re.compile(r"[\[\]{}<>]|(tenant|org)\s+id", re.IGNORECASE)

WHERE_TO_FIND_ORG = 'Use "Get my orgId" (people/me) or copy the orgId from Control Hub.'


class TenantUrlError(InputError):
    """A tenant URL that cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class TenantTarget:
    """Where to provision: a Webex tenant (kind "webex") or another SCIM 2.0 app (kind "scim")."""

    kind: Literal["webex", "scim"]
    scim_base_url: str  # always ends with "/"
    org_uuid: str | None  # the organisation UUID (Webex only)
    people_me_url: str | None  # GET /v1/people/me on the same API host (Webex only)

    @property
    def host(self) -> str:
        return urlsplit(self.scim_base_url).hostname or ""

    @property
    def is_webex(self) -> bool:
        return self.kind == "webex"


def webex_scim_base(scheme: str, netloc: str, org_uuid: str) -> str:
    return f"{scheme}://{netloc}/identity/scim/{org_uuid}/v2/"


def parse_tenant_url(text: str) -> TenantTarget:
    """Parse what the admin pasted as "Tenant URL", or raise TenantUrlError saying what to fix."""
    parts = _split_checked(text)
    scheme, netloc, host = parts.scheme.lower(), _netloc(parts), (parts.hostname or "").lower()
    path = parts.path or "/"

    if host in LEGACY_SCIM_HOSTS and (match := _LEGACY_PATH.match(path)):
        org_uuid = _org_uuid(match["org"])
        return _webex_target("https", WEBEX_API_HOST, org_uuid)
    if match := _IDENTITY_PATH.match(path):
        org_uuid = _org_uuid(match["org"])
        if host in WEBEX_HOSTS:
            return _webex_target("https", WEBEX_API_HOST, org_uuid)
        return _webex_target(scheme, netloc, org_uuid)
    if host in WEBEX_HOSTS or _IDENTITY_PREFIX.match(path):
        _refuse_placeholder(path)
        raise TenantUrlError(
            "This Webex URL has no orgId.",
            "Use https://webexapis.com/identity/scim/{orgId}/v2/ with your orgId. "
            + WHERE_TO_FIND_ORG,
        )
    base = f"{scheme}://{netloc}{path if path.endswith('/') else path + '/'}"
    return TenantTarget(kind="scim", scim_base_url=base, org_uuid=None, people_me_url=None)


def people_me_url_for(text: str) -> str:
    """The people/me URL for a tenant URL, usable before its orgId is known.

    Accepts the URL with the placeholder ([Tenant ID]) left in, or without an orgId; an empty
    text means Webex's public API.
    """
    if not text.strip():
        return DEFAULT_PEOPLE_ME_URL
    parts = _split_checked(_without_placeholder(text))
    host = (parts.hostname or "").lower()
    if host in WEBEX_HOSTS:
        return DEFAULT_PEOPLE_ME_URL
    if _IDENTITY_PREFIX.match(parts.path or ""):
        return f"{parts.scheme.lower()}://{_netloc(parts)}/v1/people/me"
    raise TenantUrlError(
        "This is not a Webex tenant URL, so it has no people/me to ask for an orgId.",
        "For Webex, use https://webexapis.com/identity/scim/{orgId}/v2/; "
        "another SCIM app needs no orgId.",
    )


def tenant_url_with_org(text: str, org_uuid: str) -> str:
    """The tenant URL with its orgId filled in (replacing a placeholder, a missing or another orgId)."""
    org = org_uuid_from_org_id(org_uuid)
    if not text.strip():
        return webex_scim_base("https", WEBEX_API_HOST, org)
    parts = _split_checked(_without_placeholder(text))
    host = (parts.hostname or "").lower()
    if host in WEBEX_HOSTS:
        return webex_scim_base("https", WEBEX_API_HOST, org)
    if _IDENTITY_PREFIX.match(parts.path or ""):
        return webex_scim_base(parts.scheme.lower(), _netloc(parts), org)
    raise TenantUrlError(
        "This is not a Webex tenant URL, so it takes no orgId.",
        "Use https://webexapis.com/identity/scim/{orgId}/v2/ for Webex.",
    )


def _without_placeholder(text: str) -> str:
    """The URL with a bracketed placeholder ([Tenant ID], {orgId}, <OrgId>) taken out."""
    return _BRACKETED.sub("", unquote(text.strip()))


def _webex_target(scheme: str, netloc: str, org_uuid: str) -> TenantTarget:
    return TenantTarget(
        kind="webex",
        scim_base_url=webex_scim_base(scheme, netloc, org_uuid),
        org_uuid=org_uuid,
        people_me_url=f"{scheme}://{netloc}/v1/people/me",
    )


def _netloc(parts: SplitResult) -> str:
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{parts.port}" if parts.port else host


def _org_uuid(segment: str) -> str:
    raw = unquote(segment).strip()
    _refuse_placeholder(raw)
    if not raw:
        raise TenantUrlError("The tenant URL has no orgId.", WHERE_TO_FIND_ORG)
    try:
        return org_uuid_from_org_id(raw)
    except OrgIdError as exc:
        raise TenantUrlError(exc.message, exc.next_step) from None


def _refuse_placeholder(text: str) -> None:
    value = unquote(text)
    segments = [segment for segment in value.split("/") if segment]
    if _PLACEHOLDER_MARKS.search(value) or any(_PLACEHOLDER_WORDS.match(s) for s in segments):
        raise TenantUrlError(
            "The tenant URL still holds the placeholder (such as [Tenant ID]).",
            "Replace it with your orgId. " + WHERE_TO_FIND_ORG,
        )


def _split_checked(text: str) -> SplitResult:
    """Split a URL after the refusals that apply to every form."""
    value = text.strip()
    if not value:
        raise TenantUrlError(
            "The tenant URL is empty.",
            "Paste https://webexapis.com/identity/scim/{orgId}/v2/ with your orgId.",
        )
    if any(ch.isspace() for ch in value):
        if _PLACEHOLDER_IN_TEXT.search(value):
            _refuse_placeholder("[placeholder]")
        raise TenantUrlError(
            "The tenant URL contains spaces.", "Remove the spaces and paste the URL again."
        )
    if "://" not in value:
        raise TenantUrlError(
            "The tenant URL does not start with https://.",
            "Paste the whole URL, starting with https://.",
        )
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise TenantUrlError(
            "The tenant URL is not a valid URL.", "Check the host name and the port number."
        ) from None
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in {"https", "http"}:
        raise TenantUrlError(
            f"The tenant URL uses {scheme}://, which cannot be used.",
            "Use an https:// URL.",
        )
    if not host:
        raise TenantUrlError("The tenant URL has no host name.", "Paste the whole URL.")
    if scheme == "http" and not is_loopback_host(host):
        raise TenantUrlError(
            "Plain http:// is only allowed for this computer (the sandbox).",
            "Use https:// for a real tenant.",
        )
    if parts.username is not None or parts.password is not None:
        raise TenantUrlError(
            "The tenant URL contains a user name or password.",
            "Remove them: the token is given separately.",
        )
    if parts.query or value.endswith("?"):
        raise TenantUrlError(
            "The tenant URL has a query string (after '?').", "Remove everything from the '?'."
        )
    if parts.fragment or value.endswith("#"):
        raise TenantUrlError(
            "The tenant URL has a fragment (after '#').", "Remove everything from the '#'."
        )
    del port
    return parts
