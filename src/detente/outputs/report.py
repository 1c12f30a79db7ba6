"""The HTML report: one self-contained file a person would rather look at than read.

Everything is inline (CSS from ``templates/report.css``, SVG charts drawn here on the server), a
Content-Security-Policy forbids any request, and every piece of text from the store goes through
``h`` (HTML escaping) — articles are untrusted input. Links to articles accept only http(s) and
file URLs.
"""
from __future__ import annotations

import html
import math
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import func, select

from .. import analytics, knowledge
from ..analytics import ladder as ladder_mod
from ..store import Store, schema

TEMPLATES = Path(__file__).parent / "templates"
MAX_PAIRS = 6  # dyads (both directions together) that get their own section
EPISODE_GAP = 45  # days without incidents that split a dyad's history into separate charts
LOW_CONFIDENCE = 0.5
LEADERS = 15  # rows of the forecasters' leaderboard
MAX_FOLDED = 300  # rows behind a "more" fold; the CLI lists the rest
MAX_TURNS, MAX_DRIVERS = 12, 5  # the latest turning points listed, and the incidents named per turn
UNDATED = '<span class="muted">undated</span>'
NO_RUNG = "#c7ccd4"


def h(value: Any) -> str:
    """Escape any value for HTML text or attribute context."""
    return "" if value is None else html.escape(str(value), quote=True)


def safe_href(url: str | None, source: str | None = None) -> str | None:
    """A link to the article: its URL if http(s), else the file it came from; never a script URL."""
    if url and urlparse(url).scheme in ("http", "https"):
        return url
    if source:
        scheme = urlparse(source).scheme
        if scheme in ("http", "https", "file"):
            return source
        if not scheme or len(scheme) == 1:  # a path (a Windows drive letter parses as a scheme)
            try:
                return Path(source).resolve().as_uri()
            except ValueError:
                return None
    return None


class Context:
    """What every section needs once: the ladder, CAMEO names and the documents' metadata."""

    def __init__(self, store: Store, extra_dirs=()) -> None:
        self.store = store
        self.ladder = ladder_mod.load(extra_dirs)
        self.names = {row["code"]: row["name"] for path in knowledge.files("cameo.tsv", extra_dirs)
                      for row in knowledge.read_tsv(path) if row.get("code")}
        d = schema.documents
        cols = [d.c.id, d.c.title, d.c.outlet, d.c.url, d.c.source, d.c.date, d.c.status, d.c.duplicate_of,
                d.c.language, d.c.author, d.c.processed, d.c.extra]
        with store.engine.connect() as conn:
            self.docs = {r["id"]: dict(r) for r in conn.execute(select(*cols)).mappings()}

    def colour(self, rung: int | None) -> str:
        r = self.ladder.rung_named(rung)
        return r.colour if r else NO_RUNG

    def chip(self, rung: int | None) -> str:
        r = self.ladder.rung_named(rung)
        if r is None:
            return '<span class="chip none">–</span>'
        return f'<span class="chip" style="background:{h(r.colour)}" title="{h(r.name)}">{r.rung}</span>'

    def act(self, code: str) -> str:
        return f'{h(self.names.get(code, "CAMEO " + code))} <span class="muted small">{h(code)}</span>'

    def link(self, doc_id: str | None, label: str | None = None) -> str:
        doc = self.docs.get(doc_id or "")
        if not doc:
            return h(label or doc_id or "")
        text = label or doc.get("outlet") or doc.get("title") or doc_id
        href = safe_href(doc.get("url"), doc.get("source"))
        title = f'{doc.get("title") or ""} ({doc.get("date") or "undated"})'
        if not href:
            return f'<span title="{h(title)}">{h(text)}</span>'
        return f'<a href="{h(href)}" title="{h(title)}" rel="noreferrer noopener">{h(text)}</a>'

    def outlet(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id) or {}
        original = self.docs.get(doc.get("duplicate_of") or "") or doc
        return original.get("outlet") or original.get("id") or doc_id


# -- charts (inline SVG) ----------------------------------------------------------------------

