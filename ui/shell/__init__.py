"""The frame around the pages: first start, log-in, main window, status bar."""
