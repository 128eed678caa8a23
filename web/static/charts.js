// Charts in plain SVG: the timeline (stacked bars by QuadClass), the dyad
// network (force layout) and the map of event locations (equirectangular,
// Natural Earth outlines). Each chart also offers its numbers as a table.

import { h, s, fill, fmtNum, QUAD_NAMES } from './dom.js';

function empty(el, msg) {
  fill(el, h('p', { class: 'empty' }, msg));
}

function dataTable(caption, head, rows) {
  return h('details', {}, h('summary', {}, `${caption} as a table`),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, head.map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map(r => h('tr', {}, r.map((x, i) => h('td', { class: i ? 'num' : '' }, String(x)))))))));
}

// periods lists every interval start from first to last, so that quiet
// periods show as gaps instead of disappearing.
function periods(first, last, interval) {
  const out = [];
  const d = new Date(first + 'T00:00:00Z');
  const end = new Date(last + 'T00:00:00Z');
  while (d <= end && out.length < 5000) {
    out.push(d.toISOString().slice(0, 10));
    if (interval === 'day') d.setUTCDate(d.getUTCDate() + 1);
    else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

function niceMax(x) {
  if (x <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

// timeline draws stacked bars of event counts per period and QuadClass.
export function timeline(el, answer) {
  const b = answer.buckets;
  if (!b.length) return empty(el, 'No dated events match.');
  // Keep empty periods as gaps, unless that would make thousands of bars:
  // then only periods with events are drawn, and the caption says so.
  let ps = periods(b[0].period, b[b.length - 1].period, answer.interval);
  let sparse = false;
  if (ps.length > 1500) {
    ps = [...new Set(b.map(x => x.period))];
    sparse = true;
  }
  const idx = new Map(ps.map((p, i) => [p, i]));
  const counts = ps.map(() => [0, 0, 0, 0, 0]);
  for (const x of b) {
    const i = idx.get(x.period);
    const q = Number(x.group);
    if (i !== undefined && q >= 0 && q <= 4) counts[i][q] += x.count;
  }
  const W = 900, H = 260, L = 44, R = 10, T = 10, B = 46;
  const pw = W - L - R, ph = H - T - B;
  const max = niceMax(Math.max(...counts.map(c => c.reduce((a, x) => a + x, 0))));
  const bw = pw / ps.length;
  const total = counts.reduce((a, c) => a + c.reduce((x, y) => x + y, 0), 0);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'timeline-cap timeline-desc' },
    s('desc', { id: 'timeline-desc' }, `${total} events from ${ps[0]} to ${ps[ps.length - 1]}, by ${answer.interval}.`));
  const note = sparse ? h('p', { class: 'status' }, `Only the ${ps.length} ${answer.interval}s with events are shown; choose a longer interval or narrow the dates to see the gaps.`) : null;
  const axis = s('g', { class: 'axis' });
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4, y = T + ph - (ph * v) / max;
    axis.append(s('line', { x1: L, x2: W - R, y1: y, y2: y }), s('text', { x: L - 6, y: y + 4, 'text-anchor': 'end' }, fmtNum(v)));
  }
  const every = Math.ceil(ps.length / 10);
  ps.forEach((p, i) => {
    if (i % every) return;
    const label = answer.interval === 'month' ? p.slice(0, 7) : p;
    axis.append(s('text', { x: L + bw * (i + 0.5), y: H - B + 16, 'text-anchor': 'middle' }, label));
  });
  svg.append(axis);
  const bars = s('g', {});
  counts.forEach((c, i) => {
    let y = T + ph;
    c.forEach((n, q) => {
      if (!n) return;
      const hgt = (ph * n) / max;
      y -= hgt;
      bars.append(s('rect', { class: `bar q${q}`, x: L + bw * i + Math.min(1, bw * 0.1), y, width: Math.max(1, bw - Math.min(2, bw * 0.2)), height: hgt },
        s('title', {}, `${ps[i]}: ${n} ${QUAD_NAMES[q]}`)));
    });
  });
  svg.append(bars);
  const keys = h('ul', { class: 'keys' }, QUAD_NAMES.map((n, q) => h('li', {}, h('span', { class: `swatch sw-q${q}`, 'aria-hidden': 'true' }), `${q} ${n}`)));
  const rows = counts.map((c, i) => [ps[i], ...c]).filter(r => r.slice(1).some(x => x));
  fill(el, svg, note, keys, dataTable('Timeline', ['period', ...QUAD_NAMES], rows));
}

// goldsteinColour maps a mean Goldstein score (-10..10) to red, grey or blue.
export function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [107, 114, 128], red = [185, 28, 28], blue = [37, 99, 235];
  const to = t < 0 ? red : blue, a = Math.abs(t);
  const c = grey.map((x, i) => Math.round(x + (to[i] - x) * a));
  return `rgb(${c.join(',')})`;
}

