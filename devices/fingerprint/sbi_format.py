"""Wire formats of MOSIP SBI 0.9.5: ISO biometric records, JWS blocks, the hash chain.

Shared by the SBI client and the SBI device simulator (see ``/shared/domain/sbi.md``).

- ISO/IEC 19794-4:2011 finger image records and 19794-6:2011 iris records: the general header
  and one representation header per image, with the fields a client needs (position, sampling
  rate, size, compression) — written and read here in the 2011 layout as far as the digest
  describes it; vendor extension blocks are skipped.
- Compact JWS (RFC 7515) with ``{"alg": "RS256", "typ": "JWT", "x5c": [cert]}`` made and checked
  with jwcrypto; ``x5c`` may be standard base64 or base64url (the spec versions disagree).
- ``hash = UPPERHEX(SHA256(prev || SHA256(bioValue)))`` chaining the items of a capture.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import cv2
import numpy as np

from devices.errors import DeviceError
from devices.fingerprint.model import GrayImage

SPEC_VERSION = "0.9.5"

# ISO/IEC 19794-4 compression algorithm codes.
COMPRESSION_RAW = 0
COMPRESSION_WSQ = 2
COMPRESSION_JPEG = 3
COMPRESSION_J2K_LOSSY = 4
COMPRESSION_J2K = 5
COMPRESSION_PNG = 6

#: SBI error codes and their standard texts (sbi.md section 11).
ERRORS = {
    "0": "Success",
    "100": "Device not registered",
    "101": "Unable to detect a biometric object",
    "102": "Technical error during extraction",
    "103": "Device tamper detected",
    "104": "Unable to connect to management server",
    "105": "Image orientation error",
    "106": "Device not found",
    "107": "Device public key expired",
    "108": "Domain public key missing",
    "109": "Requested number of Finger/Iris not supported",
    "110": "Device is not ready",
    "111": "Device is Busy",
    "112": "Invalid Transaction ID",
    "202": "No device connected",
}


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Decode base64url or standard base64, padded or not; ValueError when it is neither."""
    s = "".join(text.split())
    s = s.replace("+", "-").replace("/", "_")
    s += "=" * (-len(s) % 4)
    try:
        return base64.urlsafe_b64decode(s.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("not base64") from exc


def chain_hash(previous_hex: str, bio_value: bytes) -> str:
    """The SBI item hash: SHA256 of the previous hash's bytes and the record's SHA256."""
    prev = bytes.fromhex(previous_hex) if previous_hex else hashlib.sha256(b"").digest()
    return hashlib.sha256(prev + hashlib.sha256(bio_value).digest()).hexdigest().upper()


# --- images inside records ------------------------------------------------------------------

def encode_image(image: GrayImage, compression: int) -> bytes:
    if compression == COMPRESSION_RAW:
        return image.tobytes()
    if compression == COMPRESSION_PNG:
        ok, buf = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    elif compression == COMPRESSION_J2K:
        ok, buf = cv2.imencode(".jp2", image, [cv2.IMWRITE_JPEG2000_COMPRESSION_X1000, 1000])
    elif compression == COMPRESSION_JPEG:
        ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 90])
    else:
        raise ValueError(f"unsupported compression {compression}")
    if not ok:
        raise ValueError("image encoding failed")
    return bytes(buf)


def decode_image(data: bytes, compression: int | None, width: int = 0,
                 height: int = 0) -> GrayImage | None:
    """Decode image bytes to 8-bit gray, or None when they are not an image."""
    if compression == COMPRESSION_RAW:
        if width * height and len(data) == width * height:
            return np.frombuffer(data, np.uint8).reshape(height, width).copy()
        return None
    if compression == COMPRESSION_WSQ or data[:2] == b"\xff\xa0":
        import io

        import wsq  # noqa: F401  (registers the WSQ plugin with Pillow)
        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as im:
                return np.asarray(im.convert("L"), np.uint8).copy()
        except Exception:  # noqa: BLE001 - any decoder failure means "not an image"
            return None
    arr = np.frombuffer(data, np.uint8)
    if arr.size == 0:
        return None
    img = cv2.imdecode(arr, cv2.IMREAD_GRAYSCALE)
    return None if img is None else np.asarray(img, np.uint8)


# --- ISO/IEC 19794-4 finger image record ----------------------------------------------------