def sparkline_svg(values: list[float], colour: str = "#2d5b8a", width: int = 140, height: int = 28) -> str:
    if not values:
        return ""
    lo, hi = min(0.0, *values), max(1.0, *values)
    step = width / max(len(values) - 1, 1)
    pts = [(i * step, height - 3 - (v - lo) / (hi - lo) * (height - 6)) for i, v in enumerate(values)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
    x, y = pts[-1]
    return (f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="index trend"><polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.6"/>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="{colour}"/></svg>')


def timeline_svg(ctx: Context, series: list[dict], incidents: dict[int, dict]) -> str:
    """Bars of the index coloured by rung, the EWMA baseline, incident markers and turning points."""
    width, height, left, right, top, bottom = 900, 250, 46, 14, 34, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(series), 1)
    bw = plot_w / n
    values = [r["index"] for r in series]
    hi, lo = max(1.0, *values), min(0.0, *values)

    def y(v: float) -> float:
        return top + (hi - v) / (hi - lo) * plot_h

    out = [f'<svg class="timeline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="escalation index timeline">']
    for i, row in enumerate(series):  # the trend regime as a faint band behind the bars
        if row["trend"] != "stable":
            tint = "#b42318" if row["trend"] == "escalating" else "#1f6f43"
            out.append(f'<rect class="regime" x="{left + i * bw:.1f}" y="{top}" width="{bw:.1f}" height="{plot_h}" '
                       f'fill="{tint}" fill-opacity=".06"/>')
    for v in sorted({0.0, hi, lo, round(hi / 2, 1)}):
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e3e6eb"/>'
                   f'<text x="{left - 6}" y="{y(v) + 4:.1f}" font-size="11" text-anchor="end" fill="#5d6776">{v:g}</text>')
    for i, row in enumerate(series):
        x = left + i * bw
        cx = x + bw / 2
        if row["index"]:
            y0, y1 = sorted((y(0), y(row["index"])))
            out.append(f'<rect class="bar" x="{x + bw * 0.12:.1f}" y="{y0:.1f}" width="{max(bw * 0.76, 1):.1f}" '
                       f'height="{max(y1 - y0, 1):.1f}" rx="1.5" fill="{ctx.colour(row["rung"])}">'
                       f'<title>{h(row["period"])}: index {row["index"]:g}, rung {h(row["rung"])}</title></rect>')
        if row["incidents"]:
            lines = [_incident_line(ctx, incidents.get(i_)) for i_ in row["incidents"]]
            radius = min(3.5 + min(len(row["incidents"]), 5), max(bw / 2, 1.5))
            out.append(f'<circle class="marker" cx="{cx:.1f}" cy="{top - 14}" r="{radius:.1f}" fill="{ctx.colour(row["rung"])}" '
                       f'stroke="#fff" stroke-width="1.5"><title>{h(row["period"])}&#10;{"&#10;".join(lines)}</title></circle>')
        if row["turn"]:
            up = row["trend"] == "escalating"
            ty = height - bottom + 12
            pts = (f"{cx - 6:.1f},{ty + 9} {cx + 6:.1f},{ty + 9} {cx:.1f},{ty}" if up
                   else f"{cx - 6:.1f},{ty} {cx + 6:.1f},{ty} {cx:.1f},{ty + 9}")
            out.append(f'<polygon class="turn" points="{pts}" fill="{"#b42318" if up else "#1f6f43"}">'
                       f'<title>{h(row["period"])}: turn to {h(row["trend"])}</title></polygon>')
    if len(series) > 1:
        pts = " ".join(f"{left + (i + 0.5) * bw:.1f},{y(r['ewma']):.1f}" for i, r in enumerate(series))
        out.append(f'<polyline points="{pts}" fill="none" stroke="#17202c" stroke-opacity=".55" stroke-width="1.6" '
                   f'stroke-dasharray="4 3"><title>EWMA baseline</title></polyline>')
    step = max(1, len(series) // 6)
    ticks = list(range(0, len(series), step))
    if series and len(series) - 1 - ticks[-1] > step / 2:  # the last period, unless it would collide
        ticks.append(len(series) - 1)
    for i in ticks:
        x = left + (i + 0.5) * bw  # labels near an edge are anchored to it, never clipped
        anchor = "start" if x < left + 32 else "end" if x > width - right - 32 else "middle"
        x = left if anchor == "start" else width - right if anchor == "end" else x
        out.append(f'<text x="{x:.1f}" y="{height - 6}" font-size="11" text-anchor="{anchor}" '
                   f'fill="#5d6776">{h(series[i]["period"])}</text>')
    out.append("</svg>")
    return "".join(out)


def _incident_line(ctx: Context, inc: dict | None) -> str:
    if not inc:
        return ""
    return h(f'{inc["source"]["country"]}→{inc["target"]["country"]} {ctx.names.get(inc["code"], inc["code"])} '
             f'({inc["articles"]} article{"" if inc["articles"] == 1 else "s"})')


def network_svg(ctx: Context, edges: list[dict]) -> str:
    """Countries on a circle; an arrow per directed dyad, width by incidents, colour by rung."""
    if not edges:
        return '<p class="empty">No incidents between identified countries yet.</p>'
    weight = Counter()
    for e in edges:
        weight[e["source"]] += e["incidents"]
        weight[e["target"]] += e["incidents"]
    nodes = [c for c, _ in weight.most_common(14)]
    size, radius = 640, 230
    centre = size / 2
    pos = {c: (centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
               centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2)) for i, c in enumerate(nodes)}
    node_r = {c: 15 + 2.2 * math.sqrt(weight[c]) for c in nodes}
    out = [f'<svg class="network" width="{size}" height="{size}" viewBox="0 0 {size} {size}" role="img" '
           f'aria-label="actor network"><defs>']
    for rung in ctx.ladder.rungs:
        out.append(f'<marker id="arrow{rung.rung}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" '
                   f'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{h(rung.colour)}"/></marker>')
    out.append("</defs>")
    for e in edges:
        if e["source"] not in pos or e["target"] not in pos:
            continue
        out.append(_edge(ctx, e, pos, node_r))
    for c in nodes:
        x, y = pos[c]
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{node_r[c]:.1f}" fill="#17202c"><title>{h(c)}: '
                   f'{weight[c]} incidents</title></circle><text x="{x:.1f}" y="{y + 4:.1f}" font-size="11" '
                   f'font-weight="700" fill="#fff" text-anchor="middle">{h(c)}</text>')
    out.append("</svg>")
    return "".join(out)


