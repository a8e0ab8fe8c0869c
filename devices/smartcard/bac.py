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


# Padding method 2 by the data's length modulo 8: pad(x) == x + _PAD_TAIL[len(x) % 8].
_PAD_TAIL = tuple(b"\x80" + bytes(7 - r) for r in range(8))


def pad(data: bytes) -> bytes:
    """ISO/IEC 9797-1 padding method 2 to the DES block size."""
    return data + _PAD_TAIL[len(data) & 7]


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


class _Cbc:
    """A 3DES (or DES) CBC context kept open across messages.

    OpenSSL CBC contexts carry the chaining value from one ``update()`` to the next. A message
    with its own IV is therefore fed through the running context by XOR-ing its first block
    with (IV ⊕ the context's chaining value): one ``update()`` per message, no context set-up
    (which costs more than a short APDU's whole encryption). Thread-safe: each message is
    processed under the context's lock, so a context shared between threads stays in step.
    """

    __slots__ = ("_ctx", "_chain", "_lock")

    def __init__(self, key: bytes, encrypt: bool) -> None:
        cipher = Cipher(_k3(key), modes.CBC(_ZERO_IV))
        self._ctx: Any = cipher.encryptor() if encrypt else cipher.decryptor()
        self._chain = 0  # the last ciphertext block through the context, as an int
        self._lock = threading.Lock()

    def encrypt(self, data: bytes, iv: int = 0) -> bytes:
        """CBC encryption of ``data`` (whole blocks, at least one) with ``iv``."""
        with self._lock:
            first = (int.from_bytes(data[:8], "big") ^ self._chain ^ iv).to_bytes(8, "big")
            out: bytes = self._ctx.update(first + data[8:] if len(data) > 8 else first)
            self._chain = int.from_bytes(out[-8:], "big")
        return out

    def decrypt(self, data: bytes, iv: int = 0) -> bytes:
        """CBC decryption of ``data`` (whole blocks, at least one) with ``iv``."""
        with self._lock:
            out: bytes = self._ctx.update(data)
            fix = self._chain ^ iv
            self._chain = int.from_bytes(data[-8:], "big")
        if fix:
            return (int.from_bytes(out[:8], "big") ^ fix).to_bytes(8, "big") + out[8:]
        return out


    def last_block(self, data: bytes, length: int) -> int:
        """The last block of the CBC encryption of ``data[:length]`` with a zero IV (CBC-MAC)."""
        with self._lock:
            first = (int.from_bytes(data[:8], "big") ^ self._chain).to_bytes(8, "big")
            out: bytes = self._ctx.update(first + data[8:length] if length > 8 else first)
            chain = self._chain = int.from_bytes(out[-8:], "big")
        return chain


def _load_native_des() -> tuple[Any, Any] | None:
    """Single DES from the system's OpenSSL (``DES_set_key_unchecked``, ``DES_ncbc_encrypt``).

    The retail MAC runs CBC-DES over every byte of a message; the ``cryptography`` package has
    no single DES, and DES as 3DES with K1 K1 K1 costs three times as much. Used only when the
    library loads and reproduces the FIPS 81 known answer; otherwise None (the 3DES path is
    used, same results)."""
    if os.environ.get("WORKSTATION_SMARTCARD_PURE_DES"):
        return None
    import ctypes
    import ctypes.util

    names = ["libcrypto.so.3", "libcrypto.3.dylib", "libcrypto-3-x64.dll", "libcrypto-3.dll"]
    found = ctypes.util.find_library("crypto")
    if found:
        names.append(found)
    for name in names:
        try:
            lib = ctypes.CDLL(name)
            set_key, ncbc = lib.DES_set_key_unchecked, lib.DES_ncbc_encrypt
        except (OSError, AttributeError):
            continue
        set_key.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        set_key.restype = None
        ncbc.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_long, ctypes.c_void_p,
                         ctypes.c_void_p, ctypes.c_int]
        ncbc.restype = None
        # FIPS 81 / NBS example: key 0123456789ABCDEF, "Now is t" -> 3FA40E8A984D4815.
        schedule = ctypes.create_string_buffer(_DES_SCHEDULE_BYTES)
        out = ctypes.create_string_buffer(8)
        iv = ctypes.create_string_buffer(8)
        set_key(bytes.fromhex("0123456789ABCDEF"), schedule)
        ncbc(b"Now is t", out, 8, schedule, iv, 1)
        if out.raw == iv.raw == bytes.fromhex("3FA40E8A984D4815"):
            return set_key, ncbc
    return None


