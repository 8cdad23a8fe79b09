"""A first look at a store's file before it opens (the standard library's sqlite3 only: start-up stays lean)."""

from plprofile.store.peek import ready_to_sign_in

__all__ = ["ready_to_sign_in"]
