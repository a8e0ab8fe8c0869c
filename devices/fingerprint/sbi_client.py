"""A MOSIP SBI 0.9.5 client: discovery, device info, STREAM preview and RCAPTURE.

Discovery probes every port of the range on 127.0.0.1 concurrently with short connect
timeouts (a closed loopback port refuses at once), skipping ports that answer but are not SBI.
Every signed block is checked (RS256 with the ``x5c`` certificate; trust in the provider's CA
when anchors are configured), every capture item's transaction id, hash chain and image
(ISO 19794-4/-6 record, 500 ppi for fingers, not blank) is verified, and each finger is scored
again with our own quality measure. Failures become ``DeviceError`` with a message code.
"""

from __future__ import annotations

import http.client
import json
import logging
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import cv2
import numpy as np

from devices.errors import DeviceError, DeviceTimeout, DeviceUnavailable
from devices.fingerprint import sbi_format as fmt
from devices.fingerprint.model import (
    PPI,
    CaptureRequest,
    DeviceInfo,
    Eye,
    Finger,
    FingerSample,
    GrayImage,
    IrisCapture,
    IrisSample,
    PreviewCallback,
    SlapCapture,
)
from devices.fingerprint.quality import finger_quality, iris_quality

log = logging.getLogger(__name__)


def parse_ports(spec: str | Iterable[int]) -> list[int]:
    """``"4501-4600"`` or ``"4501,4510-4512"`` (or an iterable of ints) → sorted ports."""
    if not isinstance(spec, str):
        return sorted({int(p) for p in spec})
    ports: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            lo, hi = (int(x) for x in part.split("-", 1))
            ports.update(range(min(lo, hi), max(lo, hi) + 1))
        else:
            ports.add(int(part))
    bad = [p for p in ports if not 0 < p < 65536]
    if bad or not ports:
        raise ValueError(f"bad port range {spec!r}")
    return sorted(ports)


@dataclass(frozen=True)
class SbiDevice:
    """One device found by MOSIPDISC."""

    device_id: str
    modality: str
    status: str
    sub_ids: tuple[int, ...]
    base_url: str
    serial: str
    make: str
    model: str
    sub_type: str
    provider: str
    certification: str
    spec_versions: tuple[str, ...]


@dataclass
class SbiItem:
    """One decoded, verified capture item."""

    bio_sub_type: str
    image: GrayImage
    device_quality: int | None
    ppi: int
    hash: str
    timestamp: str


@dataclass
class _Conn:
    conn: http.client.HTTPConnection | None = None
    cancelled: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


