"""The Document Security Object (EF.SOD, ICAO 9303 Part 10 §4.6.2 and Part 11 §5) and passive
authentication: data-group hashes against the SOD, the SOD's signature against its Document
Signer certificate, and, with a CSCA trust list, the Document Signer against its CSCA."""

from __future__ import annotations

import hashlib
import hmac
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from asn1crypto import algos, cms, core
from cryptography import x509 as cx509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.utils import CryptographyDeprecationWarning

from devices.smartcard import tlv
from devices.smartcard.errors import MalformedData

OID_LDS_SECURITY_OBJECT = "2.23.136.1.1.1"
MAX_SOD_BYTES = 64 * 1024

HASHES: dict[str, Any] = {
    "sha1": (hashlib.sha1, hashes.SHA1),
    "sha224": (hashlib.sha224, hashes.SHA224),
    "sha256": (hashlib.sha256, hashes.SHA256),
    "sha384": (hashlib.sha384, hashes.SHA384),
    "sha512": (hashlib.sha512, hashes.SHA512),
}


class DataGroupHash(core.Sequence):  # type: ignore[misc]
    _fields = [("data_group_number", core.Integer), ("data_group_hash_value", core.OctetString)]


class DataGroupHashValues(core.SequenceOf):  # type: ignore[misc]
    _child_spec = DataGroupHash


class LdsVersionInfo(core.Sequence):  # type: ignore[misc]
    _fields = [("lds_version", core.PrintableString), ("unicode_version", core.PrintableString)]


class LdsSecurityObject(core.Sequence):  # type: ignore[misc]
    _fields = [
        ("version", core.Integer),
        ("hash_algorithm", algos.DigestAlgorithm),
        ("data_group_hash_values", DataGroupHashValues),
        ("lds_version_info", LdsVersionInfo, {"optional": True}),
    ]


@dataclass(frozen=True)
class SecurityObject:
    """What the SOD says and what is needed to check it."""

    hash_algorithm: str
    hashes: dict[int, bytes]
    encapsulated: bytes  # DER of the LDSSecurityObject (what messageDigest covers)
    signed_attrs: bytes | None  # DER of the signed attributes as a SET, or None
    message_digest: bytes | None
    signature_algorithm: str
    signature_hash: str
    signature: bytes
    certificate: bytes | None  # DER of the Document Signer certificate


_ASN1_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError, AttributeError,
                UnicodeDecodeError, RecursionError, NotImplementedError)


def parse_sod(data: bytes) -> SecurityObject:
    """Parse EF.SOD (tag 77 around a CMS SignedData)."""
    if len(data) > MAX_SOD_BYTES:
        raise MalformedData("sod", "SOD larger than 64 KB")
    outer = tlv.expect(data, 0x77, "sod")
    try:
        return _parse_signed_data(outer.value)
    except MalformedData:
        raise
    except _ASN1_ERRORS as exc:
        raise MalformedData("sod", f"{type(exc).__name__}: {exc}"[:200]) from exc


def _parse_signed_data(der: bytes) -> SecurityObject:
    fast = _parse_signed_data_fast(der)
    if fast is not None:
        return fast
    return _parse_signed_data_asn1(der)


# --- the usual SOD, read directly --------------------------------------------------------------
#
# asn1crypto builds an object per element and decodes lazily: ~0.4 ms for a 1 KB SOD, a tenth of
# a whole chip read. The usual layout (one SignedData, one signer, known algorithm OIDs, DER
# lengths) is walked here directly instead; the names come from asn1crypto's own tables, so
# the result is the same object. Anything else (another layout, an unknown OID, BER forms,
# malformed data) returns None and goes to asn1crypto, which decides as before.

class _Fallback(Exception):
    """The fast path does not handle this input: let asn1crypto parse it."""


def _element(buf: bytes, pos: int, end: int, tag: int | None = None) -> tuple[int, int, int]:
    """(tag, value start, value end) of the DER element at ``pos`` (one-byte tags only)."""
    if pos + 2 > end:
        raise _Fallback
    found = buf[pos]
    if (tag is not None and found != tag) or found & 0x1F == 0x1F:
        raise _Fallback
    length = buf[pos + 1]
    pos += 2
    if length & 0x80:
        count = length & 0x7F
        if not 1 <= count <= 3 or pos + count > end:
            raise _Fallback
        length = int.from_bytes(buf[pos : pos + count], "big")
        pos += count
    if pos + length > end:
        raise _Fallback
    return found, pos, pos + length


