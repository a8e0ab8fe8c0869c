"""Vietnamese names: NFC, search folding, and the legacy font encodings (TCVN3, VNI, VISCII).

Old spreadsheets were typed with 8-bit "fonts" rather than Unicode: TCVN3 (ABC, ``.VnTime``),
where each accented letter is one byte, and VNI-Windows (``VNI-Times``), where a letter is a
base ASCII letter followed by a byte carrying its diacritics. No maintained library decodes
them, so the tables are built here from the Unicode composition of every Vietnamese letter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "LEGACY_ENCODINGS",
    "clean_name",
    "decode_bytes",
    "decode_legacy",
    "detect_encoding",
    "detect_legacy_text",
    "encode_legacy",
    "fold",
    "name_tokens",
    "to_nfc",
    "vietnamese_score",
]

LEGACY_ENCODINGS = ("tcvn3", "vni", "viscii")

# --- NFC, cleaning, folding -------------------------------------------------------------------

_INVISIBLE = dict.fromkeys((0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD))


def to_nfc(text: str) -> str:
    """The NFC (composed) form: what every boundary of the workstation stores and compares."""
    return unicodedata.normalize("NFC", text)


_INVISIBLE_CHARS = tuple(chr(c) for c in _INVISIBLE)


def clean_name(text: str) -> str:
    """A name as written, in NFC, with single spaces and no leading/trailing blanks."""
    if text.isascii():
        return " ".join(text.split())
    for ch in _INVISIBLE_CHARS:
        if ch in text:
            text = text.replace(ch, "")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(
            c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)
        ).lower()
        if base and base.isascii() and base != ch:
            table[cp] = base
    for cp in range(0x0300, 0x0370):  # combining marks of decomposed (NFD) input
        table[cp] = None
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    table[ord("Ð")] = "d"  # Latin capital eth, often typed for Đ
    table.update({k: None for k in _INVISIBLE})
    return table


_FOLD = _build_fold_table()
_TOKEN = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Search key: lower case, no diacritics, ``đ`` → ``d``, single spaces."""
    if text.isascii():
        return " ".join(text.lower().split())
    return " ".join(text.translate(_FOLD).lower().split())


def name_tokens(text: str) -> list[str]:
    """The folded words of a name (letters and digits only), in order."""
    return _TOKEN.findall(fold(text))


# --- The Vietnamese alphabet as base letter + hat + tone --------------------------------------

_HATS = {"": "", "circumflex": "\u0302", "breve": "\u0306", "horn": "\u031b"}
_TONES = {"": "", "acute": "\u0301", "grave": "\u0300", "hook": "\u0309", "tilde": "\u0303",
          "dot": "\u0323"}
_VOWEL_HATS = {"a": ("", "circumflex", "breve"), "e": ("", "circumflex"),
               "o": ("", "circumflex", "horn"), "u": ("", "horn"), "i": ("",), "y": ("",)}


def _letters() -> Iterable[tuple[str, str, str, str]]:
    """Every Vietnamese vowel letter: (char, base, hat, tone), both cases."""
    for base, hats in _VOWEL_HATS.items():
        for hat in hats:
            for tone in _TONES:
                for b in (base, base.upper()):
                    ch = unicodedata.normalize("NFC", b + _HATS[hat] + _TONES[tone])
                    if len(ch) == 1:
                        yield ch, b, hat, tone


# --- TCVN3 (ABC): one byte per lower-case letter; seven capitals -------------------------------

_TCVN3: dict[str, int] = {
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
    "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
}
# Per vowel: bytes for grave, hook, tilde, acute, dot (the TCVN 5712 VN3 order).
_TCVN3_TONED = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
for _v, _codes in _TCVN3_TONED.items():
    for _tone, _code in zip(("grave", "hook", "tilde", "acute", "dot"), _codes, strict=True):
        _TCVN3[unicodedata.normalize("NFC", _v + _TONES[_tone])] = _code
_TCVN3_DECODE: dict[int, str] = {code: ch for ch, code in _TCVN3.items()}
_TCVN3_TABLE: dict[int, str] = {b: _TCVN3_DECODE.get(b, chr(b)) for b in range(256)}

# --- VNI-Windows: base letter + a byte for hat and/or tone ------------------------------------

_VNI_TONE = {"acute": "ù", "grave": "ø", "hook": "û", "tilde": "õ", "dot": "ï"}
_VNI_CIRC_TONE = {"": "â", "acute": "á", "grave": "à", "hook": "å", "tilde": "ã", "dot": "ä"}
_VNI_BREVE_TONE = {"": "ê", "acute": "é", "grave": "è", "hook": "ú", "tilde": "ü", "dot": "ë"}
_VNI_I = {"acute": "í", "grave": "ì", "hook": "æ", "tilde": "ó", "dot": "ò"}


