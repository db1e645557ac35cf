"""The audit trail screen (auditors and directors)."""
