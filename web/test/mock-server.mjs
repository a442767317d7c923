// A fixture-backed stand-in for `eventwire serve`, for developing and
// checking the dashboard without the Go server: it serves ../dist and
// answers the JSON API from test/fixtures (recorded from a real server over
// examples/), with the same content-security policy as the real server.
// Usage: node test/mock-server.mjs [port]   (listens on 127.0.0.1 only)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'dist');
const fx = path.join(here, 'fixtures');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml' };

const load = (name) => JSON.parse(fs.readFileSync(path.join(fx, name), 'utf8'));
const docs = new Map();
for (const f of fs.readdirSync(path.join(fx, 'docs'))) {
  const d = JSON.parse(fs.readFileSync(path.join(fx, 'docs', f), 'utf8'));
  docs.set(d.id, d);
}

function json(res, code, body) {
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Security-Policy': "default-src 'none'" });
  res.end(JSON.stringify(body));
}

function page(items, url, def = 50) {
  const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit')) || def));
  const off = Number(url.searchParams.get('cursor') || 0) || 0;
  const slice = items.slice(off, off + limit);
  return { items: slice, next_cursor: off + limit < items.length ? String(off + limit) : '' };
}

export function handler(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const p = url.pathname;
  const q = (k) => url.searchParams.get(k) || '';
  if (p === '/healthz') return json(res, 200, load('healthz.json'));
  if (p === '/api/stream') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.write(': connected\n\n');
    return;
  }
  if (p === '/api/documents') {
    let items = load('documents.json').items;
    const text = q('q').toLowerCase();
    if (text) items = items.filter((d) => (docs.get(d.id)?.text || d.title).toLowerCase().includes(text));
    return json(res, 200, page(items, url, 20));
  }
  if (p.startsWith('/api/documents/')) {
    const d = docs.get(decodeURIComponent(p.slice('/api/documents/'.length)));
    return d ? json(res, 200, d) : json(res, 404, { error: { kind: 'not_found', message: 'no such document' } });
  }
  if (p === '/api/events') {
    let items = load('events.json').items;
    const has = (a) => (a?.actor || '').startsWith(q('actor'));
    if (q('actor')) items = items.filter((e) => has(e.source) || has(e.target));
    if (q('root')) items = items.filter((e) => e.root === q('root'));
    if (q('quad')) items = items.filter((e) => String(e.quad_class) === q('quad'));
    if (q('country')) items = items.filter((e) => e.place?.country === q('country'));
    if (q('since')) items = items.filter((e) => (e.date || '') >= q('since'));
    if (q('until')) items = items.filter((e) => (e.date || '') <= q('until'));
    if (q('negated')) items = items.filter((e) => String(!!e.negated) === q('negated'));
    if (q('bbox')) {
      const [x0, y0, x1, y1] = q('bbox').split(',').map(Number);
      items = items.filter((e) => e.place && e.place.lon >= x0 && e.place.lon <= x1 && e.place.lat >= y0 && e.place.lat <= y1);
    }
    return json(res, 200, page(items, url, 50));
  }
  if (p === '/api/actors') return json(res, 200, load('actors.json'));
  if (p === '/api/network') return json(res, 200, load('network.json'));
  if (p === '/api/places') return json(res, 200, load('places.json'));
  if (p === '/api/timeline') return json(res, 200, load(q('by') === 'week' ? 'timeline-week.json' : 'timeline-day.json'));
  if (p.startsWith('/api/')) return json(res, 404, { error: { kind: 'not_found', message: 'no such endpoint: ' + p } });
  let file = path.normalize(path.join(dist, p));
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dist, 'index.html');
  const ext = path.extname(file);
  res.writeHead(200, { 'Content-Type': TYPES[ext] || 'application/octet-stream', ...(ext === '.html' ? { 'Content-Security-Policy': CSP } : {}) });
  fs.createReadStream(file).pipe(res);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || 5174);
  http.createServer(handler).listen(port, '127.0.0.1', () => console.log(`mock API + dashboard on http://127.0.0.1:${port}/`));
}
