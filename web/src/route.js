// Hash routes: "#/" overview, "#/search?q=…" document list, "#/doc/ID?ev=N".
import { seg } from './api.js';

export function docHref(id, ev) {
  return '#/doc/' + seg(id) + (ev !== undefined && ev !== null ? '?ev=' + encodeURIComponent(ev) : '');
}

export function parseRoute(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const qi = raw.indexOf('?');
  const path = qi >= 0 ? raw.slice(0, qi) : raw;
  const params = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : '');
  if (path.startsWith('/doc/')) {
    let id = path.slice(5);
    try {
      id = decodeURIComponent(id);
    } catch {
      /* keep raw */
    }
    return { name: 'doc', id, ev: params.get('ev') };
  }
  if (path === '/search' || path === '/documents') return { name: 'search', q: params.get('q') || '' };
  return { name: 'overview' };
}
