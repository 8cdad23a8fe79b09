"""What the widgets share: the open store, the services and who is writing."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal

from plprofile.domain.profile import Actor, Role
from plprofile.services.accounts import ensure_teacher, learner_actor, teacher_actor
from plprofile.services.profiles import ProfileService
from plprofile.services.stages import StagesService
from plprofile.store.engine import Store


class AppContext(QObject):
    """The session: store, services, the signed-in teacher and the role now writing in a conference."""

    writer_changed = Signal(str)
    profile_changed = Signal(object)  # learner id whose data changed

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.profiles = ProfileService(store)
        self.stages = StagesService(store, self.profiles)
        self.teacher = teacher_actor(ensure_teacher(store))
        self.writer = Role.TEACHER
        self._learner_actors: dict[uuid.UUID, Actor] = {}

    def set_writer(self, role: Role) -> None:
        if role is not self.writer:
            self.writer = role
            self.writer_changed.emit(role.value)

    def actor(self, learner_id: uuid.UUID | None) -> Actor:
        """Who authors an edit on ``learner_id`` right now: the teacher, or that learner."""
        if self.writer is Role.TEACHER or learner_id is None:
            return self.teacher
        if learner_id not in self._learner_actors:
            self._learner_actors[learner_id] = learner_actor(self.profiles.learner_account(learner_id))
        return self._learner_actors[learner_id]
