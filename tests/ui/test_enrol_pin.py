"""The Sync page's enrol form takes the server certificate's fingerprint: a wrong one is
refused beside the form in words, with everything typed kept and the code not spent; the
right one enrols and the first sync runs over the pinned certificate. A real uvicorn TLS
server on loopback with an openssl self-signed certificate.

Issue 16: "A desk enrolling over HTTPS can pin the server's certificate, given with the
enrolment code."
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from sync.server import crud
from sync.server.cli import certificate_fingerprint
from sync.server.db import make_engine
from tests.sync import test_cert_pinning as pinning
from tests.ui import test_sync_page as sync_page_tests
from tests.ui.conftest import type_text

# fixtures shared with the Sync page's and the pinning tests
qt_loop, do, wait = sync_page_tests.qt_loop, sync_page_tests.do, sync_page_tests.wait
page, tls = sync_page_tests.page, pinning.tls
pytestmark = pinning.pytestmark


def code_for(db_url: str, estate_id: str) -> str:
    engine = make_engine(db_url)
    try:
        with crud.new_session(engine) as s, s.begin():
            return crud.create_code(s, [estate_id], False, timedelta(hours=1))
    finally:
        engine.dispose()


def test_the_form_pins_the_certificate(qtbot, page, ctx, wait, tls, tmp_path):
    cert, key = pinning.certificate(tmp_path, "server")
    tls.start(cert, key)
    code = code_for(tls.db_url, ctx.estate_id)
    form = page.form
    type_text(qtbot, form.server, tls.url)
    type_text(qtbot, form.code, code)
    type_text(qtbot, form.pin, "00" * 32)
    wait.do(lambda: qtbot.mouseClick(form.enrol, Qt.MouseButton.LeftButton))
    wait(form.message.isVisible)
    assert "not the one the administrator named" in form.message.text()
    assert (form.server.text(), form.code.text(), form.pin.text()) == (tls.url, code, "00" * 32)
    assert not pinning.code_used(tls.db_url, code)

    form.pin.clear()
    type_text(qtbot, form.pin, certificate_fingerprint(str(cert)))
    wait.do(lambda: qtbot.mouseClick(form.enrol, Qt.MouseButton.LeftButton))
    wait(lambda: page.stack.currentWidget() is page.status_view)
    wait(lambda: page.result.text().startswith("Sync finished: "))  # over the pinned cert
