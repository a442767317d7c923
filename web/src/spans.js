// Span handling for the document view: the API gives every span as BYTE
// offsets into the UTF-8 encoding of Document.text, while the DOM works in
// UTF-16 code units. byteToIndex builds the mapping once per document, and
// segment() cuts the text at every span boundary so that overlapping and
// nested spans can be rendered as nested elements without losing any.

/**
 * Returns a function mapping a UTF-8 byte offset of `text` to the index of
 * the same position in the JS string. Offsets inside a multi-byte sequence
 * map to the start of that character; offsets outside [0, byteLength] are
 * clamped. The function has a `byteLength` property.
 * @param {string} text
 */
export function byteMapper(text) {
  const bytes = new TextEncoder().encode(text);
  const map = new Uint32Array(bytes.length + 1);
  let b = 0;
  let u = 0;
  while (b < bytes.length) {
    const lead = bytes[b];
    let n = 1;
    if (lead >= 0xf0) n = 4;
    else if (lead >= 0xe0) n = 3;
    else if (lead >= 0xc0) n = 2;
    for (let k = 0; k < n && b + k < bytes.length; k++) map[b + k] = u;
    b += n;
    u += n === 4 ? 2 : 1;
  }
  map[bytes.length] = text.length;
  const f = (off) => {
    if (typeof off !== 'number' || !Number.isFinite(off) || off <= 0) return 0;
    if (off >= bytes.length) return text.length;
    return map[Math.floor(off)];
  };
  f.byteLength = bytes.length;
  return f;
}

/**
 * Converts a byte span {start,end} to a JS-index span, or null when the
 * span is missing, empty after clamping, or reversed.
 */
export function toRange(map, span) {
  if (!span || typeof span.start !== 'number' || typeof span.end !== 'number') return null;
  if (span.end <= span.start) return null;
  const s = map(span.start);
  const e = map(span.end);
  if (e <= s) return null;
  return { start: s, end: e };
}

/**
 * Cuts [0, length) at every mark boundary. Each mark is {start, end, ...}
 * in JS indices. Returns segments {start, end, marks} covering the whole
 * text in order, where marks lists the marks covering the segment, outer
 * (earlier start, then longer) first, so nesting them in that order gives
 * a well-formed tree even when marks cross.
 * Extra cut positions (e.g. where a badge is inserted) may be given.
 * @param {number} length
 * @param {Array<{start:number,end:number}>} marks
 * @param {number[]} [extraCuts]
 */
export function segment(length, marks, extraCuts = []) {
  const valid = marks.filter((m) => m && m.end > m.start && m.start < length && m.end > 0);
  const order = valid
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end || a.i - b.i);
  const rank = new Map(order.map((o, k) => [o.m, k]));
  const cuts = new Set([0, length]);
  for (const c of extraCuts) if (c > 0 && c < length) cuts.add(c);
  for (const m of valid) {
    cuts.add(Math.max(0, m.start));
    cuts.add(Math.min(length, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  let next = 0; // index into order of the next mark to open
  let active = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    active = active.filter((m) => m.end > a);
    while (next < order.length && order[next].m.start <= a) {
      if (order[next].m.end > a) active.push(order[next].m);
      next++;
    }
    active.sort((x, y) => rank.get(x) - rank.get(y));
    out.push({ start: a, end: b, marks: active.slice() });
  }
  return out;
}
