"""The sentences of the base modules for a person: an error with its next step (app.errors),
the scheduler files (app.ossched) and the log file's warning (app.logging_setup). Coded messages (app.messages); the French is in
resources/locale/. Commands, paths and variable names are parameters."""

from __future__ import annotations

from app.messages import message

# -- app.errors: an error as one sentence, its next step after it ---------------------------
ERROR_AND_STEP = message("error.with_next_step", "{message} {next_step}")

# -- app.ossched: what is written, the notes, the errors --------------------------------------
EVERY_HOURS_MINUTES = message("schedule.every.hours_minutes", "{hours} h {minutes} min")
EVERY_HOURS = message("schedule.every.hours", "{count} hour", plural="{count} hours", count="count")
EVERY_MINUTES = message(
    "schedule.every.minutes", "{count} minute", plural="{count} minutes", count="count"
)
FILE_KINDS = {
    "systemd service": message("schedule.file.systemd_service", "systemd service"),
    "systemd timer": message("schedule.file.systemd_timer", "systemd timer"),
    "launchd agent": message("schedule.file.launchd_agent", "launchd agent"),
    "Task Scheduler task": message("schedule.file.task", "Task Scheduler task"),
}
PROXY_WITH_CREDENTIALS = message(
    "schedule.note.proxy_credentials",
    "{name} holds a user name or password, so it was not written into the "
    "schedule: set it in the scheduler's environment yourself.",
)
LINGER = message(
    "schedule.note.linger",
    "To keep cycles running while you are logged out: loginctl enable-linger "
    "$USER (the keyring must then be reachable without a desktop session, or give "
    "the token in WEBEX_PROVISIONER_TOKEN).",
)
LAUNCHD_LOG = message("schedule.note.launchd_log", "Each run's output goes to {path}.")
TASK_ENVIRONMENT = message(
    "schedule.note.task_environment",
    "Task Scheduler runs the task with your account's environment variables; set "
    "{names} there (System > Environment Variables) if the task needs them.",
)
NOT_A_SYSTEM = message("schedule.error.not_a_system", "{system} is not a system.")
NOT_A_SYSTEM_STEP = message("schedule.step.not_a_system", "Use linux, windows or macos.")
OTHER_SYSTEM = message(
    "schedule.error.other_system",
    "Scheduler files for {system} are not installed on this {current} computer.",
)
OTHER_SYSTEM_STEP = message(
    "schedule.step.other_system",
    "Give --output DIR to write them into a folder, then copy them over.",
)
INTERVAL = message("schedule.error.interval", "The interval must be at least one minute.")
INTERVAL_STEP = message("schedule.step.interval", "Use e.g. --every 40m.")
CONTROL_CHARACTER = message(
    "schedule.error.control",
    "A path or setting of this schedule contains a line break or control character.",
)
CONTROL_CHARACTER_STEP = message(
    "schedule.step.control",
    "Install the program and its folders under paths without such characters.",
)
CANNOT_WRITE = message("schedule.error.write", "Could not write {path} ({reason}).")
CANNOT_WRITE_STEP = message(
    "schedule.step.write",
    "Check that the folder is writable, or choose another with --output DIR.",
)
CANNOT_DELETE = message("schedule.error.delete", "Could not delete {path} ({reason}).")
CANNOT_DELETE_STEP = message(
    "schedule.step.delete", "Delete it yourself, or check the folder's permissions."
)
TEMPLATE_MISSING = message(
    "schedule.error.template", "The scheduler template {path} is missing ({reason})."
)
TEMPLATE_MISSING_STEP = message(
    "schedule.step.template",
    "Reinstall webex-provisioner: its resources/schedulers folder is incomplete.",
)

# -- app.logging_setup ------------------------------------------------------------------------
LOG_FILE_FAILED = message(
    "log.file.failed",
    "warning: the log file {path} cannot be written "
    "({reason}); free space on its disk or check its folder.",
)
