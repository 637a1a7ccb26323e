"""Tenant URLs: the forms the tutorials print, normalised to the SCIM 2 base Webex serves today."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal
from urllib.parse import SplitResult, unquote, urlsplit

from app.errors import InputError
from app.net import is_loopback_host
from app.webex import url_messages as M
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

WHERE_TO_FIND_ORG = M.WHERE_TO_FIND_ORG
EXAMPLE = M.EXAMPLE_URL

# Domains under which Webex serves its API (api-usgov.webex.com for Webex for Government).
WEBEX_API_DOMAINS = ("webexapis.com", "webex.com", "ciscospark.com")
# Letters of other alphabets drawn like Latin ones (the usual IDN homograph tricks).
_CONFUSABLES = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i",
        "ѕ": "s", "ј": "j", "ԁ": "d", "ԝ": "w", "ɑ": "a", "ο": "o", "α": "a", "ε": "e",
        "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ı": "i",
    }
)  # fmt: skip
HostKind = Literal["webex", "loopback", "lookalike", "other"]


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


def host_kind(host: str) -> HostKind:
    """What a tenant URL's host is: Webex's API ("webex"), this computer ("loopback", the
    sandbox and tests), a look-alike of Webex's API host ("lookalike": a typo such as
    webexapi.com, a letter of another alphabet, webexapis.com.evil.example) or "other"."""
    name = host.strip().strip("[]").rstrip(".").lower()
    if is_loopback_host(name):
        return "loopback"
    decoded = _decode_idna(name)
    if decoded.isascii() and _is_webex_domain(decoded):
        return "webex"
    skeleton = _skeleton(decoded)
    if not decoded.isascii() and any(word in skeleton for word in ("webex", "ciscospark")):
        return "lookalike"  # Webex's name drawn with a letter of another alphabet
    if _resembles_webex(skeleton):
        return "lookalike"
    return "other"


def is_webex_api_host(host: str) -> bool:
    return host_kind(host) == "webex"


def _is_webex_domain(name: str) -> bool:
    return any(name == domain or name.endswith("." + domain) for domain in WEBEX_API_DOMAINS)


def _decode_idna(name: str) -> str:
    """The host as read by a person: xn-- labels decoded (a bad one is left as it is)."""
    labels = []
    for label in name.split("."):
        if label.startswith("xn--"):
            with contextlib.suppress(UnicodeError):  # not valid punycode: shown as typed
                label = label.encode("ascii").decode("idna")
        labels.append(label)
    return ".".join(labels)


def _skeleton(name: str) -> str:
    """The host with look-alike letters replaced by the Latin ones they imitate."""
    folded = unicodedata.normalize("NFKD", name.translate(_CONFUSABLES))
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()


def _resembles_webex(name: str) -> bool:
    """A name one or two keystrokes from a Webex API domain, one with another ending
    (webexapis.net), or one that starts with a Webex host (webexapis.com.evil.example)."""
    labels = [label for label in name.split(".") if label]
    for domain in (*WEBEX_HOSTS, *WEBEX_API_DOMAINS):
        if name.startswith(domain + ".") or f".{domain}." in f".{name}":
            return True
        for size in (2, 3):
            tail = ".".join(labels[-size:])
            if len(labels) >= size and _distance(tail, domain) <= (1 if len(domain) < 10 else 2):
                return True
    if len(labels) >= 2:
        registrable = labels[-2]
        return any(
            _distance(registrable, domain.split(".")[0]) <= 1 for domain in WEBEX_API_DOMAINS
        )
    return False


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions), small strings only."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


def _shown_host(host: str) -> str:
    """The host as typed, with its ASCII (punycode) form when it has other letters."""
    if host.isascii():
        return host
    try:
        return f"{host} ({host.encode('idna').decode('ascii')})"
    except UnicodeError:
        return ascii(host)


def _check_host(host: str, *, identity_path: bool) -> None:
    """Refuse a look-alike of Webex's API host, and a Webex path on a host not Webex's."""
    kind = host_kind(host)
    if kind == "lookalike":
        raise TenantUrlError(
            M.LOOKALIKE(host=_shown_host(host)),
            M.LOOKALIKE_STEP(example=EXAMPLE),
        )
    if identity_path and kind == "other":
        raise TenantUrlError(
            M.NOT_WEBEX_HOST(host=_shown_host(host)),
            M.NOT_WEBEX_HOST_STEP(example=EXAMPLE),
        )


def webex_scim_base(scheme: str, netloc: str, org_uuid: str) -> str:
    return f"{scheme}://{netloc}/identity/scim/{org_uuid}/v2/"


def parse_tenant_url(text: str) -> TenantTarget:
    """Parse what the admin pasted as "Tenant URL", or raise TenantUrlError saying what to fix."""
    parts = _split_checked(text)
    scheme, netloc, host = parts.scheme.lower(), _netloc(parts), (parts.hostname or "").lower()
    path = parts.path or "/"
    _check_host(host, identity_path=bool(_IDENTITY_PREFIX.match(path)))

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
            M.NO_ORG_IN_WEBEX_URL(),
            M.NO_ORG_IN_WEBEX_URL_STEP(example=EXAMPLE, where=WHERE_TO_FIND_ORG()),
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
    _check_host(host, identity_path=bool(_IDENTITY_PREFIX.match(parts.path or "")))
    if host in WEBEX_HOSTS:
        return DEFAULT_PEOPLE_ME_URL
    if _IDENTITY_PREFIX.match(parts.path or ""):
        return f"{parts.scheme.lower()}://{_netloc(parts)}/v1/people/me"
    raise TenantUrlError(
        M.NO_PEOPLE_ME(),
        M.NO_PEOPLE_ME_STEP(example=EXAMPLE),
    )


def tenant_url_with_org(text: str, org_uuid: str) -> str:
    """The tenant URL with its orgId filled in (replacing a placeholder, a missing or another orgId)."""
    org = org_uuid_from_org_id(org_uuid)
    if not text.strip():
        return webex_scim_base("https", WEBEX_API_HOST, org)
    parts = _split_checked(_without_placeholder(text))
    host = (parts.hostname or "").lower()
    _check_host(host, identity_path=bool(_IDENTITY_PREFIX.match(parts.path or "")))
    if host in WEBEX_HOSTS:
        return webex_scim_base("https", WEBEX_API_HOST, org)
    if _IDENTITY_PREFIX.match(parts.path or ""):
        return webex_scim_base(parts.scheme.lower(), _netloc(parts), org)
    raise TenantUrlError(
        M.TAKES_NO_ORG(),
        M.TAKES_NO_ORG_STEP(example=EXAMPLE),
    )


def _without_placeholder(text: str) -> str:
    """The URL with a bracketed placeholder ([Tenant ID], {orgId}, <OrgId>) taken out."""
    value = unquote(text.strip())
    # Only in the path: an IPv6 host ([::1]) is bracketed too.
    start = value.find("/", value.find("://") + 3) if "://" in value else 0
    if start < 0:
        return value
    return value[:start] + _BRACKETED.sub("", value[start:])


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
        raise TenantUrlError(M.NO_ORG(), WHERE_TO_FIND_ORG())
    try:
        return org_uuid_from_org_id(raw)
    except OrgIdError as exc:
        raise TenantUrlError(
            exc.coded_message or exc.message, exc.coded_next_step or exc.next_step
        ) from None


def _refuse_placeholder(text: str) -> None:
    value = unquote(text)
    segments = [segment for segment in value.split("/") if segment]
    if _PLACEHOLDER_MARKS.search(value) or any(_PLACEHOLDER_WORDS.match(s) for s in segments):
        raise TenantUrlError(
            M.PLACEHOLDER(),
            M.PLACEHOLDER_STEP(where=WHERE_TO_FIND_ORG()),
        )


def _split_checked(text: str) -> SplitResult:
    """Split a URL after the refusals that apply to every form."""
    value = text.strip()
    if not value:
        raise TenantUrlError(
            M.EMPTY(),
            M.EMPTY_STEP(example=EXAMPLE),
        )
    if any(ch.isspace() for ch in value):
        if _PLACEHOLDER_IN_TEXT.search(value):
            _refuse_placeholder("[placeholder]")
        raise TenantUrlError(M.SPACES(), M.SPACES_STEP())
    if "://" not in value:
        raise TenantUrlError(
            M.NO_SCHEME(),
            M.NO_SCHEME_STEP(),
        )
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise TenantUrlError(M.INVALID(), M.INVALID_STEP()) from None
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in {"https", "http"}:
        raise TenantUrlError(
            M.BAD_SCHEME(scheme=scheme),
            M.BAD_SCHEME_STEP(),
        )
    if not host:
        raise TenantUrlError(M.NO_HOST(), M.NO_HOST_STEP())
    if scheme == "http" and not is_loopback_host(host):
        raise TenantUrlError(
            M.PLAIN_HTTP(),
            M.PLAIN_HTTP_STEP(),
        )
    if parts.username is not None or parts.password is not None:
        raise TenantUrlError(
            M.CREDENTIALS(),
            M.CREDENTIALS_STEP(),
        )
    if parts.query or value.endswith("?"):
        raise TenantUrlError(M.QUERY(), M.QUERY_STEP())
    if parts.fragment or value.endswith("#"):
        raise TenantUrlError(M.FRAGMENT(), M.FRAGMENT_STEP())
    del port
    return parts
