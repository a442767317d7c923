// The document view: cleaned text with every extracted item highlighted by
// kind (toggleable), quotes with their speaker, the document's events (click
// → evidence sentence, source, target and trigger marked and scrolled to),
// integrity flags (click → span) and quotes. Each event says "also reported
// by N other articles" when the merged-events API knows of other reports
// (loaded after the view is drawn; the view works without it). All offsets from the API are
// UTF-8 byte offsets; everything is built with text nodes.

import { h, clear, fmtNum } from './dom.js';
import { api } from './api.js';
import { byteMapper, toRange, segment } from './spans.js';
import { ROOTS, quadLabel } from './codes.js';
import { quadPill, otherArticles, reportCounts } from './events.js';
import { docHref } from './route.js';

export const KINDS = [
  { id: 'entity', label: 'Actors & entities' },
  { id: 'trigger', label: 'Event triggers' },
  { id: 'place', label: 'Places' },
  { id: 'date', label: 'Dates' },
  { id: 'quote', label: 'Quotes' },
  { id: 'count', label: 'Counts' },
  { id: 'flag', label: 'Integrity flags' },
];

function who(p) {
  if (!p) return '';
  return p.entity && p.entity !== p.text ? `${p.text} (${p.entity})` : p.text || '';
}

/** buildMarks turns a document into marks in JS indices (exported for tests). */
export function buildMarks(d) {
  const text = String(d.text || '');
  const map = byteMapper(text);
  const marks = [];
  const add = (kind, span, title, extra) => {
    const r = toRange(map, span);
    if (!r) return null;
    const m = { ...r, kind, title, id: `${kind}${marks.length}`, ...extra };
    marks.push(m);
    return m;
  };
  for (const e of d.entities || []) {
    add('entity', e, [e.type, e.entity || e.text, e.actor ? 'actor ' + e.actor : ''].filter(Boolean).join(' · '), { sub: e.actor ? 'actor' : '' });
  }
  (d.events || []).forEach((ev, i) => {
    if (ev.trigger) add('trigger', ev.trigger, `Event ${i + 1}: CAMEO ${ev.cameo} ${ROOTS[ev.root] || ''} · ${quadLabel(ev.quad_class)}${ev.negated ? ' · negated' : ''}`, { ev: i });
  });
  for (const p of d.places || []) {
    const where = [p.name && p.name !== p.text ? p.name : '', p.adm1, p.country].filter(Boolean).join(', ');
    const ll = Number.isFinite(p.lat) && Number.isFinite(p.lon) ? ` (${fmtNum(p.lat, 2)}, ${fmtNum(p.lon, 2)})` : '';
    add('place', p, `Place: ${where || p.text}${ll}`);
  }
  for (const t of d.dates || []) add('date', t, `Date: ${t.value || '?'}${t.precision ? ' (' + t.precision + ')' : ''}`);
  (d.quotes || []).forEach((q, i) => {
    const m = add('quote', q, q.speaker ? `Quote by ${who(q.speaker)}` : 'Quote without a stated speaker', { quote: i, speaker: q.speaker ? (q.speaker.entity || q.speaker.text) : '' });
    if (m && q.speaker) add('speaker', q.speaker, `Speaker of quote ${i + 1}: ${who(q.speaker)}`, { quote: i });
  });
  for (const c of d.counts || []) {
    const n = c.number ?? (c.min !== undefined || c.max !== undefined ? `${c.min ?? '?'}–${c.max ?? '?'}` : '?');
    add('count', c, `Count: ${c.qualifier ? c.qualifier + ' ' : ''}${n} ${c.what || ''}`.trim());
  }
  (d.flags || []).forEach((f, i) => add('flag', f, `${f.kind}: ${f.message || ''}`, { flag: i }));
  return { text, map, marks };
}

