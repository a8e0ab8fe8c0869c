"""``workstation card``: list chip card readers, read a căn cước / CCCD chip, parse a CCCD QR."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from workstation.cli import CliContext
from workstation.errors import UsageError

DG13_ORDER = ("pid", "full_name", "date_of_birth", "sex", "nationality", "ethnicity",
              "religion", "hometown", "residence", "identifying_features", "issue_date",
              "expiry_date", "father_name", "mother_name", "spouse_name", "old_id_number")


FAULTS = ("altered_dg13", "not_emrtd", "truncated_dg13", "truncated_dg2", "dg13_unknown_tags",
          "dg13_bad_utf8", "sod_wrong_hash_algorithm", "ds_expired", "pace_only",
          "pulled_mid_read")  # = devices.smartcard.emulator.FAULT_NAMES (kept here: fast start)


def register(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("card", help="chip card reader: list readers, read a card")
    card_sub = p.add_subparsers(dest="card_command", metavar="ACTION")
    card_sub.required = True

    readers = card_sub.add_parser("readers", help="list the card readers and their cards")
    common(readers)
    readers.add_argument("--json", action="store_true", help="print JSON")
    readers.add_argument("--simulate", action="store_true", help="use the simulated reader")
    readers.set_defaults(func=run_readers)

    read = card_sub.add_parser("read", help="read the chip (BAC from PID, birth and expiry)")
    common(read)
    read.add_argument("--reader", help="reader name (a part of it is enough)")
    read.add_argument("--pid", required=True, help="12-digit personal ID number")
    read.add_argument("--dob", required=True, metavar="YYYY-MM-DD", help="date of birth")
    read.add_argument("--expiry", required=True, metavar="YYYY-MM-DD|none",
                      help="expiry date printed on the card, or none")
    read.add_argument("--json", action="store_true", help="print JSON")
    read.add_argument("--photo", metavar="FILE", help="save the face photo to FILE")
    read.add_argument("--simulate", action="store_true",
                      help="read the simulated card in this process (no pcscd needed)")
    read.add_argument("--fault", action="append", default=[], choices=FAULTS,
                      help="with --simulate: make the simulated card misbehave (repeatable)")
    read.set_defaults(func=run_read)

    qr = card_sub.add_parser("qr", help="parse the QR text of an old CCCD (from a scanner)")
    common(qr)
    qr.add_argument("text", nargs="?", default="-", help="the QR text, or - to read stdin")
    qr.add_argument("--json", action="store_true", help="print JSON")
    qr.set_defaults(func=run_qr)


def _adapter(ctx: CliContext) -> Any:
    from devices.smartcard.registry import create_adapter

    s = ctx.settings
    delay = 0 if ctx.as_json else s["smartcard.simulator_delay_ms"]
    if getattr(ctx.args, "simulate", False):
        # A fresh simulated reader with the synthetic card, whatever ran before in-process.
        from devices.smartcard.simulated import SimulatedAdapter

        return SimulatedAdapter(apdu_delay_ms=delay)
    kind = s["smartcard.adapter"]
    return create_adapter(kind, s["smartcard.reader"],
                          extended_length=bool(s["smartcard.extended_length"]),
                          simulator_delay_ms=delay,
                          simulator_faults=s["smartcard.simulator_faults"])


def run_readers(ctx: CliContext) -> int:
    from resources.messages import message

    adapter = _adapter(ctx)
    states = adapter.readers()
    if ctx.as_json:
        ctx.emit_json({"adapter": adapter.name, "readers": [
            {"name": s.name, "card_present": s.card_present, "atr": s.atr.hex().upper()}
            for s in states]})
        return 0
    if not states:
        ctx.say("smartcard.no_readers")
    for s in states:
        state = message("smartcard.card_present" if s.card_present else "smartcard.card_absent",
                        ctx.lang)
        ctx.say("smartcard.reader_line", name=s.name, state=state)
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError("smartcard.bad_date", value=text) from None


def run_read(ctx: CliContext) -> int:
    from devices.smartcard.errors import MalformedData
    from devices.smartcard.mrzdata import bac_key_for_pid
    from devices.smartcard.registry import trust_list
    from devices.smartcard.service import read_card

    args = ctx.args
    dob = _date(args.dob)
    expiry = None if args.expiry.strip().lower() == "none" else _date(args.expiry)
    try:
        key = bac_key_for_pid(args.pid, dob, expiry)
    except MalformedData:
        raise UsageError("smartcard.bad_pid", value=args.pid) from None
    if args.fault and not args.simulate:  # bad usage is told before any reader is touched
        raise UsageError("error.usage", detail="--fault needs --simulate")
    adapter = _adapter(ctx)
    if args.fault:
        from devices.smartcard.emulator import VirtualCard, faults_from_names

        adapter.insert(VirtualCard(faults=faults_from_names(args.fault)))
    chip = read_card(adapter, key, reader=args.reader,
                     csca=trust_list(ctx.settings["smartcard.csca_dir"]))
    if args.photo:
        if chip.face is None:
            ctx.say("smartcard.no_photo")
        else:
            path = Path(args.photo)
            path.write_bytes(chip.face.data)
    if ctx.as_json:
        ctx.emit_json(chip.as_dict())
    else:
        _print_chip(ctx, chip)
        if args.photo and chip.face is not None:
            ctx.say("smartcard.photo_written", path=args.photo)
    return 0 if chip.pa.ok else 1


def _print_chip(ctx: CliContext, chip: Any) -> None:
    from resources.messages import message

    def label(name: str) -> str:
        return message(f"smartcard.field.{name}", ctx.lang)

    details = chip.details.as_dict() if chip.details else {}
    width = max(len(label(n)) for n in DG13_ORDER)
    for name in DG13_ORDER:
        value = details.get(name, "")
        if value:
            ctx.out.write(f"{label(name).ljust(width)}  {value}\n")
    for field_id, values in sorted((chip.details.unknown if chip.details else {}).items()):
        ctx.out.write(f"{('DG13 #' + str(field_id)).ljust(width)}  {' / '.join(values)}\n")
    ctx.out.write(f"{label('mrz')}:\n")
    for line in chip.mrz.lines:
        ctx.out.write(f"  {line}\n")
    if chip.face is not None:
        ctx.out.write(f"{label('face')}: {chip.face.format.upper()} {chip.face.width}×"
                      f"{chip.face.height}, {len(chip.face.data)} B\n")
    problems = ", ".join(chip.pa.problems)
    ctx.out.write(message(chip.pa.message_code, ctx.lang, problems=problems) + "\n")


def run_qr(ctx: CliContext) -> int:
    from devices.smartcard.errors import MalformedData
    from devices.smartcard.mrzdata import parse_cccd_qr
    from workstation.cards import applicant_from_qr

    text = sys.stdin.read() if ctx.args.text == "-" else ctx.args.text
    try:
        qr = parse_cccd_qr(text)
    except MalformedData as exc:
        raise UsageError("smartcard.qr.malformed", detail=exc.detail) from None
    applicant = applicant_from_qr(qr)
    if ctx.as_json:
        ctx.emit_json(applicant)
    else:
        for key, value in applicant.items():
            ctx.out.write(f"{key}: {value}\n")
    return 0
