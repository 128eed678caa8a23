// Annalist's single-page UI: "#/code" codes an article, "#/explore?filters"
// explores stored events, "#/doc/ID?s=N" shows a stored document at a
// sentence. Everything comes from the JSON API under /v1.

import { h, fill, fmtNum, QUAD_NAMES } from './dom.js';
import { renderDocView, showSentence } from './view.js';
import { timeline, network, map, worldPath } from './charts.js';

const $ = id => document.getElementById(id);
const TOKEN_KEY = 'annalist-token';
const FILTERS = ['from', 'to', 'actor', 'source', 'target', 'country', 'root', 'code', 'plover', 'quad', 'q'];

// ApiError carries the API's error code and HTTP status.
class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

// api calls the JSON API with the tab's token, if any.
async function api(path, opts = {}) {
  const headers = new Headers(opts.headers || {});
  const tok = sessionStorage.getItem(TOKEN_KEY);
  if (tok) headers.set('Authorization', 'Bearer ' + tok);
  let res;
  try {
    res = await fetch(path, { ...opts, headers });
  } catch (e) {
    throw new ApiError(0, 'unavailable', 'The server cannot be reached.');
  }
  const isJSON = (res.headers.get('Content-Type') || '').startsWith('application/json');
  if (!res.ok) {
    const body = isJSON ? await res.json().catch(() => null) : null;
    const err = body && body.error ? body.error : { code: 'internal', message: res.statusText };
    throw new ApiError(res.status, err.code, err.message);
  }
  return opts.raw ? res : res.json();
}

function explainError(e) {
  if (e.status === 401) return `${e.message}. Enter a token under “API token” at the top.`;
  if (e.status === 403) return e.message;
  return e.message || String(e);
}

function banner(msg) {
  const b = $('banner');
  b.textContent = msg || '';
  b.hidden = !msg;
}

// ---- routing ----

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/code';
  const [path, query = ''] = raw.split('?');
  return { path, params: new URLSearchParams(query) };
}

function showPage(name) {
  for (const p of ['code', 'explore', 'doc']) $('page-' + p).hidden = p !== name;
  for (const p of ['code', 'explore']) {
    const a = $('nav-' + p);
    if (p === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
}

async function route() {
  banner('');
  loadCounts();
  const { path, params } = parseHash();
  if (path.startsWith('/doc/')) {
    showPage('doc');
    let id;
    try {
      id = decodeURIComponent(path.slice(5));
    } catch (e) {
      return banner('This link names no valid document id.');
    }
    return loadDoc(id, params);
  }
  if (path === '/explore') {
    showPage('explore');
    document.title = 'Explore — Annalist';
    return loadExplore(params);
  }
  showPage('code');
  document.title = 'Code an article — Annalist';
}

// ---- header ----

async function loadCounts() {
  try {
    const st = await api('/v1/stats');
    $('counts').textContent = `${st.documents} documents, ${st.events} events stored`;
  } catch (e) {
    $('counts').textContent = e.status === 503 ? 'no database' : '';
  }
}

function initToken() {
  const input = $('token');
  input.value = sessionStorage.getItem(TOKEN_KEY) || '';
  $('token-form').addEventListener('submit', ev => {
    ev.preventDefault();
    if (input.value.trim()) sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    else sessionStorage.removeItem(TOKEN_KEY);
    banner('');
    loadCounts();
    route();
  });
  $('token-clear').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    input.value = '';
  });
}

// ---- code an article ----

function articleFromForm() {
  const a = { text: $('code-text').value };
  for (const [k, id] of [['date', 'code-date'], ['title', 'code-title'], ['id', 'code-id']]) {
    const v = $(id).value.trim();
    if (v) a[k] = v;
  }
  return a;
}

