"""A hybrid logical clock (Kulkarni et al., 2014): physical milliseconds, a counter and the device's id.

Each change carries one reading. Readings order changes the way people expect when clocks are right, stay
monotonic on a device whose clock goes backwards, and always put an effect after what it saw from another
device (``receive``). Ties between devices are broken by the device id, so the order is total. The text form
``{ms:013d}-{counter:05d}-{device}`` sorts as text the way the clock sorts.

A remote clock far ahead of ours is not trusted blindly: ``receive`` still moves past it (so nothing merges in
the wrong order), but reports the skew so people can fix the clock. Pure Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A remote clock more than this far ahead of ours is reported (5 minutes).
MAX_SKEW_MS = 5 * 60 * 1000
MAX_COUNTER = 99_999
MAX_MS = 10**13 - 1
_TEXT = re.compile(r"^(\d{13})-(\d{5})-(.+)$")


class ClockError(ValueError):
    """Not a clock reading."""


@dataclass(frozen=True, order=True)
class HLC:
    ms: int
    counter: int
    device: str

    def __post_init__(self) -> None:
        if not 0 <= self.ms <= MAX_MS or not 0 <= self.counter <= MAX_COUNTER:
            raise ClockError("clock reading out of range")
        if not self.device or not self.device.isprintable() or " " in self.device:
            raise ClockError("a clock reading needs a device id")

    def encode(self) -> str:
        return f"{self.ms:013d}-{self.counter:05d}-{self.device}"

    @classmethod
    def decode(cls, text: str) -> HLC:
        m = _TEXT.match(text or "")
        if not m:
            raise ClockError(f"not a clock reading: {text[:40]!r}")
        return cls(int(m.group(1)), int(m.group(2)), m.group(3))

    def __str__(self) -> str:
        return self.encode()


@dataclass(frozen=True)
class SkewWarning:
    """A remote clock ahead of ours by ``ahead_ms``: its changes still merge by clock, but its time is wrong."""

    device: str
    ahead_ms: int

    def message(self) -> str:
        return (f"The clock of device {self.device} is {self.ahead_ms // 60000} minutes ahead of this one. "
                "Its changes were merged, but set its date and time right.")


def tick(last: HLC | None, now_ms: int, device: str) -> HLC:
    """The reading for a local event, after ``last`` (this device's latest reading, None for the first)."""
    if last is None or now_ms > last.ms:
        return HLC(now_ms, 0, device)
    return _bump(last.ms, last.counter, device)


def receive(last: HLC | None, remote: HLC, now_ms: int, device: str) -> tuple[HLC, SkewWarning | None]:
    """Our next reading after seeing ``remote`` (a change from elsewhere): later than both ``last`` and
    ``remote``; with a warning when ``remote`` runs more than ``MAX_SKEW_MS`` ahead of ``now_ms``."""
    warning = SkewWarning(remote.device, remote.ms - now_ms) if remote.ms - now_ms > MAX_SKEW_MS else None
    last_ms, last_counter = (last.ms, last.counter) if last is not None else (-1, -1)
    ms = max(last_ms, remote.ms, now_ms)
    if ms == last_ms == remote.ms:
        counter = max(last_counter, remote.counter) + 1
    elif ms == last_ms:
        counter = last_counter + 1
    elif ms == remote.ms:
        counter = remote.counter + 1
    else:
        counter = 0
    if counter > MAX_COUNTER:
        return HLC(ms + 1, 0, device), warning
    return HLC(ms, counter, device), warning


def _bump(ms: int, counter: int, device: str) -> HLC:
    # the counter overflowing (100,000 events in one millisecond) borrows the next millisecond
    return HLC(ms, counter + 1, device) if counter < MAX_COUNTER else HLC(ms + 1, 0, device)


def later(a: str | None, b: str | None) -> bool:
    """Whether the reading ``a`` comes after ``b`` (text readings compare as text; None is earliest)."""
    return (a or "") > (b or "")
