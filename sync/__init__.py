"""Sync between devices and the central server: protocol, client and server."""
