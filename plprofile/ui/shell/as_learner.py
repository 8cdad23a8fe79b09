"""A session as one learner without their PIN, for a screenshot taken by whoever holds the store file
(``--screenshot FILE --as-learner NAME``): exactly what that learner sees after signing in."""

from __future__ import annotations

from plprofile.services.accounts import learner_actor
from plprofile.services.auth import SignedIn


def start_learner_session(window) -> bool:  # noqa: ANN001
    """Switch the window's (file holder's) session to the learner chosen by ``--learner`` matching; False when no
    single learner has that name (nothing changes)."""
    if getattr(window, "learner_not_found", False) or window.ctx is None:
        return False
    learner_id = window.current_learner_id()
    if learner_id is None:
        return False
    account = window.ctx.profiles.learner_account(window.ctx.me, learner_id)
    window.start_session_as(SignedIn(learner_actor(account), account.display_name, account.username or ""))
    return True