def _edge(ctx: Context, e: dict, pos: dict, node_r: dict) -> str:
    (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
    dx, dy = x2 - x1, y2 - y1
    dist = math.hypot(dx, dy) or 1.0
    # bend to the left of the direction of travel, so A→B and B→A are two separate arcs
    mx, my = (x1 + x2) / 2 - dy / dist * 28, (y1 + y2) / 2 + dx / dist * 28

    def toward(x, y, tx, ty, r):
        d = math.hypot(tx - x, ty - y) or 1.0
        return x + (tx - x) / d * r, y + (ty - y) / d * r

    sx, sy = toward(x1, y1, mx, my, node_r[e["source"]] + 2)
    ex, ey = toward(x2, y2, mx, my, node_r[e["target"]] + 4)
    stroke = 1.2 + 1.6 * math.log2(1 + e["incidents"])
    rung = e["rung"] if e["rung"] is not None else 0
    return (f'<path class="edge" d="M{sx:.1f},{sy:.1f} Q{mx:.1f},{my:.1f} {ex:.1f},{ey:.1f}" fill="none" '
            f'stroke="{ctx.colour(e["rung"])}" stroke-opacity=".8" stroke-width="{stroke:.1f}" '
            f'marker-end="url(#arrow{rung})"><title>{h(e["source"])} → {h(e["target"])}: {e["incidents"]} incidents, '
            f'highest rung {h(e["rung"])}</title></path>')


def calibration_svg(points: list[tuple[float, float, int]]) -> str:
    """Forecast calibration: mean stated probability against observed frequency, per probability bin."""
    size, pad = 300, 40
    inner = size - 2 * pad

    def xy(p: float, q: float) -> tuple[float, float]:
        return pad + p * inner, size - pad - q * inner

    out = [f'<svg class="calibration" width="{size}" height="{size}" viewBox="0 0 {size} {size}" role="img" '
           f'aria-label="calibration chart"><rect x="{pad}" y="{pad}" width="{inner}" height="{inner}" fill="#f6f7f8"/>'
           f'<line x1="{pad}" y1="{size - pad}" x2="{size - pad}" y2="{pad}" stroke="#9aa3ae" stroke-dasharray="4 3"/>']
    for t in (0, 0.5, 1):
        x, y = xy(t, t)
        out.append(f'<text x="{x:.0f}" y="{size - pad + 16}" font-size="11" text-anchor="middle" fill="#5d6776">{t:g}</text>'
                   f'<text x="{pad - 6}" y="{y + 4:.0f}" font-size="11" text-anchor="end" fill="#5d6776">{t:g}</text>')
    out.append(f'<text x="{size / 2}" y="{size - 6}" font-size="11" text-anchor="middle" fill="#5d6776">stated probability</text>'
               f'<text x="12" y="{size / 2}" font-size="11" text-anchor="middle" fill="#5d6776" '
               f'transform="rotate(-90 12 {size / 2})">observed frequency</text>')
    for p, q, n in points:
        x, y = xy(p, q)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{4 + 2 * math.sqrt(n):.1f}" fill="#2d5b8a" fill-opacity=".75">'
                   f'<title>stated {p:.2f}, came true {q:.2f} ({n} forecasts)</title></circle>')
    out.append("</svg>")
    return "".join(out)


