"""Demo applications through the real services, and ``workstation applications list``."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from models.db import Database
from workstation.enrollment import EnrollmentService
from workstation.enrollment.demo import create_demo_applications

from .conftest import TODAY


def test_demo_makes_applications_in_several_states(enroll: EnrollmentService, db: Database,
                                                   tmp_path: Any) -> None:
    result = create_demo_applications(db, enroll.settings, on=TODAY)
    cases = {c["case"]: c["state"] for c in result["created"]}
    assert cases == {"under_6": "submitted", "6_to_under_14": "verified",
                     "cccd_conversion": "verified", "draft": "draft"}
    assert result["skipped"] == []
    # Running it again finds nobody new for the three cases and creates no duplicates.
    again = create_demo_applications(db, enroll.settings, on=TODAY)
    assert {c["case"] for c in again["created"]} <= {"draft"}


def test_cli_lists_applications_as_json(enroll: EnrollmentService, db: Database) -> None:
    create_demo_applications(db, enroll.settings, on=TODAY)
    url = db.url
    proc = subprocess.run([sys.executable, "-m", "workstation.cli", "applications", "list",
                           "--db", url, "--json", "--state", "submitted"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert len(rows) == 1 and rows[0]["state"] == "submitted"
    assert rows[0]["applicant_pid"] == "019321001111" and rows[0]["kind"] == "first_issue"
    assert rows[0]["number"].startswith("TN-SC-01-20261127-")
    bad = subprocess.run([sys.executable, "-m", "workstation.cli", "applications", "list",
                          "--db", url, "--state", "nope"], capture_output=True, text=True,
                         timeout=60)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.count("\n") == 1
