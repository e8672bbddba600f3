"""Every string in the window has a Danish translation, and the compiled file is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "stevnsmoeder_da.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def _messages(path: Path) -> dict[str, tuple[str | None, str | None]]:
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            result[f"{name}|{msg.findtext('source')}"] = (tr.text, tr.get("type"))
    return result


def test_all_ui_strings_are_translated_and_compiled(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy2(TS, fresh)
    ui_files = sorted(str(p) for p in (ROOT / "stevnsmoeder" / "ui").glob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none", *ui_files,
         "-ts", str(fresh)],
        check=True, capture_output=True,
    )  # fmt: skip
    committed, current = _messages(TS), _messages(fresh)
    assert set(current) == set(committed), "run scripts/update-translations"
    untranslated = [key for key, (text, kind) in current.items() if not text or kind]
    assert untranslated == []

    qm = tmp_path / "fresh.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == QM.read_bytes(), "run scripts/update-translations"
