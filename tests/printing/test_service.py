"""The documents service on a real database: ORM rows → PDFs, the face photo decrypted,
permission checked, every print audited; and the ``workstation print`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import select

from models.applications import Application, BiometricRecord
from models.security import AuditEntry
from printing import samples
from printing.labels import FINGERS
from tests.printing.conftest import pdf_text, render_pages
from workstation.documents import DocumentService
from workstation.errors import PermissionDenied, UsageError, UserFacingError
from workstation.security import Actor
from workstation.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
CLERK = Actor("lan.ht", frozenset({"clerk"}), "TN-SC-01", "Trung úy Hoàng Thị Lan")


def _add_application(session: Any, number: str = "TN-SC-01-20240816-0007",
                     **extra: Any) -> Application:
    values: dict[str, Any] = dict(
        number=number, station_code="TN-SC-01", state="confirmed", kind="renewal",
        reason="cccd_conversion", applicant_pid="019092001234",
        applicant={"full_name": "Nguyễn Thị Hồng Nhung", "date_of_birth": "1992-04-12",
                   "sex": "female", "ethnicity": "Kinh",
                   "residence": "Tổ dân phố 3, phường Thắng Lợi, thành phố Sông Công"},
        age_group="14_and_over", collect_face=True, collect_fingerprints=True,
        collect_iris=True, fee_vnd=15000, received_on=date(2024, 8, 16),
        return_by=date(2024, 8, 27), current_card_type="cccd",
        current_card_number="019192000321", current_card_issued_on=date(2021, 5, 20),
        old_document_collected=True, receipt_serial=f"BL-{number[-13:]}",
        fee_paid_at=datetime(2024, 8, 16, 2, 35, tzinfo=UTC), created_by="duc.tv",
        officer_name="Đại úy Trần Văn Đức")
    values.update(extra)
    app = Application(**values)
    session.add(app)
    session.flush()
    for position in FINGERS:
        session.add(BiometricRecord(
            application_id=app.id, modality="finger", position=position, format="wsq",
            exception_reason="injured" if position == "left_little" else None))
    session.flush()
    return app


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    return load_settings(tmp_path / "none.toml", environ={}).with_values(
        printing__spool_folder=str(tmp_path / "spool"),
        printing__folder=str(tmp_path / "printed"))


def _audit(db: Any) -> list[AuditEntry]:
    with db.session() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "document.print")
                         .order_by(AuditEntry.id)).all()
        s.expunge_all()
        return list(rows)


def test_documents_from_orm_rows_are_audited(db: Any, settings: Any) -> None:
    service = DocumentService(settings)
    with db.session() as s:
        _add_application(s)
    with db.session() as s:
        sheet = service.render(s, CLERK, "information-form", "TN-SC-01-20240816-0007",
                               invariant=True)
        slip = service.render(s, CLERK, "appointment-slip", "TN-SC-01-20240816-0007", "80mm")
    text = " ".join(pdf_text(sheet.pdf).split())
    assert "NGUYỄN THỊ HỒNG NHUNG" in text and "Ngoại lệ: ngón bị thương" in text
    assert "Công an thành phố Sông Công".upper() in text.replace("\n", " ") or \
        "CÔNG AN TỈNH THÁI NGUYÊN" in text
    assert "Đại úy Trần Văn Đức" in text
    assert slip.paper == "80mm" and slip.ticket is not None
    assert slip.ticket.qr == "TN-SC-01-20240816-0007"
    rows = _audit(db)
    assert [(r.username, r.object_type) for r in rows] == [("lan.ht", "application")] * 2
    assert [json.loads(r.details)["document"] for r in rows] == ["information-form",
                                                                 "appointment-slip"]


def test_without_the_permission_nothing_is_rendered_or_audited(db: Any, settings: Any) -> None:
    capture_only = Actor("binh", frozenset({"capture"}))
    with db.session() as s:
        _add_application(s)
    with pytest.raises(PermissionDenied), db.session() as s:
        DocumentService(settings).render(s, capture_only, "fee-receipt",
                                         "TN-SC-01-20240816-0007")
    assert _audit(db) == []


def test_unknown_application_kind_and_paper_are_clear_errors(db: Any, settings: Any) -> None:
    service = DocumentService(settings)
    with db.session() as s:
        _add_application(s)
        with pytest.raises(UserFacingError) as info:
            service.render(s, CLERK, "fee-receipt", "NO-SUCH")
        assert info.value.code == "printing.application_unknown"
        with pytest.raises(UsageError) as info2:
            service.render(s, CLERK, "information-form", "TN-SC-01-20240816-0007", "80mm")
        assert info2.value.code == "printing.unknown_paper"


def test_the_face_photo_is_decrypted_for_the_information_sheet(db: Any, settings: Any,
                                                               tmp_path: Path) -> None:
    from workstation.security.crypto import BiometricVault, ensure_data_key
    from workstation.security.keys import ensure_station_key, key_path

    station, _ = ensure_station_key(key_path(settings))
    with db.session() as s:
        ensure_data_key(s, station)
        app = _add_application(s)
        face = BiometricRecord(application_id=app.id, modality="face", position="face",
                               format="jpeg")
        s.add(face)
        s.flush()
        BiometricVault(s, station).seal_record(face, samples.sample_photo())
    with db.session() as s:
        sheet = DocumentService(settings).render(s, CLERK, "information-form",
                                                 "TN-SC-01-20240816-0007")
    page = render_pages(sheet.pdf, 50, tmp_path, gray=False)[0]
    jacket = (page[..., 2] > 90) & (page[..., 0] < 70)  # the synthetic portrait's jacket
    assert jacket.sum() > 100
    assert "Ảnh khuôn mặt: Đã thu nhận" in pdf_text(sheet.pdf)


def test_printing_goes_through_the_spool_to_the_folder(db: Any, settings: Any) -> None:
    service = DocumentService(settings)
    with db.session() as s:
        _add_application(s)
    with db.session() as s:
        result = service.print(s, CLERK, "handover-slip", "TN-SC-01-20240816-0007")
    assert result.printed
    out = Path(settings["printing.folder"])
    [pdf] = list(out.glob("*.pdf"))
    assert "BIÊN BẢN GIAO NHẬN THẺ CĂN CƯỚC" in pdf_text(pdf.read_bytes())
    assert json.loads(_audit(db)[0].details)["destination"] == "printer"


def test_daily_register_from_the_database(db: Any, settings: Any) -> None:
    with db.session() as s:
        _add_application(s, "TN-SC-01-20240816-0001")
        _add_application(s, "TN-SC-01-20240816-0002", fee_vnd=0, kind="first_issue",
                         reason=None, officer_name="Trung úy Hoàng Thị Lan")
        _add_application(s, "TN-SC-01-20240817-0001", received_on=date(2024, 8, 17))
    leader = Actor("hung", frozenset({"leader"}))
    with db.session() as s:
        doc = DocumentService(settings).render_register(s, leader, date(2024, 8, 16))
    text = " ".join(pdf_text(doc.pdf).split())
    assert "Tổng số hồ sơ: 2" in text and "15.000 đồng" in text
    assert "TN-SC-01-20240817-0001" not in text


def _cli(capsys: pytest.CaptureFixture[str], db_url: str, *args: str) -> tuple[int, str, str]:
    """Run the command in this process (fast); --db after the subcommand, whose own --db
    default would hide a global one."""
    from workstation.cli import main

    capsys.readouterr()
    code = main([args[0], "--db", db_url, *args[1:]])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_print_command(db: Any, db_url: str, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    with db.session() as s:
        _add_application(s)
    out = tmp_path / "slip.pdf"
    code, stdout, err = _cli(capsys, db_url, "print", "appointment-slip",
                             "TN-SC-01-20240816-0007", "--out", str(out), "--paper", "A5",
                             "--json")
    assert code == 0, err
    answer = json.loads(stdout)
    assert answer["paper"] == "A5" and answer["bytes"] == out.stat().st_size
    assert "GIẤY HẸN TRẢ KẾT QUẢ" in pdf_text(out.read_bytes())
    reg = tmp_path / "reg.pdf"
    code, stdout, err = _cli(capsys, db_url, "print", "daily-register", "2024-08-16", "--out",
                             str(reg))
    assert code == 0, err
    assert "Đã lưu" in stdout and "SỔ THEO DÕI" in pdf_text(reg.read_bytes())
    # same input, same bytes
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for path in (a, b):
        assert _cli(capsys, db_url, "print", "information-form", "TN-SC-01-20240816-0007",
                    "--out", str(path), "--invariant")[0] == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(("args", "code", "needle"), [
    (["print", "daily-register", "2024-13-45", "--out", "{tmp}/x.pdf"], 2, "Ngày không hợp lệ"),
    (["print", "information-form", "TN-SC-01-20240816-0007", "--paper", "80mm", "--out",
      "{tmp}/x.pdf"], 2, "Khổ giấy 80mm"),
    (["print", "information-form", "TN-SC-01-20240816-0007", "--out",
      "{tmp}/no/such/dir/x.pdf"], 1, "Không ghi được tệp"),
])
def test_the_print_command_refuses_bad_input_in_one_line(
        db: Any, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        args: list[str], code: int, needle: str) -> None:
    with db.session() as s:
        _add_application(s)
    got, _out, err = _cli(capsys, db_url, *[a.format(tmp=tmp_path) for a in args])
    assert got == code, err
    assert needle in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not list(tmp_path.rglob("*.pdf"))


def test_a_real_process_says_one_translated_line(db: Any, db_url: str, tmp_path: Path) -> None:
    with db.session() as s:
        _add_application(s)
    for lang, needle in (("vi", "Không tìm thấy hồ sơ số NO-SUCH."),
                         ("en", "No application numbered NO-SUCH.")):
        proc = subprocess.run([sys.executable, "-m", "workstation.cli", "print", "--db", db_url,
                               "--lang", lang, "fee-receipt", "NO-SUCH", "--out", "x.pdf"],
                              capture_output=True, text=True, timeout=120, cwd=tmp_path)
        assert proc.returncode == 1
        assert proc.stderr.strip() == needle
        assert not (tmp_path / "x.pdf").exists()


def test_print_to_a_printer_name_that_does_not_exist_is_a_clear_message(
        db: Any, db_url: str, tmp_path: Path) -> None:
    with db.session() as s:
        _add_application(s)
    import os

    env = dict(os.environ, WORKSTATION_PRINTING_SINK="cups",
               WORKSTATION_PRINTING_CUPS_PRINTER="NoSuchPrinter",
               WORKSTATION_PRINTING_SPOOL_FOLDER=str(tmp_path / "spool"))
    if not os.environ.get("CUPS_SERVER"):
        pytest.skip("needs the CUPS service (scripts/services/cups.sh)")
    proc = subprocess.run([sys.executable, "-m", "workstation.cli", "print", "--db", db_url,
                           "fee-receipt", "TN-SC-01-20240816-0007"], capture_output=True,
                          text=True, timeout=120, env=env, cwd=ROOT)
    assert proc.returncode == 1
    assert 'Không có máy in tên "NoSuchPrinter"' in proc.stderr
    assert list((tmp_path / "spool").rglob("*.pdf"))  # kept for when the name is fixed


def test_qr_on_the_slip_from_the_database(db: Any, settings: Any, tmp_path: Path) -> None:
    from tests.printing.conftest import decode_qr

    with db.session() as s:
        _add_application(s)
    with db.session() as s:
        slip = DocumentService(settings).render(s, CLERK, "appointment-slip",
                                                "TN-SC-01-20240816-0007", "A5")
    page = render_pages(slip.pdf, 150, tmp_path)[0]
    assert decode_qr(np.asarray(page)) == "TN-SC-01-20240816-0007"


def test_a_printer_that_is_off_keeps_the_job_in_the_queue_command(
        db: Any, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with db.session() as s:
        _add_application(s)
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there: the receipt printer is off
    monkeypatch.setenv("WORKSTATION_PRINTING_RECEIPT_PRINTER", f"tcp:127.0.0.1:{port}")
    monkeypatch.setenv("WORKSTATION_PRINTING_SPOOL_FOLDER", str(tmp_path / "spool"))
    code, out, err = _cli(capsys, db_url, "print", "appointment-slip",
                          "TN-SC-01-20240816-0007", "--paper", "80mm")
    assert code == 0, err
    assert "Đã đưa vào hàng đợi in" in out and "đang tắt" in out
    code, out, err = _cli(capsys, db_url, "print", "queue", "--json")
    assert code == 0, err
    [job] = json.loads(out)
    assert job["queue"] == "receipt" and job["document"] == "appointment-slip"
    assert job["last_error_code"] == "printing.printer_offline"
    code, out, err = _cli(capsys, db_url, "print", "queue", "--retry", "--json")
    assert json.loads(out)[0]["attempts"] == 2
