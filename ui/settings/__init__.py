"""Settings: language, about. Other areas add their group boxes to the page."""