# -- sections ---------------------------------------------------------------------------------

def _cards(store: Store, ctx: Context) -> str:
    counts = {t: store.count(t) for t in ("documents", "events", "incidents", "claims", "forecasts")}
    days = [d["date"] for d in ctx.docs.values() if d["date"]]
    span = f"{min(days)} – {max(days)}" if days else "no dated articles"
    cards = "".join(f'<div class="card"><b>{n:,}</b><span>{h(t)}</span></div>' for t, n in counts.items())
    return f'<div class="cards">{cards}<div class="card"><b style="font-size:15px">{h(span)}</b><span>articles dated</span></div></div>'


def _ladder_legend(ctx: Context) -> str:
    items = "".join(f'<span><i style="background:{h(r.colour)}"></i>{r.rung} {h(r.name)}</span>' for r in ctx.ladder.rungs)
    return f'<div class="legend">{items}<span><i style="background:#17202c;opacity:.55"></i>EWMA baseline</span>' \
           f'<span style="color:#b42318">▲ turn to escalating</span><span style="color:#1f6f43">▼ turn to de-escalating</span>' \
           f'<span><i style="background:#b42318;opacity:.25"></i>escalating trend</span>' \
           f'<span><i style="background:#1f6f43;opacity:.25"></i>de-escalating trend</span></div>'


def _overview(store: Store, ctx: Context, rows: list[dict]) -> str:
    if not rows:
        return '<p class="empty">No incidents yet: run <code>detente analyze</code> on a corpus.</p>'
    body = []
    for r in rows:
        recent = analytics.index_series(store, r["source"], r["target"], directed=True,
                                        start=r["last"] - timedelta(days=29), end=r["last"]) if r["last"] else []
        body.append(
            f'<tr><td class="dyad">{h(r["source"])} → {h(r["target"])}</td><td class="num">{r["incidents"]}</td>'
            f'<td class="num">{h(r["index"])}</td><td>{ctx.chip(r["rung"])}</td>'
            f'<td class="trend-{h(r["trend"])}">{h(r["trend"])}</td>'
            f'<td>{sparkline_svg([x["index"] for x in recent], ctx.colour(r["rung"]))}</td>'
            f'<td class="small muted">{h(r["first"])} – {h(r["last"])}</td></tr>')
    return ('<table><thead><tr><th>Dyad</th><th class="num">Incidents</th><th class="num">Latest index</th>'
            '<th>Rung</th><th>Trend</th><th>Last 30 days</th><th>Active</th></tr></thead><tbody>'
            + "".join(body) + "</tbody></table>")


def _pairs(rows: list[dict]) -> list[tuple[str, str]]:
    seen, pairs = set(), []
    for r in rows:
        key = frozenset((r["source"], r["target"]))
        if key not in seen:
            seen.add(key)
            pairs.append((r["source"], r["target"]))
    return pairs[:MAX_PAIRS]


def _episodes(days: list[date]) -> list[tuple[date, date]]:
    """Stretches of activity: a gap of EPISODE_GAP quiet days starts a new chart."""
    out: list[list[date]] = []
    for d in sorted(days):
        if out and (d - out[-1][1]).days <= EPISODE_GAP:
            out[-1][1] = d
        else:
            out.append([d, d])
    return [(a - timedelta(days=2), b + timedelta(days=2)) for a, b in out]


def _dyad_section(store: Store, ctx: Context, a: str, b: str) -> str:
    incidents = analytics.incident_records(store, dyad=(a, b))
    by_id = {i["id"]: i for i in incidents}
    days = [date.fromisoformat(i["date"]) for i in incidents if i["date"]]
    parts = [f'<h3>{h(a)} ↔ {h(b)} <span class="muted small">{len(incidents)} incidents</span></h3>']
    for start, end in _episodes(days):
        freq = "W" if (end - start).days > 180 else "D"
        series = analytics.index_series(store, a, b, freq=freq, start=start, end=end)
        parts.append(f'<div class="panel"><h4>{h(start)} – {h(end)}{" (weekly)" if freq == "W" else ""}</h4>'
                     f'{timeline_svg(ctx, series, by_id)}{_turns(ctx, analytics.turning_points(series), by_id)}</div>')
    parts.append(_incident_table(ctx, incidents))
    return "".join(parts)


