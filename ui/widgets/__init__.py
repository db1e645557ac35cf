"""Widgets shared by every screen."""
