"""Reading an eMRTD chip (ICAO 9303 Part 10/11): SELECT the application, BAC, secure
messaging, READ BINARY in chunks, then EF.COM, DG1, DG2, DG13, EF.SOD and passive
authentication. Works on any ``CardTransport`` (PC/SC or the in-process simulator)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from devices.errors import DeviceError
from devices.smartcard import tlv
from devices.smartcard.bac import BacKey, BacTerminal, SecureMessaging
from devices.smartcard.datagroups import (
    FID_BY_DG,
    FID_CARD_ACCESS,
    FID_COM,
    FID_SOD,
    CitizenDetails,
    EfCom,
    FaceImage,
    parse_com,
    parse_dg1,
    parse_dg2,
    parse_dg13,
)
from devices.smartcard.errors import (
    ApduError,
    CardAccessDenied,
    ExtendedLengthRefused,
    MalformedData,
    SmartCardError,
)
from devices.smartcard.mrzdata import MrzData, mrz_date
from devices.smartcard.sod import PaResult, parse_sod, passive_authentication

AID_MRTD = bytes.fromhex("A0000002471001")
PACE_OID_PREFIX = bytes.fromhex("04007F0007020204")
SHORT_CHUNK = 0xDF  # 223: what fits a short response with secure-messaging overhead
EXTENDED_CHUNK = 0x0F00  # 3840 bytes per READ BINARY with extended length
MAX_FILE = 0x7FFF  # READ BINARY with an even INS addresses 15-bit offsets
SW_OK = 0x9000
SW_END_OF_FILE = 0x6282

Progress = Callable[[str, int, int], None]


class CardTransport(Protocol):
    """A connected card: send one command APDU, get the response (data + SW)."""

    reader_name: str
    extended_length: bool

    def transmit(self, apdu: bytes) -> bytes: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class ChipRead:
    """Everything read from a card, and what passive authentication concluded."""

    reader: str
    mrz: MrzData
    details: CitizenDetails | None
    face: FaceImage | None
    com: EfCom
    pa: PaResult
    files: dict[str, bytes] = field(repr=False)
    apdus: int = 0
    duration_ms: float = 0.0

    @property
    def pid(self) -> str:
        return (self.details.get("pid") if self.details else "") or self.mrz.pid or ""

    @property
    def full_name(self) -> str:
        return (self.details.get("full_name") if self.details else "") or self.mrz.name

    @property
    def date_of_birth(self) -> date | None:
        dob = self.details.date_of_birth if self.details else None
        return dob or mrz_date(self.mrz.date_of_birth)

    @property
    def expiry(self) -> date | None:
        if self.details and self.details.expiry_date:
            return self.details.expiry_date
        return mrz_date(self.mrz.date_of_expiry, future=True)

    @property
    def sex(self) -> str | None:
        if self.details and self.details.sex:
            return self.details.sex
        return {"M": "male", "F": "female"}.get(self.mrz.sex)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (the face as format and size only)."""
        return {
            "reader": self.reader,
            "pid": self.pid,
            "full_name": self.full_name,
            "date_of_birth": self.date_of_birth.isoformat() if self.date_of_birth else None,
            "sex": self.sex,
            "expiry": self.expiry.isoformat() if self.expiry else None,
            "mrz": list(self.mrz.lines),
            "mrz_checks_ok": self.mrz.checks_ok,
            "document_number": self.mrz.document_number,
            "details": self.details.as_dict() if self.details else None,
            "details_unknown_fields": sorted(self.details.unknown) if self.details else [],
            "face": None if self.face is None else {
                "format": self.face.format, "width": self.face.width,
                "height": self.face.height, "bytes": len(self.face.data)},
            "data_groups": list(self.com.data_groups),
            "passive_authentication": self.pa.as_dict(),
            "duration_ms": round(self.duration_ms, 1),
        }


