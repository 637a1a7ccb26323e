"""scim2-server's service with a cheaper Bulk: the same answers, without the work nobody sees.

A Bulk request of 100 creations spent most of its time in places that change nothing in the
answer: publishing every created resource (a deep copy and a walk of its references) only to
read its location and version back; looking for "bulkId:" references inside every
operation's data twice, by walking each validated model field by field, in a request whose
body holds no such reference; validating and dumping the plain outcomes of the answer with
scim2-models; and deep copies in the storage (see store.TenantStorage.create).
Both sandbox applications (the Webex tenant and the generic SCIM app) use this service.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Any, Union, cast

from scim2_models import (
    Bulk,
    BulkOperation,
    BulkRequest,
    Context,
    InvalidValueException,
    PayloadTooLargeException,
    Resource,
)
from scim2_server.bulk import BULK_ID_PREFIX, BulkPlan, BulkStep
from scim2_server.responses import ScimResponse
from scim2_server.service import BULK_SUCCESS_STATUS, ScimService
from scim2_server.utils import parametrize

from app.webex.constants import BULK_RESPONSE

_REFERENCE = BULK_ID_PREFIX.encode()


class _PlanWithoutReferences(BulkPlan):
    """A bulk plan for a body that holds no "bulkId:" reference: operations run in order.

    scim2-server finds the references by walking every operation's validated data; when the
    raw body cannot contain the text at all (see holds_no_reference),
    there is none to find, and the walk is skipped. Everything else, the duplicate bulkId
    check included, is the same.
    """

    @staticmethod
    def references(operation: BulkOperation[Resource[Any]]) -> list[str]:
        return []

    def resolve(self, step: BulkStep) -> BulkOperation[Resource[Any]]:
        operation = self.operation(step)
        if (
            operation.method == BulkOperation.Method.post
            and operation.bulk_id is not None
            and not self.is_creation(step.index, operation.bulk_id)
        ):
            raise InvalidValueException(
                detail=f"The bulkId {operation.bulk_id} is not unique in the request"
            )
        return operation


# A \u escape of one of the characters of "bulkId:": the only way to spell it otherwise.
_ESCAPED_REFERENCE_CHARACTER = re.compile(rb"\\u00(?:62|75|6c|6b|49|64|3a)", re.IGNORECASE)


def holds_no_reference(body: bytes) -> bool:
    """True when a bulk body cannot hold a "bulkId:" reference.

    JSON can spell the text only literally or with \\u escapes of some of its characters;
    a body with neither holds none (escapes of other characters, é say, do not matter).
    """
    return _REFERENCE not in body and _ESCAPED_REFERENCE_CHARACTER.search(body) is None


class SandboxService(ScimService):
    """ScimService whose Bulk answers are built without publishing each resource."""

    def read_bulk(self, body: bytes, content_type: str | None) -> BulkPlan:
        """ScimService.read_bulk, with a plan that skips the reference walk when it can."""
        if not holds_no_reference(body):
            return super().read_bulk(body, content_type)
        self.ensure_supported(self.config.bulk, "Bulk")
        bulk = cast(Bulk, self.config.bulk)
        self.ensure_bulk_payload_size(len(body))
        bulk_request = self.read_body(
            parametrize(BulkRequest, Union[tuple(self.get_models())]),  # noqa: UP007
            body,
            content_type,
            Context.BULK_REQUEST,
        )
        operations = bulk_request.operations or []
        if bulk.max_operations is not None and len(operations) > bulk.max_operations:
            raise PayloadTooLargeException(
                detail=f"The number of operations exceeds the maxOperations ({bulk.max_operations})"
            )
        return _PlanWithoutReferences(
            cast(list[BulkOperation[Resource[Any]]], operations), bulk_request.fail_on_errors
        )

    def bulk_response(self, plan: BulkPlan) -> ScimResponse:
        """The BulkResponse; when every operation succeeded, written straight as JSON.

        A success's outcome is plain data (method, bulkId, version, location, status), and
        ScimService.bulk_response validates and dumps it through scim2-models (a tenth of a
        bulk creation's cost) to the same JSON. Outcomes with an error response go that way.
        """
        outcomes = plan.outcomes()
        if any("response" in outcome for outcome in outcomes):
            return super().bulk_response(plan)
        operations = []
        for outcome in outcomes:
            method = outcome.get("method")
            entry = {
                "method": getattr(method, "value", method),
                "bulkId": outcome.get("bulk_id"),
                "version": outcome.get("version"),
                "location": outcome.get("location"),
                "status": str(int(outcome["status"])),
            }
            operations.append({key: value for key, value in entry.items() if value is not None})
        return ScimResponse(HTTPStatus.OK, {"schemas": [BULK_RESPONSE], "Operations": operations})

    def bulk_success(
        self,
        base_url: str,
        operation: BulkOperation[Resource[Any]],
        outcome: dict[str, Any],
        resource: Resource[Any] | None,
    ) -> dict[str, Any]:
        """The outcome of a bulk operation that succeeded: its status, location and version.

        scim2-server publishes the whole resource (a deep copy) to read these two values; they
        come straight from the stored resource here, as publish() would set them.
        """
        assert operation.method is not None
        outcome["status"] = BULK_SUCCESS_STATUS[operation.method]
        if resource is None:
            return outcome
        assert resource.meta is not None and resource.id is not None
        outcome["location"] = self.resource_location(
            base_url, self.get_resource_type_of(resource), resource.id
        )
        outcome["version"] = resource.meta.version if self.etag_supported else None
        return outcome


__all__ = ["SandboxService", "holds_no_reference"]
