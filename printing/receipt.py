"""Biên lai thu lệ phí (fee receipt) with its serial number — or, when the fee is 0, the
record of the exemption ground; A4, A5 or an 80 mm thermal roll."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from printing.data import FeeReceipt, Field
from printing.layout import (
    FieldLine,
    MottoHeader,
    Styles,
    boxed_fields,
    paper,
    para,
    render,
    signature_table,
)

PAPERS = ("A4", "A5", "80mm")


def _story(doc: FeeReceipt, st: Styles) -> list[Flowable]:
    p = st.paper
    story: list[Flowable] = [MottoHeader(doc.header, st, stacked=p.roll)]
    story.append(para(doc.title, st.title))
    if not doc.exempt:
        story.append(FieldLine(Field("Số biên lai", doc.serial, bold=True), st, st.center)
                     if doc.serial else FieldLine(Field("Số biên lai", ""), st))
    story.append(Spacer(1, p.leading * 0.4))
    story.append(boxed_fields(doc.fields, st, label_ratio=0.38 if p.roll else 0.32))
    story.append(Spacer(1, p.leading * 0.4))
    story.append(FieldLine(Field("Số tiền", doc.amount_figures, bold=True), st))
    story.append(FieldLine(Field("Bằng chữ", doc.amount_words), st))
    if doc.exempt:
        story.append(FieldLine(Field("Miễn lệ phí", doc.exemption_ground, bold=True), st))
    story.append(Spacer(1, p.leading * 0.6))
    story.append(signature_table(doc.signatures, st, space=p.leading * (2.4 if p.roll else 3.2)))
    return story


def render_fee_receipt(doc: FeeReceipt, paper_name: str = "A5", invariant: bool = False) -> bytes:
    """PDF bytes of the fee receipt on A4, A5 or the 80 mm roll."""
    pap = paper(paper_name, "fee-receipt", PAPERS)
    return render(lambda st: _story(doc, st), pap, title=doc.title,
                  subject=doc.application_number, invariant=invariant,
                  footer=f"{doc.title} · Số hồ sơ {doc.application_number}", one_page=True)
