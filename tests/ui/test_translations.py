"""Every string in the window has a Danish translation, and the compiled file is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "stevnsmoeder_da.ts"
TS_EN = TS.with_name("stevnsmoeder_en.ts")
BIN = Path(sys.executable).parent


def _messages(path: Path) -> dict[str, tuple[str | None, str | None]]:
    """Each message's translation (a count's forms joined by "|"; empty when one is missing)
    and its type ("unfinished" …)."""
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            text = tr.text
            if msg.get("numerus") == "yes":
                forms = [f.text or "" for f in tr.iter("numerusform")]
                text = "|".join(forms) if len(forms) == 2 and all(forms) else ""
            result[f"{name}|{msg.findtext('source')}"] = (text, tr.get("type"))
    return result


@pytest.mark.parametrize(
    ("ts", "options"),
    [
        (TS, []),
        # English is the source language: its file holds only the counts' singular and plural.
        (TS_EN, ["-pluralonly", "-source-language", "en", "-target-language", "en"]),
    ],
    ids=["da", "en"],
)
def test_all_ui_strings_are_translated_and_compiled(
    tmp_path: Path, ts: Path, options: list[str]
) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy2(ts, fresh)
    ui_files = sorted(str(p) for p in (ROOT / "stevnsmoeder" / "ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none", *options,
         *ui_files, "-ts", str(fresh)],
        check=True, capture_output=True,
    )  # fmt: skip
    committed, current = _messages(ts), _messages(fresh)
    assert set(current) == set(committed), "run scripts/update-translations"
    untranslated = [key for key, (text, kind) in current.items() if not text or kind]
    assert untranslated == []

    qm = tmp_path / "fresh.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run scripts/update-translations"
