"""Camera benchmark: the face-quality pipeline against bare detection, and the live preview.

Prints one JSON object (last line): ``quality_fps_640x480`` (whole per-frame pipeline, one
thread), ``ratio_to_bare_detection`` (pipeline time / a bare ``detectMultiScale`` with the
pipeline's own parameters on the same frames, interleaved frame by frame so machine load
affects both alike), ``preview_fps`` (simulator in the widget, offscreen QApplication) and
``gui_latency_p95_ms`` (lateness of a 10 ms QTimer on the GUI thread during that preview).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def bench_quality(frames_n: int = 240) -> dict[str, float]:
    from devices.camera.quality import FaceDetector, assess, detection_image, to_grey
    from devices.camera.simulator import SimulatedCamera

    cam = SimulatedCamera("demo", realtime=False, fps=15)
    cam.open()
    frames = [cam.read().image for _ in range(frames_n)]  # the whole scripted demo
    det = FaceDetector()
    smalls = [detection_image(to_grey(f))[0] for f in frames]
    for f in frames[:10]:  # warm up caches and the cascades
        assess(f, detector=det)
    pipeline: list[float] = []
    bare: list[float] = []
    cpu = 0.0
    for frame, small in zip(frames, smalls, strict=True):
        c0 = time.process_time()
        t0 = time.perf_counter()
        assess(frame, detector=det)
        t1 = time.perf_counter()
        cpu += time.process_time() - c0
        det.detect_faces(small)
        t2 = time.perf_counter()
        pipeline.append(t1 - t0)
        bare.append(t2 - t1)
    return {
        "quality_fps_640x480": round(len(frames) / sum(pipeline), 1),
        "ratio_to_bare_detection": round(sum(pipeline) / sum(bare), 3),
        "quality_ms_median": round(statistics.median(pipeline) * 1000, 2),
        "bare_detection_ms_median": round(statistics.median(bare) * 1000, 2),
        # CPU time of the pipeline per frame: what it costs when the machine is not shared.
        "quality_cpu_ms_per_frame": round(cpu / len(frames) * 1000, 2),
        "frames": len(frames),
    }


def bench_preview(seconds: float = 6.0, warmup: float = 1.0) -> dict[str, float]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from devices.camera.simulator import SimulatedCamera
    from ui.widgets.face_capture import FaceCaptureWidget

    app = QApplication.instance() or QApplication([])
    camera = SimulatedCamera("demo", fps=30)
    widget = FaceCaptureWidget(camera, asked_fps=30)
    widget.resize(1366, 768)
    widget.show()
    clock = QElapsedTimer()
    clock.start()
    lateness: list[float] = []
    marks: dict[str, float] = {}
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        if last[0] and now / 1000 > warmup:
            lateness.append(max(0.0, now - last[0] - 10.0))
        last[0] = now

    def start_counting() -> None:
        marks["frames"] = widget.frames_shown
        marks["paints"] = widget.view.paints
        marks["t"] = clock.nsecsElapsed() / 1e9

    def finish() -> None:
        elapsed = clock.nsecsElapsed() / 1e9 - marks["t"]
        marks["fps"] = (widget.frames_shown - marks["frames"]) / elapsed
        marks["paint_fps"] = (widget.view.paints - marks["paints"]) / elapsed
        widget.shutdown()
        app.quit()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(int(warmup * 1000), start_counting)
    QTimer.singleShot(int((warmup + seconds) * 1000), finish)
    app.exec()
    timer.stop()
    lateness.sort()
    p95 = lateness[int(0.95 * (len(lateness) - 1))] if lateness else 0.0
    return {
        "preview_fps": round(marks["fps"], 1),
        "preview_paints_per_s": round(marks["paint_fps"], 1),
        "gui_latency_p95_ms": round(p95, 1),
    }


def main() -> None:
    import cv2

    result: dict[str, float | int | str] = {}
    result.update(bench_quality())
    result.update(bench_preview())
    result["opencv_threads"] = cv2.getNumThreads()
    result["load_average_1m"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
