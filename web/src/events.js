// The filterable, paged event table. Filters are a plain object so that the
// map (place → bbox), the timeline (period → since/until) and the network
// (node → actor) can set them; paging keeps a stack of cursors. Events come
// newest first by event date (the API's default order=desc); "Oldest first"
// asks for order=asc. "Merge
// reports" asks the API for merged events (merged=true): one row per
// real-world event with its mentions/sources/articles and its other reports.

import { h, clear, fmtNum } from './dom.js';
import { api } from './api.js';
import { QUADS, ROOTS, quadLabel } from './codes.js';
import { docHref } from './route.js';

export const PAGE = 25;
const FIELDS = ['actor', 'root', 'quad', 'country', 'since', 'until', 'negated'];

export function emptyFilters() {
  return { actor: '', root: '', quad: '', country: '', since: '', until: '', negated: '', bbox: '', placeLabel: '' };
}

/** bboxAround gives a tiny box around a point, as the API's minLon,minLat,maxLon,maxLat. */
export function bboxAround(lon, lat, eps = 0.01) {
  const f = (v) => Number(v).toFixed(4);
  return [f(lon - eps), f(lat - eps), f(lon + eps), f(lat + eps)].join(',');
}

/** reportCounts describes a merged event's counts, e.g. "3 mentions · 2 sources · 3 articles". */
export function reportCounts(e) {
  const n = (k, one) => `${e[k] ?? 0} ${one}${e[k] === 1 ? '' : 's'}`;
  return [n('mentions', 'mention'), n('sources', 'source'), n('articles', 'article')].join(' · ');
}

/** otherArticles counts the distinct documents among an event's reports other than docId. */
export function otherArticles(reports, docId) {
  return new Set((reports || []).map((r) => r.doc_id).filter((d) => d && d !== docId)).size;
}

export function quadPill(q) {
  return h('span', { class: 'pill', dataset: { q: String(q) }, title: quadLabel(q) }, h('span', { class: 'swatch', dataset: { q: String(q) } }), QUADS[q - 1]?.short || 'Unknown');
}

function td(label, cls, ...content) {
  return h('td', { 'data-label': label, class: cls || undefined }, h('div', { class: 'cell' }, ...content));
}

export class EventTable {
  constructor(root, { onError, actors }) {
    this.root = root;
    this.onError = onError;
    this.filters = emptyFilters();
    this.cursors = [''];
    this.page = 0;
    this.ctrl = null;
    this.merged = false;
    this.order = 'desc';
    this.form = this.buildForm(actors || []);
    this.chips = h('div', { class: 'chips', 'aria-live': 'polite' });
    this.body = h('div', { class: 'table-wrap' });
    this.pager = h('div', { class: 'pager' });
    root.append(this.form, this.chips, this.body, this.pager);
  }

