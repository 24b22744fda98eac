"""Accessibility in the sources: alt text for every image and chart, headings that do not skip a
level, and custom colours with WCAG AA contrast."""
import re

import pytest
import tinycss2

from trainingkit.check import check_course

from conftest import REPO
from coursefactory import code, edit_notebook, markdown

SESSION = "modules/day1/d1-s2-topic.ipynb"


def problems(root):
    return [str(f) for f in check_course(root)]


def add_cells(root, *cells):
    edit_notebook(root / SESSION, lambda nb: nb.cells.extend(cells))


# --- images ------------------------------------------------------------------------------------


def test_markdown_image_with_empty_alt_text_is_reported(course_dir):
    add_cells(course_dir, markdown("## Map\n\n![](corridors.png)\n\n![Corridors from Cambodia to Thailand](map.png)"))
    assert problems(course_dir) == [f"{SESSION}:2: image 'corridors.png' has empty alt text: describe it in ![…](corridors.png)"]


def test_html_image_without_alt_is_reported_and_one_with_alt_passes(course_dir):
    add_cells(course_dir, markdown('## Logo\n\n<img src="logo.png" width="80">\n\n<img src="flag.png" alt="ASEAN flag">'))
    assert problems(course_dir) == [
        f'{SESSION}:2: HTML image <img src="logo.png" width="80"> has no alt text: add alt="…" saying what it shows'
    ]


def test_image_directive_needs_an_alt_option(course_dir):
    add_cells(course_dir, markdown("## Maps\n\n```{figure} map.png\n:width: 60%\n\nThe corridors.\n```\n\n"
                                   "```{image} ok.png\n:alt: The Mekong corridors\n```"))
    assert problems(course_dir) == [f"{SESSION}:2: {{figure}} 'map.png' has no :alt: option: add one saying what it shows"]


def test_front_page_images_are_checked_too(course_dir):
    (course_dir / "book/index.md").write_text("# Test book\n\n![ ](cover.jpg)\n")
    assert problems(course_dir) == ["book/index.md: image 'cover.jpg' has empty alt text: describe it in ![…](cover.jpg)"]


CHART_MESSAGE = ("this cell draws a chart without alt text: show it with its alt text "
                 "(e.g. figure_html(fig, alt, caption)) or set the cell metadata mystnb: image: alt:")


def test_cell_that_draws_with_pyplot_and_gives_no_alt_text_is_reported(course_dir):
    add_cells(course_dir, code("import matplotlib.pyplot as plt"), code("fig, ax = plt.subplots()\nax.bar(['KH', 'TH'], [3, 5])"))
    assert problems(course_dir) == [f"{SESSION}:3: {CHART_MESSAGE}"]


def test_pandas_plot_without_alt_text_is_reported(course_dir):
    add_cells(course_dir, code("import pandas as pd\nflows = pd.Series([3, 5], index=['KH', 'TH'])\nflows.plot.bar()"))
    assert problems(course_dir) == [f"{SESSION}:2: {CHART_MESSAGE}"]


def test_chart_shown_with_alt_text_or_alt_metadata_passes(course_dir):
    with_alt = code(
        "from matplotlib.figure import Figure\nfrom trainingkit.evaluation.charts import figure_html\n"
        "fig = Figure()\nfig.subplots().bar(['KH', 'TH'], [3, 5])\n"
        "alt = 'Bar chart: 3 from Cambodia, 5 from Thailand'\nfigure_html(fig, alt, 'Trainees by country')"
    )
    with_metadata = code("import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])")
    with_metadata.metadata["mystnb"] = {"image": {"alt": "A line rising from 1 to 3"}}
    setup_only = code("import matplotlib.pyplot as plt\nplt.close('all')\nplt.style.use('default')")
    add_cells(course_dir, with_alt, with_metadata, setup_only)
    assert problems(course_dir) == []


# --- headings ----------------------------------------------------------------------------------


def test_heading_that_skips_a_level_is_reported(course_dir):
    add_cells(course_dir, markdown("## Activity\n\n#### Step 1\n\nMap the corridors."))
    assert problems(course_dir) == [f"{SESSION}:2: heading '#### Step 1' skips a level after H2: make it ###"]


def test_a_session_page_must_not_repeat_the_title_as_h1(course_dir):
    add_cells(course_dir, markdown("# Labour migration\n\nText."))
    assert problems(course_dir) == [
        f"{SESSION}:2: heading '# Labour migration': the build writes the page title as the only H1; start this page's headings at ##"
    ]


def test_a_skip_left_by_removing_trainer_notes_is_reported(course_dir):
    # Trainer edition: ## → ### → ####; participant edition (no trainer cell): ## → ####.
    add_cells(course_dir, markdown("## Activity"), markdown("### Preparation", tags=["trainer"]), markdown("#### Step 1"))
    assert problems(course_dir) == [f"{SESSION}:4: heading '#### Step 1' skips a level after H2: make it ###"]


def test_front_page_starts_at_h1_and_code_blocks_are_not_headings(course_dir):
    (course_dir / "book/index.md").write_text("# Test book\n\n```python\n# a comment\n```\n\n### Who it is for\n")
    assert problems(course_dir) == ["book/index.md: heading '### Who it is for' skips a level after H1: make it ##"]


# --- contrast ----------------------------------------------------------------------------------


def luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of #rgb or #rrggbb."""
    h = hex_colour.lstrip("#")
    h = "".join(c * 2 for c in h) if len(h) == 3 else h
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_gives_the_wcag_reference_values():
    assert contrast("#000", "#fff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes AA


def colour_rules(css: str) -> dict[str, dict[str, str]]:
    """{selector: {color, background}} of every rule that sets a colour or background, at any
    nesting (rules inside @media too)."""
    found = {}

    def walk(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                decls = tinycss2.parse_declaration_list(rule.content, skip_whitespace=True, skip_comments=True)
                values = {d.lower_name: tinycss2.serialize(d.value).strip() for d in decls if d.type == "declaration"}
                colours = {k: v for k, v in values.items() if k in ("color", "background", "background-color")}
                if colours:
                    found[tinycss2.serialize(rule.prelude).strip()] = colours
            elif rule.type == "at-rule" and rule.content is not None:
                walk(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True))

    walk(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))
    return found


def test_custom_styles_declare_text_and_background_together_with_aa_contrast():
    # the site's own styles, and the printed packs'
    rules = {**colour_rules((REPO / "_static/trainingkit.css").read_text()), **colour_rules((REPO / "trainingkit/pack/pack.css").read_text())}
    assert len(rules) >= 8  # trainer notes, their title and icon, model answers, objectives, trainer code cells, pack text
    ratios = {}
    for selector, colours in rules.items():
        background = colours.get("background-color") or colours.get("background")
        assert "color" in colours and background, f"{selector}: set both color and background, so the pair can be checked"
        assert re.fullmatch(r"#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?", background), f"{selector}: background {background} is not one colour"
        ratios[selector] = contrast(colours["color"], background)
    assert {s: round(r, 1) for s, r in ratios.items() if r < 4.5} == {}
