// Unit checks of the dashboard's pure logic (node --test): byte-offset
// mapping, span segmentation, routes, timeline helpers, document marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { byteMapper, toRange, segment } from '../src/spans.js';
import { parseRoute, docHref } from '../src/route.js';
import { fillPeriods, meanGoldstein } from '../src/timeline.js';
import { dominantQuad } from '../src/codes.js';
import { buildMarks, afterClosingQuote } from '../src/docview.js';
import { bboxAround, otherArticles, reportCounts } from '../src/events.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const enc = new TextEncoder();
const bytePos = (text, sub) => enc.encode(text.slice(0, text.indexOf(sub))).length;

test('byteMapper maps UTF-8 byte offsets to string indices', () => {
  const cases = [
    { text: 'plain ascii', sub: 'ascii' },
    { text: 'François Hollande met Путин', sub: 'Hollande' },
    { text: 'François Hollande met Путин', sub: 'Путин' },
    { text: 'emoji 🇫🇷 then Paris', sub: 'Paris' },
    { text: '東京で会談 Tokyo', sub: 'Tokyo' },
    { text: 'a😀b', sub: 'b' },
  ];
  for (const { text, sub } of cases) {
    const map = byteMapper(text);
    const b = bytePos(text, sub);
    assert.equal(map(b), text.indexOf(sub), `${text} / ${sub}`);
    const r = toRange(map, { start: b, end: b + enc.encode(sub).length });
    assert.equal(text.slice(r.start, r.end), sub);
  }
});

test('byteMapper clamps and handles offsets inside a character', () => {
  const text = 'é😀x';
  const map = byteMapper(text);
  assert.equal(map.byteLength, 7);
  assert.equal(map(-5), 0);
  assert.equal(map(1), 0); // inside é
  assert.equal(map(2), 1); // start of 😀 (two UTF-16 units)
  assert.equal(map(4), 1); // inside 😀
  assert.equal(map(6), 3); // x
  assert.equal(map(999), text.length);
  assert.equal(map(NaN), 0);
  assert.equal(toRange(map, { start: 5, end: 2 }), null);
  assert.equal(toRange(map, null), null);
  assert.equal(toRange(map, { start: 'a', end: 3 }), null);
});

test('segment cuts at every boundary and nests crossing marks', () => {
  const A = { start: 0, end: 6, kind: 'a' };
  const B = { start: 3, end: 9, kind: 'b' };
  const C = { start: 4, end: 5, kind: 'c' };
  const segs = segment(10, [B, C, A]);
  assert.deepEqual(segs.map((s) => [s.start, s.end, s.marks.map((m) => m.kind).join('')]), [
    [0, 3, 'a'], [3, 4, 'ab'], [4, 5, 'abc'], [5, 6, 'ab'], [6, 9, 'b'], [9, 10, ''],
  ]);
  // Segments tile the text exactly.
  let pos = 0;
  for (const s of segs) {
    assert.equal(s.start, pos);
    pos = s.end;
  }
  assert.equal(pos, 10);
});

test('segment ignores empty and out-of-range marks and takes extra cuts', () => {
  const segs = segment(5, [{ start: 2, end: 2 }, { start: 7, end: 9 }, { start: 4, end: 2 }, null], [3]);
  assert.deepEqual(segs.map((s) => [s.start, s.end, s.marks.length]), [[0, 3, 0], [3, 5, 0]]);
  assert.deepEqual(segment(0, []), []);
});

test('routes round-trip document ids and event indices', () => {
  const id = 'sha256:00ff';
  assert.equal(docHref(id, 3), '#/doc/sha256:00ff?ev=3');
  assert.deepEqual(parseRoute(docHref(id, 3)), { name: 'doc', id, ev: '3' });
  assert.deepEqual(parseRoute('#/doc/a%2Fb'), { name: 'doc', id: 'a/b', ev: null });
  assert.deepEqual(parseRoute('#/search?q=Hollande%20Obama'), { name: 'search', q: 'Hollande Obama' });
  assert.deepEqual(parseRoute(''), { name: 'overview' });
  assert.deepEqual(parseRoute('#/nowhere'), { name: 'overview' });
});

