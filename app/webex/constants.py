"""The SCIM schema URNs (RFC 7643/7644 and Cisco's extensions) and Webex's bulk limits.

The one place these names are written; the clients, the engine and both sandboxes import them
from here. Loads no SCIM library.
"""

from __future__ import annotations

CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User"
CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
CISCO_USER = "urn:scim:schemas:extension:cisco:webexidentity:2.0:User"
CISCO_GROUP = "urn:scim:schemas:extension:cisco:webexidentity:2.0:Group"
CISCO_GROUP_MEMBERS = "urn:scim:schemas:extension:cisco:webexidentity:2.0:GroupMembers"
SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema"
RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest"
BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse"
SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
CISCO_ERROR = "urn:scim:schemas:extension:cisco:webexidentity:api:messages:2.0:Error"
WEBEX_BULK_MAX_OPERATIONS = 100  # webex-api-facts: "at most 100 operations per request"
WEBEX_BULK_MAX_BYTES = 1024 * 1024
