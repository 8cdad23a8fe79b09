"""The school hub: an ASGI app under uvicorn over the app's own tables (SQLite or PostgreSQL), pairing, TLS and
the administration commands. No Qt."""