function initCode() {
  $('code-file').addEventListener('change', async ev => {
    const f = ev.target.files[0];
    if (!f) return;
    $('code-text').value = await f.text();
    if (!$('code-title').value) $('code-title').value = f.name.replace(/\.[^.]*$/, '');
  });
  const status = $('code-status');
  const busy = on => { $('code-submit').disabled = on; $('code-store').disabled = on; };
  $('code-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const a = articleFromForm();
    if (!a.text.trim()) { status.textContent = 'Paste or upload an article first.'; return; }
    busy(true);
    status.textContent = 'Coding…';
    try {
      const v = await api('/v1/code', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(a) });
      renderDocView($('code-result'), v);
      status.textContent = `Coded: ${v.events.length} events.`;
    } catch (e) {
      status.textContent = '';
      banner(explainError(e));
    } finally {
      busy(false);
    }
  });
  $('code-store').addEventListener('click', async () => {
    const a = articleFromForm();
    if (!a.text.trim()) { status.textContent = 'Paste or upload an article first.'; return; }
    busy(true);
    status.textContent = 'Coding and storing…';
    try {
      const r = await api('/v1/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(a) });
      const id = r.documents[0].id;
      fill(status, `Stored ${r.events} events as `, h('a', { href: '#/doc/' + encodeURIComponent(id) }, id), '.');
      loadCounts();
      renderDocView($('code-result'), await api('/v1/documents/' + encodeURIComponent(id)));
    } catch (e) {
      status.textContent = '';
      banner(explainError(e));
    } finally {
      busy(false);
    }
  });
}

// ---- explore ----

let vocabulary = null;
let world = null;

async function loadVocabulary() {
  if (vocabulary) return;
  try {
    vocabulary = await api('/v1/cameo');
  } catch (e) {
    vocabulary = { roots: [], plover: [], quad_classes: QUAD_NAMES.map((name, value) => ({ value, name })) };
  }
  $('f-root').append(...vocabulary.roots.map(r => h('option', { value: r.code }, `${r.code} ${r.name.toLowerCase()}`)));
  $('f-plover').append(...vocabulary.plover.map(p => h('option', { value: p }, p)));
  $('f-quad').append(...vocabulary.quad_classes.map(q => h('option', { value: String(q.value) }, `${q.value} ${q.name}`)));
}

async function loadWorld() {
  if (world !== null) return world;
  try {
    const res = await fetch('/vendor/world-atlas/countries-110m.json');
    world = worldPath(await res.json());
  } catch (e) {
    world = '';
  }
  return world;
}

function filtersFromForm() {
  const p = new URLSearchParams();
  for (const k of [...FILTERS, 'interval']) {
    const v = $('f-' + k).value.trim();
    if (v && !(k === 'interval' && v === 'month')) p.set(k, v);
  }
  return p;
}

function filtersToForm(params) {
  for (const k of FILTERS) $('f-' + k).value = params.get(k) || '';
  $('f-interval').value = params.get('interval') || 'month';
}

function go(params) {
  location.hash = '#/explore' + (params.toString() ? '?' + params : '');
}

function pickFilter(key, value) {
  const p = filtersFromForm();
  p.set(key, value);
  go(p);
}

// The event table pages with the API's cursors; cursors[i] opens page i.
const table = { filters: '', cursors: [''], page: 0 };

async function loadTable(seq = exploreSeq) {
  const q = new URLSearchParams(table.filters);
  q.set('limit', $('page-size').value);
  const cursor = table.cursors[table.page];
  if (cursor) q.set('cursor', cursor);
  const body = $('events-table').querySelector('tbody');
  try {
    const page = await api('/v1/events?' + q);
    if (seq !== exploreSeq) return;
    table.cursors[table.page + 1] = page.next_cursor;
    table.cursors.length = table.page + 2;
    fill(body, page.events.length ? page.events.map(eventRow) : h('tr', {}, h('td', { colspan: '7' }, 'No events match.')));
    $('prev-page').disabled = table.page === 0;
    $('next-page').disabled = !page.next_cursor;
    $('page-info').textContent = `Page ${table.page + 1}`;
  } catch (e) {
    if (seq === exploreSeq) fill(body, h('tr', {}, h('td', { colspan: '7' }, explainError(e))));
  }
}

function eventRow(ev) {
  const l = ev.location;
  const link = `#/doc/${encodeURIComponent(ev.doc_id)}?s=${ev.sentence_index}`;
  return h('tr', { dataset: { id: ev.id } },
    h('td', {}, ev.date || '—'),
    h('td', {}, h('span', { class: 'mono' }, ev.source.code), ' ', ev.source.text),
    h('td', {}, h('span', { class: 'mono' }, ev.event.code), ' ', ev.event.name, ev.modality ? ` (${ev.modality})` : ''),
    h('td', {}, h('span', { class: 'mono' }, ev.target.code), ' ', ev.target.text),
    h('td', {}, l ? `${l.name}, ${l.country}` : ''),
    h('td', { class: 'num' }, fmtNum(ev.event.goldstein)),
    h('td', {}, h('a', { href: link, title: ev.sentence_text }, `${ev.doc_id} · sentence ${ev.sentence_index + 1}`)));
}

