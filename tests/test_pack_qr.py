"""The QR code that takes trainees' phones to the feedback forms: the address it holds, where
it is written, and what the trainer edition's daily review pages say about it."""
import zxingcpp
from PIL import Image

from trainingkit.forms import qr
from trainingkit.formserver import serve

URL = "http://10.20.30.40:8866/"


def decode(path) -> str:
    """What a phone camera reads from the image."""
    found = zxingcpp.read_barcodes(Image.open(path))
    assert len(found) == 1
    return found[0].text


def test_forms_url_is_the_lan_address_and_default_port(monkeypatch):
    monkeypatch.delenv(qr.ENV_URL, raising=False)
    monkeypatch.setattr(qr, "lan_address", lambda: "192.168.1.23")
    assert qr.forms_url() == "http://192.168.1.23:8866/"
    assert qr.forms_url(9000) == "http://192.168.1.23:9000/"


def test_forms_url_from_the_environment_wins(monkeypatch):
    monkeypatch.setenv(qr.ENV_URL, "http://forms.venue.lan/")
    assert qr.forms_url() == "http://forms.venue.lan/"


def test_qr_png_decodes_to_the_url(tmp_path):
    path = tmp_path / "code.png"
    path.write_bytes(qr.qr_png(URL))
    assert decode(path) == URL


def test_forms_qr_block_becomes_a_figure_whose_alt_text_names_the_url():
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("**Show it.**\n\n```{forms-qr}\n```\n")])
    from trainingkit.pages import expand_blocks_step

    step = expand_blocks_step(None, "modules/day1/d1-s5-daily-review", URL)
    out = step(nb).cells[0].source
    assert "{forms-qr}" not in out
    assert '<img src="../../_static/forms-qr.png" alt="QR code: scan it with a phone camera to open the feedback forms at http://10.20.30.40:8866/"' in out
    assert "<strong>http://10.20.30.40:8866/</strong>" in out
    assert nb.cells[0].source.count("{forms-qr}") == 1  # the source notebook is unchanged


def test_serve_announces_the_lan_url_and_writes_the_code_for_it(tmp_path, monkeypatch):
    root = tmp_path
    static = root / "_build/trainer/html/_static"
    static.mkdir(parents=True)
    page = root / "_build/trainer/html/modules/day1/d1-s5-daily-review.html"
    page.parent.mkdir(parents=True)
    old = "http://192.0.2.9:8866/"
    for name, data in qr.static_files(old).items():
        (static / name).write_bytes(data)
    page.write_text('<p>Before</p>' + qr.figure(old, "../../_static/forms-qr.png") + '<p>After</p>')

    monkeypatch.delenv(qr.ENV_URL, raising=False)
    monkeypatch.setattr(qr, "lan_address", lambda: "10.20.30.40")
    lines = serve.announce(root, "10.20.30.40", 8866)

    assert lines[0] == f"Listening on http://10.20.30.40:8866/ only. Phones on this network open {URL}"
    assert f"QR code for that address: {root / 'var/forms-qr.png'}" in lines
    assert decode(root / "var/forms-qr.png") == URL
    assert decode(static / "forms-qr.png") == URL  # the built trainer edition shows the new code…
    text = page.read_text()
    assert old not in text and qr.alt_text(URL) in text  # …and names the new address


def test_serve_on_every_interface_still_puts_the_lan_address_in_the_code(tmp_path, monkeypatch):
    monkeypatch.delenv(qr.ENV_URL, raising=False)
    monkeypatch.setattr(qr, "lan_address", lambda: "10.20.30.40")
    lines = serve.announce(tmp_path, "0.0.0.0", 8866)
    assert lines[1].startswith("WARNING: anyone on any of those networks can open the forms")
    assert decode(tmp_path / "var/forms-qr.png") == URL


def test_serve_without_a_built_trainer_edition_writes_only_var(tmp_path, monkeypatch):
    monkeypatch.setenv(qr.ENV_URL, URL)
    assert qr.publish(tmp_path, URL) == [tmp_path / "var/forms-qr.png"]
    assert not (tmp_path / "_build").exists()
