// eventwire dashboard: app shell, hash router, overview (map, timeline,
// network, event table), document search and the document view.
import './style.css';
import { h, clear } from './dom.js';
import { api } from './api.js';
import { parseRoute } from './route.js';
import { renderMap, placeKey, legend, loadBasemap } from './map.js';
import { renderTimeline } from './timeline.js';
import { renderNetwork } from './network.js';
import { EventTable, bboxAround } from './events.js';
import { renderSearch } from './search.js';
import { renderDoc } from './docview.js';

const app = document.getElementById('app');
const banner = h('div', { class: 'banners', 'aria-live': 'assertive' });
const view = h('main', { class: 'view', id: 'view' });
const stats = h('span', { class: 'stats', title: 'Stored documents and events' });
const live = h('button', { type: 'button', class: 'live', hidden: true, title: 'New events arrived — click to refresh' });
const searchInput = h('input', { type: 'search', name: 'q', placeholder: 'Search documents…', 'aria-label': 'Search documents', autocomplete: 'off' });

function showError(err) {
  const msg = err && err.message ? err.message : String(err);
  for (const b of banner.children) if (b.dataset.msg === msg) return;
  const el = h('div', { class: 'banner error', role: 'alert', dataset: { msg } },
    h('strong', null, 'Something went wrong. '), msg,
    h('button', { type: 'button', class: 'banner-x', 'aria-label': 'Dismiss', onclick: () => el.remove() }, '×'));
  banner.append(el);
}

function shell() {
  const form = h('form', { class: 'search', role: 'search' }, searchInput, h('button', { type: 'submit', class: 'btn primary' }, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = searchInput.value.trim();
    window.location.hash = '#/search' + (q ? '?q=' + encodeURIComponent(q) : '');
  });
  const brand = h('a', { class: 'brand', href: '#/' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), 'eventwire');
  const nav = h('nav', { class: 'topnav' }, h('a', { href: '#/', dataset: { nav: 'overview' } }, 'Overview'), h('a', { href: '#/search', dataset: { nav: 'search' } }, 'Documents'));
  app.append(h('header', { class: 'topbar' }, h('div', { class: 'topbar-in' }, brand, nav, form, h('div', { class: 'status' }, live, stats))), banner, view);
}

async function refreshStats() {
  try {
    const s = await api.health();
    stats.textContent = `${(s.documents ?? 0).toLocaleString()} docs · ${(s.events ?? 0).toLocaleString()} events`;
  } catch (err) {
    stats.textContent = 'offline';
    showError(err);
  }
}

function listen() {
  if (!('EventSource' in window)) return;
  let n = 0;
  const es = new EventSource('/api/stream');
  es.addEventListener('event', () => {
    n++;
    live.hidden = false;
    live.textContent = `${n} new event${n === 1 ? '' : 's'} · refresh`;
  });
  // After a long disconnection the server cannot replay what was missed.
  es.addEventListener('reset', () => {
    live.hidden = false;
    live.textContent = 'new events · refresh';
  });
  live.addEventListener('click', () => {
    n = 0;
    live.hidden = true;
    route();
    refreshStats();
  });
}

function card(cls, title, sub, ...body) {
  return h('section', { class: `card ${cls}` }, h('div', { class: 'card-head' }, h('h2', null, title), sub ? h('p', { class: 'muted' }, sub) : null), ...body);
}

