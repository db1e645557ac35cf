"""Every string the UI shows has a Chinese translation, and the shipped .qm files match."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from resources.translations.catalogs import HERE, catalog_sources, release, update_ts


def unfinished(ts_path) -> list[str]:
    missing = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") == "unfinished" or not all((f or "").strip() for f in forms):
                missing.append(f"{name}: {message.findtext('source')!r}")
    return missing


@pytest.mark.parametrize("catalog", sorted(catalog_sources()))
def test_every_ui_string_is_translated_to_chinese(catalog, tmp_path):
    fresh = update_ts(catalog, "zh_CN", out=tmp_path / f"{catalog}_zh_CN.ts")
    missing = unfinished(fresh)
    assert not missing, (
        f"untranslated strings in {catalog}_zh_CN.ts (run `python -m "
        f"resources.translations.catalogs`, translate, run it again): {missing}"
    )


@pytest.mark.parametrize("catalog", sorted(catalog_sources()))
def test_shipped_qm_is_built_from_the_committed_ts(catalog, tmp_path):
    ts = HERE / f"{catalog}_zh_CN.ts"
    release(ts, tmp_path / "fresh.qm")
    shipped = ts.with_suffix(".qm")
    assert shipped.read_bytes() == (tmp_path / "fresh.qm").read_bytes(), (
        f"{shipped.name} is stale: run `python -m resources.translations.catalogs`"
    )


def test_every_import_problem_is_told_in_chinese(app, tmp_path):
    """The problems the importer finds (codes with line numbers, column names), in words."""
    from pathlib import Path

    from app.services.importer import read_units_file
    from ui.messages import describe

    fixtures = Path(__file__).parent.parent / "fixtures"
    missing_header = tmp_path / "missing.csv"
    missing_header.write_text("楼栋,房号\n3栋,1502\n", encoding="utf-8")
    problems = [
        e.error
        for path in (fixtures / "units_bad.csv", missing_header, tmp_path / "nowhere.csv")
        for e in read_units_file(path).errors
    ]
    assert len(problems) >= 10
    words = [describe(p, "zh_CN") for p in problems]
    english = [w for w in words if not any("\u4e00" <= c <= "\u9fff" for c in w)]
    assert not english, english