def _turns(ctx: Context, turns: list[dict], by_id: dict[int, dict]) -> str:
    if not turns:
        return '<p class="muted small">No turning point: the index stayed within its baseline.</p>'
    items = []
    for t in turns[-MAX_TURNS:]:
        found = [by_id[i] for i in t["drivers"] if i in by_id]
        found.sort(key=lambda i: (-(ctx.ladder.rung_of(i["root"]) or 0), -i["outlets"], i["id"]))
        drivers = "; ".join(_incident_line(ctx, i) for i in found[:MAX_DRIVERS]) \
            or '<span class="muted">quiet days: no incident since the last peak</span>'
        if len(found) > MAX_DRIVERS:
            drivers += f' <span class="muted">and {len(found) - MAX_DRIVERS} more</span>'
        items.append(f'<li><b class="trend-{h(t["trend"])}">{h(t["period"])}: {h(t["trend"])}</b> '
                     f'<span class="muted">(index {t["index"]:g})</span> — {drivers}</li>')
    earlier = "" if len(turns) <= MAX_TURNS else \
        f'<p class="muted small">Latest {MAX_TURNS} of {len(turns)} turning points.</p>'
    return f'<h4>Turning points</h4>{earlier}<ul class="turns">{"".join(items)}</ul>'


def _evidence(text: str | None, trigger: dict | None) -> str:
    if not text:
        return ""
    if trigger and 0 <= trigger["start"] < trigger["end"] <= len(text):
        s, e = trigger["start"], trigger["end"]
        return f"{h(text[:s])}<mark>{h(text[s:e])}</mark>{h(text[e:])}"
    return h(text)


def _cut_note(total: int, command: str) -> str:
    if total <= MAX_FOLDED:
        return ""
    return f'<p class="muted small">and {total - MAX_FOLDED} more: <code>{h(command)}</code> lists them all.</p>'


def _incident_table(ctx: Context, incidents: list[dict], shown: int = 25) -> str:
    def row(i: dict) -> str:
        rung = ctx.ladder.rung_of(i["root"])
        return (f'<tr><td class="small nowrap">{h(i["date"]) or UNDATED}</td><td class="dyad">{h(i["source"]["country"])} → '
                f'{h(i["target"]["country"])}</td><td>{ctx.chip(rung)} {ctx.act(i["code"])}</td>'
                f'<td class="num">{i["articles"]}</td><td class="num">{i["outlets"]}</td>'
                f'<td class="evidence">“{_evidence(i["evidence"]["text"], i["evidence"].get("trigger"))}” '
                f'<span class="small">— {ctx.link(i["evidence"]["doc_id"])}</span></td></tr>')

    head = ('<table><thead><tr><th>Date</th><th>Dyad</th><th>Act</th><th class="num">Articles</th>'
            '<th class="num">Outlets</th><th>Evidence</th></tr></thead><tbody>')
    def by_date(items: list[dict]) -> list[dict]:
        return sorted(items, key=lambda i: (i["date"] is None, i["date"] or "", i["id"]))

    # the most severe and most widely reported first; the rest, by date, behind a fold
    top = sorted(incidents, key=lambda i: (-(ctx.ladder.rung_of(i["root"]) or 0), -i["outlets"], i["id"]))[:shown]
    rest = by_date([i for i in incidents if i not in top])
    more = ""
    if rest:
        cut = _cut_note(len(rest), "detente incidents --dyad …")
        more = (f'<details><summary>{len(rest)} more incidents</summary>{head}'
                f'{"".join(row(i) for i in rest[:MAX_FOLDED])}</tbody></table>{cut}</details>')
    title = "Incidents" if not rest else f"The {len(top)} most severe and most reported incidents"
    return f'<div class="panel"><h4>{title}</h4>{head}{"".join(row(i) for i in by_date(top))}</tbody></table>{more}</div>'


def _network(store: Store, ctx: Context) -> str:
    t = schema.incidents
    query = (select(t.c.source_country, t.c.target_country, t.c.root, func.count().label("n"))
             .where(t.c.source_country != "---", t.c.target_country != "---", t.c.source_country != t.c.target_country)
             .group_by(t.c.source_country, t.c.target_country, t.c.root))
    edges: dict[tuple[str, str], dict] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(query):
            e = edges.setdefault((r.source_country, r.target_country),
                                 {"source": r.source_country, "target": r.target_country, "incidents": 0, "rung": None})
            e["incidents"] += r.n
            rung = ctx.ladder.rung_of(r.root)
            if rung is not None and (e["rung"] is None or rung > e["rung"]):
                e["rung"] = rung
    return network_svg(ctx, sorted(edges.values(), key=lambda e: e["incidents"]))


