"""The Entra ID source's and Microsoft Graph's sentences in French and in English: Graph's
errors keep its request id and its own words as parameters, the notes have real plurals."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.directory.entra.records import nested_note, other_members_note
from app.directory.graph import GraphClient, GraphError, GraphPermissionError
from app.language import translator
from app.messages import Message


class Tokens:
    permission_kind = "delegated"

    async def token(self) -> str:
        return "t"

    async def refresh(self) -> str:
        return "t"


async def _error(status: int, body: Any) -> GraphError:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body)

    client = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    async with GraphClient("https://graph.microsoft.com", Tokens(), client=client) as graph:
        with pytest.raises(GraphError) as caught:
            await graph.get("users")
    await client.aclose()
    return caught.value


async def test_a_permission_error_in_french_and_in_english() -> None:
    error = await _error(403, {"error": {"code": "Authorization_RequestDenied", "message": "x"}})
    assert isinstance(error, GraphPermissionError)
    assert error.message == (
        "Microsoft Graph refused to read /users (Authorization_RequestDenied): the app lacks "
        "the User.Read.All permission."
    )
    assert error.next_step.endswith(
        "add Microsoft Graph User.Read.All (delegated) and click Grant admin consent."
    )
    message, next_step = error.texts(translator("fr"))
    assert message == (
        "Microsoft Graph a refusé de lire /users (Authorization_RequestDenied) : il manque à "
        "l’application l’autorisation User.Read.All."
    )
    assert "User.Read.All (déléguée)" in next_step


async def test_graph_s_own_words_and_request_id_are_not_translated() -> None:
    body = {
        "error": {
            "code": "Request_BadRequest",
            "message": "Invalid filter clause",
            "innerError": {"request-id": "abc-123"},
        }
    }
    error = await _error(400, body)
    assert error.request_id == "abc-123"
    assert error.message == (
        "Microsoft Graph refused the request for /users (400 Request_BadRequest: Invalid "
        "filter clause)."
    )
    assert error.next_step.endswith("report this with the request id abc-123.")
    message, next_step = error.texts(translator("fr"))
    assert message == (
        "Microsoft Graph a refusé la requête pour /users (400 Request_BadRequest : Invalid "
        "filter clause)."
    )
    assert next_step.endswith("avec l’identifiant de requête abc-123.")
    assert error.coded_message is not None
    assert Message.from_dict(error.coded_message.to_dict()).render(translator("fr")) == message


def test_the_notes_have_real_plurals_in_both_languages() -> None:
    fr = translator("fr")
    one = other_members_note({"device": 1})
    assert str(one) == (
        "1 group member that is not a user was left out (1 device): only users are provisioned."
    )
    many = other_members_note({"device": 2, "contact": 1})
    assert str(many).startswith(
        "3 group members that are not users were left out (1 contact, 2 devices)"
    )
    assert many.render(fr).startswith(
        "3 membres de groupe qui ne sont pas des utilisateurs ont été laissés de côté "
        "(1 contact, 2 appareils)"
    )
    assert str(nested_note("Sales", ["EMEA"])).startswith(
        "The group Sales contains the group EMEA:"
    )
    assert (
        nested_note("Sales", ["EMEA", "APAC"])
        .render(fr)
        .startswith("Le groupe Sales contient les groupes APAC, EMEA :")
    )