function loading(text) {
  return h('div', { class: 'loading-msg' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

function failed(el, what, err) {
  clear(el).append(h('p', { class: 'empty error-text' }, `${what} could not be loaded: ${err.message}`));
  showError(err);
}

let resizers = [];
function onResize(fn) {
  resizers.push(fn);
}
let rt = 0;
window.addEventListener('resize', () => {
  clearTimeout(rt);
  rt = setTimeout(() => resizers.forEach((f) => f()), 150);
});

async function overview() {
  document.title = 'eventwire – news event dashboard';
  const mapBox = h('div', { class: 'map-box', id: 'map' }, loading('Loading map…'));
  const netBox = h('div', { class: 'net-box', id: 'network' }, loading('Laying out the actor network…'));
  const tlBox = h('div', { class: 'tl-box', id: 'timeline' }, loading('Loading timeline…'));
  const evBox = h('div', { class: 'ev-box', id: 'events' });
  let by = 'day';
  const byBtns = ['day', 'week'].map((b) => h('button', { type: 'button', class: 'seg' + (b === by ? ' on' : ''), 'aria-pressed': String(b === by), dataset: { by: b } }, b === 'day' ? 'Daily' : 'Weekly'));
  const evCard = card('card-events', 'Events', 'Coded events by event date, newest first (or oldest first). Click a row to open its article with the evidence highlighted.', evBox);
  clear(view).append(h('div', { class: 'grid' },
    card('card-map', 'Where', 'Event locations · size = events · colour = dominant QuadClass', mapBox),
    card('card-net', 'Who', 'Actor network · edge colour = dominant QuadClass', netBox, legend()),
    card('card-tl', 'When', 'Events per period by QuadClass, with the mean Goldstein score (line, right axis)', h('div', { class: 'seg-group', role: 'group', 'aria-label': 'Period' }, byBtns), tlBox, legendWithLine()),
    evCard));

  // All requests start at once; the table waits only for the actor list
  // (for its autocomplete), and not at all if that fails.
  loadBasemap().catch(() => {}); // start the map chunk now; renderMap reports failures
  const actorsP = api.actors({ limit: 200 }).then((r) => r.items || [], (err) => {
    showError(err);
    return [];
  });
  const placesP = api.places();
  const netP = api.network({ limit: 40 });
  const actors = await actorsP;
  const table = new EventTable(evBox, { onError: showError, actors });
  const toTable = () => {
    const r = evCard.getBoundingClientRect();
    if (r.top > window.innerHeight * 0.6 || r.top < 0) evCard.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  table.load(true);

  let places = null;
  const drawMap = () => renderMap(mapBox, places, {
    selected: table.filters.placeKey,
    onSelect: (p) => {
      if (!p) {
        if (table.filters.bbox) table.set({ bbox: '', placeLabel: '', placeKey: '' });
        return;
      }
      table.set({ bbox: bboxAround(p.lon, p.lat), placeLabel: p.name + (p.country ? ` (${p.country})` : ''), placeKey: placeKey(p) });
      toTable();
    },
  });
  placesP.then((r) => {
    places = r.items || [];
    return drawMap();
  }).catch((err) => failed(mapBox, 'The map', err));

  let net = null;
  const drawNet = () => net && renderNetwork(netBox, net, { selected: table.filters.actor, onSelect: (a) => { table.set({ actor: a }); toTable(); } });
  netP.then((r) => {
    net = r;
    drawNet();
  }).catch((err) => failed(netBox, 'The network', err));

  let tl = null;
  const drawTl = () => tl && renderTimeline(tlBox, tl, { onSelect: (r) => { table.set({ since: r.since, until: r.until }); toTable(); } });
  const loadTl = () => api.timeline({ by }).then((r) => {
    tl = r;
    drawTl();
  }).catch((err) => failed(tlBox, 'The timeline', err));
  for (const b of byBtns) {
    b.addEventListener('click', () => {
      by = b.dataset.by;
      for (const o of byBtns) {
        o.classList.toggle('on', o === b);
        o.setAttribute('aria-pressed', String(o === b));
      }
      loadTl();
    });
  }
  loadTl();
  resizers = [drawNet, drawTl];
}

function legendWithLine() {
  const l = legend();
  l.append(h('li', null, h('span', { class: 'line-key', 'aria-hidden': 'true' }), 'Mean Goldstein'));
  return l;
}

function route() {
  const r = parseRoute(window.location.hash);
  resizers = [];
  for (const a of document.querySelectorAll('[data-nav]')) a.classList.toggle('on', a.dataset.nav === r.name);
  if (r.name === 'search') {
    searchInput.value = r.q;
    renderSearch(view, r.q, { onError: showError });
  } else if (r.name === 'doc') {
    renderDoc(view, r.id, r.ev, { onError: showError });
  } else {
    overview();
  }
  window.scrollTo(0, 0);
}

shell();
window.addEventListener('hashchange', route);
route();
refreshStats();
listen();
