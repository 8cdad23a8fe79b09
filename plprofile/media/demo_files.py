"""The demo class's evidence files, made on the spot (no downloads): pictures drawn with QPainter, saved as PNG,
and a short recording of tones as a WAV."""

from __future__ import annotations

import io
import math
import wave

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from plprofile.domain.evidence_files import Media, Prepared

from .prepare import _encode, prepare_bytes


def _canvas(width: int = 960, height: int = 720, sky: str = "#bfe3ff") -> tuple[QImage, QPainter]:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(sky))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return image, painter


def volcano_model() -> bytes:
    """A photo-like drawing of a science-fair volcano model on a table."""
    image, p = _canvas(sky="#f4efe6")
    p.fillRect(QRectF(0, 520, 960, 200), QColor("#a8794f"))  # the table
    p.setPen(QPen(QColor("#5b3b22"), 4))
    p.drawLine(0, 520, 960, 520)
    cone = QPolygonF([QPointF(220, 540), QPointF(430, 210), QPointF(530, 210), QPointF(740, 540)])
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(QColor("#6d5843")))
    p.drawPolygon(cone)
    lava = QPainterPath(QPointF(430, 212))
    lava.cubicTo(QPointF(400, 300), QPointF(470, 330), QPointF(440, 420))
    lava.lineTo(QPointF(470, 420))
    lava.cubicTo(QPointF(500, 330), QPointF(540, 300), QPointF(530, 212))
    p.setBrush(QBrush(QColor("#e2572b")))
    p.drawPath(lava)
    p.setBrush(QBrush(QColor(235, 235, 235, 200)))
    for i, r in enumerate((38, 52, 64)):
        p.drawEllipse(QPointF(480 + 30 * math.sin(i), 170 - 60 * i), r, r * 0.75)
    p.setBrush(QBrush(QColor("#ffffff")))
    p.drawRect(QRectF(760, 440, 150, 90))  # the label card
    p.setPen(QPen(QColor("#3a3a3a"), 3))
    for y in (465, 485, 505):
        p.drawLine(780, y, 890, y)
    p.end()
    return _encode(image, Media.PNG)


def recycling_poster() -> bytes:
    """A poster for the class bins: three bins and a recycling arrow."""
    image, p = _canvas(sky="#fffbe8")
    colours = ("#2e8b57", "#1e6fd9", "#f2b705")
    for i, colour in enumerate(colours):
        x = 120 + i * 260
        p.setPen(QPen(QColor("#333333"), 5))
        p.setBrush(QBrush(QColor(colour)))
        p.drawRoundedRect(QRectF(x, 360, 200, 260), 18, 18)
        p.drawRect(QRectF(x - 12, 330, 224, 36))
    p.setPen(QPen(QColor("#2e8b57"), 22, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(Qt.BrushStyle.NoBrush)
    for start in (90, 210, 330):
        p.drawArc(QRectF(370, 60, 220, 220), start * 16, 90 * 16)
    p.end()
    return _encode(image, Media.PNG)


def tones(notes: tuple[float, ...] = (392.0, 440.0, 494.0, 523.3, 494.0, 440.0), seconds: float = 0.3) -> bytes:
    """A short recording (8 kHz, 8-bit mono WAV) of a few notes, as a learner's practice might sound."""
    rate = 8000
    frames = bytearray()
    for note in notes:
        for i in range(int(rate * seconds)):
            fade = min(1.0, i / 400, (rate * seconds - i) / 400)
            frames.append(128 + int(90 * fade * math.sin(2 * math.pi * note * i / rate)))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return out.getvalue()


def demo_files() -> dict[str, list[tuple[str, Prepared]]]:
    """Goal statement (as the demo class has them) -> the files a learner adds to it, with their note."""
    return {
        "Finish my science project on time": [
            ("My volcano model, tested", prepare_bytes(volcano_model(), "volcano-model.png"))],
        "Start a recycling team for our classroom": [
            ("Our poster for the bins", prepare_bytes(recycling_poster(), "bins-poster.png"))],
        "Present my project to the class": [
            ("My practice recording", prepare_bytes(tones(), "practice.wav"))],
    }