test('timeline fills short gaps and weights the Goldstein mean', () => {
  const items = [
    { period: '2025-01-01', events: 2, quad: { 1: { events: 1, goldstein: 4 }, 4: { events: 1, goldstein: -10 } } },
    { period: '2025-01-04', events: 1, quad: { 3: { events: 1, goldstein: -2 } } },
  ];
  const filled = fillPeriods(items, 'day');
  assert.deepEqual(filled.map((i) => i.period), ['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04']);
  assert.equal(filled[1].events, 0);
  assert.equal(fillPeriods(items, 'day', 3).length, 2); // too long: kept sparse
  assert.equal(meanGoldstein(items[0]), -3);
  assert.equal(meanGoldstein(filled[1]), null);
  assert.equal(fillPeriods([{ period: '2025-01-06' }, { period: '2025-01-20' }], 'week').length, 3);
});

test('dominant QuadClass and bbox helpers', () => {
  assert.equal(dominantQuad({ 1: 2, 2: 0, 3: 5, 4: 1 }), 3);
  assert.equal(dominantQuad({ 1: 2, 4: 2 }), 4);
  assert.equal(dominantQuad({}), 0);
  assert.equal(bboxAround(30.5, 50.25), '30.4900,50.2400,30.5100,50.2600');
});

test('closing quotation marks are skipped for speaker badges', () => {
  assert.equal(afterClosingQuote('"Hi," he said', 4), 5);
  assert.equal(afterClosingQuote('“Hi”', 3), 4);
  assert.equal(afterClosingQuote('Hi there', 2), 2);
});

test('buildMarks converts every kind of span of a real document', () => {
  const dir = path.join(here, 'fixtures', 'docs');
  let checked = 0;
  for (const f of fs.readdirSync(dir)) {
    const d = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const { text, marks } = buildMarks(d);
    const bytes = enc.encode(d.text);
    const dec = new TextDecoder();
    for (const e of d.entities || []) {
      const m = marks.find((x) => x.kind === 'entity' && text.slice(x.start, x.end) === dec.decode(bytes.slice(e.start, e.end)));
      assert.ok(m, `${f}: entity ${e.text} not marked at its bytes`);
    }
    for (const q of d.quotes || []) {
      const m = marks.find((x) => x.kind === 'quote' && x.quote === d.quotes.indexOf(q));
      assert.equal(text.slice(m.start, m.end), dec.decode(bytes.slice(q.start, q.end)));
      if (q.speaker) assert.ok(m.speaker, 'quote keeps its speaker');
    }
    checked++;
  }
  assert.ok(checked >= 5, 'fixture documents present');
  // Multi-byte text before the spans: offsets must still land on the words.
  const t = 'Zürich — “Ça va”, said Ana.';
  const sp = (w) => ({ start: bytePos(t, w), end: bytePos(t, w) + enc.encode(w).length });
  const d = { text: t, entities: [{ ...sp('Ana'), text: 'Ana', type: 'PER' }], quotes: [{ ...sp('Ça va'), text: 'Ça va', speaker: { ...sp('Ana'), text: 'Ana' } }] };
  const { marks } = buildMarks(d);
  assert.deepEqual(marks.map((m) => [m.kind, t.slice(m.start, m.end)]), [['entity', 'Ana'], ['quote', 'Ça va'], ['speaker', 'Ana']]);
});

test('merged-event helpers count other articles and describe counts', () => {
  const reports = [
    { doc_id: 'sha256:b', idx: 0 }, { doc_id: 'sha256:b', idx: 2 }, { doc_id: 'sha256:a', idx: 1 }, { doc_id: 'sha256:c', idx: 0 },
  ];
  const cases = [
    { reports, doc: 'sha256:a', want: 2 },
    { reports, doc: 'sha256:z', want: 3 },
    { reports: [], doc: 'sha256:a', want: 0 },
    { reports: undefined, doc: 'sha256:a', want: 0 },
    { reports: [{ doc_id: 'sha256:a', idx: 3 }], doc: 'sha256:a', want: 0 },
  ];
  for (const c of cases) assert.equal(otherArticles(c.reports, c.doc), c.want, JSON.stringify(c));
  assert.equal(reportCounts({ mentions: 3, sources: 1, articles: 2 }), '3 mentions · 1 source · 2 articles');
  assert.equal(reportCounts({}), '0 mentions · 0 sources · 0 articles');
});
