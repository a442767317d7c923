// Document search (full-text, with snippets) and the plain document list.
import { h, clear } from './dom.js';
import { api } from './api.js';
import { byteMapper, toRange } from './spans.js';
import { docHref } from './route.js';

/** snippetNodes renders a snippet with its byte-offset highlights as <mark>. */
export function snippetNodes(snippet, highlights) {
  const text = String(snippet || '');
  const map = byteMapper(text);
  const ranges = (highlights || []).map((hl) => toRange(map, hl)).filter(Boolean).sort((a, b) => a.start - b.start);
  const out = [];
  let pos = 0;
  for (const r of ranges) {
    if (r.start < pos) continue;
    if (r.start > pos) out.push(text.slice(pos, r.start));
    out.push(h('mark', null, text.slice(r.start, r.end)));
    pos = r.end;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

export function renderSearch(root, q, { onError }) {
  clear(root);
  const title = q ? `Documents matching “${q}”` : 'All documents';
  const list = h('ol', { class: 'doc-list', 'aria-live': 'polite' });
  const more = h('div', { class: 'pager' });
  const status = h('p', { class: 'muted', role: 'status' }, 'Searching…');
  root.append(h('section', { class: 'card' },
    h('div', { class: 'card-head' }, h('h2', null, title), status),
    list, more));
  document.title = (q ? `${q} – ` : 'Documents – ') + 'eventwire';
  let total = 0;
  const load = async (cursor) => {
    clear(more);
    let res;
    try {
      res = await api.documents({ q, limit: 20, cursor });
    } catch (err) {
      status.textContent = 'The search failed.';
      list.append(h('li', { class: 'empty error-text' }, err.message));
      onError(err);
      return;
    }
    const items = res.items || [];
    total += items.length;
    status.textContent = total ? `${total}${res.next_cursor ? '+' : ''} document${total === 1 ? '' : 's'}` : '';
    if (!total) {
      list.append(h('li', { class: 'empty' }, h('strong', null, q ? 'No documents match this search.' : 'No documents stored yet.'),
        h('br'), q ? 'Check the spelling or try fewer words.' : 'Ingest some news with “eventwire ingest”.'));
    }
    for (const d of items) {
      list.append(h('li', { class: 'doc-item' },
        h('a', { class: 'doc-title', href: docHref(d.id) }, d.title || '(untitled document)'),
        h('div', { class: 'doc-meta' },
          d.pubdate ? h('span', null, d.pubdate) : null,
          d.source ? h('span', null, d.source) : null,
          h('span', null, `${d.events || 0} event${d.events === 1 ? '' : 's'}`)),
        d.snippet ? h('p', { class: 'snippet' }, snippetNodes(d.snippet, d.highlights)) : null));
    }
    if (res.next_cursor) {
      more.append(h('span'), h('button', { type: 'button', class: 'btn', onclick: () => load(res.next_cursor) }, 'Load more'));
    }
  };
  load('');
}