def _apdu(cla: int, ins: int, p1: int, p2: int, data: bytes = b"",
          le: int | None = None) -> bytes:
    out = bytes([cla, ins, p1, p2])
    if data:
        out += bytes([len(data)]) + data
    if le is not None:
        out += bytes([le & 0xFF])
    return out


_checker_pool: ThreadPoolExecutor | None = None
_checker_lock = threading.Lock()


def _checker() -> ThreadPoolExecutor:
    """The helper threads that check answers read ahead (shared, started on first use)."""
    global _checker_pool
    if _checker_pool is None:
        with _checker_lock:
            if _checker_pool is None:
                _checker_pool = ThreadPoolExecutor(2, thread_name_prefix="emrtd-check")
    return _checker_pool


def _split(response: bytes) -> tuple[bytes, int]:
    if len(response) < 2:
        raise SmartCardError("smartcard.io_error", detail="response without status word")
    return response[:-2], int.from_bytes(response[-2:], "big")


class EmrtdReader:
    """One reading session with a card on a transport."""

    def __init__(self, transport: CardTransport, progress: Progress | None = None) -> None:
        self.transport = transport
        self.progress = progress or (lambda stage, done, total: None)
        self.sm: SecureMessaging | None = None
        self.extended = bool(getattr(transport, "extended_length", False))
        self.apdus = 0
        self._key: BacKey | None = None
        # When a list, every command is logged here unprotected (the benchmark replays them).
        self.trace: list[tuple[int, int, int, bytes, int | None]] | None = None
        # A READ BINARY sent ahead: ((offset, Le), session, answer, counter, error).
        self._ahead: tuple[tuple[int, int], SecureMessaging, bytes, int,
                           DeviceError | None] | None = None

    # plain commands

    def _send(self, apdu: bytes) -> tuple[bytes, int]:
        self.apdus += 1
        if self.trace is not None:
            data = apdu[5 : 5 + apdu[4]] if len(apdu) > 5 else b""
            le = apdu[-1] if len(apdu) in (5, 6 + len(data)) else None
            self.trace.append((apdu[1], apdu[2], apdu[3], data, le))
        return _split(self.transport.transmit(apdu))

    def select_application(self) -> None:
        _, sw = self._send(_apdu(0x00, 0xA4, 0x04, 0x0C, AID_MRTD))
        if sw != SW_OK:
            if self._offers_pace():
                raise SmartCardError("smartcard.pace_required")
            raise ApduError("smartcard.not_emrtd", sw=sw)

    def _offers_pace(self) -> bool:
        """Whether EF.CardAccess (readable without access control) announces PACE."""
        try:
            self._send(_apdu(0x00, 0xA4, 0x00, 0x0C, b"\x3f\x00"))
            _, sw = self._send(_apdu(0x00, 0xA4, 0x02, 0x0C, FID_CARD_ACCESS.to_bytes(2, "big")))
            if sw != SW_OK:
                return False
            data, sw = self._send(_apdu(0x00, 0xB0, 0x00, 0x00, le=0))
        except SmartCardError:
            return False
        return sw in (SW_OK, SW_END_OF_FILE) and PACE_OID_PREFIX in data

    def authenticate(self, key: BacKey) -> None:
        """BAC: GET CHALLENGE, EXTERNAL AUTHENTICATE, session keys."""
        rnd_ic, sw = self._send(_apdu(0x00, 0x84, 0x00, 0x00, le=8))
        if sw != SW_OK or len(rnd_ic) != 8:
            if self._offers_pace():
                raise SmartCardError("smartcard.pace_required")
            raise ApduError("smartcard.bac_unsupported", sw=sw)
        terminal = BacTerminal.from_key(key)
        data = terminal.authenticate_data(rnd_ic)
        answer, sw = self._send(_apdu(0x00, 0x82, 0x00, 0x00, data, le=0x28))
        if sw != SW_OK:
            raise CardAccessDenied("smartcard.bac_failed")
        self.sm = terminal.session(answer)
        self._key = key

    # protected commands

    def _command(self, ins: int, p1: int, p2: int, data: bytes = b"",
                 le: int | None = None) -> tuple[SecureMessaging, bytes, int]:
        """A protected command APDU; returns the session, the APDU and the counter value
        reserved for checking its answer."""
        sm = self.sm
        if sm is None:
            raise SmartCardError("smartcard.sm_failed")
        extended = self.extended and le is not None and le > SHORT_CHUNK
        if self.trace is not None:
            self.trace.append((ins, p1, p2, data, le))
        apdu, ssc = sm.command(0x00, ins, p1, p2, data, le, extended=extended)
        self.apdus += 1
        return sm, apdu, ssc

    def _transmit_secure(self, ins: int, p1: int, p2: int, data: bytes = b"",
                         le: int | None = None) -> tuple[SecureMessaging, bytes, int]:
        """Send one protected command; returns the session, the raw answer and the counter
        value reserved for checking it."""
        sm, apdu, ssc = self._command(ins, p1, p2, data, le)
        return sm, self.transport.transmit(apdu), ssc

    def _unprotected(self, response: bytes) -> tuple[bytes, int]:
        """A two-byte answer to a protected command: an unprotected error, the chip has ended
        secure messaging. An unprotected success would bypass the MAC: refused."""
        sw = int.from_bytes(response, "big")
        if sw == SW_OK or sw >> 8 == 0x61:
            self.sm = None
            raise SmartCardError("smartcard.sm_failed")
        if sw in (0x6987, 0x6988, 0x6982):
            self.sm = None
        return b"", sw

    def _secure(self, ins: int, p1: int, p2: int, data: bytes = b"",
                le: int | None = None) -> tuple[bytes, int]:
        sm, response, ssc = self._transmit_secure(ins, p1, p2, data, le)
        if len(response) == 2:
            return self._unprotected(response)
        return sm.unprotect(response, ssc)

    def _read_chunk(self, offset: int, want: int, total: int, chunk: int) -> tuple[bytes, int]:
        """READ BINARY of ``want`` bytes at ``offset``.

        Read-ahead: when more of the file follows, the next READ BINARY goes out before this
        answer is checked, so the card prepares the next chunk while this side verifies the
        MAC of the current one and decrypts it (on a helper thread; the transport stays on
        this one). Each answer gets the counter value reserved for it, is used only once its
        MAC holds, and errors come out in the order a one-by-one read would give them."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[0] == (offset, want) and ahead[1] is self.sm:
            _, sm, response, ssc, error = ahead
            if error is not None:
                raise error
        else:
            sm, response, ssc = self._transmit_secure(0xB0, offset >> 8, offset & 0xFF, le=want)
        if len(response) == 2:
            return self._unprotected(response)
        after = offset + want
        if after >= total:
            return sm.unprotect(response, ssc)
        nxt = min(chunk, total - after)
        _, apdu, next_ssc = self._command(0xB0, after >> 8, after & 0xFF, le=nxt)
        # Hand the check over only now: in 3DES it holds the GIL, which this thread gives up
        # only inside transmit.
        check = _checker().submit(sm.unprotect, response, ssc)
        try:
            self._ahead = ((after, nxt), sm, self.transport.transmit(apdu), next_ssc, None)
        except DeviceError as exc:  # reported when that chunk's turn comes
            self._ahead = ((after, nxt), sm, b"", 0, exc)
        return check.result()

    def _reauthenticate(self) -> None:
        self._ahead = None
        if self._key is None:
            raise SmartCardError("smartcard.sm_failed")
        self.select_application()
        self.authenticate(self._key)

    def read_file(self, fid: int, what: str, stage: str | None = None) -> bytes:
        """Select an elementary file and read it whole (its length comes from its TLV header)."""
        _, sw = self._secure(0xA4, 0x02, 0x0C, fid.to_bytes(2, "big"))
        if sw == 0x6A82:
            raise SmartCardError("smartcard.file_missing", file=what)
        if sw != SW_OK:
            raise ApduError("smartcard.read_failed", sw=sw, file=what)
        head, sw = self._secure(0xB0, 0x00, 0x00, le=8)
        if sw not in (SW_OK, SW_END_OF_FILE) or not head:
            raise ApduError("smartcard.read_failed", sw=sw, file=what)
        _, total = tlv.header_length(head, what)
        if total > MAX_FILE:
            raise MalformedData(what, f"file of {total} bytes is larger than supported")
        data = bytearray(head[:total])
        self._ahead = None
        stage = stage or what
        self.progress(stage, len(data), total)
        while len(data) < total:
            chunk = EXTENDED_CHUNK if self.extended else SHORT_CHUNK
            want = min(chunk, total - len(data))
            offset = len(data)
            try:
                part, sw = self._read_chunk(offset, want, total, chunk)
            except ExtendedLengthRefused:
                if not self.extended:
                    raise
                sw, part = 0x6700, b""
            if self.extended and want > SHORT_CHUNK and sw in (0x6700, 0x6987, 0x6988,
                                                               0x6D00, 0x6F00):
                # The reader or card refused an extended APDU: start again with short ones.
                self.extended = False
                self._reauthenticate()
                return self.read_file(fid, what, stage)
            if sw not in (SW_OK, SW_END_OF_FILE):
                raise ApduError("smartcard.read_failed", sw=sw, file=what)
            if not part:
                raise MalformedData(what, f"file ends after {len(data)} of {total} bytes")
            data += part[: total - len(data)]
            if sw == SW_END_OF_FILE and len(data) < total:
                raise MalformedData(what, f"file ends after {len(data)} of {total} bytes")
            self.progress(stage, len(data), total)
        return bytes(data)

    def read(self, key: BacKey, csca: Iterable[Any] | None = None,
             now: datetime | None = None, with_face: bool = True) -> ChipRead:
        started = time.perf_counter()
        self.progress("select", 0, 1)
        self.select_application()
        self.progress("bac", 0, 1)
        self.authenticate(key)
        raw: dict[str, bytes] = {}
        raw["COM"] = self.read_file(FID_COM, "com")
        com = parse_com(raw["COM"])
        raw["DG1"] = self.read_file(FID_BY_DG[1], "dg1")
        mrz = parse_dg1(raw["DG1"])
        # DG13 and DG2 are parsed on a helper thread while the next files are read; their
        # results (or errors) are taken only after passive authentication, as before.
        parsing: dict[str, Future[Any]] = {}
        if 13 in com.data_groups:
            raw["DG13"] = self.read_file(FID_BY_DG[13], "dg13")
            parsing["DG13"] = _checker().submit(parse_dg13, raw["DG13"])
        if with_face and 2 in com.data_groups:
            raw["DG2"] = self.read_file(FID_BY_DG[2], "dg2")
            parsing["DG2"] = _checker().submit(parse_dg2, raw["DG2"])
        raw["SOD"] = self.read_file(FID_SOD, "sod")
        self.progress("pa", 0, 1)
        sod = parse_sod(raw["SOD"])
        groups = {int(name[2:]): content for name, content in raw.items()
                  if name.startswith("DG")}
        pa = passive_authentication(sod, groups, csca, now)
        # Parse results after the hashes are checked, so an altered group still gets its PA
        # verdict.
        details: CitizenDetails | None = parsing["DG13"].result() if "DG13" in parsing else None
        face: FaceImage | None = parsing["DG2"].result() if "DG2" in parsing else None
        self.progress("done", 1, 1)
        return ChipRead(self.transport.reader_name, mrz, details, face, com, pa, raw,
                        self.apdus, (time.perf_counter() - started) * 1000)
