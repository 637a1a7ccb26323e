"""The steps of a provisioning on demand in words (app.sync.on_demand): found in the source?
in scope? matched? the payload, the action, the target's answer. Each is a coded message
(app.messages); the French is in resources/locale/."""

from __future__ import annotations

from app.messages import message

LEFT_OUT = message("sync.one.left_out", "Found in the source, but left out: {reason}.")
NOT_IN_SOURCE = message("sync.one.not_in_source", "{user} is not in the source.")
NOT_IN_SOURCE_NEXT = message(
    "sync.one.not_in_source_next", "Check the spelling of the userName, or the source's scope."
)
FOUND = message("sync.one.found", "Found in the source: {user} (source id {source_id}).")
FOUND_ROW = message(
    "sync.one.found_row", "Found in the source: {user} (source id {source_id}, row {row})."
)
FOUND_DISABLED = message(
    "sync.one.found_disabled",
    "Found in the source: {user} (source id {source_id}) (disabled in the source).",
)
FOUND_ROW_DISABLED = message(
    "sync.one.found_row_disabled",
    "Found in the source: {user} (source id {source_id}, row {row}) (disabled in the source).",
)
IN_SCOPE = message("sync.one.in_scope", "In scope.")
NOT_IN_SCOPE = message("sync.one.not_in_scope", "Not in scope: {why}.")
MATCHED_LINK = message(
    "sync.one.matched_link", "Matched on the target through its link: id {target_id}."
)
MATCHED = message("sync.one.matched", "Matched on the target: id {target_id}.")
NOT_MATCHED = message("sync.one.not_matched", "Not matched: {why}.")
NOT_ON_TARGET = message("sync.one.not_on_target", "Not on the target yet.")
PAYLOAD = message("sync.one.payload", "Payload: {payload}")
ACTION = message("sync.one.action", "Action: {action}.")
ACTION_WHY = message("sync.one.action_why", "Action: {action} ({why}).")
CHANGE_VALUES = message("sync.one.change", "  {path}: {old} -> {new}")
RESULT = message("sync.one.result", "Result: {status}.")
RESULT_WHY = message("sync.one.result_why", "Result: {status}: {message}.")
NEXT_STEP = message("sync.one.next_step", "Next step: {step}")
DRY_RUN = message("sync.one.dry_run", "Nothing was sent (dry run).")
NOTHING_TO_SEND = message("sync.one.nothing_to_send", "Nothing to send.")
CYCLE_REASON = message("sync.one.cycle_reason", "Provisioning on demand of {user}.")