_DES_SCHEDULE_BYTES = 128  # sizeof(DES_key_schedule): 16 rounds x 8 bytes
_UNSET: Any = object()
_native_des: Any = _UNSET  # (set_key, ncbc), None when unavailable, _UNSET: not looked for yet
_native_lock = threading.Lock()


def _native() -> tuple[Any, Any] | None:
    global _native_des
    if _native_des is _UNSET:
        with _native_lock:
            if _native_des is _UNSET:
                _native_des = _load_native_des()
    found: tuple[Any, Any] | None = _native_des
    return found


class _NativeDesMac:
    """CBC-MAC with single DES through the system's OpenSSL (see ``_load_native_des``)."""

    __slots__ = ("_ncbc", "_schedule", "_out", "_iv", "_lock")

    def __init__(self, key: bytes, native: tuple[Any, Any]) -> None:
        import ctypes

        set_key, self._ncbc = native
        self._schedule = ctypes.create_string_buffer(_DES_SCHEDULE_BYTES)
        set_key(key[:8], self._schedule)
        self._out = ctypes.create_string_buffer(4096)
        self._iv = ctypes.create_string_buffer(8)  # DES_ncbc_encrypt leaves the last block here
        self._lock = threading.Lock()

    def last_block(self, data: bytes, length: int) -> int:
        """The last block of the CBC-DES encryption of ``data[:length]`` with a zero IV."""
        with self._lock:
            if length > len(self._out):
                import ctypes

                self._out = ctypes.create_string_buffer(length)
            self._iv.raw = _ZERO_IV
            self._ncbc(data, self._out, length, self._schedule, self._iv, 1)
            return int.from_bytes(self._iv.raw, "big")


class _RetailMac:
    """ISO/IEC 9797-1 MAC algorithm 3 with DES for one 16-byte key K1||K2.

    CBC-DES with K1 over every block but the last (one call), then the last block chained in
    and put through DES-EDE (K1, K2, K1): E_K1(D_K2(E_K1(x_n ⊕ H_n-1))) is exactly the retail
    MAC's last CBC step followed by its output transformation.
    """

    __slots__ = ("_des", "_des_long", "_ede")

    def __init__(self, key: bytes) -> None:
        native = _native()
        self._des = _Cbc(key[:8], True)
        # Long messages (a READ BINARY's data) go through OpenSSL's single DES when it is
        # there; short ones stay on the 3DES context, whose call costs less than ctypes'.
        self._des_long: _NativeDesMac | _Cbc = (
            _NativeDesMac(key[:8], native) if native else self._des)
        self._ede = _Cbc(key[:16], True)

    def __call__(self, padded: bytes) -> bytes:
        n = len(padded) - 8
        if not n:
            return self._ede.encrypt(padded)
        des = self._des_long if n >= _NATIVE_FROM else self._des
        return self._ede.encrypt(padded[n:], des.last_block(padded, n))


_NATIVE_FROM = 128  # bytes: below this the ctypes call costs more than 3DES saves


@lru_cache(maxsize=64)
def _cbc(key: bytes, encrypt: bool) -> _Cbc:
    return _Cbc(key, encrypt)


@lru_cache(maxsize=64)
def _mac(key: bytes) -> _RetailMac:
    return _RetailMac(key)


def tdes_encrypt(key: bytes, data: bytes, iv: bytes = _ZERO_IV) -> bytes:
    """3DES-CBC (two-key) encryption of whole blocks."""
    if not data or len(data) % 8:
        raise MalformedData("sm", "data to encrypt is not a whole number of blocks")
    return _cbc(key, True).encrypt(data, int.from_bytes(iv, "big"))


