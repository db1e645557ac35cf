"""PropDesk's Qt layer: calls app.services, never writes SQL itself."""
