"""Background work for the pages: a thread pool whose results come back on the GUI thread.

Pages call ``runner.run(fn, *args, done=..., failed=...)``: ``fn`` runs on a worker thread
(database, devices, printing), ``done(result)`` or ``failed(exc)`` run on the GUI thread, so
widgets are only ever touched there. Tests swap in ``ImmediateRunner``, which runs the job at
once on the calling thread and makes page tests deterministic.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Runner(Protocol):
    def run(self, fn: Callable[..., Any], *args: Any, done: Done | None = None,
            failed: Failed | None = None, **kwargs: Any) -> None: ...

    def busy(self) -> bool: ...


class _Relay(QObject):
    """Lives on the GUI thread; queued signals from workers land here."""

    finished = Signal(int, bool, object)

    def __init__(self) -> None:
        super().__init__()
        self.callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self.finished.connect(self._deliver)

    @Slot(int, bool, object)
    def _deliver(self, job: int, ok: bool, value: object) -> None:
        done, failed = self.callbacks.pop(job, (None, None))
        if ok:
            if done is not None:
                done(value)
        elif failed is not None:
            failed(value)  # type: ignore[arg-type]
        else:
            log.error("background job failed", exc_info=value)  # type: ignore[arg-type]


class _Job(QRunnable):
    def __init__(self, relay: _Relay, job: int, fn: Callable[..., Any], args: tuple[Any, ...],
                 kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.relay, self.job, self.fn, self.args, self.kwargs = relay, job, fn, args, kwargs

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure is delivered to the page
            self.relay.finished.emit(self.job, False, exc)
        else:
            self.relay.finished.emit(self.job, True, result)


class ThreadRunner:
    """Runs jobs on a ``QThreadPool``; callbacks are delivered on the GUI thread."""

    def __init__(self, max_threads: int = 4) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max_threads)
        self.relay = _Relay()
        self._next = 0

    def run(self, fn: Callable[..., Any], *args: Any, done: Done | None = None,
            failed: Failed | None = None, **kwargs: Any) -> None:
        self._next += 1
        self.relay.callbacks[self._next] = (done, failed)
        self.pool.start(_Job(self.relay, self._next, fn, args, kwargs))

    def busy(self) -> bool:
        return bool(self.relay.callbacks)

    def wait(self, timeout_s: float = 10.0) -> None:
        """Block until every job finished and its callback ran (tests, shutdown)."""
        from PySide6.QtCore import QCoreApplication

        end = time.monotonic() + timeout_s
        while self.relay.callbacks and time.monotonic() < end:
            self.pool.waitForDone(20)
            QCoreApplication.processEvents()


class ImmediateRunner:
    """Runs each job at once on the calling thread (tests)."""

    def run(self, fn: Callable[..., Any], *args: Any, done: Done | None = None,
            failed: Failed | None = None, **kwargs: Any) -> None:
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001
            if failed is None:
                raise
            failed(exc)
        else:
            if done is not None:
                done(result)

    def busy(self) -> bool:
        return False

    def wait(self, timeout_s: float = 10.0) -> None:
        return None
