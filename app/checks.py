"""One check's result, as the connection test and the source checks report it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

CheckStatus = Literal["passed", "failed", "unknown", "skipped"]


@dataclass(frozen=True)
class CheckResult:
    id: str
    title: str
    status: CheckStatus
    reason: str
    next_step: str = ""
    exit_code: int = 0  # for a failure: what the command exits with

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "reason": self.reason,
            "next_step": self.next_step,
        }
