"""Files that make the operating system's scheduler run `webex-provisioner sync` every N minutes.

Linux: a systemd user service and timer (~/.config/systemd/user/). macOS: a launchd agent
(~/Library/LaunchAgents/). Windows: a Task Scheduler XML to import with schtasks. Each is
made from a template in resources/schedulers/ (string.Template). The scheduled command is
`webex-provisioner sync --profile NAME --scheduled`, with the absolute path of this program
(or of this Python interpreter and `-m app`), so that it runs the same installation as the
one that wrote the files. Nothing is enabled here: the command that does it is printed.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from string import Template
from typing import Literal, get_args
from xml.sax.saxutils import escape as xml_escape

from app import base_messages as M
from app import paths
from app.errors import InputError
from app.messages import Message

System = Literal["linux", "windows", "macos"]
SYSTEMS: tuple[System, ...] = get_args(System)

FIRST_CYCLE_DELAY_MINUTES = 2
TASK_FOLDER = "webex-provisioner"
# Settings a scheduled run needs in order to behave like the program that installed it: the
# moved folders and the corporate CA bundle (paths, never secrets). Proxy settings are added
# when they hold no user name or password.
_PASSED_ON = (
    "WEBEX_PROVISIONER_CONFIG_DIR",
    "WEBEX_PROVISIONER_STATE_DIR",
    "WEBEX_PROVISIONER_LOG_DIR",
    "SSL_CERT_FILE",
    "REQUESTS_CA_BUNDLE",
)
_PROXY_VARIABLES = (
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "NO_PROXY",
    "no_proxy",
)


@dataclass(frozen=True, slots=True)
class ScheduleFile:
    path: Path
    content: bytes
    what: str  # "systemd service", "systemd timer", "launchd agent", "Task Scheduler task"


@dataclass(frozen=True, slots=True)
class SchedulePlan:
    """What `schedule install` writes, and what the admin runs next."""

    system: System
    profile: str
    every_minutes: int
    command: tuple[str, ...]
    files: tuple[ScheduleFile, ...]
    enable_commands: tuple[str, ...]
    notes: tuple[str, ...] = ()  # in English; said_notes: the same as coded messages
    said_notes: tuple[Message, ...] = ()


@dataclass(frozen=True, slots=True)
class RemovalPlan:
    """What `schedule remove` deletes, and what stops a schedule that is running."""

    system: System
    profile: str
    paths: tuple[Path, ...]
    stop_commands: tuple[str, ...]
    removed: tuple[Path, ...] = field(default=())


def current_system() -> System:
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def unit_name(profile: str) -> str:
    return f"webex-provisioner-{profile}"


def launchd_label(profile: str) -> str:
    return f"webex-provisioner.sync.{profile}"


def task_name(profile: str) -> str:
    return f"{TASK_FOLDER}\\{profile}"


def program_command(*, system: System | None = None) -> list[str]:
    """The absolute command line of this program, without arguments.

    Frozen (PyInstaller) bundle: its executable. Otherwise this interpreter with `-m app`;
    the interpreter path is not resolved, so that a virtual environment's python (a symbolic
    link) keeps its packages. On Windows, pythonw.exe keeps a console window from opening
    at every cycle.
    """
    executable = Path(sys.executable).absolute()
    on_windows = (system or current_system()) == "windows" and sys.platform == "win32"
    if getattr(sys, "frozen", False):
        # The Windows bundle has a console executable and its windowless twin (the spec
        # builds both); the scheduled task must not flash a console at every cycle.
        windowless = executable.with_name("webex-provisioner-gui.exe")
        if on_windows and windowless.is_file():
            executable = windowless
        return [str(executable)]
    if on_windows:
        windowless = executable.with_name("pythonw.exe")
        if windowless.is_file():
            executable = windowless
    return [str(executable), "-m", "app"]


def sync_command(profile: str, *, system: System | None = None) -> list[str]:
    """`sync --scheduled`: it does nothing while the profile's provisioning is off and never
    waits for a person to sign in."""
    return [*program_command(system=system), "sync", "--profile", profile, "--scheduled"]


def default_folder(system: System) -> Path:
    """Where the scheduler looks for its files (Windows: a folder of ours, imported from)."""
    if system == "linux":
        config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(config_home) / "systemd" / "user"
    if system == "macos":
        return Path.home() / "Library" / "LaunchAgents"
    return paths.config_dir() / "schedulers"


def templates_dir() -> Path:
    """resources/schedulers/ (see app.paths.resources_dir for where resources/ is found)."""
    return paths.resources_dir() / "schedulers"


def every_words(minutes: int) -> str:
    return str(every_message(minutes))


def every_message(minutes: int) -> Message:
    """The interval in words ("40 minutes", "2 hours", "1 h 30 min"), as a coded message."""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return M.EVERY_HOURS_MINUTES(hours=hours, minutes=rest)
    if hours:
        return M.EVERY_HOURS(count=hours)
    return M.EVERY_MINUTES(count=minutes)


def file_kind(what: str) -> Message | str:
    """A ScheduleFile's `what` ("systemd timer"...) as a coded message."""
    return M.FILE_KINDS[what]() if what in M.FILE_KINDS else what


