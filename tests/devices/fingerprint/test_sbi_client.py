"""The SBI client against the SBI device simulator, over real HTTP on loopback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import numpy as np
import pytest

from devices.errors import DeviceError, DeviceTimeout, DeviceUnavailable
from devices.fingerprint.model import CaptureRequest, Eye, Finger, Slap
from devices.fingerprint.sbi_client import SbiClient, SbiIrisCamera, SbiScanner, parse_ports
from devices.fingerprint.sbi_simulator import SbiSimulator, make_credentials
from resources.messages import has_message


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def not_sbi_port() -> Iterator[int]:
    """A service that answers any request with an HTML page: alive, but not SBI."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    port = int(srv.getsockname()[1])
    stop = threading.Event()

    def serve() -> None:
        srv.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1.0)
                try:
                    conn.recv(65536)
                    body = b"<html><body>Router admin</body></html>"
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                 b"Content-Length: " + str(len(body)).encode() +
                                 b"\r\nConnection: close\r\n\r\n" + body)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield port
    stop.set()
    thread.join(2)
    srv.close()


def scanner(client: SbiClient) -> SbiScanner:
    return SbiScanner(client, client.find("Finger"))


def slap_request(slap: Slap, timeout_s: float = 10.0, **kw: object) -> CaptureRequest:
    return CaptureRequest(slap.fingers, slap, timeout_s=timeout_s, **kw)  # type: ignore[arg-type]


def expect_code(exc: pytest.ExceptionInfo[DeviceError], code: str) -> None:
    assert exc.value.code == code
    assert has_message(code)
    text = exc.value.text("vi")
    assert text and not text.startswith(code)


# --- discovery and device info ----------------------------------------------------------

def test_port_ranges_parse() -> None:
    assert parse_ports("4501-4503") == [4501, 4502, 4503]
    assert parse_ports("4600, 4501-4502") == [4501, 4502, 4600]
    with pytest.raises(ValueError):
        parse_ports("4501-x")
    with pytest.raises(ValueError):
        parse_ports("0")


def test_discovery_finds_both_devices_and_skips_a_port_that_is_not_sbi(
        sim: SbiSimulator, not_sbi_port: int) -> None:
    closed = free_port()
    client = SbiClient(ports=[closed, not_sbi_port, sim.port])
    devices = client.discover()
    assert sorted(d.modality for d in devices) == ["Finger", "Iris"]
    finger = next(d for d in devices if d.modality == "Finger")
    assert finger.status == "Ready"
    assert finger.sub_ids == (1, 2, 3)
    assert finger.base_url == sim.base_url
    assert finger.serial == "SF-4420-000731"
    assert client.discover("Iris")[0].modality == "Iris"


def test_discovery_of_a_hundred_ports_is_fast() -> None:
    base = free_port()
    client = SbiClient(ports=range(base, base + 100))
    start = time.perf_counter()
    assert client.discover() == []
    assert time.perf_counter() - start < 3.0
    with pytest.raises(DeviceUnavailable) as exc:
        client.find("Finger")
    expect_code(exc, "fingerprint.no_device")  # type: ignore[arg-type]


def test_a_port_that_answers_but_is_not_sbi_is_a_clear_error(not_sbi_port: int) -> None:
    client = SbiClient(ports=[not_sbi_port])
    with pytest.raises(DeviceError) as exc:
        client._parse_discovery(client._json(client._request(
            f"http://127.0.0.1:{not_sbi_port}", "MOSIPDISC", "/device", {"type": "Finger"},
            2.0), "x"), "x")
    assert exc.value.code in ("fingerprint.sbi_malformed", "fingerprint.sbi_not_sbi")
    assert has_message(exc.value.code)


def test_device_info_is_signed_and_trusted_only_with_the_providers_ca(
        sim: SbiSimulator, client: SbiClient) -> None:
    info = scanner(client).device_info()
    assert (info.make, info.model, info.serial) == ("SynthScan", "SynthScan Slap 4-4-2",
                                                    "SF-4420-000731")
    assert info.resolution_ppi == 500
    assert info.trusted
    assert info.spec_version == "0.9.5"
    untrusting = SbiClient(ports=[sim.port])
    assert not scanner(untrusting).device_info().trusted
    other_ca = make_credentials().ca_pem
    assert not scanner(SbiClient(ports=[sim.port], trusted_cas=[other_ca])).device_info().trusted


# --- capture ------------------------------------------------------------------------------

