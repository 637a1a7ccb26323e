"""A terminal progress bar counted in users, with rate and time left (plain text on stderr)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from app.sync.events import SyncEvent


def format_duration(seconds: float) -> str:
    total_seconds = max(0, round(seconds))
    hours, rest = divmod(total_seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    """An engine listener that redraws one line: `[#####-----] 450/1000 users 85/s 0:06 left`.

    Drawn at most every `interval` seconds (the engine already coalesces its progress
    events); the line ends with a newline when the cycle finishes.
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        width: int = 30,
        interval: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.interval = interval
        self._clock = clock
        self._started: float | None = None
        self._last_draw = float("-inf")
        self._drawn = False
        self._line_length = 0

    def __call__(self, event: SyncEvent) -> None:
        if event.kind == "progress" and event.total:
            now = self._clock()
            if self._started is None:
                self._started = now
            finished = event.done >= event.total
            if finished or now - self._last_draw >= self.interval:
                self._last_draw = now
                self._draw(self.render(event.done, event.total, now - self._started))
        elif event.kind == "cycle_finished" and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
            self._started = None

    def render(self, done: int, total: int, elapsed: float) -> str:
        """The text of the bar (without the carriage return)."""
        share = done / total if total else 1.0
        filled = round(share * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        text = f"[{bar}] {done}/{total} users"
        if done and elapsed > 0:
            rate = done / elapsed
            text += f" {rate:.0f}/s"
            if done < total:
                text += f" {format_duration((total - done) / rate)} left"
            else:
                text += f" in {format_duration(elapsed)}"
        return text

    def _draw(self, text: str) -> None:
        padding = " " * max(0, self._line_length - len(text))
        self.stream.write("\r" + text + padding)
        self.stream.flush()
        self._line_length = len(text)
        self._drawn = True
