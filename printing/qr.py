"""QR code modules for a payload, quick enough to draw one on every appointment slip.

reportlab's encoder does the standard's work in pure Python, module by module: Reed–Solomon
by polynomial objects, the function patterns laid out again for each code, the data bits
placed one by one. Here reportlab still chooses the mode (numeric, alphanumeric, byte) and
writes the data bits and gives the block table, but:

- the error correction bytes come from a table-driven Reed–Solomon division,
- the function patterns and the order of the data modules are computed once per version,
- the data bits are placed and the eight masked candidates scored with numpy (the standard's
  penalty rules 1–4 on the layout with blank format information),
- the format (and version) information is written for the chosen mask by reportlab's code.

The modules are reportlab's layout of the same codewords under the chosen mask (tests
compare codewords and layouts with reportlab's own).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.graphics.barcode import qrencoder as _q

LEVELS = {"L": _q.QRErrorCorrectLevel.L, "M": _q.QRErrorCorrectLevel.M,
          "Q": _q.QRErrorCorrectLevel.Q, "H": _q.QRErrorCorrectLevel.H}

_EXP = _q.EXP_TABLE[:255]  # α^i in GF(256) with the QR polynomial 0x11d
_LOG = _q.LOG_TABLE


class _Bits:
    """The bit buffer reportlab's data segments write into (``put``/``putBit``), as one int."""

    __slots__ = ("length", "value")

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length

    def putBit(self, bit: bool) -> None:  # noqa: N802 - reportlab's name
        self.put(1 if bit else 0, 1)

    def getLengthInBits(self) -> int:  # noqa: N802 - reportlab's name
        return self.length


@lru_cache(maxsize=32)
def _remainder_table(ec: int) -> tuple[int, ...]:
    """For each byte f: f times the generator ∏ (x + α^i), i < ec, without its leading
    term, as one ``ec``-byte integer (the step of the Reed–Solomon division)."""
    gen = [1]
    for i in range(ec):
        nxt = [0] * (len(gen) + 1)
        for j, c in enumerate(gen):
            nxt[j] ^= c
            if c:
                nxt[j + 1] ^= _EXP[(_LOG[c] + i) % 255]
        gen = nxt
    logs = [_LOG[c] for c in gen[1:]]
    table = [0]
    for f in range(1, 256):
        lf = _LOG[f]
        table.append(int.from_bytes(bytes(_EXP[(g + lf) % 255] for g in logs), "big"))
    return tuple(table)


def _ec_bytes(data: bytes, ec: int) -> bytes:
    """The ``ec`` error correction bytes of one block: the remainder of data·x^ec divided
    by the generator, the remainder held as one integer shifted a byte at a time."""
    table = _remainder_table(ec)
    shift = 8 * (ec - 1)
    mask = (1 << (8 * ec)) - 1
    rem = 0
    for byte in data:
        rem = ((rem << 8) & mask) ^ table[byte ^ (rem >> shift)]
    return rem.to_bytes(ec, "big")


def _segment(payload: str) -> Any:
    """reportlab's choice of mode for the payload (numeric, alphanumeric, kanji or bytes)."""
    for conv in (_q.QRNumber, _q.QRAlphaNum, _q.QRKanji, _q.QR8bitByte):
        try:
            return conv(payload)
        except ValueError:
            pass
    raise ValueError(payload)  # pragma: no cover - bytes take any text


def _version(segment: Any, level: int) -> int:
    for version in range(1, 41):
        capacity = sum(b.dataCount for b in _q.QRRSBlock.getRSBlocks(version, level)) * 8
        if 4 + segment.getLengthBits(version) + segment.bitlength <= capacity:
            return version
    raise ValueError("QR payload too long")


