"""The rules the Webex tenant applies to each user and group before it is stored (single, Bulk,
PUT, PATCH): userType required, userName the primary work e-mail, ll_CC languages,
externalAttributeN as {source, value}, accountStatus kept or stamped "active", group members
that exist.
"""

from __future__ import annotations

import functools
import re
import typing
from typing import Any

from pydantic import TypeAdapter
from scim2_models import InvalidValueException, Resource, ResourceType

from app.sandbox.store import TenantStorage
from app.sandbox.webex_schemas import CISCO_ATTRIBUTE_COUNT, USER_TYPES, webex_provider
from app.webex.constants import CISCO_USER

# preferredLanguage and locale: "the 2 letter language code followed by an _ and then the
# 2 letter country code" (en_US, fr_FR).
_LANGUAGE_TAG = re.compile(r"[a-z]{2}_[A-Z]{2}")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# The Cisco extension's field in each parametrized User model (scim2-models names it after
# the extension class); looked up once a model, not through a path on every creation (a
# tenth of the sandbox's time to store a bulk of new users, benchmark P1).
_EXTENSION_FIELDS: dict[type[Any], str | None] = {}


def _extension_field(model: type[Any]) -> str | None:
    if model not in _EXTENSION_FIELDS:
        extension = webex_provider().model_for(CISCO_USER)
        _EXTENSION_FIELDS[model] = next(
            (
                name
                for name, info in model.model_fields.items()
                if extension is not None and extension in typing.get_args(info.annotation)
            ),
            None,
        )
    return _EXTENSION_FIELDS[model]


@functools.cache
def _active_status_template() -> Any:
    extension = webex_provider().model_for(CISCO_USER)
    assert extension is not None
    return extension.model_validate({"accountStatus": ["active"]})


def _assign(resource: Resource[Any], field: str, extension: Any) -> None:
    """Set an extension field to a validated extension without validating the whole
    resource again (pydantic's validate_assignment re-runs every model validator of the
    user: three quarters of the stamp's cost)."""
    resource.__dict__[field] = extension
    resource.__pydantic_fields_set__.add(field)


def _active_status() -> Any:
    """A new Cisco extension with accountStatus ["active"]: a copy of one validated once
    (its list is shared: the storage never changes a stored value in place)."""
    return _active_status_template().model_copy()


