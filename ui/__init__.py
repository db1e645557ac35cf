"""PropDesk's Qt layer: calls app.services, never writes SQL itself."""

from ui.qt_import_hook import speed_up_pyside_import_hook

speed_up_pyside_import_hook()
