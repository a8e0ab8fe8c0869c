"""Importing population records: the forgiving form, the strict content, idempotence, history."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from models.records import IdentityDocument, ParentLink, Resident, ResidentChange
from workstation.errors import UsageError
from workstation.records.importer import Importer, import_file
from workstation.rules.names import encode_legacy

HEADER = "Số định danh cá nhân,\"Họ, chữ đệm và tên\",Ngày sinh,Giới tính,Nơi thường trú,Số hộ"
GOOD = [
    "019090000001,Nguyễn Văn Đức,01/02/1990,Nam,Tổ 1 Phường Thắng Lợi,H1",
    "019190000002,Trần Thị Mai,3/4/1990,Nữ,Tổ 1 Phường Thắng Lợi,H1",
    "019219000003,Nguyễn Minh An,2019-03-05,Nam,Tổ 1 Phường Thắng Lợi,H1",
    "019045000004,Lê Văn Tám,1945,Nam,Xóm Lát Đá,H2",
]


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if encoding in ("utf-8", "utf-16", "utf-8-sig")
                     else encode_legacy(text, encoding))
    return path


def count(db: Any, model: Any) -> int:
    with db.session() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_three_bad_rows_are_reported_exactly_and_the_rest_imported(db: Any,
                                                                    tmp_path: Path) -> None:
    lines = [HEADER, *GOOD[:2],
             "01909000000X,Người Sai Số,01/01/1990,Nam,,",      # row 4
             GOOD[2],
             "019090000006,Người Sai Ngày,30/02/1990,Nam,,",    # row 6
             "019090000007,,01/01/1990,Nam,,",                  # row 7
             GOOD[3]]
    result = import_file(db, write(tmp_path, "ds.csv", "\n".join(lines) + "\n"),
                         today=date(2026, 11, 1))
    assert result.rows == 7
    assert result.imported == 4
    assert [(r.row, r.field, r.code) for r in result.rejected] == [
        (4, "pid", "pid.format"), (6, "date_of_birth", "dob.invalid"),
        (7, "full_name", "name.empty")]
    assert result.rejected[0].message.startswith("Số định danh phải có 12 chữ số")
    assert count(db, Resident) == 4
    with db.session() as s:
        old = s.execute(select(Resident).where(Resident.pid == "019045000004")).scalar_one()
        assert (old.dob_precision, old.birth_year) == ("year", 1945)
        assert old.name_key == "le van tam"


def test_reimporting_the_same_file_changes_nothing(db: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "ds.csv", "\n".join([HEADER, *GOOD]) + "\n")
    first = import_file(db, path)
    with db.session() as s:
        stamps = sorted(s.execute(select(Resident.pid, Resident.updated_at)).all())
    again = import_file(db, path)
    assert (first.imported, again.imported, again.updated, again.unchanged) == (4, 0, 0, 4)
    with db.session() as s:
        assert sorted(s.execute(select(Resident.pid, Resident.updated_at)).all()) == stamps
    assert count(db, ResidentChange) == 0


def test_a_newer_extract_updates_by_pid_and_keeps_the_history(db: Any, tmp_path: Path) -> None:
    header = HEADER + ",Số định danh của cha,Họ tên cha"
    old = [g + ",," for g in GOOD]
    import_file(db, write(tmp_path, "t1.csv", "\n".join([header, *old]) + "\n"))
    new = list(old)
    new[2] = ("019219000003,Nguyễn Minh Anh,2019-03-05,Nam,Tổ 2 Phường Thắng Lợi,H1,"
              "019090000001,Nguyễn Văn Đức")
    new.append("019290000009,Nguyễn Thị Hoa,2020-01-01,Nữ,Tổ 1 Phường Thắng Lợi,H1,,")
    result = import_file(db, write(tmp_path, "t2.csv", "\n".join([header, *new]) + "\n"))
    assert (result.imported, result.updated, result.unchanged) == (1, 1, 3)
    with db.session() as s:
        changes = {c.field: (c.old_value, c.new_value) for c in s.execute(
            select(ResidentChange)).scalars()}
        child = s.execute(select(Resident).where(Resident.pid == "019219000003")).scalar_one()
        assert child.full_name == "Nguyễn Minh Anh"
        assert [(p.role, p.parent_pid) for p in child.parents] == [("father", "019090000001")]
    assert changes["full_name"] == ("Nguyễn Minh An", "Nguyễn Minh Anh")
    assert changes["residence"] == ("Tổ 1 Phường Thắng Lợi", "Tổ 2 Phường Thắng Lợi")
    assert changes["father_pid"] == (None, "019090000001")
    assert changes.keys() == {"full_name", "residence", "father_pid", "father_name"}


def test_missing_required_columns_are_refused_before_any_write(db: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "Số định danh cá nhân,Họ và tên,Ghi chú\n019090000001,A,\n")
    with pytest.raises(UsageError) as info:
        import_file(db, path)
    assert info.value.code == "records.import.missing_columns"
    assert "date_of_birth" in info.value.text("en") and "sex" in info.value.text("en")
    assert count(db, Resident) == 0


def test_a_binary_file_renamed_csv_is_refused(db: Any, tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(UsageError) as info:
        import_file(db, path)
    assert info.value.code == "records.import.binary"
    assert "photo.csv" in info.value.text("vi")


def test_title_rows_semicolons_quoted_newlines_blank_rows_unknown_columns(
        db: Any, tmp_path: Path) -> None:
    text = ("CÔNG AN THÀNH PHỐ SÔNG CÔNG;;;;\n"
            "Danh sách nhân khẩu phường Thắng Lợi;;;;\n"
            "\n"
            "STT;SỐ ĐỊNH DANH CÁ NHÂN;HỌ VÀ TÊN;NGÀY SINH;GIỚI TÍNH;GHI CHÚ\n"   # line 4
            '1;019090000001;Nguyễn Văn Đức;01/02/1990;Nam;"chuyển đến\ntừ Phổ Yên"\n'  # 5-6
            ";;;;;\n"                                                          # line 7
            "2;019190000002;Trần Thị Mai;03/04/1990;X;\n")                     # line 8
    result = import_file(db, write(tmp_path, "ds.csv", text))
    assert (result.separator, result.header_row) == (";", 4)
    assert result.unknown_columns == ["STT", "GHI CHÚ"]
    assert result.imported == 1
    assert [(r.row, r.code) for r in result.rejected] == [(8, "sex.invalid")]


def test_tab_separated_utf16_as_excel_saves_unicode_text(db: Any, tmp_path: Path) -> None:
    text = "\r\n".join(line.replace(",", "\t", 5) for line in [HEADER, *GOOD]) + "\r\n"
    result = import_file(db, write(tmp_path, "ds.txt", text, "utf-16"))
    assert (result.encoding, result.separator, result.imported) == ("utf-16", "\t", 4)


def test_duplicate_pids_in_a_file_the_later_row_wins(db: Any, tmp_path: Path) -> None:
    lines = [HEADER, GOOD[0], GOOD[1], GOOD[0].replace("Nguyễn Văn Đức", "Nguyễn Văn Đực")]
    result = import_file(db, write(tmp_path, "ds.csv", "\n".join(lines) + "\n"))
    assert result.imported == 2
    assert [(d["row"], d["replaces_row"]) for d in result.duplicates] == [(4, 2)]
    with db.session() as s:
        names = s.execute(select(Resident.full_name).where(Resident.pid == "019090000001"))
        assert names.scalar_one() == "Nguyễn Văn Đực"
    assert count(db, ResidentChange) == 0


def test_duplicates_across_batches(db: Any, tmp_path: Path) -> None:
    lines = [HEADER, GOOD[0], GOOD[1], GOOD[2],
             GOOD[0].replace("Nguyễn Văn Đức", "Nguyễn Văn Đực")]
    result = Importer(db, batch_rows=2).run(write(tmp_path, "ds.csv", "\n".join(lines) + "\n"))
    assert (result.imported, len(result.duplicates)) == (3, 1)
    with db.session() as s:
        names = s.execute(select(Resident.full_name).where(Resident.pid == "019090000001"))
        assert names.scalar_one() == "Nguyễn Văn Đực"
    assert count(db, ResidentChange) == 0


def test_a_failure_mid_file_leaves_nothing_half_imported(db: Any, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from workstation.records import store

    calls = {"n": 0}
    real = store.RecordWriter.insert_new

    def failing(self: Any, records: Any, present: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        real(self, records, present)

    monkeypatch.setattr(store.RecordWriter, "insert_new", failing)
    path = write(tmp_path, "ds.csv", "\n".join([HEADER, *GOOD]) + "\n")
    with pytest.raises(RuntimeError):
        Importer(db, batch_rows=2).run(path)
    assert count(db, Resident) == 0


def test_progress_is_reported(db: Any, tmp_path: Path) -> None:
    seen: list[tuple[int, int, int]] = []
    path = write(tmp_path, "ds.csv", "\n".join([HEADER, *GOOD]) + "\n")
    Importer(db, batch_rows=2, progress=lambda *a: seen.append(a)).run(path)
    assert [s[0] for s in seen] == [2, 4]
    assert seen[-1][2] == path.stat().st_size


def test_cards_and_parents(db: Any, tmp_path: Path) -> None:
    header = HEADER + ",Loại giấy tờ,Số thẻ,Ngày cấp,Có giá trị đến,Số định danh của mẹ"
    lines = [header,
             GOOD[0] + ",CMND,90123456,01/02/2008,01/02/2023,",
             GOOD[1] + ",CCCD,,10/10/2021,03/04/2030,",
             GOOD[2] + ",Căn cước,,15/08/2024,05/03/2033,19190000002",
             GOOD[3] + ",CCCD,019045000004,01/01/2021,Không thời hạn,"]
    result = import_file(db, write(tmp_path, "ds.csv", "\n".join(lines) + "\n"))
    assert result.imported == 4, result.rejected
    with db.session() as s:
        docs = {(d.type, d.number, d.expires_on) for d in s.execute(
            select(IdentityDocument)).scalars()}
        links = s.execute(select(ParentLink.role, ParentLink.parent_pid)).all()
    assert ("cmnd", "090123456", date(2023, 2, 1)) in docs
    assert ("cccd", "019190000002", date(2030, 4, 3)) in docs
    assert ("cccd", "019045000004", None) in docs
    assert links == [("mother", "019190000002")]


def test_xlsx_with_title_merged_header_excel_cells_and_tcvn3_text(db: Any,
                                                                 tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["DANH SÁCH NHÂN KHẨU"])
    ws.merge_cells("A1:F1")
    ws.append(["Số định danh cá nhân", "Họ và tên", "Ngày sinh", "Giới tính", "Cha", None])
    ws.merge_cells("E2:F2")
    ws.append([None, None, None, None, "Họ tên", "Số định danh"])
    # Typed with the .VnTime font: TCVN3 bytes shown as Western letters.
    ws.append([19090000001, "NguyÔn V¨n §øc", datetime(1990, 2, 1), "Nam", None, None])
    ws.append(["019219000003", "NguyÔn Minh An", datetime(2019, 3, 5), "Nam",
               "NguyÔn V¨n §øc", 19090000001])
    ws.append([None, None, None, None, None, None])
    ws.append(["019190000002", "TrÇn ThÞ Mai", "xx/04/1990", "N÷", None, None])
    path = tmp_path / "ds.xlsx"
    wb.save(path)
    result = import_file(db, path)
    assert (result.format, result.encoding, result.imported) == ("xlsx", "tcvn3", 2)
    assert [(r.row, r.code) for r in result.rejected] == [(7, "dob.invalid")]
    with db.session() as s:
        child = s.execute(select(Resident).where(Resident.pid == "019219000003")).scalar_one()
        assert child.full_name == "Nguyễn Minh An"
        assert [(p.role, p.parent_pid, p.parent_name) for p in child.parents] == [
            ("father", "019090000001", "Nguyễn Văn Đức")]


def test_import_and_reimport_on_every_database(any_db: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "ds.csv", "\n".join([HEADER, *GOOD]) + "\n")
    assert import_file(any_db, path).imported == 4
    assert import_file(any_db, path).unchanged == 4
    changed = write(tmp_path, "ds2.csv", "\n".join(
        [HEADER, GOOD[0].replace("Tổ 1", "Tổ 9"), *GOOD[1:]]) + "\n")
    assert import_file(any_db, changed).updated == 1
    assert count(any_db, ResidentChange) == 1


def test_huge_files_commit_in_steps_and_resume_by_rerunning(db: Any, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    from workstation.records import store

    path = write(tmp_path, "ds.csv", "\n".join([HEADER, *GOOD]) + "\n")
    calls = {"n": 0}
    real = store.RecordWriter.insert_new

    def failing(self: Any, records: Any, present: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        real(self, records, present)

    monkeypatch.setattr(store.RecordWriter, "insert_new", failing)
    with pytest.raises(RuntimeError):
        Importer(db, batch_rows=2, commit_rows=2).run(path)
    assert count(db, Resident) == 2  # the first step was committed
    monkeypatch.setattr(store.RecordWriter, "insert_new", real)
    result = Importer(db, batch_rows=2, commit_rows=2).run(path)
    assert (result.unchanged, result.imported) == (2, 2)
    assert result.transactions == 3  # two steps of two rows, then the closing audit entry
    assert count(db, Resident) == 4