// exploreSeq numbers the loads of the explore page: only the latest may
// draw, so that a slow answer to old filters cannot overwrite a newer one.
let exploreSeq = 0;

async function loadExplore(params) {
  const seq = ++exploreSeq;
  const page = $('page-explore');
  page.dataset.loading = 'true';
  page.setAttribute('aria-busy', 'true');
  await loadVocabulary();
  filtersToForm(params);
  const f = new URLSearchParams();
  for (const k of FILTERS) if (params.get(k)) f.set(k, params.get(k));
  const interval = params.get('interval') || 'month';
  const status = $('explore-status');
  status.textContent = 'Loading…';
  table.filters = f.toString();
  table.cursors = [''];
  table.page = 0;
  const tl = new URLSearchParams(f); tl.set('interval', interval); tl.set('group', 'quad');
  const dy = new URLSearchParams(f); dy.set('limit', '60');
  const pl = new URLSearchParams(f); pl.set('limit', '300');
  const latest = draw => a => { if (seq === exploreSeq) draw(a); };
  const jobs = [
    api('/v1/stats/timeline?' + tl).then(latest(a => timeline($('timeline'), a))),
    api('/v1/stats/dyads?' + dy).then(latest(a => network($('network'), a.dyads, code => pickFilter('actor', code)))),
    Promise.all([api('/v1/stats/places?' + pl), loadWorld()]).then(latest(([a, land]) => map($('map'), a, land, c => pickFilter('country', c)))),
    loadTable(seq),
  ];
  const results = await Promise.allSettled(jobs);
  if (seq !== exploreSeq) return;
  const failed = results.find(r => r.status === 'rejected');
  if (failed) {
    status.textContent = '';
    banner(explainError(failed.reason));
  } else {
    status.textContent = 'Updated.';
  }
  delete page.dataset.loading;
  page.removeAttribute('aria-busy');
}

function initExplore() {
  $('filters').addEventListener('submit', ev => { ev.preventDefault(); go(filtersFromForm()); });
  $('f-reset').addEventListener('click', () => go(new URLSearchParams()));
  $('page-size').addEventListener('change', () => { table.cursors = ['']; table.page = 0; loadTable(); });
  $('next-page').addEventListener('click', () => { if (table.cursors[table.page + 1]) { table.page++; loadTable(); } });
  $('prev-page').addEventListener('click', () => { if (table.page > 0) { table.page--; loadTable(); } });
  $('f-export').addEventListener('click', async () => {
    const p = new URLSearchParams(table.filters);
    p.set('format', 'jsonl');
    $('explore-status').textContent = 'Preparing the download…';
    try {
      const res = await api('/v1/export?' + p, { raw: true });
      const url = URL.createObjectURL(await res.blob());
      const a = h('a', { href: url, download: 'annalist-events.jsonl' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      $('explore-status').textContent = 'Downloaded.';
    } catch (e) {
      $('explore-status').textContent = '';
      banner(explainError(e));
    }
  });
}

// ---- a stored document ----

async function loadDoc(id, params) {
  fill($('doc-meta'));
  fill($('doc-result'), h('p', { class: 'status' }, 'Loading…'));
  $('doc-h').textContent = id;
  try {
    const v = await api('/v1/documents/' + encodeURIComponent(id));
    const d = v.document;
    $('doc-h').textContent = d.title || d.id;
    document.title = `${d.title || d.id} — Annalist`;
    fill($('doc-meta'), [d.id, d.date, d.dateline, d.source].filter(Boolean).join(' · '),
      /^https?:\/\//i.test(d.url || '') ? [' · ', h('a', { href: d.url, rel: 'noopener noreferrer' }, 'original')] : null);
    renderDocView($('doc-result'), v);
    const s = Number(params.get('s'));
    if (params.has('s') && Number.isInteger(s)) {
      showSentence(s);
      const card = document.querySelector(`.card[data-sentence="${s}"]`);
      if (card) card.classList.add('from-link');
    }
  } catch (e) {
    fill($('doc-result'));
    banner(explainError(e));
  }
}

// ---- start ----

initToken();
initCode();
initExplore();
window.addEventListener('hashchange', route);
route();
