"""One check's result, as the connection test and the source checks report it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from app.messages import Medium, Message, Translate

CheckStatus = Literal["passed", "failed", "unknown", "skipped"]


class CheckTexts(NamedTuple):
    """A check's title, reason and next step in one language."""

    title: str
    reason: str
    next_step: str


@dataclass(frozen=True)
class CheckResult:
    """`title`, `reason` and `next_step` are the English sentences; the `*_message` fields
    hold the same as Messages (code and parameters) where the check made them, so that
    `texts(translate)` can say them in another language. An error's own sentence (a
    UserFacingError's message) has no Message yet: it stays English."""

    id: str
    title: str
    status: CheckStatus
    reason: str
    next_step: str = ""
    exit_code: int = 0  # for a failure: what the command exits with
    title_message: Message | None = None
    reason_message: Message | None = None
    next_step_message: Message | None = None

    @classmethod
    def of(
        cls,
        check_id: str,
        title: Message,
        status: CheckStatus,
        reason: Message | str,
        next_step: Message | str | None = None,
        exit_code: int = 0,
    ) -> CheckResult:
        """A result from Messages (a plain str: an error's English sentence, kept as is)."""
        return cls(
            check_id,
            title.english,
            status,
            str(reason),
            "" if next_step is None else str(next_step),
            exit_code,
            title,
            reason if isinstance(reason, Message) else None,
            next_step if isinstance(next_step, Message) else None,
        )

    def texts(self, translate: Translate, medium: Medium = "cli") -> CheckTexts:
        """The title, reason and next step in the language of `translate`."""

        def say(text: str, said: Message | None) -> str:
            return said.render(translate, medium) if said is not None else text

        return CheckTexts(
            say(self.title, self.title_message),
            say(self.reason, self.reason_message),
            say(self.next_step, self.next_step_message),
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "reason": self.reason,
            "next_step": self.next_step,
        }
        messages = {
            name: said.to_dict()
            for name, said in (
                ("title", self.title_message),
                ("reason", self.reason_message),
                ("next_step", self.next_step_message),
            )
            if said is not None
        }
        if messages:
            data["messages"] = messages
        return data
