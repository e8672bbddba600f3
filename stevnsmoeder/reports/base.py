"""What every stevnsmoeder PDF shares: embedded fonts, styles and the page frame.

Fonts are the bundled DejaVu Sans, registered as reportlab's default so no unembedded
base-14 font (Helvetica) remains in any document. reportlab has no font fallback of its own:
characters DejaVu Sans lacks (emoji, many symbols) are drawn with the bundled Symbola, split
into runs of their own at the paragraph level (``Paragraph``, ``draw_string``) by reading
which font's cmap has the glyph, so none is drawn as an empty box. Every page has a header
with the document and meeting, "Side X af Y", and the confidentiality footer.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate
from reportlab.platypus import Paragraph as _Paragraph

from stevnsmoeder import paths
from stevnsmoeder.i18n import _

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
FONT_FALLBACK = "Symbola"  # emoji and symbols; one face serves bold and italic text too
_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    FONT_FALLBACK: "Symbola.ttf",
}
_registered = False


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF written as the UTF-16
    surrogate pair PDF asks for: reportlab writes U+1F642 as <1F642>, which readers take for
    broken UTF-16, so a copied or searched emoji came out as another character."""

    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{utf16(code)}>" for i, code in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


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
    pdfmetrics.registerFontFamily(
        FONT_FALLBACK,
        normal=FONT_FALLBACK,
        bold=FONT_FALLBACK,
        italic=FONT_FALLBACK,
        boldItalic=FONT_FALLBACK,
    )
    rl_config.canvas_basefontname = FONT
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # see there: reportlab's own breaks emoji
    _registered = True


# -- characters DejaVu Sans lacks ---------------------------------------------------------------


def glyphs(font_name: str) -> frozenset[int]:
    """The characters a registered TrueType font has a glyph for (its cmap, without .notdef)."""
    register_fonts()
    face = pdfmetrics.getFont(font_name).face
    return frozenset(code for code, glyph in face.charToGlyph.items() if glyph)


@cache
def _coverage() -> tuple[frozenset[int], frozenset[int]]:
    """What every DejaVu face has (text may be bold or italic), and what the fallback has."""
    faces = [glyphs(name) for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC)]
    return frozenset.intersection(*faces), glyphs(FONT_FALLBACK)


def _joins(char: str) -> bool:
    """A mark, a format character (zero-width joiner) or a variation selector: it goes with
    the character before it, in that character's font."""
    return unicodedata.category(char) in ("Mn", "Me", "Cf") or 0xFE00 <= ord(char) <= 0xFE0F


SKIN_TONES = range(0x1F3FB, 0x1F400)  # the emoji modifiers: colours a one-colour font lacks


@cache
def _drawable() -> frozenset[int]:
    """What some bundled font can draw: the rest is named in words instead."""
    return glyphs(FONT) | _coverage()[1]


def _named(char: str) -> str:
    """A character no bundled font has (an emoji newer than the fallback font), in words
    rather than as an empty box: "[smiling face with tear]"."""
    name = unicodedata.name(char, "")
    return f"[{name.lower()}]" if name else f"[U+{ord(char):04X}]"


def font_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` in runs, each with whether it is drawn with the fallback font: a character
    the DejaVu faces lack and the fallback has. One no bundled font has is named in words
    (in DejaVu Sans). A skin tone after an emoji is left out: the fallback draws it as a
    shaded square beside the emoji, which reads as an empty box."""
    main, fallback = _coverage()
    drawable = _drawable()
    runs: list[tuple[str, bool]] = []
    for char in text:
        code = ord(char)
        if code in SKIN_TONES and runs and not runs[-1][0][-1].isspace():
            continue
        if code not in drawable and not _joins(char) and unicodedata.category(char)[0] in "LNPS":
            named = _named(char)
            if runs and not runs[-1][1]:
                runs[-1] = (runs[-1][0] + named, False)
            else:
                runs.append((named, False))
            continue
        if runs and _joins(char) and (not runs[-1][1] or code in fallback):
            use = runs[-1][1]
        else:
            use = code not in main and code in fallback
        if runs and runs[-1][1] == use:
            runs[-1] = (runs[-1][0] + char, use)
        else:
            runs.append((char, use))
    return runs


_MARKUP = re.compile(r"(<[^>]*>|&#?\w+;)")  # reportlab's tags and entities


def with_fallback(markup: str) -> str:
    """Paragraph markup with every run DejaVu Sans lacks put in the fallback font."""
    main, _fallback = _coverage()
    if all(ord(char) in main for char in markup):
        return markup
    parts = _MARKUP.split(markup)
    for n in range(0, len(parts), 2):  # the text between tags and entities
        parts[n] = "".join(
            f'<font face="{FONT_FALLBACK}">{run}</font>' if use else run
            for run, use in font_runs(parts[n])
        )
    return "".join(parts)


class Paragraph(_Paragraph):  # type: ignore[misc]  # reportlab has no types
    """reportlab's Paragraph, drawing what DejaVu Sans lacks with the fallback font."""

    def __init__(self, text: Any, style: Any = None, *args: Any, **kw: Any) -> None:
        # (a paragraph split over two pages is made again from its parts: text None)
        super().__init__(with_fallback(text) if isinstance(text, str) else text, style, *args, **kw)


def draw_string(canvas: Any, x: float, y: float, text: str, font: str, size: float) -> None:
    """One line on a canvas, like drawString, with the fallback font where DejaVu Sans lacks
    a character (one text object, so the line reads back as one)."""
    line = canvas.beginText(x, y)
    for run, use in font_runs(text):
        line.setFont(FONT_FALLBACK if use else font, size)
        line.textOut(run)
    canvas.drawText(line)


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

    def __init__(
        self, target: Any, header: str, watermark: str | None, footer: str | None, **kw: Any
    ) -> None:
        super().__init__(target, **kw)
        self.header_text = header
        self.watermark = watermark
        self.footer = footer

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
        canvas.setFillColor(colors.HexColor("#333333"))
        draw_string(canvas, self.leftMargin, height - HEADER_Y, self.header_text, FONT, 8)
        canvas.setFont(FONT_ITALIC, 7.5)
        canvas.drawString(
            self.leftMargin,
            10 * mm,
            self.footer or _("Confidential – contains sensitive personal data"),
        )
        canvas.restoreState()


def render_pdf(
    header: str,
    story: Callable[[], Sequence[Flowable]],
    *,
    title: str,
    watermark: str | None = None,
    footer: str | None = None,
) -> tuple[bytes, int]:
    """The PDF in memory, and its number of pages. Nothing touches the disk: a preview of a
    child's minutes never leaves an unencrypted copy behind. ``footer`` replaces the
    confidentiality line (for a document with no personal data in it)."""
    register_fonts()
    buffer = io.BytesIO()
    doc = _FramedDoc(
        buffer,
        header,
        watermark,
        footer,
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