@dataclass(frozen=True)
class IsoImage:
    """What the client reads from an ISO record."""

    image: GrayImage
    position: int  # finger position code (19794-4) or eye label (19794-6)
    ppi: int  # 0 for iris records
    quality: int | None
    compression: int


def _capture_datetime() -> bytes:
    now = datetime.now(UTC)
    return struct.pack(">HBBBBBH", now.year, now.month, now.day, now.hour, now.minute,
                       now.second, now.microsecond // 1000)


def finger_record(image: GrayImage, position: int, quality: int, ppi: int = 500,
                  compression: int = COMPRESSION_J2K, vendor_id: int = 0x0101) -> bytes:
    """An ISO/IEC 19794-4:2011 finger image record holding one flat impression."""
    data = encode_image(image, compression)
    h, w = image.shape
    rep = bytearray()
    rep += _capture_datetime()
    rep += struct.pack(">BHH", 1, vendor_id, 1)  # technology: optical; vendor; device type
    rep += struct.pack(">B", 1) + struct.pack(">BHH", quality, vendor_id, 1)  # quality block
    rep += struct.pack(">BBB", position, 1, 1)  # position, representation no., scale: ppi
    rep += struct.pack(">HHHH", ppi, ppi, ppi, ppi)
    rep += struct.pack(">BBB", 8, compression, 0)  # bit depth, compression, plain live-scan
    rep += struct.pack(">HHI", w, h, len(data))
    rep += data
    rep_len = 4 + len(rep)
    total = 16 + rep_len
    header = b"FIR\x00" + b"020\x00" + struct.pack(">IHBB", total, 1, 0, 1)
    return header + struct.pack(">I", rep_len) + bytes(rep)


def parse_finger_record(record: bytes) -> IsoImage:
    """Read an ISO finger record; a bare image (no ISO header) is accepted as 500 ppi."""
    if record[:4] != b"FIR\x00":
        img = decode_image(record, None)
        if img is None:
            raise ValueError("neither an ISO 19794-4 record nor an image")
        return IsoImage(img, 0, 500, None, -1)
    try:
        pos = 16 + 4 + 9 + 5
        (nq,) = struct.unpack_from(">B", record, pos)
        pos += 1
        quality = record[pos] if nq else None
        pos += 5 * nq
        position, _rep_no, _scale = struct.unpack_from(">BBB", record, pos)
        pos += 3
        _sh, _sv, ih, _iv = struct.unpack_from(">HHHH", record, pos)
        pos += 8
        _depth, compression, _imp = struct.unpack_from(">BBB", record, pos)
        pos += 3
        w, h, n = struct.unpack_from(">HHI", record, pos)
        pos += 8
    except struct.error as exc:
        raise ValueError("truncated ISO 19794-4 record") from exc
    data = record[pos:pos + n]
    img = decode_image(data, compression, w, h)
    if img is None:
        raise ValueError("the ISO record holds no decodable image")
    return IsoImage(img, position, ih, quality, compression)


# --- ISO/IEC 19794-6 iris image record ------------------------------------------------------

EYE_LABEL = {"Right": 1, "Left": 2}


def iris_record(image: GrayImage, eye: str, quality: int,
                compression: int = COMPRESSION_J2K) -> bytes:
    """An ISO/IEC 19794-6:2011 iris record, image type K2 (VGA, uncropped)."""
    data = encode_image(image, compression)
    h, w = image.shape
    rep = bytearray()
    rep += _capture_datetime()
    rep += struct.pack(">BHH", 2, 0x0101, 1)  # technology: CMOS/CCD; vendor; device type
    rep += struct.pack(">B", 1) + struct.pack(">BHH", quality, 0x0101, 1)
    rep += struct.pack(">HBB", 1, EYE_LABEL.get(eye, 0), 2)  # rep. no., eye label, type K2
    fmt = {COMPRESSION_J2K: 10, COMPRESSION_PNG: 14, COMPRESSION_RAW: 2}.get(compression, 10)
    rep += struct.pack(">BBHHB", fmt, 0, w, h, 8)
    rep += struct.pack(">I", len(data)) + data
    rep_len = 4 + len(rep)
    header = b"IIR\x00" + b"020\x00" + struct.pack(">IHBB", 16 + rep_len, 1, 0, 1)
    return header + struct.pack(">I", rep_len) + bytes(rep)


def parse_iris_record(record: bytes) -> IsoImage:
    if record[:4] != b"IIR\x00":
        img = decode_image(record, None)
        if img is None:
            raise ValueError("neither an ISO 19794-6 record nor an image")
        return IsoImage(img, 0, 0, None, -1)
    try:
        pos = 16 + 4 + 9 + 5
        (nq,) = struct.unpack_from(">B", record, pos)
        pos += 1
        quality = record[pos] if nq else None
        pos += 5 * nq
        _rep_no, label, _kind = struct.unpack_from(">HBB", record, pos)
        pos += 4
        fmt, _props, w, h, _depth = struct.unpack_from(">BBHHB", record, pos)
        pos += 7
        (n,) = struct.unpack_from(">I", record, pos)
        pos += 4
    except struct.error as exc:
        raise ValueError("truncated ISO 19794-6 record") from exc
    compression = {10: COMPRESSION_J2K, 14: COMPRESSION_PNG, 2: COMPRESSION_RAW}.get(fmt, -1)
    img = decode_image(record[pos:pos + n], compression, w, h)
    if img is None:
        raise ValueError("the ISO record holds no decodable image")
    return IsoImage(img, label, 0, quality, compression)


# --- JWS ------------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _signing_key(key_pem: bytes) -> Any:
    from jwcrypto import jwk

    # Loading an RSA key checks it at length (~0.3 s): do it once per key.
    return jwk.JWK.from_pem(key_pem)


def sign_jws(payload: dict[str, Any] | bytes, key_pem: bytes, cert_der: bytes) -> str:
    """A compact RS256 JWS with the signer's certificate in ``x5c``."""
    from jwcrypto import jws

    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
    key = _signing_key(key_pem)
    token = jws.JWS(body)
    header = {"alg": "RS256", "typ": "JWT", "x5c": [base64.b64encode(cert_der).decode("ascii")]}
    token.add_signature(key, None, protected=json.dumps(header))
    return str(token.serialize(compact=True))


@dataclass(frozen=True)
class VerifiedJws:
    payload: bytes
    cert_der: bytes

    def json(self) -> Any:
        return json.loads(self.payload.decode("utf-8"))


def verify_jws(token: str) -> VerifiedJws:
    """Check a compact JWS against the key of its own ``x5c[0]``; DeviceError when it fails.

    Trust in that certificate (its chain to the provider's CA) is checked separately.
    """
    from cryptography import x509
    from jwcrypto import jwk, jws
    from jwcrypto.common import JWException

    parts = token.split(".") if isinstance(token, str) else []
    if len(parts) != 3:
        raise DeviceError("fingerprint.sbi_malformed", detail="not a compact JWS")
    try:
        header = json.loads(b64url_decode(parts[0]))
        cert_der = b64url_decode(header["x5c"][0])
        cert = x509.load_der_x509_certificate(cert_der)
        if header.get("alg") != "RS256":
            raise ValueError("alg is not RS256")
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise DeviceError("fingerprint.sbi_malformed", detail=f"JWS header: {exc}") from exc
    key = jwk.JWK.from_pyca(cert.public_key())
    obj = jws.JWS()
    try:
        obj.deserialize(token)
        obj.verify(key, alg="RS256")
    except (JWException, ValueError) as exc:
        raise DeviceError("fingerprint.sbi_bad_signature") from exc
    return VerifiedJws(bytes(obj.payload), cert_der)


def unsigned_payload(text: str) -> Any:
    """Discovery's unsigned digitalId (base64url JSON), or a JWS's payload without checking."""
    parts = text.split(".")
    raw = b64url_decode(parts[1] if len(parts) == 3 else parts[0])
    return json.loads(raw.decode("utf-8"))


def certificate_trusted(cert_der: bytes, anchors: list[bytes], provider: str) -> bool:
    """Is the signer issued by one of ``anchors`` (PEM/DER CA certs), valid now, O = provider?"""
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    cert = x509.load_der_x509_certificate(cert_der)
    now = datetime.now(UTC)
    if not (cert.not_valid_before_utc <= now <= cert.not_valid_after_utc):
        return False
    orgs = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    if provider and (not orgs or str(orgs[0].value) != provider):
        return False
    for raw in anchors:
        try:
            ca = (x509.load_pem_x509_certificate(raw) if raw.lstrip().startswith(b"-----")
                  else x509.load_der_x509_certificate(raw))
            cert.verify_directly_issued_by(ca)
        except Exception:  # noqa: BLE001 - whatever fails, it is not this CA
            continue
        if ca.not_valid_before_utc <= now <= ca.not_valid_after_utc:
            return True
    return False
