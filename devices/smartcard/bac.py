"""Basic Access Control and secure messaging (ICAO 9303 Part 11 §4.3 and §9.8): key derivation
from the MRZ, the mutual authentication, 3DES encryption with the ISO 9797-1 retail MAC and the
send-sequence counter. Both sides live here: the reader's and (for the emulator) the chip's."""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, modes

from devices.smartcard import tlv
from devices.smartcard.errors import CardAccessDenied, MalformedData, SmartCardError

KDF_ENC = 1
KDF_MAC = 2
_ZERO_IV = bytes(8)

_WEIGHTS = (7, 3, 1)


def check_digit(field: str) -> str:
    """ICAO 9303 Part 3 check digit (weights 7-3-1; digits, A=10…Z=35, '<' = 0)."""
    total = 0
    for i, ch in enumerate(field):
        if ch.isdigit():
            value = int(ch)
        elif "A" <= ch <= "Z":
            value = ord(ch) - 55
        elif ch == "<":
            value = 0
        else:
            raise MalformedData("mrz", f"character {ch!r} is not allowed in an MRZ field")
        total += value * _WEIGHTS[i % 3]
    return str(total % 10)


@dataclass(frozen=True)
class BacKey:
    """The MRZ fields BAC keys come from: document number (9 characters, '<'-padded), date of
    birth and date of expiry (YYMMDD; ``<<<<<<`` when the card has no expiry)."""

    document_number: str
    date_of_birth: str
    date_of_expiry: str

    def mrz_information(self) -> str:
        doc = self.document_number.upper()
        if len(doc) < 9:
            doc = doc + "<" * (9 - len(doc))
        return (doc + check_digit(doc) + self.date_of_birth + check_digit(self.date_of_birth)
                + self.date_of_expiry + check_digit(self.date_of_expiry))

    def seed(self) -> bytes:
        return key_seed(self.mrz_information())


def key_seed(mrz_information: str) -> bytes:
    """K_seed: the first 16 bytes of SHA-1 over the MRZ information."""
    return hashlib.sha1(mrz_information.encode("ascii")).digest()[:16]


def _with_parity(key: bytes) -> bytes:
    out = bytearray()
    for b in key:
        b &= 0xFE
        out.append(b | (1 ^ (bin(b).count("1") & 1)))
    return bytes(out)


def derive_key(seed: bytes, counter: int) -> bytes:
    """A 16-byte 3DES key (K1||K2, DES parity adjusted) from a seed and counter (§9.7.1)."""
    digest = hashlib.sha1(seed + counter.to_bytes(4, "big")).digest()
    return _with_parity(digest[:16])


def pad(data: bytes) -> bytes:
    """ISO/IEC 9797-1 padding method 2 to the DES block size."""
    data = data + b"\x80"
    return data + bytes(-len(data) % 8)


def unpad(data: bytes) -> bytes:
    i = len(data) - 1
    while i >= 0 and data[i] == 0x00:
        i -= 1
    if i < 0 or data[i] != 0x80:
        raise MalformedData("sm", "bad padding in decrypted data")
    return data[:i]


@lru_cache(maxsize=64)
def _k3(key: bytes) -> TripleDES:
    """A 24-byte key: two-key 3DES (K1 K2 K1) or single DES (K1 K1 K1). Cached: building the
    algorithm object costs more than encrypting a short APDU."""
    if len(key) == 8:
        return TripleDES(key * 3)
    return TripleDES(key[:16] + key[:8])


@lru_cache(maxsize=64)
def _ecb(key: bytes, encrypt: bool) -> Any:
    """A reusable ECB context (ECB keeps no state between blocks, so one context serves all).
    Thread-local use only: each context is cached per (key, direction)."""
    cipher = Cipher(_k3(key), modes.ECB())
    return cipher.encryptor() if encrypt else cipher.decryptor()


_ecb_lock = threading.Lock()


# Up to this many blocks, CBC is done block by block on a cached ECB context: creating a CBC
# context costs more than a few blocks of DES. Longer data gets a CBC context of its own.
_SMALL_BLOCKS = 12


def _cbc_small(key: bytes, data: bytes, iv: bytes, encrypt: bool) -> bytes:
    out = bytearray()
    prev = int.from_bytes(iv, "big")
    with _ecb_lock:
        ctx = _ecb(key, encrypt)
        for i in range(0, len(data), 8):
            block = int.from_bytes(data[i : i + 8], "big")
            if encrypt:
                prev = int.from_bytes(ctx.update((block ^ prev).to_bytes(8, "big")), "big")
                out += prev.to_bytes(8, "big")
            else:
                plain = int.from_bytes(ctx.update(data[i : i + 8]), "big") ^ prev
                out += plain.to_bytes(8, "big")
                prev = block
    return bytes(out)


