// Small DOM helpers. Text always goes in through textContent, never innerHTML,
// so article text and codes from the API cannot inject markup.

const SVGNS = 'http://www.w3.org/2000/svg';

function apply(el, props) {
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
}

function append(el, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k === undefined || k === null || k === false) continue;
    el.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
}

// h builds an HTML element: h('a', {href: '#', class: 'x'}, 'text', child).
export function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  apply(el, props);
  append(el, kids);
  return el;
}

// s builds an SVG element.
export function s(tag, props, ...kids) {
  const el = document.createElementNS(SVGNS, tag);
  apply(el, props);
  append(el, kids);
  return el;
}

// clear empties an element and appends the new children.
export function fill(el, ...kids) {
  el.replaceChildren();
  append(el, kids);
  return el;
}

// Byte offsets: the API's spans count UTF-8 bytes; JavaScript strings count
// UTF-16 units. Bytes wraps a string's UTF-8 encoding for slicing.
const enc = new TextEncoder();
const dec = new TextDecoder();

export class Bytes {
  constructor(text) { this.b = enc.encode(text); }
  get length() { return this.b.length; }
  slice(start, end) { return dec.decode(this.b.subarray(Math.max(0, start), Math.min(this.b.length, end))); }
}

// segments cuts text at the boundaries of marks ({start, end} in bytes) and
// returns [{text, marks}] where marks are those covering the piece.
export function segments(text, marks) {
  const bytes = new Bytes(text);
  const cuts = new Set([0, bytes.length]);
  const ok = marks.filter(m => m.start >= 0 && m.end <= bytes.length && m.start < m.end);
  for (const m of ok) { cuts.add(m.start); cuts.add(m.end); }
  const pts = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    out.push({ text: bytes.slice(a, b), marks: ok.filter(m => m.start <= a && m.end >= b) });
  }
  return out;
}

export function fmtNum(x, digits = 1) {
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

export const QUAD_NAMES = ['neutral', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
