"""CC01 — phiếu thu nhận thông tin căn cước (information sheet, TT 17/2024/TT-BCA Art 8)."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from printing.data import Field, InformationSheet
from printing.errors import DocumentError
from printing.layout import (
    FieldLine,
    MottoHeader,
    Styles,
    field_rows,
    paper,
    para,
    render,
    signature_table,
    table_style,
)


class PhotoBox(Flowable):  # type: ignore[misc]
    """A 3×4 photo frame with the face photo fitted inside, or a note when there is none."""

    def __init__(self, photo: bytes | None, note: str, st: Styles, w: float, h: float) -> None:
        super().__init__()
        self.photo = photo
        self.note = note
        self.st = st
        self.width = w
        self.height = h
        self._image = None
        if photo:
            from reportlab.lib.utils import ImageReader

            try:
                self._image = ImageReader(io.BytesIO(photo))
                self._image.getSize()
            except Exception as exc:  # noqa: BLE001 - any decoder error means "unreadable"
                raise DocumentError("printing.photo_unreadable", detail=str(exc)) from exc

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.6)
        c.setStrokeColor(colors.black)
        if self._image is not None:
            c.drawImage(self._image, 1, 1, self.width - 2, self.height - 2,
                        preserveAspectRatio=True, anchor="c")
        else:
            from reportlab.lib.utils import simpleSplit

            size = self.st.paper.small
            lines = simpleSplit(self.note or "Ảnh", self.st.italic, size, self.width - 6)
            y = self.height / 2 + len(lines) * size * 0.6
            c.setFont(self.st.italic, size)
            for line in lines:
                y -= size * 1.2
                c.drawCentredString(self.width / 2, y, line)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)


def _grid(st: Styles, rows: list[list[object]], widths: list[float]) -> Table:
    t = Table(rows, colWidths=widths)
    t.setStyle(table_style(st, [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return t


def _story(doc: InformationSheet, st: Styles) -> list[Flowable]:
    p = st.paper
    width = p.frame_width
    story: list[Flowable] = [MottoHeader(doc.header, st)]
    story.append(para(doc.title, st.title))
    story.append(para(f"Số hồ sơ: {doc.application_number}", st.subtitle))
    story += field_rows([doc.procedure, doc.reason], st)

    story.append(para("I. THÔNG TIN NGƯỜI ĐỀ NGHỊ CẤP THẺ", st.section))
    a = doc.applicant
    photo_w, photo_h = (30 * mm, 40 * mm) if p.name == "A4" else (22 * mm, 29 * mm)
    beside = field_rows(a[:9], st, pairs=[(2, 3), (6, 7)])
    top = Table([[beside, PhotoBox(doc.photo, doc.photo_note, st, photo_w, photo_h)]],
                colWidths=[width - photo_w - 6, photo_w + 6])
    top.setStyle(table_style(st, [("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (0, 0), 6),
                             ("RIGHTPADDING", (1, 0), (1, 0), 0),
                             ("TOPPADDING", (0, 0), (-1, -1), 0),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                             ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    story.append(top)
    rest = list(a[9:])  # hometown, residence, current residence, blood type, phone, email
    story += field_rows(rest, st, pairs=[(3, 4)])
    story += field_rows(doc.previous_card, st, pairs=[(0, 1), (2, 3)])

    if doc.representative:
        story.append(para("II. NGƯỜI ĐẠI DIỆN HỢP PHÁP (nếu có)", st.section))
        story += field_rows(doc.representative, st, pairs=[(0, 1)])
    else:
        story.append(Paragraph(f"<font name=\"{st.bold}\">II. NGƯỜI ĐẠI DIỆN HỢP PHÁP:</font> "
                               "Không có (người đề nghị tự thực hiện)", st.section_plain))

    bio: list[Flowable] = [para("III. THÔNG TIN SINH TRẮC HỌC", st.section)]
    face = "Đã thu nhận" if doc.photo else (doc.photo_note or "Chưa có ảnh")
    bio.append(FieldLine(_field("Ảnh khuôn mặt", face), st))
    if doc.fingers:
        half = len(doc.fingers) // 2
        head = [para("Tay phải", st.cell_head), para("Tình trạng", st.cell_head),
                para("Tay trái", st.cell_head), para("Tình trạng", st.cell_head)]
        rows: list[list[object]] = [head]
        for right, left in zip(doc.fingers[:half], doc.fingers[half:], strict=False):
            rows.append([para(right.label, st.cell), para(right.status, st.cell),
                         para(left.label, st.cell), para(left.status, st.cell)])
        q = width / 4
        bio.append(Spacer(1, 2))
        bio.append(_grid(st, rows, [q * 0.85, q * 1.15, q * 0.85, q * 1.15]))
        bio.append(para(doc.fingers_note, st.small))
    else:
        bio.append(FieldLine(_field("Vân tay", doc.fingers_note), st))
    bio.append(FieldLine(doc.iris, st))
    story.append(KeepTogether(bio))

    story.append(KeepTogether([
        para("IV. CAM ĐOAN", st.section), para(doc.declaration, st.justify),
        Spacer(1, 2), signature_table(doc.signatures, st, space=p.leading * 2.4)]))
    return story


def _field(label: str, value: str) -> Field:
    return Field(label, value)


def render_information_sheet(doc: InformationSheet, paper_name: str = "A4",
                             invariant: bool = False) -> bytes:
    """PDF bytes of CC01 on A4 or A5."""
    pap = paper(paper_name, "information-form")
    return render(lambda st: _story(doc, st), pap, title=doc.title,
                  subject=doc.application_number, invariant=invariant,
                  footer=f"Mẫu CC01 · Số hồ sơ {doc.application_number}")
