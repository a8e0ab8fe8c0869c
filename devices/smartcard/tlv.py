"""BER-TLV (ISO 7816-4 / X.690) parsing with hard bounds: never reads past the input, never
allocates more than the input holds, never recurses deeper than ``MAX_DEPTH``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from devices.smartcard.errors import MalformedData

MAX_DEPTH = 16
MAX_TAG_BYTES = 4  # ICAO/ISO tags are at most 3 bytes; 4 leaves room, more is garbage


class Tlv(NamedTuple):
    """One data object: ``tag`` as an int of its raw bytes (0x5F1F), its value, its extent.
    (A named tuple: immutable, and four times cheaper to build than a frozen dataclass.)"""

    tag: int
    value: bytes
    start: int
    end: int

    @property
    def constructed(self) -> bool:
        first = self.tag
        while first > 0xFF:
            first >>= 8
        return bool(first & 0x20)

    def children(self, depth: int = 0, what: str = "tlv") -> list[Tlv]:
        if depth >= MAX_DEPTH:
            raise MalformedData(what, "nesting too deep")
        return list(iter_tlv(self.value, what=what))


def read_tag(data: bytes, pos: int, what: str = "tlv") -> tuple[int, int]:
    """The tag starting at ``pos`` and the position after it."""
    if pos >= len(data):
        raise MalformedData(what, f"tag expected at offset {pos}, data ends")
    first = data[pos]
    tag = first
    pos += 1
    if first & 0x1F == 0x1F:
        count = 1
        while True:
            if pos >= len(data):
                raise MalformedData(what, "multi-byte tag runs past the end")
            b = data[pos]
            tag = (tag << 8) | b
            pos += 1
            count += 1
            if count > MAX_TAG_BYTES:
                raise MalformedData(what, "tag longer than 4 bytes")
            if not b & 0x80:
                break
    return tag, pos


def read_length(data: bytes, pos: int, what: str = "tlv") -> tuple[int, int]:
    """The definite length starting at ``pos`` and the position after it."""
    if pos >= len(data):
        raise MalformedData(what, "length expected, data ends")
    first = data[pos]
    pos += 1
    if first < 0x80:
        return first, pos
    if first == 0x80:
        raise MalformedData(what, "indefinite length is not allowed")
    count = first & 0x7F
    if count > 4:
        raise MalformedData(what, f"length field of {count} bytes")
    if pos + count > len(data):
        raise MalformedData(what, "length field runs past the end")
    return int.from_bytes(data[pos : pos + count], "big"), pos + count


def read_tlv(data: bytes, pos: int = 0, what: str = "tlv") -> Tlv:
    """The data object at ``pos``; its value must lie inside ``data``."""
    start = pos
    tag, pos = read_tag(data, pos, what)
    length, pos = read_length(data, pos, what)
    end = pos + length
    if end > len(data):
        raise MalformedData(what, f"value of tag {tag:X} needs {length} bytes, "
                                  f"{len(data) - pos} remain")
    return Tlv(tag, bytes(data[pos:end]), start, end)


def header_length(data: bytes, what: str = "tlv") -> tuple[int, int]:
    """For the first bytes of a file: (bytes of tag + length, total length of the object).

    Used to know how much of an elementary file to read before reading it all.
    """
    _, pos = read_tag(data, 0, what)
    length, pos = read_length(data, pos, what)
    return pos, pos + length


def iter_tlv(data: bytes, what: str = "tlv") -> Iterator[Tlv]:
    """Every data object in ``data``, one after another; trailing zero padding ends the list."""
    pos = 0
    while pos < len(data):
        if data[pos] in (0x00, 0xFF) and not any(b not in (0x00, 0xFF) for b in data[pos:]):
            return  # ISO 7816 padding after the last object
        obj = read_tlv(data, pos, what)
        yield obj
        pos = obj.end


def find(data: bytes, tag: int, what: str = "tlv") -> Tlv | None:
    for obj in iter_tlv(data, what):
        if obj.tag == tag:
            return obj
    return None


def expect(data: bytes, tag: int, what: str = "tlv") -> Tlv:
    """The single outer object of ``data``, which must carry ``tag``."""
    obj = read_tlv(data, 0, what)
    if obj.tag != tag:
        raise MalformedData(what, f"tag {obj.tag:X} where {tag:X} was expected")
    return obj


def encode_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    raw = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def encode_tag(tag: int) -> bytes:
    return tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")


def encode(tag: int, value: bytes) -> bytes:
    return encode_tag(tag) + encode_length(len(value)) + value
