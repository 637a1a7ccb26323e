"""Cisco's Webex Admin OpenAPI spec (resources/vendor/) as a judge of one request and its answer.

`violations(exchange)` validates an exchange the sandbox observed (app.sandbox.recording.Exchange)
with openapi-core: the operation must exist in the spec, its parameters and request body must
match it, and the answer's status, content type and body must be one the spec gives for that
operation. The result is a list of readable lines, empty when both sides conform.

Where the paths live. The spec's `servers` is https://webexapis.com/v1, but its SCIM paths
(/identity/scim/{orgId}/v2/...) are served from https://webexapis.com without /v1 (the paths'
own descriptions and reference/webex-api-facts.md say so). `spec_url` maps a sandbox path onto
the spec: /v1/X is the spec's /X; /identity/... is the spec's /identity/... (and nothing else:
/v1/identity/... or a SCIM path at the root of the API are not in the spec).

The spec is used as Cisco publishes it, except for the few places where its schemas contradict
its own text and examples (ERRATA below, each with its reason): a judge that refused what the
spec's own example shows would only teach us to ignore it.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from openapi_core import OpenAPI
from openapi_core.templating.paths.exceptions import PathError
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.testing import MockRequest, MockResponse

from app.sandbox.recording import Exchange

SPEC_FILE = (
    Path(__file__).resolve().parents[2]
    / "resources"
    / "vendor"
    / "webex-admin-scim-subset.openapi.json"
)
SERVER = "https://webexapis.com/v1"  # the spec's own `servers`
_HOST = "https://webexapis.com"
_SCIM_PREFIXES = ("/identity/",)
_MESSAGE_LIMIT = 300


def _set(document: dict[str, Any], pointer: str, value: Any) -> None:
    *parents, last = pointer.strip("/").split("/")
    node = document
    for part in parents:
        node = node[part.replace("~1", "/").replace("~0", "~")]
    node[last.replace("~1", "/").replace("~0", "~")] = value


def _get(document: dict[str, Any], pointer: str) -> Any:
    node: Any = document
    for part in pointer.strip("/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


@dataclass(frozen=True)
class Erratum:
    """One place where Cisco's schema contradicts Cisco's own text or example, and the fix."""

    pointer: str  # JSON pointer into the spec
    reason: str
    amend: Callable[[Any], Any]  # the value at `pointer` -> the value the judge uses


_BULK = "/paths/~1identity~1scim~1{orgId}~1v2~1Bulk/post"
_BULK_OPERATION_RESULT = {
    "type": "object",
    "required": ["method", "status"],
    "properties": {
        "location": {"type": "string"},
        "method": {"type": "string", "enum": ["POST", "PATCH", "DELETE"]},
        "bulkId": {"type": "string"},
        "version": {"type": "string"},
        "status": {"type": "string"},
        "response": {"type": "object"},
    },
}

_CISCO_USER = "urn:scim:schemas:extension:cisco:webexidentity:2.0:User"
_USER_SCHEMAS = ("PostUser", "PutUser", "GetUserResponse", "SearchGetUserResponse")
_ANSWER_USER_SCHEMAS = ("GetUserResponse", "SearchGetUserResponse")


def _numbered_attributes(properties: dict[str, Any]) -> dict[str, Any]:
    """'extensionAttribute*' and 'externalAttribute*' spelled out as the names 1 to 15."""
    result = {k: v for k, v in properties.items() if not k.endswith("*")}
    for name, schema in properties.items():
        if name.endswith("*"):
            result.update({f"{name[:-1]}{n}": schema for n in range(1, 16)})
    return result


# Keep this list short: each entry must quote the spec against itself.
ERRATA: tuple[Erratum, ...] = (
    Erratum(
        "/components/schemas/BulkUser/required",
        "a Bulk request's failOnErrors 'is OPTIONAL in a request' (the operation's "
        "description); schemas and operations stay required",
        lambda required: [name for name in required if name != "failOnErrors"],
    ),
    Erratum(
        "/components/schemas/BulkUser/properties/operations/items/properties/data",
        "an operation's data is 'the Resource JSON data as it appears for a single POST or "
        "PATCH resource operation' (its description): a JSON object, where the schema has "
        "the string 'JSON text' of the example",
        lambda data: {"type": "object", "description": data["description"]},
    ),
    Erratum(
        f"{_BULK}/responses/200/content/application~1json/schema",
        "the answer is a BulkResponse (the spec's example: schemas and Operations, each with "
        "location, method, bulkId, version and status as a string), not the request's "
        "BulkUser schema, whose required failOnErrors and operations no answer carries",
        lambda _schema: {
            "type": "object",
            "required": ["schemas", "Operations"],
            "properties": {
                "schemas": {"type": "array", "items": {"type": "string"}},
                "Operations": {"type": "array", "items": _BULK_OPERATION_RESULT},
            },
        },
    ),
    *(
        Erratum(
            f"/components/schemas/{schema}/properties/Operations/items/properties/value",
            "a PATCH operation's value 'may be a quoted value, or it may be a JSON object "
            "containing the sub-attributes' and, without a path, 'a set of attributes' (the "
            "operation's description): any JSON value, where the schema allows only a list "
            f"of {items} (the one example's)",
            lambda value: {"description": value["description"]},
        )
        for schema, items in (("PatchUser", "roles"), ("PatchGroup", "inheritances"))
    ),
    *(
        Erratum(
            f"/components/schemas/{schema}/properties/{_CISCO_USER}/properties",
            "the Cisco extension names its attributes 'extensionAttribute*' and "
            "'externalAttribute*', meaning 'Postfix support from 1 to 15, for example: "
            '"externalAttribute1", ..., "externalAttribute15"\' (their description; the '
            "examples write externalAttribute1): JSON Schema reads the '*' literally and would "
            "check no real name",
            _numbered_attributes,
        )
        for schema in _USER_SCHEMAS
    ),
    *(
        Erratum(
            f"/components/schemas/{schema}/properties/{_CISCO_USER}/properties/accountStatus",
            "an answer's accountStatus is 'an array of additional information about a user's "
            'status\' (its description; every answer example: ["active"]), where the shared '
            "AccountStatusObject is one string (as requests send it: PostUser's example)",
            lambda status: {"type": "array", "items": {"$ref": status["$ref"]}},
        )
        for schema in _ANSWER_USER_SCHEMAS
    ),
)


@functools.cache
def spec_document() -> dict[str, Any]:
    """The vendor file with ERRATA applied (a copy: the file itself is never changed)."""
    document = json.loads(SPEC_FILE.read_text(encoding="utf-8"))
    amended = copy.deepcopy(document)
    for erratum in ERRATA:
        _set(amended, erratum.pointer, erratum.amend(_get(document, erratum.pointer)))
    # `"content": {}` (DELETE's 204) names no media type: no body. openapi-core reads it as
    # a body that must be there ("Missing response data"); without the key it reads it right.
    for item in amended["paths"].values():
        for operation in item.values():
            for response in (operation.get("responses") or {}).values():
                if response.get("content") == {}:
                    del response["content"]
    return amended


@functools.cache
def user_filter_table() -> dict[str, frozenset[str]]:
    """Cisco's "Search users" table, read from the filter parameter's description of
    GET /Users: attribute -> its operators (`name.familyName` -> {eq, sw, ew})."""
    operation = spec_document()["paths"]["/identity/scim/{orgId}/v2/Users"]["get"]
    (described,) = (p["description"] for p in operation["parameters"] if p["name"] == "filter")
    rows = re.findall(r"^\|\s*`([^`]+)`\s*\|\s*([a-z ]+?)\s*\|\s*$", described, re.MULTILINE)
    return {name: frozenset(ops.split()) for name, ops in rows}


@functools.cache
def enterprise_filter_names() -> frozenset[str]:
    """The attributes of that table under "Enterprise Extensions" (the enterprise schema's)."""
    operation = spec_document()["paths"]["/identity/scim/{orgId}/v2/Users"]["get"]
    (described,) = (p["description"] for p in operation["parameters"] if p["name"] == "filter")
    _core, _, enterprise = described.partition("Enterprise Extensions")
    return frozenset(re.findall(r"^\|\s*`([^`]+)`", enterprise, re.MULTILINE))


@functools.cache
def webex_openapi() -> OpenAPI:
    return OpenAPI.from_dict(spec_document())


@functools.cache
def _response_media_types() -> frozenset[str]:
    """The answers' media types the spec names anywhere: an answer with a body is in one of
    them, also where the spec shows no body for that status (every error of the SCIM paths)."""
    types: set[str] = set()
    for item in spec_document()["paths"].values():
        for operation in item.values():
            for response in (operation.get("responses") or {}).values():
                types.update((response.get("content") or {}).keys())
    return frozenset(types)


def spec_url(path: str) -> str | None:
    """The URL under the spec's server for a path the sandbox served, or None if none."""
    if path.startswith(_SCIM_PREFIXES):
        return SERVER + path
    if path.startswith("/v1/") and not path.startswith(tuple("/v1" + p for p in _SCIM_PREFIXES)):
        return SERVER + path.removeprefix("/v1")
    return None


def _find(exchange: Exchange) -> tuple[str, Any] | None:
    """The spec URL of the exchange and the spec's path, operation and server for it."""
    url = spec_url(exchange.path)
    if url is None:
        return None
    try:
        return url, APICallPathFinder(webex_openapi().spec).find(exchange.method.lower(), url)
    except PathError:
        return None


def operation_of(exchange: Exchange) -> str | None:
    """'METHOD /spec/path/{template}' of the exchange, or None when the spec has no such one."""
    found = _find(exchange)
    return None if found is None else f"{exchange.method.upper()} {found[1].path.parts[-1]}"


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _request(exchange: Exchange, url: str) -> MockRequest:
    path = url.removeprefix(_HOST)
    headers = dict(exchange.request_headers)
    args: dict[str, Any] = {}
    for name, value in parse_qsl(exchange.query, keep_blank_values=True):
        args.setdefault(name, value)
    return MockRequest(
        _HOST,
        exchange.method,
        path,
        args=args,
        headers=headers,
        data=exchange.request_body,
        content_type=(headers.get("content-type") or "").lower(),
    )


def _response(exchange: Exchange) -> MockResponse:
    return MockResponse(
        exchange.response_body or b"",
        status_code=exchange.status,
        headers=dict(exchange.response_headers),
        content_type=(exchange.response_header("content-type") or "").lower(),
    )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MESSAGE_LIMIT else text[: _MESSAGE_LIMIT - 1] + "…"


def _explain(error: BaseException) -> Iterator[str]:
    """Readable lines for an openapi-core error: each schema error with where it is, or else
    the innermost cause (the one that says what is wrong)."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__
    schema_errors = [e for link in chain for e in getattr(link, "schema_errors", None) or ()]
    if not schema_errors:
        root = chain[-1]
        yield _short(f"{type(root).__name__}: {root}")
        return
    for schema_error in schema_errors:
        where = "/".join(str(part) for part in schema_error.absolute_path) or "(the whole body)"
        yield _short(f"{type(error).__name__} at {where}: {schema_error.message}")


def _described_content(exchange: Exchange, found: Any) -> bool:
    """Whether the spec gives a body for this status of this operation (openapi-core checks
    those); where it gives none, only the media type can be held to the spec."""
    responses = found.operation / "responses"
    for key in (str(exchange.status), f"{exchange.status // 100}XX", "default"):
        if key in responses:
            return bool((responses / key).get("content"))
    return False


def request_violations(exchange: Exchange) -> list[str]:
    """What is wrong with the request, per the spec (its operation, parameters, body)."""
    if spec_url(exchange.path) is None:
        return [f"{exchange.path} is not a path of the Webex API the spec describes"]
    found = _find(exchange)
    if found is None:
        return [f"the spec has no operation {exchange.method.upper()} {exchange.path}"]
    request = _request(exchange, found[0])
    return [
        line for e in webex_openapi().request_validator.iter_errors(request) for line in _explain(e)
    ]


def response_violations(exchange: Exchange) -> list[str]:
    """What is wrong with the answer, per the spec (its status, content type, body)."""
    lines: list[str] = []
    found = _find(exchange)
    media_type = _media_type(exchange.response_header("content-type"))
    described = found is not None and _described_content(exchange, found[1])
    if exchange.response_body and not described and media_type not in _response_media_types():
        lines.append(
            f"answer's Content-Type {media_type or '(none)'!r}: the spec's answers are "
            f"{', '.join(sorted(_response_media_types()))}"
        )
    if found is not None:
        request, response = _request(exchange, found[0]), _response(exchange)
        for error in webex_openapi().response_validator.iter_errors(request, response):
            lines.extend(_explain(error))
    return lines


def violations(exchange: Exchange, *, judge_request: bool = True) -> list[str]:
    """Every difference between the exchange and the spec, each line naming the exchange
    (without the request's own when `judge_request` is False: a request wrong on purpose)."""
    where = f"{exchange.method} {exchange.target} -> {exchange.status}"
    requests = request_violations(exchange) if judge_request else []
    return [f"{where}: request: {line}" for line in requests] + [
        f"{where}: answer: {line}" for line in response_violations(exchange)
    ]


__all__ = [
    "ERRATA",
    "SERVER",
    "Erratum",
    "enterprise_filter_names",
    "operation_of",
    "request_violations",
    "response_violations",
    "spec_document",
    "spec_url",
    "user_filter_table",
    "violations",
    "webex_openapi",
]
