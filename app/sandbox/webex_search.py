"""What the Webex tenant lets a search filter and sort on (Cisco's spec, "Search users" and
"Search groups"): anything else is answered 400, as Webex answers it.

Users: the attributes and operators of the spec's filter table (id eq; userName eq sw ew; ...),
joined with and/or, plus the spec's two examples beside the table: a value filter such as
`phoneNumbers[type eq "mobile" and value eq "14170120"]` and the Cisco extension's
`meta.organizationId eq "..."`. Groups: the spec documents `displayName eq` joined with or;
`id eq` names a resource as it does for users. Sort: users by userName, id or
meta.lastModified; groups by displayName, id or meta.lastModified.

`webex_filter` checks a filter and returns the one the sandbox's storage runs: the enterprise
attributes the table names bare (department) qualified with their schema, and the
organization test turned into one that is always true (this org) or always false.
"""

from __future__ import annotations

from collections.abc import Mapping

from scim2_models import InvalidFilterException, InvalidValueException
from scim2_models.path.expressions import (
    AttrPath,
    CompareOperator,
    Comparison,
    FilterNode,
    LogicalExpr,
    Not,
    Present,
    ValuePath,
)
from scim2_models.path.filter import ScimFilter
from scim2_models.path.visitor import FilterVisitor

from app.webex.constants import CISCO_USER, CORE_GROUP, CORE_USER, ENTERPRISE_USER

_EQ = frozenset({CompareOperator.eq})
_EQ_SW = frozenset({CompareOperator.eq, CompareOperator.sw})
_EQ_SW_EW = frozenset({CompareOperator.eq, CompareOperator.sw, CompareOperator.ew})

_EQ_OP = CompareOperator.eq

# Cisco's table, as the spec spells it (compared without case: RFC 7643 §2.1).
USER_FILTERS: Mapping[str, frozenset[CompareOperator]] = {
    "id": _EQ,
    "userName": _EQ_SW_EW,
    "name.familyName": _EQ_SW_EW,
    "name.givenName": _EQ_SW,
    "name.middleName": _EQ_SW,
    "name.formatted": _EQ_SW,
    "displayName": _EQ_SW_EW,
    "nickName": _EQ_SW_EW,
    "emails.display": _EQ_SW_EW,
    "emails.value": _EQ_SW_EW,
    "phoneNumbers.value": _EQ_SW_EW,
    "phoneNumbers.display": _EQ_SW_EW,
}
ENTERPRISE_FILTERS: Mapping[str, frozenset[CompareOperator]] = {
    "employeeNumber": _EQ_SW_EW,
    "costCenter": _EQ_SW_EW,
    "organization": _EQ_SW_EW,
    "division": _EQ_SW_EW,
    "department": _EQ_SW_EW,
    "manager.value": _EQ,
    "manager.displayName": _EQ_SW_EW,
}
GROUP_FILTERS: Mapping[str, frozenset[CompareOperator]] = {"displayName": _EQ, "id": _EQ}
_ORGANIZATION = "meta.organizationid"
# A value filter's own selector: the spec's example selects phoneNumbers by type.
_SELECTOR = "type"

USER_SORT = ("userName", "id", "meta.lastModified")
GROUP_SORT = ("displayName", "id", "meta.lastModified")
SORT_ORDERS = ("ascending", "descending")


def _folded(
    table: Mapping[str, frozenset[CompareOperator]],
) -> dict[str, frozenset[CompareOperator]]:
    return {name.lower(): operators for name, operators in table.items()}


_USER = _folded(USER_FILTERS)
_ENTERPRISE = _folded(ENTERPRISE_FILTERS)
_GROUP = _folded(GROUP_FILTERS)

_ALWAYS = Present(AttrPath("id"))  # every stored resource has an id


def _refuse(text: str) -> InvalidFilterException:
    return InvalidFilterException(detail=text)


