"""Make the README's pictures of the three views from the shared Reuters geopolitics stories.

One command::

    python docs/screenshots.py [--store DIR] [--issue gulf] [--actor Iran --actor Iraq] [--chromium /usr/bin/chromium]

ingests ``../shared/corpora/reuters-21578-geopolitics.jsonl`` (441 stories
of 1987) into ``--store`` (default: a new temporary folder; an existing store
is used as it is, and re-ingesting an unchanged story changes nothing), writes
the overview, the issue view of ``--issue`` and the timeline of the
``--actor`` pair with the project's API, opens each in headless Chromium
(Debian's, through Playwright; every request outside the machine blocked)
and saves 1300 x 900 screenshots to ``docs/overview.png``, ``docs/issue.png``
and ``docs/timeline.png``. The timeline's picture shows the list of events
of its busiest conflict month, opened by a click on that bar.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
CORPUS = DOCS.parent.parent / "shared" / "corpora" / "reuters-21578-geopolitics.jsonl"
SIZE = {"width": 1300, "height": 900}


def _open(browser, path: Path):
    page = browser.new_page(viewport=SIZE)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-state=ready]", state="attached", timeout=60_000)
    if errors:
        raise RuntimeError(f"{path.name}: {errors[0]}")
    return page


def _click_busiest_conflict_bar(page, timeline) -> None:
    rows = timeline.rows
    index = max(range(len(rows)), key=lambda i: (rows[i]["conflict"], rows[i]["window"]))
    x, y = page.evaluate("""(index) => {
      for (const tr of document.querySelectorAll(".barlayer .trace")) {
        if (tr.__data__[0].trace.name !== "conflict") continue;
        for (const p of tr.querySelectorAll(".point")) if (p.__data__.i === index) {
          const r = p.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height * 0.8]; } }
      return null; }""", index)
    page.mouse.click(x, y)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="store folder (default: a temporary one)")
    parser.add_argument("--issue", default="gulf", help="text of the issue view's issue")
    parser.add_argument("--actor", action="append", help="the timeline's actors (twice for a pair)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    actors = args.actor or ["Iran", "Iraq"]
    import geopolkg.api as api
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or Path(tmp) / "store"
        summary = api.ingest([CORPUS], store, jobs=args.jobs)
        print(f"store {store}: {summary.stored} stored, {summary.unchanged} unchanged", file=sys.stderr)
        pages = {
            "overview": api.view(Path(tmp) / "overview.html", store,
                                 title="Reuters geopolitics stories, 1987: the main actors in their camps"),
            "issue": api.view(Path(tmp) / "issue.html", store, args.issue,
                              title=f"Who supports and who opposes: issues matching '{args.issue}'"),
        }
        timeline = api.timeline(store, actors=actors,
                                title=f"{' and '.join(actors)}: events per month, Reuters 1987")
        pages["timeline"] = timeline.save(Path(tmp) / "timeline.html")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
            for name, path in pages.items():
                page = _open(browser, path)
                if name == "timeline":
                    _click_busiest_conflict_bar(page, timeline)
                page.mouse.move(1, 1)  # no hover tooltip in the picture
                page.wait_for_timeout(400)
                out = DOCS / f"{name}.png"
                page.screenshot(path=str(out))
                print(f"wrote {out} ({out.stat().st_size // 1024} KB)")
                page.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
