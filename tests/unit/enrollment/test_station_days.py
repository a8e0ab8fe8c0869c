"""The station's own calendar days: permission, audit, and the return date follows them."""

from __future__ import annotations

from datetime import date

import pytest

from models.db import Database
from workstation.enrollment import EnrollmentService
from workstation.enrollment.station import list_overrides, remove_override, set_override
from workstation.errors import PermissionDenied, ValidationFailed
from workstation.security import Actor

from .conftest import ACTOR, audit_actions

ADMIN = Actor("quan.tri", frozenset({"admin"}), "TN-SC-01")
SMALL = {"pid": "019321001111", "full_name": "Lò Thị Mai", "date_of_birth": "05/03/2021",
         "sex": "female", "kind": "first_issue", "representative_pid": "019085001234",
         "representative_name": "Lò Văn Tủa", "representative_relationship": "father"}


def test_a_local_day_off_moves_the_return_date(enroll: EnrollmentService, db: Database,
                                               audit_log: list[object]) -> None:
    before = enroll.evaluate(SMALL)["return_by"]
    with pytest.raises(PermissionDenied):
        set_override(db, ACTOR, date(2026, 11, 30), False, "Lễ hội địa phương")
    with pytest.raises(ValidationFailed):
        set_override(db, ADMIN, date(2026, 11, 30), False, "  ")
    set_override(db, ADMIN, date(2026, 11, 30), False, "Lễ hội địa phương")
    assert [(o["day"], o["working"]) for o in list_overrides(db)] == [(date(2026, 11, 30),
                                                                       False)]
    after = enroll.evaluate(SMALL)["return_by"]
    assert date.fromisoformat(after) > date.fromisoformat(before)
    assert audit_actions(db, audit_log, "2026-11-30") == ["calendar.edit"]
    remove_override(db, ADMIN, date(2026, 11, 30))
    assert list_overrides(db) == []
    assert enroll.evaluate(SMALL)["return_by"] == before