def _well_formed(buf: bytes, start: int, end: int, depth: int = 0) -> None:
    """Every element in ``buf[start:end]``, nested ones included, has a definite length that
    fits its parent exactly (what asn1crypto checks as it decodes)."""
    if depth > 16:
        raise _Fallback
    pos = start
    while pos < end:
        tag, v_start, v_end = _element(buf, pos, end)
        if tag & 0x20:
            _well_formed(buf, v_start, v_end, depth + 1)
        elif tag == 0x00:
            raise _Fallback
        pos = v_end


def _oid(buf: bytes, start: int, end: int) -> str:
    if start >= end or buf[end - 1] & 0x80:
        raise _Fallback
    parts: list[int] = []
    value = 0
    for i in range(start, end):
        b = buf[i]
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            parts.append(value)
            value = 0
    first = parts[0]
    head = [0, first] if first < 40 else [1, first - 40] if first < 80 else [2, first - 80]
    return ".".join(map(str, head + parts[1:]))


def _algorithm(buf: bytes, pos: int, end: int) -> tuple[str, int, int, int]:
    """An AlgorithmIdentifier at ``pos``: (OID, parameters start, parameters end, next)."""
    _, start, stop = _element(buf, pos, end, 0x30)
    _, o_start, o_end = _element(buf, start, stop, 0x06)
    return _oid(buf, o_start, o_end), o_end, stop, stop


_NAMES: dict[str, dict[str, str]] = {}


def _names() -> dict[str, dict[str, str]]:
    """OID -> name as asn1crypto gives them (digests, and signature schemes)."""
    if not _NAMES:
        signature: dict[str, str] = {}
        for oid in algos.SignedDigestAlgorithmId._map:
            try:
                signature[oid] = algos.SignedDigestAlgorithm({"algorithm": oid}).signature_algo
            except ValueError:
                continue
        _NAMES["signature"] = signature
        _NAMES["digest"] = dict(algos.DigestAlgorithmId._map)
    return _NAMES


_OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
_OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"


def _parse_signed_data_fast(der: bytes) -> SecurityObject | None:
    try:
        return _walk_signed_data(der)
    except (_Fallback, IndexError, ValueError):  # anything unexpected: asn1crypto decides
        return None


