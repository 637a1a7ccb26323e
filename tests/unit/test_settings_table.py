"""Each profile setting is declared once (app/config/settings.py) and reaches the command line."""

from __future__ import annotations

import contextlib
import types
from typing import Any, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from app.cli import main
from app.config.profile import Profile
from app.config.settings import SETTINGS

# Profile fields that are not settings: the name is the command's argument, the id is the
# program's own, mappings and scoping filters are edited in the wizard or the TOML file.
NOT_SETTINGS = {"name", "id", "mappings", "scoping"}


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        for member in get_args(annotation):
            model = _model_in(member)
            if model is not None:
                return model
    return None


def _leaf_fields(model: type[BaseModel], prefix: str = "") -> dict[str, Any]:
    """Every field that holds a value (not a section), by its dotted path."""
    leaves: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        if path in NOT_SETTINGS:
            continue
        section = _model_in(info.annotation)
        if section is not None:
            leaves.update(_leaf_fields(section, f"{path}."))
        else:
            leaves[path] = info.annotation
    return leaves


def test_every_profile_setting_is_in_the_table_once_with_a_flag() -> None:
    fields = _leaf_fields(Profile)
    for path, annotation in fields.items():
        rows = [row for row in SETTINGS if row.field == path]
        assert rows, f"{path} has no row in app/config/settings.py"
        assert all(row.flag.startswith("--") for row in rows), path
        if len(rows) > 1:
            # Only a choice given by one flag per value (--client-secret-stdin, --device-code):
            # one row per value, each value once.
            assert all(row.kind == "const" for row in rows), path
            assert sorted(str(row.const) for row in rows) == sorted(get_args(annotation)), path
        else:
            assert rows[0].kind != "const", path
    named = {row.field for row in SETTINGS if row.field}
    assert named <= set(fields), f"rows naming no Profile field: {named - set(fields)}"
    flags = [row.flag for row in SETTINGS]
    assert len(flags) == len(set(flags))


def test_secrets_are_flags_without_a_field() -> None:
    secrets = [row for row in SETTINGS if row.kind == "secret"]
    assert [row.flag for row in secrets] == ["--token-stdin", "--smtp-password-stdin"]
    assert all(row.field == "" and row.keyring_entry for row in secrets)


@pytest.mark.parametrize("action", ["create", "set"])
def test_the_help_of_profile_create_and_set_lists_every_setting(
    action: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with contextlib.suppress(SystemExit):
        main(["profile", action, "--help"])
    text = capsys.readouterr().out
    unwrapped = "".join(text.split())  # the help is wrapped to the terminal's width
    for row in SETTINGS:
        assert row.flag in text, row.flag
        if row.help:
            assert "".join(row.help.replace("%%", "%").split()) in unwrapped, row.flag
