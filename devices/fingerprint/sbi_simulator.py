"""An SBI 0.9.5 device service on loopback: a slap fingerprint scanner and an iris camera.

Run it with ``python -m devices.fingerprint.sbi_simulator [--port 4501] [--delay-ms 1500]``.
It answers ``MOSIPDISC``, ``MOSIPDINFO``, ``STREAM`` and ``RCAPTURE`` over real HTTP with real
JSON, signs ``deviceInfo``, ``digitalId`` and every capture ``data`` block (RS256 JWS, with a
device certificate issued by its own synthetic provider CA), chains item hashes, and serves
synthetic prints and irises of a synthetic person. The slap images are segmented the way a
real device segments them, so a finger that is not on the platen is simply not returned.

Failures are scripted, one per capture, for tests and demonstrations: ``busy``, ``timeout``
(no answer until the client gives up), ``stop`` (the service dies mid-capture and comes back
after a moment), ``garbage`` (not JSON), ``not_image``, ``low_res`` (250 ppi), ``blank``,
``black``, ``missing:<bioSubType>``, ``poor`` (dry, smudged prints), ``bad_signature``,
``stale_time`` (the device clock an hour behind), ``error:<code>``. A non-SBI verb
``SIMCONTROL /control`` sets the person, absent fingers, delay and script over HTTP.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import cv2
import numpy as np

from devices.fingerprint import sbi_format as fmt
from devices.fingerprint import synth
from devices.fingerprint.model import Degradation, Eye, Finger, GrayImage, Slap
from devices.fingerprint.quality import finger_score, iris_quality
from devices.fingerprint.segment import segment_slap

log = logging.getLogger(__name__)

PROVIDER = "Synthetic Biometrics Ltd"
PROVIDER_ID = "SYNTH-BIO"
DEFAULT_DELAY_MS = 1500
_TXN = re.compile(r"^[A-Za-z0-9-]{4,50}$")


@dataclass
class Credentials:
    ca_pem: bytes
    device_key_pem: bytes
    device_cert_der: bytes


def make_credentials(provider: str = PROVIDER) -> Credentials:
    """A provider CA and a device key/certificate issued by it (O = provider)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, provider),
                         x509.NameAttribute(NameOID.COMMON_NAME, f"{provider} Device CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1))
          .not_valid_after(now + dt.timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .sign(ca_key, hashes.SHA256()))
    dev_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    dev_name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, provider),
                          x509.NameAttribute(NameOID.COMMON_NAME, "SBI device key")])
    dev = (x509.CertificateBuilder().subject_name(dev_name).issuer_name(ca_name)
           .public_key(dev_key.public_key()).serial_number(x509.random_serial_number())
           .not_valid_before(now - dt.timedelta(days=1))
           .not_valid_after(now + dt.timedelta(days=30))
           .sign(ca_key, hashes.SHA256()))
    return Credentials(
        ca.public_bytes(serialization.Encoding.PEM),
        dev_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()),
        dev.public_bytes(serialization.Encoding.DER))


@dataclass
class SimDevice:
    device_id: str
    modality: str  # Finger | Iris
    sub_type: str  # Slap | Double
    sub_ids: tuple[int, ...]
    serial: str
    model: str
    lock: threading.Lock = field(default_factory=threading.Lock)
    capturing: threading.Event = field(default_factory=threading.Event)
    frame: GrayImage | None = None  # what the platen shows now (for STREAM)

    def digital_id(self) -> dict[str, Any]:
        return {"serialNo": self.serial, "make": "SynthScan", "model": self.model,
                "type": self.modality, "deviceSubType": self.sub_type,
                "deviceProvider": PROVIDER, "deviceProviderId": PROVIDER_ID,
                "dateTime": fmt.utc_now()}