// layout places nodes with a Fruchterman-Reingold force simulation plus a
// strong pull to the centre (news dyads form many small components, which
// plain FR pushes to the edges), starting from a circle so that the result
// is the same every time, then stretches the result to fill the box. The
// constants were tuned on real dyads for few overlaps.
function layout(nodes, edges, W, H) {
  const n = nodes.length;
  nodes.forEach((nd, i) => {
    const a = (2 * Math.PI * i) / n;
    nd.x = W / 2 + (W / 3) * Math.cos(a);
    nd.y = H / 2 + (H / 3) * Math.sin(a);
  });
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.5;
  const gravity = 3;
  let temp = W / 8;
  for (let it = 0; it < 300; it++) {
    for (const a of nodes) { a.dx = 0; a.dy = 0; }
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = nodes[i], b = nodes[j];
      let dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(1, Math.hypot(dx, dy));
      const f = (k * k) / d;
      dx /= d; dy /= d;
      a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
    }
    for (const e of edges) {
      const a = e.a, b = e.b;
      if (a === b) continue;
      let dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(1, Math.hypot(dx, dy));
      const f = (d * d) / k;
      dx /= d; dy /= d;
      a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
    }
    for (const a of nodes) {
      a.dx += (W / 2 - a.x) * gravity;
      a.dy += (H / 2 - a.y) * gravity;
      const d = Math.max(1, Math.hypot(a.dx, a.dy));
      a.x += (a.dx / d) * Math.min(d, temp);
      a.y += (a.dy / d) * Math.min(d, temp);
    }
    temp *= 0.985;
  }
  const xs = nodes.map(a => a.x), ys = nodes.map(a => a.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  for (const a of nodes) {
    a.x = n === 1 ? W / 2 : 45 + ((a.x - x0) / Math.max(1, x1 - x0)) * (W - 90);
    a.y = n === 1 ? H / 2 : 28 + ((a.y - y0) / Math.max(1, y1 - y0)) * (H - 62);
  }
}

// network draws actors as nodes and dyads as arrows from source to target,
// width by count, colour by mean Goldstein. pick(code) is called when a node
// is chosen by click or keyboard.
export function network(el, dyads, pick) {
  const ds = dyads.filter(d => d.source && d.target);
  if (!ds.length) return empty(el, 'No dyads match.');
  const byCode = new Map();
  const node = code => {
    if (!byCode.has(code)) byCode.set(code, { code, n: 0 });
    return byCode.get(code);
  };
  const edges = ds.map(d => {
    const a = node(d.source), b = node(d.target);
    a.n += d.count;
    if (b !== a) b.n += d.count;
    return { a, b, d };
  });
  const nodes = [...byCode.values()];
  const W = 600, H = 440;
  layout(nodes, edges, W, H);
  const maxN = Math.max(...nodes.map(x => x.n)), maxC = Math.max(...ds.map(d => d.count));
  const rad = nd => 6 + 14 * Math.sqrt(nd.n / maxN);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-labelledby': 'network-cap' });
  const eg = s('g', { 'aria-hidden': 'true' });
  for (const e of edges) {
    if (e.a === e.b) continue;
    const { a, b, d } = e;
    const dx = b.x - a.x, dy = b.y - a.y, len = Math.max(1, Math.hypot(dx, dy));
    // bend each edge to its left so that A→B and B→A do not overlap
    const cx = (a.x + b.x) / 2 - (dy / len) * len * 0.15, cy = (a.y + b.y) / 2 + (dx / len) * len * 0.15;
    const tx = b.x - cx, ty = b.y - cy, tl = Math.max(1, Math.hypot(tx, ty));
    const ux = tx / tl, uy = ty / tl, rb = rad(b) + 2;
    const ex = b.x - ux * rb, ey = b.y - uy * rb;
    const col = goldsteinColour(d.goldstein);
    const w = 1 + 6 * (d.count / maxC);
    const head = 5 + w;
    eg.append(
      s('path', { class: 'edge', d: `M${a.x},${a.y} Q${cx},${cy} ${ex - ux * head * 0.8},${ey - uy * head * 0.8}`, stroke: col, 'stroke-width': w },
        s('title', {}, `${d.source} → ${d.target}: ${d.count} events, mean Goldstein ${fmtNum(d.goldstein)}`)),
      s('path', { d: `M${ex},${ey} L${ex - ux * head - uy * head * 0.5},${ey - uy * head + ux * head * 0.5} L${ex - ux * head + uy * head * 0.5},${ey - uy * head - ux * head * 0.5} Z`, fill: col }));
  }
  svg.append(eg);
  const ng = s('g', {});
  for (const nd of nodes) {
    const g = s('g', { class: 'node', tabindex: '0', role: 'button', transform: `translate(${nd.x},${nd.y})`,
      'aria-label': `${nd.code}: ${nd.n} events; show this actor's events`, dataset: { code: nd.code } },
    s('circle', { r: rad(nd) }), s('text', { y: rad(nd) + 12, 'text-anchor': 'middle' }, nd.code),
    s('title', {}, `${nd.code}: ${nd.n} events`));
    g.addEventListener('click', () => pick(nd.code));
    g.addEventListener('keydown', ev => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pick(nd.code); } });
    ng.append(g);
  }
  svg.append(ng);
  const keys = h('ul', { class: 'keys' }, [-10, -5, 0, 5, 10].map(g => {
    const sw = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    sw.style.background = goldsteinColour(g);
    return h('li', {}, sw, `Goldstein ${g > 0 ? '+' : ''}${g}`);
  }));
  fill(el, svg, keys, dataTable('Dyads', ['source → target', 'events', 'mean Goldstein'],
    ds.map(d => [`${d.source} → ${d.target}`, d.count, fmtNum(d.goldstein)])));
}

