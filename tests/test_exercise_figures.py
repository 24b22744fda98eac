"""Exercise figures are shown as images with alt text and can hold the Mekong scripts."""
import base64
import re

from trainingkit.exercises.kit.figures import figure_html, font_family, new_figure, save_figure


def test_a_figure_is_shown_as_a_png_image_with_its_alt_text_escaped():
    fig = new_figure(2, 1)
    fig.add_subplot().set_title("Map")
    page = figure_html(fig, 'Map of "allies" & targets')
    assert 'alt="Map of &quot;allies&quot; &amp; targets"' in page
    data = re.search(r'src="data:image/png;base64,([^"]+)"', page).group(1)
    assert base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_font_list_starts_with_dejavu_and_adds_only_installed_script_fonts():
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    family = font_family()
    assert family[0] == "DejaVu Sans" and all(name in installed for name in family)


def test_text_in_thai_and_khmer_is_saved_without_missing_glyph_warnings(tmp_path, recwarn):
    fig = new_figure(3, 1)
    fig.text(0.1, 0.5, "แรงงานข้ามชาติ · ពលករចំណាកស្រុក")
    save_figure(fig, tmp_path / "scripts.png")
    missing = [str(w.message) for w in recwarn if "missing from font" in str(w.message)]
    if {"Noto Sans Thai", "Noto Sans Khmer"} <= set(font_family()):
        assert missing == []
    assert (tmp_path / "scripts.png").stat().st_size > 0
