// Timeline: events per day or week stacked by QuadClass, with the mean
// Goldstein score (weighted by events) as a line on its own −10…+10 axis.
// Short ranges are drawn on a continuous calendar (empty periods shown);
// long sparse ranges fall back to one band per period that has events.

import { s, h, clear } from './dom.js';
import { QUADS, quadColor } from './codes.js';
import { tooltip } from './tooltip.js';

const DAY = 86400000;

function parseDay(str) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(str || '');
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
}

export function isoDay(t) {
  return new Date(t).toISOString().slice(0, 10);
}

/** Fills empty periods between the first and the last when that stays short. */
export function fillPeriods(items, by, maxBands = 120) {
  const step = (by === 'week' ? 7 : 1) * DAY;
  const known = items.filter((it) => !Number.isNaN(parseDay(it.period)));
  if (known.length < 2) return items.slice();
  const first = parseDay(known[0].period);
  const last = parseDay(known[known.length - 1].period);
  const n = Math.round((last - first) / step) + 1;
  if (n > maxBands || n <= known.length) return items.slice();
  const byDay = new Map(known.map((it) => [parseDay(it.period), it]));
  const out = [];
  for (let t = first; t <= last; t += step) {
    out.push(byDay.get(t) || { period: isoDay(t), events: 0, quad: {}, empty: true });
  }
  return out;
}

export function meanGoldstein(it) {
  let sum = 0;
  let n = 0;
  for (const q of [1, 2, 3, 4]) {
    const c = it.quad?.[q];
    if (c && c.events) {
      sum += c.events * (c.goldstein || 0);
      n += c.events;
    }
  }
  return n ? sum / n : null;
}

function niceMax(v) {
  if (v <= 5) return Math.max(1, Math.ceil(v));
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/**
 * @param {HTMLElement} root
 * @param {{by:string, items:Array}} data
 * @param {{onSelect:(range:{since:string,until:string,label:string})=>void}} opt
 */
export function renderTimeline(root, data, opt) {
  clear(root);
  const by = data.by || 'day';
  const items = fillPeriods(data.items || [], by);
  if (!items.length) {
    root.append(h('p', { class: 'empty' }, 'No dated events yet.'));
    return;
  }
  const tip = tooltip(root);
  const W = Math.max(280, root.clientWidth || 600);
  const H = W < 500 ? 190 : 220;
  const m = { l: 34, r: 36, t: 12, b: 26 };
  const iw = W - m.l - m.r;
  const ih = H - m.t - m.b;
  const maxN = niceMax(Math.max(...items.map((it) => it.events || 0)));
  const band = iw / items.length;
  const bw = Math.max(1, Math.min(44, band * 0.78));
  const y = (n) => m.t + ih - (n / maxN) * ih;
  const yg = (g) => m.t + ih / 2 - (g / 10) * (ih / 2);
  const svg = s('svg', { width: W, height: H, class: 'timeline-svg', role: 'img', 'aria-label': `Events per ${by}` });

  const grid = s('g', { class: 'axis' });
  for (let i = 0; i <= 4; i++) {
    const v = (maxN * i) / 4;
    const yy = y(v);
    grid.append(s('line', { x1: m.l, x2: W - m.r, y1: yy, y2: yy, class: i === 0 ? 'axis-base' : 'gridline' }));
    if (Number.isInteger(v)) grid.append(s('text', { x: m.l - 6, y: yy + 4, 'text-anchor': 'end' }, String(v)));
  }
  for (const g of [-10, 0, 10]) {
    grid.append(s('text', { x: W - m.r + 6, y: yg(g) + 4, class: 'axis-g' }, (g > 0 ? '+' : '') + g));
  }
  grid.append(s('line', { x1: m.l, x2: W - m.r, y1: yg(0), y2: yg(0), class: 'zero-g' }));
  svg.append(grid);

  const labelEvery = Math.max(1, Math.ceil(items.length / Math.floor(iw / 78)));
  const bars = s('g');
  const pts = [];
  items.forEach((it, i) => {
    const cx = m.l + band * i + band / 2;
    let acc = 0;
    const col = s('g', { class: 'tl-col' });
    for (const q of QUADS) {
      const n = it.quad?.[q.id]?.events || 0;
      if (!n) continue;
      col.append(s('rect', { x: cx - bw / 2, y: y(acc + n), width: bw, height: Math.max(0.5, y(acc) - y(acc + n)), fill: quadColor(q.id) }));
      acc += n;
    }
    // A full-height hit area makes thin bars easy to hover and click.
    const hit = s('rect', { x: m.l + band * i, y: m.t, width: band, height: ih, class: 'tl-hit' });
    const content = () => [
      h('div', { class: 'tip-title' }, by === 'week' ? `Week of ${it.period}` : it.period),
      h('div', { class: 'tip-row' }, `${it.events || 0} event${it.events === 1 ? '' : 's'}`),
      QUADS.map((q) => {
        const c = it.quad?.[q.id];
        return c && c.events ? h('div', { class: 'tip-row' }, h('span', { class: 'swatch', dataset: { q: String(q.id) } }), `${q.short}: ${c.events} (Goldstein ${Number(c.goldstein).toFixed(1)})`) : null;
      }),
      meanGoldstein(it) !== null ? h('div', { class: 'tip-row' }, `Mean Goldstein ${meanGoldstein(it).toFixed(2)}`) : null,
      it.events ? h('div', { class: 'tip-hint' }, 'Click to filter the event table') : null,
    ];
    hit.addEventListener('pointermove', (ev) => tip.show(ev, content()));
    hit.addEventListener('pointerleave', () => tip.hide());
    if (it.events) {
      hit.addEventListener('click', () => {
        const t = parseDay(it.period);
        const until = by === 'week' ? isoDay(t + 6 * DAY) : it.period;
        opt.onSelect({ since: it.period, until, label: by === 'week' ? `week of ${it.period}` : it.period });
      });
    }
    col.append(hit);
    bars.append(col);
    if (i % labelEvery === 0) {
      bars.append(s('text', { x: cx, y: H - 8, 'text-anchor': 'middle', class: 'axis-x' }, shortDate(it.period, items)));
    }
    const g = meanGoldstein(it);
    if (g !== null) pts.push([cx, yg(g)]);
  });
  svg.append(bars);
  if (pts.length) {
    const line = s('g', { class: 'tl-goldstein' });
    if (pts.length > 1) line.append(s('polyline', { points: pts.map((p) => p.map((v) => v.toFixed(1)).join(',')).join(' ') }));
    for (const p of pts) line.append(s('circle', { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: 2.5 }));
    svg.append(line);
  }
  root.append(svg);
}

function shortDate(period, items) {
  const sameYear = items.length && items[0].period.slice(0, 4) === items[items.length - 1].period.slice(0, 4);
  return sameYear ? period.slice(5) : period;
}
