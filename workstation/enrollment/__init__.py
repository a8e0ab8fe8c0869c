"""Applications (hồ sơ) from reception to card handover: a Qt-free state machine.

``EnrollmentService(db, settings)`` holds every transition (``save_draft``, ``verify``,
``attach_capture``, ``complete_capture``, ``record_printed``, ``confirm``, ``collect_fee``,
``submit``, ``card_arrived``, ``hand_over``, ``reject``, ``cancel``); ``forms`` parses what the
reception form sends; ``lifecycle`` is the table of states and transitions.
"""

from __future__ import annotations

from workstation.enrollment.lifecycle import NEXT_ACTION, TRANSITIONS, Transition
from workstation.enrollment.service import (
    Conflict,
    EnrollmentService,
    list_applications,
    summary,
)

__all__ = [
    "NEXT_ACTION",
    "TRANSITIONS",
    "Conflict",
    "EnrollmentService",
    "Transition",
    "list_applications",
    "summary",
]
