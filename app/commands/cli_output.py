"""What the engine's commands print, in the reader's language: the dry run's plan, a cycle's
result, the provisioning log's table. The English is the text these commands always printed
(app.sync.plan.Plan.render_text, CycleResult.summary); coded messages from the engine are
rendered with the translator, plain texts are printed as they are."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.commands import cli_messages as said
from app.errors import UserFacingError
from app.language import cli_text, current_language, translator
from app.messages import Message
from app.sync.word_messages import ACTION_WORDS, STATUS_WORDS, word


def text_of(plain: Any, coded: Message | None = None) -> str:
    """A coded message in the reader's language, else the plain text (a Message too)."""
    if coded is not None:
        return cli_text(coded)
    return cli_text(plain) if isinstance(plain, Message) else str(plain)


def error_text(error: UserFacingError) -> str:
    """`error: ...` with the message and its next step in the reader's language."""
    return cli_text(said.ERROR(error=error.render(translator(current_language()), "cli")))


def action_word(action: str) -> str:
    return cli_text(word(ACTION_WORDS, action))


def status_word(status: str) -> str:
    return cli_text(word(STATUS_WORDS, status))


def object_word(object_type: str) -> str:
    template = said.OBJECT_WORDS.get(object_type)
    return cli_text(template()) if template is not None else object_type


def plan_text(plan: Any, *, limit: int = 200) -> str:
    """The plan for a terminal (Plan.render_text, in the reader's language)."""
    # deferred: the plan's classes load with the engine, for the dry run only
    from app.sync.plan import Action, format_change

    counts = ", ".join(
        cli_text(said.PLAN_COUNT(action=action_word(name), number=str(number)))
        for name, number in plan.counts().items()
    )
    lines = [cli_text(said.PLAN_HEADING(counts=counts))]
    if plan.hold is not None:
        hold = plan.hold
        lines.append(
            cli_text(
                said.PLAN_HELD(reason=text_of(hold.reason, getattr(hold, "coded_reason", None)))
            )
        )
        step = text_of(hold.next_step, getattr(hold, "coded_next_step", None))
        lines.append(cli_text(said.NEXT_STEP(step=step)))
    lines.extend(cli_text(said.PLAN_NOTE(note=text_of(note))) for note in plan.notes)
    shown_ops = [op for op in plan.operations if op.action != Action.NO_CHANGE]
    width = max([8, *(len(action_word(op.action.value)) for op in shown_ops[:limit])])
    kinds = max([5, *(len(object_word(op.object_type)) for op in shown_ops[:limit])])
    for shown, op in enumerate(shown_ops):
        if shown >= limit:
            lines.append(cli_text(said.PLAN_MORE(rest=len(shown_ops) - shown)))
            break
        head = f"{action_word(op.action.value):<{width}} {object_word(op.object_type):<{kinds}} {op.key}"
        detail = text_of(op.detail, getattr(op, "coded_detail", None)) or op.reason
        if detail:
            head += f"  ({detail})"
        lines.append(head)
        if op.action != Action.CREATE:  # a create's values are in --json and the CSV
            lines.extend(f"           {format_change(change)}" for change in op.changes)
    return "\n".join(lines)


def cycle_summary(result: Any) -> str:
    """One line: what the cycle did and how it ended (CycleResult.summary, translated)."""
    parts = [
        cli_text(said.PLAN_COUNT(action=action_word(action), number=str(number)))
        for action, number in sorted(result.by_action().items())
    ]
    done = ", ".join(parts) if parts else cli_text(said.NOTHING_TO_DO())
    outcome = said.OUTCOME_WORDS.get(result.outcome)
    outcome_text = cli_text(outcome()) if outcome else result.outcome.replace("_", " ")
    text = cli_text(said.CYCLE_SUMMARY(cycle=result.cycle_id, outcome=outcome_text, done=done))
    if result.failures:
        text += " " + cli_text(said.CYCLE_FAILED_COUNT(count=result.failures))
    reason = text_of(result.reason, result.coded_reason)
    if reason:
        text += f" {reason}"
    return text


def failure_line(failure: Any) -> str:
    """A first failure of a cycle, for stderr."""
    message = text_of(failure.message, failure.coded_message)
    line = f"  {action_word(failure.action)} {failure.user_name}: {message}"
    if failure.tracking_id:
        line += f" [TrackingID {failure.tracking_id}]"
    return line


def log_table(entries: Sequence[Any], cycles: Sequence[Any], interrupted_id: str = "") -> list[str]:
    """The provisioning log as the `logs` command's table, each row from its code if it has one."""
    lines: list[str] = []
    if cycles:
        lines.append(cli_text(said.LOGS_RECENT()))
        for cycle in cycles:
            totals = {a: sum(s.values()) for a, s in cycle.counts.items()}
            done = (
                ", ".join(
                    cli_text(said.PLAN_COUNT(action=action_word(a), number=str(n)))
                    for a, n in sorted(totals.items())
                )
                or "-"
            )
            when = cycle.started.astimezone().strftime("%Y-%m-%d %H:%M")
            lines.append(
                f"  {cycle.cycle_id}  {when}  {_cycle_outcome(cycle, interrupted_id)}  {done}"
            )
        lines.append("")
    if not entries:
        lines.append(cli_text(said.LOGS_NO_ROWS()))
        return lines
    for entry in entries:
        when = entry.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        action, status = action_word(entry.action), status_word(entry.status)
        line = (
            f"{when}  {action:<8} {status:<8} {object_word(entry.object_type):<5} {entry.user_name}"
        )
        message = text_of(entry.message, getattr(entry, "coded_message", None))
        if message:
            line += f"  {message}"
        if entry.error_code and entry.status == "Failure":
            line += f" [{entry.error_code}]"
        lines.append(line)
    return lines


def _cycle_outcome(cycle: Any, interrupted_id: str) -> str:
    if cycle.was_interrupted:
        return cli_text(said.LOGS_RESUMED())
    if not cycle.outcome:
        running = cycle.cycle_id != interrupted_id
        return cli_text(said.LOGS_RUNNING() if running else said.LOGS_INTERRUPTED())
    outcome = said.LOG_OUTCOME_WORDS.get(cycle.outcome)
    return cli_text(outcome()) if outcome is not None else str(cycle.outcome)


__all__ = ["cycle_summary", "error_text", "failure_line", "log_table", "plan_text", "text_of"]
