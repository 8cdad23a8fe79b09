"""Keeping the data safe: backups and encryption."""