  buildForm(actors) {
    const input = (name, label, attrs) => h('label', { class: 'field' }, h('span', null, label), h('input', { name, ...attrs }));
    const select = (name, label, opts) => h('label', { class: 'field' }, h('span', null, label),
      h('select', { name }, opts.map(([v, t]) => h('option', { value: v }, t))));
    const list = h('datalist', { id: 'actor-list' }, actors.map((a) => h('option', { value: a.actor }, a.name || a.actor)));
    const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter events' },
      input('actor', 'Actor', { type: 'text', placeholder: 'e.g. RUS, USAGOV', list: 'actor-list', autocomplete: 'off', spellcheck: 'false' }),
      list,
      select('root', 'Event type', [['', 'Any'], ...Object.entries(ROOTS).map(([k, v]) => [k, `${k} ${v}`])]),
      select('quad', 'QuadClass', [['', 'Any'], ...QUADS.map((q) => [String(q.id), q.label])]),
      input('country', 'Country', { type: 'text', placeholder: 'ISO code, e.g. UA', maxlength: 3, autocomplete: 'off', spellcheck: 'false' }),
      input('since', 'From', { type: 'date' }),
      input('until', 'To', { type: 'date' }),
      select('negated', 'Negated', [['', 'Any'], ['false', 'Not negated'], ['true', 'Negated only']]),
      h('label', { class: 'field' }, h('span', null, 'Order'),
        h('select', { name: 'order', onchange: (ev) => { this.order = ev.target.value; this.load(true); } },
          h('option', { value: 'desc' }, 'Newest first'), h('option', { value: 'asc' }, 'Oldest first'))),
      h('div', { class: 'filter-actions' },
        h('button', { type: 'submit', class: 'btn primary' }, 'Apply'),
        h('button', { type: 'button', class: 'btn', onclick: () => this.reset() }, 'Reset')),
      h('label', { class: 'merge-toggle', title: 'Show each real-world event once, with the articles that report it' },
        h('input', { type: 'checkbox', name: 'merged', onchange: (ev) => { this.merged = ev.target.checked; this.load(true); } }),
        h('span', null, 'Merge reports')),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const fd = new FormData(form);
      for (const k of FIELDS) this.filters[k] = String(fd.get(k) || '').trim();
      this.filters.country = this.filters.country.toUpperCase();
      this.load(true);
    });
    return form;
  }

  syncForm() {
    for (const k of FIELDS) {
      const el = this.form.elements.namedItem(k);
      if (el) el.value = this.filters[k] || '';
    }
  }

  set(patch) {
    Object.assign(this.filters, patch);
    this.syncForm();
    return this.load(true);
  }

  reset() {
    this.filters = emptyFilters();
    this.syncForm();
    this.load(true);
  }

  renderChips() {
    clear(this.chips);
    const f = this.filters;
    const chip = (label, clearPatch) => h('span', { class: 'chip' }, label,
      h('button', { type: 'button', class: 'chip-x', 'aria-label': 'Remove filter ' + label, title: 'Remove filter', onclick: () => this.set(clearPatch) }, '×'));
    if (f.bbox) this.chips.append(chip(`Place: ${f.placeLabel || f.bbox}`, { bbox: '', placeLabel: '' }));
    if (f.actor) this.chips.append(chip(`Actor: ${f.actor}`, { actor: '' }));
    if (f.root) this.chips.append(chip(`Type: ${f.root} ${ROOTS[f.root] || ''}`, { root: '' }));
    if (f.quad) this.chips.append(chip(`Quad: ${quadLabel(f.quad)}`, { quad: '' }));
    if (f.country) this.chips.append(chip(`Country: ${f.country}`, { country: '' }));
    if (f.since || f.until) this.chips.append(chip(`Dates: ${f.since || '…'} – ${f.until || '…'}`, { since: '', until: '' }));
    if (f.negated) this.chips.append(chip(f.negated === 'true' ? 'Negated only' : 'Not negated', { negated: '' }));
  }

  async load(fromStart) {
    if (fromStart) {
      this.cursors = [''];
      this.page = 0;
    }
    this.renderChips();
    if (this.ctrl) this.ctrl.abort();
    const ctrl = new AbortController();
    this.ctrl = ctrl;
    this.body.classList.add('loading');
    if (!this.body.firstChild) this.body.append(h('p', { class: 'loading-msg' }, 'Loading events…'));
    const f = this.filters;
    try {
      const merged = this.merged;
      const res = await api.events({
        actor: f.actor, root: f.root, quad: f.quad, country: f.country, since: f.since, until: f.until,
        negated: f.negated, bbox: f.bbox, limit: PAGE, cursor: this.cursors[this.page], merged: merged ? 'true' : '',
        order: this.order === 'asc' ? 'asc' : '',
      }, ctrl.signal);
      if (ctrl !== this.ctrl) return;
      this.cursors[this.page + 1] = res.next_cursor || '';
      this.shownMerged = merged;
      this.truncated = merged && res.truncated ? Number(res.rows) || 0 : 0;
      this.renderRows(res.items || [], merged);
      this.renderPager(res.items?.length || 0, !!res.next_cursor);
    } catch (err) {
      if (err.name === 'AbortError') return;
      clear(this.body).append(h('p', { class: 'empty error-text' }, 'Events could not be loaded: ' + err.message));
      clear(this.pager);
      this.onError(err);
    } finally {
      if (ctrl === this.ctrl) this.body.classList.remove('loading');
    }
  }

  renderRows(items, merged) {
    clear(this.body);
    if (!items.length) {
      this.body.append(h('div', { class: 'empty' }, h('strong', null, 'No events match these filters.'), h('br'), 'Try removing a filter or widening the date range.'));
      return;
    }
    const cols = ['Date', 'Event', 'QuadClass', 'Goldstein', 'Place', 'Article'];
    if (merged) cols.push('Reports');
    const head = h('thead', null, h('tr', null, cols.map((t) => h('th', { scope: 'col' }, t))));
    const tbody = h('tbody');
    for (const e of items) {
      const actor = (a) => a && (a.actor || a.text)
        ? h('span', { class: 'actor', title: a.text || '' }, h('code', null, a.actor || '—'), a.text ? h('span', { class: 'actor-text' }, a.text) : null)
        : h('span', { class: 'muted' }, '—');
      const href = docHref(e.doc_id, e.idx);
      const tr = h('tr', { class: 'ev-row', dataset: { doc: e.doc_id, idx: String(e.idx) } },
        td('Date', 'nowrap', e.date || '—'),
        td('Event', 'ev-cell',
          h('div', { class: 'ev-line' }, actor(e.source), h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), actor(e.target)),
          h('div', { class: 'ev-code' }, h('code', null, e.cameo || ''), ' ', e.cameo_name || ROOTS[e.root] || '',
            e.negated ? h('span', { class: 'badge neg' }, 'negated') : null,
            e.modality && e.modality !== 'asserted' ? h('span', { class: 'badge' }, e.modality) : null,
            e.killed ? h('span', { class: 'badge killed' }, `${e.killed} killed`) : null)),
        td('QuadClass', '', quadPill(e.quad_class)),
        td('Goldstein', 'num', fmtNum(e.goldstein)),
        td('Place', '', e.place ? [e.place.name, e.place.country ? h('span', { class: 'muted' }, ' ' + e.place.country) : null] : h('span', { class: 'muted' }, '—')),
        td('Article', 'title-cell', h('a', { href, title: e.evidence || '' }, e.title || e.doc_id)),
      );
      let sub = null;
      if (merged) {
        const reports = e.reports || [];
        const count = (k, one, title) => {
          const v = e[k] ?? 1;
          return h('span', { class: 'rc', title }, h('strong', null, String(v)), ` ${one}${v === 1 ? '' : 's'}`);
        };
        const cell = td('Reports', 'reports-cell',
          h('div', { class: 'report-counts' },
            count('mentions', 'mention', 'Mentions: every report of the event'),
            count('sources', 'source', 'Sources: distinct outlets, syndicated copies counted once'),
            count('articles', 'article', 'Articles: distinct documents')));
        if (reports.length) {
          sub = h('tr', { class: 'reports-row', hidden: true },
            h('td', { colspan: String(cols.length) },
              h('ul', { class: 'report-list' }, reports.map((r) => h('li', null,
                h('a', { href: docHref(r.doc_id, r.idx) }, r.title || r.doc_id),
                h('span', { class: 'muted' }, [r.source, r.date].filter(Boolean).join(' · ')))))));
          const btn = h('button', { type: 'button', class: 'btn small reports-btn', 'aria-expanded': 'false' },
            `▸ ${reports.length} other report${reports.length === 1 ? '' : 's'}`);
          btn.addEventListener('click', () => {
            const open = sub.hidden;
            sub.hidden = !open;
            btn.setAttribute('aria-expanded', String(open));
            btn.textContent = `${open ? '▾' : '▸'} ${reports.length} other report${reports.length === 1 ? '' : 's'}`;
          });
          cell.firstChild.append(btn);
        }
        tr.append(cell);
      }
      tr.addEventListener('click', (ev) => {
        if (ev.target.closest('a, button')) return;
        window.location.hash = href;
      });
      tbody.append(tr);
      if (sub) tbody.append(sub);
    }
    this.body.append(h('table', { class: ['events', merged ? 'merged' : ''] }, head, tbody));
  }

  renderPager(n, hasNext) {
    clear(this.pager);
    const from = this.page * PAGE + (n ? 1 : 0);
    const to = this.page * PAGE + n;
    this.pager.append(
      h('span', { class: 'muted' }, n ? `${this.shownMerged ? 'Merged events' : 'Events'} ${from}–${to}${this.truncated ? ` (merged over the first ${this.truncated.toLocaleString('en')} matching events; narrow the filters for complete counts)` : ''}` : ''),
      h('div', { class: 'pager-btns' },
        h('button', { type: 'button', class: 'btn', disabled: this.page === 0, onclick: () => { this.page--; this.load(false); } }, '← Previous'),
        h('button', { type: 'button', class: 'btn', disabled: !hasNext, onclick: () => { this.page++; this.load(false); } }, 'Next →')),
    );
  }
}