def test_full_4_4_2_capture(client: SbiClient) -> None:
    dev = scanner(client)
    taken: dict[Finger, int] = {}
    hashes = []
    for slap in (Slap.RIGHT_FOUR, Slap.LEFT_FOUR, Slap.TWO_THUMBS):
        cap = dev.capture(slap_request(slap))
        assert cap.missing == ()
        assert [s.position for s in cap.samples] == list(slap.fingers)
        for s in cap.samples:
            assert s.resolution_ppi == 500
            assert s.image.dtype == np.uint8 and min(s.image.shape) > 150
            assert s.device_serial == "SF-4420-000731"
            assert s.device_quality is not None
            taken[s.position] = s.quality
        hashes.append(cap.last_hash)
    assert set(taken) == set(Finger)
    assert min(taken.values()) >= 40
    assert len(set(hashes)) == 3 and all(len(h) == 64 for h in hashes)


def test_single_finger_capture_and_exceptions_are_not_requested(client: SbiClient) -> None:
    dev = scanner(client)
    cap = dev.capture(CaptureRequest((Finger.LEFT_INDEX,), None, timeout_s=5))
    assert [s.position for s in cap.samples] == [Finger.LEFT_INDEX]
    cap = dev.capture(CaptureRequest(Slap.LEFT_FOUR.fingers, Slap.LEFT_FOUR,
                                     exceptions=(Finger.LEFT_RING,), timeout_s=5))
    assert Finger.LEFT_RING not in [s.position for s in cap.samples]
    assert cap.missing == () and cap.found == 3


def test_a_finger_missing_from_the_slap_is_reported(sim: SbiSimulator,
                                                    client: SbiClient) -> None:
    sim.script("missing:Left RingFinger")
    cap = scanner(client).capture(slap_request(Slap.LEFT_FOUR))
    assert cap.found == 3 and len(cap.expected) == 4
    assert cap.missing == (Finger.LEFT_RING,)


def test_iris_capture_of_both_eyes(sim: SbiSimulator, client: SbiClient) -> None:
    camera = SbiIrisCamera(client, client.find("Iris"))
    cap = camera.capture_iris([Eye.LEFT, Eye.RIGHT], timeout_s=5)
    assert sorted(s.eye.value for s in cap.samples) == ["Left", "Right"]
    assert all(s.image.shape == (480, 640) and s.quality >= 60 for s in cap.samples)
    cap = camera.capture_iris([Eye.LEFT, Eye.RIGHT], exceptions=[Eye.RIGHT], timeout_s=5)
    assert [s.eye for s in cap.samples] == [Eye.LEFT]


def test_stream_preview_delivers_jpeg_frames(client: SbiClient) -> None:
    dev = client.find("Finger")
    frames: list[np.ndarray] = []
    stop = threading.Event()

    def on_frame(frame: np.ndarray) -> None:
        frames.append(frame)
        if len(frames) >= 3:
            stop.set()

    assert client.stream(dev, 2, on_frame, stop, timeout_s=5) == 3
    assert frames[0].shape == (375, 400)


def test_preview_runs_alongside_a_capture(sim: SbiSimulator, client: SbiClient) -> None:
    sim.state.delay_ms = 500
    frames: list[np.ndarray] = []
    cap = scanner(client).capture(slap_request(Slap.RIGHT_FOUR), preview=frames.append)
    assert cap.found == 4
    assert len(frames) >= 2


# --- failures -----------------------------------------------------------------------------

def test_a_device_that_does_not_answer_times_out(sim: SbiSimulator, client: SbiClient) -> None:
    sim.script("timeout")
    dev = scanner(client)
    start = time.perf_counter()
    with pytest.raises(DeviceTimeout) as exc:
        dev.capture(slap_request(Slap.RIGHT_FOUR, timeout_s=0.5))
    assert time.perf_counter() - start < 5
    expect_code(exc, "fingerprint.sbi_timeout")  # type: ignore[arg-type]
    # The device notices the client went away and is free again.
    deadline = time.monotonic() + 5
    while sim.devices[0].lock.locked() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert dev.capture(slap_request(Slap.RIGHT_FOUR)).found == 4


def test_a_busy_device_says_so(sim: SbiSimulator, client: SbiClient) -> None:
    sim.state.delay_ms = 1500
    dev = scanner(client)
    results: list[object] = []
    first = threading.Thread(target=lambda: results.append(
        dev.capture(slap_request(Slap.RIGHT_FOUR))))
    first.start()
    assert sim.devices[0].capturing.wait(5)
    other = SbiScanner(SbiClient(ports=[sim.port]), dev.device)
    with pytest.raises(DeviceError) as exc:
        other.capture(slap_request(Slap.LEFT_FOUR))
    expect_code(exc, "fingerprint.sbi_busy")
    first.join(10)
    assert len(results) == 1
    sim.state.delay_ms = 0
    sim.script("busy")
    with pytest.raises(DeviceError) as exc2:
        dev.capture(slap_request(Slap.RIGHT_FOUR))
    expect_code(exc2, "fingerprint.sbi_busy")


