"""The sentences of the engine's inputs that cannot be used: a userName that would not read
back as written (app.sync.usernames), a target attribute path (scim_paths), the state file
(state.files). Each is a coded message (app.messages); the French is in resources/locale/."""

from __future__ import annotations

from app.messages import message

# -- a userName ------------------------------------------------------------------------------
USER_NAME = message(
    "sync.user_name.refused",
    "The userName {user_name} holds {character} at position {position}, {reason}, so this "
    "user was not sent.",
)
USER_NAME_ROW = message(
    "sync.user_name.refused_row",
    "Row {row}: the userName {user_name} holds {character} at position {position}, {reason}, "
    "so this user was not sent.",
)
SPACE = message("sync.user_name.space", "a space (an address holds none)")
INVISIBLE = message(
    "sync.user_name.invisible", "an invisible character (nobody could see or type it)"
)
REMOVE_IT = message(
    "sync.user_name.remove_it",
    "Remove it from the userName in the source (retype the address), then sync again.",
)
FULL_WIDTH = message(
    "sync.user_name.full_width",
    "a full-width form of {plain} (it looks like {plain} but is another address)",
)
WRITE_PLAIN = message(
    "sync.user_name.write_plain", "Write it as {plain} in the source, then sync again."
)
MIXED_SCRIPTS = message(
    "sync.user_name.mixed_scripts",
    "a {odd} letter among {main} ones (it looks like another letter, so the address looks "
    "like one it is not)",
)
ONE_SCRIPT = message(
    "sync.user_name.one_script",
    "Write that part of the address in {main} letters only, then sync again.",
)

# -- a target attribute path -------------------------------------------------------------------
SCIM_PATH = message(
    "sync.scim_path.error", 'The target attribute "{path}" is not a valid SCIM path: {problem}.'
)
SCIM_PATH_NEXT = message(
    "sync.scim_path.next_step",
    'Write it like userName, name.givenName or emails[type eq "work"].value.',
)
SCIM_PATH_EMPTY = message("sync.scim_path.empty", "it is empty")
SCIM_PATH_NO_ATTRIBUTE = message(
    "sync.scim_path.no_attribute", "the schema URN is not followed by an attribute name"
)
SCIM_PATH_BRACKET = message("sync.scim_path.bracket", "a square bracket is not closed")
SCIM_PATH_FILTER = message("sync.scim_path.filter", 'the filter must read [type eq "value"]')
SCIM_PATH_NAMES = message(
    "sync.scim_path.names", "attribute names are letters, digits and _ joined by dots"
)

# -- the state file -------------------------------------------------------------------------------
STATE_FULL = message(
    "sync.state_file.full",
    "The state file {path} could not be written: the disk is full or failing (nothing of the "
    "failed write was kept; the journal is as the last good write left it).",
)
STATE_FULL_NEXT = message(
    "sync.state_file.full_next",
    "Free space on the disk that holds {folder} (or check the disk), then run the command "
    "again: it resumes where it stopped.",
)
STATE_READ_ONLY = message(
    "sync.state_file.read_only",
    "The state file {path} cannot be opened for writing (read-only, or a folder this user may "
    "not write).",
)
STATE_READ_ONLY_NEXT = message(
    "sync.state_file.read_only_next",
    "Give this user write permission on {path} and its folder {folder} (and their -wal and "
    "-shm files), then run the command again.",
)
STATE_DAMAGED = message(
    "sync.state_file.damaged",
    "The state file {path} is damaged (it is not a readable SQLite database).",
)
STATE_DAMAGED_NEXT = message(
    "sync.state_file.damaged_next",
    "Restore {name} from a backup; or move it aside, and the next cycle starts with fresh "
    "state (it matches the users already in Webex by userName).",
)
STATE_UNUSABLE = message(
    "sync.state_file.unusable", "The state file {path} could not be used ({kind}: {problem})."
)
STATE_UNUSABLE_NEXT = message(
    "sync.state_file.unusable_next",
    "Check the file and its folder {folder}; restore it from a backup, or move it aside to "
    "start with fresh state.",
)
