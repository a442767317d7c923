// World map of event places: Natural Earth 1:110m countries drawn with
// d3-geo, one circle per place sized by its event count (area ∝ count) and
// coloured by its dominant QuadClass. Wheel/buttons zoom, drag pans, hover
// shows a tooltip, click selects the place (the event table filters on it).

import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import { h, s, clear } from './dom.js';
import { QUADS, quadColor, dominantQuad } from './codes.js';
import { tooltip } from './tooltip.js';

const W = 960;
const H = 500;
let basemap = null; // {countries: string[], borders: string, sphere: string, graticule: string}

/** loadBasemap fetches and projects the country shapes once (also used to preload). */
export async function loadBasemap() {
  if (basemap) return basemap;
  const topo = (await import('world-atlas/countries-110m.json')).default;
  const projection = geoNaturalEarth1().fitExtent([[8, 8], [W - 8, H - 8]], { type: 'Sphere' });
  const path = geoPath(projection);
  const countries = feature(topo, topo.objects.countries).features.map((f) => path(f)).filter(Boolean);
  basemap = {
    projection,
    countries,
    borders: path(mesh(topo, topo.objects.countries, (a, b) => a !== b)) || '',
    sphere: path({ type: 'Sphere' }) || '',
    graticule: path(geoGraticule10()) || '',
  };
  return basemap;
}

/**
 * @param {HTMLElement} root
 * @param {Array} places items of GET /api/places
 * @param {{onSelect:(p:object|null)=>void, selected?:string}} opt
 */