def tdes_decrypt(key: bytes, data: bytes, iv: bytes = _ZERO_IV) -> bytes:
    if not data or len(data) % 8:
        raise MalformedData("sm", "encrypted data is not a whole number of blocks")
    return _cbc(key, False).decrypt(data, int.from_bytes(iv, "big"))


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3 with DES (the 'retail MAC'); ``data`` already padded."""
    if not data or len(data) % 8:
        raise MalformedData("sm", "MAC input is not a whole number of blocks")
    return _mac(key)(data)


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

_MASK64 = 0xFFFFFFFFFFFFFFFF
# A protected command's header padded to one block: CLA INS P1 P2 80 00 00 00.
_HEADER_PAD = b"\x80\x00\x00\x00"
_MAC_DO = b"\x8e\x08"
_Fields = tuple[int, int, int, int, int, bytes]


def _fast_fields(buf: bytes, end: int, second: int) -> _Fields | None:
    """Where the data objects of ``buf[:end]`` lie when they have the usual layout
    ``[87 L 01 …] [<second> L …] 8E 08 <MAC>``: (DO87 value start, end, the second object's
    value start, end (-1 when absent), DO8E start, MAC). None for any other layout; the
    caller then parses generically (same answer, slower)."""
    pos = 0
    s87 = e87 = s2 = e2 = -1
    if end > 1 and buf[0] == 0x87:
        length = buf[1]
        pos = 2
        if length >= 0x80:
            if length == 0x81 and end > 2:
                length, pos = buf[2], 3
            elif length == 0x82 and end > 3:
                length, pos = (buf[2] << 8) | buf[3], 4
            else:
                return None
        s87 = pos
        pos = e87 = pos + length
    if pos + 1 < end and buf[pos] == second and buf[pos + 1] < 0x80:
        s2 = pos + 2
        pos = e2 = s2 + buf[pos + 1]
    if pos + 10 != end or buf[pos] != 0x8E or buf[pos + 1] != 0x08:
        return None
    return s87, e87, s2, e2, pos, buf[pos + 2 : end]


def _generic_fields(body: bytes, second: int) -> _Fields:
    """The same as ``_fast_fields`` for any BER-TLV layout; DO8E must come last."""
    s87 = e87 = s2 = e2 = m = -1
    mac = b""
    for obj in tlv.iter_tlv(body, what="sm"):
        if m >= 0:
            raise SmartCardError("smartcard.sm_failed")  # nothing may follow the MAC
        start = obj.end - len(obj.value)
        if obj.tag == 0x87:
            s87, e87 = start, obj.end
        elif obj.tag == second:
            s2, e2 = start, obj.end
        elif obj.tag == 0x8E:
            m, mac = obj.start, obj.value
    if m < 0:
        raise SmartCardError("smartcard.sm_failed")
    return s87, e87, s2, e2, m, mac


class SecureMessaging:
    """Session keys and the send-sequence counter; wraps commands, unwraps responses.

    The cipher contexts are opened once per session (see ``_Cbc``): each message costs one
    3DES call for its data, one DES call and one 3DES block for its MAC.
    """

    def __init__(self, ks_enc: bytes, ks_mac: bytes, ssc: bytes) -> None:
        self.ks_enc = ks_enc
        self.ks_mac = ks_mac
        self.ssc = int.from_bytes(ssc, "big")
        self._enc = _Cbc(ks_enc, True)
        self._dec = _Cbc(ks_enc, False)
        self._mac = _RetailMac(ks_mac)

    @classmethod
    def from_bac(cls, k_ifd: bytes, k_ic: bytes, rnd_ic: bytes,
                 rnd_ifd: bytes) -> SecureMessaging:
        seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic, strict=True))
        return cls(derive_key(seed, KDF_ENC), derive_key(seed, KDF_MAC),
                   rnd_ic[4:8] + rnd_ifd[4:8])

    def _next_ssc(self) -> bytes:
        self.ssc = (self.ssc + 1) & _MASK64
        return self.ssc.to_bytes(8, "big")

    def _encrypt_do87(self, data: bytes) -> bytes:
        """DO87 (padding indicator 01 + encrypted, padded data)."""
        encrypted = self._enc.encrypt(data + _PAD_TAIL[len(data) & 7])
        return b"".join((b"\x87", _length(len(encrypted) + 1), b"\x01", encrypted))

    def _decrypt(self, body: bytes, start: int, end: int) -> bytes:
        """The plain data of a DO87 value at ``body[start:end]``."""
        if end <= start or body[start] != 0x01:
            raise MalformedData("sm", "DO87 without the padding indicator")
        encrypted = body[start + 1 : end]
        if not encrypted or len(encrypted) & 7:
            raise MalformedData("sm", "encrypted data is not a whole number of blocks")
        return unpad(self._dec.decrypt(encrypted))

    # reader side

    def protect(self, cla: int, ins: int, p1: int, p2: int, data: bytes = b"",
                le: int | None = None, extended: bool = False) -> bytes:
        """The protected command APDU for a plain one (§9.8.6)."""
        header = bytes((cla | 0x0C, ins, p1, p2))
        parts: list[bytes] = []
        if data:
            parts.append(self._encrypt_do87(data))
        if le is not None:
            if le > 256 or extended:
                parts += (b"\x97\x02", (le & 0xFFFF).to_bytes(2, "big"))
            else:
                parts += (b"\x97\x01", bytes((le & 0xFF,)))
        body = b"".join(parts)
        ssc = self._next_ssc()
        mac = self._mac(b"".join((ssc, header, _HEADER_PAD, body, _PAD_TAIL[len(body) & 7])))
        lc = len(body) + 10
        if extended or lc > 255:
            return b"".join((header, b"\x00", lc.to_bytes(2, "big"), body, _MAC_DO, mac,
                             b"\x00\x00"))
        return b"".join((header, bytes((lc,)), body, _MAC_DO, mac, b"\x00"))

    def command(self, cla: int, ins: int, p1: int, p2: int, data: bytes = b"",
                le: int | None = None, extended: bool = False) -> tuple[bytes, int]:
        """``protect()``, also reserving the counter value of the response: returns the APDU
        and that value, for ``unprotect(response, ssc)``. Lets the next command go out before
        this response is checked (read-ahead) with both counters right."""
        apdu = self.protect(cla, ins, p1, p2, data, le, extended)
        self.ssc = (self.ssc + 1) & _MASK64
        return apdu, self.ssc

    def unprotect(self, response: bytes, ssc: int | None = None) -> tuple[bytes, int]:
        """Check and decrypt a protected response (data objects + SW); returns (data, SW).
        ``ssc``: the counter value reserved by ``command()``; by default the next one."""
        end = len(response) - 2
        if end < 0:
            raise MalformedData("sm", "response shorter than a status word")
        sw = int.from_bytes(response[end:], "big")
        ssc_bytes = self._next_ssc() if ssc is None else ssc.to_bytes(8, "big")
        if not end:
            # Errors like 6982 come back unprotected: the session is then over.
            return b"", sw
        fields = _fast_fields(response, end, 0x99)
        if fields is None:
            fields = _generic_fields(response[:end], 0x99)
        s87, e87, s99, e99, m, mac = fields
        expected = self._mac(b"".join((ssc_bytes, response[:m], _PAD_TAIL[m & 7])))
        if not hmac.compare_digest(expected, mac):
            raise SmartCardError("smartcard.sm_failed")
        if e99 - s99 == 2:
            sw = int.from_bytes(response[s99:e99], "big")
        if s87 < 0:
            return b"", sw
        return self._decrypt(response, s87, e87), sw

    # chip side (used by the emulator)

    def card_unprotect(self, apdu: bytes) -> tuple[bytes, bytes, int | None]:
        """Check a protected command; returns (header, data, Le). Raises on a bad MAC."""
        header = bytes((apdu[0] & 0xF3, apdu[1], apdu[2], apdu[3]))
        body = _command_body(apdu)
        ssc = self._next_ssc()
        fields = _fast_fields(body, len(body), 0x97) or _generic_fields(body, 0x97)
        s87, e87, s97, e97, m, mac = fields
        expected = self._mac(b"".join((ssc, apdu[:4], _HEADER_PAD, body[:m], _PAD_TAIL[m & 7])))
        if not hmac.compare_digest(expected, mac):
            raise SmartCardError("smartcard.sm_failed")
        data = self._decrypt(body, s87, e87) if s87 >= 0 else b""
        le: int | None = None
        if s97 >= 0:
            raw = body[s97:e97]
            le = int.from_bytes(raw, "big") or (65536 if len(raw) == 2 else 256)
        return header, data, le

    def card_protect(self, data: bytes, sw: int) -> bytes:
        """The chip's protected response: DO87 (if data), DO99, DO8E, SW."""
        status = sw.to_bytes(2, "big")
        body = b"".join((self._encrypt_do87(data), b"\x99\x02", status)) if data else (
            b"\x99\x02" + status)
        ssc = self._next_ssc()
        mac = self._mac(b"".join((ssc, body, _PAD_TAIL[len(body) & 7])))
        return b"".join((body, _MAC_DO, mac, status))


def _length(length: int) -> bytes:
    """A BER length field (short form below 128, else 81 xx or 82 xx xx)."""
    if length < 0x80:
        return bytes((length,))
    if length < 0x100:
        return bytes((0x81, length))
    return bytes((0x82, length >> 8, length & 0xFF))


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
