"""Make docs/view.png, the README's picture of the view of the sample articles.

Runs ``geopolkg demo --out /tmp/demo``, opens ``/tmp/demo/view.html`` in
headless Chromium (Debian's, through Playwright; every request outside the
machine blocked), clicks China to open its evidence and saves a 1200 x 800
screenshot.

Usage::

    python docs/view_png.py [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parent / "view.png"
CLICK = """(() => { const p = network.canvasToDOM(network.getPositions(['CHNGOV']).CHNGOV);
  const r = document.getElementById('graph').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; })()"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    subprocess.run(["geopolkg", "demo", "--out", "/tmp/demo"], check=True, stdout=subprocess.DEVNULL)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page.goto(Path("/tmp/demo/view.html").as_uri())
        page.wait_for_selector("body[data-state=ready]", state="attached")
        page.mouse.click(*page.evaluate(CLICK))
        page.evaluate("network.fit({maxZoomLevel: 1.7})")  # the panel took part of the canvas
        page.mouse.move(1, 300)  # no hover tooltip in the picture
        page.wait_for_timeout(300)
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