def conflicts(a: dict, b: dict) -> bool:
    """Whether two claims of a group say opposite things, by the claims ledger's own test
    (polarity, numbers) when it is installed, else by the group's status."""
    try:
        from ..claims.ledger import negative, numbers_conflict
    except ImportError:
        return a["status"] == "contradicted"

    def values(c: dict) -> list[float]:
        return [float(n["value"]) for n in (c["numbers"] or []) if isinstance(n, dict) and "value" in n]

    return (negative(a["content_text"] or "", a["cue"] or "") != negative(b["content_text"] or "", b["cue"] or "")
            or numbers_conflict(values(a), values(b)))


def _claims(store: Store, ctx: Context) -> str:
    rows = store.rows("claims")
    if not rows:
        return '<div class="panel"><p class="empty">No claims in the store.</p></div>'
    groups: dict[Any, list[dict]] = defaultdict(list)
    for c in rows:
        if c["group_id"] is not None:
            groups[c["group_id"]].append(c)
    order = {"contradicted": 0, "corroborated": 1}
    rows.sort(key=lambda c: (order.get(c["status"] or "", 2), c["group_id"] or 0, c["id"]))

    def row(c: dict) -> str:
        own = ctx.outlet(c["doc_id"])
        sides: dict[bool, set[str]] = {True: set(), False: set()}
        for o in groups.get(c["group_id"], []):
            if o["id"] != c["id"] and ctx.outlet(o["doc_id"]) != own:
                sides[conflicts(c, o)].add(ctx.outlet(o["doc_id"]))
        for conflict, key in ((False, "corroborated_by"), (True, "contradicted_by")):  # other outlets' reporting
            sides[conflict] |= {ctx.outlet(e["doc_id"]) for e in (c["extra"] or {}).get(key, [])}
        status = c["status"] or "unjudged"
        content = c["content_text"] if len(c["content_text"]) <= 260 else c["content_text"][:257] + "…"
        return (f'<tr><td class="grade grade-{h((c["grade"] or "-")[0])}">{h(c["grade"] or "–")}</td><td>{h(c["speaker_text"] or "the author")} '
                f'<span class="muted small">{h(c["speaker_kind"])}</span></td><td>{h(content)}</td>'
                f'<td class="status-{h(status)}">{h(status)}</td>'
                f'<td class="small">{h(", ".join(sorted(sides[False]))) or "—"}</td>'
                f'<td class="small">{h(", ".join(sorted(sides[True]))) or "—"}</td>'
                f'<td class="small">{ctx.link(c["doc_id"])}</td></tr>')

    head = ('<table><thead><tr><th>Grade</th><th>Speaker</th><th>Claim</th><th>Status</th>'
            '<th>Corroborated by</th><th>Contradicted by</th><th>Article</th></tr></thead><tbody>')
    counts = Counter(c["status"] or "unjudged" for c in rows)
    summary = " · ".join(f"{n} {h(k)}" for k, n in counts.most_common())
    shown = 40
    rest = rows[shown:shown + MAX_FOLDED]
    more = "" if not rest else (f'<details><summary>{len(rows) - shown} more claims</summary>{head}'
                                f'{"".join(row(c) for c in rest)}</tbody></table>'
                                f'{_cut_note(len(rows) - shown, "detente claims")}</details>')
    return (f'<div class="panel"><p class="muted small">{len(rows)} claims: {summary}</p>{head}'
            f'{"".join(row(c) for c in rows[:shown])}</tbody></table>{more}</div>')


def brier(probability: float, resolution: str | None) -> float | None:
    """The Brier score of one forecast: (p − outcome)², None while open or void."""
    if resolution not in ("yes", "no"):
        return None
    return (probability - (1.0 if resolution == "yes" else 0.0)) ** 2


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def forecast_scores(store: Store, ctx: Context) -> tuple[list[dict], list[tuple], list[tuple]]:
    """(forecasts, leaderboard rows, calibration points), from the forecasts ledger's own scoring
    when it is installed, else scored here from each forecast's probability and resolution."""
    try:
        from ..forecasts import ledger
    except ImportError:
        return _own_scores(store, ctx)
    found = [{"who": r["forecaster_name"], "kind": r["forecaster"]["kind"], "text": r["proposition"]["text"],
              "phrase": r["phrase"], "probability": r["probability"], "deadline": r["deadline"],
              "resolution": r["resolution"], "brier": r["brier"], "doc_id": r["doc_id"]} for r in ledger.rows(store)]
    leaders = [(r["brier"], r["forecaster"], r["kind"], r["forecasts"], r["resolved"]) for r in ledger.forecasters(store)]
    points = [(b["stated"], b["observed"], b["forecasts"]) for b in ledger.calibration(store, bins=10) if b["forecasts"]]
    return found, leaders, points