def _vni_of(base: str, hat: str, tone: str) -> str:
    upper = base.isupper()
    b = base.lower()
    if b == "i" and tone:
        seq = _VNI_I[tone]
        return seq.upper() if upper else seq
    if hat == "circumflex":
        mod = _VNI_CIRC_TONE[tone]
        head = b
    elif hat == "breve":
        mod = _VNI_BREVE_TONE[tone]
        head = b
    else:
        head = {"o": "ô", "u": "ö"}[b] if hat == "horn" else b
        mod = _VNI_TONE[tone] if tone else ""
    return head.upper() + mod.upper() if upper else head + mod


_VNI: dict[str, str] = {"đ": "ñ", "Đ": "Ñ"}
for _ch, _base, _hat, _tone in _letters():
    if _hat or _tone:
        _VNI[_ch] = _vni_of(_base, _hat, _tone)
# Decoding: every sequence, with the diacritic byte in either case (files mix them).
_VNI_DECODE: dict[str, str] = {}
for _ch, _seq in _VNI.items():
    _VNI_DECODE[_seq] = _ch
    if len(_seq) == 2:
        _VNI_DECODE[_seq[0] + _seq[1].swapcase()] = _ch
_VNI_PAIR = re.compile(
    "|".join(sorted((re.escape(s) for s in _VNI_DECODE), key=len, reverse=True))
)

# --- VISCII: the 134 precomposed letters in one byte each ------------------------------------

_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷ"
    "ừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ"
)
_VISCII_LOW = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}
_VISCII_TABLE: dict[int, str] = {b: chr(b) for b in range(256)}
_VISCII_TABLE.update(_VISCII_LOW)
for _i, _c in enumerate(_VISCII_HIGH):
    _VISCII_TABLE[0x80 + _i] = _c


def _as_bytes(data: bytes | str) -> bytes:
    if isinstance(data, bytes | bytearray):
        return bytes(data)
    # Text read by a program that took the legacy bytes for Windows-1252/Latin-1.
    try:
        return data.encode("cp1252")
    except UnicodeEncodeError:
        return data.encode("latin-1", errors="replace")


def decode_legacy(data: bytes | str, encoding: str) -> str:
    """Decode TCVN3 (``tcvn3``), VNI-Windows (``vni``) or VISCII (``viscii``) to NFC text.

    ``data`` may be the raw bytes or text that was read as Windows-1252 (what a spreadsheet
    shows when the legacy font is missing, e.g. ``NguyÔn V¨n`` or ``Nguyeãn Vaên``).
    """
    raw = _as_bytes(data)
    if encoding == "tcvn3":
        text = "".join(_TCVN3_TABLE[b] for b in raw) if len(raw) < 64 else raw.decode(
            "latin-1").translate(_TCVN3_TABLE)
        return unicodedata.normalize("NFC", text)
    if encoding == "vni":
        text = raw.decode("cp1252", errors="ignore") if _has_c1(raw) else raw.decode("latin-1")
        return unicodedata.normalize("NFC", _VNI_PAIR.sub(lambda m: _VNI_DECODE[m.group(0)], text))
    if encoding == "viscii":
        return unicodedata.normalize("NFC", raw.decode("latin-1").translate(_VISCII_TABLE))
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def _has_c1(raw: bytes) -> bool:
    return any(0x80 <= b < 0xA0 for b in raw)


def encode_legacy(text: str, encoding: str) -> bytes:
    """Encode NFC text in TCVN3, VNI-Windows, VISCII or Windows-1258 (for tests and exports).

    Raises ``UnicodeEncodeError`` for a letter the encoding cannot hold (TCVN3 has no
    capitals with a tone mark).
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        out = bytearray()
        for i, ch in enumerate(text):
            if ch in _TCVN3:
                out.append(_TCVN3[ch])
            elif ord(ch) < 0x80:
                out.append(ord(ch))
            else:
                raise UnicodeEncodeError("tcvn3", text, i, i + 1, "not in TCVN3")
        return bytes(out)
    if encoding == "vni":
        return "".join(_VNI.get(ch, ch) for ch in text).encode("latin-1")
    if encoding == "viscii":
        reverse = {c: b for b, c in _VISCII_TABLE.items()}
        out = bytearray()
        for i, ch in enumerate(text):
            if ch in reverse and (ord(ch) >= 0x80 or reverse[ch] == ord(ch)):
                out.append(reverse[ch])
            else:
                raise UnicodeEncodeError("viscii", text, i, i + 1, "not in VISCII")
        return bytes(out)
    if encoding == "cp1258":
        return _encode_cp1258(text)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def _encode_cp1258(text: str) -> bytes:
    """Windows-1258 keeps hats precomposed and tones as combining marks: compose per letter."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in nfd if c in _TONE_MARKS)
        rest = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONE_MARKS))
        out += rest.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


