"""PNG and SVG pictures of a view, and the notebook display."""

from __future__ import annotations

import html
import io
import re

import networkx as nx
import pytest

from geopolkg.errors import ViewError
from geopolkg.views.notebook import GraphView, show
from geopolkg.views.snapshot import write_image

PIL = pytest.importorskip("PIL.Image", reason="Pillow comes with matplotlib")

HOSTILE = "<script>alert(1)</script>"


def graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("XXX", label=HOSTILE, kind="armed group", code="XXX", events=4)
    G.add_node("USD", label="$5 bn & $x^2$ fund", kind="organization", code="USD", events=1)  # not mathtext
    G.add_node("CIV", label="C\u00f4te d'Ivoire", kind="state", code="CIV", events=30)
    G.add_edge("XXX", "CIV", relation="conflict", weight=3.0)
    G.add_edge("XXX", "CIV", relation="opposition", weight=1.0)
    G.add_edge("CIV", "USD", relation="cooperation", weight=0.0)
    return G


def test_png_is_a_1200_by_800_picture_with_something_drawn(tmp_path):
    path = write_image(graph(), tmp_path / "g.png", title="Report <b>figure</b>")
    image = PIL.open(path).convert("L")
    assert image.size == (1200, 800)
    lo, hi = image.getextrema()
    assert hi == 255 and lo < 100  # white paper with dark marks on it
    # some of the picture is neither white nor background: nodes, edges, text
    histogram = image.histogram()
    assert sum(histogram[:250]) > 2000


def test_svg_names_are_never_markup(tmp_path):
    path = write_image(graph(), tmp_path / "g.svg")
    svg = path.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<script" not in svg.lower()
    assert "<dc:date>" not in svg  # no creation date: the same graph gives the same file


def test_format_comes_from_the_suffix_or_is_refused(tmp_path):
    buf = write_image(nx.Graph(), tmp_path / "empty.PNG").read_bytes()
    assert buf.startswith(b"\x89PNG")
    assert PIL.open(io.BytesIO(buf)).size == (1200, 800)
    with pytest.raises(ViewError, match="png or svg, not 'pdf'"):
        write_image(graph(), tmp_path / "g.pdf")


def test_notebook_view_embeds_the_page_in_a_sandboxed_frame(tmp_path):
    view = show(graph(), "Notebook", height=400, note="left out 2 actors")
    assert isinstance(view, GraphView)
    shown = view._repr_html_()
    match = re.fullmatch(r'<p style="color:#a33">left out 2 actors</p><iframe srcdoc="([^"]*)" (.*)></iframe>',
                         shown, flags=re.DOTALL)
    assert match, shown[:300]
    assert html.unescape(match.group(1)) == view.html  # the whole page, as an attribute value
    assert 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in match.group(2)
    assert "allow-same-origin" not in shown
    assert "height:510px" in match.group(2)  # 400 px canvas + header
    assert "max-height: 400px;" in view.html
    assert view.save(tmp_path / "nb.html").read_text(encoding="utf-8") == view.html


def test_overview_picture_is_the_page_as_it_opens(tmp_path):
    from geopolkg.views.html import graph_payload
    from geopolkg.views.overview import overview_graph

    names = {"AAA": HOSTILE, "BBB": "Betaland", "CCC": "Gammaland"}
    events = [{"id": f"e{i}", "date": "2024-05-01", "actor": {"code": a, "name": names[a]},
               "target": {"code": b, "name": names[b]}, "event_code": code, "quad_class": q, "goldstein": g,
               "confidence": 1.0, "issue": None, "issue_key": None, "stance": 0, "sentence": "", "article_title": "",
               "article_url": ""}
              for i, (a, b, code, q, g) in enumerate([("AAA", "BBB", "042", 1, 4.0), ("AAA", "CCC", "190", 4, -10.0)])]
    G = overview_graph(events)
    svg = write_image(G, tmp_path / "o.svg").read_text(encoding="utf-8")
    assert "<script" not in svg.lower()  # names are glyph paths (and an escaped comment), never markup
    png = write_image(G, tmp_path / "o.png")
    image = PIL.open(png)
    assert image.size == (1200, 800) and len(set(image.convert("L").getdata())) > 10
    assert [lv["count"] for lv in graph_payload(G)["levels"]] == [3]
