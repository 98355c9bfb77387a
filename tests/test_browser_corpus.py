"""The corpus report in a real browser: the directory, the network, the timeline and the linked tables.

A small corpus is analysed with ``analysis corpus`` (tables and report in one folder, an article's own
report beside them), then opened in headless Chromium with the network off (the driver of
``test_browser``; it skips, saying why, where no Chromium is installed).
"""
from __future__ import annotations

import re

import pytest

from .test_browser import INSIDE, browser  # noqa: F401  (browser is a fixture, shared with the article report's test)
from .test_directory import TEXTS

pytestmark = pytest.mark.slow

HOSTILE_NAME = "Commissioner General Eve <script>window.__pwned=1</script> Tan of the Royal Thai Police met Superintendent John Smith."


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory):
    from analysis import report
    from analysis.corpus import run

    sources = tmp_path_factory.mktemp("articles")
    for key, text in TEXTS.items():
        (sources / f"{key}.txt").write_text(text, encoding="utf-8")
    (sources / "e.txt").write_text("Hostile page\n\nby Staff | 3 August 2024\n\n" + HOSTILE_NAME, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    report.build(sources / "a.txt", out_dir=out)  # an article report beside the corpus report: linked from it
    summary = run(str(sources), out_dir=out, workers=1, progress=False)
    assert summary.report == out / "corpus.html", summary.report_error
    return out


FACTS = """(() => {
    const section = (id) => {
        const h = document.getElementById(id);
        if (!h) return null;
        const nodes = [];
        for (let n = h.closest('.jp-Cell') || h; n; n = n.nextElementSibling) {
            if (n !== (h.closest('.jp-Cell') || h) && n.querySelector && n.querySelector('h2')) break;
            nodes.push(n);
        }
        return nodes;
    };
    const within = (id, selector) => (section(id) || []).flatMap(n => Array.from(n.querySelectorAll(selector)));
    // The network is an SVG image (an <img>: nothing in it can run). To measure its labels as this
    // browser draws them, the test puts a copy of its markup into the page.
    const svgImages = within('Who-met-whom', 'img').filter(i => i.src.startsWith('data:image/svg+xml;base64,'));
    const inlineSvgs = within('Who-met-whom', 'svg').filter(s => s.querySelector('text'));  // charts shown inline
    const measure = (root) => Array.from(root.querySelectorAll('text')).map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom};
    });
    let boxes = [];
    if (!svgImages.length && inlineSvgs.length) {
        boxes = measure(inlineSvgs[0]);
    } else if (svgImages.length) {
        const bytes = Uint8Array.from(atob(svgImages[0].src.split(',')[1]), c => c.charCodeAt(0));
        const holder = document.createElement('div');
        holder.innerHTML = new TextDecoder().decode(bytes);
        document.body.appendChild(holder);
        boxes = Array.from(holder.querySelectorAll('text')).map(t => {
            const r = t.getBoundingClientRect();
            return {text: t.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom};
        });
    }
    return {
        pwned: typeof window.__pwned === "undefined" ? null : window.__pwned,
        headings: Array.from(document.querySelectorAll("h2")).map(h => h.id),
        header: (document.getElementById("corpus-header") || {}).innerText || "",
        counts: Array.from(document.querySelectorAll(".analysis-count")).map(p => p.innerText),
        people: within('People-and-organizations', 'table tr').map(r => Array.from(r.cells).map(c => c.innerText)),
        personLinks: within('People-and-organizations', 'td a').map(a => ({text: a.innerText, href: a.href})),
        svgs: svgImages.length ? svgImages.map(i => ({complete: i.complete, width: i.naturalWidth, height: i.naturalHeight}))
                               : inlineSvgs.map(s => ({complete: true, width: s.getBoundingClientRect().width, height: s.getBoundingClientRect().height})),
        labelBoxes: boxes,
        timelineImages: within('Timeline', 'img, svg.analysis-chart').map(i => i.tagName === 'IMG' ? ({complete: i.complete, width: i.naturalWidth, alt: i.alt}) : ({complete: true, width: i.getBoundingClientRect().width, alt: i.getAttribute('aria-label')})),
        timelineRows: within('Timeline', 'table tr').length,
        tableLinks: within('Tables', 'a').map(a => ({text: a.innerText, href: a.href})),
        scripts: document.querySelectorAll("script").length,
    };
})()"""


@pytest.fixture(scope="module")
def page(browser, corpus_folder):
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Network", "Runtime", "Log", "Page"):
        browser.send(f"{domain}.enable", session=session)
    browser.send("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}, session=session)
    start = len(browser.events)
    browser.send("Page.navigate", {"url": (corpus_folder / "corpus.html").resolve().as_uri()}, session=session)
    browser.wait_for("Page.loadEventFired")
    browser.settle(1.0)
    facts = browser.send("Runtime.evaluate", {"expression": FACTS, "returnByValue": True}, session=session)["result"]["value"]
    events = [e for e in browser.events[start:] if e.get("sessionId") == session]
    facts["requests"] = [e["params"]["request"]["url"] for e in events if e.get("method") == "Network.requestWillBeSent"]
    facts["errors"] = [
        e["params"] for e in events
        if e.get("method") == "Runtime.exceptionThrown"
        or (e.get("method") == "Runtime.consoleAPICalled" and e["params"].get("type") in ("error", "assert"))
        or (e.get("method") == "Log.entryAdded" and e["params"]["entry"].get("level") == "error")
    ]
    browser.send("Target.closeTarget", {"targetId": target})
    return facts


def test_the_page_loads_offline_runs_nothing_and_fetches_nothing(page):
    assert page["requests"] and all(url.startswith(INSIDE) for url in page["requests"])
    assert page["errors"] == [] and page["pwned"] is None and page["scripts"] == 0


def test_the_sections_answer_the_analysts_questions(page):
    assert {"People-and-organizations", "Who-met-whom", "Places", "Timeline", "Themes-over-time", "Readability", "Articles", "Tables", "Method"} <= set(page["headings"])
    header = page["header"]
    assert "5 analysed" in header and "3 March 2023 – 3 August 2024" in header


def test_the_directory_shows_one_row_per_person_with_history_and_links(page):
    header, *rows = page["people"]
    assert header[:2] == ["name", "titles"]
    khalid = [r for r in rows if r[0] == "Khalid bin Abu Bakar"]
    assert len(khalid) == 1 and "c; d" in khalid[0]
    smiths = [r for r in rows if r[0] in ("John Smith", "Mary Smith")]
    assert len(smiths) == 2  # one surname, two people
    misiunas = next(r for r in rows if r[0] == "Eduardas Misiūnas")
    assert "Commissioner General (2023-03-03) → Deputy Commissioner (2024-05-05)" in misiunas
    assert any(link["text"] == "a" and link["href"].endswith("/a.html") for link in page["personLinks"])  # its own report
    assert not any(link["text"] == "b" for link in page["personLinks"])  # no report built for b: no dead link


def test_every_table_states_n_of_m(page):
    assert len(page["counts"]) >= 6
    for count in page["counts"]:
        shown, total = map(int, re.match(r"^(\d+) of (\d+) ", count).groups())
        assert 0 < shown <= total


def test_the_network_is_an_svg_with_readable_labels(page):
    assert len(page["svgs"]) == 1
    assert page["svgs"][0]["complete"] and page["svgs"][0]["width"] > 400 and page["svgs"][0]["height"] > 200
    texts = [b["text"] for b in page["labelBoxes"]]
    assert "John Smith" in texts and "Khalid bin Abu Bakar" in texts
    assert any("of" in t and "people" in t for t in texts)  # the note of what is drawn
    names = [b for b in page["labelBoxes"] if "people" not in b["text"] and "Line width" not in b["text"] and b["text"] != "Who appears with whom"]
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            apart = a["x1"] <= b["x0"] or b["x1"] <= a["x0"] or a["y1"] <= b["y0"] or b["y1"] <= a["y0"]
            assert apart, f"labels {a['text']!r} and {b['text']!r} overlap"


def test_the_timeline_chart_and_table_are_shown(page):
    images = page["timelineImages"]
    assert images and all(i["complete"] and i["width"] > 300 for i in images)
    assert page["timelineRows"] == 0 or page["timelineRows"] >= 2


def test_the_tables_are_linked_and_exist(page, corpus_folder):
    hrefs = [link["href"] for link in page["tableLinks"] if link["text"] in ("csv", "parquet")]
    for kind in ("directory_persons", "directory_organizations", "edges", "persons", "articles"):
        assert any(h.endswith(f"/{kind}.csv") for h in hrefs) and any(h.endswith(f"/{kind}.parquet") for h in hrefs)
    assert all(href.startswith(corpus_folder.resolve().as_uri()) and (corpus_folder / href.rsplit("/", 1)[-1]).is_file() for href in hrefs)
