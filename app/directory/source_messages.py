"""The sentences of open_source (app.directory.factory). Each is a coded message
(app.messages); the French is in resources/locale/."""

from __future__ import annotations

from app.messages import message

UNKNOWN_KIND = message("source.kind.unknown", "The source kind {kind} is not known.")
UNKNOWN_KIND_NEXT = message("source.kind.unknown.next", "Choose csv or entra (--source).")
