"""Stored form of prints and irises: WSQ or PNG bytes with resolution and position metadata.

The bytes are handed to the core, which encrypts them; nothing here writes files. WSQ files
carry a NISTCOM comment (``PPI 500``, size, finger position) the way NIST tools write it; PNG
files carry the resolution in ``pHYs`` and the position and quality in text chunks.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import Any

import numpy as np

from devices.fingerprint.model import FingerSample, GrayImage, IrisSample

FORMATS = ("wsq", "png")
MEDIA_TYPES = {"wsq": "image/x-wsq", "png": "image/png"}


@dataclass(frozen=True)
class StoredImage:
    """Encoded image bytes and the facts that go with them (metadata is also in the bytes)."""

    kind: str  # "finger" | "iris"
    position: str  # finger key (``left_index``) or eye key (``left``)
    iso_position: int  # ISO 19794-4 finger code, or 19794-6 eye label
    format: str
    data: bytes
    resolution_ppi: int
    width: int
    height: int
    quality: int
    device_serial: str
    captured_at: str

    @property
    def ppi(self) -> int:
        return self.resolution_ppi

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]

    def metadata(self) -> dict[str, Any]:
        return {"kind": self.kind, "position": self.position, "iso_position": self.iso_position,
                "format": self.format, "media_type": self.media_type,
                "resolution_ppi": self.resolution_ppi, "width": self.width,
                "height": self.height, "quality": self.quality,
                "device_serial": self.device_serial, "captured_at": self.captured_at}


def _nistcom(fields: dict[str, Any]) -> bytes:
    text = f"NIST_COM {len(fields) + 1}\n" + "".join(
        f"{k} {v}\n" for k, v in fields.items())
    body = text.encode("ascii")
    return b"\xff\xa8" + struct.pack(">H", len(body) + 2) + body


def encode_wsq(image: GrayImage, comment: dict[str, Any]) -> bytes:
    import wsq  # noqa: F401  (registers the WSQ codec with Pillow)
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(image, np.uint8)).save(buf, "WSQ")
    data = buf.getvalue()
    # The NISTCOM comment goes right after the start-of-image marker.
    return data[:2] + _nistcom(comment) + data[2:]


def encode_png(image: GrayImage, ppi: int, text: dict[str, Any]) -> bytes:
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    for key, value in text.items():
        info.add_text(key, str(value))
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(image, np.uint8)).save(
        buf, "PNG", pnginfo=info, dpi=(ppi, ppi) if ppi else None, compress_level=6)
    return buf.getvalue()


def decode(data: bytes) -> GrayImage:
    """The 8-bit gray image back from stored bytes (either format)."""
    from PIL import Image

    if data[:2] == b"\xff\xa0":
        import wsq  # noqa: F401
    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im.convert("L"), np.uint8).copy()


def read_metadata(data: bytes) -> dict[str, str]:
    """The NISTCOM fields of a WSQ file, or the text chunks (and dpi) of a PNG file."""
    if data[:2] == b"\xff\xa0":
        pos = 2
        while pos + 4 <= len(data) and data[pos] == 0xFF:
            marker = data[pos + 1]
            (length,) = struct.unpack_from(">H", data, pos + 2)
            if marker == 0xA8:
                text = data[pos + 4:pos + 2 + length].decode("ascii", "replace")
                if text.startswith("NIST_COM"):
                    return dict(line.split(" ", 1) for line in text.splitlines()
                                if " " in line)
            if marker in (0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8):
                pos += 2 + length
            else:
                break
        return {}
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        meta = {str(k): str(v) for k, v in getattr(im, "text", {}).items()}
        dpi = im.info.get("dpi")
        if dpi:
            meta["PPI"] = str(round(float(dpi[0])))
        return meta


def store_finger(sample: FingerSample, fmt: str = "wsq") -> StoredImage:
    """Encode one finger as WSQ or PNG (``fingerprint.storage_format``)."""
    if fmt not in FORMATS:
        raise ValueError(f"storage format must be one of {FORMATS}, not {fmt!r}")
    h, w = sample.image.shape
    fields = {"PIX_WIDTH": w, "PIX_HEIGHT": h, "PIX_DEPTH": 8, "PPI": sample.resolution_ppi,
              "LOSSY": 1 if fmt == "wsq" else 0, "COLORSPACE": "GRAY",
              "FGP": sample.position.iso_code, "POSITION": sample.position.key,
              "QUALITY": sample.quality}
    data = (encode_wsq(sample.image, fields) if fmt == "wsq"
            else encode_png(sample.image, sample.resolution_ppi, fields))
    return StoredImage("finger", sample.position.key, sample.position.iso_code, fmt, data,
                       sample.resolution_ppi, w, h, sample.quality, sample.device_serial,
                       sample.captured_at)


def store_iris(sample: IrisSample) -> StoredImage:
    """Irises are stored lossless as PNG (WSQ is a fingerprint codec)."""
    h, w = sample.image.shape
    label = 2 if sample.eye.value == "Left" else 1
    fields = {"EYE": sample.eye.key, "EYE_LABEL": label, "QUALITY": sample.quality}
    data = encode_png(sample.image, 0, fields)
    return StoredImage("iris", sample.eye.key, label, "png", data, 0, w, h, sample.quality,
                       sample.device_serial, sample.captured_at)
