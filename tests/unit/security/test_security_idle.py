"""The idle lock helper the desktop app uses (ui.idle_lock_minutes)."""

from __future__ import annotations

from workstation.security.idle import IdleLock, idle_lock_minutes
from workstation.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_locks_after_the_idle_minutes_and_stays_locked(settings: Settings) -> None:
    assert idle_lock_minutes(settings) == 10
    clock = Clock()
    lock = IdleLock.from_settings(settings, clock)
    clock.now += 9 * 60
    assert not lock.should_lock() and lock.remaining_seconds() == 60
    lock.touch()  # activity restarts the timer
    clock.now += 9 * 60 + 59
    assert not lock.should_lock()
    clock.now += 1
    assert lock.should_lock()
    lock.touch()  # input behind the lock screen does not unlock
    assert lock.should_lock()
    lock.unlock()
    assert not lock.should_lock() and lock.idle_seconds() == 0


def test_zero_disables_the_lock(settings: Settings) -> None:
    clock = Clock()
    lock = IdleLock.from_settings(settings.with_values(ui__idle_lock_minutes=0), clock)
    clock.now += 10**6
    assert not lock.should_lock() and lock.remaining_seconds() is None
