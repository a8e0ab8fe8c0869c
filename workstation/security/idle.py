"""Idle lock of the desktop session (khóa phiên khi không thao tác), Qt-free.

The app calls ``touch()`` on every user input and polls ``should_lock()`` from a timer; when
it is true the screen is covered until the same user types the password again
(``workstation.security.users.login``). ``ui.idle_lock_minutes`` = 0 disables the lock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workstation.settings import Settings


def idle_lock_minutes(settings: Settings) -> int:
    """The configured idle time before the lock (0: never)."""
    return max(0, int(settings["ui.idle_lock_minutes"]))


@dataclass
class IdleLock:
    """Tracks the last activity; ``clock`` is injectable (seconds, monotonic)."""

    minutes: int
    clock: Callable[[], float] = time.monotonic
    _last: float = field(default=0.0, init=False)
    locked: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self._last = self.clock()

    @classmethod
    def from_settings(cls, settings: Settings, clock: Callable[[], float] = time.monotonic
                      ) -> IdleLock:
        return cls(idle_lock_minutes(settings), clock)

    def touch(self) -> None:
        """User activity: restart the idle timer (ignored while locked)."""
        if not self.locked:
            self._last = self.clock()

    def idle_seconds(self) -> float:
        return max(0.0, self.clock() - self._last)

    def remaining_seconds(self) -> float | None:
        if self.minutes <= 0:
            return None
        return max(0.0, self.minutes * 60 - self.idle_seconds())

    def should_lock(self) -> bool:
        """True once the idle time is over; the lock then stays until ``unlock()``."""
        if not self.locked and self.minutes > 0 and self.idle_seconds() >= self.minutes * 60:
            self.locked = True
        return self.locked

    def unlock(self) -> None:
        """After the password was checked again."""
        self.locked = False
        self._last = self.clock()