class SbiClient:
    """Talks to SBI device services on one host over a configurable port range."""

    def __init__(self, host: str = "127.0.0.1", ports: str | Iterable[int] = "4501-4600", *,
                 connect_timeout_s: float = 0.3, trusted_cas: Sequence[bytes] = (),
                 workers: int = 16, response_margin_s: float = 3.0) -> None:
        self.host = host
        self.ports = parse_ports(ports)
        self.connect_timeout_s = connect_timeout_s
        self.trusted_cas = list(trusted_cas)
        self.workers = workers
        # How long past the capture's own timeout the device may take to answer.
        self.response_margin_s = response_margin_s
        self.device_time_s = 0.0  # time spent waiting for devices (for the benchmark)
        self._active = _Conn()

    # -- transport -------------------------------------------------------------------------
    def _request(self, base_url: str, verb: str, path: str, body: Any | None,
                 timeout_s: float, track: bool = False) -> bytes:
        parts = urlsplit(base_url)
        host, port = parts.hostname or self.host, parts.port or 80
        conn = http.client.HTTPConnection(host, port, timeout=self.connect_timeout_s)
        payload = b"" if body is None else json.dumps(body).encode("utf-8")
        try:
            conn.connect()
            if conn.sock is not None:
                conn.sock.settimeout(timeout_s)
            if track:
                with self._active.lock:
                    self._active.conn, self._active.cancelled = conn, False
            conn.request(verb, path, body=payload,
                         headers={"Content-Type": "application/json", "Connection": "close"})
            started = time.perf_counter()
            try:
                resp = conn.getresponse()
                data = resp.read()
            finally:
                self.device_time_s += time.perf_counter() - started
            if resp.status >= 400:
                raise DeviceError("fingerprint.sbi_not_sbi", url=base_url)
            return data
        except (ConnectionRefusedError, socket.gaierror) as exc:
            raise DeviceUnavailable("fingerprint.sbi_unreachable", url=base_url) from exc
        except TimeoutError as exc:
            if track and self._active.cancelled:
                raise DeviceError("fingerprint.cancelled") from exc
            raise DeviceTimeout("fingerprint.sbi_timeout", seconds=round(timeout_s)) from exc
        except (http.client.RemoteDisconnected, http.client.IncompleteRead,
                ConnectionResetError, BrokenPipeError, http.client.BadStatusLine) as exc:
            if track and self._active.cancelled:
                raise DeviceError("fingerprint.cancelled") from exc
            raise DeviceError("fingerprint.sbi_connection_lost", url=base_url) from exc
        except OSError as exc:
            if track and self._active.cancelled:
                raise DeviceError("fingerprint.cancelled") from exc
            raise DeviceError("fingerprint.sbi_connection_lost", url=base_url) from exc
        finally:
            if track:
                with self._active.lock:
                    self._active.conn = None
            conn.close()

    def cancel(self) -> None:
        """Abort the capture in flight (SBI has no cancel verb: the connection is cut)."""
        with self._active.lock:
            conn = self._active.conn
            self._active.cancelled = True
        if conn is not None and conn.sock is not None:
            try:
                conn.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    @staticmethod
    def _json(data: bytes, url: str) -> Any:
        try:
            return json.loads(data.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise DeviceError("fingerprint.sbi_malformed", detail=f"{url}: not JSON") from exc

    # -- discovery -------------------------------------------------------------------------
    def _probe(self, port: int, kind: str) -> list[SbiDevice]:
        url = f"http://{self.host}:{port}"
        try:
            data = self._request(url, "MOSIPDISC", "/device", {"type": kind},
                                 timeout_s=max(self.connect_timeout_s, 1.0))
            return self._parse_discovery(self._json(data, url), url)
        except DeviceError as exc:
            if exc.code not in ("fingerprint.sbi_unreachable",):
                log.info("port %s answered but is not a usable SBI service: %s", port, exc.code)
            return []

    def _parse_discovery(self, answer: Any, url: str) -> list[SbiDevice]:
        if not isinstance(answer, list):
            raise DeviceError("fingerprint.sbi_not_sbi", url=url)
        devices = []
        for entry in answer:
            if not isinstance(entry, dict) or "deviceId" not in entry:
                continue  # an error-only entry: nothing here
            try:
                digital = fmt.unsigned_payload(str(entry.get("digitalId", "")))
            except (ValueError, UnicodeDecodeError):
                digital = {}
            if not isinstance(digital, dict):
                digital = {}
            sub_ids = tuple(int(str(s)) for s in entry.get("deviceSubId") or []
                            if str(s).strip().isdigit())
            devices.append(SbiDevice(
                device_id=str(entry["deviceId"]), modality=str(digital.get("type", "")),
                status=str(entry.get("deviceStatus", "")), sub_ids=sub_ids,
                base_url=str(entry.get("callbackId") or url).rstrip("/"),
                serial=str(digital.get("serialNo") or entry.get("deviceCode", "")),
                make=str(digital.get("make", "")), model=str(digital.get("model", "")),
                sub_type=str(digital.get("deviceSubType", "")),
                provider=str(digital.get("deviceProvider", "")),
                certification=str(entry.get("certification", "")),
                spec_versions=tuple(str(v) for v in entry.get("specVersion") or [])))
        return devices

    def discover(self, kind: str = "Biometric Device") -> list[SbiDevice]:
        """Every SBI device on the port range (concurrently, short timeouts)."""
        with ThreadPoolExecutor(max_workers=min(self.workers, len(self.ports))) as pool:
            results = list(pool.map(lambda p: self._probe(p, kind), self.ports))
        return [d for devices in results for d in devices]

    def find(self, modality: str) -> SbiDevice:
        devices = [d for d in self.discover(modality) if d.modality == modality]
        if not devices:
            raise DeviceUnavailable("fingerprint.no_device", ports=_port_text(self.ports))
        ready = [d for d in devices if d.status == "Ready"]
        return (ready or devices)[0]

    # -- device info -----------------------------------------------------------------------
    def device_info(self, device: SbiDevice) -> DeviceInfo:
        url = device.base_url
        answer = self._json(self._request(url, "MOSIPDINFO", "/info", None, 5.0), url)
        if not isinstance(answer, list):
            raise DeviceError("fingerprint.sbi_not_sbi", url=url)
        for entry in answer:
            if not isinstance(entry, dict):
                continue
            _check_error(entry.get("error"), ok=("0", "100"))
            raw = str(entry.get("deviceInfo", ""))
            signed = raw.count(".") == 2
            if signed:
                verified = fmt.verify_jws(raw)
                info = verified.json()
            else:
                info = fmt.unsigned_payload(raw)
            if not isinstance(info, dict) or str(info.get("deviceId")) != device.device_id:
                continue
            digital_raw = str(info.get("digitalId", ""))
            if digital_raw.count(".") == 2:
                dverified = fmt.verify_jws(digital_raw)
                digital = dverified.json()
            else:
                digital = fmt.unsigned_payload(digital_raw)
            if str(digital.get("serialNo", "")) != device.serial:
                raise DeviceError("fingerprint.sbi_malformed", detail="digitalId serial differs")
            trusted = bool(signed and self.trusted_cas and fmt.certificate_trusted(
                verified.cert_der, self.trusted_cas, str(digital.get("deviceProvider", ""))))
            return DeviceInfo(
                device_id=device.device_id, modality=str(digital.get("type", device.modality)),
                make=str(digital.get("make", "")), model=str(digital.get("model", "")),
                serial=str(digital.get("serialNo", "")),
                resolution_ppi=PPI if device.modality == "Finger" else 0,
                sub_type=str(digital.get("deviceSubType", "")), sub_ids=device.sub_ids,
                status=str(info.get("deviceStatus", "")), firmware=str(info.get("firmware", "")),
                certification=str(info.get("certification", "")),
                spec_version=(info.get("specVersion") or [""])[0], base_url=url,
                trusted=trusted)
        raise DeviceError("fingerprint.sbi_malformed", detail="device missing from MOSIPDINFO")

    # -- preview ---------------------------------------------------------------------------
    def stream(self, device: SbiDevice, sub_id: int, on_frame: Callable[[GrayImage], None],
               stop: threading.Event, timeout_s: float = 60.0) -> int:
        """Read STREAM's M-JPEG parts (by Content-Length, not by the odd boundary) until
        ``stop`` is set or the device ends it; returns the number of frames delivered."""
        parts = urlsplit(device.base_url)
        conn = http.client.HTTPConnection(parts.hostname or self.host, parts.port or 80,
                                          timeout=self.connect_timeout_s)
        frames = 0
        try:
            conn.connect()
            if conn.sock is not None:
                conn.sock.settimeout(5.0)
            body = json.dumps({"deviceId": device.device_id, "deviceSubId": str(sub_id),
                               "timeout": str(int(timeout_s * 1000))}).encode()
            conn.request("STREAM", "/stream", body=body,
                         headers={"Content-Type": "application/json"})
            resp = conn.getresponse()
            if "multipart" not in (resp.getheader("Content-Type") or ""):
                answer = self._json(resp.read(), device.base_url)
                _check_error(answer.get("error") if isinstance(answer, dict) else None)
                return 0
            while not stop.is_set():
                length = 0
                line = resp.fp.readline()
                if not line:
                    break
                while line not in (b"\r\n", b"\n", b""):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                    line = resp.fp.readline()
                if not length:
                    continue
                data = resp.fp.read(length)
                frame = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
                if frame is not None:
                    frames += 1
                    on_frame(np.asarray(frame, np.uint8))
        except (OSError, http.client.HTTPException, ValueError) as exc:
            log.info("preview stream ended: %s", type(exc).__name__)
        finally:
            conn.close()
        return frames

    # -- capture ---------------------------------------------------------------------------
    def rcapture(self, device: SbiDevice, *, modality: str, sub_id: int, count: int,
                 bio_sub_types: Sequence[str] = (), exceptions: Sequence[str] = (),
                 timeout_s: float = 40.0, requested_score: int = 40,
                 previous_hash: str = "") -> list[SbiItem]:
        """One RCAPTURE; returns the verified items (maybe fewer than ``count``)."""
        txn = uuid.uuid4().hex[:20]
        request = {
            "env": "Developer", "purpose": "Registration", "specVersion": fmt.SPEC_VERSION,
            "timeout": str(int(timeout_s * 1000)), "captureTime": fmt.utc_now(),
            "transactionId": txn,
            "bio": [{"type": modality, "count": str(count), "bioSubType": list(bio_sub_types),
                     "exception": list(exceptions), "requestedScore": str(requested_score),
                     "deviceId": device.device_id, "deviceSubId": str(sub_id),
                     "previousHash": previous_hash}],
            "customOpts": None,
        }
        url = device.base_url
        data = self._request(url, "RCAPTURE", "/capture", request,
                             timeout_s + self.response_margin_s, track=True)
        answer = self._json(data, url)
        if not isinstance(answer, dict) or not isinstance(answer.get("biometrics"), list):
            raise DeviceError("fingerprint.sbi_malformed", detail="no biometrics array")
        items: list[SbiItem] = []
        previous = previous_hash
        for entry in answer["biometrics"]:
            if not isinstance(entry, dict):
                raise DeviceError("fingerprint.sbi_malformed", detail="biometrics item")
            _check_error(entry.get("error"))
            items.append(self._item(entry, txn, modality, previous, device.serial))
            previous = items[-1].hash
        return items

    def _item(self, entry: dict[str, Any], txn: str, modality: str, previous: str,
              expected_serial: str = "") -> SbiItem:
        verified = fmt.verify_jws(str(entry.get("data") or ""))
        try:
            payload = verified.json()
            bio_value = fmt.b64url_decode(str(payload["bioValue"]))
            sub_type = str(payload.get("bioSubType") or "UNKNOWN")
            score_raw = payload.get("qualityScore")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise DeviceError("fingerprint.sbi_malformed", detail="capture payload") from exc
        if str(payload.get("transactionId")) != txn:
            raise DeviceError("fingerprint.sbi_malformed", detail="transactionId differs")
        if str(entry.get("specVersion", fmt.SPEC_VERSION)) != fmt.SPEC_VERSION:
            raise DeviceError("fingerprint.sbi_malformed", detail="specVersion differs")
        _check_timestamp(str(payload.get("timestamp", "")))
        digital_raw = str(payload.get("digitalId", ""))
        digital = (fmt.verify_jws(digital_raw).json() if digital_raw.count(".") == 2
                   else fmt.unsigned_payload(digital_raw) if digital_raw else {})
        if expected_serial and str(digital.get("serialNo", "")) != expected_serial:
            raise DeviceError("fingerprint.sbi_malformed", detail="digitalId serial differs")
        if str(entry.get("hash", "")).upper() != fmt.chain_hash(previous, bio_value):
            raise DeviceError("fingerprint.sbi_hash_mismatch")
        if self.trusted_cas:
            if not fmt.certificate_trusted(verified.cert_der, self.trusted_cas,
                                           str(digital.get("deviceProvider", ""))):
                raise DeviceError("fingerprint.sbi_untrusted")
        try:
            iso = (fmt.parse_finger_record(bio_value) if modality == "Finger"
                   else fmt.parse_iris_record(bio_value))
        except ValueError as exc:
            raise DeviceError("fingerprint.sbi_bad_image", part=sub_type) from exc
        if modality == "Finger" and iso.ppi < PPI:
            raise DeviceError("fingerprint.sbi_wrong_resolution", ppi=iso.ppi, part=sub_type)
        image = iso.image
        if image.size == 0 or int(image.max()) - int(image.min()) < 16:
            raise DeviceError("fingerprint.blank_image", part=sub_type)
        try:
            device_quality: int | None = int(float(str(score_raw)))
        except ValueError:
            device_quality = None
        return SbiItem(sub_type, image, device_quality, iso.ppi, str(entry["hash"]).upper(),
                       str(payload.get("timestamp", "")))


def _check_error(error: Any, ok: tuple[str, ...] = ("0",)) -> None:
    if error is None:
        return
    if not isinstance(error, dict):
        raise DeviceError("fingerprint.sbi_malformed", detail="error field")
    code = str(error.get("errorCode", "0")).strip()
    if code in ok:
        return
    info = str(error.get("errorInfo") or fmt.ERRORS.get(code, ""))
    if code == "111":
        raise DeviceError("fingerprint.sbi_busy")
    if code == "110":
        raise DeviceError("fingerprint.sbi_not_ready")
    raise DeviceError("fingerprint.sbi_device_error", code=code, info=info)


def _check_timestamp(text: str, tolerance_s: float = 300.0) -> None:
    """The device's clock must agree with ours within five minutes (as MOSIP's client)."""
    from datetime import UTC, datetime

    try:
        stamp = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise DeviceError("fingerprint.sbi_malformed", detail="timestamp") from exc
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    drift = abs((datetime.now(UTC) - stamp).total_seconds())
    if drift > tolerance_s:
        raise DeviceError("fingerprint.sbi_malformed", detail=f"timestamp off by {drift:.0f} s")


def _port_text(ports: list[int]) -> str:
    return f"{ports[0]}-{ports[-1]}" if len(ports) > 1 else str(ports[0])


class SbiScanner:
    """The ``Scanner`` over an SBI fingerprint device (slaps 4-4-2 or single flats)."""

    def __init__(self, client: SbiClient, device: SbiDevice) -> None:
        self.client = client
        self.device = device
        self._info: DeviceInfo | None = None
        self.last_hash = ""

    @classmethod
    def discover(cls, client: SbiClient) -> SbiScanner:
        return cls(client, client.find("Finger"))

    def device_info(self) -> DeviceInfo:
        if self._info is None:
            self._info = self.client.device_info(self.device)
        return self._info

    def capture(self, request: CaptureRequest,
                preview: PreviewCallback | None = None) -> SlapCapture:
        wanted = request.to_capture
        if not wanted:
            return SlapCapture(request.slap, (), request.fingers)
        single = request.slap is None
        sub_id = request.slap.value if request.slap else (
            2 if wanted[0].is_right and not wanted[0].is_thumb else
            1 if not wanted[0].is_thumb else 3)
        stop = threading.Event()
        streamer = None
        if preview is not None:
            streamer = threading.Thread(
                target=self.client.stream, args=(self.device, sub_id, preview, stop,
                                                 request.timeout_s), daemon=True)
            streamer.start()
        try:
            items = self.client.rcapture(
                self.device, modality="Finger", sub_id=sub_id, count=len(wanted),
                bio_sub_types=[f.sbi_name for f in wanted] if single else [],
                exceptions=[f.sbi_name for f in request.exceptions if f in request.fingers],
                timeout_s=request.timeout_s, requested_score=request.requested_score,
                previous_hash=self.last_hash)
        finally:
            stop.set()
        samples = []
        serial = self.device_info().serial
        for item in items:
            try:
                finger = Finger.from_sbi(item.bio_sub_type)
            except ValueError as exc:
                raise DeviceError("fingerprint.sbi_malformed",
                                  detail=f"bioSubType {item.bio_sub_type}") from exc
            if finger not in wanted:
                continue
            samples.append(FingerSample(finger, item.image, finger_quality(item.image).score,
                                        serial, item.ppi, item.device_quality, item.timestamp))
        if items:
            self.last_hash = items[-1].hash
        found = {s.position for s in samples}
        missing = tuple(f for f in wanted if f not in found)
        return SlapCapture(request.slap, tuple(samples), request.fingers, missing,
                           last_hash=self.last_hash)

    def cancel(self) -> None:
        self.client.cancel()

    def close(self) -> None:
        self.client.cancel()


class SbiIrisCamera:
    """The ``IrisCamera`` over an SBI iris device (both eyes in one RCAPTURE)."""

    def __init__(self, client: SbiClient, device: SbiDevice) -> None:
        self.client = client
        self.device = device
        self._info: DeviceInfo | None = None
        self.last_hash = ""

    def device_info(self) -> DeviceInfo:
        if self._info is None:
            self._info = self.client.device_info(self.device)
        return self._info

    def capture_iris(self, eyes: Sequence[Eye], exceptions: Sequence[Eye] = (),
                     timeout_s: float = 40.0,
                     preview: PreviewCallback | None = None) -> IrisCapture:
        wanted = tuple(e for e in eyes if e not in exceptions)
        if not wanted:
            return IrisCapture((), tuple(eyes))
        items = self.client.rcapture(
            self.device, modality="Iris", sub_id=3 if len(wanted) == 2 else
            (1 if wanted[0] is Eye.LEFT else 2), count=len(wanted),
            exceptions=[e.value for e in exceptions], timeout_s=timeout_s,
            previous_hash=self.last_hash)
        serial = self.device_info().serial
        samples = []
        for item in items:
            try:
                eye = Eye(item.bio_sub_type)
            except ValueError as exc:
                raise DeviceError("fingerprint.sbi_malformed",
                                  detail=f"bioSubType {item.bio_sub_type}") from exc
            samples.append(IrisSample(eye, item.image, iris_quality(item.image).score, serial,
                                      item.device_quality, item.timestamp))
        if items:
            self.last_hash = items[-1].hash
        found = {s.eye for s in samples}
        return IrisCapture(tuple(samples), tuple(eyes), tuple(e for e in wanted
                                                               if e not in found),
                           self.last_hash)

    def cancel(self) -> None:
        self.client.cancel()

    def close(self) -> None:
        self.client.cancel()
