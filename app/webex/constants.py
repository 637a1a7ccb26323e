"""SCIM message schemas and Webex's bulk limits, without loading the SCIM libraries."""

from __future__ import annotations

WEBEX_IDENTITY_SCHEMA = "urn:scim:schemas:extension:cisco:webexidentity:2.0:User"
ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group"
PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
BULK_REQUEST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest"
WEBEX_BULK_MAX_OPERATIONS = 100  # webex-api-facts: "at most 100 operations per request"
WEBEX_BULK_MAX_BYTES = 1024 * 1024
