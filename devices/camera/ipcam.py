"""A simulated IP camera: the camera simulator served as an MJPEG stream over HTTP.

It behaves like the cheap RTSP/HTTP cameras stations buy (``multipart/x-mixed-replace``
JPEG frames at the camera's own pace), so the OpenCV URL adapter is exercised over a real
socket: frames slower than asked, the camera switched off (``stop``) and on again
(``start`` on the same port). Run one for a demo::

    python -m devices.camera.ipcam --port 8081 --scenario demo --fps 15
    # then set camera.adapter = "opencv", camera.source = "http://127.0.0.1:8081/video.mjpg"
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import cv2

from devices.camera.simulator import SimulatedCamera

BOUNDARY = b"frame"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    camera_fps: float
    scenario: str
    stopping: threading.Event


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib API
        return  # no request log on stderr

    def do_GET(self) -> None:  # noqa: N802 - stdlib API
        if self.path.split("?")[0] not in ("/video.mjpg", "/"):
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type",
                         "multipart/x-mixed-replace; boundary=" + BOUNDARY.decode())
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        camera = SimulatedCamera(self.server.scenario, realtime=False,
                                 fps=self.server.camera_fps)
        camera.open()
        period = 1.0 / self.server.camera_fps
        due = time.monotonic()
        try:
            while not self.server.stopping.is_set():
                ok, buf = cv2.imencode(".jpg", camera.read().image,
                                       [cv2.IMWRITE_JPEG_QUALITY, 85])
                data = buf.tobytes()
                self.wfile.write(b"--" + BOUNDARY + b"\r\nContent-Type: image/jpeg\r\n"
                                 b"Content-Length: " + str(len(data)).encode() + b"\r\n\r\n"
                                 + data + b"\r\n")
                due += period
                self.server.stopping.wait(max(0.0, due - time.monotonic()))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away


class SimulatedIpCamera:
    """An MJPEG-over-HTTP camera on 127.0.0.1; ``url`` is what ``camera.source`` takes."""

    def __init__(self, scenario: str = "good", fps: float = 15.0, port: int = 0,
                 host: str = "127.0.0.1") -> None:
        self.scenario = scenario
        self.fps = fps
        self.host = host
        self.port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/video.mjpg"

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> SimulatedIpCamera:
        """Switch the camera on (again on the same port once it had one)."""
        if self._server is not None:
            return self
        server = _Server((self.host, self.port), _Handler)
        server.camera_fps = self.fps
        server.scenario = self.scenario
        server.stopping = threading.Event()
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="ipcam", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Switch the camera off: streams end, new connections are refused."""
        server, self._server = self._server, None
        if server is None:
            return
        server.stopping.set()
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> SimulatedIpCamera:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Serve the camera simulator as an IP camera")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--scenario", default="demo")
    parser.add_argument("--fps", type=float, default=15.0)
    args = parser.parse_args()
    cam = SimulatedIpCamera(args.scenario, args.fps, args.port).start()
    print(cam.url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        cam.stop()


if __name__ == "__main__":
    main()
