"""The user interface language: the program's own .qm and Qt's, chosen by --lang or the system.

Two catalogues of the program: the window's own strings (resources/translations/, contexts
named after the classes) and the coded messages of app.messages (resources/locale/qt/, built
from the same .po the CLI reads, context "Messages"), rendered with `tr_message`.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

from app.checks import CheckResult
from app.errors import UserFacingError
from app.language import locale_dir
from app.messages import Medium, Message
from app.ui.resources import translations_dir

log = logging.getLogger(__name__)

CATALOG = "webex_provisioner"
MESSAGES_CATALOG = "messages"  # resources/locale/qt/messages_<lang>.qm
MESSAGES_CONTEXT = "Messages"
LANGUAGES = ("en", "fr")  # English is the source language: it needs no catalog


def choose_locale(lang: str | None) -> QLocale:
    if lang:
        return QLocale(lang)
    return QLocale.system()


def install_translators(app: QCoreApplication, lang: str | None) -> list[QTranslator]:
    """Install the program's and Qt's translators for the chosen language; return them.

    An unknown language falls back to English, and the log says so.
    """
    locale = choose_locale(lang)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    language = QLocale.languageToCode(locale.language())
    if language == "en" or language == "C":
        return installed
    own = QTranslator(app)
    if own.load(locale, CATALOG, "_", str(translations_dir())):
        app.installTranslator(own)
        installed.append(own)
    else:
        log.warning("no translation for %s; the interface stays in English", locale.name())
    messages = QTranslator(app)
    if messages.load(locale, MESSAGES_CATALOG, "_", str(Path(locale_dir()) / "qt")):
        app.installTranslator(messages)
        installed.append(messages)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def qt_translate(text: str, plural: str | None, n: int | None) -> str:
    """app.messages' `Translate` through Qt: the installed "Messages" catalogue, else English.

    English loads no catalogue: Qt gives the source back, and the English plural is chosen
    here (Qt's numerus forms live only in the French catalogue).
    """
    if plural is None:
        return QCoreApplication.translate(MESSAGES_CONTEXT, text)
    count = -1 if n is None else n
    translated = QCoreApplication.translate(MESSAGES_CONTEXT, text, None, count)
    if translated == text and count != 1:
        return plural
    return translated


def tr_message(message: Message, medium: Medium = "gui") -> str:
    """A coded message in the interface language, as the window says it."""
    return message.render(qt_translate, medium)


def tr_text(text: str | Message, medium: Medium = "gui") -> str:
    """A text to show: a coded message in the interface language, a plain str as it is."""
    return tr_message(text, medium) if isinstance(text, Message) else text


def tr_said(english: str, coded: Message | None, medium: Medium = "gui") -> str:
    """A producer's sentence kept twice (its English, its code when it was coded): the code
    in the interface language when there is one, else the English as it was made."""
    return tr_message(coded, medium) if coded is not None else english


def tr_error(error: UserFacingError, medium: Medium = "gui") -> tuple[str, str]:
    """An error's message and next step in the interface language ("" when no step)."""
    return error.texts(qt_translate, medium)


def tr_error_text(error: BaseException) -> str:
    """An error as one line in the interface language: a UserFacingError's message and next
    step (rendered from their codes), any other error's own text."""
    if isinstance(error, UserFacingError):
        return error.render(qt_translate, "gui")
    return str(error)


def tr_check(check: CheckResult) -> CheckResult:
    """The check with its title, reason and next step in the interface language."""
    title, reason, next_step = check.texts(qt_translate, "gui")
    return dataclasses.replace(check, title=title, reason=reason, next_step=next_step)


def plural(text: str, count: int) -> str:
    """The text of tr(source, "", count) with English's plural where no catalog gave one.

    Sources write a count's noun as "user(s)" next to %Ln: the French catalog has its own
    forms for each count; English, the source language, loads no catalog, so "(s)" is
    resolved here ("1 user", "2 users", "0 users").
    """
    return text.replace("(s)", "" if count == 1 else "s")


def seconds_time_format(locale: QLocale | None = None) -> str:
    """The locale's short time format with seconds ("HH:mm:ss", "h:mm:ss AP" in English US)."""
    fmt = (locale or QLocale()).timeFormat(QLocale.FormatType.ShortFormat)
    return fmt if "ss" in fmt else fmt.replace("mm", "mm:ss", 1)


def local_time_text(value: datetime, *, with_date: bool = True, seconds: bool = False) -> str:
    """A time in the user's locale and time zone ("26/11/2026 10:42" in French; with
    `seconds`, "26/11/2026 10:42:09"; without the date, the time of day alone)."""
    locale = QLocale()
    moment = QDateTime.fromMSecsSinceEpoch(round(value.timestamp() * 1000))
    time_format = seconds_time_format(locale) if seconds else None
    time = (
        locale.toString(moment.time(), time_format)
        if time_format is not None
        else locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
    )
    if not with_date:
        return time
    return f"{locale.toString(moment.date(), QLocale.FormatType.ShortFormat)} {time}"
