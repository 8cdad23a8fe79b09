"""A pairing code shown to a learner's device: as a QR code (segno) and as short words to type (the words read
back into the same code on the device)."""

from __future__ import annotations

import io

from PySide6.QtCore import QLocale
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


def qr_pixmap(text: str, scale: int = 6) -> QPixmap:
    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=scale, border=3)
    pixmap = QPixmap()
    pixmap.loadFromData(out.getvalue(), "PNG")
    return pixmap


class ShowCodeDialog(QDialog):
    """Type or paste the hub's address and a learner's pairing code: the QR code and the words show."""

    def __init__(self, parent: QWidget | None, address: str = "", code: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Show a pairing code to a device"))
        self.setMinimumWidth(max(480, self.fontMetrics().averageCharWidth() * 56))
        self.address = QLineEdit(address)
        self.address.setAccessibleName(self.tr("Hub address"))
        self.code = QLineEdit(code)
        self.code.setAccessibleName(self.tr("Pairing code"))
        form = QFormLayout()
        form.addRow(self.tr("Hub &address:"), self.address)
        form.addRow(self.tr("Pairing &code:"), self.code)
        self.qr = QLabel()
        self.qr.setAccessibleName(self.tr("QR code of the pairing code"))
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(self.words.textInteractionFlags().TextSelectableByMouse)
        font = self.words.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.words.setFont(font)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.qr)
        layout.addWidget(self.words)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.address.textChanged.connect(self.show_code)
        self.code.textChanged.connect(self.show_code)
        self.show_code()

    def show_code(self) -> None:
        from plprofile.sync.pairing import code_to_words

        address, code = self.address.text().strip(), self.code.text().strip().upper()
        self.qr.clear()
        self.words.clear()
        self.message.clear()
        if not code:
            self.message.setText(self.tr("Paste the learner's pairing code from the school's admin."))
            return
        try:
            words = code_to_words(code, QLocale().name()[:2])
        except ValueError:
            self.message.setText(self.tr("That is not a pairing code (it looks like ABCD-EFGH-IJKL-MNOP-…)."))
            return
        self.qr.setPixmap(qr_pixmap(f"{address.rstrip('/')}#{code}" if address else code))
        self.words.setText(" ".join(words))
        self.message.setText(self.tr("On the learner's device: File → Connect to the school hub…, then scan "
                                     "or type these words as the code."))