def _english(said: tuple[Message, ...]) -> tuple[str, ...]:
    return tuple(str(note) for note in said)


def passed_on_environment(
    environ: dict[str, str] | None = None,
) -> tuple[dict[str, str], list[str]]:
    """The variables written into the schedule, and notes about those left out."""
    chosen, notes = _passed_on(environ)
    return chosen, [str(note) for note in notes]


def _passed_on(environ: dict[str, str] | None) -> tuple[dict[str, str], list[Message]]:
    environ = dict(os.environ if environ is None else environ)
    chosen = {name: environ[name] for name in _PASSED_ON if environ.get(name)}
    notes = []
    for name in _PROXY_VARIABLES:
        value = environ.get(name)
        if not value:
            continue
        if "@" in value and name.upper() != "NO_PROXY":
            notes.append(M.PROXY_WITH_CREDENTIALS(name=name))
            continue
        chosen[name] = value
    return chosen, notes


def plan_install(
    profile: str,
    every_minutes: int,
    *,
    system: System | None = None,
    output: Path | None = None,
    command: list[str] | None = None,
    environment: dict[str, str] | None = None,
    now: datetime | None = None,
) -> SchedulePlan:
    """The files for `profile`, run every `every_minutes`, for `system` (default: this one)."""
    system = system or current_system()
    if system not in SYSTEMS:
        raise InputError(M.NOT_A_SYSTEM(system=repr(system)), M.NOT_A_SYSTEM_STEP())
    if output is None and system != current_system():
        raise InputError(
            M.OTHER_SYSTEM(system=system, current=current_system()),
            M.OTHER_SYSTEM_STEP(),
        )
    if every_minutes < 1:
        raise InputError(M.INTERVAL(), M.INTERVAL_STEP())
    folder = output if output is not None else default_folder(system)
    argv = command if command is not None else sync_command(profile, system=system)
    if environment is None:
        environment, notes = _passed_on(None)
    else:
        notes = []
    for value in [profile, *argv, str(folder), *environment.keys(), *environment.values()]:
        if any(ord(ch) < 32 for ch in value):
            raise InputError(
                M.CONTROL_CHARACTER(),
                M.CONTROL_CHARACTER_STEP(),
            )
    written = (now or datetime.now()).astimezone()
    values = {
        "profile": profile,
        "every_minutes": str(every_minutes),
        "every_seconds": str(every_minutes * 60),
        "every_words": every_words(every_minutes),
        "first_delay_minutes": str(FIRST_CYCLE_DELAY_MINUTES),
        "first_delay_words": every_words(FIRST_CYCLE_DELAY_MINUTES),
        "written": written.strftime("%Y-%m-%d %H:%M %z"),
    }
    if system == "linux":
        return _plan_systemd(profile, every_minutes, folder, argv, environment, values, notes)
    if system == "macos":
        return _plan_launchd(profile, every_minutes, folder, argv, environment, values, notes)
    return _plan_task(profile, every_minutes, folder, argv, values, written, notes, environment)


