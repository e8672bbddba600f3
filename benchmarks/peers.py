"""The secretary's alternative today: the same minutes as a Word document, converted to PDF by
LibreOffice (headless). Measured beside stevnsmoeder's own PDF in the same run."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from stevnsmoeder.domain.dates import long_date, short_date
from stevnsmoeder.model.documents import MeetingDocument


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def write_docx(doc: MeetingDocument, path: Path) -> None:
    """The minutes with the same content as the PDF: header, participants, numbered items
    with notes, decision, actions table, level and follow-up."""
    from docx import Document  # python-docx

    out = Document()
    out.add_heading("Referat", level=0)
    out.add_heading(doc.title, level=1)
    out.add_paragraph(long_date(doc.starts_at.date()))
    if doc.place:
        out.add_paragraph(f"Sted: {doc.place}")
    table = out.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Navn", "Rolle", "Organisation"), strict=True):
        cell.text = text
    for p in doc.people:
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = p.name, p.role, p.organisation
    out.add_heading("Punkter", level=1)
    for item in doc.items:
        out.add_heading(f"{item.number}. {item.title}", level=2)
        if item.child:
            out.add_paragraph(f"Barn: {item.child} · Lovgrundlag: {item.basis}")
        r = item.record
        for text in (r.concern, r.resources, r.goals, r.notes, r.family_view):
            if text:
                out.add_paragraph(text)
        if r.decision:
            out.add_paragraph(f"Beslutning: {r.decision}")
        if r.actions:
            actions = out.add_table(rows=1, cols=3)
            for cell, text in zip(actions.rows[0].cells, ("Hvem", "Hvad", "Hvornår"), strict=True):
                cell.text = text
            for a in r.actions:
                row = actions.add_row().cells
                row[0].text, row[1].text = a.owner, a.text
                row[2].text = short_date(a.due_on) if a.due_on else ""
        if r.level:
            out.add_paragraph(f"Trivselslinealen: {r.level} – {r.level_label}")
    out.save(str(path))


def convert_with_libreoffice(docx: Path, repeats: int) -> list[float]:
    """Seconds per `soffice --headless --convert-to pdf` (a fresh process each time, as a
    secretary's conversion is; the profile is created once beforehand)."""
    binary = soffice()
    if binary is None:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        outdir = Path(tmp) / "out"
        command = [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=180)  # profile
        times = []
        for _ in range(repeats):
            began = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, timeout=180)
            times.append(time.perf_counter() - began)
        if not (outdir / (docx.stem + ".pdf")).exists():
            return []
        return times


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None
