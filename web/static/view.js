// Renders a coded document (the answer of POST /v1/code or GET
// /v1/documents/{id}): the text with actors, verbs, places and quotes
// highlighted from their byte spans, one card per event, and on demand the
// evidence for an event.

import { h, fill, segments, Bytes, fmtNum, QUAD_NAMES } from './dom.js';

// docMarks collects every highlight of the view in document byte offsets.
function docMarks(v) {
  const start = new Map(v.sentences.map(s => [s.index, s.span.start]));
  const marks = [];
  const at = (sent, span) => (start.has(sent) ? { start: start.get(sent) + span.start, end: start.get(sent) + span.end } : null);
  for (const a of v.actors) {
    const p = at(a.sentence_index, a.span);
    if (!p) continue;
    for (const role of a.roles) marks.push({ ...p, kind: role, events: a.events, label: `${role} ${a.code}: ${a.text}` });
  }
  v.events.forEach((ev, i) => {
    const p = at(ev.sentence_index, ev.evidence.verb_span);
    if (p) marks.push({ ...p, kind: 'verb', events: [i], label: `verb: ${ev.evidence.verb}` });
    const l = ev.location;
    if (l) {
      const q = l.sentence_index < 0 ? { start: l.span.start, end: l.span.end } : at(l.sentence_index, l.span);
      if (q) marks.push({ ...q, kind: 'place', events: [i], label: `place: ${l.name}, ${l.country_name || l.country}` });
    }
  });
  for (const q of v.quotes) marks.push({ start: q.span.start, end: q.span.end, kind: 'quote', events: [], label: 'quotation' });
  return marks;
}

// markup renders one piece of text with the marks (relative byte offsets) over it.
function markup(text, marks) {
  return segments(text, marks).map(seg => {
    if (!seg.marks.length) return seg.text;
    const kinds = [...new Set(seg.marks.map(m => m.kind))];
    const evs = [...new Set(seg.marks.flatMap(m => m.events))];
    return h('mark', {
      class: 'hl ' + kinds.map(k => 'hl-' + k).join(' '),
      title: seg.marks.map(m => m.label).join('\n'),
      dataset: { events: evs.join(' ') },
    }, seg.text);
  });
}

// renderText lays the sentences out in paragraphs, as the document's blank lines do.
function renderText(v, marks) {
  const doc = new Bytes(v.document.text);
  const root = h('div', { class: 'doc-text' });
  let para = h('p');
  let prevEnd = null;
  for (const s of v.sentences) {
    if (prevEnd !== null) {
      const gap = doc.slice(prevEnd, s.span.start);
      if (/\n\s*\n/.test(gap)) {
        root.append(para);
        para = h('p');
      } else if (gap.includes('\n')) {
        para.append(h('br'));
      } else {
        para.append(gap || ' ');
      }
    }
    const rel = marks
      .filter(m => m.end > s.span.start && m.start < s.span.end)
      .map(m => ({ ...m, start: Math.max(m.start, s.span.start) - s.span.start, end: Math.min(m.end, s.span.end) - s.span.start }));
    const body = s.kind === 'body';
    para.append(h('span', {
      class: 'sent' + (body ? '' : ' nonbody'), id: 'sent-' + s.index,
      dataset: { index: s.index, kind: s.kind }, tabindex: '-1',
    }, markup(s.text, rel)));
    prevEnd = s.span.end;
  }
  root.append(para);
  return root;
}

const prov = p => (p.line ? `${p.dict}:${p.line}` : p.dict);

function provenance(p) {
  return [h('code', {}, p.entry), ' ', h('span', { class: 'mono' }, `(${prov(p)})`)];
}

// actorFacts explains how an actor got its code.
function actorFacts(role, a) {
  const items = [h('dt', {}, role), h('dd', {}, h('span', { class: 'mono' }, a.code), ' — ', a.text)];
  if (a.entry) items.push(h('dt', {}, 'entry'), h('dd', {}, provenance(a.entry)));
  if (a.agents && a.agents.length) items.push(h('dt', {}, 'agents'), h('dd', {}, a.agents.map((g, i) => [i ? '; ' : '', provenance(g)])));
  if (a.resolution) {
    const r = a.resolution;
    items.push(h('dt', {}, 'resolved'), h('dd', {},
      `${r.method}: “${r.antecedent}” in sentence ${r.sentence_index + 1}`, r.reason ? ` — ${r.reason}` : ''));
  }
  if (!a.entry && !(a.agents && a.agents.length) && !a.resolution) items.push(h('dt', {}, 'entry'), h('dd', {}, 'no dictionary entry (a phrase the coder took as an actor)'));
  return items;
}

