"""Profiles to schedule and readers of the scheduler files, for the schedule tests."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET  # parses files this program wrote itself
from pathlib import Path

from app.config.profile import CsvSettings, Profile, ScheduleSettings, SourceSettings, Target
from app.config.store import ProfileStore

TASK_NS = "{http://schemas.microsoft.com/windows/2004/02/mit/task}"
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")


def save_profile(name: str = "acme", *, every: int = 40, enabled: bool = True) -> None:
    ProfileStore().save(
        Profile(
            name=name,
            target=Target(
                tenant_url="https://webexapis.com/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/"
            ),
            source=SourceSettings(kind="csv", csv=CsvSettings(path=Path("users.csv"))),
            schedule=ScheduleSettings(every_minutes=every),
            provisioning_enabled=enabled,
        )
    )


def parse_xml(data: bytes) -> ET.Element:
    return ET.fromstring(data)  # noqa: S314 - the program's own output, not untrusted input


def ini_values(text: str, key: str) -> list[str]:
    return [line.split("=", 1)[1] for line in text.splitlines() if line.startswith(f"{key}=")]
