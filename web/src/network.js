// Actor network: nodes are actors (area ∝ events), edges are source→target
// pairs weighted by event count and coloured by their dominant QuadClass.
// The force layout runs to rest off-screen (deterministic seed), then the
// result is fitted to the card; hover highlights a node's neighbourhood.

import { forceSimulation, forceLink, forceManyBody, forceCollide, forceX, forceY } from 'd3-force';
import { s, h, clear } from './dom.js';
import { QUADS, quadColor, dominantQuad } from './codes.js';
import { tooltip } from './tooltip.js';

function lcg(seed) {
  let x = seed >>> 0;
  return () => ((x = (1664525 * x + 1013904223) >>> 0) / 4294967296);
}

/**
 * @param {HTMLElement} root
 * @param {{nodes:Array, edges:Array}} data
 * @param {{onSelect:(actor:string)=>void, selected?:string}} opt
 */
export function renderNetwork(root, data, opt) {
  clear(root);
  const nodes = (data.nodes || []).map((n) => ({ ...n }));
  const ids = new Set(nodes.map((n) => n.id));
  const links = (data.edges || [])
    .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
    .map((e) => ({ ...e, q: dominantQuad(e.quad) }));
  if (!nodes.length) {
    root.append(h('p', { class: 'empty' }, 'No actor pairs yet.'));
    return;
  }
  const tip = tooltip(root);
  const W = Math.max(280, root.clientWidth || 480);
  const H = W < 500 ? 320 : 360;
  const maxE = Math.max(1, ...nodes.map((n) => n.events || 0));
  const maxW = Math.max(1, ...links.map((l) => l.weight || 0));
  const rad = (n) => 4 + 12 * Math.sqrt((n.events || 0) / maxE);
  const sim = forceSimulation(nodes)
    .randomSource(lcg(42))
    .force('link', forceLink(links).id((d) => d.id).distance(80).strength(0.4))
    .force('charge', forceManyBody().strength(-380))
    .force('collide', forceCollide((d) => rad(d) + 20))
    .force('x', forceX(0).strength(0.05))
    .force('y', forceY(0).strength(0.1))
    .stop();
  for (let i = 0; i < 320; i++) sim.tick();

  // Fit the laid-out graph into the card, leaving room for labels.
  const pad = 26;
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sc = Math.min((W - 2 * pad) / Math.max(1, x1 - x0), (H - 2 * pad) / Math.max(1, y1 - y0), 2.2);
  const ox = (W - (x1 - x0) * sc) / 2;
  const oy = (H - (y1 - y0) * sc) / 2;
  for (const n of nodes) {
    n.px = ox + (n.x - x0) * sc;
    n.py = oy + (n.y - y0) * sc;
  }

  const svg = s('svg', { width: W, height: H, class: 'net-svg', role: 'img', 'aria-label': 'Actor network' });
  const gEdges = s('g', { class: 'net-edges' });
  const gNodes = s('g', { class: 'net-nodes' });
  const nbr = new Map(nodes.map((n) => [n.id, new Set([n.id])]));
  const edgeEls = [];
  for (const l of links) {
    nbr.get(l.source.id).add(l.target.id);
    nbr.get(l.target.id).add(l.source.id);
    const el = s('line', {
      x1: l.source.px.toFixed(1), y1: l.source.py.toFixed(1), x2: l.target.px.toFixed(1), y2: l.target.py.toFixed(1),
      stroke: quadColor(l.q), 'stroke-width': (1 + 5 * ((l.weight || 1) / maxW)).toFixed(2), class: 'net-edge',
    });
    el.addEventListener('pointermove', (ev) => tip.show(ev, edgeTip(l)));
    el.addEventListener('pointerleave', () => tip.hide());
    edgeEls.push({ el, l });
    gEdges.append(el);
  }
  const nodeEls = [];
  const focus = (id) => {
    const set = id ? nbr.get(id) : null;
    svg.classList.toggle('focusing', !!id);
    for (const { el, n } of nodeEls) el.classList.toggle('dim', !!set && !set.has(n.id));
    for (const { el, l } of edgeEls) el.classList.toggle('dim', !!id && l.source.id !== id && l.target.id !== id);
  };
  for (const n of nodes) {
    const g = s('g', { class: 'net-node', transform: `translate(${n.px.toFixed(1)},${n.py.toFixed(1)})`, tabindex: 0, role: 'button', 'aria-label': `${n.name || n.id}: ${n.events} events` });
    if (opt.selected === n.id) g.classList.add('selected');
    g.append(s('circle', { r: rad(n).toFixed(1) }), s('text', { y: (rad(n) + 11).toFixed(1), 'text-anchor': 'middle' }, n.id));
    g.addEventListener('pointermove', (ev) => tip.show(ev, [
      h('div', { class: 'tip-title' }, n.name || n.id),
      h('div', { class: 'tip-row muted' }, n.id),
      h('div', { class: 'tip-row' }, `${n.events} event${n.events === 1 ? '' : 's'} in the network`),
      h('div', { class: 'tip-hint' }, 'Click to filter the event table'),
    ]));
    g.addEventListener('pointerenter', () => focus(n.id));
    g.addEventListener('pointerleave', () => {
      tip.hide();
      focus(null);
    });
    const pick = () => {
      for (const o of nodeEls) o.el.classList.toggle('selected', o.n === n);
      opt.onSelect(n.id);
    };
    g.addEventListener('click', pick);
    g.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        pick();
      }
    });
    nodeEls.push({ el: g, n });
    gNodes.append(g);
  }
  svg.append(gEdges, gNodes);
  root.append(svg);
}

function edgeTip(l) {
  return [
    h('div', { class: 'tip-title' }, `${l.source.id} → ${l.target.id}`),
    h('div', { class: 'tip-row' }, `${l.weight} event${l.weight === 1 ? '' : 's'}`, l.mean_goldstein !== undefined ? ` · Goldstein ${Number(l.mean_goldstein).toFixed(1)}` : ''),
    QUADS.map((q) => {
      const n = Number(l.quad?.[q.id] ?? 0);
      return n ? h('div', { class: 'tip-row' }, h('span', { class: 'swatch', dataset: { q: String(q.id) } }), `${q.short}: ${n}`) : null;
    }),
  ];
}
