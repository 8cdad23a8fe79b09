"""Placeholder until the Stages page lands: keeps the hooks the rest of the UI calls."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class StagesPage(QWidget):
    def __init__(self, ctx, on_change, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        QVBoxLayout(self).addWidget(QLabel(self.tr("Stages of Personalized Learning")))

    def show_profile(self, view) -> None:  # noqa: ANN001
        pass

    def show_chart(self, name: str) -> None:
        pass