class WebexRules:
    """Checks and amends each resource before the storage keeps it (single, bulk, PUT, PATCH).

    `require_email_user_name`: userName must be an e-mail address and the primary work e-mail
    must equal it (Webex's rule); switched off only to run generic SCIM test suites whose
    generated users have random user names.
    """

    def __init__(self, org_uuid: str, *, require_email_user_name: bool = True) -> None:
        self.org_uuid = org_uuid
        self.require_email_user_name = require_email_user_name
        self.storage: TenantStorage | None = None

    def __call__(
        self, resource_type: ResourceType, resource: Resource[Any], creating: bool
    ) -> Resource[Any]:
        if resource_type.name == "User":
            self._check_user_type(resource, creating)
            if self.require_email_user_name:
                self._check_email(resource, creating)
            self._check_languages(resource)
            self._stamp_cisco_extension(resource, creating)
            self._check_external_attributes(resource)
        elif resource_type.name == "Group":
            self._check_members(resource)
        return resource

    @staticmethod
    def _check_user_type(resource: Resource[Any], creating: bool) -> None:
        user_type = getattr(resource, "user_type", None)
        if user_type is None:
            if creating:
                raise InvalidValueException(
                    detail=f"userType is required; use one of {', '.join(USER_TYPES)}."
                )
            return
        if str(user_type) not in USER_TYPES:
            raise InvalidValueException(
                detail=f"userType {user_type!r} is not one of {', '.join(USER_TYPES)}."
            )

    @staticmethod
    def _check_email(resource: Resource[Any], creating: bool) -> None:
        user_name = str(getattr(resource, "user_name", "") or "")
        if not _EMAIL.match(user_name):
            raise InvalidValueException(
                detail=f"userName {user_name!r} must be the user's e-mail address."
            )
        emails = list(getattr(resource, "emails", None) or [])
        if not emails:
            if creating:  # Webex makes the work e-mail from the userName
                model = type(resource).model_fields["emails"].annotation
                resource.emails = _email_list(model, user_name)  # type: ignore[attr-defined]
            return
        primary = next((e for e in emails if getattr(e, "primary", False)), None)
        if primary is None:
            primary = next((e for e in emails if str(getattr(e, "type", "")) == "work"), None)
        if primary is None:
            raise InvalidValueException(
                detail="The user needs a primary work e-mail equal to userName."
            )
        if str(getattr(primary, "type", "") or "work") != "work":
            raise InvalidValueException(detail="The primary e-mail must be of type work.")
        value = str(getattr(primary, "value", "") or "")
        if value.casefold() != user_name.casefold():
            raise InvalidValueException(
                detail=f"The primary work e-mail {value!r} must equal userName {user_name!r}."
            )

    @staticmethod
    def _check_languages(resource: Resource[Any]) -> None:
        for name, field in (("preferredLanguage", "preferred_language"), ("locale", "locale")):
            value = getattr(resource, field, None)
            if value is not None and not _LANGUAGE_TAG.fullmatch(str(value)):
                raise InvalidValueException(
                    detail=f"{name} {str(value)!r} is not a language and country code "
                    "written ll_CC, such as en_US or fr_FR."
                )

    @staticmethod
    def _check_external_attributes(resource: Resource[Any]) -> None:
        """Each externalAttributeN item needs both source and value (ExternalAttributeObject)."""
        field = _extension_field(type(resource))
        extension = getattr(resource, field, None) if field else None
        if extension is None:
            return
        for number in range(1, CISCO_ATTRIBUTE_COUNT + 1):
            for item in getattr(extension, f"external_attribute_{number}", None) or []:
                missing = [n for n in ("source", "value") if not getattr(item, n, None)]
                if missing:
                    raise InvalidValueException(
                        detail=f"externalAttribute{number} items are objects with a source "
                        f"and a value; one has no {' and no '.join(missing)}."
                    )

    def _stamp_cisco_extension(self, resource: Resource[Any], creating: bool) -> None:
        """A new user's accountStatus is ["active"] unless the request set one; a PUT or
        PATCH that leaves it out keeps the stored one (Webex manages it: every answer of
        Cisco's spec carries it)."""
        field = _extension_field(type(resource))
        if field is None:
            return
        status: Any = ["active"]
        if not creating:
            stored = (
                self.storage.peek("User", str(resource.id))
                if self.storage is not None and resource.id
                else None
            )
            kept = getattr(stored, field, None) if stored is not None else None
            status = getattr(kept, "account_status", None)
            if not status:
                return
        extension = getattr(resource, field)
        if extension is None:
            if creating:
                _assign(resource, field, _active_status())
            elif kept is not None:
                _assign(resource, field, type(kept).model_validate({"accountStatus": status}))
        elif not getattr(extension, "account_status", None):
            data = extension.model_dump()
            data["accountStatus"] = list(status)
            _assign(resource, field, type(extension).model_validate(data))

    def _check_members(self, resource: Resource[Any]) -> None:
        storage = self.storage
        if storage is None:
            return
        for member in getattr(resource, "members", None) or []:
            value = getattr(member, "value", None)
            if not value:
                raise InvalidValueException(detail="A group member needs a value (a user id).")
            if (
                storage.peek("User", str(value)) is None
                and storage.peek("Group", str(value)) is None
            ):
                raise InvalidValueException(
                    detail=f"The group member {value!r} is not a user or group of this org."
                )


def _email_list(annotation: Any, user_name: str) -> Any:
    """A one-item `emails` list of the model's own Email class, built through validation."""
    return _adapter(annotation).validate_python(
        [{"value": user_name, "type": "work", "primary": True}]
    )


@functools.cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


__all__ = [
    "WebexRules",
]