def _walk_signed_data(der: bytes) -> SecurityObject:
    names = _names()
    _, ci, ci_end = _element(der, 0, len(der), 0x30)
    if ci_end != len(der):
        raise _Fallback
    _well_formed(der, ci, ci_end)
    _, o_start, o_end = _element(der, ci, ci_end, 0x06)
    if _oid(der, o_start, o_end) != _OID_SIGNED_DATA:
        raise _Fallback
    _, c0, c0_end = _element(der, o_end, ci_end, 0xA0)
    _, sd, sd_end = _element(der, c0, c0_end, 0x30)
    if c0_end != ci_end or sd_end != c0_end:
        raise _Fallback
    _, _, pos = _element(der, sd, sd_end, 0x02)  # version
    _, d_pos, pos = _element(der, pos, sd_end, 0x31)  # digestAlgorithms
    while d_pos < pos:
        d_pos = _algorithm(der, d_pos, pos)[3]
    _, enc, enc_end = _element(der, pos, sd_end, 0x30)
    _, o_start, o_end = _element(der, enc, enc_end, 0x06)
    if _oid(der, o_start, o_end) != OID_LDS_SECURITY_OBJECT:
        raise _Fallback
    _, e0, e0_end = _element(der, o_end, enc_end, 0xA0)
    _, raw_start, raw_end = _element(der, e0, e0_end, 0x04)
    if raw_end != e0_end or e0_end != enc_end:
        raise _Fallback
    raw = der[raw_start:raw_end]
    pos = enc_end
    certificate: bytes | None = None
    tag, c_start, c_end = _element(der, pos, sd_end)
    if tag == 0xA0:  # certificates: the first plain Certificate
        cpos = c_start
        while cpos < c_end:
            ctag, _, cstop = _element(der, cpos, c_end)
            if ctag not in (0x30, 0xA0, 0xA1, 0xA2, 0xA3):
                raise _Fallback
            if ctag == 0x30 and certificate is None:
                certificate = der[cpos:cstop]
            cpos = cstop
        pos = c_end
        tag, c_start, c_end = _element(der, pos, sd_end)
    if tag == 0xA1:  # crls
        pos = c_end
        tag, c_start, c_end = _element(der, pos, sd_end)
    if tag != 0x31 or c_end != sd_end:
        raise _Fallback
    # Exactly one SignerInfo.
    _, si, si_end = _element(der, c_start, c_end, 0x30)
    if si_end != c_end:
        raise _Fallback
    _, _, pos = _element(der, si, si_end, 0x02)  # version
    tag, _, pos = _element(der, pos, si_end)  # sid
    if tag not in (0x30, 0x80):
        raise _Fallback
    digest_oid, _, _, pos = _algorithm(der, pos, si_end)
    signed_attrs: bytes | None = None
    message_digest: bytes | None = None
    tag, a_start, a_end = _element(der, pos, si_end)
    if tag == 0xA0:
        if a_end > a_start:
            signed_attrs = b"\x31" + der[pos + 1 : a_end]
        apos = a_start
        while apos < a_end:
            _, at, at_end = _element(der, apos, a_end, 0x30)
            _, o_start, o_end = _element(der, at, at_end, 0x06)
            _, v_start, v_end = _element(der, o_end, at_end, 0x31)
            if v_end != at_end:
                raise _Fallback
            if _oid(der, o_start, o_end) == _OID_MESSAGE_DIGEST:
                _, m_start, m_end = _element(der, v_start, v_end, 0x04)
                message_digest = der[m_start:m_end]
            apos = at_end
        pos = a_end
    sig_oid, p_start, p_end, pos = _algorithm(der, pos, si_end)
    sig_name = names["signature"].get(sig_oid)
    if sig_name is None:
        raise _Fallback
    sig_hash = names["digest"].get(digest_oid, digest_oid)
    if sig_name == "rsassa_pss":
        sig_hash = "sha1"  # the RSASSA-PSS-params default
        _, pp, pp_end = _element(der, p_start, p_end, 0x30)
        if pp_end != p_end:
            raise _Fallback
        if pp < pp_end and der[pp] == 0xA0:
            _, h0, h0_end = _element(der, pp, pp_end, 0xA0)
            h_oid, _, _, _ = _algorithm(der, h0, h0_end)
            sig_hash = names["digest"].get(h_oid, h_oid)
    _, s_start, s_end = _element(der, pos, si_end, 0x04)
    signature = der[s_start:s_end]
    if s_end != si_end:
        tag, _, u_end = _element(der, s_end, si_end)
        if tag != 0xA1 or u_end != si_end:
            raise _Fallback
    # The LDS security object.
    _, lds, lds_end = _element(raw, 0, len(raw), 0x30)
    if lds_end != len(raw):
        raise _Fallback
    _, _, pos = _element(raw, lds, lds_end, 0x02)
    hash_oid, _, _, pos = _algorithm(raw, pos, lds_end)
    _, h_start, h_end = _element(raw, pos, lds_end, 0x30)
    if h_end != lds_end:
        _, _, info_end = _element(raw, h_end, lds_end, 0x30)  # ldsVersionInfo
        if info_end != lds_end:
            raise _Fallback
    values: dict[int, bytes] = {}
    hpos = h_start
    while hpos < h_end:
        _, item, item_end = _element(raw, hpos, h_end, 0x30)
        _, n_start, n_end = _element(raw, item, item_end, 0x02)
        _, d_start, d_end = _element(raw, n_end, item_end, 0x04)
        if d_end != item_end or n_end - n_start != 1:
            raise _Fallback
        number = raw[n_start]
        if not 1 <= number <= 16:
            raise _Fallback  # asn1crypto's path words the error
        values[number] = raw[d_start:d_end]
        hpos = item_end
    return SecurityObject(names["digest"].get(hash_oid, hash_oid), values, raw, signed_attrs,
                          message_digest, sig_name, sig_hash, signature, certificate)


