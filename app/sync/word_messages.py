"""The words of the actions and statuses of a cycle (plan, counts, log, provisioning on
demand), as the e-mail, the CLI's tables and the on-demand steps show them. Each is a coded
message (app.messages); the French is in resources/locale/."""

from __future__ import annotations

from app.messages import Message, Template, message

ACTION_WORDS = {
    "Create": message("word.action.create", "Create"),
    "Update": message("word.action.update", "Update"),
    "Disable": message("word.action.disable", "Disable"),
    "Delete": message("word.action.delete", "Delete"),
    "Skip": message("word.action.skip", "Skip"),
    "NoChange": message("word.action.no_change", "NoChange"),
}
STATUS_WORDS = {
    "Success": message("word.status.success", "Success"),
    "Failure": message("word.status.failure", "Failure"),
    "Skipped": message("word.status.skipped", "Skipped"),
    "Warning": message("word.status.warning", "Warning"),
    "Held": message("word.status.held", "Held"),
}
OTHER_WORD = message("word.other", "{word}")  # a word this version does not know: as it is


def word(words: dict[str, Template], value: str) -> Message:
    """The coded word of an action or a status (an unknown one as it is)."""
    template = words.get(value)
    return template() if template is not None else OTHER_WORD(word=value)