// explain builds the evidence panel of event i.
function explain(v, i, onShow) {
  const ev = v.events[i];
  const sentMarks = [
    { ...ev.source.span, kind: 'source', events: [], label: 'source' },
    { ...ev.target.span, kind: 'target', events: [], label: 'target' },
    { ...ev.evidence.verb_span, kind: 'verb', events: [], label: 'verb' },
    { ...ev.evidence.pattern.span, kind: 'pattern', events: [], label: 'pattern words' },
  ];
  const e = ev.event;
  const dl = h('dl', {},
    h('dt', {}, 'pattern'), h('dd', {}, provenance(ev.evidence.pattern)),
    h('dt', {}, 'verb'), h('dd', {}, ev.evidence.verb, ev.evidence.passive ? ' (read as passive: source and target swapped)' : ''),
    ev.evidence.transform ? [h('dt', {}, 'transform'), h('dd', {}, provenance(ev.evidence.transform))] : null,
    actorFacts('source', ev.source),
    actorFacts('target', ev.target),
    h('dt', {}, 'event'), h('dd', {}, h('span', { class: 'mono' }, e.code), ` ${e.name} — root ${e.root}, ${QUAD_NAMES[e.quad_class] || ''}, Goldstein ${fmtNum(e.goldstein)}`,
      e.plover ? `, PLOVER ${e.plover}${e.plover_mode ? ' / ' + e.plover_mode : ''}${e.plover_context ? ' (' + e.plover_context + ')' : ''}` : ''),
    h('dt', {}, 'date'), h('dd', {}, ev.date ? `${ev.date} (${ev.date_precision || 'day'})` : 'unknown',
      ev.date_text ? ` from “${ev.date_text}”` : ev.date ? ' from the publication date' : ''),
    ev.location ? [h('dt', {}, 'place'), h('dd', {}, `${ev.location.name}, ${ev.location.country_name || ev.location.country} (${ev.location.kind}, from the ${ev.location.from}; ${fmtNum(ev.location.lat, 2)}, ${fmtNum(ev.location.lon, 2)})`)] : null,
    ev.modality ? [h('dt', {}, 'modality'), h('dd', {}, ev.modality)] : null,
    ev.issues && ev.issues.length ? [h('dt', {}, 'issues'), h('dd', {}, ev.issues.map(x => `${x.code} ×${x.count}`).join(', '))] : null,
    h('dt', {}, 'reported in'), h('dd', {}, (ev.mentions && ev.mentions.length ? ev.mentions : [ev.sentence_index]).map((m, k) => [
      k ? ', ' : '', h('button', { type: 'button', class: 'secondary', on: { click: () => onShow(m, i) } }, `sentence ${m + 1}`)])),
  );
  const sents = new Set(ev.mentions && ev.mentions.length ? ev.mentions : [ev.sentence_index]);
  const quotes = v.quotes.filter(q => sents.has(q.sentence_index));
  return [
    h('h3', {}, 'Why this event'),
    h('p', { class: 'sentence' }, markup(ev.sentence_text, sentMarks)),
    dl,
    quotes.length ? [h('h3', {}, 'Quotes in this sentence'), quoteList(quotes)] : null,
  ];
}

function quoteList(quotes) {
  return h('ul', { class: 'quotes' }, quotes.map(q => h('li', {},
    h('q', {}, q.text),
    q.speaker ? ` — ${q.speaker.text} (${q.speaker.code})` : ' — speaker unknown',
    q.outlet ? `, as reported by ${q.outlet}` : '',
    ` (sentence ${q.sentence_index + 1})`)));
}

