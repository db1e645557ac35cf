"""Units & Residents: estate tree, the unit list, the unit form and its residents."""
