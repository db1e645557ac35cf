"""Taking a photo with the computer's camera, where Qt Multimedia finds one.

Qt Multimedia is looked up only when asked (it needs the platform's media libraries, which a
desk may lack). With no camera, or no Qt Multimedia, the Camera button stays disabled and
its tooltip says why; photos then come from files. A captured picture is written to a
temporary JPEG and imported like a file (downscaled, stamped, stored by hash).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def find_camera():
    """(the first camera device or None, why not in words)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:  # the media libraries are missing on this computer
        return None, QCoreApplication.translate(
            "InspectionCamera", "Camera support (Qt Multimedia) is not available on this computer"
        )
    cameras = QMediaDevices.videoInputs()
    if not cameras:
        return None, QCoreApplication.translate(
            "InspectionCamera", "No camera found on this computer; add photos from files"
        )
    return QMediaDevices.defaultVideoInput() or cameras[0], ""


def camera_button(parent: QWidget, on_photo: Callable[[Path], None]) -> QPushButton:
    """A "Camera…" button: enabled when a camera is found, otherwise off with the reason."""
    button = QPushButton(QCoreApplication.translate("InspectionCamera", "Camera…"))
    device, why = find_camera()
    button.setEnabled(device is not None)
    button.setToolTip(
        QCoreApplication.translate("InspectionCamera", "Take a photo with the camera")
        if device is not None
        else why
    )
    button.setProperty("unavailable_reason", why)

    def take() -> None:
        dialog = CameraDialog(device, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.path is not None:
            on_photo(dialog.path)

    button.clicked.connect(take)
    return button


class CameraDialog(QDialog):
    """The camera's live picture and a Take button; ``path`` holds the captured JPEG."""

    def __init__(self, device, parent: QWidget | None = None) -> None:
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("InspectionCamera", "Take a photo"))
        self.path: Path | None = None
        self.camera = QCamera(device, self)
        self.capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        preview = QVideoWidget()
        preview.setMinimumSize(640, 480)
        self.session.setVideoOutput(preview)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.take = QPushButton(QCoreApplication.translate("InspectionCamera", "Take"))
        self.take.setDefault(True)
        self.take.clicked.connect(self._take)
        cancel = QPushButton(QCoreApplication.translate("InspectionCamera", "Cancel"))
        cancel.clicked.connect(self.reject)
        self.capture.imageSaved.connect(self._saved)
        self.capture.errorOccurred.connect(
            lambda *_a: self.message.setText(
                QCoreApplication.translate("InspectionCamera", "The camera failed")
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.take)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(preview, 1)
        layout.addLayout(buttons)
        self.camera.start()

    def _take(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="propdesk-camera-"))
        self.take.setEnabled(False)
        self.capture.captureToFile(str(folder / "photo.jpg"))

    def _saved(self, _id: int, file_name: str) -> None:
        self.path = Path(file_name)
        self.camera.stop()
        self.accept()

    def done(self, result: int) -> None:
        self.camera.stop()
        super().done(result)
