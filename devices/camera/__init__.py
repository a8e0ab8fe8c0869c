"""Camera: protocol and dataclasses, OpenCV / file / simulator adapters, face photo quality.

Import the parts you need (``devices.camera.quality``, ``devices.camera.photo``,
``devices.camera.registry``); this package itself only re-exports the protocol types.
"""

from devices.camera.base import Camera, CameraInfo, Frame, Still

__all__ = ["Camera", "CameraInfo", "Frame", "Still"]
