"""What every stevnsmoeder PDF shares: embedded fonts, styles and the page frame.

Fonts are the bundled DejaVu Sans, registered as reportlab's default so no unembedded
base-14 font (Helvetica) remains in any document. Every page has a header with the document
and meeting, "Side X af Y", and the confidentiality footer.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from stevnsmoeder import paths
from stevnsmoeder.i18n import _

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_registered = False


def register_fonts() -> None:
    """Register the bundled fonts once and make them reportlab's defaults."""
    global _registered
    if _registered:
        return
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(paths.font_path(filename))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    rl_config.canvas_basefontname = FONT
    _registered = True


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle


def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=10, leading=13.5, alignment=TA_LEFT, spaceAfter=4
    )
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=17, leading=21,
                             spaceAfter=8),
        heading=ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=12,
                               leading=15, spaceBefore=8, spaceAfter=4),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10,
                             textColor=colors.HexColor("#444444")),
    )  # fmt: skip


MARGIN_X = 20 * mm
HEADER_Y = 12 * mm  # from the top edge


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no types
    """Keeps each finished page until the end, then writes "Side X af Y" on all of them: one
    layout pass instead of two (the well-known reportlab recipe)."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            width, height = self._pagesize
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(colors.HexColor("#333333"))
            self.drawRightString(
                width - MARGIN_X,
                height - HEADER_Y,
                _("Page {page} of {total}", page=self._pageNumber, total=total),
            )
            self.restoreState()
            super().showPage()
        super().save()


class _FramedDoc(SimpleDocTemplate):  # type: ignore[misc]  # reportlab has no types
    """The page frame: watermark, header and the confidentiality footer."""

    def __init__(self, target: Any, header: str, watermark: str | None, **kw: Any) -> None:
        super().__init__(target, **kw)
        self.header_text = header
        self.watermark = watermark

    def _frame(self, canvas: Any, doc: Any) -> None:
        width, height = self.pagesize
        canvas.saveState()
        if self.watermark:
            # Light grey and diagonal: readable text stays readable in black and white.
            canvas.saveState()
            canvas.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.25))
            canvas.setFont(FONT_BOLD, 96)
            canvas.translate(width / 2, height / 2)
            canvas.rotate(45)
            canvas.drawCentredString(0, -30, self.watermark)
            canvas.restoreState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.HexColor("#333333"))
        canvas.drawString(self.leftMargin, height - HEADER_Y, self.header_text)
        canvas.setFont(FONT_ITALIC, 7.5)
        canvas.drawString(
            self.leftMargin,
            10 * mm,
            _("Confidential – contains sensitive personal data"),
        )
        canvas.restoreState()


def render_pdf(
    header: str,
    story: Callable[[], Sequence[Flowable]],
    *,
    title: str,
    watermark: str | None = None,
) -> tuple[bytes, int]:
    """The PDF in memory, and its number of pages. Nothing touches the disk: a preview of a
    child's minutes never leaves an unencrypted copy behind."""
    register_fonts()
    buffer = io.BytesIO()
    doc = _FramedDoc(
        buffer,
        header,
        watermark,
        pagesize=A4,
        title=title,
        author="Stevns Kommune",
        creator="stevnsmoeder",
    )
    doc.topMargin = doc.bottomMargin = 22 * mm
    doc.leftMargin = doc.rightMargin = MARGIN_X
    doc.build(
        list(story()), onFirstPage=doc._frame, onLaterPages=doc._frame, canvasmaker=_NumberedCanvas
    )
    return buffer.getvalue(), doc.page


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside ``path`` and rename into place: a failure never leaves half a file, and
    an existing file is replaced only by a complete one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".stevnsmoeder-", suffix=".pdf", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def build_pdf(
    path: Path,
    header: str,
    story: Callable[[], Sequence[Flowable]],
    *,
    title: str,
    watermark: str | None = None,
) -> int:
    """Write the story to ``path`` as an A4 PDF (atomically); returns the number of pages."""
    data, pages = render_pdf(header, story, title=title, watermark=watermark)
    write_atomically(path, data)
    return pages
