"""PropDesk core: domain rules, the local store and the services. Imports no Qt."""

__version__ = "0.1.0"
