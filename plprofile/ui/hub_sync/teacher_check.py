"""A teacher says yes before a learner's device leaves the school hub: their sign-in name and password, with
words for the learner about why."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class TeacherCheckDialog(QDialog):
    """Asks for a teacher's name and password; ``teacher`` is (name, password) once accepted."""

    def __init__(self, parent: QWidget | None, learner_name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A teacher's yes"))
        self.setMinimumWidth(max(420, self.fontMetrics().averageCharWidth() * 52))
        self.why = QLabel(self.tr(
            "Only a teacher can take this device off the school. That way nobody can take {name}'s profile off "
            "it by mistake. Your work stays safe at school.\n\nAsk your teacher to type their name and password "
            "here.").format(name=learner_name))
        self.why.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Teacher's sign-in name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Teacher's password"))
        form = QFormLayout()
        form.addRow(self.tr("Teacher's &name:"), self.name)
        form.addRow(self.tr("Teacher's &password:"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(self.tr("&Take it off"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.teacher: tuple[str, str] | None = None

    def _accept(self) -> None:
        if self.name.text().strip() and self.password.text():
            self.teacher = (self.name.text().strip(), self.password.text())
            self.accept()
