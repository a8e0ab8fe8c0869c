"""A virtual Vietnamese chip card (thẻ căn cước) for tests and demos.

It holds a TD1 MRZ, EF.COM, DG1, DG2 (a synthetic face, JPEG, about 20 KB; no real person),
DG13 with the RULES.md §6 field ids and an EF.SOD signed by a test CSCA → Document Signer
chain generated at run time. It enforces BAC like a real chip: files answer 6982 before the
mutual authentication, a wrong MRZ gets 6300, a bad MAC ends the session with 6988.

Two ways to put it in a reader:
- ``VpcdCard``: speaks the vpcd protocol over TCP to Debian's ``vsmartcard-vpcd`` driver inside
  a real ``pcscd`` ("Virtual PCD 00 00" listens on 35963);
- ``VirtualCard.process()`` in-process, used by the simulated reader (demo mode, no pcscd).

Scriptable faults (``Faults``): pulled out mid-read, altered DG13, not an eMRTD, a truncated
data group, unknown DG13 tags, wrong UTF-8 in DG13, an SOD with a wrong hash algorithm, an
expired Document Signer certificate, a PACE-only chip.

Run ``python -m devices.smartcard.emulator --help`` to serve a card to vpcd by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import logging
import os
import socket
import struct
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

from devices.smartcard import tlv
from devices.smartcard.bac import (
    KDF_ENC,
    KDF_MAC,
    BacKey,
    SecureMessaging,
    derive_key,
    pad,
    retail_mac,
    tdes_decrypt,
    tdes_encrypt,
)
from devices.smartcard.datagroups import FID_BY_DG, FID_CARD_ACCESS, FID_COM, FID_SOD, TAG_BY_DG
from devices.smartcard.errors import SmartCardError
from devices.smartcard.mrzdata import build_td1, document_number_for_pid, yymmdd

log = logging.getLogger(__name__)

AID_MRTD = bytes.fromhex("A0000002471001")
# ATR of a contactless ISO 14443-4 card as PC/SC part 3 builds it (no historical bytes).
ATR = bytes.fromhex("3B8080018080")
OID_LDS = "2.23.136.1.1.1"
CARD_ACCESS_PACE = bytes.fromhex("3114301206" "0A04007F000702020402020201020201" "0C")

SW_OK = 0x9000
SW_END_OF_FILE = 0x6282
SW_AUTH_FAILED = 0x6300
SW_WRONG_LENGTH = 0x6700
SW_SECURITY = 0x6982
SW_SM_MISSING = 0x6987
SW_SM_WRONG = 0x6988
SW_NOT_FOUND = 0x6A82
SW_WRONG_P1P2 = 0x6B00
SW_INS = 0x6D00
SW_CLA = 0x6E00


# --- the person on the card ------------------------------------------------------------------

@dataclass(frozen=True)
class CardProfile:
    """A synthetic citizen (never a real person)."""

    pid: str = "079305001234"
    full_name: str = "Nguyễn Thị An"
    date_of_birth: date = date(2005, 6, 15)
    sex: str = "female"
    expiry: date | None = date(2030, 6, 15)
    issue_date: date = date(2024, 9, 2)
    nationality: str = "Việt Nam"
    ethnicity: str = "Kinh"
    religion: str = "Không"
    hometown: str = "Xã Tân Quang, Thành phố Sông Công, Thái Nguyên"
    residence: str = "Tổ dân phố 5, Phường Thắng Lợi, Thành phố Sông Công, Thái Nguyên"
    identifying_features: str = "Nốt ruồi C:1cm trên trước cánh mũi phải"
    father_name: str = "Nguyễn Văn Bình"
    mother_name: str = "Trần Thị Cúc"
    spouse_name: str = ""
    old_id_number: str = ""
    face: bool = True  # False: no DG2 (under-6 cards)
    face_seed: int = 7

    @property
    def mrz(self) -> str:
        return build_td1(self.pid, self.date_of_birth, self.sex, self.expiry, self.full_name)

    def bac_key(self) -> BacKey:
        return BacKey(document_number_for_pid(self.pid), yymmdd(self.date_of_birth),
                      yymmdd(self.expiry))


@dataclass(frozen=True)
class Faults:
    """Ways the card misbehaves, for tests and demos."""

    pulled_after_apdus: int | None = None  # the card leaves the reader at this APDU
    altered_dg13: bool = False  # DG13 changed after the SOD was signed
    not_emrtd: bool = False  # SELECT of the eMRTD application fails
    truncated_dg: int | None = None  # this data group is cut short
    dg13_unknown_tags: bool = False  # unknown field ids and objects in DG13 (signed)
    dg13_bad_utf8: bool = False  # a DG13 value that is not UTF-8 (signed)
    sod_wrong_hash_algorithm: bool = False  # the SOD names SHA-1 but holds SHA-256 hashes
    ds_expired: bool = False  # the Document Signer certificate expired yesterday
    pace_only: bool = False  # the chip refuses BAC and offers PACE in EF.CardAccess


FAULT_NAMES = ("altered_dg13", "not_emrtd", "truncated_dg13", "truncated_dg2",
               "dg13_unknown_tags", "dg13_bad_utf8", "sod_wrong_hash_algorithm", "ds_expired",
               "pace_only", "pulled_mid_read")


def faults_from_names(names: Iterable[str]) -> Faults:
    """``Faults`` from the names settings and the CLI use (``FAULT_NAMES``); unknown names are
    refused with a clear error."""
    flags: dict[str, Any] = {}
    for name in names:
        if name not in FAULT_NAMES:
            raise SmartCardError("smartcard.unknown_fault", name=name,
                                 names=", ".join(FAULT_NAMES))
        if name.startswith("truncated_dg"):
            flags["truncated_dg"] = int(name.removeprefix("truncated_dg"))
        elif name == "pulled_mid_read":
            flags["pulled_after_apdus"] = 12
        else:
            flags[name] = True
    return Faults(**flags)


class CardPulled(SmartCardError):
    """Raised inside the emulator when the scripted 'pulled out' moment comes."""

    def __init__(self) -> None:
        super().__init__("smartcard.card_removed")


# --- test PKI ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class TestPki:
    """A CSCA and a Document Signer, generated at run time with ``cryptography``."""

    csca_cert: Any
    ds_cert: Any
    ds_key: Any
    signature: str = "ecdsa"  # how the Document Signer signs the SOD: ecdsa | rsa | rsa-pss

    @property
    def csca_pem(self) -> bytes:
        from cryptography.hazmat.primitives.serialization import Encoding

        return bytes(self.csca_cert.public_bytes(Encoding.PEM))


def generate_pki(ds_expired: bool = False, country: str = "VN",
                 signature: str = "ecdsa") -> TestPki:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.now(UTC)
    csca_key = ec.generate_private_key(ec.SECP256R1())
    csca_name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, country),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test CSCA (synthetic, not trusted)"),
        x509.NameAttribute(NameOID.COMMON_NAME, "CSCA Test Viet Nam"),
    ])
    csca = (
        x509.CertificateBuilder().subject_name(csca_name).issuer_name(csca_name)
        .public_key(csca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=3650)).not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                       critical=True)
        .sign(csca_key, hashes.SHA256())
    )
    ds_key: Any
    if signature == "ecdsa":
        ds_key = ec.generate_private_key(ec.SECP256R1())
    else:
        from cryptography.hazmat.primitives.asymmetric import rsa

        ds_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if ds_expired:
        start, end = now - timedelta(days=800), now - timedelta(days=1)
    else:
        start, end = now - timedelta(days=30), now + timedelta(days=3650)
    ds = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([
            x509.NameAttribute(NameOID.COUNTRY_NAME, country),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test CSCA (synthetic, not trusted)"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Document Signer Test 01"),
        ]))
        .issuer_name(csca_name).public_key(ds_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(end)
        .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False),
                       critical=True)
        .sign(csca_key, hashes.SHA256())
    )
    return TestPki(csca, ds, ds_key, signature)


@lru_cache(maxsize=4)
def default_pki(ds_expired: bool = False) -> TestPki:
    """One PKI per process (key generation is cheap, but tests read many cards)."""
    return generate_pki(ds_expired=ds_expired)


# --- synthetic face ----------------------------------------------------------------------------

@lru_cache(maxsize=8)
def synthetic_face_jpeg(seed: int = 7, target_bytes: int = 20_000) -> bytes:
    """A drawn face (no real person) as a JPEG of about ``target_bytes``."""
    import random

    from PIL import Image, ImageDraw, ImageFilter

    rnd = random.Random(seed)
    w, h = 360, 480
    img = Image.new("RGB", (w, h), (226, 232, 240))
    d = ImageDraw.Draw(img)
    for y in range(h):  # soft background gradient, like a studio backdrop
        shade = 236 - y // 12
        d.line([(0, y), (w, y)], fill=(shade - 8, shade - 2, shade + 4))
    skin = (rnd.randint(205, 235), rnd.randint(165, 195), rnd.randint(130, 160))
    hair = (rnd.randint(15, 40),) * 3
    d.ellipse([60, 330, 300, 560], fill=(40 + rnd.randint(0, 40), 60, 110))  # shoulders
    d.rectangle([150, 300, 210, 360], fill=skin)  # neck
    d.ellipse([90, 70, 270, 320], fill=hair)  # hair behind
    d.ellipse([105, 105, 255, 330], fill=skin)  # face
    d.chord([95, 70, 265, 210], 180, 360, fill=hair)  # fringe
    for ex in (145, 215):
        d.ellipse([ex - 16, 195, ex + 16, 211], fill=(250, 250, 250))
        d.ellipse([ex - 7, 196, ex + 7, 210], fill=(50, 35, 25))
        d.line([ex - 20, 183, ex + 18, 180], fill=hair, width=4)
    d.polygon([(180, 215), (168, 262), (192, 262)], fill=tuple(c - 25 for c in skin))
    d.arc([150, 268, 210, 300], 15, 165, fill=(160, 70, 70), width=4)
    d.ellipse([96, 200, 112, 240], fill=skin)
    d.ellipse([248, 200, 264, 240], fill=skin)
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    # Fine sensor noise so the JPEG has realistic entropy.
    noise = Image.effect_noise((w, h), 9).convert("RGB")
    img = Image.blend(img, noise, 0.10)
    best = b""
    lo, hi = 20, 95
    while lo <= hi:
        q = (lo + hi) // 2
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=q)
        data = buf.getvalue()
        if len(data) <= target_bytes:
            best, lo = data, q + 1
        else:
            hi = q - 1
    if not best:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=20)
        best = buf.getvalue()
    return best


# --- building the files ------------------------------------------------------------------------

def _face_block(jpeg: bytes, width: int = 360, height: int = 480) -> bytes:
    """ISO/IEC 19794-5 facial record data with one JPEG image."""
    facial_info = struct.pack(">IHBBB3sH3s3s", 20 + 12 + len(jpeg), 0, 0, 0, 0, b"\x00\x00\x00",
                              0, b"\x00\x00\x00", b"\x00\x00\x00")
    image_info = struct.pack(">BBHHBBHH", 1, 0, width, height, 1, 2, 0, 0)
    record = facial_info + image_info + jpeg
    header = b"FAC\x00" + b"010\x00" + struct.pack(">IH", 14 + len(record), 1)
    return header + record


def build_dg2(jpeg: bytes) -> bytes:
    header = tlv.encode(0xA1, tlv.encode(0x80, b"\x01\x01") + tlv.encode(0x87, b"\x01\x01")
                        + tlv.encode(0x88, b"\x00\x08"))
    template = tlv.encode(0x7F60, header + tlv.encode(0x5F2E, _face_block(jpeg)))
    return tlv.encode(0x75, tlv.encode(0x7F61, tlv.encode(0x02, b"\x01") + template))


def _vn_date(day: date | None) -> str:
    return "Không thời hạn" if day is None else day.strftime("%d/%m/%Y")


def _dg13_field(field_id: int, *values: bytes) -> bytes:
    body = tlv.encode(0x02, bytes([field_id]))
    for value in values:
        body += tlv.encode(0x0C, value)
    return tlv.encode(0x30, body)


def build_dg13(p: CardProfile, faults: Faults = Faults(), altered: bool = False) -> bytes:
    def u(text: str) -> bytes:
        return text.encode("utf-8")

    residence = p.residence
    if altered:
        residence = residence.replace("5", "9") if "5" in residence else residence + " (sửa)"
    items = [
        _dg13_field(1, u(p.pid)),
        _dg13_field(2, u(p.full_name)),
        _dg13_field(3, u(p.date_of_birth.strftime("%d/%m/%Y"))),
        _dg13_field(4, u("Nam" if p.sex == "male" else "Nữ")),
        _dg13_field(5, u(p.nationality)),
        _dg13_field(6, u(p.ethnicity)),
        _dg13_field(7, u(p.religion)),
        _dg13_field(8, u(p.hometown)),
        _dg13_field(9, b"\xc3\x28 invalid" if faults.dg13_bad_utf8 else u(residence)),
        _dg13_field(10, u(p.identifying_features)),
        _dg13_field(11, u(p.issue_date.strftime("%d/%m/%Y"))),
        _dg13_field(12, u(_vn_date(p.expiry))),
        tlv.encode(0x30, tlv.encode(0x02, b"\x0d")
                   + tlv.encode(0x30, tlv.encode(0x0C, u(p.father_name)))
                   + tlv.encode(0x30, tlv.encode(0x0C, u(p.mother_name)))),
        _dg13_field(14, u(p.spouse_name)),
        _dg13_field(15, b""),
        _dg13_field(16, u(p.old_id_number)),
    ]
    if faults.dg13_unknown_tags:
        items.insert(3, _dg13_field(42, u("giá trị lạ")))
        items.append(tlv.encode(0x04, b"\x01\x02\x03"))
        items.append(tlv.encode(0x30, tlv.encode(0x06, b"\x2b\x06\x01")))
    return tlv.encode(0x6D, tlv.encode(0x30, b"".join(items)))


def build_com(groups: list[int]) -> bytes:
    body = (tlv.encode(0x5F01, b"0107") + tlv.encode(0x5F36, b"040000")
            + tlv.encode(0x5C, bytes(TAG_BY_DG[g] for g in groups)))
    return tlv.encode(0x60, body)


def build_sod(groups: dict[int, bytes], pki: TestPki, hash_name: str = "sha256",
              declared_hash: str | None = None) -> bytes:
    """EF.SOD: a CMS SignedData over the LDS security object, signed by the Document Signer."""
    from asn1crypto import algos, cms, core
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding

    from devices.smartcard.sod import LdsSecurityObject

    hasher = getattr(hashlib, hash_name)
    lds = LdsSecurityObject({
        "version": 0,
        "hash_algorithm": {"algorithm": declared_hash or hash_name},
        "data_group_hash_values": [
            {"data_group_number": n, "data_group_hash_value": hasher(content).digest()}
            for n, content in sorted(groups.items())
        ],
    }).dump()
    attrs = cms.CMSAttributes([
        cms.CMSAttribute({"type": "content_type", "values": [OID_LDS]}),
        cms.CMSAttribute({"type": "signing_time",
                          "values": [cms.Time({"utc_time": datetime.now(UTC)})]}),
        cms.CMSAttribute({"type": "message_digest", "values": [hashlib.sha256(lds).digest()]}),
    ])
    algorithm: dict[str, Any]
    if pki.signature == "rsa":
        from cryptography.hazmat.primitives.asymmetric import padding

        signature = pki.ds_key.sign(attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
        algorithm = {"algorithm": "sha256_rsa"}
    elif pki.signature == "rsa-pss":
        from cryptography.hazmat.primitives.asymmetric import padding

        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
        signature = pki.ds_key.sign(attrs.dump(), pss, hashes.SHA256())
        algorithm = {"algorithm": "rsassa_pss", "parameters": {
            "hash_algorithm": {"algorithm": "sha256"},
            "mask_gen_algorithm": {"algorithm": "mgf1",
                                   "parameters": {"algorithm": "sha256"}},
            "salt_length": 32, "trailer_field": "trailer_field_bc"}}
    else:
        signature = pki.ds_key.sign(attrs.dump(), ec.ECDSA(hashes.SHA256()))
        algorithm = {"algorithm": "sha256_ecdsa"}
    ds_cert = ax509.Certificate.load(pki.ds_cert.public_bytes(Encoding.DER))
    signer = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({"issuer_and_serial_number": cms.IssuerAndSerialNumber({
            "issuer": ds_cert.issuer, "serial_number": ds_cert.serial_number})}),
        "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
        "signed_attrs": attrs,
        "signature_algorithm": algos.SignedDigestAlgorithm(algorithm),
        "signature": signature,
    })
    signed = cms.SignedData({
        "version": "v3",
        "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
        "encap_content_info": {"content_type": OID_LDS,
                               "content": cms.ParsableOctetString(lds)},
        "certificates": [ds_cert],
        "signer_infos": [signer],
    })
    info = cms.ContentInfo({"content_type": "signed_data", "content": signed})
    _ = core  # asn1crypto.core types are used through the classes above
    return tlv.encode(0x77, info.dump())


@dataclass
class CardFiles:
    """The files of one card, by file identifier, and the PKI that signed them."""

    files: dict[int, bytes]
    pki: TestPki
    profile: CardProfile


def build_card(profile: CardProfile = CardProfile(), faults: Faults = Faults(),
               pki: TestPki | None = None, face_bytes: int = 20_000) -> CardFiles:
    pki = pki or default_pki(faults.ds_expired)
    mrz = profile.mrz.replace("\n", "").encode("ascii")
    groups: dict[int, bytes] = {1: tlv.encode(0x61, tlv.encode(0x5F1F, mrz))}
    if profile.face:
        groups[2] = build_dg2(synthetic_face_jpeg(profile.face_seed, face_bytes))
    groups[13] = build_dg13(profile, faults)
    sod = build_sod(groups, pki, "sha256",
                    declared_hash="sha1" if faults.sod_wrong_hash_algorithm else None)
    files = {FID_COM: build_com(sorted(groups)), FID_SOD: sod}
    for number, content in groups.items():
        files[FID_BY_DG[number]] = content
    if faults.altered_dg13:
        files[FID_BY_DG[13]] = build_dg13(profile, faults, altered=True)
    if faults.truncated_dg is not None and faults.truncated_dg in FID_BY_DG:
        fid = FID_BY_DG[faults.truncated_dg]
        if fid in files:
            files[fid] = files[fid][: max(8, len(files[fid]) * 2 // 3)]
    if faults.pace_only:
        files[FID_CARD_ACCESS] = CARD_ACCESS_PACE
    return CardFiles(files, pki, profile)


# --- the chip ---------------------------------------------------------------------------------

def _parse_command(apdu: bytes) -> tuple[int, int, int, int, bytes, int | None]:
    """(CLA, INS, P1, P2, data, Le) of a short or extended command APDU."""
    if len(apdu) < 4:
        raise ValueError("APDU shorter than its header")
    cla, ins, p1, p2 = apdu[:4]
    rest = apdu[4:]
    if not rest:
        return cla, ins, p1, p2, b"", None
    if len(rest) == 1:
        return cla, ins, p1, p2, b"", rest[0] or 256
    if rest[0] == 0 and len(rest) >= 3:  # extended
        if len(rest) == 3:
            return cla, ins, p1, p2, b"", int.from_bytes(rest[1:3], "big") or 65536
        lc = int.from_bytes(rest[1:3], "big")
        data = rest[3 : 3 + lc]
        tail = rest[3 + lc :]
        le = (int.from_bytes(tail, "big") or 65536) if len(tail) == 2 else None
        return cla, ins, p1, p2, data, le
    lc = rest[0]
    data = rest[1 : 1 + lc]
    tail = rest[1 + lc :]
    le = (tail[0] or 256) if len(tail) == 1 else None
    return cla, ins, p1, p2, data, le


class VirtualCard:
    """The chip: an ISO 7816-4 file system behind BAC and secure messaging."""

    def __init__(self, profile: CardProfile = CardProfile(), faults: Faults = Faults(),
                 pki: TestPki | None = None, *, plain_access: bool = False,
                 face_bytes: int = 20_000) -> None:
        self.card = build_card(profile, faults, pki, face_bytes)
        self.faults = faults
        self.profile = profile
        self.plain_access = plain_access  # benchmark floor: files readable without BAC
        seed = profile.bac_key().seed()
        self._k_enc = derive_key(seed, KDF_ENC)
        self._k_mac = derive_key(seed, KDF_MAC)
        self.apdu_count = 0
        self.reset()

    @property
    def atr(self) -> bytes:
        return ATR

    @property
    def files(self) -> dict[int, bytes]:
        return self.card.files

    @property
    def pki(self) -> TestPki:
        return self.card.pki

    def reset(self) -> None:
        self._app_selected = False
        self._selected: int | None = None
        self._rnd_ic: bytes | None = None
        self._sm: SecureMessaging | None = None

    def process(self, apdu: bytes) -> bytes:
        """Answer one command APDU (response data + SW)."""
        self.apdu_count += 1
        pulled = self.faults.pulled_after_apdus
        if pulled is not None and self.apdu_count >= pulled:
            raise CardPulled()
        if len(apdu) >= 4 and apdu[0] & 0x0C:
            return self._secure(apdu)  # secure messaging parses the command itself
        try:
            cla, ins, p1, p2, data, le = _parse_command(apdu)
        except ValueError:
            return SW_WRONG_LENGTH.to_bytes(2, "big")
        if self._sm is not None:
            self._sm = None  # a plain command aborts secure messaging, as on real chips
        return self._plain(ins, p1, p2, data, le)

    @staticmethod
    def _sw(sw: int, data: bytes = b"") -> bytes:
        return data + sw.to_bytes(2, "big")

    def _select(self, p1: int, data: bytes) -> int:
        if p1 == 0x04:
            if data != AID_MRTD or self.faults.not_emrtd:
                return SW_NOT_FOUND
            self._app_selected = True
            self._selected = None
            return SW_OK
        if p1 in (0x00, 0x02) and len(data) == 2:
            fid = int.from_bytes(data, "big")
            if fid == 0x3F00:
                self._app_selected = False
                self._selected = None
                return SW_OK
            if fid == FID_CARD_ACCESS:
                if fid in self.files:
                    self._selected = fid
                    return SW_OK
                return SW_NOT_FOUND
            if not self._app_selected or fid not in self.files:
                return SW_NOT_FOUND
            self._selected = fid
            return SW_OK
        return SW_WRONG_P1P2

    def _read(self, p1: int, p2: int, le: int | None) -> tuple[int, bytes]:
        if self._selected is None:
            return SW_NOT_FOUND, b""
        if p1 & 0x80:
            return SW_WRONG_P1P2, b""
        offset = (p1 << 8) | p2
        content = self.files[self._selected]
        if offset > len(content) or (offset == len(content) and offset > 0):
            return SW_WRONG_P1P2, b""
        want = le or 256
        chunk = content[offset : offset + want]
        # Fewer bytes than asked: the end of the file came first (warning 6282).
        return (SW_OK if len(chunk) == want else SW_END_OF_FILE), chunk

    def _plain(self, ins: int, p1: int, p2: int, data: bytes, le: int | None) -> bytes:
        if ins == 0xA4:
            if p1 == 0x02 and len(data) == 2 and int.from_bytes(data, "big") not in (
                FID_CARD_ACCESS, 0x3F00) and not self.plain_access:
                return self._sw(SW_SECURITY)
            return self._sw(self._select(p1, data))
        if ins == 0xB0:
            if self._selected == FID_CARD_ACCESS or self.plain_access:
                sw, chunk = self._read(p1, p2, le)
                return self._sw(sw, chunk)
            return self._sw(SW_SECURITY)
        if ins == 0x84:
            if self.faults.pace_only:
                return self._sw(SW_INS)
            if not self._app_selected:
                return self._sw(SW_SECURITY)
            self._rnd_ic = os.urandom(8)
            return self._sw(SW_OK, self._rnd_ic)
        if ins == 0x82:
            return self._external_authenticate(data)
        return self._sw(SW_INS)

    def _external_authenticate(self, data: bytes) -> bytes:
        rnd_ic, self._rnd_ic = self._rnd_ic, None
        if rnd_ic is None or len(data) != 40:
            return self._sw(SW_SECURITY)
        e_ifd, m_ifd = data[:32], data[32:]
        if retail_mac(self._k_mac, pad(e_ifd)) != m_ifd:
            return self._sw(SW_AUTH_FAILED)
        s = tdes_decrypt(self._k_enc, e_ifd)
        rnd_ifd, rnd_ic_echo, k_ifd = s[:8], s[8:16], s[16:32]
        if rnd_ic_echo != rnd_ic:
            return self._sw(SW_AUTH_FAILED)
        k_ic = os.urandom(16)
        e_ic = tdes_encrypt(self._k_enc, rnd_ic + rnd_ifd + k_ic)
        m_ic = retail_mac(self._k_mac, pad(e_ic))
        self._sm = SecureMessaging.from_bac(k_ifd, k_ic, rnd_ic, rnd_ifd)
        return self._sw(SW_OK, e_ic + m_ic)

    def _secure(self, apdu: bytes) -> bytes:
        sm = self._sm
        if sm is None:
            return self._sw(SW_SECURITY)
        try:
            header, data, le = sm.card_unprotect(apdu)
        except SmartCardError:
            self._sm = None
            return self._sw(SW_SM_WRONG)
        ins, p1, p2 = header[1], header[2], header[3]
        if ins == 0xA4:
            return sm.card_protect(b"", self._select(p1, data))
        if ins == 0xB0:
            sw, chunk = self._read(p1, p2, le)
            return sm.card_protect(chunk, sw)
        return sm.card_protect(b"", SW_INS)


# --- vpcd transport --------------------------------------------------------------------------

VPCD_OFF, VPCD_ON, VPCD_RESET, VPCD_ATR = 0, 1, 2, 4


class VpcdCard:
    """Puts a ``VirtualCard`` into a vpcd reader: connects to vpcd's TCP port and answers.

    ``insert()`` connects (the card appears in the reader), ``remove()`` closes the connection
    (the card leaves). With ``Faults.pulled_after_apdus`` the connection drops at that APDU;
    ``reinsert_after`` (seconds) puts the card back afterwards without the fault.
    """

    def __init__(self, card: VirtualCard, host: str = "127.0.0.1", port: int = 35963,
                 reinsert_after: float | None = None) -> None:
        self.card = card
        self.host = host
        self.port = port
        self.reinsert_after = reinsert_after
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.inserted = threading.Event()
        self.pulled = threading.Event()
        self.apdus = 0

    def insert(self, timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                sock = socket.create_connection((self.host, self.port), timeout=2.0)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SmartCardError("smartcard.vpcd_unreachable", host=self.host,
                                         port=self.port) from None
                time.sleep(0.05)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(None)
        self._sock = sock
        self._stop.clear()
        self.card.reset()
        self._thread = threading.Thread(target=self._serve, args=(sock,), daemon=True,
                                        name=f"vpcd-card-{self.port}")
        self._thread.start()
        self.inserted.set()

    def remove(self) -> None:
        self._stop.set()
        sock, self._sock = self._sock, None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2.0)
        self.inserted.clear()

    close = remove

    def __enter__(self) -> VpcdCard:
        self.insert()
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()

    @staticmethod
    def _recv(sock: socket.socket, n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            # vpcd writes the length and the payload separately: acknowledge at once, or
            # delayed ACKs cost ~40 ms per APDU.
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            except (OSError, AttributeError):
                pass
            chunk = sock.recv(n - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
        return buf

    def _send(self, sock: socket.socket, payload: bytes) -> None:
        sock.sendall(struct.pack(">H", len(payload)) + payload)

    def _serve(self, sock: socket.socket) -> None:
        try:
            while not self._stop.is_set():
                (length,) = struct.unpack(">H", self._recv(sock, 2))
                msg = self._recv(sock, length)
                if length == 1:
                    if msg[0] == VPCD_ATR:
                        self._send(sock, self.card.atr)
                    elif msg[0] in (VPCD_OFF, VPCD_ON, VPCD_RESET):
                        self.card.reset()
                    continue
                self.apdus += 1
                try:
                    response = self.card.process(msg)
                except CardPulled:
                    self._pulled(sock)
                    return
                self._send(sock, response)
        except (EOFError, OSError):
            pass

    def _pulled(self, sock: socket.socket) -> None:
        self.pulled.set()
        self.inserted.clear()
        try:
            sock.close()
        except OSError:
            pass
        self.card.faults = replace(self.card.faults, pulled_after_apdus=None)
        self.card.apdu_count = 0
        if self.reinsert_after is not None and not self._stop.is_set():
            delay = self.reinsert_after

            def back() -> None:
                if not self._stop.wait(delay):
                    self.insert()

            threading.Thread(target=back, daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    """Serve a synthetic card to vpcd until interrupted."""
    parser = argparse.ArgumentParser(description="Virtual Vietnamese chip card for vpcd")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=35963)
    parser.add_argument("--fault", action="append", default=[], choices=FAULT_NAMES)
    parser.add_argument("--csca-out", help="write the test CSCA certificate (PEM) here")
    parser.add_argument("--plain-access", action="store_true",
                        help="also answer SELECT/READ BINARY without BAC (benchmark floor)")
    args = parser.parse_args(argv)
    card = VirtualCard(faults=faults_from_names(args.fault), plain_access=args.plain_access)
    if args.csca_out:
        with open(args.csca_out, "wb") as fh:
            fh.write(card.pki.csca_pem)
    vpcd = VpcdCard(card, args.host, args.port)
    vpcd.insert()
    print(f"card inserted into vpcd {args.host}:{args.port}; MRZ:\n{card.profile.mrz}",
          flush=True)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        vpcd.remove()
    return 0


__all__ = [
    "AID_MRTD",
    "FAULT_NAMES",
    "faults_from_names",
    "CardFiles",
    "CardProfile",
    "Faults",
    "TestPki",
    "VirtualCard",
    "VpcdCard",
    "build_card",
    "default_pki",
    "generate_pki",
    "synthetic_face_jpeg",
]


if __name__ == "__main__":
    raise SystemExit(main())