def tdes_encrypt(key: bytes, data: bytes, iv: bytes = _ZERO_IV) -> bytes:
    if len(data) <= 8 * _SMALL_BLOCKS and not len(data) % 8:
        return _cbc_small(key, data, iv, True)
    enc = Cipher(_k3(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def tdes_decrypt(key: bytes, data: bytes, iv: bytes = _ZERO_IV) -> bytes:
    if len(data) % 8:
        raise MalformedData("sm", "encrypted data is not a whole number of blocks")
    if len(data) <= 8 * _SMALL_BLOCKS:
        return _cbc_small(key, data, iv, False)
    dec = Cipher(_k3(key), modes.CBC(iv)).decryptor()
    return dec.update(data) + dec.finalize()


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3 with DES (the 'retail MAC'); ``data`` already padded."""
    k1, k2 = key[:8], key[8:16]
    # CBC-DES with K1 over every block (DES = 3DES with K1 three times), last block kept.
    if len(data) <= 8 * _SMALL_BLOCKS:
        h = _cbc_small(k1, data, _ZERO_IV, True)[-8:]
    else:
        enc = Cipher(_k3(k1), modes.CBC(_ZERO_IV)).encryptor()
        h = enc.update(data)[-8:]
    # Output transformation: decrypt with K2, encrypt with K1 (shared ECB contexts).
    with _ecb_lock:
        h = _ecb(k2, False).update(h)
        return bytes(_ecb(k1, True).update(h))


def mac_ok(key: bytes, data: bytes, mac: bytes) -> bool:
    return hmac.compare_digest(retail_mac(key, pad(data)), mac)


# --- the reader's side of BAC ----------------------------------------------------------------


@dataclass
class BacTerminal:
    """The inspection system's half of the mutual authentication (§4.3.3)."""

    k_enc: bytes
    k_mac: bytes
    rnd_ifd: bytes
    k_ifd: bytes

    @classmethod
    def from_key(cls, key: BacKey, rnd_ifd: bytes | None = None,
                 k_ifd: bytes | None = None) -> BacTerminal:
        seed = key.seed()
        return cls(derive_key(seed, KDF_ENC), derive_key(seed, KDF_MAC),
                   rnd_ifd or os.urandom(8), k_ifd or os.urandom(16))

    def authenticate_data(self, rnd_ic: bytes) -> bytes:
        """E_IFD || M_IFD for the EXTERNAL AUTHENTICATE command."""
        if len(rnd_ic) != 8:
            raise SmartCardError("smartcard.bad_challenge")
        self.rnd_ic = rnd_ic
        e_ifd = tdes_encrypt(self.k_enc, self.rnd_ifd + rnd_ic + self.k_ifd)
        return e_ifd + retail_mac(self.k_mac, pad(e_ifd))

    def session(self, response: bytes) -> SecureMessaging:
        """Check the chip's answer and derive the session keys and SSC."""
        if len(response) != 40:
            raise CardAccessDenied("smartcard.bac_failed")
        e_ic, m_ic = response[:32], response[32:]
        if not hmac.compare_digest(retail_mac(self.k_mac, pad(e_ic)), m_ic):
            raise CardAccessDenied("smartcard.bac_failed")
        r = tdes_decrypt(self.k_enc, e_ic)
        if r[:8] != self.rnd_ic or r[8:16] != self.rnd_ifd:
            raise CardAccessDenied("smartcard.bac_failed")
        k_ic = r[16:32]
        return SecureMessaging.from_bac(self.k_ifd, k_ic, self.rnd_ic, self.rnd_ifd)


# --- secure messaging -------------------------------------------------------------------------


class SecureMessaging:
    """Session keys and the send-sequence counter; wraps commands, unwraps responses."""

    def __init__(self, ks_enc: bytes, ks_mac: bytes, ssc: bytes) -> None:
        self.ks_enc = ks_enc
        self.ks_mac = ks_mac
        self.ssc = int.from_bytes(ssc, "big")

    @classmethod
    def from_bac(cls, k_ifd: bytes, k_ic: bytes, rnd_ic: bytes,
                 rnd_ifd: bytes) -> SecureMessaging:
        seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic, strict=True))
        return cls(derive_key(seed, KDF_ENC), derive_key(seed, KDF_MAC),
                   rnd_ic[4:8] + rnd_ifd[4:8])

    def _next_ssc(self) -> bytes:
        self.ssc = (self.ssc + 1) & 0xFFFFFFFFFFFFFFFF
        return self.ssc.to_bytes(8, "big")

    # reader side

    def protect(self, cla: int, ins: int, p1: int, p2: int, data: bytes = b"",
                le: int | None = None, extended: bool = False) -> bytes:
        """The protected command APDU for a plain one (§9.8.6)."""
        header = bytes([cla | 0x0C, ins, p1, p2])
        body = b""
        if data:
            encrypted = tdes_encrypt(self.ks_enc, pad(data))
            body += tlv.encode(0x87, b"\x01" + encrypted)
        if le is not None:
            if le > 256 or extended:
                body += tlv.encode(0x97, (le & 0xFFFF).to_bytes(2, "big"))
            else:
                body += tlv.encode(0x97, bytes([le & 0xFF]))
        ssc = self._next_ssc()
        mac = retail_mac(self.ks_mac, pad(ssc + pad(header) + body))
        body += tlv.encode(0x8E, mac)
        if extended or len(body) > 255:
            return header + b"\x00" + len(body).to_bytes(2, "big") + body + b"\x00\x00"
        return header + bytes([len(body)]) + body + b"\x00"

    def unprotect(self, response: bytes) -> tuple[bytes, int]:
        """Check and decrypt a protected response (data objects + SW); returns (data, SW)."""
        if len(response) < 2:
            raise MalformedData("sm", "response shorter than a status word")
        sw = int.from_bytes(response[-2:], "big")
        body = response[:-2]
        ssc = self._next_ssc()
        if not body:
            # Errors like 6982 come back unprotected: the session is then over.
            return b"", sw
        do87 = do99 = do8e = None
        for obj in tlv.iter_tlv(body, what="sm"):
            if obj.tag == 0x87:
                do87 = obj
            elif obj.tag == 0x99:
                do99 = obj
            elif obj.tag == 0x8E:
                do8e = obj
        if do8e is None:
            raise SmartCardError("smartcard.sm_failed")
        covered = body[: do8e.start]
        if not hmac.compare_digest(retail_mac(self.ks_mac, pad(ssc + covered)), do8e.value):
            raise SmartCardError("smartcard.sm_failed")
        if do99 is not None and len(do99.value) == 2:
            sw = int.from_bytes(do99.value, "big")
        data = b""
        if do87 is not None:
            if not do87.value or do87.value[0] != 0x01:
                raise MalformedData("sm", "DO87 without the padding indicator")
            data = unpad(tdes_decrypt(self.ks_enc, do87.value[1:]))
        return data, sw

    # chip side (used by the emulator)

    def card_unprotect(self, apdu: bytes) -> tuple[bytes, bytes, int | None]:
        """Check a protected command; returns (header, data, Le). Raises on a bad MAC."""
        header = bytes([apdu[0] & ~0x0C & 0xFF, apdu[1], apdu[2], apdu[3]])
        body = _command_body(apdu)
        ssc = self._next_ssc()
        do87 = do97 = do8e = None
        for obj in tlv.iter_tlv(body, what="sm"):
            if obj.tag == 0x87:
                do87 = obj
            elif obj.tag == 0x97:
                do97 = obj
            elif obj.tag == 0x8E:
                do8e = obj
        if do8e is None:
            raise SmartCardError("smartcard.sm_failed")
        mac_input = ssc + pad(apdu[:4]) + body[: do8e.start]
        if not hmac.compare_digest(retail_mac(self.ks_mac, pad(mac_input)), do8e.value):
            raise SmartCardError("smartcard.sm_failed")
        data = b""
        if do87 is not None:
            data = unpad(tdes_decrypt(self.ks_enc, do87.value[1:]))
        le: int | None = None
        if do97 is not None:
            le = int.from_bytes(do97.value, "big") or (65536 if len(do97.value) == 2 else 256)
        return header, data, le

    def card_protect(self, data: bytes, sw: int) -> bytes:
        """The chip's protected response: DO87 (if data), DO99, DO8E, SW."""
        body = b""
        if data:
            body += tlv.encode(0x87, b"\x01" + tdes_encrypt(self.ks_enc, pad(data)))
        body += tlv.encode(0x99, sw.to_bytes(2, "big"))
        ssc = self._next_ssc()
        body += tlv.encode(0x8E, retail_mac(self.ks_mac, pad(ssc + body)))
        return body + sw.to_bytes(2, "big")


def _command_body(apdu: bytes) -> bytes:
    """The data field of a command APDU (short or extended case 3/4)."""
    if len(apdu) <= 5:
        return b""
    if apdu[4] != 0:
        lc = apdu[4]
        return apdu[5 : 5 + lc]
    if len(apdu) >= 7:
        lc = int.from_bytes(apdu[5:7], "big")
        return apdu[7 : 7 + lc]
    return b""
