"""CC02 — giấy hẹn trả kết quả giải quyết thủ tục về căn cước (appointment slip), with the
application number as a QR code and a Code128 barcode; A4, A5 or an 80 mm thermal roll."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from printing.data import AppointmentSlip
from printing.layout import (
    FieldLine,
    MottoHeader,
    QRFlowable,
    SideBySide,
    Styles,
    boxed_fields,
    code128,
    paper,
    para,
    render,
    signature_table,
)

PAPERS = ("A4", "A5", "80mm")


def _codes(doc: AppointmentSlip, st: Styles) -> list[Flowable]:
    p = st.paper
    if p.roll:
        qr = QRFlowable(doc.qr_payload, 30 * mm)
        qr.hAlign = "CENTER"
        bar = code128(doc.barcode_value, st, bar_height=10 * mm, bar_width=0.26 * mm)
        bar.hAlign = "CENTER"
        number = para(f"Số hồ sơ: {doc.application_number}", st.title)
        return [number, qr, Spacer(1, 2), bar, Spacer(1, 4)]
    size = 28 * mm if p.name == "A4" else 22 * mm
    bar = code128(doc.barcode_value, st, bar_height=size * 0.45,
                  bar_width=(0.30 if p.name == "A4" else 0.24) * mm)
    text_size = p.body if p.name == "A4" else p.small
    return [CodesRow(QRFlowable(doc.qr_payload, size), bar,
                     f"Số hồ sơ: {doc.application_number}", st.bold, text_size)]


class CodesRow(Flowable):  # type: ignore[misc]
    """The QR code on the left; the application number and its barcode beside it."""

    def __init__(self, qr: Flowable, bar: Flowable, text: str, font: str, size: float) -> None:
        super().__init__()
        self.qr, self.bar, self.text, self.font, self.size = qr, bar, text, font, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        qw, qh = self.qr.wrap(availWidth, availHeight)
        self.bw, self.bh = self.bar.wrap(availWidth - qw - 8, availHeight)
        self.width, self.height = availWidth, qh
        return self.width, self.height

    def draw(self) -> None:
        self.qr.drawOn(self.canv, 0, 0)
        x = self.qr.width + 8
        block = self.size * 1.3 + 3 + self.bh
        top = (self.height + block) / 2
        self.canv.setFont(self.font, self.size)
        self.canv.drawString(x, top - self.size, self.text)
        self.bar.drawOn(self.canv, x, top - block)


def _story(doc: AppointmentSlip, st: Styles) -> list[Flowable]:
    p = st.paper
    story: list[Flowable] = [MottoHeader(doc.header, st, stacked=p.roll)]
    story.append(para(doc.title, st.title))
    story.append(Spacer(1, p.leading * 0.2))
    story += _codes(doc, st)
    story.append(Spacer(1, p.leading * 0.4))
    story.append(boxed_fields(doc.fields, st, label_ratio=0.38 if p.roll else 0.32))
    story.append(Spacer(1, p.leading * 0.4))
    ret = para(f"Ngày hẹn trả kết quả: {doc.return_date}" if doc.return_date
               else "Ngày hẹn trả kết quả: " + "." * 40, st.section)
    story.append(ret)
    story.append(FieldLine(doc.delivery, st))
    story.append(FieldLine(doc.fee, st))
    if doc.fee_words and not doc.fee.value.startswith("Miễn"):
        story.append(para(f"(Bằng chữ: {doc.fee_words})", st.subtitle if p.roll else st.body))
    story.append(Spacer(1, p.leading * 0.3))
    note = para(doc.note, st.small)
    sig = signature_table(doc.signatures, st, space=p.leading * (2.2 if p.roll else 3.0),
                          width=p.frame_width if p.roll else p.frame_width * 0.55)
    if p.roll:
        story += [note, Spacer(1, p.leading * 0.4), sig]
    else:
        # the note on the left, the officer signs on the right half, as on official papers
        story.append(SideBySide(note, sig, 0.45))
    return story


def render_appointment_slip(doc: AppointmentSlip, paper_name: str = "A5",
                            invariant: bool = False) -> bytes:
    """PDF bytes of CC02 on A4, A5 or the 80 mm roll."""
    pap = paper(paper_name, "appointment-slip", PAPERS)
    return render(lambda st: _story(doc, st), pap, title=doc.title,
                  subject=doc.application_number, invariant=invariant,
                  footer=f"Mẫu CC02 · Số hồ sơ {doc.application_number}", one_page=True)
