"""Offline-first sync of profiles between devices and a school hub (merge rules: see the README's
"Sync and merge rules")."""
