"""Languages: what one extra participant language costs in build time and in the pack."""
from __future__ import annotations

import io
import sys
import tempfile
import zipfile
from pathlib import Path

from benchmarks.bench_build import _timed, copy_sources
from trainingkit.pack import zip_language_sites
from trainingkit.offline.fonts import font_assets


def zipped_size(folder: Path) -> int:
    """Bytes of the site as the pack ships it (a zip, deflated)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return buffer.tell()


def _build(root: Path, *args: str) -> float:
    seconds, _ = _timed([sys.executable, "-m", "trainingkit.cli", "build", *args], root)
    return seconds


def run():
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_sources(Path(tmp) / "course")
        _build(root, "--edition", "participant")   # cold: executes the notebooks once
        english = _build(root, "--edition", "participant")  # nothing changed: the baseline
        with_km = _build(root, "--edition", "participant", "--lang", "km")
        base = zipped_size(root / "_build/participant/html")
        out = root / "_build/pack"
        (pack_zip,), _ = zip_language_sites(root, {"km": "pilot"}, out)  # the file `trainingkit pack` writes
        extra = pack_zip.stat().st_size
        index = {site: (root / f"_build/{site}/html/searchindex.js").stat().st_size for site in ("participant", "participant-km")}
    fonts = sum(len(data) for name, data in font_assets().items() if name.endswith(".ttf"))
    return [
        ("participant rebuild, English only (s)", f"{english:.1f}", ""),
        ("participant rebuild + Khmer site, first time (s)", f"{with_km:.1f}", ""),
        ("one extra language adds (s)", f"{with_km - english:.1f}", ""),
        ("participant site zipped (MB)", f"{base / 1e6:.1f}", ""),
        ("participant-site-km.zip, added to the pack (MB)", f"{extra / 1e6:.1f}", ""),
        ("of which: bundled Noto fonts, in every site (MB, unzipped)", f"{fonts / 1e6:.2f}", ""),
        ("search index, English / Khmer site (KB)", f"{index['participant'] / 1e3:.0f} / {index['participant-km'] / 1e3:.0f}", ""),
    ]