def codewords(segment: Any, version: int, level: int) -> bytes:
    """Data and error correction codewords, interleaved by block (reportlab's createData)."""
    blocks = _q.QRRSBlock.getRSBlocks(version, level)
    capacity = sum(b.dataCount for b in blocks)
    buf = _Bits()
    segment.write(buf, version)
    if buf.length > capacity * 8:
        raise ValueError("QR payload too long")
    if buf.length + 4 <= capacity * 8:
        buf.put(0, 4)  # terminator
    buf.put(0, -buf.length % 8)
    raw = buf.value.to_bytes(buf.length // 8, "big")
    raw += bytes((0xEC, 0x11)[i % 2] for i in range(capacity - len(raw)))
    data_blocks: list[bytes] = []
    ec_blocks: list[bytes] = []
    offset = 0
    for b in blocks:
        chunk = raw[offset:offset + b.dataCount]
        offset += b.dataCount
        data_blocks.append(chunk)
        ec_blocks.append(_ec_bytes(chunk, b.totalCount - b.dataCount))
    out = bytearray()
    for group in (data_blocks, ec_blocks):
        for i in range(max(len(g) for g in group)):
            out += bytes(g[i] for g in group if i < len(g))
    return bytes(out)


@lru_cache(maxsize=8)
def _geometry(version: int) -> tuple[Any, Any, Any, Any]:
    """(function patterns with blank format areas, data-module mask, rows, columns of the
    data modules in placement order) for one version."""
    import numpy as np

    qr = _q.QRCode(version, _q.QRErrorCorrectLevel.M)
    qr.dataCache = []  # no data: only the function patterns are laid out
    qr.makeImpl(True, 0)
    positions = qr.dataPosIterator()  # (column, row)
    rows = np.fromiter((r for _c, r in positions), dtype=np.intp, count=len(positions))
    cols = np.fromiter((c for c, _r in positions), dtype=np.intp, count=len(positions))
    base = np.array(qr.modules, dtype=bool)
    base[rows, cols] = False
    is_data = np.zeros_like(base)
    is_data[rows, cols] = True
    for arr in (base, is_data, rows, cols):
        arr.flags.writeable = False
    return base, is_data, rows, cols


@lru_cache(maxsize=8)
def _masks(n: int) -> Any:
    """The eight mask patterns (reportlab's formulas) as an (8, n, n) boolean array."""
    import numpy as np

    i, j = np.indices((n, n))
    masks = np.stack([
        (i + j) % 2 == 0,
        i % 2 == 0,
        j % 3 == 0,
        (i + j) % 3 == 0,
        (i // 2 + j // 3) % 2 == 0,
        (i * j) % 2 + (i * j) % 3 == 0,
        ((i * j) % 2 + (i * j) % 3) % 2 == 0,
        ((i * j) % 3 + (i + j) % 2) % 2 == 0,
    ])
    masks.flags.writeable = False
    return masks


_FINDER = (True, False, True, True, True, False, True, False, False, False, False)


def _line_penalties(stack: Any) -> Any:
    """QR penalty rules 1 and 3 along the rows of each of the (k, rows, n) candidates: runs
    of 5+ equal modules cost 3 + (run - 5); a 1:1:3:1:1 finder-like pattern with 4 light
    modules on one side costs 40. A few whole-array numpy operations for all candidates."""
    import numpy as np

    k, rows, cols = stack.shape
    padded = np.empty((k, rows, cols + 2), dtype=np.int8)  # 2 on both sides ends every run
    padded[:, :, 0] = 2
    padded[:, :, -1] = 2
    padded[:, :, 1:-1] = stack
    changes = np.flatnonzero((padded[:, :, 1:] != padded[:, :, :-1]).ravel())
    lengths = np.diff(changes)  # runs; the step between rows is 1 and never counts
    owner = changes[:-1] // (rows * (cols + 1))  # which candidate each run belongs to
    long = lengths >= 5
    runs = np.bincount(owner[long], weights=lengths[long] - 2, minlength=k)
    span = cols - len(_FINDER) + 1
    light = ~stack
    forward = np.ones((k, rows, span), dtype=bool)
    backward = np.ones((k, rows, span), dtype=bool)
    for i, dark in enumerate(_FINDER):
        forward &= (stack if dark else light)[:, :, i:i + span]
        backward &= (stack if _FINDER[-1 - i] else light)[:, :, i:i + span]
    finders = forward.sum(axis=(1, 2)) + backward.sum(axis=(1, 2))
    return runs + 40 * finders


def qr_modules(payload: str, level: str = "M") -> Any:
    """The (n, n) boolean numpy array of dark modules of the QR code for ``payload``."""
    import numpy as np

    lvl = LEVELS[level]
    segment = _segment(payload)
    version = _version(segment, lvl)
    base, is_data, rows, cols = _geometry(version)
    n = base.shape[0]
    bits = np.unpackbits(np.frombuffer(codewords(segment, version, lvl), dtype=np.uint8))
    layout = base.copy()
    layout[rows[:bits.size], cols[:bits.size]] = bits.astype(bool)  # remainder bits light
    stack = layout[None] ^ (is_data[None] & _masks(n))  # the eight masked candidates
    # rows and columns of each candidate in one pass
    lines = _line_penalties(np.concatenate((stack, stack.transpose(0, 2, 1)), axis=1))
    top = stack[:, :-1, :-1]
    same = (top == stack[:, 1:, :-1]) & (top == stack[:, :-1, 1:]) & (top == stack[:, 1:, 1:])
    blocks = 3 * same.sum(axis=(1, 2))
    balance = 10 * (np.abs(stack.mean(axis=(1, 2)) * 100 - 50) // 5)
    best = int(np.argmin(lines + blocks + balance))
    # format (and version) information for the chosen mask, written by reportlab's code
    qr = _q.QRCode(version, lvl)
    qr.moduleCount = n
    qr.modules = stack[best].tolist()
    qr.setupTypeInfo(False, best)
    if version >= 7:
        qr.setupTypeNumber(False)
    return np.array(qr.modules, dtype=bool)