# --- Is this text Vietnamese? (used to tell the encodings apart) ------------------------------

_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
_NUCLEUS = (
    "(?:uye|uya|uyu|oai|oay|oao|oeo|uay|uai|uoi|uou|ieu|yeu|"
    "ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)"
)
_CODA = "(?:ng|nh|ch|[cmnpt])?"
_SYLLABLE = re.compile(f"^{_ONSET}{_NUCLEUS}{_CODA}$")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_HAT_MARKS = frozenset("\u0302\u0306\u031b")
_WORD = re.compile(r"[^\W\d_]+")


def _is_syllable(word: str) -> bool:
    tones = 0
    base = []
    for c in unicodedata.normalize("NFD", word.lower()):
        if c in _TONE_MARKS:
            tones += 1
        elif c in _HAT_MARKS:
            continue
        elif c == "đ":
            base.append("d")
        elif "a" <= c <= "z":
            base.append(c)
        else:
            return False
    return tones <= 1 and bool(_SYLLABLE.match("".join(base)))


def vietnamese_score(text: str) -> int:
    """Words with non-ASCII letters that are valid Vietnamese syllables, minus those that are not.

    Text decoded with the right encoding scores high; the same bytes decoded with a wrong one
    give impossible letter sequences (``Nguyeãn``, ``NguyÔn``) and score low.
    """
    score = 0
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word.isascii():
            continue
        score += 1 if _is_syllable(word) else -1
    # Stray symbols a wrong decoding leaves between letters (¸ µ § ¨ …) count against it.
    score -= sum(1 for c in text if 0xA0 <= ord(c) < 0xC0 or c == "\ufffd")
    return score


# Latin-1 characters that are not Vietnamese letters: legacy bytes shown in a Western code page.
_SUSPECT = re.compile("[\u00a0-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8"
                      "\u00db\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1"
                      "\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]")
SCORE_SAMPLE = 32 * 1024


def detect_legacy_text(text: str) -> str | None:
    """``tcvn3`` or ``vni`` when Unicode text is really legacy bytes shown as Windows-1252."""
    if text.isascii() or not _SUSPECT.search(text):
        return None
    text = text[:SCORE_SAMPLE]
    best, best_score = None, vietnamese_score(unicodedata.normalize("NFC", text))
    for enc in ("tcvn3", "vni"):
        try:
            decoded = decode_legacy(text, enc)
        except UnicodeError:
            continue
        s = vietnamese_score(decoded)
        if s > best_score:
            best, best_score = enc, s
    return best


# --- Encoding of a byte stream ----------------------------------------------------------------


def detect_encoding(sample: bytes) -> str:
    """Name the encoding of a text file from its first bytes.

    One of ``utf-8``, ``utf-8-sig``, ``utf-16`` (with BOM or without: ``utf-16-le``/``-be`` are
    reported as ``utf-16``), ``cp1258``, ``tcvn3``, ``vni``. Raises ``ValueError`` when the
    bytes are not text at all (a binary file).
    """
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if sample and sample.count(0) > len(sample) // 4:
        evens = sample[0::2].count(0)
        odds = sample[1::2].count(0)
        if odds > len(sample) // 3 and evens < len(sample) // 20:
            return "utf-16-le"
        if evens > len(sample) // 3 and odds < len(sample) // 20:
            return "utf-16-be"
        raise ValueError("binary")
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0D))
    if b"\x00" in sample or controls > max(2, len(sample) // 100):
        raise ValueError("binary")
    import codecs

    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    scores: dict[str, int] = {}
    sample = sample[:SCORE_SAMPLE]
    for enc in ("cp1258", "tcvn3", "vni"):
        text = decode_bytes(sample, enc)
        scores[enc] = vietnamese_score(text)
    return max(scores, key=lambda e: (scores[e], e == "cp1258"))


def decode_bytes(data: bytes, encoding: str) -> str:
    """Decode with a Python codec or one of the legacy tables; result in NFC."""
    if encoding in LEGACY_ENCODINGS:
        return decode_legacy(data, encoding)
    return unicodedata.normalize("NFC", data.decode(encoding, errors="replace"))
