"""The Webex client's and the base modules' errors in French (through the gettext catalogue),
with their English str() unchanged and Webex's own words (detail, trackingId) kept as they came."""

from __future__ import annotations

import socket

import httpx
import pytest

from app import ossched
from app.errors import InputError
from app.language import translator
from app.webex.checks import _failed
from app.webex.errors import (
    BadRequest,
    InvalidToken,
    NetworkError,
    RateLimited,
    error_from_response,
    network_error,
)
from app.webex.orgid import encode_webex_id
from app.webex.people import PeopleMe
from app.webex.tokens import clean_token
from app.webex.urls import TenantUrlError, parse_tenant_url

FR = translator("fr")


def test_a_429_in_french_keeps_its_tracking_id() -> None:
    error = error_from_response(httpx.Response(429, headers={"trackingid": "ROUTER_123"}))
    assert isinstance(error, RateLimited)
    assert str(error) == (
        "The target asked us to slow down (too many requests). Wait a few minutes, or lower "
        "the concurrency of the profile. [TrackingID ROUTER_123]"
    )
    assert error.message == "The target asked us to slow down (too many requests)."
    assert error.render(FR) == (
        "La cible nous a demandé de ralentir (trop de requêtes). Attendez quelques minutes, "
        "ou réduisez la concurrence du profil. [TrackingID ROUTER_123]"
    )
    assert error.to_dict()["tracking_id"] == "ROUTER_123"


def test_a_dns_failure_in_french() -> None:
    cause = httpx.ConnectError("boom")
    cause.__cause__ = socket.gaierror(-2, "Name or service not known")
    error = network_error(cause, url="https://nowhere.example/identity/scim/x/v2/Users")
    assert isinstance(error, NetworkError)
    assert (error.kind, error.sent) == ("dns", False)
    assert str(error) == (
        "The host nowhere.example was not found (DNS). Check the host name in the tenant URL, "
        "the network and the DNS settings."
    )
    assert error.texts(FR) == (
        "L’hôte nowhere.example est introuvable (DNS).",
        "Vérifiez le nom d’hôte dans l’URL du locataire, le réseau et les paramètres DNS.",
    )


def test_without_a_url_the_target_is_named_in_french() -> None:
    error = network_error(httpx.ConnectTimeout("slow"))
    assert error.message == "the target did not answer in time."
    assert error.texts(FR)[0] == "la cible n’a pas répondu à temps."


def test_the_servers_own_words_are_not_translated() -> None:
    body = {"detail": "userName is too long", "scimType": "invalidValue", "trackingId": "T9"}
    error = error_from_response(httpx.Response(400, json=body))
    assert isinstance(error, BadRequest)
    assert str(error) == (
        "The target refused the request (HTTP 400, invalidValue). (userName is too long) "
        "Check the attribute mappings for this value. [TrackingID T9]"
    )
    assert error.render(FR) == (
        "La cible a refusé la requête (HTTP 400, invalidValue). (userName is too long) "
        "Vérifiez les correspondances d’attributs pour cette valeur. [TrackingID T9]"
    )


def test_a_bad_tenant_url_in_french() -> None:
    with pytest.raises(TenantUrlError) as caught:
        parse_tenant_url("https://webexapis.com/identity/scim/[Tenant ID]/v2/")
    error = caught.value
    assert error.message == "The tenant URL still holds the placeholder (such as [Tenant ID])."
    assert error.next_step == (
        'Replace it with your orgId. Use "Get my orgId" (people/me) or copy the orgId from '
        "Control Hub."
    )
    assert error.texts(FR) == (
        "L’URL du locataire contient encore l’espace réservé (comme [Tenant ID]).",
        "Remplacez-le par votre orgId. Utilisez « Obtenir mon orgId » (people/me) ou copiez "
        "l’orgId depuis Control Hub.",
    )


def test_an_empty_tenant_url_keeps_the_example_url_in_french() -> None:
    with pytest.raises(TenantUrlError) as caught:
        parse_tenant_url(" ")
    assert caught.value.texts(FR)[1] == (
        "Collez https://webexapis.com/identity/scim/{orgId}/v2/ avec votre orgId."
    )


def test_a_broken_token_in_french() -> None:
    with pytest.raises(InputError) as caught:
        clean_token("abc def")
    assert str(caught.value) == (
        "The token contains spaces or line breaks. Copy the token again, in one piece, and "
        "paste it."
    )
    assert caught.value.texts(FR)[0] == "Le jeton contient des espaces ou des sauts de ligne."


def test_the_schedule_interval_has_french_plurals() -> None:
    assert ossched.every_words(120) == "2 hours"
    assert ossched.every_message(120).render(FR, "cli") == "2 heures"
    assert ossched.every_message(1).render(FR, "cli") == "1 minute"
    assert ossched.every_message(90).render(FR, "cli") == "1 h 30 min"


def test_the_admin_roles_in_french() -> None:
    org = encode_webex_id("ORGANIZATION", "96abc2aa-3dcc-11e5-a152-fe34819cdc9a")
    roles = [encode_webex_id("ROLE", name) for name in ("id_user_admin", "id_readonly_admin")]
    me = PeopleMe.from_json({"id": "p", "orgId": org, "roles": roles})
    assert me.role_words() == "user admin, read-only admin"
    assert me.roles_said().render(FR, "cli") == (
        "administrateur des utilisateurs, administrateur en lecture seule"
    )
    nobody = PeopleMe.from_json({"id": "p", "orgId": org})
    assert nobody.roles_said().render(FR, "cli") == "aucun rôle d’administrateur"


def test_a_failed_check_says_the_errors_sentence_in_french() -> None:
    result = _failed("token", InvalidToken(status=401))
    assert result.reason == "The token is not valid (mistyped, revoked or expired)."
    texts = result.texts(FR)
    assert texts.reason == "Le jeton n’est pas valide (mal saisi, révoqué ou expiré)."
    assert texts.next_step.startswith("Créez un nouveau jeton")
