"""Limits shared by the domain and the sign-in screen (kept apart so that the screen loads nothing else)."""

#: The longest password or PIN accepted, in characters.
MAX_SECRET = 256