class _Rules(FilterVisitor[FilterNode]):
    """Checks each node against the resource type's table and rewrites what needs it."""

    def __init__(self, resource_type: str, org_uuid: str) -> None:
        self.users = resource_type == "User"
        self.what = "users" if self.users else "groups"
        self.core = CORE_USER if self.users else CORE_GROUP
        self.org_uuid = org_uuid

    def _allowed(self, path: AttrPath, op: CompareOperator) -> AttrPath:
        """The path the storage filters on, or 400 when Webex does not filter on `path op`."""
        uri = (path.uri or "").lower()
        name = path.attr + (f".{path.sub_attr}" if path.sub_attr else "")
        key = name.lower()
        table: Mapping[str, frozenset[CompareOperator]] = {}
        result = path
        if uri in ("", self.core.lower()):
            table = _USER if self.users else _GROUP
            if self.users and key not in table and key in _ENTERPRISE:
                table = _ENTERPRISE
                result = AttrPath(path.attr, path.sub_attr, ENTERPRISE_USER)
        elif self.users and uri == ENTERPRISE_USER.lower():
            table = _ENTERPRISE
        operators = table.get(key)
        if operators is None:
            names = [*USER_FILTERS, *ENTERPRISE_FILTERS] if self.users else list(GROUP_FILTERS)
            raise _refuse(
                f"Webex does not filter {self.what} on {path}; it filters on "
                + ", ".join(names)
                + " (Cisco's spec, Search "
                + self.what
                + ")."
            )
        if op not in operators:
            raise _refuse(
                f"Webex filters {self.what} on {name} with "
                + " or ".join(sorted(o.value for o in operators))
                + f", not {op.value}."
            )
        return result

    def _organization(self, node: Comparison) -> FilterNode | None:
        path = node.attr_path
        if not self.users or (path.uri or "").lower() != CISCO_USER.lower():
            return None
        if f"{path.attr}.{path.sub_attr}".lower() != _ORGANIZATION or node.op != _EQ_OP:
            raise _refuse(
                f"Webex filters on the Cisco extension only with {CISCO_USER}:"
                'meta.organizationId eq "<orgId>".'
            )
        same = str(node.value).lower() == self.org_uuid
        return _ALWAYS if same else Not(_ALWAYS)

    def visit_comparison(self, node: Comparison) -> FilterNode:
        organization = self._organization(node)
        if organization is not None:
            return organization
        path = self._allowed(node.attr_path, node.op)
        return node if path is node.attr_path else Comparison(path, node.op, node.value)

    def visit_logical_expr(self, node: LogicalExpr) -> FilterNode:
        return LogicalExpr(node.op, tuple(self.visit(term) for term in node.terms))

    def visit_value_path(self, node: ValuePath) -> FilterNode:
        outer = node.attr_path
        if not self.users or outer.sub_attr is not None or node.sub_attr is not None:
            raise _refuse(f"Webex does not filter {self.what} with {node}.")
        _InsideValueFilter(self, outer).visit(node.val_filter)
        return node

    def visit_present(self, node: Present) -> FilterNode:
        raise _refuse(f"Webex does not filter {self.what} with 'pr' ({node}).")

    def visit_not(self, node: Not) -> FilterNode:
        raise _refuse(f"Webex does not filter {self.what} with 'not' ({node}).")


class _InsideValueFilter(FilterVisitor[None]):
    """`attr[sub op value ...]`: each attr.sub as the table allows, or the type selector."""

    def __init__(self, rules: _Rules, outer: AttrPath) -> None:
        self.rules = rules
        self.outer = outer

    def visit_comparison(self, node: Comparison) -> None:
        sub = node.attr_path.attr
        if sub.lower() == _SELECTOR and node.op == _EQ_OP and node.attr_path.sub_attr is None:
            return
        self.rules._allowed(AttrPath(self.outer.attr, sub, self.outer.uri), node.op)

    def visit_logical_expr(self, node: LogicalExpr) -> None:
        for term in node.terms:
            self.visit(term)

    def visit_value_path(self, node: ValuePath) -> None:
        raise _refuse(f"Webex does not filter with nested value filters ({node}).")

    def visit_present(self, node: Present) -> None:
        raise _refuse(f"Webex does not filter with 'pr' ({node}).")

    def visit_not(self, node: Not) -> None:
        raise _refuse(f"Webex does not filter with 'not' ({node}).")


def webex_filter(text: str, resource_type: str, org_uuid: str) -> str:
    """The filter the storage runs for a search of `resource_type` ("User" or "Group"), or
    InvalidFilterException (400, scimType invalidFilter) when Webex would refuse it."""
    ast = ScimFilter(text).ast  # a syntax error raises InvalidFilterException itself
    checked = _Rules(resource_type, org_uuid.lower()).visit(ast)
    return text if checked is ast else str(checked)


def check_sort(query: Mapping[str, str], resource_type: str) -> None:
    """400 for a sortBy the spec does not allow for this resource type, or a sortOrder other
    than ascending or descending."""
    sort_by = query.get("sortBy")
    allowed = USER_SORT if resource_type == "User" else GROUP_SORT
    if sort_by is not None and sort_by.lower() not in {name.lower() for name in allowed}:
        raise InvalidValueException(
            detail=f"Webex sorts {'users' if resource_type == 'User' else 'groups'} by "
            + ", ".join(allowed)
            + f" only, not {sort_by!r}."
        )
    order = query.get("sortOrder")
    if order is not None and order.lower() not in SORT_ORDERS:
        raise InvalidValueException(detail=f"sortOrder is ascending or descending, not {order!r}.")


__all__ = ["check_sort", "webex_filter"]