function card(v, i, onShow) {
  const ev = v.events[i];
  const whyID = `why-${i}`;
  const btn = h('button', {
    type: 'button', class: `card q${ev.event.quad_class}`, id: `card-${i}`,
    'aria-expanded': 'false', 'aria-controls': whyID,
    dataset: { source: ev.source.code, target: ev.target.code, code: ev.event.code, sentence: ev.sentence_index, index: i },
  },
  h('span', { class: 'who' },
    h('span', { class: 'code' }, ev.source.code), h('span', {}, ev.source.text),
    h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), h('span', { class: 'sr-only' }, ' acts on '),
    h('span', { class: 'code' }, ev.target.code), h('span', {}, ev.target.text)),
  h('span', { class: 'ev' }, h('span', { class: 'code' }, ev.event.code), ' ', ev.event.name),
  h('span', { class: 'facts' },
    h('span', {}, ev.date || 'no date'),
    h('span', {}, `Goldstein ${fmtNum(ev.event.goldstein)}`),
    h('span', {}, QUAD_NAMES[ev.event.quad_class] || ''),
    ev.location ? h('span', {}, `${ev.location.name}, ${ev.location.country}`) : null,
    ev.modality ? h('span', { class: 'modality' }, ev.modality) : null,
    h('span', {}, `sentence ${ev.sentence_index + 1}`)));
  const why = h('div', { class: 'why', id: whyID, hidden: true, role: 'region', 'aria-label': `Evidence for event ${i + 1}` });
  btn.addEventListener('click', () => {
    const open = btn.getAttribute('aria-expanded') !== 'true';
    btn.setAttribute('aria-expanded', String(open));
    if (open && !why.hasChildNodes()) fill(why, explain(v, i, onShow));
    why.hidden = !open;
    document.querySelectorAll('mark.hl.focus').forEach(m => m.classList.remove('focus'));
    if (open) document.querySelectorAll('mark.hl').forEach(m => {
      if ((m.dataset.events || '').split(' ').includes(String(i))) m.classList.add('focus');
    });
  });
  return h('li', {}, btn, why);
}

// showSentence scrolls to a sentence and flashes it.
export function showSentence(index) {
  const el = document.getElementById('sent-' + index);
  if (!el) return;
  document.querySelectorAll('.sent.flash').forEach(x => x.classList.remove('flash'));
  el.classList.add('flash');
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

// renderDocView fills container with the view of a coded document.
export function renderDocView(container, v) {
  const marks = docMarks(v);
  const onShow = m => showSentence(m);
  const legend = h('ul', { class: 'legend', 'aria-label': 'Highlight colours' },
    h('li', {}, h('mark', { class: 'hl hl-source chip' }, 'source actor')),
    h('li', {}, h('mark', { class: 'hl hl-target chip' }, 'target actor')),
    h('li', {}, h('mark', { class: 'hl hl-verb chip' }, 'verb')),
    h('li', {}, h('mark', { class: 'hl hl-place chip' }, 'place')),
    h('li', {}, h('mark', { class: 'hl hl-quote chip' }, 'quotation')));
  const c = v.coding;
  const summary = `${v.events.length} event${v.events.length === 1 ? '' : 's'} in ${v.sentences.length} sentences` +
    (c && c.withheld ? `; ${c.withheld} negated or hypothetical withheld` : '') +
    (c && c.skipped ? `; ${c.skipped} sentences discarded` : '') +
    (c && c.story_discard ? `; whole story discarded by “${c.story_discard}”` : '');
  const actorRows = v.actors.map(a => h('tr', {},
    h('td', { class: 'mono' }, a.code), h('td', {}, a.text), h('td', {}, a.roles.join(', ')),
    h('td', { class: 'num' }, String(a.sentence_index + 1)),
    h('td', {}, a.resolution ? `${a.resolution.method} → “${a.resolution.antecedent}”` : a.entry ? prov(a.entry) : '')));
  fill(container, h('div', { class: 'result' },
    h('section', { 'aria-labelledby': 'text-h' },
      h('h2', { id: 'text-h' }, 'Text'), legend, renderText(v, marks)),
    h('section', { 'aria-labelledby': 'events-h' },
      h('h2', { id: 'events-h' }, 'Events'), h('p', { class: 'status', id: 'events-summary' }, summary),
      v.events.length ? h('ol', { class: 'cards', id: 'cards' }, v.events.map((_, i) => card(v, i, onShow))) : h('p', {}, 'No events were coded.'),
      h('h2', {}, 'Quotes'), v.quotes.length ? quoteList(v.quotes) : h('p', {}, 'No direct quotations.'),
      h('h2', {}, 'Actors'), v.actors.length ? h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, ['Code', 'Text', 'Role', 'Sentence', 'From'].map(x => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, actorRows))) : h('p', {}, 'No actors.'),
      v.suggestions.length ? [h('h2', {}, 'Suggested dictionary entries'), h('ul', {}, v.suggestions.map(sg =>
        h('li', {}, h('span', { class: 'mono' }, sg.code), ` ${sg.name} — from “${sg.description}” (sentence ${sg.sentence_index + 1})`)))] : null)));
}