// rings decodes a TopoJSON topology's polygons into rings of [lon, lat].
function rings(topo, object) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map(arc => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = ids => {
    const pts = [];
    for (const i of ids) {
      const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    return pts;
  };
  const out = [];
  for (const g of topo.objects[object].geometries) {
    if (g.type === 'Polygon') g.arcs.forEach(r => out.push(ring(r)));
    else if (g.type === 'MultiPolygon') g.arcs.forEach(p => p.forEach(r => out.push(ring(r))));
  }
  return out;
}

const MAP = { W: 960, H: 470, top: 84, bottom: -58 };
const project = (lon, lat) => [((lon + 180) / 360) * MAP.W, ((MAP.top - lat) / (MAP.top - MAP.bottom)) * MAP.H];

// worldPath turns the country outlines into one SVG path (computed once per topology).
export function worldPath(topo) {
  return rings(topo, 'countries').map(r => 'M' + r.map(([lon, lat]) => project(lon, lat).map(v => v.toFixed(1)).join(',')).join('L') + 'Z').join('');
}

// map draws the places as circles with area proportional to their event
// counts. pick(country) is called when a place is chosen.
export function map(el, answer, land, pick) {
  const ps = answer.places;
  const svg = s('svg', { viewBox: `0 0 ${MAP.W} ${MAP.H}`, role: 'group', 'aria-labelledby': 'map-cap map-desc' },
    s('desc', { id: 'map-desc' }, `${answer.located} of ${answer.events} events have a place; ${ps.length} places shown.`),
    s('rect', { class: 'sea', x: 0, y: 0, width: MAP.W, height: MAP.H }),
    land ? s('path', { class: 'land', d: land }) : null);
  const max = Math.max(1, ...ps.map(p => p.count));
  const g = s('g', {});
  // largest first, so that small places stay on top and clickable
  for (const p of [...ps].sort((a, b) => b.count - a.count)) {
    const [x, y] = project(p.lon, p.lat);
    const c = s('circle', { class: 'spot', cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 17 * Math.sqrt(p.count / max)).toFixed(1),
      tabindex: '0', role: 'button', 'aria-label': `${p.name}, ${p.country_name || p.country}: ${p.count} events; show events in ${p.country}`,
      dataset: { country: p.country } },
    s('title', {}, `${p.name}, ${p.country_name || p.country}: ${p.count} events`));
    c.addEventListener('click', () => pick(p.country));
    c.addEventListener('keydown', ev => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pick(p.country); } });
    g.append(c);
  }
  svg.append(g);
  fill(el, svg,
    ps.length ? null : h('p', { class: 'empty' }, 'No located events match.'),
    dataTable('Places', ['place', 'country', 'events'], ps.map(p => [p.name, p.country, p.count])));
}