def test_service_stopping_mid_capture_is_a_clear_error_and_retry_works(
        sim: SbiSimulator, client: SbiClient) -> None:
    sim.state.delay_ms = 3000
    dev = scanner(client)
    errors: list[DeviceError] = []

    def run() -> None:
        try:
            dev.capture(slap_request(Slap.RIGHT_FOUR))
        except DeviceError as e:
            errors.append(e)

    worker = threading.Thread(target=run)
    worker.start()
    assert sim.devices[0].capturing.wait(5)
    sim.stop()  # the device service dies in the middle of the capture
    worker.join(10)
    assert [e.code for e in errors] == ["fingerprint.sbi_connection_lost"]
    assert "ngừng" in errors[0].text("vi")
    with pytest.raises(DeviceUnavailable):  # still down
        dev.capture(slap_request(Slap.RIGHT_FOUR))
    sim.state.delay_ms = 0
    sim.start()  # it comes back on the same port
    assert dev.capture(slap_request(Slap.RIGHT_FOUR)).found == 4


def test_scripted_stop_restarts_by_itself(sim: SbiSimulator, client: SbiClient) -> None:
    sim.script("stop")
    dev = scanner(client)
    with pytest.raises(DeviceError) as exc:
        dev.capture(slap_request(Slap.TWO_THUMBS))
    expect_code(exc, "fingerprint.sbi_connection_lost")
    assert sim.running.wait(5)
    assert dev.capture(slap_request(Slap.TWO_THUMBS)).found == 2


def test_cancel_cuts_the_capture(sim: SbiSimulator, client: SbiClient) -> None:
    sim.state.delay_ms = 5000
    dev = scanner(client)
    dev.device_info()
    errors: list[DeviceError] = []

    def run() -> None:
        try:
            dev.capture(slap_request(Slap.RIGHT_FOUR))
        except DeviceError as e:
            errors.append(e)

    worker = threading.Thread(target=run)
    worker.start()
    assert sim.devices[0].capturing.wait(5)
    dev.cancel()
    worker.join(5)
    assert [e.code for e in errors] == ["fingerprint.cancelled"]


@pytest.mark.parametrize(("event", "code"), [
    ("garbage", "fingerprint.sbi_malformed"),
    ("not_image", "fingerprint.sbi_bad_image"),
    ("low_res", "fingerprint.sbi_wrong_resolution"),
    ("blank", "fingerprint.blank_image"),
    ("black", "fingerprint.blank_image"),
    ("bad_signature", "fingerprint.sbi_bad_signature"),
    ("stale_time", "fingerprint.sbi_malformed"),
    ("error:103", "fingerprint.sbi_device_error"),
])
def test_bad_answers_are_refused_with_a_clear_message(sim: SbiSimulator, client: SbiClient,
                                                      event: str, code: str) -> None:
    sim.script(event)
    dev = scanner(client)
    with pytest.raises(DeviceError) as exc:
        dev.capture(slap_request(Slap.TWO_THUMBS))
    expect_code(exc, code)
    if event == "error:103":
        assert "103" in exc.value.text("en")
    # The next capture is fine again.
    assert dev.capture(slap_request(Slap.TWO_THUMBS)).found == 2


def test_malformed_json_and_error_only_discovery_answers() -> None:
    client = SbiClient(ports=[4501])
    with pytest.raises(DeviceError) as exc:
        client._json(b"{not json", "http://127.0.0.1:4501")
    expect_code(exc, "fingerprint.sbi_malformed")
    assert client._parse_discovery([{"error": {"errorCode": "101"}}], "u") == []
    with pytest.raises(DeviceError):
        client._parse_discovery({"html": True}, "u")


def test_bad_transaction_id_and_unknown_device(sim: SbiSimulator) -> None:
    answer = sim.capture({"transactionId": "x!", "bio": [{"deviceId": "1"}]}, None)
    assert isinstance(answer, dict)
    assert answer["biometrics"][0]["error"]["errorCode"] == "112"
    answer = sim.capture({"transactionId": "abcd", "bio": [{"deviceId": "9"}]}, None)
    assert isinstance(answer, dict)
    assert answer["biometrics"][0]["error"]["errorCode"] == "106"
