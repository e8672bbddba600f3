"""Emoji and symbols DejaVu Sans lacks are drawn with the bundled fallback font (Symbola) in
the PDFs, never as empty boxes: read back with pypdf, every character shown is in the cmap of
the font it was drawn with, and copying the text gives the emoji back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFontFile

from stevnsmoeder import paths
from stevnsmoeder.reports import base
from stevnsmoeder.reports.meeting_pdf import write_meeting_document
from stevnsmoeder.services import documents, live, meetings, minutes, planning
from stevnsmoeder.services.context import ServiceContext

LoginFn = Callable[[str], ServiceContext]

# Not in DejaVu Sans: 🙂 👍 🎉 ✅ ❌ 📅 🏻 (a skin tone); in it already: ☀ ✔ ★ ❤ and the letters.
NOTES = "Godt møde 👍🏻 ✅ – næste gang 📅 med kage 🎉. Ikke ❌, men ☀ ✔ ★ ❤️"
# Read independently of reportlab's registry: the font files' own cmaps.
FILES = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    "Symbola": "Symbola.ttf",
}


@cache
def _cmap(name: str) -> frozenset[int]:
    face = TTFontFile(str(paths.font_path(FILES[name])))
    return frozenset(code for code, glyph in face.charToGlyph.items() if glyph)


def _drawn(pdf: Path) -> list[tuple[str, str]]:
    """(font, text) for every piece of text the PDF draws."""
    out: list[tuple[str, str]] = []

    def visit(text: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
        if text.strip() and font is not None:
            out.append((str(font["/BaseFont"]).split("+", 1)[-1], text))

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return out


def test_a_character_no_bundled_font_has_is_named_not_boxed() -> None:
    # 🥲 (Unicode 13) is newer than the fallback font: it reads as words, never as a box
    assert 0x1F972 not in _cmap("Symbola") and 0x1F972 not in _cmap("DejaVuSans")
    assert base.font_runs("Glad 🥲!") == [("Glad [smiling face with tear]!", False)]
    assert base.font_runs("🙂🥲") == [("🙂", True), ("[smiling face with tear]", False)]


def test_runs_split_where_dejavu_lacks_a_glyph() -> None:
    assert base.font_runs("Hej 🙂!") == [("Hej ", False), ("🙂", True), ("!", False)]
    # a variation selector stays with its emoji; a skin tone (a shaded square in a one-colour
    # font) is left out
    assert base.font_runs("ok 👍🏻️ ja") == [("ok ", False), ("👍️", True), (" ja", False)]
    assert base.font_runs("😀🏽") == [("😀", False)]  # DejaVu has this one
    assert base.font_runs("æøå – §") == [("æøå – §", False)]
    assert base.with_fallback("<b>Fint</b> 👍 &amp; 🎉") == (
        '<b>Fint</b> <font face="Symbola">👍</font> &amp; <font face="Symbola">🎉</font>'
    )
    assert base.with_fallback("Ingen emoji her") == "Ingen emoji her"


@pytest.fixture
def held(login: LoginFn) -> tuple[ServiceContext, meetings.MeetingSummary]:
    ctx = login("leder")
    m = meetings.create_meeting(
        ctx, meetings.NewMeeting("ftm", datetime(2026, 11, 24, 13), title="Sommer ☀️🙂")
    )
    plan = planning.get_plan(ctx, m.id)
    plan = planning.add_item(ctx, m.id, plan.revision, title="Lejrskole 🏕️", minutes=10)
    item = next(i for i in plan.items if i.title.startswith("Lejrskole"))
    live.start(ctx, m.id)
    minutes.save_text(ctx, item.id, "notes", NOTES)
    minutes.save_text(ctx, item.id, "decision", "Vi gør det 👍")  # after a bold label
    live.end(ctx, m.id)
    return ctx, m


def test_minutes_draw_emoji_with_the_fallback_font_and_no_notdef(
    held: tuple[ServiceContext, meetings.MeetingSummary], tmp_path: Path
) -> None:
    ctx, m = held
    pdf = tmp_path / "referat.pdf"
    write_meeting_document(documents.meeting_document(ctx, m.id, documents.MINUTES), pdf)
    drawn = _drawn(pdf)
    used = {font for font, _text in drawn}
    assert "Symbola" in used and "DejaVuSans" in used
    cmaps = {name: _cmap(name) for name in used}
    for font, text in drawn:
        missing = [c for c in text if not c.isspace() and ord(c) not in cmaps[font]]
        assert not missing, (font, text, missing)  # each would be an empty box (.notdef)
    in_symbola = "".join(text for font, text in drawn if font == "Symbola")
    for emoji in ("👍", "✅", "📅", "🎉", "❌", "🙂", "🏕"):
        assert emoji in in_symbola, emoji
    # the header (meeting title) and the heading's title too, and the copied text is right
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Lejrskole 🏕" in text and "Sommer ☀" in text
    assert "Godt møde 👍 ✅ – næste gang 📅 med kage 🎉." in text


def test_a_paragraph_split_over_pages_and_the_page_header_keep_the_fallback(
    tmp_path: Path,
) -> None:
    st = base.styles()
    data, pages = base.render_pdf(
        "Sagsforløb – Asta 🙂",
        lambda: [base.Paragraph("<b>Beslutning:</b> " + "Godt 👍 " * 900, st.body)],
        title="x",
    )
    assert pages >= 2
    pdf = tmp_path / "lang.pdf"
    pdf.write_bytes(data)
    drawn = _drawn(pdf)
    on_last = PdfReader(pdf).pages[-1].extract_text()
    assert "Sagsforløb – Asta 🙂" in on_last and "Godt 👍" in on_last
    assert [t for f, t in drawn if f == "Symbola"]
    for font, text in drawn:
        assert all(c.isspace() or ord(c) in _cmap(font) for c in text), (font, text)
