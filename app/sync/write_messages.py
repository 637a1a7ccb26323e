"""The sentences of the writes (app.sync.executor, writes): what came of one operation, as
the provisioning log, the activity view and the failure e-mail show it. Webex's own error
text stays a parameter, as Webex wrote it. Each is a coded message (app.messages); the
French is in resources/locale/."""

from __future__ import annotations

from app.messages import message

WITH_DETAIL = message("sync.write.with_detail", "{message} ({detail})")
GROUPS_NOT_WRITABLE = message(
    "sync.write.groups_not_writable", "the token may not write groups: {error}"
)
OWN_FAILED = message(
    "sync.write.own_failed",
    "not sent: the user's own operation failed; the next cycle sends both",
)
NOT_ON_TARGET = message(
    "sync.write.not_on_target",
    "not on the target (its own operation did not succeed); the next cycle sets it once the "
    "user is there",
)
REFERENCES_MISSING = message(
    "sync.write.references_missing",
    "{missing} not on the target (its own operation did not succeed); the next cycle sets it",
)
REFERENCE = message("sync.write.reference", "{label} {shown}")
LIST = message("sync.write.list", "{first}, {rest}")
UNEXPECTED = message("sync.write.unexpected", "Unexpected error ({kind}); see the program log.")
ALREADY_THERE = message("sync.write.already_there", "already on the target; linked to it")
ALREADY_GONE = message("sync.write.already_gone", "already gone from the target")
MEMBERS_MISSING = message(
    "sync.write.members_missing",
    "{count} member is not on the target yet (its own operation failed); the next cycle adds it",
    plural="{count} members are not on the target yet (their own operation failed); the next "
    "cycle adds them",
    count="count",
)
CREATED_BEFORE = message(
    "sync.write.created_before", "already on the target (an interrupted run had created it)"
)
NO_ANSWER = message("sync.write.no_answer", "The target gave no answer for it.")
