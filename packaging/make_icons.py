"""Render the app icon (resources/icons/plprofile.svg) to every format the installers need.

    python packaging/make_icons.py            # from the repository root

Writes, next to the SVG:

- ``hicolor/<n>x<n>/apps/org.plprofile.PLProfile.png`` for n in 16 24 32 48 64 128 256 512 (freedesktop),
  plus ``hicolor/scalable/apps/org.plprofile.PLProfile.svg`` (a copy of the SVG);
- ``plprofile.ico`` (Windows: 16-256 px in one file) and ``plprofile.icns`` (macOS: 16-1024 px), only when
  Pillow is importable (``pip install pillow``; matplotlib already depends on it). Without Pillow those two are
  skipped with a message, and the PNGs are still written.

The PNGs are drawn by Qt's own SVG renderer (``PySide6.QtSvg``, part of PySide6-Essentials) at each size, not
scaled down from one big bitmap, so small sizes stay sharp. Run it again after changing the SVG and commit the
results: the build does not render icons.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

APP_ID = "org.plprofile.PLProfile"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "plprofile.svg"


def render(svg: Path, size: int):  # noqa: ANN201 - a QImage
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def hicolor_png(size: int, icons: Path = ICONS) -> Path:
    return icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage/QPainter need it

    written: list[Path] = []
    for size in HICOLOR_SIZES:
        target = hicolor_png(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(SVG, size).save(str(target), "PNG"):
            raise SystemExit(f"make_icons: could not write {target}")
        written.append(target)
    scalable = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    written.append(scalable)

    try:
        from PIL import Image
    except ImportError:
        print("make_icons: Pillow is not installed: skipping plprofile.ico and plprofile.icns "
              "(pip install pillow, then run this again)", file=sys.stderr)
    else:
        import io

        def pil(size: int) -> Image.Image:
            from PySide6.QtCore import QBuffer, QIODevice

            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            render(SVG, size).save(buffer, "PNG")
            return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")

        ico_images = [pil(n) for n in ICO_SIZES]
        ico = ICONS / "plprofile.ico"
        ico_images[-1].save(ico, format="ICO", sizes=[(n, n) for n in ICO_SIZES], append_images=ico_images[:-1])
        written.append(ico)
        icns_images = [pil(n) for n in ICNS_SIZES]
        icns = ICONS / "plprofile.icns"
        icns_images[-1].save(icns, format="ICNS", append_images=icns_images[:-1])
        written.append(icns)

    for path in written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