def _own_scores(store: Store, ctx: Context) -> tuple[list[dict], list[tuple], list[tuple]]:
    found = []
    for f in store.rows("forecasts"):
        doc = ctx.docs.get(f["doc_id"]) or {}
        who = f["forecaster_text"] if f["forecaster_kind"] != "author" and f["forecaster_text"] else \
            doc.get("author") or f'author at {doc.get("outlet") or f["doc_id"]}'
        found.append({"who": who, "kind": f["forecaster_kind"], "text": f["proposition_text"], "phrase": f["phrase"],
                      "probability": f["probability"], "deadline": f["deadline"], "resolution": f["resolution"],
                      "brier": brier(f["probability"], f["resolution"]), "doc_id": f["doc_id"]})
    board: dict[str, list[dict]] = defaultdict(list)
    for f in found:
        board[" ".join(f["who"].lower().split())].append(f)
    leaders = []
    for items in board.values():
        scores = [f["brier"] for f in items if f["brier"] is not None]
        leaders.append((sum(scores) / len(scores) if scores else None, items[0]["who"], items[0]["kind"],
                        len(items), len(scores)))
    leaders.sort(key=lambda r: (r[0] is None, r[0] if r[0] is not None else 0, -r[3], r[1]))
    bins: dict[int, list[dict]] = defaultdict(list)
    for f in found:
        if f["resolution"] in ("yes", "no"):
            bins[min(int(f["probability"] * 10), 9)].append(f)
    points = [(sum(f["probability"] for f in fs) / len(fs), sum(f["resolution"] == "yes" for f in fs) / len(fs), len(fs))
              for _, fs in sorted(bins.items())]
    return found, leaders, points


def _forecasts(store: Store, ctx: Context) -> str:
    found, leaders, points = forecast_scores(store, ctx)
    if not found:
        return '<div class="panel"><p class="empty">No forecasts in the store.</p></div>'
    open_ = [f for f in found if not f["resolution"]]
    resolved = [f for f in found if f["resolution"]]

    def table(items: list[dict], with_outcome: bool) -> str:
        if not items:
            return '<p class="empty">None.</p>'
        body = "".join(
            f'<tr><td>{h(f["who"])}</td><td>{h(f["text"])} <span class="muted small">“{h(f["phrase"] or "will")}”</span></td>'
            f'<td class="num">{f["probability"]:.0%}</td><td class="small">{h(f["deadline"] or "—")}</td>'
            + (f'<td>{h(f["resolution"])}</td><td class="num">{_score(f["brier"])}</td>' if with_outcome else "")
            + f'<td class="small">{ctx.link(f["doc_id"])}</td></tr>' for f in items)
        extra = '<th>Outcome</th><th class="num">Brier</th>' if with_outcome else ""
        return (f'<table><thead><tr><th>Forecaster</th><th>Proposition</th><th class="num">P</th><th>Deadline</th>'
                f'{extra}<th>Article</th></tr></thead><tbody>{body}</tbody></table>')

    board_html = "".join(
        f'<tr><td>{h(who)}</td><td class="muted small">{h(kind)}</td><td class="num">{n}</td><td class="num">{k}</td>'
        f'<td class="num">{_score(score)}</td></tr>' for score, who, kind, n, k in leaders[:LEADERS])
    return (f'<div class="two"><div class="panel"><h4>Leaderboard</h4><table><thead><tr><th>Forecaster</th><th>Kind</th>'
            f'<th class="num">Forecasts</th><th class="num">Resolved</th><th class="num">Brier</th></tr></thead>'
            f'<tbody>{board_html}</tbody></table></div><div class="panel"><h4>Calibration</h4>{calibration_svg(points)}'
            f'<p class="muted small">{sum(p[2] for p in points)} resolved forecasts; on the dashed line '
            f'stated probabilities come true as often as they say.</p></div></div>'
            f'<div class="panel"><h4>Open ({len(open_)})</h4>{table(open_, False)}</div>'
            f'<div class="panel"><h4>Resolved ({len(resolved)})</h4>{table(resolved, True)}</div>')