@dataclass
class SimulatorState:
    """What the simulated person and device do next (changed by SIMCONTROL or the API)."""

    person: int = 1
    absent: set[Finger] = field(default_factory=set)
    absent_eyes: set[Eye] = field(default_factory=set)
    delay_ms: int = DEFAULT_DELAY_MS
    script: deque[str] = field(default_factory=deque)
    attempt: int = 0
    image_format: int = fmt.COMPRESSION_J2K
    present_instead: dict[Finger, Finger] = field(default_factory=dict)


class SbiSimulator:
    """The simulated device service. ``start()`` binds 127.0.0.1:``port`` (0 = any free)."""

    def __init__(self, port: int = 4501, *, host: str = "127.0.0.1", delay_ms: int | None = None,
                 iris: bool = True, person: int = 1, image_format: str = "j2k",
                 credentials: Credentials | None = None) -> None:
        self.host = host
        self.port = port
        self.creds = credentials or make_credentials()
        self.state = SimulatorState(person=person)
        if delay_ms is not None:
            self.state.delay_ms = delay_ms
        self.state.image_format = fmt.COMPRESSION_PNG if image_format == "png" else \
            fmt.COMPRESSION_J2K
        self.devices = [SimDevice("1", "Finger", "Slap", (1, 2, 3), "SF-4420-000731",
                                  "SynthScan Slap 4-4-2")]
        if iris:
            self.devices.append(SimDevice("2", "Iris", "Double", (3,), "SI-220-001204",
                                          "SynthScan Iris Duo"))
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.running = threading.Event()
        self._lock = threading.Lock()

    # -- life cycle ------------------------------------------------------------------------
    @property
    def ca_pem(self) -> bytes:
        return self.creds.ca_pem

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> SbiSimulator:
        handler = type("Handler", (_Handler,), {"sim": self})
        server = _Server((self.host, self.port), handler)
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"sbi-sim-{self.port}", daemon=True)
        self._thread.start()
        self.running.set()
        return self

    def stop(self, wait: bool = True) -> None:
        """Stop serving; open connections are cut as if the service process died."""
        server, self._server = self._server, None
        self.running.clear()
        if server is not None:
            server.shutdown()
            server.server_close()
            if isinstance(server, _Server):
                server.close_all()
        # Captures in flight notice within a poll interval; let them let go of the device.
        deadline = time.monotonic() + (2.0 if wait else 0.0)
        while any(d.lock.locked() for d in self.devices) and time.monotonic() < deadline:
            time.sleep(0.01)
        for dev in self.devices:
            dev.capturing.clear()

    def restart_after(self, seconds: float) -> None:
        def later() -> None:
            time.sleep(seconds)
            try:
                self.start()
            except OSError as exc:  # the port was taken meanwhile: stay down, as a dead service
                log.warning("sbi-sim could not restart on port %s: %s", self.port, exc)
        threading.Thread(target=later, daemon=True).start()

    def __enter__(self) -> SbiSimulator:
        return self.start() if self._server is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- scripting -------------------------------------------------------------------------
    def script(self, *events: str) -> None:
        with self._lock:
            self.state.script.extend(events)

    def control(self, body: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            st = self.state
            if "person" in body:
                st.person = int(body["person"])
            if "delay_ms" in body:
                st.delay_ms = int(body["delay_ms"])
            if "absent" in body:
                st.absent = {Finger.from_sbi(n) for n in body["absent"]}
            if "absent_eyes" in body:
                st.absent_eyes = {Eye(n) for n in body["absent_eyes"]}
            if "script" in body:
                st.script.extend(str(e) for e in body["script"])
            if "present_instead" in body:
                st.present_instead = {Finger.from_sbi(k): Finger.from_sbi(v)
                                      for k, v in body["present_instead"].items()}
            return {"person": st.person, "delay_ms": st.delay_ms,
                    "absent": sorted(f.sbi_name for f in st.absent),
                    "script": list(st.script)}

    def _next_event(self) -> str:
        with self._lock:
            return self.state.script.popleft() if self.state.script else ""

    def device(self, device_id: str) -> SimDevice | None:
        return next((d for d in self.devices if d.device_id == str(device_id)), None)

    # -- answers ---------------------------------------------------------------------------
    def discover(self, kind: str) -> list[dict[str, Any]]:
        out = []
        for dev in self.devices:
            if kind not in ("Biometric Device", dev.modality):
                continue
            out.append({
                "deviceId": dev.device_id, "deviceStatus": self._status(dev),
                "certification": "L0", "serviceVersion": "1.0.3",
                "deviceSubId": [str(s) for s in dev.sub_ids], "callbackId": self.base_url,
                "digitalId": fmt.b64url_encode(json.dumps(dev.digital_id()).encode()),
                "deviceCode": dev.serial, "specVersion": [fmt.SPEC_VERSION],
                "purpose": "Registration", "error": {"errorCode": "0", "errorInfo": "Success"},
            })
        return out

    def _status(self, dev: SimDevice) -> str:
        return "Busy" if dev.lock.locked() else "Ready"

    def _sign(self, payload: dict[str, Any] | bytes) -> str:
        return fmt.sign_jws(payload, self.creds.device_key_pem, self.creds.device_cert_der)

    def info(self) -> list[dict[str, Any]]:
        out = []
        for dev in self.devices:
            payload = {
                "deviceStatus": self._status(dev), "deviceId": dev.device_id,
                "firmware": "2.4.1", "certification": "L0", "serviceVersion": "1.0.3",
                "deviceSubId": [str(s) for s in dev.sub_ids], "callbackId": self.base_url,
                "digitalId": self._sign(dev.digital_id()), "deviceCode": dev.serial,
                "env": "Developer", "purpose": "Registration",
                "specVersion": [fmt.SPEC_VERSION],
            }
            out.append({"deviceInfo": self._sign(payload),
                        "error": {"errorCode": "0", "errorInfo": "Success"}})
        return out

    def _wait(self, seconds: float, conn: socket.socket | None = None) -> None:
        """Device time. Stops early when the service stops or the client hangs up."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and self.running.is_set():
            if conn is not None and _client_gone(conn):
                return
            time.sleep(min(0.05, max(0.0, end - time.monotonic())))

    def capture(self, req: dict[str, Any], conn: socket.socket | None) -> dict[str, Any] | bytes:
        """Answer one RCAPTURE; bytes mean "send this raw" (garbage)."""
        bio = (req.get("bio") or [{}])[0]
        dev = self.device(str(bio.get("deviceId", "")))
        txn = str(req.get("transactionId", ""))
        if dev is None:
            return _error_items("106")
        if not _TXN.match(txn):
            return _error_items("112")
        if not dev.lock.acquire(blocking=False):
            return _error_items("111")
        try:
            dev.capturing.set()
            event = self._next_event()
            if event == "busy":
                return _error_items("111")
            if event.startswith("error:"):
                return _error_items(event.split(":", 1)[1])
            timeout_s = float(req.get("timeout", 10000)) / 1000.0
            if event == "timeout":
                # A device that never answers: hang until the client gives up.
                self._wait(timeout_s + 60.0, conn)
                return _error_items("101")
            if event == "stop":
                # The service process dies in the middle of the capture and is restarted.
                self._wait(min(self.state.delay_ms / 1000.0, 0.2), conn)
                self.stop(wait=False)
                if conn is not None:
                    _cut(conn)
                self.restart_after(0.3)
                return b""
            if event == "garbage":
                return b'{"biometrics": [ {"specVersion": "0.9.5", "data": '
            items = (self._capture_iris(dev, req, bio, event) if dev.modality == "Iris"
                     else self._capture_finger(dev, req, bio, event))
            self._wait(self.state.delay_ms / 1000.0, conn)
            return items
        finally:
            dev.capturing.clear()
            dev.lock.release()

    def _capture_finger(self, dev: SimDevice, req: dict[str, Any], bio: dict[str, Any],
                        event: str) -> dict[str, Any]:
        st = self.state
        st.attempt += 1
        sub_id = int(str(bio.get("deviceSubId", "0")) or 0)
        if sub_id not in (1, 2, 3):
            return _error_items("109")
        slap = Slap(sub_id)
        exceptions = {Finger.from_sbi(n) for n in bio.get("exception") or [] if _is_finger(n)}
        wanted = [Finger.from_sbi(n) for n in bio.get("bioSubType") or [] if _is_finger(n)]
        absent = set(st.absent) | exceptions
        if event.startswith("missing:"):
            absent.add(Finger.from_sbi(event.split(":", 1)[1]))
        deg = Degradation(dry=3, smudge=2) if event == "poor" else None
        fingers: list[tuple[Finger, GrayImage]] = []
        if len(wanted) == 1 and str(bio.get("count", "1")) == "1":
            finger = wanted[0]
            if finger not in absent:
                shown = st.present_instead.get(finger, finger)
                fingers.append((finger, synth.impression(st.person, shown, degradation=deg,
                                                         seed=st.attempt)))
            dev.frame = fingers[0][1] if fingers else None
        else:
            image = synth.slap_image(st.person, slap, absent=tuple(absent), degradation=deg,
                                     seed=st.attempt)
            dev.frame = image
            seg = segment_slap(image, slap)
            for box in seg.boxes:
                fingers.append((box.finger, box.image))
        items = []
        previous = str(bio.get("previousHash") or "")
        for finger, image in fingers:
            ppi = 500
            if event == "blank":
                image = np.full_like(image, 255)
            elif event == "black":
                image = np.zeros_like(image)
            elif event == "low_res":
                image = np.asarray(cv2.resize(image, (image.shape[1] // 2, image.shape[0] // 2),
                                              interpolation=cv2.INTER_AREA), np.uint8)
                ppi = 250
            score = finger_score(image) if ppi == 500 else 0
            if event == "not_image":
                record = b"this is not an image, only some bytes " * 3
            else:
                record = fmt.finger_record(image, finger.iso_code, score, ppi=ppi,
                                           compression=st.image_format)
            items.append(self._item(dev, req, bio, finger.sbi_name, "Finger", record, score,
                                    previous, event))
            previous = items[-1]["hash"]
        return {"biometrics": items}

    def _capture_iris(self, dev: SimDevice, req: dict[str, Any], bio: dict[str, Any],
                      event: str) -> dict[str, Any]:
        st = self.state
        st.attempt += 1
        exceptions = {n for n in bio.get("exception") or []}
        items = []
        previous = str(bio.get("previousHash") or "")
        for eye in (Eye.LEFT, Eye.RIGHT):
            if eye.value in exceptions or eye in st.absent_eyes:
                continue
            blur = 3.0 if event == "poor" else 0.0
            image = synth.iris_image(st.person, eye, blur=blur, seed=st.attempt)
            if event == "blank":
                image = np.full_like(image, 255)
            dev.frame = image
            score = iris_quality(image).score
            record = (b"not an image" if event == "not_image"
                      else fmt.iris_record(image, eye.value, score, st.image_format))
            items.append(self._item(dev, req, bio, eye.value, "Iris", record, score, previous,
                                    event))
            previous = items[-1]["hash"]
        return {"biometrics": items}

    def _item(self, dev: SimDevice, req: dict[str, Any], bio: dict[str, Any], sub_type: str,
              bio_type: str, record: bytes, score: int, previous: str,
              event: str) -> dict[str, Any]:
        payload = {
            "digitalId": self._sign(dev.digital_id()), "bioType": bio_type,
            "deviceCode": dev.serial, "deviceServiceVersion": "1.0.3", "bioSubType": sub_type,
            "purpose": "Registration", "env": "Developer",
            "bioValue": fmt.b64url_encode(record),
            "transactionId": str(req.get("transactionId", "")),
            "timestamp": _stale_time() if event == "stale_time" else fmt.utc_now(),
            "requestedScore": str(bio.get("requestedScore", "40")), "qualityScore": str(score),
        }
        data = self._sign(payload)
        if event == "bad_signature":
            head, body, sig = data.split(".")
            tail = "AAAAAA" if sig[-6:] != "AAAAAA" else "BBBBBB"
            data = ".".join([head, body, sig[:-6] + tail])
        return {"specVersion": fmt.SPEC_VERSION, "data": data,
                "hash": fmt.chain_hash(previous, record),
                "error": {"errorCode": "0", "errorInfo": "Success"}}

    def preview_frame(self, dev: SimDevice, t: float) -> GrayImage:
        """What the preview camera sees: fingers coming down onto the platen."""
        if dev.modality == "Iris":
            base = dev.frame if dev.frame is not None else synth.iris_image(self.state.person,
                                                                            Eye.LEFT, blur=2.0)
            return np.asarray(cv2.resize(base, (320, 240), interpolation=cv2.INTER_AREA), np.uint8)
        rng = np.random.default_rng(int(t * 10))
        glass = np.asarray(np.clip(rng.normal(229, 3, (375, 400)), 0, 255), np.uint8)
        if dev.frame is None:
            return glass  # nothing on the platen yet: its empty glass, with sensor noise
        if dev.frame.shape[0] < 1000:
            # One finger: shown at half scale in the middle of the platen.
            flat = cv2.resize(dev.frame, (dev.frame.shape[1] // 2, dev.frame.shape[0] // 2),
                              interpolation=cv2.INTER_AREA)
            fh, fw = flat.shape
            y0, x0 = max(0, (375 - fh) // 2), max(0, (400 - fw) // 2)
            region = glass[y0:y0 + fh, x0:x0 + fw]
            np.minimum(region, flat[:region.shape[0], :region.shape[1]], out=region)
            small = glass
        else:
            small = np.asarray(cv2.resize(dev.frame, (400, 375), interpolation=cv2.INTER_AREA),
                               np.uint8)
        # Contact builds up: contrast rises over the first second of a placement.
        k = 0.35 + 0.65 * min(1.0, (t % 3.0))
        return np.asarray(np.clip(255 - (255 - small.astype(np.float32)) * k, 0, 255), np.uint8)


def _stale_time() -> str:
    """A device clock an hour behind."""
    then = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    return then.strftime("%Y-%m-%dT%H:%M:%SZ")


def _is_finger(name: str) -> bool:
    try:
        Finger.from_sbi(str(name))
    except ValueError:
        return False
    return True


def _error_items(code: str) -> dict[str, Any]:
    return {"biometrics": [{"specVersion": fmt.SPEC_VERSION, "data": "", "hash": "",
                            "error": {"errorCode": code,
                                      "errorInfo": fmt.ERRORS.get(code, "Vendor error")}}]}


def _client_gone(conn: socket.socket) -> bool:
    """True once the client closed its end (a read would return no bytes)."""
    import select

    try:
        readable, _, _ = select.select([conn], [], [], 0)
        if not readable:
            return False
        return conn.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):
        return True


def _cut(conn: socket.socket) -> None:
    try:
        conn.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._conns: set[socket.socket] = set()
        self._conn_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._conn_lock:
            self._conns.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._conn_lock:
            self._conns.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("sbi-sim: connection to %s ended abruptly", client_address, exc_info=True)

    def close_all(self) -> None:
        with self._conn_lock:
            conns = list(self._conns)
        for conn in conns:
            _cut(conn)


class _Handler(BaseHTTPRequestHandler):
    sim: SbiSimulator
    protocol_version = "HTTP/1.1"
    server_version = "SynthSBI/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        log.debug("sbi-sim %s", format % args)

    def _body(self) -> Any:
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        if not raw.strip():
            return {}
        return json.loads(raw.decode("utf-8"))

    def _send(self, obj: Any, status: int = 200) -> None:
        body = obj if isinstance(obj, bytes) else json.dumps(obj).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Location", self.sim.base_url)
        self.send_header("Connection", "close")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def _bad_request(self) -> None:
        self._send([{"error": {"errorCode": "101", "errorInfo": "Invalid JSON Value"}}])

    def do_MOSIPDISC(self) -> None:  # noqa: N802 - SBI verb
        try:
            body = self._body()
        except (ValueError, UnicodeDecodeError):
            return self._bad_request()
        kind = str(body.get("type", "")) if isinstance(body, dict) else ""
        if kind not in ("Biometric Device", "Finger", "Iris", "Face"):
            return self._bad_request()
        self._send(self.sim.discover(kind))

    def do_MOSIPDINFO(self) -> None:  # noqa: N802 - SBI verb
        try:
            self._body()
        except (ValueError, UnicodeDecodeError):
            pass
        self._send(self.sim.info())

    def do_RCAPTURE(self) -> None:  # noqa: N802 - SBI verb
        try:
            body = self._body()
            if not isinstance(body, dict):
                raise ValueError("not an object")
        except (ValueError, UnicodeDecodeError):
            return self._send(_error_items("101"))
        answer = self.sim.capture(body, self.connection)
        if answer == b"":
            self.close_connection = True
            return None
        self._send(answer)
        return None

    def do_SIMCONTROL(self) -> None:  # noqa: N802 - simulator verb, not SBI
        try:
            body = self._body()
        except (ValueError, UnicodeDecodeError):
            return self._bad_request()
        self._send(self.sim.control(body if isinstance(body, dict) else {}))

    def do_STREAM(self) -> None:  # noqa: N802 - SBI verb
        try:
            body = self._body()
        except (ValueError, UnicodeDecodeError):
            body = {}
        dev = self.sim.device(str(body.get("deviceId", ""))) if isinstance(body, dict) else None
        if dev is None:
            return self._send({"error": {"errorCode": "202", "errorInfo": "No Device Connected."}})
        timeout_s = float(body.get("timeout", 300000)) / 1000.0
        self.send_response(200)
        self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=--BoundaryString")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        start = time.monotonic()
        try:
            while self.sim.running.is_set() and time.monotonic() - start < timeout_s:
                frame = self.sim.preview_frame(dev, time.monotonic() - start)
                ok, jpg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 80])
                if not ok:
                    break
                data = bytes(jpg)
                self.wfile.write(b"--BoundaryString\r\nContent-Type: image/jpeg\r\n"
                                 + f"Content-Length: {len(data)}\r\n\r\n".encode() + data
                                 + b"\r\n")
                self.wfile.flush()
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        self.close_connection = True
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=4501)
    parser.add_argument("--delay-ms", type=int, default=DEFAULT_DELAY_MS)
    parser.add_argument("--person", type=int, default=1)
    parser.add_argument("--no-iris", action="store_true", help="serve only the fingerprint scanner")
    parser.add_argument("--format", choices=("j2k", "png"), default="j2k")
    parser.add_argument("--ca-out", help="write the provider CA certificate (PEM) to this file")
    parser.add_argument("--script", nargs="*", default=[], help="scripted failures, in order")
    args = parser.parse_args(argv)
    sim = SbiSimulator(args.port, host=args.host, delay_ms=args.delay_ms, iris=not args.no_iris,
                       person=args.person, image_format=args.format)
    sim.script(*args.script)
    sim.start()
    if args.ca_out:
        with open(args.ca_out, "wb") as fh:
            fh.write(sim.ca_pem)
    print(json.dumps({"listening": sim.base_url, "devices": len(sim.devices)}), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        sim.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
