"""Emoji and symbols DejaVu Sans lacks are drawn in the window with the bundled fallback font
(Symbola), never as empty boxes: in plain text, in rich text (a search excerpt) and painted."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QGlyphRun, QTextDocument, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from stevnsmoeder.ui.app import FALLBACK_FAMILY, FONT_FAMILY, create_application

TEXT = "Godt møde 👍 ✅ – næste gang 📅 med kage 🎉 🙂"
EMOJI = {"👍", "✅", "📅", "🎉", "🙂"}


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _runs(layout: QTextLayout) -> list[QGlyphRun]:
    return list(layout.glyphRuns())


def _laid_out(text: str, font: QFont) -> QTextLayout:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine().setLineWidth(2000)
    layout.endLayout()
    return layout


def _check(runs: list[QGlyphRun]) -> None:
    families = [run.rawFont().familyName() for run in runs]
    assert FALLBACK_FAMILY in families and FONT_FAMILY in families, families
    for run in runs:
        assert 0 not in list(run.glyphIndexes()), run.rawFont().familyName()  # .notdef: a box
    fallback = [run for run in runs if run.rawFont().familyName() == FALLBACK_FAMILY]
    drawn = sum(len(run.glyphIndexes()) for run in fallback)
    assert drawn >= len(EMOJI)
    for emoji in EMOJI:  # each emoji has its glyph in the fallback font
        assert fallback[0].rawFont().supportsCharacter(ord(emoji)), emoji


def test_the_application_font_names_the_fallback() -> None:
    font = QApplication.font()
    assert font.families() == [FONT_FAMILY, FALLBACK_FAMILY]
    assert FALLBACK_FAMILY in QFontDatabase.families()


def test_plain_text_draws_emoji_with_the_fallback(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel(TEXT)
    qtbot.addWidget(label)
    _check(_runs(_laid_out(TEXT, label.font())))
    bold = QFont(label.font())
    bold.setBold(True)  # as a heading or a bold table cell
    _check(_runs(_laid_out(TEXT, bold)))
    label.resize(label.sizeHint())
    label.grab().save("/tmp/shots/emoji-label.png")


def test_rich_text_draws_emoji_with_the_fallback() -> None:
    doc = QTextDocument()
    doc.setDefaultFont(QApplication.font())
    doc.setHtml(f"Referat: <b>{TEXT}</b>")  # as a search excerpt with its matches in bold
    it = doc.firstBlock().begin()
    fragments = []
    while not it.atEnd():
        fragments.append(it.fragment())
        it += 1
    bold = next(f for f in fragments if f.charFormat().font().bold())
    font = bold.charFormat().font()
    assert font.families() == [FONT_FAMILY, FALLBACK_FAMILY]  # the excerpt keeps the fallback
    _check(_runs(_laid_out(bold.text(), font)))