def _parse_signed_data_asn1(der: bytes) -> SecurityObject:
    # Check the outer structure strictly first: asn1crypto parses lazily.
    tlv.expect(der, 0x30, "sod")
    info = cms.ContentInfo.load(der, strict=True)
    if info["content_type"].dotted != "1.2.840.113549.1.7.2":
        raise MalformedData("sod", "not a CMS SignedData")
    signed = info["content"]
    encap = signed["encap_content_info"]
    if encap["content_type"].dotted != OID_LDS_SECURITY_OBJECT:
        raise MalformedData("sod", "content is not an LDS security object")
    content = encap["content"]
    raw = content.native if content is not None else None
    if not isinstance(raw, bytes):
        raise MalformedData("sod", "no encapsulated content")
    lds = LdsSecurityObject.load(raw, strict=True)
    algorithm = lds["hash_algorithm"]["algorithm"].native
    values: dict[int, bytes] = {}
    for item in lds["data_group_hash_values"]:
        number = item["data_group_number"].native
        if not isinstance(number, int) or not 1 <= number <= 16:
            raise MalformedData("sod", "data-group number out of range")
        values[number] = bytes(item["data_group_hash_value"].native)
    signers = signed["signer_infos"]
    if len(signers) != 1:
        raise MalformedData("sod", f"{len(signers)} signer infos, expected 1")
    signer = signers[0]
    attrs = signer["signed_attrs"]
    signed_attrs: bytes | None = None
    message_digest: bytes | None = None
    # Presence checks on the parsed objects, not ``.native`` (that would decode everything).
    if not isinstance(attrs, core.Void) and attrs.contents and len(attrs):
        # The signature covers the attributes DER-encoded as a SET (tag 31), not [0].
        signed_attrs = b"\x31" + attrs.dump()[1:]
        for attr in attrs:
            if attr["type"].native == "message_digest":
                message_digest = bytes(attr["values"][0].native)
    sig_alg = signer["signature_algorithm"]
    sig_name = sig_alg.signature_algo
    sig_hash = signer["digest_algorithm"]["algorithm"].native
    if sig_name == "rsassa_pss":
        sig_hash = sig_alg["parameters"]["hash_algorithm"]["algorithm"].native
    certificate: bytes | None = None
    certs = signed["certificates"]
    if not isinstance(certs, core.Void) and certs.contents:
        for choice in certs:
            if choice.name == "certificate":
                certificate = choice.chosen.dump()
                break
    return SecurityObject(str(algorithm), values, raw, signed_attrs, message_digest,
                          str(sig_name), str(sig_hash), bytes(signer["signature"].native),
                          certificate)


# --- passive authentication ------------------------------------------------------------------

PA_VALID = "valid"
PA_UNVERIFIED_ISSUER = "hashes_valid_issuer_unverified"
PA_FAILED = "failed"


@dataclass(frozen=True)
class PaResult:
    """The outcome of passive authentication.

    ``status``: ``valid`` (hashes, signature and chain to a trusted CSCA hold),
    ``hashes_valid_issuer_unverified`` (hashes and signature hold, no CSCA trust list to check
    the issuer against) or ``failed`` (``problems`` says why, with stable codes).
    """

    status: str
    hash_algorithm: str = ""
    checked_groups: tuple[int, ...] = ()
    problems: tuple[str, ...] = ()
    signer: str = ""
    issuer: str = ""

    @property
    def ok(self) -> bool:
        return self.status != PA_FAILED

    @property
    def message_code(self) -> str:
        return f"smartcard.pa.{self.status}"

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "hash_algorithm": self.hash_algorithm,
                "checked_groups": list(self.checked_groups), "problems": list(self.problems),
                "signer": self.signer, "issuer": self.issuer}


def load_csca_certificates(folder: str | Path) -> list[cx509.Certificate]:
    """Every certificate (PEM or DER: .pem .crt .cer .der) in ``folder``; unreadable files are
    skipped (a broken file must not disable the whole trust list)."""
    path = Path(folder)
    out: list[cx509.Certificate] = []
    if not path.is_dir():
        return out
    for file in sorted(path.iterdir()):
        if file.suffix.lower() not in (".pem", ".crt", ".cer", ".der"):
            continue
        try:
            raw = file.read_bytes()
            if b"-----BEGIN CERTIFICATE-----" in raw:
                out.extend(cx509.load_pem_x509_certificates(raw))
            else:
                out.append(cx509.load_der_x509_certificate(raw))
        except (OSError, ValueError):
            continue
    return out


def _verify_signature(public_key: Any, signature: bytes, data: bytes, algorithm: str,
                      hash_name: str) -> bool:
    hash_cls = HASHES.get(hash_name)
    if hash_cls is None:
        return False
    h = hash_cls[1]()
    try:
        if isinstance(public_key, rsa.RSAPublicKey):
            if algorithm == "rsassa_pss":
                pss = padding.PSS(mgf=padding.MGF1(h), salt_length=padding.PSS.AUTO)
                public_key.verify(signature, data, pss, h)
            else:
                public_key.verify(signature, data, padding.PKCS1v15(), h)
        elif isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, data, ec.ECDSA(h))
        else:
            return False
    except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
        return False
    return True


