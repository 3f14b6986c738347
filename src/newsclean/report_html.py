"""A :class:`~newsclean.report.CorpusReport` as HTML with inline SVG charts.

The page is self-contained: no external stylesheet, script, font or image. Every number shown is
also in a ``<script type="application/json" id="newsclean-data">`` block and in ``data-*``
attributes, so the page can be checked by a machine.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from newsclean.display import escape

if TYPE_CHECKING:
    from newsclean.report import CorpusReport

MAX_SITES_SHOWN = 25
BAR_COLORS = {"finding": "#cf6a2e", "removal": "#4a7fc1"}

_CSS = """
.newsclean-report{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;
  max-width:70em;line-height:1.4}
.newsclean-report h2{font-size:1.25em;margin:1.2em 0 .4em;border-bottom:1px solid #d0d7de}
.newsclean-report h3{font-size:1.05em;margin:1em 0 .3em}
.newsclean-report .nc-stats{display:flex;gap:1.5em;flex-wrap:wrap;margin:.5em 0}
.newsclean-report .nc-stat{border:1px solid #d0d7de;border-radius:6px;padding:.4em .9em}
.newsclean-report .nc-stat b{display:block;font-size:1.5em}
.newsclean-report table{border-collapse:collapse;font-size:.9em;margin:.4em 0}
.newsclean-report th,.newsclean-report td{border:1px solid #d0d7de;padding:.2em .5em;text-align:left}
.newsclean-report td.num{text-align:right;font-variant-numeric:tabular-nums}
.newsclean-report th{background:#f6f8fa;cursor:pointer}
.newsclean-report svg text{font:12px system-ui,sans-serif;fill:#1f2328}
.newsclean-report .nc-ex{border-left:3px solid #d0d7de;padding:.2em .7em;margin:.4em 0;
  font-size:.88em;white-space:pre-wrap}
.newsclean-report .nc-ex mark{background:#fff8c5}
.newsclean-report .nc-ex .nc-src{color:#57606a;font-size:.9em}
.newsclean-report code{font-size:.95em}
"""

# sorts a table by the clicked column; marks the page as ready for checks
_SCRIPT = """
(function () {
  document.querySelectorAll('.newsclean-report table.nc-sortable th').forEach(function (th, i) {
    th.addEventListener('click', function () {
      var table = th.closest('table'), body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var desc = th.getAttribute('data-desc') !== '1';
      th.setAttribute('data-desc', desc ? '1' : '0');
      rows.sort(function (a, b) {
        var x = a.cells[th.cellIndex].getAttribute('data-value') || a.cells[th.cellIndex].textContent;
        var y = b.cells[th.cellIndex].getAttribute('data-value') || b.cells[th.cellIndex].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
        return desc ? -c : c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var data = JSON.parse(document.getElementById('newsclean-data').textContent);
  var shown = document.querySelectorAll('[data-summary-key]');
  var mismatches = 0;
  shown.forEach(function (el) {
    if (String(data.summary[el.getAttribute('data-summary-key')]) !== el.getAttribute('data-value')) {
      mismatches += 1;
    }
  });
  document.documentElement.setAttribute('data-newsclean-ready', String(shown.length));
  document.documentElement.setAttribute('data-newsclean-mismatches', String(mismatches));
})();
"""


def _pct(rate: float) -> str:
    return f"{100 * rate:.1f}%"


def bar_chart(
    rows: list[tuple[str, float, str]], *, label: str, width: int = 640, color: str = "#4a7fc1"
) -> str:
    """A horizontal bar chart as inline SVG: one ``(name, rate 0..1, text)`` per bar."""
    if not rows:
        return "<p><i>nothing to show</i></p>"
    bar_h, gap, left, right = 18, 6, 230, 120
    height = len(rows) * (bar_h + gap) + gap
    scale = width - left - right
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' role='img' aria-label='{escape(label)}' class='nc-chart'>"
    ]
    for i, (name, rate, text) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = max(1.0, rate * scale) if rate > 0 else 0.0
        parts.append(
            f"<g data-name='{escape(name)}' data-rate='{rate:.6f}'>"
            f"<text x='{left - 6}' y='{y + 13}' text-anchor='end'>{escape(name[:34])}</text>"
            f"<rect x='{left}' y='{y}' width='{scale}' height='{bar_h}' fill='#eef1f4'/>"
            f"<rect x='{left}' y='{y}' width='{w:.1f}' height='{bar_h}' fill='{color}'>"
            f"<title>{escape(name)}: {escape(text)}</title></rect>"
            f"<text x='{left + scale + 6}' y='{y + 13}'>{escape(text)}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def histogram(counts: list[int], *, label: str, width: int = 640, height: int = 220) -> str:
    """A vertical histogram of the share of text removed as inline SVG."""
    bins = len(counts)
    top = max(counts, default=0) or 1
    left, bottom, pad = 40, 30, 10
    plot_w, plot_h = width - left - pad, height - bottom - pad
    bw = plot_w / bins
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' role='img' aria-label='{escape(label)}' class='nc-chart'>",
        f"<line x1='{left}' y1='{pad + plot_h}' x2='{left + plot_w}' y2='{pad + plot_h}' stroke='#57606a'/>",
        f"<text x='{left - 6}' y='{pad + 10}' text-anchor='end'>{top}</text>",
        f"<text x='{left - 6}' y='{pad + plot_h}' text-anchor='end'>0</text>",
    ]
    for i, n in enumerate(counts):
        h = plot_h * n / top
        x = left + i * bw
        lo, hi = 100 * i // bins, 100 * (i + 1) // bins
        parts.append(
            f"<g data-bin='{i}' data-count='{n}'>"
            f"<rect x='{x + 2:.1f}' y='{pad + plot_h - h:.1f}' width='{bw - 4:.1f}' "
            f"height='{h:.1f}' fill='#4a7fc1'><title>{lo}–{hi}% removed: {n} documents</title></rect>"
            f"<text x='{x + bw / 2:.1f}' y='{height - 12}' text-anchor='middle'>{lo}%</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _stat(key: str, label: str, value: int) -> str:
    return (
        f"<div class='nc-stat'><b data-summary-key='{key}' data-value='{value}'>{value}</b>"
        f"{escape(label)}</div>"
    )


def _codes_table(report: CorpusReport) -> str:
    rows = report.code_rows()
    if not rows:
        return "<p><i>no findings and no removals</i></p>"
    out = [
        "<table class='nc-sortable nc-codes'><thead><tr><th>code</th><th>kind</th><th>severity</th>"
        "<th>count</th><th>documents</th><th>rate</th></tr></thead><tbody>"
    ]
    for r in rows:
        out.append(
            f"<tr data-code='{escape(r['code'])}' data-kind='{r['kind']}' "
            f"data-count='{r['count']}' data-documents='{r['documents']}'>"
            f"<td><code>{escape(r['code'])}</code></td><td>{r['kind']}</td><td>{r['severity']}</td>"
            f"<td class='num'>{r['count']}</td><td class='num'>{r['documents']}</td>"
            f"<td class='num' data-value='{r['rate']:.6f}'>{_pct(r['rate'])}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def _sites_section(report: CorpusReport) -> str:
    rows = report.site_rows()[:MAX_SITES_SHOWN]
    if not rows:
        return "<p><i>no documents</i></p>"
    codes = [c for c, _ in report.docs_with_finding.most_common(8)]
    chart_rows = []
    for r in rows:
        rate = r["with_finding"] / r["documents"] if r["documents"] else 0.0
        chart_rows.append((r["site"], rate, f"{_pct(rate)} of {r['documents']}"))
    head = "".join(f"<th>{escape(c)}</th>" for c in codes)
    out = [
        bar_chart(
            chart_rows,
            label="share of documents with any finding, by site",
            color=BAR_COLORS["finding"],
        ),
        "<table class='nc-sortable nc-sites'><thead><tr><th>site</th><th>documents</th>"
        "<th>with findings</th>",
        head,
        "</tr></thead><tbody>",
    ]
    for r in rows:
        cells = []
        for c in codes:
            n = r["findings"].get(c, 0)
            rate = n / r["documents"] if r["documents"] else 0.0
            cells.append(
                f"<td class='num' data-code='{escape(c)}' data-documents='{n}' "
                f"data-value='{rate:.6f}'>{_pct(rate)}</td>"
            )
        out.append(
            f"<tr data-site='{escape(r['site'])}'><td>{escape(r['site'])}</td>"
            f"<td class='num'>{r['documents']}</td><td class='num'>{r['with_finding']}</td>"
            f"{''.join(cells)}</tr>"
        )
    out.append("</tbody></table>")
    if len(report.sites) > MAX_SITES_SHOWN:
        out.append(f"<p>… and {len(report.sites) - MAX_SITES_SHOWN} more sites.</p>")
    return "".join(out)


def _examples_section(report: CorpusReport) -> str:
    out = []
    for code in sorted(report.examples, key=lambda c: (c not in report.findings, c)):
        kind = "finding" if code in report.findings else "removal"
        out.append(
            f"<h3 id='ex-{escape(code)}'><code>{escape(code)}</code> <small>{kind}</small></h3>"
        )
        for e in report.examples[code]:
            src = " · ".join(escape(x) for x in (e.id or "(no id)", e.site, e.title or "") if x)
            msg = f"<div>{escape(e.message)}</div>" if e.message else ""
            out.append(
                f"<div class='nc-ex' data-code='{escape(code)}'><div class='nc-src'>{src}</div>{msg}"
                f"{escape(e.before)}<mark>{escape(e.match)}</mark>{escape(e.after)}</div>"
            )
    return "".join(out) or "<p><i>no examples</i></p>"


def render(
    report: CorpusReport, *, standalone: bool = False, title: str = "newsclean report"
) -> str:
    """The report as an HTML fragment, or a whole page with ``standalone=True``."""
    s = report.summary()
    finding_rows = [r for r in report.code_rows() if r["kind"] == "finding"]
    removal_rows = [r for r in report.code_rows() if r["kind"] == "removal"]
    data = json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True)
    data = data.replace(
        "<", "\\u003c"
    )  # `<` only occurs in strings; keeps the script element whole
    body = [
        f"<div class='newsclean-report'><style>{_CSS}</style>",
        f"<h1>{escape(title)}</h1>" if standalone else "",
        "<div class='nc-stats'>",
        _stat("read", "read", s["read"]),
        _stat("cleaned", "cleaned", s["cleaned"]),
        _stat("rejected", "rejected", s["rejected"]),
        _stat("not_ok", "not ok", s["not_ok"]),
        f"<div class='nc-stat'><b data-mean-removed='{report.mean_removed_share:.6f}'>"
        f"{_pct(report.mean_removed_share)}</b>mean text removed</div>",
        "</div>",
        "<h2>Findings by code</h2><p>Share of documents with at least one finding of each code.</p>",
        bar_chart(
            [(r["code"], r["rate"], f"{_pct(r['rate'])} ({r['documents']})") for r in finding_rows],
            label="finding rate by code",
            color=BAR_COLORS["finding"],
        ),
        "<h2>Removals by reason</h2><p>Share of documents with at least one removal of each reason.</p>",
        bar_chart(
            [(r["code"], r["rate"], f"{_pct(r['rate'])} ({r['documents']})") for r in removal_rows],
            label="removal rate by reason",
            color=BAR_COLORS["removal"],
        ),
        "<h2>Record fields</h2><p>Share of documents whose record has each field (with where it "
        "came from: given with the input, or read from the text).</p>",
        bar_chart(
            [
                (name, report.field_rate(name), f"{_pct(report.field_rate(name))} ({n})")
                for name, n in sorted(report.fields.items())
            ],
            label="record fields",
            color=BAR_COLORS["finding"],
        ),
        "<h2>Share of text removed</h2>",
        histogram(report.share_bins, label="documents by share of text removed"),
        "<h2>All codes</h2>",
        _codes_table(report),
        "<h2>By site</h2><p>Share of each site's documents with at least one finding, and with "
        "each of the most frequent codes.</p>",
        _sites_section(report),
        "<h2>Examples</h2>",
        _examples_section(report),
    ]
    if report.knowledge_base:
        body.append("<h2>Knowledge base</h2><p>Office-holder files the fact checks used:</p><ul>")
        body += [
            f"<li><code>{escape(k['file'])}</code>: {k['rows']} rows, as_of "
            f"{escape(' to '.join(dict.fromkeys(k['as_of'])))}</li>"
            for k in report.knowledge_base
        ]
        body.append("</ul>")
    if report.reject_examples:
        body.append("<h2>Rejected inputs</h2><ul>")
        body += [
            f"<li><code>{escape(r.source)}:{r.line}</code> {escape(r.reason)}</li>"
            for r in report.reject_examples
        ]
        body.append("</ul>")
    if standalone:
        body.append(f"<script type='application/json' id='newsclean-data'>{data}</script>")
    body.append("</div>")
    fragment = "".join(body)
    if not standalone:
        return fragment
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}</title></head><body>{fragment}"
        f"<script>{_SCRIPT}</script></body></html>"
    )