export async function renderMap(root, places, opt) {
  const bm = await loadBasemap();
  clear(root);
  const tip = tooltip(root);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map-svg', role: 'img', 'aria-label': 'World map of event locations' });
  const world = s('g', { class: 'map-world' },
    s('path', { d: bm.sphere, class: 'map-sphere' }),
    s('path', { d: bm.graticule, class: 'map-graticule' }),
    bm.countries.map((d) => s('path', { d, class: 'map-country' })),
    s('path', { d: bm.borders, class: 'map-border' }),
  );
  const markers = s('g', { class: 'map-markers' });
  svg.append(world, markers);

  const max = Math.max(1, ...places.map((p) => p.events || 0));
  const radius = (n) => 3 + 15 * Math.sqrt((n || 0) / max);
  const sorted = places
    .filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon))
    .slice()
    .sort((a, b) => (b.events || 0) - (a.events || 0)); // big ones underneath
  let k = 1;
  const circles = [];
  for (const p of sorted) {
    const xy = bm.projection([p.lon, p.lat]);
    if (!xy) continue;
    const q = dominantQuad(p.quad);
    const c = s('circle', {
      cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: radius(p.events),
      fill: quadColor(q), class: 'map-marker', tabindex: 0, role: 'button',
      'aria-label': `${p.name}: ${p.events} events`,
    });
    c.dataset.r = String(radius(p.events));
    c.dataset.key = placeKey(p);
    if (opt.selected && opt.selected === placeKey(p)) c.classList.add('selected');
    const show = (ev) => tip.show(ev, placeTip(p));
    c.addEventListener('pointerenter', show);
    c.addEventListener('pointermove', show);
    c.addEventListener('pointerleave', () => tip.hide());
    c.addEventListener('focus', () => tip.showAt(c, placeTip(p)));
    c.addEventListener('blur', () => tip.hide());
    const pick = () => {
      for (const o of circles) o.classList.toggle('selected', o === c);
      opt.onSelect(p);
    };
    c.addEventListener('click', (ev) => {
      if (dragged) return;
      ev.stopPropagation();
      pick();
    });
    c.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        pick();
      }
    });
    circles.push(c);
    markers.append(c);
  }

  // Zoom and pan by rewriting the viewBox; markers keep their screen size.
  let view = { x: 0, y: 0, w: W, h: H };
  const setView = (v) => {
    const w = Math.min(W, Math.max(W / 12, v.w));
    const hh = (w * H) / W;
    const x = Math.min(W - w, Math.max(0, v.x));
    const y = Math.min(H - hh, Math.max(0, v.y));
    view = { x, y, w, h: hh };
    k = W / w;
    svg.setAttribute('viewBox', `${x.toFixed(2)} ${y.toFixed(2)} ${w.toFixed(2)} ${hh.toFixed(2)}`);
    for (const c of circles) c.setAttribute('r', (Number(c.dataset.r) / Math.sqrt(k)).toFixed(2));
    svg.classList.toggle('zoomed', k > 1.01);
  };
  const zoomAt = (factor, cx, cy) => {
    const w = view.w / factor;
    const hh = view.h / factor;
    setView({ x: cx - (cx - view.x) / factor, y: cy - (cy - view.y) / factor, w, h: hh });
  };
  const toSvg = (ev) => {
    const r = svg.getBoundingClientRect();
    return [view.x + ((ev.clientX - r.left) / r.width) * view.w, view.y + ((ev.clientY - r.top) / r.height) * view.h];
  };
  svg.addEventListener('wheel', (ev) => {
    if (!ev.ctrlKey && !ev.metaKey && k <= 1.01 && ev.deltaY > 0) return; // let the page scroll
    ev.preventDefault();
    const [cx, cy] = toSvg(ev);
    zoomAt(ev.deltaY < 0 ? 1.4 : 1 / 1.4, cx, cy);
  }, { passive: false });
  let drag = null;
  let dragged = false;
  svg.addEventListener('pointerdown', (ev) => {
    drag = { x: ev.clientX, y: ev.clientY, view: { ...view } };
    dragged = false;
  });
  window.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    const dx = ((ev.clientX - drag.x) / r.width) * drag.view.w;
    const dy = ((ev.clientY - drag.y) / r.height) * drag.view.h;
    if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 4) dragged = true;
    if (dragged && k > 1.01) setView({ ...drag.view, x: drag.view.x - dx, y: drag.view.y - dy });
  });
  window.addEventListener('pointerup', () => {
    drag = null;
    setTimeout(() => (dragged = false), 0);
  });
  svg.addEventListener('click', () => {
    if (dragged) return;
    for (const o of circles) o.classList.remove('selected');
    opt.onSelect(null);
  });

  const controls = h('div', { class: 'map-controls' },
    h('button', { type: 'button', class: 'icon-btn', title: 'Zoom in', 'aria-label': 'Zoom in', onclick: () => zoomAt(1.6, view.x + view.w / 2, view.y + view.h / 2) }, '+'),
    h('button', { type: 'button', class: 'icon-btn', title: 'Zoom out', 'aria-label': 'Zoom out', onclick: () => zoomAt(1 / 1.6, view.x + view.w / 2, view.y + view.h / 2) }, '−'),
    h('button', { type: 'button', class: 'icon-btn', title: 'Reset view', 'aria-label': 'Reset view', onclick: () => setView({ x: 0, y: 0, w: W, h: H }) }, '⟲'),
  );
  root.append(h('div', { class: 'map-frame' }, svg, controls));
  if (!sorted.length) root.append(h('p', { class: 'map-empty' }, 'No geolocated events yet.'));
  root.append(legend());
}

export function placeKey(p) {
  return `${p.name}|${p.country}|${p.lat}|${p.lon}`;
}

function placeTip(p) {
  const rows = QUADS.map((q) => {
    const n = Number(p.quad?.[q.id] ?? 0);
    return n ? h('div', { class: 'tip-row' }, h('span', { class: 'swatch', dataset: { q: String(q.id) } }), `${q.short}: ${n}`) : null;
  });
  return [
    h('div', { class: 'tip-title' }, p.name || '(unnamed place)', p.country ? h('span', { class: 'muted' }, ' · ' + p.country) : null),
    h('div', { class: 'tip-row' }, `${p.events} event${p.events === 1 ? '' : 's'}`, p.mean_goldstein !== undefined ? ` · Goldstein ${Number(p.mean_goldstein).toFixed(1)}` : ''),
    rows,
    h('div', { class: 'tip-hint' }, 'Click to filter the event table'),
  ];
}

export function legend() {
  return h('ul', { class: 'legend', 'aria-label': 'QuadClass colours' },
    QUADS.map((q) => h('li', null, h('span', { class: 'swatch', dataset: { q: String(q.id) } }), q.label)));
}