def _valid_at(cert: cx509.Certificate, when: datetime) -> bool:
    return cert.not_valid_before_utc <= when <= cert.not_valid_after_utc


def passive_authentication(
    sod: SecurityObject,
    data_groups: Mapping[int, bytes],
    csca: Iterable[cx509.Certificate] | None = None,
    now: datetime | None = None,
) -> PaResult:
    """Check ``data_groups`` (number → file bytes as read) against ``sod``."""
    now = now or datetime.now(UTC)
    problems: list[str] = []
    algorithm = sod.hash_algorithm
    checked: list[int] = []
    funcs = HASHES.get(algorithm)
    if funcs is None:
        problems.append("hash_algorithm_unsupported")
    else:
        size = funcs[0]().digest_size
        if any(len(v) != size for v in sod.hashes.values()):
            problems.append("hash_algorithm_mismatch")
        for number, content in sorted(data_groups.items()):
            expected = sod.hashes.get(number)
            if expected is None:
                problems.append(f"dg_not_in_sod:{number}")
                continue
            checked.append(number)
            if not hmac.compare_digest(funcs[0](content).digest(), expected):
                problems.append(f"dg_hash_mismatch:{number}")
    # The signature: messageDigest covers the encapsulated content; the signature covers the
    # signed attributes (or, without attributes, the content itself).
    signer = issuer = ""
    cert: cx509.Certificate | None = None
    if sod.certificate is None:
        problems.append("ds_certificate_missing")
    else:
        try:
            with warnings.catch_warnings():
                # e.g. a non-positive serial number: judged by the checks below, not a crash.
                warnings.simplefilter("ignore", CryptographyDeprecationWarning)
                cert = cx509.load_der_x509_certificate(sod.certificate)
        except (ValueError, TypeError, cx509.InvalidVersion, UnsupportedAlgorithm):
            problems.append("ds_certificate_unreadable")
    if cert is not None:
        try:
            signer = cert.subject.rfc4514_string()
            issuer = cert.issuer.rfc4514_string()
        except (ValueError, TypeError):
            signer = issuer = "?"
        signed_data = sod.encapsulated
        digest_funcs = HASHES.get(sod.signature_hash)
        if sod.signed_attrs is not None:
            if digest_funcs is None or sod.message_digest is None or not hmac.compare_digest(
                digest_funcs[0](sod.encapsulated).digest(), sod.message_digest
            ):
                problems.append("message_digest_mismatch")
            signed_data = sod.signed_attrs
        try:
            public_key = cert.public_key()
        except (ValueError, TypeError, UnsupportedAlgorithm):
            public_key = None
        if public_key is None or not _verify_signature(
            public_key, sod.signature, signed_data, sod.signature_algorithm, sod.signature_hash
        ):
            problems.append("signature_invalid")
        try:
            validity_ok = _valid_at(cert, now)
            expired = now > cert.not_valid_after_utc
        except (ValueError, TypeError):
            validity_ok, expired = False, False
        if not validity_ok:
            problems.append("ds_certificate_expired" if expired
                            else "ds_certificate_not_yet_valid")
    trust = list(csca) if csca is not None else []
    chain_checked = bool(trust) and cert is not None
    if chain_checked and cert is not None:
        issuers = [c for c in trust if c.subject == cert.issuer]
        if not issuers:
            problems.append("csca_not_found")
        else:
            good = False
            for candidate in issuers:
                try:
                    cert.verify_directly_issued_by(candidate)
                except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
                    continue
                good = True  # an expired CSCA still vouches for what it signed in its time
                break
            if not good:
                problems.append("chain_invalid")
    if problems:
        status = PA_FAILED
    elif chain_checked:
        status = PA_VALID
    else:
        status = PA_UNVERIFIED_ISSUER
    return PaResult(status, algorithm, tuple(checked), tuple(problems), signer, issuer)


__all__ = [
    "PA_FAILED",
    "PA_UNVERIFIED_ISSUER",
    "PA_VALID",
    "PaResult",
    "SecurityObject",
    "load_csca_certificates",
    "parse_sod",
    "passive_authentication",
]
