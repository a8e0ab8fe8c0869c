"""Work around a PySide6 6.12 reference-count bug on Python 3.11: make ``None`` immortal.

Found while measuring the camera preview: with PySide6 6.12.0 on CPython 3.11 every call of a
Qt method that returns ``void`` (``QLabel.setText``, ``QWidget.update``, every
``QPainter.set*``/``draw*`` …) takes one reference away from ``None`` — the generated
bindings return ``Py_None`` without a new reference, harmless from Python 3.12 on where
``None`` is immortal (PEP 683). On 3.11 the count reaches zero after some thousands of calls
and the process aborts with ``Fatal Python error: none_dealloc: deallocating None``. A live
preview makes ~100 such calls per frame: a crash within a minute.

``protect_none()`` raises ``None``'s reference count by 2**48 (what 3.12 does in spirit), which
no session can use up. It is a no-op on 3.12+, on other interpreters and on debug builds.
Call it once, as early as possible, in every process that uses Qt from Python (the app's
composition root and the test conftest; this module's widgets call it on import).
"""

from __future__ import annotations

import sys

BOOST = 1 << 48
FLOOR = 1 << 40


def needs_protection() -> bool:
    return (sys.implementation.name == "cpython" and sys.version_info < (3, 12)
            and not hasattr(sys, "gettotalrefcount"))


def protect_none() -> bool:
    """Top up ``None``'s reference count if it is below 2**40. True if it was needed."""
    if not needs_protection():
        return False
    import ctypes

    refcnt = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt: the first field of PyObject
    if refcnt.value < FLOOR:
        refcnt.value += BOOST
    return True
