"""The failure e-mail and the test message, in the language chosen in the profile
(notifications.language: "system", "en" or "fr"): subject, plain text and HTML.

Each message has a plain-text body with no links and an HTML alternative that carries the
same words. Addresses that appear in the texts lose their scheme, so that no mail client
turns them into links. Coded messages (the cycle's reason and next step, the failures') are
rendered with the medium "mail": next steps name commands, not buttons.
"""

from __future__ import annotations

import html
import re
import socket
from collections.abc import Mapping, Sequence
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import TYPE_CHECKING

from app import __version__
from app.language import choose_language, translator
from app.messages import Message, Translate
from app.notify import mail_messages as words
from app.sync.word_messages import ACTION_WORDS, STATUS_WORDS, word

if TYPE_CHECKING:
    from app.notify.mail import MailSettings
    from app.sync.events import CycleResult, SyncEvent

SUBJECT_PREFIX = "[webex-provisioner]"
MAX_FAILURES_IN_MAIL = 10
_SCHEME = re.compile(r"(?i)\b(?:https?|ftp)://")


def mail_translator(language: str) -> Translate:
    """The translation of the e-mail: "system" (or "") is the computer's language."""
    return translator(choose_language(None if language in ("", "system") else language))


def describe_server(settings: MailSettings, tr: Translate) -> str:
    security = words.SECURITY_WORDS[settings.security]()
    return words.SERVER(host=settings.host, port=str(settings.port), security=security).render(
        tr, "mail"
    )


def build_test_message(settings: MailSettings, *, profile_name: str = "") -> EmailMessage:
    tr = mail_translator(settings.language)
    if profile_name:
        subject = words.TEST_SUBJECT_PROFILE(prefix=SUBJECT_PREFIX, profile=profile_name)
        first = words.TEST_FROM_PROFILE(profile=profile_name)
    else:
        subject, first = words.TEST_SUBJECT(prefix=SUBJECT_PREFIX), words.TEST_FROM()
    lines = [
        first.render(tr, "mail"),
        "",
        words.TEST_WORKS(recipients=", ".join(settings.recipients)).render(tr, "mail"),
        words.TEST_ONCE().render(tr, "mail"),
        "",
        words.TEST_SERVER(server=describe_server(settings, tr)).render(tr, "mail"),
    ]
    subject_text = subject.render(tr, "mail")
    html_body = _html_page(subject_text, [_html_paragraphs(lines)], tr)
    return _message(settings, subject_text, "\n".join(lines) + _footer_text(tr), html_body)


def failure_subject(profile_name: str, result: CycleResult, tr: Translate | None = None) -> str:
    tr = tr or translator("en")
    subject = words.SUBJECT(
        prefix=SUBJECT_PREFIX, profile=profile_name, outcome=coded_outcome(result)
    )
    return subject.render(tr, "mail")


def coded_outcome(result: CycleResult) -> Message:
    """How the cycle ended, in the words of the subject line."""
    if result.outcome == "quarantined":
        return words.OUTCOME_QUARANTINED()
    if result.outcome == "held":
        return words.OUTCOME_HELD()
    if result.outcome == "completed_with_failures":
        return words.OUTCOME_FAILURES(count=result.failures)
    if result.outcome == "failed":
        return words.OUTCOME_FAILED()
    return words.OUTCOME_OTHER(outcome=result.outcome.replace("_", " "))


def outcome_words(result: CycleResult, tr: Translate | None = None) -> str:
    return coded_outcome(result).render(tr or translator("en"), "mail")


def build_failure_message(
    settings: MailSettings, *, profile_name: str, result: CycleResult
) -> EmailMessage:
    tr = mail_translator(settings.language)

    def say(msg: Message) -> str:
        return msg.render(tr, "mail")

    subject = failure_subject(profile_name, result, tr)
    failures = list(result.first_failures[:MAX_FAILURES_IN_MAIL])
    shown = {"shown": str(len(failures)), "total": str(max(result.failures, len(failures)))}
    outcome = outcome_words(result, tr)
    reason = _unlink(_coded_or(result.coded_reason, result.reason, tr))
    next_step = _unlink(
        _coded_or(result.coded_next_step, result.next_step, tr)
        or say(_default_next_step(result, profile_name))
    )
    when = words.NOT_BEFORE(when=_when(result.next_attempt)) if result.next_attempt else None
    rows = _count_rows(result.counts, tr)

    text = [
        say(words.LINE(label=words.PROFILE(), value=profile_name)),
        say(words.LINE(label=words.OUTCOME(), value=outcome)),
        *([say(words.LINE(label=words.WHY(), value=reason))] if reason else []),
        say(
            words.CYCLE_LINE(
                cycle=result.cycle_id,
                started=_when(result.started),
                finished=_when(result.finished),
            )
        ),
        *([say(words.LINE(label=words.NEXT_ATTEMPT(), value=when))] if when else []),
        "",
        say(words.WHAT_NEXT_LINE()),
        next_step,
        "",
        say(words.COUNTS_LINE()),
    ]
    text += [f"  {say(words.LINE(label=a, value=d))}" for a, d in rows] or [
        f"  {say(words.NOTHING_PLANNED_LINE())}"
    ]
    if failures:
        text += ["", say(words.FIRST_FAILURES_LINE(**shown))]
        for number, event in enumerate(failures, 1):
            user, action, error, step = _failure_fields(event, tr)
            line = words.FAILURE_LINE(number=str(number), user=user, action=action, error=error)
            text.append(f"  {say(line)}")
            if step:
                text.append(f"     {say(words.FAILURE_NEXT(step=step))}")

    table = [
        (say(words.PROFILE()), profile_name),
        (say(words.OUTCOME()), outcome),
        *([(say(words.WHY()), reason)] if reason else []),
        (say(words.CYCLE()), result.cycle_id),
        (say(words.STARTED()), _when(result.started)),
        (say(words.FINISHED()), _when(result.finished)),
        *([(say(words.NEXT_ATTEMPT()), say(when))] if when else []),
    ]
    sections = [
        _html_table(table),
        f"<h2>{html.escape(say(words.WHAT_NEXT()))}</h2>" + _html_paragraphs([next_step]),
        f"<h2>{html.escape(say(words.COUNTS()))}</h2>"
        + (_html_table(rows) if rows else _html_paragraphs([say(words.NOTHING_PLANNED())])),
    ]
    if failures:
        sections.append(_failure_table(failures, tr, say(words.FIRST_FAILURES(**shown))))
    html_body = _html_page(subject, sections, tr)
    return _message(settings, subject, "\n".join(text) + _footer_text(tr), html_body)


