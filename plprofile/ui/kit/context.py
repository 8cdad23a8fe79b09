"""What the widgets share: the open store, the services, who is signed in and who is writing."""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from plprofile.domain.profile import Actor, Role
from plprofile.services.accounts import ensure_teacher, learner_actor, teacher_actor
from plprofile.services.auth import AuthService, SignedIn
from plprofile.services.profiles import ProfileService
from plprofile.services.questions import QuestionService
from plprofile.services.stages import StagesService
from plprofile.services.storage import Store


class AppContext(QObject):
    """The session: store, services, the signed-in person and, in a conference, who is writing now."""

    writer_changed = Signal(str)
    profile_changed = Signal(object)  # learner id whose data changed

    def __init__(self, store: Store, user: SignedIn | None = None, auth: AuthService | None = None) -> None:
        super().__init__()
        self.store = store
        self.profiles = ProfileService(store)
        self.stages = StagesService(store, self.profiles)
        self.questions = QuestionService(store, self.stages)  # questions between conferences (issue 20)
        self.auth = auth or AuthService(store)
        if user is None:  # no sign-in asked for (screenshots, tests): the store's first teacher, as a school
            # admin (whoever opens the file without signing in can read all of it anyway, as on the command line)
            account = ensure_teacher(store)
            user = SignedIn(replace(teacher_actor(account), admin=True), account.display_name,
                            account.username or "")
        self.user = user
        self.me: Actor = user.actor
        self.writer = Role.LEARNER if self.is_learner else Role.TEACHER
        self._learner_actors: dict[uuid.UUID, Actor] = {}

    @property
    def is_learner(self) -> bool:
        return self.me.role is Role.LEARNER

    @property
    def teacher(self) -> Actor:
        """The signed-in person, for reads and teacher actions (the services refuse a learner's attempt)."""
        return self.me

    def set_writer(self, role: Role) -> None:
        if self.is_learner:
            role = Role.LEARNER
        if role is not self.writer:
            self.writer = role
            self.writer_changed.emit(role.value)

    def actor(self, learner_id: uuid.UUID | None) -> Actor:
        """Who authors an edit on ``learner_id`` right now: the signed-in learner, the teacher, or (in a
        conference, "learner is writing") that learner."""
        if self.is_learner or self.writer is Role.TEACHER or learner_id is None:
            return self.me
        if learner_id not in self._learner_actors:
            self._learner_actors[learner_id] = learner_actor(self.profiles.learner_account(self.me, learner_id),
                                                             signed_in_id=self.me.account_id)
        return self._learner_actors[learner_id]