def install(plan: SchedulePlan) -> list[Path]:
    """Write the plan's files (their folder is created); returns the paths written."""
    written = []
    for item in plan.files:
        try:
            # 0600 (in a folder made 0700 when it is new): the files name the profile and
            # its folders (issue 22).
            paths.ensure_private_dir(item.path.parent)
            paths.write_private_bytes(item.path, item.content)
        except OSError as exc:
            raise InputError(
                M.CANNOT_WRITE(path=str(item.path), reason=str(exc.strerror or exc)),
                M.CANNOT_WRITE_STEP(),
            ) from exc
        written.append(item.path)
    return written


def plan_remove(
    profile: str, *, system: System | None = None, output: Path | None = None
) -> RemovalPlan:
    system = system or current_system()
    folder = output if output is not None else default_folder(system)
    files: tuple[Path, ...]
    stop: tuple[str, ...]
    if system == "linux":
        unit = unit_name(profile)
        files = (
            folder / f"{unit}.timer",
            folder / f"{unit}.service",
            # What `systemctl --user enable` made: without it, a removed timer is not
            # looked for at the next login.
            folder / "timers.target.wants" / f"{unit}.timer",
        )
        stop = (f"systemctl --user stop {unit}.timer", "systemctl --user daemon-reload")
    elif system == "macos":
        files = (folder / f"{launchd_label(profile)}.plist",)
        stop = (f"launchctl remove {launchd_label(profile)}",)
    else:
        files = (folder / f"{unit_name(profile)}.xml",)
        stop = (f'schtasks /Delete /TN "{task_name(profile)}" /F',)
    return RemovalPlan(system, profile, files, stop)


def remove(plan: RemovalPlan) -> RemovalPlan:
    """Delete the plan's files that exist; returns the plan with `removed` filled in."""
    removed = []
    for path in plan.paths:
        if path.is_symlink() or path.exists():
            try:
                path.unlink()
            except OSError as exc:
                raise InputError(
                    M.CANNOT_DELETE(path=str(path), reason=str(exc.strerror or exc)),
                    M.CANNOT_DELETE_STEP(),
                ) from exc
            removed.append(path)
    return RemovalPlan(plan.system, plan.profile, plan.paths, plan.stop_commands, tuple(removed))


# -- systemd ----------------------------------------------------------------------------


def _systemd_quote(value: str, *, in_exec: bool) -> str:
    """One word of a systemd setting: double-quoted, with %-specifiers (and, in ExecStart=,
    $-variables) kept literal."""
    text = value.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    if in_exec:
        text = text.replace("$", "$$")
    return f'"{text}"'


def _plan_systemd(
    profile: str,
    every_minutes: int,
    folder: Path,
    argv: list[str],
    environment: dict[str, str],
    values: dict[str, str],
    notes: list[Message],
) -> SchedulePlan:
    unit = unit_name(profile)
    env_lines = "".join(
        f"Environment={_systemd_quote(f'{name}={value}', in_exec=False)}\n"
        for name, value in sorted(environment.items())
    )
    filled = {
        **values,
        "unit": unit,
        # The command name gets no $-variable expansion, its arguments do.
        "exec_start": " ".join(
            [_systemd_quote(argv[0], in_exec=False)]
            + [_systemd_quote(word, in_exec=True) for word in argv[1:]]
        ),
        "environment": env_lines,
    }
    service = _fill("systemd.service.template", filled)
    timer = _fill("systemd.timer.template", filled)
    return SchedulePlan(
        system="linux",
        profile=profile,
        every_minutes=every_minutes,
        command=tuple(argv),
        files=(
            ScheduleFile(folder / f"{unit}.service", service.encode("utf-8"), "systemd service"),
            ScheduleFile(folder / f"{unit}.timer", timer.encode("utf-8"), "systemd timer"),
        ),
        enable_commands=(
            "systemctl --user daemon-reload",
            f"systemctl --user enable --now {unit}.timer",
        ),
        notes=_english((*notes, M.LINGER())),
        said_notes=(*notes, M.LINGER()),
    )


# -- launchd ----------------------------------------------------------------------------


