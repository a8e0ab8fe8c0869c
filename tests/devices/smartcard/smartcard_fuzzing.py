"""Shared pieces for the parser fuzz tests: valid seed inputs and a byte mutator."""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from devices.smartcard import tlv
from devices.smartcard.datagroups import (
    FID_BY_DG,
    FID_COM,
    FID_SOD,
    parse_com,
    parse_dg1,
    parse_dg2,
    parse_dg13,
)
from devices.smartcard.emulator import Faults, build_card, default_pki
from devices.smartcard.sod import parse_sod, passive_authentication


def walk_tlv(data: bytes) -> int:
    """Parse every object, recursing into constructed ones (what a generic reader does)."""
    count = 0
    stack = [(data, 0)]
    while stack:
        chunk, depth = stack.pop()
        for obj in tlv.iter_tlv(chunk):
            count += 1
            if obj.constructed:
                obj.children(depth)  # bounds the depth
                stack.append((obj.value, depth + 1))
    return count


def sod_and_pa(data: bytes) -> Any:
    sod = parse_sod(data)
    return passive_authentication(sod, {1: b"x", 13: b"y"})


@lru_cache(maxsize=1)
def seeds() -> dict[str, list[bytes]]:
    """Valid files from the emulator (a normal card and one with odd DG13 content)."""
    normal = build_card(pki=default_pki(), face_bytes=1500).files
    odd = build_card(faults=Faults(dg13_unknown_tags=True), pki=default_pki(),
                     face_bytes=1500).files
    return {
        "tlv": [normal[FID_BY_DG[13]], normal[FID_COM], normal[FID_BY_DG[2]][:600]],
        "com": [normal[FID_COM]],
        "dg1": [normal[FID_BY_DG[1]]],
        "dg2": [normal[FID_BY_DG[2]]],
        "dg13": [normal[FID_BY_DG[13]], odd[FID_BY_DG[13]]],
        "sod": [normal[FID_SOD]],
        "sod+pa": [normal[FID_SOD]],
    }


PARSERS: dict[str, Callable[[bytes], Any]] = {
    "tlv": walk_tlv,
    "com": parse_com,
    "dg1": parse_dg1,
    "dg2": parse_dg2,
    "dg13": parse_dg13,
    "sod": parse_sod,
    "sod+pa": sod_and_pa,
}


def mutate(rnd: random.Random, data: bytes) -> bytes:
    """One malformed variant: flipped bytes, a cut, an insertion, a bogus length, or noise."""
    buf = bytearray(data)
    kind = rnd.randrange(6)
    if kind == 0 and buf:
        for _ in range(rnd.randint(1, 4)):
            buf[rnd.randrange(len(buf))] = rnd.randrange(256)
    elif kind == 1:
        cut = rnd.randrange(len(buf) + 1)
        buf = buf[:cut] if rnd.random() < 0.7 else buf[cut:]
    elif kind == 2:
        pos = rnd.randrange(len(buf) + 1)
        buf[pos:pos] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 6)))
    elif kind == 3 and len(buf) > 4:
        # Lengths are where parsers go wrong: make one huge, long-form or indefinite.
        pos = rnd.randrange(1, min(len(buf), 64))
        buf[pos] = rnd.choice((0x80, 0x84, 0x88, 0x8F, 0xFF, 0x82))
        if pos + 1 < len(buf):
            buf[pos + 1] = 0xFF
    elif kind == 4:
        buf = bytearray(rnd.randbytes(rnd.randint(0, 80)))
    else:
        # Deep nesting: constructed tags wrapping each other.
        depth = rnd.randint(1, 60)
        inner = bytes(buf[: rnd.randint(0, 20)])
        for _ in range(depth):
            inner = tlv.encode(rnd.choice((0x30, 0x6D, 0x7F61, 0xA0)), inner)
        buf = bytearray(inner)
    return bytes(buf)
