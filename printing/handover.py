"""Biên bản giao nhận thẻ căn cước (handover record): the card handed to the holder or the
representative, the old document collected (type, number), both signatures; A4 or A5."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from printing.data import HandoverRecord
from printing.layout import MottoHeader, Styles, field_rows, paper, para, render, signature_table


def _story(doc: HandoverRecord, st: Styles) -> list[Flowable]:
    p = st.paper
    story: list[Flowable] = [MottoHeader(doc.header, st)]
    story.append(para(doc.title, st.title))
    story.append(Spacer(1, p.leading * 0.4))
    story.append(para(doc.opening, st.justify))
    story.append(para("1. Bên giao:", st.section))
    story += field_rows(doc.giver, st)
    story.append(para("2. Bên nhận:", st.section))
    story += field_rows(doc.receiver, st)
    story.append(para("3. Thẻ căn cước được giao:", st.section))
    story += field_rows(doc.card, st)
    story.append(para("4. Giấy tờ cũ thu hồi:", st.section))
    story += field_rows(doc.old_document, st)
    story.append(Spacer(1, p.leading * 0.3))
    story.append(para(doc.closing, st.justify))
    story.append(Spacer(1, p.leading * 0.6))
    story.append(signature_table(doc.signatures, st, space=p.leading * 3.2))
    return story


def render_handover_record(doc: HandoverRecord, paper_name: str = "A4",
                           invariant: bool = False) -> bytes:
    """PDF bytes of the handover record on A4 or A5."""
    pap = paper(paper_name, "handover-slip")
    return render(lambda st: _story(doc, st), pap, title=doc.title, invariant=invariant,
                  footer=doc.title)
