"""One window per database: a second PropDesk started on the same file asks the first to
come forward and stops.

The lock is a QLockFile beside the database (``<file>.lock``, taken over when the process
that held it has died); the first instance listens on a QLocalServer whose name comes from
the database's real path, and a second one connects to it and says ``raise``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

RAISE = b"raise\n"


def server_name(db_path: Path) -> str:
    real = os.path.normcase(os.path.realpath(db_path))
    return "propdesk-" + hashlib.sha256(real.encode("utf-8")).hexdigest()[:20]


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


class FirstInstance(QObject):
    """Holds the lock while it lives; brings ``window`` forward when asked."""

    def __init__(self, db_path: Path, lock: QLockFile) -> None:
        super().__init__()
        self.lock = lock
        self.window: QWidget | None = None
        self.asked = 0  # times a second instance asked (for tests)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(db_path)
        QLocalServer.removeServer(name)  # a socket left by a crash; the lock says we own it
        self.server.listen(name)
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self.asked += 1
            self.bring_forward()
        socket.disconnectFromServer()

    def bring_forward(self) -> None:
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def release(self) -> None:
        self.server.close()
        self.lock.unlock()


def claim(db_path: Path) -> FirstInstance | None:
    """The lock on ``db_path`` for this process, or None when another PropDesk holds it
    (which has then been asked to bring its window forward)."""
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(db_path)))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long it ran
    if lock.tryLock(200):
        return FirstInstance(db_path, lock)
    ask_to_raise(db_path)
    return None


def ask_to_raise(db_path: Path, timeout_ms: int = 1000) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.waitForDisconnected(timeout_ms)
    return True


def already_open_text(db_path: Path) -> str:
    return QCoreApplication.translate(
        "SingleInstance",
        "PropDesk is already open on this database (%1); its window has been brought "
        "forward. Use that window, or close it first.",
    ).replace("%1", str(db_path))