def _plan_launchd(
    profile: str,
    every_minutes: int,
    folder: Path,
    argv: list[str],
    environment: dict[str, str],
    values: dict[str, str],
    notes: list[Message],
) -> SchedulePlan:
    label = launchd_label(profile)
    path = folder / f"{label}.plist"
    log_file = paths.log_dir() / f"schedule-{profile}.log"
    arguments = "\n".join(f"\t\t<string>{xml_escape(word)}</string>" for word in argv)
    env = "\n".join(
        f"\t\t<key>{xml_escape(name)}</key>\n\t\t<string>{xml_escape(value)}</string>"
        for name, value in sorted(environment.items())
    )
    comment = (
        f"webex-provisioner: a provisioning cycle of profile {profile} every "
        f"{values['every_words']}. Written by webex-provisioner schedule install on "
        f"{values['written']}. Turn it on with: launchctl load -w {path}"
    )
    filled = {
        **{key: xml_escape(value) for key, value in values.items()},
        "comment": _xml_comment(comment),
        "label": xml_escape(label),
        "program_arguments": arguments,
        "log_file": xml_escape(str(log_file)),
        "environment": env,
    }
    content = _fill("launchd.plist.template", filled)
    return SchedulePlan(
        system="macos",
        profile=profile,
        every_minutes=every_minutes,
        command=tuple(argv),
        files=(ScheduleFile(path, content.encode("utf-8"), "launchd agent"),),
        enable_commands=(f"launchctl load -w {_posix_quote(str(path))}",),
        notes=_english((*notes, M.LAUNCHD_LOG(path=str(log_file)))),
        said_notes=(*notes, M.LAUNCHD_LOG(path=str(log_file))),
    )


# -- Windows Task Scheduler -------------------------------------------------------------


def _plan_task(
    profile: str,
    every_minutes: int,
    folder: Path,
    argv: list[str],
    values: dict[str, str],
    written: datetime,
    notes: list[Message],
    environment: dict[str, str],
) -> SchedulePlan:
    name = task_name(profile)
    path = folder / f"{unit_name(profile)}.xml"
    comment = (
        f"webex-provisioner: a provisioning cycle of profile {profile} every "
        f"{values['every_words']}. Written by webex-provisioner schedule install on "
        f'{values["written"]}. Turn it on with: schtasks /Create /TN "{name}" /XML "{path}" /F'
    )
    hours, minutes = divmod(every_minutes, 60)
    interval = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    filled = {
        **{key: xml_escape(value) for key, value in values.items()},
        "comment": _xml_comment(comment),
        "task_name": xml_escape(name),
        "interval": interval,
        "start_boundary": written.replace(tzinfo=None, microsecond=0).isoformat(),
        "command": xml_escape(argv[0]),
        "arguments": xml_escape(subprocess.list2cmdline(argv[1:])),
    }
    content = _fill("taskscheduler.xml.template", filled)
    task_notes = list(notes)
    if environment:
        task_notes.append(M.TASK_ENVIRONMENT(names=", ".join(sorted(environment))))
    return SchedulePlan(
        system="windows",
        profile=profile,
        every_minutes=every_minutes,
        command=tuple(argv),
        # schtasks reads task XML as UTF-16 (with its byte order mark), as it writes it.
        files=(ScheduleFile(path, content.encode("utf-16"), "Task Scheduler task"),),
        enable_commands=(f'schtasks /Create /TN "{name}" /XML "{path}" /F',),
        notes=_english(tuple(task_notes)),
        said_notes=tuple(task_notes),
    )


# -- helpers ----------------------------------------------------------------------------


def _fill(template_name: str, values: dict[str, str]) -> str:
    path = templates_dir() / template_name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(
            M.TEMPLATE_MISSING(path=str(path), reason=str(exc.strerror or exc)),
            M.TEMPLATE_MISSING_STEP(),
        ) from exc
    return Template(text).substitute(values)


def _xml_comment(text: str) -> str:
    # "--" may not appear inside an XML comment.
    while "--" in text:
        text = text.replace("--", "- -")
    return xml_escape(text).rstrip("-")


def _posix_quote(text: str) -> str:
    return shlex.quote(text)


__all__ = [
    "SYSTEMS",
    "RemovalPlan",
    "ScheduleFile",
    "SchedulePlan",
    "System",
    "current_system",
    "default_folder",
    "install",
    "launchd_label",
    "passed_on_environment",
    "plan_install",
    "plan_remove",
    "program_command",
    "remove",
    "sync_command",
    "task_name",
    "templates_dir",
    "unit_name",
]