export async function renderDoc(root, id, evParam, { onError }) {
  clear(root);
  root.append(h('section', { class: 'card' }, h('p', { class: 'loading-msg' }, 'Loading document…')));
  let d;
  try {
    d = await api.document(id);
  } catch (err) {
    clear(root).append(h('section', { class: 'card' },
      h('h2', null, err.status === 404 ? 'Document not found' : 'The document could not be loaded'),
      h('p', { class: 'muted' }, err.message),
      h('p', null, h('a', { href: '#/' }, '← Back to the overview'))));
    onError(err);
    return;
  }
  document.title = (d.title || 'Document') + ' – eventwire';
  const { text, map, marks } = buildMarks(d);
  const hidden = new Set();
  let active = []; // marks of the current selection
  let activeKey = '';

  const textEl = h('div', { class: 'doc-text', lang: d.lang || undefined, tabindex: '-1' });
  const draw = () => {
    clear(textEl);
    const badges = new Map();
    for (const m of marks) {
      if (m.kind === 'quote' && m.speaker) {
        const at = afterClosingQuote(text, m.end);
        if (!badges.has(at)) badges.set(at, []);
        badges.get(at).push(m);
      }
    }
    const segs = segment(text.length, marks.concat(active), [...badges.keys()]);
    const frag = document.createDocumentFragment();
    for (const sg of segs) {
      let node = document.createTextNode(text.slice(sg.start, sg.end));
      for (let i = sg.marks.length - 1; i >= 0; i--) {
        const m = sg.marks[i];
        const el = h('span', { class: `hl hl-${m.kind}${m.sub ? ' hl-' + m.kind + '-' + m.sub : ''}`, title: m.title || undefined, dataset: { m: m.id } });
        el.append(node);
        node = el;
      }
      frag.append(node);
      for (const m of badges.get(sg.end) || []) {
        frag.append(h('span', { class: 'speaker-tag', dataset: { quote: String(m.quote) }, title: m.title }, '— ' + m.speaker));
      }
    }
    textEl.append(frag);
  };

  const reveal = (markId) => {
    const el = textEl.querySelector(`[data-m="${markId}"]`);
    if (el) el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const select = (key, newMarks, scrollTo) => {
    activeKey = key;
    active = newMarks;
    draw();
    for (const el of side.querySelectorAll('[data-key]')) el.classList.toggle('active', el.dataset.key === key);
    if (scrollTo) reveal(scrollTo);
  };

  const selectEvent = (i, scroll = true) => {
    const ev = d.events[i];
    if (!ev) return;
    const key = 'ev' + i;
    if (activeKey === key) return select('', [], null);
    const sent = toRange(map, ev.end > ev.start ? ev : d.sentences?.[ev.sentence]);
    const ms = [];
    if (sent) ms.push({ ...sent, kind: 'sel-sentence', id: 'sel-sentence', title: `Evidence for event ${i + 1}` });
    const src = toRange(map, ev.source);
    if (src) ms.push({ ...src, kind: 'sel-source', id: 'sel-source', title: `Source: ${who(ev.source)}${ev.source.actor ? ' · ' + ev.source.actor : ''}` });
    const tgt = toRange(map, ev.target);
    if (tgt) ms.push({ ...tgt, kind: 'sel-target', id: 'sel-target', title: `Target: ${who(ev.target)}${ev.target.actor ? ' · ' + ev.target.actor : ''}` });
    const trg = toRange(map, ev.trigger);
    if (trg) ms.push({ ...trg, kind: 'sel-trigger', id: 'sel-trigger', title: `Trigger of event ${i + 1}` });
    select(key, ms, scroll ? (sent ? 'sel-sentence' : trg ? 'sel-trigger' : null) : null);
  };

  const selectSpan = (key, span, kind, title) => {
    if (activeKey === key) return select('', [], null);
    const r = toRange(map, span);
    select(key, r ? [{ ...r, kind, id: kind, title }] : [], r ? kind : null);
  };

  // Legend with toggles.
  const legend = h('div', { class: 'doc-legend', role: 'group', 'aria-label': 'Highlight kinds' },
    KINDS.map((k) => {
      const n = marks.filter((m) => m.kind === k.id).length;
      const cb = h('input', { type: 'checkbox', checked: true, disabled: n === 0, dataset: { kind: k.id } });
      cb.addEventListener('change', () => {
        if (cb.checked) hidden.delete(k.id);
        else hidden.add(k.id);
        textEl.classList.toggle('hide-' + k.id, !cb.checked);
        if (k.id === 'quote') textEl.classList.toggle('hide-speaker', !cb.checked);
      });
      return h('label', { class: `toggle k-${k.id}${n ? '' : ' none'}` }, cb, h('span', { class: `key hl-${k.id}` }, k.label), h('span', { class: 'count' }, String(n)));
    }));

  // Side panels.
  const side = h('aside', { class: 'doc-side' });
  const evs = d.events || [];
  side.append(h('section', { class: 'card side-card' },
    h('h3', null, 'Events ', h('span', { class: 'count' }, String(evs.length))),
    evs.length ? h('ol', { class: 'side-list events-list' }, evs.map((ev, i) => {
      const li = h('li', null, h('button', { type: 'button', class: 'side-item', dataset: { key: 'ev' + i, ev: String(i) }, onclick: () => selectEvent(i) },
        h('div', { class: 'side-row' }, quadPill(ev.quad_class), h('code', null, ev.cameo || ''), h('span', { class: 'muted' }, ROOTS[ev.root] || '')),
        h('div', { class: 'ev-line' },
          h('span', { class: 'actor' }, h('code', null, ev.source?.actor || '—'), ev.source?.text ? h('span', { class: 'actor-text' }, ev.source.text) : null),
          h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'),
          h('span', { class: 'actor' }, h('code', null, ev.target?.actor || '—'), ev.target?.text ? h('span', { class: 'actor-text' }, ev.target.text) : null)),
        h('div', { class: 'side-meta' },
          ev.negated ? h('span', { class: 'badge neg' }, 'negated') : null,
          ev.modality && ev.modality !== 'asserted' ? h('span', { class: 'badge' }, ev.modality) : null,
          ev.killed ? h('span', { class: 'badge killed' }, `${ev.killed} killed`) : null,
          h('span', null, `Goldstein ${fmtNum(ev.goldstein)}`),
          ev.place?.name ? h('span', null, ev.place.name) : null,
          ev.date ? h('span', null, ev.date) : null,
          ev.confidence !== undefined ? h('span', { title: ev.pattern || '' }, `conf. ${fmtNum(ev.confidence, 2)}`) : null)));
      li.dataset.ev = String(i);
      return li;
    })) : h('p', { class: 'empty' }, 'No events were coded in this document.')));

  const flags = d.flags || [];
  side.append(h('section', { class: 'card side-card' },
    h('h3', null, 'Integrity flags ', h('span', { class: 'count' }, String(flags.length))),
    flags.length ? h('ul', { class: 'side-list flags-list' }, flags.map((f, i) => h('li', null,
      h('button', { type: 'button', class: 'side-item', dataset: { key: 'flag' + i }, onclick: () => selectSpan('flag' + i, f, 'sel-flag', f.message) },
        h('div', { class: 'flag-kind' }, (f.kind || 'flag').replace(/_/g, ' ')),
        h('div', { class: 'side-text' }, f.message || ''))))) : h('p', { class: 'empty' }, 'No integrity issues found.')));

  const quotes = d.quotes || [];
  if (quotes.length) {
    side.append(h('section', { class: 'card side-card' },
      h('h3', null, 'Quotes ', h('span', { class: 'count' }, String(quotes.length))),
      h('ul', { class: 'side-list quotes-list' }, quotes.map((q, i) => h('li', null,
        h('button', { type: 'button', class: 'side-item', dataset: { key: 'q' + i }, onclick: () => selectSpan('q' + i, q, 'sel-flag', 'Quote') },
          h('div', { class: 'side-text quote-text' }, '“' + clip(q.text, 160) + '”'),
          h('div', { class: 'side-meta' }, q.speaker ? h('span', { class: 'speaker' }, '— ' + who(q.speaker)) : h('span', { class: 'muted' }, 'no stated speaker'))))))));
  }
  if (d.tone && typeof d.tone === 'object') {
    side.append(h('section', { class: 'card side-card' }, h('h3', null, 'Tone'),
      h('dl', { class: 'kv' }, Object.entries(d.tone).filter(([, v]) => typeof v === 'number').map(([k, v]) => [h('dt', null, k.replace(/_/g, ' ')), h('dd', null, fmtNum(v, 2))]))));
  }
  if ((d.errors || []).length) {
    side.append(h('section', { class: 'card side-card' }, h('h3', null, 'Processing errors'),
      h('ul', { class: 'side-list' }, d.errors.map((e) => h('li', { class: 'side-text error-text' }, typeof e === 'string' ? e : JSON.stringify(e))))));
  }

  const meta = h('div', { class: 'doc-meta' },
    d.pubdate ? h('span', null, d.pubdate) : null,
    d.source ? h('span', null, d.source) : null,
    d.lang ? h('span', null, d.lang) : null,
    h('span', null, `${evs.length} event${evs.length === 1 ? '' : 's'}`),
    /^https?:\/\//i.test(d.url || '') ? h('a', { href: d.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Original ↗') : null);

  clear(root).append(
    h('nav', { class: 'crumbs' }, h('a', { href: '#/' }, 'Overview'), ' / ', h('a', { href: '#/search' }, 'Documents'), ' / ', h('span', null, clip(d.title || 'Document', 60))),
    h('div', { class: 'doc-layout' },
      h('article', { class: 'card doc-main' },
        h('h1', { class: 'doc-h1' }, d.title || '(untitled document)'), meta, legend, textEl),
      side));
  draw();
  showAlsoReported(side, d.id || id);
  const n = evParam === null || evParam === undefined ? NaN : Number(evParam);
  if (Number.isInteger(n) && n >= 0 && n < evs.length) selectEvent(n);
}

/**
 * showAlsoReported asks the API for the merged events of document id and
 * adds, under each of its events that other articles report too, a
 * collapsible "also reported by N other articles" list of links.
 */
async function showAlsoReported(side, id) {
  let res;
  try {
    res = await api.events({ doc: id, merged: 'true', limit: 500 });
  } catch {
    return; // the note is extra: the view stands without it
  }
  for (const it of res.items || []) {
    const n = otherArticles(it.reports, id);
    if (!n) continue;
    const li = side.querySelector(`.events-list li[data-ev="${Number(it.idx)}"]`);
    if (!li || li.querySelector('.also')) continue;
    const others = (it.reports || []).filter((r) => r.doc_id !== id);
    li.append(h('details', { class: 'also' },
      h('summary', { title: reportCounts(it) }, `Also reported by ${n} other article${n === 1 ? '' : 's'}`),
      h('ul', { class: 'report-list' }, others.map((r) => h('li', null,
        h('a', { href: docHref(r.doc_id, r.idx) }, r.title || r.doc_id),
        h('span', { class: 'muted' }, [r.source, r.date].filter(Boolean).join(' · ')))))));
  }
}

const CLOSERS = new Set(['"', '\u201d', '\u2019', "'", '\u00bb', '\u300d']);

/** afterClosingQuote moves a quote's end past closing quotation marks. */
export function afterClosingQuote(text, end) {
  let i = end;
  while (i < text.length && i - end < 2 && CLOSERS.has(text[i])) i++;
  return i;
}

function clip(str, n) {
  const t = String(str || '');
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}
