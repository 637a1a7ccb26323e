"""What the set-up wizard starts with (WizardDefaults: blank for a real tenant, filled in on
the sandbox, or a saved profile to edit) and what its pages collect until Finish (WizardDraft:
the settings, the secrets typed, what a read of the source found)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from app.config.profile import (
    EntraSettings,
    NotificationSettings,
    Profile,
    SafetySettings,
    ScheduleSettings,
    SourceSettings,
    Target,
)
from app.config.rules import MappingSet, ScopingFilter
from app.ui.bridge import DraftSecrets
from app.ui.resources import sample_csv_path

if TYPE_CHECKING:
    from app.config.secrets import SecretKind
    from app.directory.base import SourceUser
    from app.sync.plan import Plan


@dataclass
class WizardDefaults:
    """What the wizard starts with: blank for a real tenant, filled in on the sandbox.

    With `profile`, the wizard edits that profile; `stored_secrets` are the secrets the
    keyring already holds for it (by kind), used while a field is left empty and never
    written back.
    """

    profile_name: str = "webex"
    target_kind: Literal["webex", "scim"] = "webex"
    source_kind: Literal["csv", "entra"] = "csv"
    csv_path: Path | None = field(default_factory=sample_csv_path)
    tenant_url: str = ""
    token: str = field(default="", repr=False)
    entra: EntraSettings | None = None
    entra_client_secret: str = field(default="", repr=False)
    sandbox: bool = False
    profile: Profile | None = None
    stored_secrets: dict[str, str] = field(default_factory=dict, repr=False)


@dataclass
class WizardDraft:
    """Everything the pages collected so far. Secrets stay in memory until Finish."""

    name: str = "webex"
    target_kind: Literal["webex", "scim"] = "webex"
    source: SourceSettings | None = None
    entra_client_secret: str = field(default="", repr=False)
    tenant_url: str = ""
    token: str = field(default="", repr=False)
    notifications: NotificationSettings = field(default_factory=NotificationSettings)
    smtp_password: str = field(default="", repr=False)
    mappings: MappingSet | None = None
    scoping: list[ScopingFilter] = field(default_factory=list)
    scope: Literal["assigned", "all"] = "assigned"
    provisioning_enabled: bool = True
    every_minutes: int = 40
    safety: SafetySettings = field(default_factory=SafetySettings)
    source_users: list[SourceUser] = field(default_factory=list)
    source_attributes: list[str] = field(default_factory=list)
    plan: Plan | None = None
    base: Profile | None = None  # the profile being edited: settings no page shows are kept
    stored_secrets: dict[str, str] = field(default_factory=dict, repr=False)
    # What a read of the source kept (the Microsoft sign-in cache of a device-code sign-in):
    # later pages sign in without a new code, and Finish puts it in the keyring.
    sign_in: dict[str, str] = field(default_factory=dict, repr=False)
    forgotten: set[str] = field(default_factory=set)  # stored secrets Finish removes
    # What the documented environment variables hold (WEBEX_PROVISIONER_TOKEN, ...), by
    # kind: used where nothing was typed or stored, as every cycle does.
    environment: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_profile(cls, profile: Profile, stored_secrets: dict[str, str]) -> WizardDraft:
        """A draft that starts as the saved profile (Settings of a profile)."""
        return cls(
            name=profile.name,
            target_kind=profile.target.kind,
            source=profile.source,
            tenant_url=profile.target.tenant_url,
            notifications=profile.notifications,
            mappings=profile.mappings,
            scoping=list(profile.scoping),
            scope=profile.scope,
            provisioning_enabled=profile.provisioning_enabled,
            every_minutes=profile.schedule.every_minutes,
            safety=profile.safety,
            base=profile,
            stored_secrets=dict(stored_secrets),
        )

    @property
    def webex_token(self) -> str:
        """The token typed on the credentials page, else the one the keyring holds, else the
        one of WEBEX_PROVISIONER_TOKEN."""
        return (
            self.token
            or self.stored_secrets.get("webex-token", "")
            or self.environment.get("webex-token", "")
        )

    def profile(self) -> Profile:
        """The profile as it stands (validated by pydantic; raises ValidationError)."""
        data: dict[str, Any] = {
            "name": self.name,
            "target": Target(tenant_url=self.tenant_url, kind=self.target_kind),
            "source": self.source,
            "scoping": list(self.scoping),
            "scope": self.scope,
            "provisioning_enabled": self.provisioning_enabled,
            "schedule": ScheduleSettings(every_minutes=self.every_minutes),
            "notifications": self.notifications,
            "safety": self.safety,
        }
        if self.mappings is not None:
            data["mappings"] = self.mappings
        if self.base is not None:
            for name in Profile.model_fields:
                data.setdefault(name, getattr(self.base, name))
        return Profile.model_validate(data)

    def secrets(self) -> dict[SecretKind, str]:
        """The secrets typed in the wizard (saved at Finish); stored ones are not repeated."""
        values: dict[SecretKind, str] = {
            "webex-token": self.token,
            "entra-client-secret": self.entra_client_secret,
            "smtp-password": self.smtp_password,
            "msal-cache": self.sign_in.get("msal-cache", ""),
        }
        return {kind: value for kind, value in values.items() if value}

    def draft_secrets(self) -> DraftSecrets:
        """What the engine reads the source with: typed secrets over the stored ones, over
        the environment's."""
        values = {kind: value for kind, value in self.environment.items() if value}
        values.update({kind: value for kind, value in self.stored_secrets.items() if value})
        values.update({str(kind): value for kind, value in self.secrets().items()})
        return DraftSecrets(self.name, values, kept=self.sign_in)

    def forget_sign_in(self) -> None:
        """The source's sign-in settings changed: the next read signs in afresh."""
        self.sign_in.clear()
        self.stored_secrets.pop("msal-cache", None)
        self.forgotten.add("msal-cache")

    def secrets_to_forget(self) -> list[SecretKind]:
        """Stored secrets that no longer apply (a sign-in of other settings), unless replaced."""
        typed = self.secrets()
        kinds: list[SecretKind] = ["msal-cache"]
        return [kind for kind in kinds if kind in self.forgotten and kind not in typed]