def _quality(store: Store, ctx: Context) -> str:
    docs = list(ctx.docs.values())
    status = Counter(d["status"] for d in docs)
    undated = [d for d in docs if not d["date"]]
    non_english = [d for d in docs if d["status"] == "non_english" or (d["language"] or "en") != "en"]
    duplicates = [d for d in docs if d["duplicate_of"]]
    unread = [d for d in docs if d["status"] == "ok" and not (d["processed"] or {})]
    recoded = [d for d in docs if (d["extra"] or {}).get("encoding")]
    e = schema.events
    with store.engine.connect() as conn:
        unresolved = conn.execute(select(func.count()).select_from(e).where(
            (e.c.source_country == "---") | (e.c.target_country == "---"))).scalar_one()
        named = Counter()
        for side in ("source", "target"):
            named.update(dict(conn.execute(select(e.c[f"{side}_text"], func.count()).where(e.c[f"{side}_country"] == "---")
                                           .group_by(e.c[f"{side}_text"])).all()))
        unresolved_texts = named.most_common(8)
        low = conn.execute(select(e.c.id, e.c.doc_id, e.c.code, e.c.confidence, e.c.sentence)
                           .where(e.c.confidence < LOW_CONFIDENCE).order_by(e.c.confidence).limit(10)).all()
        n_low = conn.execute(select(func.count()).select_from(e).where(e.c.confidence < LOW_CONFIDENCE)).scalar_one()
        modality = conn.execute(select(e.c.modality, func.count()).group_by(e.c.modality)).all()

    def doc_list(items: list[dict]) -> str:
        if not items:
            return '<p class="muted small">None.</p>'
        lis = "".join(f'<li>{ctx.link(d["id"], d["title"] or d["id"])} <span class="muted small">{h(d["source"] or "")}'
                      f'{" → copy of " + h(d["duplicate_of"]) if d["duplicate_of"] else ""}</span></li>' for d in items[:15])
        return f'<ul class="small">{lis}</ul>'

    statuses = " · ".join(f"{n} {h(k)}" for k, n in status.most_common()) or "no documents"
    modalities = " · ".join(f"{n} {h(k)}" for k, n in sorted(modality, key=lambda m: -m[1])) or "no events"
    texts = ", ".join(f"“{h(t or '?')}” ({n})" for t, n in unresolved_texts)
    lows = "".join(f'<li><span class="muted">{c:.2f} · {h(code)}</span> {h(s)} — {ctx.link(doc)}</li>'
                   for _, doc, code, c, s in low)
    return (f'<div class="two"><div class="panel"><h4>Documents</h4><p>{statuses}</p>'
            f'<h4>Without a date ({len(undated)})</h4>{doc_list(undated)}'
            f'<h4>Non-English ({len(non_english)})</h4>{doc_list(non_english)}'
            f'<h4>Duplicates and cross-posts ({len(duplicates)})</h4>{doc_list(duplicates)}'
            f'<h4>Stored but never read ({len(unread)})</h4>{doc_list(unread)}'
            f'<h4>Decoded from a legacy encoding ({len(recoded)})</h4>{doc_list(recoded)}'
            f'<p class="muted small">Files that failed to ingest (empty, binary, no article text, malformed '
            f'lines) are never stored: <code>detente analyze</code> lists them as it runs.</p></div>'
            f'<div class="panel"><h4>Events by modality</h4><p>{modalities}</p>'
            f'<h4>Unresolved actors ({unresolved} events)</h4><p class="small">{texts or "None."}</p>'
            f'<h4>Low-confidence events ({n_low} below {LOW_CONFIDENCE})</h4>'
            f'<ul class="small">{lows or "<li>None.</li>"}</ul></div></div>')


def write_report(store: Store, path: str | Path, *, extra_dirs=()) -> Path:
    """Write the report to ``path`` (one HTML file, no external resource) and return the path."""
    path = Path(path)
    ctx = Context(store, extra_dirs)
    top = analytics.dyads(store, limit=12, extra_dirs=extra_dirs)
    pairs = _pairs(top)
    dyad_sections = "".join(_dyad_section(store, ctx, a, b) for a, b in pairs) or \
        '<div class="panel"><p class="empty">No dyad has incidents yet.</p></div>'
    try:
        package_version = version("detente")
    except PackageNotFoundError:
        package_version = "dev"
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    page = Template((TEMPLATES / "report.html").read_text(encoding="utf-8")).substitute(
        css=(TEMPLATES / "report.css").read_text(encoding="utf-8"),
        generated=h(now), version=h(package_version), store=h(_store_name(store)),
        subtitle=h(f"{len(ctx.docs)} articles · {len(pairs)} dyads in focus · generated {now}"),
        cards=_cards(store, ctx), ladder=_ladder_legend(ctx), overview=_overview(store, ctx, top),
        dyads=dyad_sections, network=_network(store, ctx), claims=_claims(store, ctx),
        forecasts=_forecasts(store, ctx), quality=_quality(store, ctx),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def _store_name(store: Store) -> str:
    """The store URL without any password."""
    return store.engine.url.render_as_string(hide_password=True)