def _failure_table(failures: Sequence[SyncEvent], tr: Translate, heading: str) -> str:
    names = (words.USER, words.ACTION, words.ERROR, words.NEXT_STEP)
    header = "<tr>" + "".join(f"<th>{html.escape(n().render(tr, 'mail'))}</th>" for n in names)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{html.escape(cell)}</td>" for cell in _failure_fields(e, tr))
        + "</tr>"
        for e in failures
    )
    return (
        f"<h2>{html.escape(heading)}</h2>"
        f'<table border="1" cellpadding="4" cellspacing="0">{header}</tr>{body}</table>'
    )


def _coded_or(coded: Message | None, text: str, tr: Translate) -> str:
    """A coded message in the e-mail's language, else the plain text as it is."""
    return coded.render(tr, "mail") if coded is not None else text


def _failure_fields(event: SyncEvent, tr: Translate) -> tuple[str, str, str, str]:
    message = _coded_or(event.coded_message, event.message, tr)
    error = message or event.error_code or words.NO_DETAIL().render(tr, "mail")
    if event.error_code and message and event.error_code not in message:
        error = f"{message} ({event.error_code})"
    action = word(ACTION_WORDS, event.action).render(tr, "mail")
    return (
        event.user_name or event.source_id or words.UNKNOWN_USER().render(tr, "mail"),
        action if event.action else "-",
        _unlink(error),
        _unlink(_coded_or(event.coded_next_step, event.next_step, tr)),
    )


def _default_next_step(result: CycleResult, profile_name: str) -> Message:
    if result.outcome == "quarantined":
        return words.NEXT_QUARANTINED(profile=profile_name)
    if result.outcome == "held":
        return words.NEXT_HELD(profile=profile_name)
    return words.NEXT_FAILURES(profile=profile_name)


def _count_rows(counts: Mapping[str, Mapping[str, int]], tr: Translate) -> list[tuple[str, str]]:
    rows = []
    for action in sorted(counts):
        statuses = counts[action]
        detail = ", ".join(
            words.COUNT(status=word(STATUS_WORDS, status), number=str(number)).render(tr, "mail")
            for status, number in sorted(statuses.items())
        )
        rows.append((word(ACTION_WORDS, action).render(tr, "mail"), detail))
    return rows


def _unlink(text: str) -> str:
    return _SCHEME.sub("", text)


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()


def _footer_text(tr: Translate) -> str:
    footer = words.FOOTER(version=__version__, host=socket.gethostname()).render(tr, "mail")
    return f"\n\n-- \n{footer}\n"


def _html_page(title: str, sections: Sequence[str], tr: Translate) -> str:
    footer = html.escape(_footer_text(tr).strip().removeprefix("--").strip())
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>"
        '<body style="font-family: sans-serif">'
        + "".join(sections)
        + f'<hr><p style="color: #666; font-size: small">{footer}</p></body></html>'
    )


def _html_paragraphs(lines: Sequence[str]) -> str:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(html.escape(line))
        elif paragraphs[-1]:
            paragraphs.append([])
    return "".join(f"<p>{'<br>'.join(p)}</p>" for p in paragraphs if p)


def _html_table(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><th align="left">{html.escape(key)}</th><td>{html.escape(value)}</td></tr>'
        for key, value in rows
    )
    return f'<table cellpadding="4" cellspacing="0">{cells}</table>'


def _message(settings: MailSettings, subject: str, text: str, html_body: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.envelope_sender
    message["To"] = ", ".join(settings.recipients)
    message["Date"] = format_datetime(datetime.now().astimezone())
    domain = settings.envelope_sender.rpartition("@")[2] or "webex-provisioner.invalid"
    message["Message-ID"] = make_msgid("webex-provisioner", domain=domain)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies
    message.set_content(text)
    message.add_alternative(html_body, subtype="html")
    return message


__all__ = [
    "MAX_FAILURES_IN_MAIL",
    "SUBJECT_PREFIX",
    "build_failure_message",
    "build_test_message",
    "coded_outcome",
    "failure_subject",
    "mail_translator",
    "outcome_words",
]
